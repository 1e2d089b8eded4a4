/** Explanation templates of rule set A (codes A_…), Chinese first, English beside. */
import type { MessageCatalog } from "../../core/explain";

export const MESSAGES_A: MessageCatalog = {
  // A1 第十条
  A_SCORE_INPUT: { zh: "总分 {score}", en: "total score {score}" },
  A_SCORE_ROUNDED: {
    zh: "解释：等级按显示到 0.01 的总分评定，{raw} 四舍五入为 {score}",
    en: "Interpretation: the grade is read from the total shown to 0.01; {raw} rounds half-up to {score}",
  },
  A_SCORE_GRADE: { zh: "总分 {score} → 分数等级 {grade}", en: "score {score} → score grade {grade}" },
  A_GRADE_RESULT: { zh: "最终等级 {grade}，工资系数 {coef}", en: "final grade {grade}, wage coefficient {coef}" },
  A_GRADE_RESULT_NONE: { zh: "最终等级 {grade}，无工资系数", en: "final grade {grade}, no wage coefficient" },
  A_COEF: { zh: "等级 {grade} 的工资系数 {coef}", en: "wage coefficient of grade {grade}: {coef}" },
  A_COEF_NONE: { zh: "等级 {grade} 无工资系数", en: "grade {grade} has no wage coefficient" },
  // A4 第十二条
  A_CAP_SERIOUS: {
    zh: "严重违规 {count} 次：等级最高为 {cap}（原为 {from}，是否降低：{effect}）",
    en: "{count} serious violation(s): grade at most {cap} (was {from}; lowered: {effect})",
  },
  A_CAP_OVER_TOL: {
    zh: "新增不良率 {rate}% 高于不良容忍度 {tol}%：等级最高为 {cap}（原为 {from}，是否降低：{effect}）",
    en: "new-NPL rate {rate}% above the tolerance rate {tol}%: grade at most {cap} (was {from}; lowered: {effect})",
  },
  A_CAP_FAR_OVER_TOL: {
    zh: "新增不良率 {rate}% 超过不良容忍度 {tol}% 的 {factor} 倍（超过容忍度50%）：等级最高为 {cap}（原为 {from}，是否降低：{effect}）",
    en: "new-NPL rate {rate}% above {factor} × the tolerance rate {tol}%: grade at most {cap} (was {from}; lowered: {effect})",
  },
  A_CAP_NO_RAISE: { zh: "封顶不提高等级，也不把取消资格变为等级", en: "a cap never raises a grade nor turns 取消资格 into a grade" },
  A_NPL_WITHIN_TOL: {
    zh: "新增不良率 {rate}% 未超过不良容忍度 {tol}%（{far}%），不封顶",
    en: "new-NPL rate {rate}% not above the tolerance rate {tol}% ({far}%): no cap",
  },
  A_TOL_UNSET: {
    zh: "警告：政策未设置不良容忍度，两项不良率封顶未适用",
    en: "Warning: the NPL tolerance rate is not set in the policy; the two NPL caps were not applied",
  },
  A_NPL_RATE_MISSING: {
    zh: "警告：未提供新增不良率，两项不良率封顶未检查（容忍度 {tol}%）",
    en: "Warning: no new-NPL rate given; the two NPL caps were not checked (tolerance {tol}%)",
  },
  // A5 第七条、第十五条
  A_PROTECTED: {
    zh: "首次任职 {first}，保护期至 {end}（不含），评定日 {date} 在保护期内",
    en: "first appointed {first}; protection until {end} (exclusive); assessment date {date} is within it",
  },
  A_NOT_PROTECTED: {
    zh: "首次任职 {first}，保护期至 {end}（不含），评定日 {date} 不在保护期内",
    en: "first appointed {first}; protection until {end} (exclusive); assessment date {date} is outside it",
  },
  A_PROTECTED_GRADE: { zh: "保护期内：分数等级 {from} 按 {grade} 评定", en: "protection period: score grade {from} becomes {grade}" },
  A_PREV_COEF: {
    zh: "保护期内工资系数取等级系数 {grade} 与原岗位系数 {prev} 中较高者：{coef}",
    en: "protection period: wage coefficient is the larger of the grade's {grade} and the previous post's {prev}: {coef}",
  },
  A_PREV_COEF_IGNORED: {
    zh: "已过保护期，原岗位工资系数 {prev} 不再适用",
    en: "protection period over: the previous post's coefficient {prev} no longer applies",
  },
  A_EXIT_GRADE: { zh: "等级为取消资格：应退出客户经理岗位（见退出原因）", en: "grade 取消资格: must leave the post (see exit reasons)" },
};

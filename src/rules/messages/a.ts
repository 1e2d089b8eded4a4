/** Explanation templates of rule set A (codes A_…), Chinese first, English beside. */
import type { MessageCatalog } from "../../core/explain";

export const MESSAGES_A: MessageCatalog = {
  // A1 第十条
  A_SCORE_INPUT: { zh: "总分 {score}", en: "total score {score}" },
  A_SCORE_ROUNDED: {
    zh: "解释：等级按显示到 0.01 的总分评定，{raw} 四舍五入为 {score}",
    en: "Interpretation: the grade is read from the total shown to 0.01; {raw} rounds half-up to {score}",
  },
  A_SCORE_GRADE: {
    zh: "总分 {score} → 分数等级 {grade}",
    en: "score {score} → score grade {grade}",
  },
  A_GRADE_RESULT: {
    zh: "最终等级 {grade}，工资系数 {coef}",
    en: "final grade {grade}, wage coefficient {coef}",
  },
  A_GRADE_RESULT_NONE: {
    zh: "最终等级 {grade}，无工资系数",
    en: "final grade {grade}, no wage coefficient",
  },
  A_GRADE_RESULT_POST: {
    zh: "最终等级 {grade}，工资系数{text}",
    en: "final grade {grade}; wage coefficient {text} (the post's, Art. 13)",
  },
  A_POST_COEF: {
    zh: "职务为{post}：参加等级评定（等级 {grade} 作为其绩效参考），工资系数不按等级而{text}（《等级行划分办法》）",
    en:
      "post {post}: graded (grade {grade} is a reference for performance), but the wage " +
      "coefficient is {text} — the post's (Art. 13, 等级行划分办法), not the grade's",
  },
  A_PERF_PAY_NOTE: {
    zh: "第七条：首次任职保护期内绩效工资不低于任职前水平（本工具不计算工资，仅作提示）",
    en: "Art. 7: in the protection period performance pay is no less than before the new post (the add-in computes no pay; a note only)",
  },
  A_COEF: { zh: "等级 {grade} 的工资系数 {coef}", en: "wage coefficient of grade {grade}: {coef}" },
  A_COEF_NONE: { zh: "等级 {grade} 无工资系数", en: "grade {grade} has no wage coefficient" },
  // 距上一等级 (issue 18 item 2; rules/a/next.ts nextSteps: one line, pieces joined)
  A_NEXT_TOP: { zh: "已是最高等级", en: "already the top grade" },
  A_NEXT_GOAL: { zh: "{goal}（{score} 分）", en: "{goal} ({score} points)" },
  A_NEXT_GOAL_REACHED: {
    zh: "{goal}（总分已达 {score} 分）",
    en: "{goal} (score already {score})",
  },
  A_NEXT_LOANS: { zh: "贷款笔数 +{n} 笔", en: "loan count +{n} loans" },
  A_NEXT_LOANS_NO: { zh: "贷款笔数 不可能（已封顶）", en: "loan count not possible (capped)" },
  A_NEXT_INCOME: { zh: "或利息收入 +{amount} 元", en: "or interest income +{amount} yuan" },
  A_NEXT_INCOME_NO: {
    zh: "或利息收入 不可能（已封顶）",
    en: "or interest income not possible (capped)",
  },
  A_NEXT_NPL: { zh: "或新增不良 ≤ {amount} 元", en: "or new NPL ≤ {amount} yuan" },
  A_NEXT_NPL_NO: { zh: "或新增不良 不可能（已封顶）", en: "or new NPL not possible (capped)" },
  A_NEXT_CAPS: { zh: "封顶", en: "cap" },
  A_NEXT_CAP_SERIOUS: {
    zh: "严重违规 {count} 次，最高{cap}，当年不能撤销（第十二条）",
    en: "{count} serious violation(s): at most {cap}, cannot be undone in the year (Art. 12)",
  },
  A_NEXT_CAP_RATE: {
    zh: "新增不良率须不超过 {pct}%（第十二条）",
    en: "the new-NPL rate must not exceed {pct}% (Art. 12)",
  },
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
  A_CAP_NO_RAISE: {
    zh: "封顶不提高等级，也不把取消资格变为等级",
    en: "a cap never raises a grade nor turns 取消资格 into a grade",
  },
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
  A_FIRST_APPOINTED_UNKNOWN: {
    zh: "警告：缺少首次任职日期，未检查首次任职保护期",
    en: "Warning: no first appointment date; the protection period was not checked",
  },
  A_PROTECTED_GRADE: {
    zh: "保护期内：分数等级 {from} 按 {grade} 评定",
    en: "protection period: score grade {from} becomes {grade}",
  },
  A_PREV_COEF: {
    zh: "保护期内工资系数取等级系数 {grade} 与原岗位系数 {prev} 中较高者：{coef}",
    en: "protection period: wage coefficient is the larger of the grade's {grade} and the previous post's {prev}: {coef}",
  },
  A_PREV_COEF_IGNORED: {
    zh: "已过保护期，原岗位工资系数 {prev} 不再适用",
    en: "protection period over: the previous post's coefficient {prev} no longer applies",
  },
  A_EXIT_GRADE: {
    zh: "等级为取消资格：应退出客户经理岗位（见退出原因）",
    en: "grade 取消资格: must leave the post (see exit reasons)",
  },
  // A2 第十一条, A3 第十二条
  A_MANAGER: { zh: "客户经理 {id} {name}（{type}）", en: "CM {id} {name} ({type})" },
  A_WHATIF: {
    zh: "假设分析（未写入工作表）：客户经理 {id} {name}（{type}），按修改后的数据重算；{type}平均值随本人数据变动（同类行 {n} 人，本人计入）",
    en:
      "What-if (nothing written to the sheet): CM {id} {name} ({type}) recomputed with the " +
      "changed figures; the {type} averages move with his own ({n} CMs, him included)",
  },
  A_COUNT_POINTS: {
    zh: "贷款笔数 {count}，{type}平均 {avg}，d = {d} 个百分点；{base} + {per} × d = {raw}，限于 {min}–{max} 分 → 笔数得分 {points}",
    en: "loan count {count}, {type} average {avg}, d = {d} pp; {base} + {per} × d = {raw}, within {min}–{max} → count score {points}",
  },
  A_COUNT_LINEAR: {
    zh: "解释：笔数得分按 d 线性计算，不按整百分点分档",
    en: "Interpretation: the count score is linear in d (no stepping to whole percentage points)",
  },
  A_INCOME_POINTS: {
    zh: "贷款利息收入 {income} 元，{type}平均 {avg} 元；按比例得 {raw}，限于 {min}–{max} 分 → 利息得分 {points}",
    en: "interest income {income}, {type} average {avg}; proportional {raw}, within {min}–{max} → income score {points}",
  },
  A_QUALITY_POINTS: {
    zh: "新增不良 {npl} 元 ÷ 年末管理贷款 {managed} 元（不含银行承兑汇票贴现）= {rate}%；{base} + {per} × ({pivot} − r) = {raw}，不低于 {min}（上限 {max}）→ 质量得分 {points}",
    en:
      "new NPL {npl} ÷ year-end managed loans {managed} (excl. bill discounting) = {rate}%; " +
      "{base} + {per} × ({pivot} − r) = {raw}, at least {min} (cap {max}) → quality score " +
      "{points}",
  },
  A_QUALITY_POINTS_NO_CAP: {
    zh: "新增不良 {npl} 元 ÷ 年末管理贷款 {managed} 元（不含银行承兑汇票贴现）= {rate}%；{base} + {per} × ({pivot} − r) = {raw}，不低于 {min}（无上限）→ 质量得分 {points}",
    en:
      "new NPL {npl} ÷ year-end managed loans {managed} (excl. bill discounting) = {rate}%; " +
      "{base} + {per} × ({pivot} − r) = {raw}, at least {min} (no cap) → quality score {points}",
  },
  A_QUALITY_LINEAR: {
    zh: "解释：质量得分按不良率 r 线性计算；无上限时 r = 0 得 {zero} 分",
    en: "Interpretation: the quality score is linear in r; with no cap r = 0 gives {zero}",
  },
  A_DEDUCTIONS: {
    zh: "扣分：考试不合格 {exam} 次 × {examPts} + 经济处罚 {penalty} 次 × {penaltyPts} + 通报批评 {criticism} 次 × {criticismPts} + 严重违规 {serious} 次 × {seriousPts} = {total}",
    en:
      "deductions: failed exams {exam} × {examPts} + penalties {penalty} × {penaltyPts} + " +
      "criticisms {criticism} × {criticismPts} + serious violations {serious} × {seriousPts} = " +
      "{total}",
  },
  A_TOTAL: {
    zh: "定量得分 {count} + {income} + {quality} = {quant}，扣分 {deductions}，总分 {total}",
    en: "quantitative {count} + {income} + {quality} = {quant}, deductions {deductions}, total {total}",
  },
  // A6 第四十条
  A_NPL_PRE_RESP: {
    zh: "贷款 {loan} 于 {granted} 发放，早于 {start}，无第一责任人，不计入任何人",
    en: "loan {loan} granted {granted}, before {start}: no first responsible person, counts for nobody",
  },
  A_NPL_OVERDUE_DERIVED: {
    zh: "解释：贷款 {loan} 逾期天数为空，按到期日 {maturity} 至评定日 {date} 计为 {days} 天",
    en: "Interpretation: loan {loan} has no overdue days; counted from maturity {maturity} to {date}: {days} days",
  },
  A_NPL_OVERDUE: {
    zh: "贷款 {loan} 逾期 {days} 天，达到 {limit} 天（逾期一年以上，“以上”含本数）：不论形态和担保方式计入责任不良",
    en: "loan {loan} overdue {days} days, at least {limit} (one year or more, inclusive): a responsible NPL whatever its class and security",
  },
  A_NPL_GRACE: {
    zh: "贷款 {loan} 为{security}贷款（{cls}），逾期 {days} 天不足 {limit} 天，处于处置宽限期，不论形态和处置阶段暂不计入",
    en: "loan {loan} is a {security} loan ({cls}) overdue {days} days (< {limit}): disposal grace period, not counted whatever its class and stage",
  },
  A_NPL_OVERDUE_ON: {
    zh: "解释：第四十条“以五级分类形态和贷款是否到期为准”——{security}贷款 {loan} 已逾期 {days} 天（≥ 1 天），到期未还即计入责任不良（政策参数 A.责任不良.逾期即计入 = 是）",
    en:
      'Interpretation: Art. 40 "by five-class form and whether the loan has fallen due" — ' +
      "{security} loan {loan} is overdue {days} days (≥ 1): counted (policy switch " +
      "A.责任不良.逾期即计入 = 是)",
  },
  A_NPL_OVERDUE_OFF: {
    zh: "贷款 {loan} 逾期 {days} 天：政策参数 A.责任不良.逾期即计入 = 否，信用、保证贷款只有后三类才计入",
    en: "loan {loan} overdue {days} days: policy switch A.责任不良.逾期即计入 = 否, a credit or guaranteed loan counts only when 次级/可疑/损失",
  },
  A_NPL_CLASS: {
    zh: "贷款 {loan} 五级分类为 {cls}（后三类），计入责任不良",
    en: "loan {loan} is classed {cls}: a responsible NPL",
  },
  A_NPL_NOT: {
    zh: "贷款 {loan} 为 {cls}，逾期 {days} 天（不足 {limit} 天），不计入责任不良",
    en: "loan {loan} is {cls}, overdue {days} days (< {limit}): not a responsible NPL",
  },
  A_NPL_INTRODUCER: {
    zh: "贷款 {loan} 为职工介绍、担保贷款，计入介绍担保人 {who}（不计第一责任人 {first}）",
    en: "loan {loan} was introduced/guaranteed by staff: counts for {who}, not the first responsible {first}",
  },
  A_NPL_FIRST: {
    zh: "贷款 {loan} 计入第一责任人 {who}",
    en: "loan {loan} counts for its first responsible person {who}",
  },
  A_NPL_NOBODY: {
    zh: "警告：贷款 {loan} 属责任不良但缺少第一责任人，未计入任何人",
    en: "Warning: loan {loan} is a responsible NPL but has no first responsible person; it counts for nobody",
  },
  // A7 第三十九条
  A_BOTTOM_INPUT: {
    zh: "{id} 责任不良贷款余额 {balance} 元，排名第 {rank}",
    en: "{id}: responsible NPL {balance}, rank {rank}",
  },
  A_BOTTOM_TOP: {
    zh: "排名第 {rank}，处于全县末 {size} 位（并列者一并列入）",
    en: "rank {rank}: among the county's {size} largest (ties included)",
  },
  A_BOTTOM_AMOUNT: {
    zh: "余额 {balance} 元超过 {limit} 元：黄牌警告，制定清收计划",
    en: "balance {balance} above {limit}: yellow card and collection plan",
  },
  // A8 第四十一条, 第四十三–四十四条
  A_EXIT_AGE_INPUT: {
    zh: "性别 {sex}，出生日期 {birth}，退出年龄 {age} 周岁",
    en: "sex {sex}, born {birth}, exit age {age}",
  },
  A_EXIT_DATE: {
    zh: "解释：按周岁精确计算，{age} 周岁生日为 {birthday}，“超过”自次日 {date} 起",
    en: "Interpretation: exact age; the {age}th birthday is {birthday}, so 'older than' starts on {date}",
  },
  A_EXIT_AGE_REACHED: {
    zh: "评定日 {assessed} 已到退出日期 {date}",
    en: "assessment date {assessed} is on or after the exit date {date}",
  },
  A_EXIT_AGE_UNKNOWN: {
    zh: "警告：缺少性别或出生日期，未检查退出年龄",
    en: "Warning: sex or birth date missing; the exit age was not checked",
  },
  A_EXIT_EXTENDED: {
    zh: "经总行同意延长任职至 {date}：以此日为退出日期（按年龄的退出日期 {age} 不再适用，第四十一条“特别优秀的可适当延长任职期限”）",
    en: "tenure extended until {date} with head-office approval: that is the exit date (the age exit date {age} no longer applies, Art. 41)",
  },
  A_EXIT_UNKNOWN: {
    zh: "警告：缺少相应的列，以下退出原因无法判断（不等于没有该原因）：{reason}",
    en: "Warning: their columns are missing, so these exit reasons cannot be judged (which is not the same as no reason): {reasonEn}",
  },
  A_EXIT_REASON: { zh: "应退出客户经理岗位：{reason}", en: "must leave the post: {reasonEn}" },
  A_TRANSITION_INPUT: {
    zh: "退出日期 {exit}，第一责任贷款余额 {balance} 元，过渡期 {years} 年",
    en: "exit date {exit}, first-responsibility loans {balance}, transition {years} years",
  },
  A_TRANSITION: {
    zh: "解释：过渡期第一年内压降一半——{y1} 起余额不超过 {half} 元（{pct}%）；{end} 起停止全部贷款发放权",
    en: "Interpretation: halved within the first year — from {y1} at most {half} ({pct}%); from {end} no lending at all",
  },
  // A9 第四十七条, A10 第四十八条
  A_TOL_INPUT: {
    zh: "到龄前 {years} 年利息收入：自然人 {np} 元，企业/组织 {ent} 元；支行长或城区：{urban}",
    en: "interest of the {years} years before exit age: natural persons {np}, enterprises {ent}; branch head or urban: {urban}",
  },
  A_TOL_POST: {
    zh: "职务为{post}：按支行长核定容忍度（第四十七条）",
    en: "post {post}: the branch-head tolerance ratios apply (Art. 47)",
  },
  A_TOL_URBAN: {
    zh: "支行长及城区客户经理按 {factor}% 核定：比例为 {nr}% 和 {er}%",
    en: "branch heads and urban CMs at {factor}%: ratios {nr}% and {er}%",
  },
  A_TOL_RESULT: {
    zh: "容忍额度 = 自然人利息 × {nr}% + 企业利息 × {er}% = {np} + {ent} = {value} 元",
    en: "tolerance = natural-person interest × {nr}% + enterprise interest × {er}% = {np} + {ent} = {value}",
  },
  A_OVER_INPUT: {
    zh: "责任不良 {npl} 元，容忍额度 {tol} 元，清收任务完成 {done}%",
    en: "responsible NPL {npl}, tolerance {tol}, collection done {done}%",
  },
  A_OVER_WITHIN: {
    zh: "未超过容忍度：不适用第四十八条（按第四十七条比照柜员平均业务量绩效）",
    en: "within tolerance: Art. 48 does not apply (Art. 47 does)",
  },
  A_OVER_ZERO_TOL: {
    zh: "容忍额度为 0 且有责任不良：视为超容忍度 50% 以上（超出比例无法相除），比例 {share}%",
    en: "tolerance 0 with responsible NPL: counts as beyond the last band (over > 50%), share {share}%",
  },
  A_OVER_BAND_FIRST: {
    zh: "超容忍度 {over}%（不超过 {max}%）：享受柜员平均业务量绩效的 {share}%（超{max}%（含）以内）",
    en: "over tolerance by {over}% (≤ {max}%): {share}% of the tellers' average performance pay (up to {max}%, inclusive)",
  },
  A_OVER_BAND: {
    zh: "超容忍度 {over}%（不超过 {max}%）：享受柜员平均业务量绩效的 {share}%（超{lo}%–{max}%（含））",
    en: "over tolerance by {over}% (≤ {max}%): {share}% of the tellers' average performance pay (over {lo}% up to {max}%, inclusive)",
  },
  A_OVER_BEYOND: {
    zh: "超容忍度 {over}%（超过 {max}%，即“{max}%以上”一档）：享受 {share}%",
    en: "over tolerance by {over}% (> {max}%, the band beyond {max}%): {share}%",
  },
  A_OVER_AT_LIMIT: {
    zh: "解释：超出比例恰为 {max}%，按原文“（含）”归入 {max}% 以内一档（“以上、以内”含本数，写明（含）的从其规定）",
    en: 'Interpretation: over by exactly {max}%: in the band up to {max}%, as the article\'s "(含)" (inclusive) says',
  },
  A_OVER_LOW_COLLECTION: {
    zh: "清收任务完成 {done}%，不足 {min}%：不享受柜员平均业务量绩效（0%）",
    en: "collection done {done}% < {min}%: no share of the tellers' average pay (0%)",
  },
  A_OVER_RESULT: {
    zh: "享受柜员平均业务量绩效的 {share}%",
    en: "share of the tellers' average performance pay: {share}%",
  },
  // A10b 第四十五、四十七、四十八条
  A_EXITPAY_INPUT: {
    zh: "退出日期 {date}（按{by}），容忍额度 {tol} 元，责任不良贷款余额 {balance} 元，退出时等级 {grade}",
    en: "exit date {date} (by {by}), tolerance {tol}, responsible NPL {balance}, grade at exit {grade}",
  },
  A_EXITPAY_NO_GRADE: {
    zh: "警告：本年度等级未能评定（{reason}），退出时等级系数无法确定",
    en: "Warning: this year's grade could not be assessed ({reasonEn}); the grade coefficient at exit is not known",
  },
  A_EXITPAY_NOTE: {
    zh: "解释：本表只列出规定适用的待遇依据及其数据，不计算工资；“当年按年龄离岗”指退出日期（延长任职至，否则按年龄）在政策年度内",
    en:
      "Interpretation: the sheet states which pay basis applies and with which figures; it " +
      'computes no pay. "Leaving by age this year" = the exit date (延长任职至, else by age) falls ' +
      "in the policy year",
  },
  A_EXITPAY_WITHIN: {
    zh: "责任不良未超过容忍额度（含等于）：按第四十七条，岗位工资系数 {coef}，绩效工资比照本支行柜员平均业务量绩效工资（含预发工资）",
    en:
      "responsible NPL within the tolerance (inclusive): Art. 47 — post coefficient {coef}, " +
      "performance pay at the branch tellers' average business-volume pay (incl. prepaid pay)",
  },
  A_EXITPAY_GRADE: {
    zh: "解释：“退出时的等级”取本年度评定的最终等级 {grade}",
    en: "Interpretation: the grade held at exit is this year's final grade {grade}",
  },
  A_EXITPAY_BEYOND: {
    zh: "责任不良超过容忍额度：按第四十八条，岗位工资系数按本支行柜员平均水平 {coef}；预发工资按柜员标准并与季度清收任务挂钩",
    en:
      "responsible NPL beyond the tolerance: Art. 48 — post coefficient at the branch tellers' " +
      "average {coef}; prepaid pay at the tellers' level, tied to the quarterly collection task",
  },
  A_EXITPAY_SHARE: {
    zh: "解释：工作簿无清收任务完成情况，比例按完成 {min} 以上列示为 {share}，完成不足 {min} 为 0",
    en: "Interpretation: the workbook holds no collection figures; the share shown, {share}, applies with at least {min} of the task done, else 0",
  },
  // A11 第四十九–五十三条
  A_BUYOUT_INPUT: {
    zh: "{id} {year} 年退休买断：容忍额度 {tol} 元，评定日 {date}，纳入 {loans} 笔贷款",
    en: "{id} retiring in {year}: tolerance {tol}, assessment date {date}, {loans} loan(s) in the schedule",
  },
  A_BUYOUT_ORDER: {
    zh: "解释：按第五十条顺序（已丧失诉讼时效优先、信用贷款优先、借款时间靠前优先，同等按贷款编号）决定资金不足时先偿付哪些",
    en:
      "Interpretation: the order of Art. 50 (lost limitation first, credit loans, earlier " +
      "borrowing, then loan id) decides which obligations are paid first when funds run short",
  },
  A_BUYOUT_TOL_LATE_ONLY: {
    zh: "解释：容忍额度只与{late}形成的不良贷款比较，按顺序依次占用",
    en: "Interpretation: the tolerance is compared with the NPL formed {late} only, used up in priority order",
  },
  A_BUYOUT_BLANK_FLAGS: {
    zh: "解释：以下为空的是/否栏按“否”处理：{list}",
    en: "Interpretation: these blank yes/no cells were read as no: {list}",
  },
  A_BUYOUT_EXCLUDED: { zh: "贷款 {loan} 不纳入：{reason}", en: "loan {loan} left out: {reasonEn}" },
  A_BUYOUT_UNDUE: {
    zh: "贷款 {loan} 未到期（到期日 {maturity}）且无人接手：视同逾期贷款买断，形成年份按 {year} 年",
    en: "loan {loan} is undue (maturity {maturity}) and nobody took it over: bought out as overdue, formed in {year}",
  },
  A_BUYOUT_BUCKET: {
    zh: "{year} 年形成，属“{bucket}”：按余额的 {rate} 买断",
    en: "formed {year}, bucket {bucket}: {rate} of the balance",
  },
  A_BUYOUT_RELATIVE: {
    zh: "职工直系亲属不良贷款不得买断，全额赔偿（{rate}）",
    en: "a staff member's relative's NPL: no buyout, full compensation ({rate})",
  },
  A_BUYOUT_INTRODUCER_LATE: {
    zh: "职工介绍、担保贷款于 {granted} 发放（{cutoff} 及以后）：介绍担保人负 {rate} 赔偿责任",
    en: "staff-introduced loan granted {granted} (on or after {cutoff}): the introducer owes {rate}",
  },
  A_BUYOUT_SPLIT: {
    zh: "贷款 {loan}（{year} 年形成）：容忍度内 {within} 元 × {wr} + 超出部分 {above} 元 × {ar}；剩余容忍额度 {left} 元",
    en: "loan {loan} (formed {year}): within tolerance {within} × {wr} + above {above} × {ar}; tolerance left {left}",
  },
  A_BUYOUT_OBLIGATION: {
    zh: "第 {order} 位 {loan}：余额 {balance} 元，比例 {rate}，应买断 {obligation} 元",
    en: "#{order} {loan}: balance {balance}, rate {rate}, obligation {obligation}",
  },
  A_BUYOUT_FUNDS: {
    zh: "资金（按序扣除）：风险考核基金 {risk} 元，岗位风险金 {post} 元，退休当年效益工资 {pay} 元",
    en: "funds (used in this order): risk-assessment fund {risk}, post risk fund {post}, retirement-year pay {pay}",
  },
  A_BUYOUT_NO_FUNDS: {
    zh: "警告：未提供资金，只计算应买断金额，未计算扣款与未足额",
    en: "Warning: no funds given; obligations only, no deductions or shortfall",
  },
  A_BUYOUT_PAID: { zh: "{loan} 已扣 {paid} 元（{from}）", en: "{loan} paid {paid} ({from})" },
  A_BUYOUT_PAID_SHORT: {
    zh: "{loan} 已扣 {paid} 元（{from}），未足额 {short} 元",
    en: "{loan} paid {paid} ({from}), shortfall {short}",
  },
  A_BUYOUT_ESCROW: {
    zh: "{loan} 为处于{stage}阶段的抵押贷款：已扣 {paid} 元存入专门账户暂存，资产处置完毕无损失后退还",
    en: "{loan} is a mortgage loan in {stage}: the {paid} paid is held in escrow, refunded once settled without loss",
  },
  A_BUYOUT_PLEDGE_NO_ESCROW: {
    zh: "{loan} 为处于{stage}阶段的质押贷款：第五十一条只规定抵押贷款暂存，质押贷款照常扣款、不暂存",
    en: "{loan} is a pledge loan in {stage}: Art. 51 names mortgage loans only, so it is paid like any other, not held in escrow",
  },
  A_BUYOUT_CREDIT: {
    zh: "{loan} 已赔偿 {credit} 元（第三十六条）：应买断 {before} 元抵减后为 {after} 元（仍按余额占用容忍额度，保留顺序）",
    en:
      "{loan} compensation already paid {credit} (Art. 36): obligation {before} credited to " +
      "{after} (it still uses up the tolerance by its balance and keeps its place)",
  },
  A_BUYOUT_CREDIT_INTERP: {
    zh: "解释：第三十六条“按考核赔偿后……总行不再对其进行扣款考核”按抵减而非免除理解——已赔偿金额从应买断金额中扣减，最低为 0，在容忍额度拆分之后计算",
    en:
      "Interpretation: Art. 36 (no further deductions after compensation) is read as a credit, " +
      "not an exemption — the compensation already paid is deducted from the obligation (not " +
      "below 0), after the tolerance split",
  },
  A_BUYOUT_TOTAL: { zh: "应买断合计 {obligation} 元", en: "total obligation {obligation}" },
  A_BUYOUT_TOTAL_FUNDS: {
    zh: "应买断合计 {obligation} 元；扣风险考核基金 {risk} 元、岗位风险金 {post} 元、效益工资 {pay} 元；未足额 {short} 元",
    en: "total obligation {obligation}; deducted: risk fund {risk}, post fund {post}, pay {pay}; shortfall {short}",
  },
  // A12 第三十三、三十六条
  A_ANNUAL_YEAR: {
    zh: "{year} 年买断 {year} − {lag} = {formed} 年形成的责任不良贷款",
    en: "in {year} the loans formed in {year} − {lag} = {formed} are bought out",
  },
  A_ANNUAL_AMOUNT: {
    zh: "{amount} 元 × {formed} 年比例 {ratio}% = {value} 元",
    en: "{amount} × the {formed} ratio {ratio}% = {value}",
  },
  A_ANNUAL_BASE_FULL: {
    zh: "{formed} 年形成（{last} 年及以前）：按贷款余额 {balance} 元（按其总额的一定比例）",
    en: "formed {formed} ({last} or before): on the balance {balance} (a share of its total)",
  },
  A_ANNUAL_BASE_NO_EXEMPT: {
    zh: "{formed} 年形成（{last} 年以后）：按免责后余额，免责金额为空即无免责，基数 {balance} 元",
    en: "formed {formed} (after {last}): on the balance after exemption; no exemption given, base {balance}",
  },
  A_ANNUAL_BASE_EXEMPT: {
    zh: "{formed} 年形成（{last} 年以后）：按免责后的不良贷款余额，{balance} 元 − 免责金额 {exempted} 元 = {base} 元",
    en: "formed {formed} (after {last}): on the balance after exemption, {balance} − exempted {exempted} = {base}",
  },
  A_ANNUAL_EXEMPT_IGNORED: {
    zh: "{formed} 年形成（{last} 年及以前）按总额计算，免责金额不适用",
    en: "formed {formed} ({last} or before): on the total; the exemption does not apply",
  },
};

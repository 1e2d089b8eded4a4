/**
 * RULES.md B4 (002 第十九条, 第六条, 第十一条 6): the annual decision, first match wins:
 * 0. (rev 2) a disqualifying (✕) item of rule set C recorded in the year → 退出, naming the item
 *    (the items come from rules/c `disqualifyingItems`);
 * 1. below the minimum pass line → 退出 (第十九条 四);
 * 2. main tasks not completed or bottom-3 two years running → 低聘 one level, 退出 from 见习 (第十九条 三);
 * 3. (rev 2) current level 见习 (第六条, 第十九条 五): while the trainee period runs → 见习中. The period
 *    ends on 见习期满日期 (blank: 首次任职日期 + the policy's period, 12 months); **Interpretation:**
 *    it runs while the assessment date is before that day, and has ended on the day itself (届满
 *    includes the day, RULES.md "Reading the numbers"). Ended: exam failed → 退出 (退回原岗位);
 *    passed → 定级 to the level of 原行员等级 by the policy's B1 table (套改), or when that is blank
 *    to the qualified level if 四级 or above, else 四级 (**Interpretation**); exam blank → no
 *    decision (a RuleError naming the column);
 * 4. assessment 称职 or better, qualified above current, exam passed → 晋升 one level; 破格 is
 *    flagged (not applied) when qualified is `policy.b.breakthroughLevels` (2) or more levels
 *    above (第十九条 一);
 * 5. assessment 称职 or better, qualified ≥ current → 续聘 (第十九条 二);
 * 6. otherwise → 低聘: one level below, or to the qualified level when that is lower; 退出
 *    when there is none (第十九条 二; 见习 is always decided in step 3). **Interpretation (rev 2 label):** 基本称职 with the
 *    conditions met is neither renewed nor promoted, so 低聘 is what remains.
 */
import { addMonths, IsoDate } from "../../core/dates";
import { naError, RuleError } from "../../core/errors";
import { ExplainStep, step } from "../../core/explain";
import type { Assessment } from "../../core/rows";
import type { CorpLevel, Policy } from "../../policy/types";
import { LevelOrNone, levelOfStaffGrade, levelRank, shiftLevel } from "./levels";

/** The decisions of 第十九条 (RULES.md B4), the one list (also read back from last year's 公司客户经理等级). */
export const DECISIONS = ["退出", "低聘", "定级", "晋升", "续聘", "见习中"] as const;
export type Decision = (typeof DECISIONS)[number];

/** A ✕ item of rule set C recorded for the CM in the year (rules/c `disqualifyingItems`). */
export interface DisqualifyingInput {
  code: string;
  what: string;
  whatEn?: string;
  /** the item's place in 差错积分考核标准, e.g. "一、1" */
  article: string;
}

/** (rev 2) The trainee columns of 客户经理 (第六条, 第十九条五). */
export interface TraineeInput {
  /** 见习期满日期; blank → firstAppointed + policy.b.trainee.periodMonths */
  periodEnd: IsoDate | null;
  firstAppointed: IsoDate | null;
  /** 见习考试合格 */
  examPassed: boolean | null;
  /** 原行员等级 (5等…9等) */
  formerStaffGrade: string | null;
}

/** A decision that needs a trainee column that is blank: the column named in the message and `field`. */
export class MissingTraineeInput extends RuleError {
  readonly field: "traineeEnd" | "traineeExamPassed";
  constructor(field: "traineeEnd" | "traineeExamPassed", zh: string, en: string) {
    super("na", zh, en);
    this.field = field;
  }
}

export interface DecisionInput {
  current: CorpLevel;
  qualified: LevelOrNone;
  assessment: Assessment;
  /** 升等考试通过; blank = not passed */
  examPassed: boolean | null;
  /** 连续两年后三名; blank = no */
  bottom3TwoYears: boolean | null;
  /** 完成主要业务指标; blank = completed (not proved otherwise) */
  tasksDone: boolean | null;
  /** B3 minimum pass line met */
  passLine: boolean;
  /** (rev 2) step 0: the CM's ✕ items of the year; absent or empty = none */
  disqualifying?: readonly DisqualifyingInput[];
  /** (rev 2) step 3: the trainee columns (read when the current level is 见习) */
  trainee?: TraineeInput;
}

export interface DecisionResult {
  decision: Decision;
  /** the level held after the decision; null after 退出 */
  newLevel: CorpLevel | null;
  /** 破格晋升 candidate (flag only) */
  breakthrough: boolean;
  /** which step of B4 decided (0–6) */
  rule: number;
  steps: ExplainStep[];
}

const ART = "第十九条";
const ART_TRAINEE = "第六条、第十九条五";

/** When the trainee period ends (见习期满日期, or 首次任职日期 + the policy's months) and whether it still runs. */
function traineePeriod(
  t: TraineeInput | undefined,
  policy: Policy
): { end: IsoDate; running: boolean; steps: ExplainStep[] } {
  const asOf = policy.assessmentDate;
  const steps: ExplainStep[] = [];
  let end: IsoDate;
  if (t?.periodEnd) {
    end = t.periodEnd;
    steps.push(step("input", "B", ART_TRAINEE, "B_TRAINEE_END", { end }));
  } else if (t?.firstAppointed) {
    end = addMonths(t.firstAppointed, policy.b.trainee.periodMonths);
    steps.push(
      step("calc", "B", ART_TRAINEE, "B_TRAINEE_END_DEFAULT", {
        from: t.firstAppointed,
        months: policy.b.trainee.periodMonths,
        end,
      })
    );
  } else {
    throw new MissingTraineeInput(
      "traineeEnd",
      "见习客户经理的“见习期满日期”与“首次任职日期”均为空：无法判断见习期是否届满，未作年度决定（第六条、第十九条五），请填写",
      "a trainee with both 见习期满日期 (trainee period end) and 首次任职日期 (first appointment) blank: " +
        "whether the period has ended cannot be told; no decision (Art. 6, 19 (5))"
    );
  }
  const running = asOf < end;
  steps.push(
    step("interpretation", "B", ART_TRAINEE, "B_INTERP_TRAINEE_END_DAY", { end, asOf, running })
  );
  return { end, running, steps };
}

function atLeastCompetent(a: Assessment): boolean {
  return a === "优秀" || a === "称职";
}

export function decide(input: DecisionInput, policy: Policy): DecisionResult {
  const { current, qualified, assessment } = input;
  const steps: ExplainStep[] = [
    step("input", "B", ART, "B_DEC_INPUT", {
      current,
      qualified,
      assessment,
      exam: input.examPassed,
      bottom3: input.bottom3TwoYears,
      tasks: input.tasksDone,
      passLine: input.passLine,
    }),
  ];
  if (input.tasksDone === null) steps.push(step("warning", "B", ART, "B_DEC_BLANK_TASKS", {}));
  if (input.bottom3TwoYears === null)
    steps.push(step("warning", "B", ART, "B_DEC_BLANK_BOTTOM3", {}));
  const done = (
    decision: Decision,
    newLevel: CorpLevel | null,
    rule: number,
    code: string,
    breakthrough = false,
    more: Record<string, string> = {}
  ): DecisionResult => {
    steps.push(
      step("result", "B", rule === 3 ? ART_TRAINEE : ART, code, {
        current,
        qualified,
        newLevel: newLevel ?? "—",
        decision,
        ...more,
      })
    );
    return { decision, newLevel, breakthrough, rule, steps };
  };

  // 0. (rev 2) a disqualifying item of rule set C in the year (差错积分考核标准: 取消客户经理资格)
  const dq = input.disqualifying ?? [];
  if (dq.length > 0) {
    const items = dq.map((i) => `${i.code} ${i.what}（${i.article}）`).join("；");
    const itemsEn = dq.map((i) => `${i.code} ${i.whatEn ?? i.what}`).join("; ");
    steps.push(
      step("result", "B", `${ART}；差错积分考核标准`, "B_DEC_EXIT_C", {
        items,
        itemsEn,
        current,
        newLevel: "—",
        decision: "退出",
      })
    );
    return { decision: "退出", newLevel: null, breakthrough: false, rule: 0, steps };
  }

  // 1. minimum pass line (第十九条 四)
  if (!input.passLine) return done("退出", null, 1, "B_DEC_EXIT_PASSLINE");

  // 2. main tasks / bottom three two years running (第十九条 三)
  if (input.tasksDone === false || input.bottom3TwoYears === true) {
    const lower = current === "见习" ? null : shiftLevel(current, -1);
    return lower === null
      ? done("退出", null, 2, "B_DEC_EXIT_TASKS")
      : done("低聘", lower, 2, "B_DEC_DEMOTE_TASKS");
  }

  const competent = atLeastCompetent(assessment);
  const q = levelRank(qualified);
  const c = levelRank(current);

  // 3. (rev 2) the trainee path (第六条, 第十九条五)
  if (current === "见习") {
    const t = input.trainee;
    const period = traineePeriod(t, policy);
    steps.push(...period.steps);
    if (period.running)
      return done("见习中", "见习", 3, "B_DEC_TRAINEE_RUNNING", false, { end: period.end });
    if (t?.examPassed === null || t?.examPassed === undefined) {
      throw new MissingTraineeInput(
        "traineeExamPassed",
        `见习期已于 ${period.end} 届满，“见习考试合格”为空：无法作出定级或退出决定（第十九条五），请填写`,
        `the trainee period ended on ${period.end} and 见习考试合格 (trainee exam passed) is blank: no decision (Art. 19 (5))`
      );
    }
    if (t.examPassed === false)
      return done("退出", null, 3, "B_DEC_TRAINEE_FAILED", false, { end: period.end });
    if (t.formerStaffGrade) {
      const lv = levelOfStaffGrade(policy, t.formerStaffGrade);
      if (lv === null) {
        throw naError(
          `原行员等级“${t.formerStaffGrade}”在政策的客户经理等级表（第四条）中没有对应等级：无法套改定级（第十九条五）`,
          `the former staff grade "${t.formerStaffGrade}" matches no level of the policy's table (Art. 4): no grading (Art. 19 (5))`
        );
      }
      return done("定级", lv, 3, "B_DEC_TRAINEE_GRADE_STAFF", false, {
        end: period.end,
        grade: t.formerStaffGrade,
      });
    }
    const lv: CorpLevel = q >= levelRank("四级") ? (qualified as CorpLevel) : "四级";
    steps.push(
      step("interpretation", "B", ART_TRAINEE, "B_INTERP_TRAINEE_QUALIFIED", {
        qualified,
        newLevel: lv,
      })
    );
    return done("定级", lv, 3, "B_DEC_TRAINEE_GRADE_QUALIFIED", false, { end: period.end });
  }

  // 4. promotion one level; 破格 flagged (第十九条 一)
  if (competent && q > c) {
    if (input.examPassed === true) {
      const breakthrough = q - c >= policy.b.breakthroughLevels;
      if (breakthrough)
        steps.push(
          step("calc", "B", ART, "B_DEC_BREAKTHROUGH", {
            current,
            qualified,
            levels: policy.b.breakthroughLevels,
          })
        );
      return done("晋升", shiftLevel(current, 1), 4, "B_DEC_PROMOTE", breakthrough);
    }
    steps.push(step("calc", "B", ART, "B_DEC_NO_EXAM", { qualified }));
  }

  // 5. renewal (第十九条 二)
  if (competent && q >= c) return done("续聘", current, 5, "B_DEC_RENEW");

  // 6. demotion (第十九条 二)
  if (assessment === "基本称职" && q >= c)
    steps.push(
      step("interpretation", "B", "第十九条二", "B_INTERP_BASIC_COMPETENT", { current, qualified })
    );
  // (见习 was decided in step 3)
  const oneDown = shiftLevel(current, -1) as CorpLevel;
  if (q < levelRank(oneDown)) {
    return qualified === "无"
      ? done("退出", null, 6, "B_DEC_EXIT")
      : done("低聘", qualified, 6, "B_DEC_DEMOTE");
  }
  return done("低聘", oneDown, 6, "B_DEC_DEMOTE");
}

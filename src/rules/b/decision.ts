/**
 * RULES.md B4 (002 第十九条, 第十一条 6): the annual decision, first match wins:
 * 1. below the minimum pass line → 退出 (第十九条 四);
 * 2. main tasks not completed or bottom-3 two years running → 低聘 one level, 退出 from 见习 (第十九条 三);
 * 3. 见习 with assessment 称职 or better: qualified 四级 or above → 定级 to it; qualified only
 *    as 见习 → 续聘 as 见习 (第十一条 6);
 * 4. assessment 称职 or better, qualified above current, exam passed → 晋升 one level; 破格 is
 *    flagged (not applied) when qualified is `policy.b.breakthroughLevels` (2) or more levels
 *    above (第十九条 一);
 * 5. assessment 称职 or better, qualified ≥ current → 续聘 (第十九条 二);
 * 6. otherwise → 低聘: one level below, or to the qualified level when that is lower; 退出
 *    when there is none, or from 见习 (第十九条 二).
 */
import { ExplainStep, step } from "../../core/explain";
import type { Assessment } from "../../core/rows";
import type { CorpLevel, Policy } from "../../policy/types";
import { LevelOrNone, levelRank, shiftLevel } from "./levels";

export type Decision = "退出" | "低聘" | "定级" | "晋升" | "续聘";

export const DECISION_EN: Record<Decision, string> = { 退出: "exit", 低聘: "demote", 定级: "grade", 晋升: "promote", 续聘: "renew" };

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
}

export interface DecisionResult {
  decision: Decision;
  /** the level held after the decision; null after 退出 */
  newLevel: CorpLevel | null;
  /** 破格晋升 candidate (flag only) */
  breakthrough: boolean;
  /** which step of B4 decided (1–6) */
  rule: number;
  steps: ExplainStep[];
}

const ART = "第十九条";

export function atLeastCompetent(a: Assessment): boolean {
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
  if (input.bottom3TwoYears === null) steps.push(step("warning", "B", ART, "B_DEC_BLANK_BOTTOM3", {}));
  const done = (decision: Decision, newLevel: CorpLevel | null, rule: number, code: string, breakthrough = false): DecisionResult => {
    steps.push(step("result", "B", rule === 3 ? "第十一条 6" : ART, code, { current, qualified, newLevel: newLevel ?? "—", decision }));
    return { decision, newLevel, breakthrough, rule, steps };
  };

  // 1. minimum pass line (第十九条 四)
  if (!input.passLine) return done("退出", null, 1, "B_DEC_EXIT_PASSLINE");

  // 2. main tasks / bottom three two years running (第十九条 三)
  if (input.tasksDone === false || input.bottom3TwoYears === true) {
    const lower = current === "见习" ? null : shiftLevel(current, -1);
    return lower === null ? done("退出", null, 2, "B_DEC_EXIT_TASKS") : done("低聘", lower, 2, "B_DEC_DEMOTE_TASKS");
  }

  const competent = atLeastCompetent(assessment);
  const q = levelRank(qualified);
  const c = levelRank(current);

  // 3. the trainee year done (第十一条 6)
  if (current === "见习" && competent) {
    if (q >= levelRank("四级")) return done("定级", qualified as CorpLevel, 3, "B_DEC_GRADE_TRAINEE");
    if (qualified === "见习") return done("续聘", "见习", 3, "B_DEC_TRAINEE_RENEW");
  }

  // 4. promotion one level; 破格 flagged (第十九条 一)
  if (competent && q > c) {
    if (input.examPassed === true) {
      const breakthrough = q - c >= policy.b.breakthroughLevels;
      if (breakthrough) steps.push(step("calc", "B", ART, "B_DEC_BREAKTHROUGH", { current, qualified, levels: policy.b.breakthroughLevels }));
      return done("晋升", shiftLevel(current, 1), 4, "B_DEC_PROMOTE", breakthrough);
    }
    steps.push(step("calc", "B", ART, "B_DEC_NO_EXAM", { qualified }));
  }

  // 5. renewal (第十九条 二)
  if (competent && q >= c) return done("续聘", current, 5, "B_DEC_RENEW");

  // 6. demotion (第十九条 二)
  if (current === "见习") return done("退出", null, 6, "B_DEC_EXIT");
  const oneDown = shiftLevel(current, -1) as CorpLevel;
  if (q < levelRank(oneDown)) {
    return qualified === "无" ? done("退出", null, 6, "B_DEC_EXIT") : done("低聘", qualified, 6, "B_DEC_DEMOTE");
  }
  return done("低聘", oneDown, 6, "B_DEC_DEMOTE");
}

/**
 * RULES.md B5 (002 第二十–二十四条): admonishment (诫勉), yellow card (黄牌警告), dismissal (解聘).
 * - 诫勉 (第二十条): main customers' deposits, loans or settlement falling over the half year;
 *   overdue or arrears at a loan customer; main indicators under the plan share (80%) for
 *   the set number of quarters running; at a credit customer a loan overdue or in arrears
 *   the set months or more (rev 2: "1个月以上" includes one month: months ≥ 1, or from a date:
 *   on or after the same day one calendar month later, clamped to the month end like EDATE —
 *   overdue from 01-31 reaches one month on 02-28), or an acceptance-bill advance. Period: 第二十四条.
 * - 黄牌 (第二十一条): tasks not completed for the set number of quarters running; annual
 *   不称职; below the minimum pass line.
 * - 解聘 (第二十二条): a yellow card in consecutive years (this year's and the years before),
 *   and the conduct cases of 第二十二条 一–四 entered as a flag.
 * Quarterly figures are the main indicator's actual and plan per quarter, in order.
 */
import { addMonths, IsoDate } from "../../core/dates";
import { valueError } from "../../core/errors";
import { ExplainStep, step } from "../../core/explain";
import { Dec, dec, DecLike } from "../../core/money";
import type { Assessment } from "../../core/rows";
import type { Policy } from "../../policy/types";

export interface TriggerInput {
  /** 第二十条 一: main customers' deposits, loans or settlement fell over the half year */
  customersFell: boolean | null;
  /** 第二十条 二: overdue or arrears at a loan customer */
  loanRisk: boolean | null;
  /** quarterly actual and plan of the main indicators, oldest first (same length) */
  quarterActual: readonly DecLike[];
  quarterPlan: readonly DecLike[];
  /** 第二十条 五: longest overdue / arrears at a credit customer, in months */
  overdueMonths: number | null;
  arrearsMonths: number | null;
  /** 第二十条 五 (rev 2): the day the longest overdue / arrears began; judged on `asOf` */
  overdueSince?: IsoDate | null;
  arrearsSince?: IsoDate | null;
  /** the day the dates are judged on; default the policy's assessment date */
  asOf?: IsoDate | null;
  /** 第二十条 五: an acceptance-bill advance (银行承兑汇票垫款) */
  advance: boolean | null;
  /** 第二十一条 二 */
  assessment: Assessment | null;
  /** 第二十一条 三: B3 minimum pass line met (null = not known) */
  passLine: boolean | null;
  /** 第二十二条 五: consecutive years just before this one with a yellow card */
  priorYellowYears: number | null;
  /** 第二十二条 一–四: a conduct case (违法违规、玩忽职守、重大过失、不服从管理) */
  conduct: boolean | null;
}

export interface TriggerResult {
  admonish: boolean;
  yellow: boolean;
  dismiss: boolean;
  /** 诫勉期, months (第二十四条), when admonished */
  admonishMonths: number | null;
  /** the steps that fired, in order (诫勉, 黄牌, 解聘 reasons) */
  reasons: ExplainStep[];
  steps: ExplainStep[];
}

/** The longest run of consecutive quarters for which `bad` holds. */
function longestRun(flags: boolean[]): number {
  let best = 0;
  let run = 0;
  for (const f of flags) {
    run = f ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

function quarterRatios(
  actual: readonly DecLike[],
  plan: readonly DecLike[]
): { actual: Dec; plan: Dec }[] {
  if (actual.length !== plan.length) {
    throw valueError(
      `季度完成数 ${actual.length} 个与季度计划数 ${plan.length} 个不一致：请逐季对应填写`,
      `${actual.length} quarterly actuals but ${plan.length} plans: give one plan per quarter`
    );
  }
  return actual.map((a, i) => {
    const p = dec(plan[i]);
    if (!p.gt(0)) {
      throw valueError(
        `第 ${i + 1} 季度的计划数为 ${p.toString()}：计划必须大于 0 才能计算完成率`,
        `quarter ${i + 1} has a plan of ${p.toString()}: the plan must be above 0`
      );
    }
    return { actual: dec(a), plan: p };
  });
}

export function triggers(input: TriggerInput, policy: Policy): TriggerResult {
  const b = policy.b;
  const steps: ExplainStep[] = [];
  const reasons: ExplainStep[] = [];
  const fire = (s: ExplainStep) => {
    steps.push(s);
    reasons.push(s);
  };
  const q = quarterRatios(input.quarterActual, input.quarterPlan);
  const sharePct = dec(b.admonishPlanShare).times(100).toString();
  const underShare = longestRun(q.map((x) => x.actual.lt(x.plan.times(b.admonishPlanShare))));
  const notDone = longestRun(q.map((x) => x.actual.lt(x.plan)));
  if (q.length > 0)
    steps.push(
      step("calc", "B", "第二十条 三", "B_QUARTERS", {
        n: q.length,
        underShare,
        notDone,
        pct: sharePct,
      })
    );

  // 诫勉 (第二十条)
  let admonish = false;
  if (input.customersFell === true) {
    admonish = true;
    fire(step("calc", "B", "第二十条 一", "B_ADMONISH_FELL", {}));
  }
  if (input.loanRisk === true) {
    admonish = true;
    fire(step("calc", "B", "第二十条 二", "B_ADMONISH_LOAN_RISK", {}));
  }
  if (underShare >= b.admonishQuarters) {
    admonish = true;
    fire(
      step("calc", "B", "第二十条 三", "B_ADMONISH_PLAN", {
        run: underShare,
        quarters: b.admonishQuarters,
        pct: sharePct,
      })
    );
  }
  // 第二十条 五: "1个月以上" includes one month (rev 2, RULES.md "Reading the numbers")
  const limit = b.admonishOverdueMonths;
  const asOf = input.asOf ?? policy.assessmentDate;
  const byDate = (since: IsoDate | null | undefined, what: "overdue" | "arrears"): boolean => {
    if (since === null || since === undefined) return false;
    const zh = what === "overdue" ? "逾期" : "欠息";
    if (since > asOf) {
      throw valueError(
        `${zh}起始日 ${since} 晚于判断日 ${asOf}：请核对日期`,
        `the ${what} start ${since} is after the day judged on, ${asOf}`
      );
    }
    const reached = addMonths(since, limit);
    const met = asOf >= reached;
    const s = step(
      "calc",
      "B",
      "第二十条 五",
      what === "overdue" ? "B_ADMONISH_OVERDUE_SINCE" : "B_ADMONISH_ARREARS_SINCE",
      { since, asOf, limit, reached, met }
    );
    if (met) fire(s);
    else steps.push(s);
    return met;
  };
  if (input.overdueMonths !== null && input.overdueMonths >= limit) {
    admonish = true;
    fire(
      step("calc", "B", "第二十条 五", "B_ADMONISH_OVERDUE", { months: input.overdueMonths, limit })
    );
  }
  if (byDate(input.overdueSince, "overdue")) admonish = true;
  if (input.arrearsMonths !== null && input.arrearsMonths >= limit) {
    admonish = true;
    fire(
      step("calc", "B", "第二十条 五", "B_ADMONISH_ARREARS", { months: input.arrearsMonths, limit })
    );
  }
  if (byDate(input.arrearsSince, "arrears")) admonish = true;
  if (input.advance === true) {
    admonish = true;
    fire(step("calc", "B", "第二十条 五", "B_ADMONISH_ADVANCE", {}));
  }
  if (admonish) {
    const allowancePct = dec(b.admonishedAllowanceFactor).times(100).toString();
    steps.push(
      step("result", "B", "第二十四条", "B_ADMONISH_PERIOD", {
        months: b.admonishMonths,
        pct: allowancePct,
      })
    );
  }

  // 黄牌 (第二十一条)
  let yellow = false;
  if (notDone >= b.yellowQuarters) {
    yellow = true;
    fire(
      step("calc", "B", "第二十一条 一", "B_YELLOW_QUARTERS", {
        run: notDone,
        quarters: b.yellowQuarters,
      })
    );
  }
  if (input.assessment === "不称职") {
    yellow = true;
    fire(step("calc", "B", "第二十一条 二", "B_YELLOW_ASSESSMENT", {}));
  }
  if (input.passLine === false) {
    yellow = true;
    fire(step("calc", "B", "第二十一条 三", "B_YELLOW_PASSLINE", {}));
  }

  // 解聘 (第二十二条)
  let dismiss = false;
  if (input.conduct === true) {
    dismiss = true;
    fire(step("calc", "B", "第二十二条 一–四", "B_DISMISS_CONDUCT", {}));
  }
  const prior = input.priorYellowYears ?? 0;
  if (yellow && prior + 1 >= b.dismissYellowYears) {
    dismiss = true;
    fire(
      step("calc", "B", "第二十二条 五", "B_DISMISS_YELLOW", {
        years: prior + 1,
        needed: b.dismissYellowYears,
      })
    );
  }
  steps.push(
    step("result", "B", "第二十–二十二条", "B_TRIGGERS_RESULT", { admonish, yellow, dismiss })
  );
  return {
    admonish,
    yellow,
    dismiss,
    admonishMonths: admonish ? b.admonishMonths : null,
    reasons,
    steps,
  };
}

/**
 * Issue 18 item 2 (A1 第十条, A2 第十一条): what one credit CM needs to reach the next grade by
 * the score — the smallest single change, each alone: the extra loan count, the extra interest
 * income (元, to 0.01), or the new-NPL balance not to be exceeded.
 *
 * The CM is one of his peers (A2): his own count / income moves the peer average with it, so
 * the bound is solved on the exact rational function (n·x ÷ (others + x)), then checked by
 * recomputing the score with {@link scoreManager} and stepping one unit down to prove that it is
 * the least (one loan / one 分 less does not reach the grade). Every figure comes from the policy.
 * The caps of A4 (第十二条) are not lifted by these amounts; see the README (next grade).
 */
import { D, Dec, dec, fmtMoney } from "../../core/money";
import type { CreditGrade, Policy } from "../../policy/types";
import type { DeductionInput, PeerFigures, QuantInput } from "./score";
import { countPoints, incomePoints, qualityPoints, scoreManager } from "./score";
import { FinalGrade, gradeRank } from "./common";
import { ExplainStep, Lang, Param, step } from "../../core/explain";
import { renderStep } from "../explain";

/** The rest of the CM's peer group (same branch type, A2), him excluded. */
export interface PeerOthers {
  /** number of the other CMs of the group */
  count: number;
  /** sum of their loan counts */
  sumLoanCount: Dec;
  /** sum of their interest incomes, 元 */
  sumIncome: Dec;
}

export interface NextGradeResult {
  /** the grade one step above the score grade; null when already at the top grade */
  target: CreditGrade | null;
  /** the target's minimum score */
  targetScore: number | null;
  /** the score now */
  score: number;
  /** extra loans needed (null: not possible by the count alone — its cap of A2.1) */
  extraLoans: number | null;
  /** extra interest income needed, 元 to 0.01 (null: not possible by the income alone) */
  extraIncome: Dec | null;
  /** the highest new-NPL balance that reaches the target, 元 to 0.01 (null: not possible) */
  maxNewNpl: Dec | null;
}

const CENT = dec("0.01");
/** A component reaches p (to 0.01, rounded half-up) once its raw value reaches p − HALF. */
const HALF = dec("0.005");
/** The analytic bound is within a rounding step of the answer; this bounds the correction walk. */
const WALK = 1000;

function peersWith(o: PeerOthers, count: number, income: Dec): PeerFigures {
  const n = o.count + 1;
  return {
    branchType: null,
    avgLoanCount: o.sumLoanCount.plus(count).div(n),
    avgIncome: o.sumIncome.plus(income).div(n),
  };
}

/** The least value ≥ start reaching the target (monotone `reaches`), walking from the analytic start. */
function least<T>(
  start: T,
  reaches: (x: T) => boolean,
  up: (x: T) => T,
  down: (x: T) => T,
  floor: (x: T) => boolean
): T | null {
  let x = start;
  for (let i = 0; !reaches(x); i++) {
    if (i > WALK) return null;
    x = up(x);
  }
  for (let i = 0; !floor(x) && reaches(down(x)); i++) {
    if (i > WALK) break;
    x = down(x);
  }
  return x;
}

/**
 * The next grade by score and the three single changes reaching it (A1, A2). `target`: a grade
 * further up to reach instead of the next one (the goal of {@link nextOfManager}); a target the
 * score already reaches gives target null.
 */
export function nextGrade(
  q: QuantInput,
  d: DeductionInput,
  others: PeerOthers,
  policy: Policy,
  target?: CreditGrade
): NextGradeResult {
  const a = policy.a;
  const now = scoreManager(q, d, peersWith(others, q.loanCount, q.interestIncome), policy, false);
  const above = a.grades
    .filter((g) => g.minScore > now.total)
    .sort((x, y) => x.minScore - y.minScore);
  const next = target === undefined ? above[0] : above.find((g) => g.grade === target);
  if (!next)
    return {
      target: null,
      targetScore: null,
      score: now.total,
      extraLoans: null,
      extraIncome: null,
      maxNewNpl: null,
    };
  const min = next.minScore;
  const need = dec(min).minus(now.total);
  // one figure changed moves one component only (his count the count average, his income the
  // income average): the total with it = the rest + that component, by the scoring code, no steps
  const rest = (points: number) => dec(now.total).minus(points);
  const restC = rest(now.countPoints);
  const restI = rest(now.incomePoints);
  const restQ = rest(now.qualityPoints);
  const withCount = (c: number) =>
    restC.plus(countPoints(c, peersWith(others, c, q.interestIncome), policy, null)).gte(min);
  const withIncome = (y: Dec) =>
    restI.plus(incomePoints(y, peersWith(others, q.loanCount, y), policy, null)).gte(min);
  const withNpl = (v: Dec) =>
    restQ.plus(qualityPoints(v, q.managedLoans, policy, null).points).gte(min);
  const n = others.count + 1;

  // A2.1: count points = base + per × (n·x ÷ (O + x) − 1) × 100 ≥ p − 0.005
  let extraLoans: number | null = null;
  const pCount = dec(now.countPoints).plus(need);
  if (a.countPerPct > 0 && pCount.lte(a.countMax)) {
    const k = pCount.minus(HALF).minus(a.countBase).div(a.countPerPct).div(100).plus(1);
    if (k.lt(n)) {
      const bound = k.lte(0) ? dec(0) : k.times(others.sumLoanCount).div(dec(n).minus(k));
      const start = Math.max(q.loanCount + 1, bound.ceil().toNumber());
      const x = least(
        start,
        withCount,
        (c) => c + 1,
        (c) => c - 1,
        (c) => c <= q.loanCount + 1
      );
      if (x !== null) extraLoans = x - q.loanCount;
    }
  }

  // A2.2: income points = base × n·y ÷ (O + y) ≥ p − 0.005
  let extraIncome: Dec | null = null;
  const pIncome = dec(now.incomePoints).plus(need);
  if (a.incomeBase > 0 && pIncome.lte(a.incomeMax)) {
    const t = pIncome.minus(HALF);
    const denom = dec(a.incomeBase).times(n).minus(t);
    if (denom.gt(0)) {
      const bound = t.times(others.sumIncome).div(denom).toDecimalPlaces(2, D.ROUND_UP);
      const first = q.interestIncome.plus(CENT);
      const y = least(
        D.max(first, bound),
        withIncome,
        (v) => v.plus(CENT),
        (v) => v.minus(CENT),
        (v) => v.lte(first)
      );
      if (y !== null) extraIncome = y.minus(q.interestIncome);
    }
  }

  // A2.3: quality = base + per × (pivot − r) ≥ p − 0.005, r = npl ÷ managed × 100 (no peer average)
  let maxNewNpl: Dec | null = null;
  const pQual = dec(now.qualityPoints).plus(need);
  if (a.qualityPerPct > 0 && q.newNpl.gt(0) && (a.qualityMax === null || pQual.lte(a.qualityMax))) {
    const rMax = dec(a.qualityPivotPct).minus(
      pQual.minus(HALF).minus(a.qualityBase).div(a.qualityPerPct)
    );
    if (rMax.gte(0)) {
      const last = q.newNpl.minus(CENT);
      const bound = D.min(
        last,
        rMax.times(q.managedLoans).div(100).toDecimalPlaces(2, D.ROUND_DOWN)
      );
      // the highest balance reaching it: walk down while short, then up while one cent more still reaches
      const reaches = (v: Dec) => v.gte(0) && withNpl(v);
      let v: Dec | null = bound;
      for (let i = 0; v !== null && !reaches(v); i++)
        v = i > WALK || v.lte(0) ? null : D.max(dec(0), v.minus(CENT));
      for (let i = 0; v !== null && i <= WALK && v.lt(last) && reaches(v.plus(CENT)); i++)
        v = v.plus(CENT);
      maxNewNpl = v;
    }
  }

  return {
    target: next.grade,
    targetScore: min,
    score: now.total,
    extraLoans,
    extraIncome,
    maxNewNpl,
  };
}

/** What lifts an A4 cap (第十二条): the NPL rate not to be exceeded, or nothing (a serious violation stays). */
export interface CapLift {
  /** a serious violation in the year caps the grade and cannot be undone (A4) */
  seriousStays: boolean;
  /** the new-NPL rate (%) not to be exceeded to lift the NPL cap; null when no NPL cap applies */
  maxRatePct: Dec | null;
  /** the new-NPL balance (元, to 0.01, rounded down) at that rate, with the year-end managed loans given */
  maxNewNpl: Dec | null;
  /** far over the tolerance: the milder cap left when r is brought only to factor × tolerance; null otherwise */
  thenCap: CreditGrade | null;
}

/** The highest new-NPL balance (元, rounded down to 0.01) whose rate r does not exceed `pct` %. */
function balanceAtRate(pct: Dec, managedLoans: Dec): Dec {
  return pct.times(managedLoans).div(100).toDecimalPlaces(2, D.ROUND_DOWN);
}

/** A4: for a capped CM, what lifts the cap — r ≤ tolerance (r ≤ factor × tolerance lifts the stricter cap only to the milder). */
export function capLift(
  q: QuantInput,
  seriousViolations: number,
  tolerancePct: number | null,
  policy: Policy
): CapLift {
  const seriousStays = seriousViolations > 0;
  if (tolerancePct === null || q.managedLoans.lte(0))
    return { seriousStays, maxRatePct: null, maxNewNpl: null, thenCap: null };
  const tol = dec(tolerancePct);
  const far = tol.times(policy.a.farOverToleranceFactor);
  const r = q.newNpl.div(q.managedLoans).times(100);
  if (r.lte(tol)) return { seriousStays, maxRatePct: null, maxNewNpl: null, thenCap: null };
  const atRate = (pct: Dec) => balanceAtRate(pct, q.managedLoans);
  return {
    seriousStays,
    maxRatePct: tol,
    maxNewNpl: atRate(tol),
    thenCap: r.gt(far) ? policy.a.capOverTolerance : null,
  };
}

/** The rest of a peer group from its exact average (sum = average × count; counts whole, incomes in cents). */
export function othersOfGroup(
  group: { count: number; avgLoanCount: Dec; avgIncome: Dec },
  ownCount: number,
  ownIncome: Dec
): PeerOthers {
  return {
    count: group.count - 1,
    sumLoanCount: group.avgLoanCount.times(group.count).round().minus(ownCount),
    sumIncome: group.avgIncome.times(group.count).toDecimalPlaces(2).minus(ownIncome),
  };
}

/** A figure that cannot lift the grade alone (a component cap of A2, or a cap of A4 holds him). */
export const NEXT_IMPOSSIBLE = "不可能（已封顶）";
/** The top grade, uncapped: nothing to reach. */
export const NEXT_TOP = "已是最高等级";

/** The 距上一等级 cell (Chinese): the target grade and the three single changes, or why not. */
export function nextGradeText(r: NextGradeResult): string {
  if (r.target === null) return NEXT_TOP;
  const no = NEXT_IMPOSSIBLE;
  const loans = r.extraLoans === null ? no : `+${r.extraLoans} 笔`;
  const income = r.extraIncome === null ? no : `+${fmtMoney(r.extraIncome)} 元`;
  const npl = r.maxNewNpl === null ? no : `≤ ${fmtMoney(r.maxNewNpl)} 元`;
  return `${r.target}（${r.targetScore} 分）：贷款笔数 ${loans}；或利息收入 ${income}；或新增不良 ${npl}`;
}

/** A cap of the grade rule (A4) as nextOfManager needs it: which grade it allows, and why. */
interface CapOf {
  cap: CreditGrade;
  /** A_CAP_SERIOUS, A_CAP_OVER_TOL, A_CAP_FAR_OVER_TOL */
  reasonCode: string;
}

/** What lifts one CM's final grade one step (issue 18 item 2; A1, A2, A4, A5). */
export interface ManagerNext {
  /** the grade one step above the final grade; null at the top grade */
  goal: CreditGrade | null;
  /** its minimum score */
  goalScore: number | null;
  /** the score is below the goal's minimum */
  scoreShort: boolean;
  /** each alone; null: not possible alone (a component cap of A2, or a cap of A4 holds him) */
  extraLoans: number | null;
  extraIncome: Dec | null;
  maxNewNpl: Dec | null;
  /** the caps of A4 that hold him below the goal (a serious violation, the NPL rate) */
  blocking: CapOf[];
  /** a serious violation holds him below the goal: it cannot be undone in the year */
  seriousBlocks: boolean;
  /** the new-NPL rate (%) not to be exceeded to lift the NPL caps that hold him below the goal */
  maxRatePct: Dec | null;
  /** serious violations in the year (for the text) */
  seriousViolations: number;
}

/**
 * The smallest single change lifting a CM's final grade one step: the goal is the grade above
 * his final grade (after the caps and the protection period). The score figures are those of
 * {@link nextGrade} toward the goal; while a cap of A4 holds him below the goal, more loans or
 * income alone cannot do it ("不可能（已封顶）"), and the new-NPL balance must also bring the rate
 * down to the tolerance (or to factor × tolerance when the milder cap already allows the goal);
 * a serious violation cannot be undone (A4), so nothing alone lifts that cap.
 */
export function nextOfManager(
  q: QuantInput,
  d: DeductionInput,
  others: PeerOthers,
  grade: { finalGrade: FinalGrade; caps: readonly CapOf[] },
  tolerancePct: number | null,
  policy: Policy
): ManagerNext {
  const a = policy.a;
  const rank = gradeRank(grade.finalGrade);
  const up = a.grades
    .filter((g) => gradeRank(g.grade) < rank)
    .sort((x, y) => gradeRank(y.grade) - gradeRank(x.grade))[0];
  const base = {
    blocking: [] as CapOf[],
    seriousBlocks: false,
    maxRatePct: null,
    seriousViolations: d.seriousViolations,
  };
  if (!up)
    return {
      ...base,
      goal: null,
      goalScore: null,
      scoreShort: false,
      extraLoans: null,
      extraIncome: null,
      maxNewNpl: null,
    };
  const goalRank = gradeRank(up.grade);
  const r = nextGrade(q, d, others, policy, up.grade);
  const scoreShort = r.target !== null;
  const blocking = grade.caps.filter((c) => gradeRank(c.cap) > goalRank);
  if (blocking.length === 0)
    return {
      ...base,
      goal: up.grade,
      goalScore: up.minScore,
      scoreShort,
      extraLoans: r.extraLoans,
      extraIncome: r.extraIncome,
      maxNewNpl: r.maxNewNpl,
    };
  const seriousBlocks = blocking.some((c) => c.reasonCode === "A_CAP_SERIOUS");
  const lift = capLift(q, d.seriousViolations, tolerancePct, policy);
  let maxRatePct: Dec | null = null;
  if (lift.maxRatePct !== null && blocking.some((c) => c.reasonCode !== "A_CAP_SERIOUS"))
    // the milder cap (r within factor × tolerance) already allows the goal: that rate is enough
    maxRatePct =
      gradeRank(a.capOverTolerance) <= goalRank
        ? lift.maxRatePct.times(a.farOverToleranceFactor)
        : lift.maxRatePct;
  let maxNewNpl: Dec | null = null;
  if (!seriousBlocks && maxRatePct !== null) {
    const atRate = balanceAtRate(maxRatePct, q.managedLoans);
    if (!scoreShort) maxNewNpl = atRate;
    else if (r.maxNewNpl !== null) maxNewNpl = D.min(atRate, r.maxNewNpl);
  }
  return {
    goal: up.grade,
    goalScore: up.minScore,
    scoreShort,
    extraLoans: null,
    extraIncome: null,
    maxNewNpl,
    blocking,
    seriousBlocks,
    maxRatePct,
    seriousViolations: d.seriousViolations,
  };
}

/** The 距上一等级 pieces as explanation steps (templates A_NEXT_* in ../messages/a.ts; no article: one line). */
export function nextSteps(v: ManagerNext, policy: Policy): ExplainStep[] {
  const st = (code: string, params: Record<string, Param> = {}) =>
    step("calc", "A", "", code, params);
  if (v.goal === null || v.goalScore === null) return [st("A_NEXT_TOP")];
  const out = [
    st(v.scoreShort ? "A_NEXT_GOAL" : "A_NEXT_GOAL_REACHED", { goal: v.goal, score: v.goalScore }),
    v.extraLoans === null ? st("A_NEXT_LOANS_NO") : st("A_NEXT_LOANS", { n: v.extraLoans }),
    v.extraIncome === null
      ? st("A_NEXT_INCOME_NO")
      : st("A_NEXT_INCOME", { amount: fmtMoney(v.extraIncome) }),
    v.maxNewNpl === null
      ? st("A_NEXT_NPL_NO")
      : st("A_NEXT_NPL", { amount: fmtMoney(v.maxNewNpl) }),
  ];
  if (v.seriousBlocks || v.maxRatePct !== null) out.push(st("A_NEXT_CAPS"));
  if (v.seriousBlocks)
    out.push(
      st("A_NEXT_CAP_SERIOUS", { count: v.seriousViolations, cap: policy.a.capSeriousViolation })
    );
  if (v.maxRatePct !== null) out.push(st("A_NEXT_CAP_RATE", { pct: v.maxRatePct.toString() }));
  return out;
}

/** Whether a step is one of {@link nextSteps} (the pane shows them apart, under the steps). */
export function isNextStep(s: ExplainStep): boolean {
  return NEXT_CODES.has(s.code);
}
const NEXT_CODES = new Set([
  "A_NEXT_TOP",
  "A_NEXT_GOAL",
  "A_NEXT_GOAL_REACHED",
  "A_NEXT_LOANS",
  "A_NEXT_LOANS_NO",
  "A_NEXT_INCOME",
  "A_NEXT_INCOME_NO",
  "A_NEXT_NPL",
  "A_NEXT_NPL_NO",
  "A_NEXT_CAPS",
  "A_NEXT_CAP_SERIOUS",
  "A_NEXT_CAP_RATE",
]);

const PUNCT = { zh: { colon: "：", sep: "；" }, en: { colon: ": ", sep: "; " } } as const;

/**
 * {@link nextSteps} as one line: "一级（90 分）：贷款笔数 +400 笔；或利息收入 …；或新增不良 …；
 * 封顶：…" — the 距上一等级 cell (zh) and the pane's line (either language).
 */
export function renderNextSteps(steps: readonly ExplainStep[], lang: Lang = "zh"): string {
  const p = PUNCT[lang];
  const r = (s: ExplainStep) => renderStep(s, lang);
  const caps = steps.findIndex((s) => s.code === "A_NEXT_CAPS");
  const line = (part: readonly ExplainStep[]) =>
    part.length > 1 ? r(part[0]) + p.colon + part.slice(1).map(r).join(p.sep) : r(part[0]);
  const parts = caps < 0 ? [steps] : [steps.slice(0, caps), steps.slice(caps)];
  const out = parts
    .filter((x) => x.length > 0)
    .map(line)
    .join(p.sep);
  return out;
}

/** The cap part alone (CM.NEXTGRADE's last cell): what holds him below the goal and what lifts it; "" when nothing. */
export function nextCapText(v: ManagerNext, policy: Policy, lang: Lang = "zh"): string {
  const steps = nextSteps(v, policy);
  const caps = steps.findIndex((s) => s.code === "A_NEXT_CAPS");
  return caps < 0 ? "" : renderNextSteps(steps.slice(caps), lang);
}

/**
 * The 距上一等级 text of a CM (the column of 等级汇总, the pane's explanation): the goal and the
 * three single changes, then what lifts a cap; "已是最高等级" at the top. Uncapped it is
 * {@link nextGradeText}'s text.
 */
export function nextOfManagerText(v: ManagerNext, policy: Policy, lang: Lang = "zh"): string {
  return renderNextSteps(nextSteps(v, policy), lang);
}

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
import { scoreManager } from "./score";

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

function totalOf(q: QuantInput, d: DeductionInput, o: PeerOthers, policy: Policy): number {
  return scoreManager(q, d, peersWith(o, q.loanCount, q.interestIncome), policy).total;
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

/** The next grade by score and the three single changes reaching it (A1, A2). */
export function nextGrade(
  q: QuantInput,
  d: DeductionInput,
  others: PeerOthers,
  policy: Policy
): NextGradeResult {
  const a = policy.a;
  const now = scoreManager(q, d, peersWith(others, q.loanCount, q.interestIncome), policy);
  const above = a.grades
    .filter((g) => g.minScore > now.total)
    .sort((x, y) => x.minScore - y.minScore);
  const next = above[0];
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
        (c) => totalOf({ ...q, loanCount: c }, d, others, policy) >= min,
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
        (v) => totalOf({ ...q, interestIncome: v }, d, others, policy) >= min,
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
      const reaches = (v: Dec) =>
        v.gte(0) && totalOf({ ...q, newNpl: v }, d, others, policy) >= min;
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
  const atRate = (pct: Dec) => pct.times(q.managedLoans).div(100).toDecimalPlaces(2, D.ROUND_DOWN);
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

/** The 距上一等级 cell (Chinese): the target grade and the three single changes, or why not. */
export function nextGradeText(r: NextGradeResult): string {
  if (r.target === null) return "已是最高等级";
  const no = "不可能（已封顶）";
  const loans = r.extraLoans === null ? no : `+${r.extraLoans} 笔`;
  const income = r.extraIncome === null ? no : `+${fmtMoney(r.extraIncome)} 元`;
  const npl = r.maxNewNpl === null ? no : `≤ ${fmtMoney(r.maxNewNpl)} 元`;
  return `${r.target}（${r.targetScore} 分）：贷款笔数 ${loans}；或利息收入 ${income}；或新增不良 ${npl}`;
}

/**
 * A2 (第十一条) quantitative score against the peer averages of the same branch type, and
 * A3 (第十二条 1–2) qualitative deductions. Each component is rounded half-up to 0.01, then summed.
 */
import { naError, valueError } from "../../core/errors";
import type { ExplainStep } from "../../core/explain";
import { clamp, D, Dec, dec, num2, round2, toNum } from "../../core/money";
import type { BranchType } from "../../core/rows";
import type { Policy } from "../../policy/types";
import { checkCount, stepA } from "./common";

const ART = "第十一条";
const ART_DEDUCT = "第十二条";

/** The peer averages one CM is compared with (A2: same branch type, the CM included). */
export interface PeerFigures {
  /** branch type, for messages (null when the averages were given directly) */
  branchType: BranchType | null;
  avgLoanCount: Dec;
  avgIncome: Dec;
}

export interface QuantInput {
  loanCount: number;
  /** 当年贷款利息收入, 元 */
  interestIncome: Dec;
  /** 新增不良贷款余额, 元 */
  newNpl: Dec;
  /** 年末管理贷款总额 (不含银行承兑汇票贴现), 元 */
  managedLoans: Dec;
}

export interface DeductionInput {
  examFails: number;
  penalties: number;
  criticisms: number;
  seriousViolations: number;
}

export interface ScoreResult {
  countPoints: number;
  incomePoints: number;
  qualityPoints: number;
  /** r of A2.3 in %, exact (used by the caps of A4) */
  nplRatePct: Dec;
  quantitative: number;
  deductions: number;
  /** S = quantitative − deductions (may be negative) */
  total: number;
  steps: ExplainStep[];
}

const ONE = dec(1);
const HUNDRED = dec(100);

/** A peer average as every row of its group shows it (to 0.01): made once per average. */
const shownAvg = new WeakMap<Dec, { n: number; s: string }>();
function avgShown(avg: Dec): { n: number; s: string } {
  let v = shownAvg.get(avg);
  if (!v) {
    const r = round2(avg);
    shownAvg.set(avg, (v = { n: r.toNumber(), s: r.toFixed(2) }));
  }
  return v;
}

function peerName(t: BranchType | null): string {
  return t ?? "同类行";
}

function checkAmount(x: Dec, zh: string, en: string): Dec {
  if (!x.isFinite() || x.isNeg())
    throw valueError(
      `${zh}应为非负金额：${x.toString()}`,
      `${en} must be an amount ≥ 0: ${x.toString()}`
    );
  return x;
}

/** A2.1 loan count: base + perPct × d, d = (count ÷ peer average − 1) × 100, within [min, max] (policy defaults 20, 0.1, 0–30). */
export function countPoints(
  loanCount: number,
  peers: PeerFigures,
  policy: Policy,
  steps: ExplainStep[] | null = []
): Dec {
  checkCount(loanCount, "当年发放贷款笔数", "the loan count");
  const a = policy.a;
  if (!peers.avgLoanCount.isFinite() || peers.avgLoanCount.lte(0)) {
    throw naError(
      `${peerName(peers.branchType)}客户经理平均贷款笔数为 0，无法计算笔数得分（第十一条 1）`,
      `the peer average loan count of ${peerName(peers.branchType)} is 0: the loan-count score cannot be computed (Art. 11.1)`
    );
  }
  const d = dec(loanCount).div(peers.avgLoanCount).minus(ONE).times(HUNDRED);
  const raw = dec(a.countBase).plus(dec(a.countPerPct).times(d));
  const pts = round2(clamp(raw, a.countMin, a.countMax));
  if (steps)
    steps.push(
      stepA("calc", `${ART} 1`, "A_COUNT_POINTS", {
        count: loanCount,
        avg: avgShown(peers.avgLoanCount).n,
        type: peerName(peers.branchType),
        d: num2(d),
        base: a.countBase,
        per: a.countPerPct,
        raw: num2(raw),
        min: a.countMin,
        max: a.countMax,
        points: toNum(pts),
      })
    );
  if (steps) steps.push(stepA("interpretation", `${ART} 1`, "A_COUNT_LINEAR"));
  return pts;
}

/** A2.2 interest income: 50 × income ÷ peer average, within [0, 70]. */
export function incomePoints(
  income: Dec,
  peers: PeerFigures,
  policy: Policy,
  steps: ExplainStep[] | null = []
): Dec {
  checkAmount(income, "当年贷款利息收入", "the interest income");
  const a = policy.a;
  if (!peers.avgIncome.isFinite() || peers.avgIncome.lte(0)) {
    throw naError(
      `${peerName(peers.branchType)}客户经理平均贷款利息收入为 0，无法计算利息得分（第十一条 2）`,
      `the peer average interest income of ${peerName(peers.branchType)} is 0: the income score cannot be computed (Art. 11.2)`
    );
  }
  const raw = dec(a.incomeBase).times(income).div(peers.avgIncome);
  const pts = round2(clamp(raw, a.incomeMin, a.incomeMax));
  if (steps)
    steps.push(
      stepA("calc", `${ART} 2`, "A_INCOME_POINTS", {
        income: round2(income).toFixed(2),
        avg: avgShown(peers.avgIncome).s,
        type: peerName(peers.branchType),
        raw: num2(raw),
        min: a.incomeMin,
        max: a.incomeMax,
        points: toNum(pts),
      })
    );
  return pts;
}

/** A2.3 r = new NPL ÷ year-end managed loans × 100 (%). */
function nplRatePct(newNpl: Dec, managedLoans: Dec): Dec {
  checkAmount(newNpl, "新增不良贷款余额", "the new NPL");
  checkAmount(managedLoans, "年末管理贷款总额", "the managed loans");
  if (managedLoans.isZero()) {
    throw naError(
      "年末管理贷款总额为 0，无法计算贷款质量得分（第十一条 3）",
      "the year-end managed loans are 0: the quality score cannot be computed (Art. 11.3)"
    );
  }
  return newNpl.div(managedLoans).times(HUNDRED);
}

/** A2.3 loan quality: 30 + 10 × (1 − r), at least 0, no upper cap by default. */
export function qualityPoints(
  newNpl: Dec,
  managedLoans: Dec,
  policy: Policy,
  steps: ExplainStep[] | null = []
): { points: Dec; ratePct: Dec } {
  const a = policy.a;
  const r = nplRatePct(newNpl, managedLoans);
  const raw = dec(a.qualityBase).plus(dec(a.qualityPerPct).times(dec(a.qualityPivotPct).minus(r)));
  const pts = round2(clamp(raw, a.qualityMin, a.qualityMax));
  if (steps)
    steps.push(
      stepA(
        "calc",
        `${ART} 3`,
        a.qualityMax === null ? "A_QUALITY_POINTS_NO_CAP" : "A_QUALITY_POINTS",
        {
          npl: round2(newNpl).toFixed(2),
          managed: round2(managedLoans).toFixed(2),
          rate: r.toDecimalPlaces(4).toNumber(),
          base: a.qualityBase,
          per: a.qualityPerPct,
          pivot: a.qualityPivotPct,
          raw: num2(raw),
          min: a.qualityMin,
          max: a.qualityMax,
          points: toNum(pts),
        }
      )
    );
  const zeroRate = dec(a.qualityBase).plus(dec(a.qualityPerPct).times(a.qualityPivotPct));
  if (steps)
    steps.push(
      stepA("interpretation", `${ART} 3`, "A_QUALITY_LINEAR", {
        zero: num2(clamp(zeroRate, a.qualityMin, a.qualityMax)),
      })
    );
  return { points: pts, ratePct: r };
}

/** A3: the deductions of the year. */
export function deductionPoints(
  d: DeductionInput,
  policy: Policy,
  steps: ExplainStep[] | null = []
): Dec {
  const a = policy.a;
  checkCount(d.examFails, "考试不合格次数", "the failed exams");
  checkCount(d.penalties, "经济处罚次数", "the economic penalties");
  checkCount(d.criticisms, "通报批评次数", "the circulated criticisms");
  checkCount(d.seriousViolations, "严重违规次数", "the serious violations");
  const total = dec(d.examFails)
    .times(a.deductExamFail)
    .plus(dec(d.penalties).times(a.deductPenalty))
    .plus(dec(d.criticisms).times(a.deductCriticism))
    .plus(dec(d.seriousViolations).times(a.deductSeriousViolation));
  steps?.push(
    stepA("calc", `${ART_DEDUCT} 1–2`, "A_DEDUCTIONS", {
      exam: d.examFails,
      examPts: a.deductExamFail,
      penalty: d.penalties,
      penaltyPts: a.deductPenalty,
      criticism: d.criticisms,
      criticismPts: a.deductCriticism,
      serious: d.seriousViolations,
      seriousPts: a.deductSeriousViolation,
      total: num2(total),
    })
  );
  return round2(total);
}

/**
 * A2 + A3: the three components, the deductions and the total S. `explain: false` (the
 * 距上一等级 probes, which recompute a score they only compare): the same figures, no steps.
 */
export function scoreManager(
  q: QuantInput,
  d: DeductionInput,
  peers: PeerFigures,
  policy: Policy,
  explain = true
): ScoreResult {
  const steps: ExplainStep[] | null = explain ? [] : null;
  const c = countPoints(q.loanCount, peers, policy, steps);
  const i = incomePoints(q.interestIncome, peers, policy, steps);
  const qual = qualityPoints(q.newNpl, q.managedLoans, policy, steps);
  const quant = D.sum(c, i, qual.points);
  const ded = deductionPoints(d, policy, steps);
  const total = quant.minus(ded);
  steps?.push(
    stepA("result", `${ART}、${ART_DEDUCT}`, "A_TOTAL", {
      count: toNum(c),
      income: toNum(i),
      quality: toNum(qual.points),
      quant: toNum(quant),
      deductions: toNum(ded),
      total: toNum(total),
    })
  );
  return {
    countPoints: toNum(c),
    incomePoints: toNum(i),
    qualityPoints: toNum(qual.points),
    nplRatePct: qual.ratePct,
    quantitative: toNum(quant),
    deductions: toNum(ded),
    total: toNum(total),
    steps: steps ?? [],
  };
}

/**
 * A11 (第四十九–五十三条, 第三十七–三十八条): the retirement buyout schedule of a CM's
 * responsible NPL and undue responsible loans — obligation per loan by bucket, priority order,
 * tolerance split in that order, the credit of compensation already paid (已赔偿金额, 第三十六条,
 * rev 2: after the split, not below 0), deduction from the three funds in order, escrow (暂存,
 * rev 2: 抵押 loans only) and shortfall per loan.
 */
import type { IsoDate } from "../../core/dates";
import { valueError } from "../../core/errors";
import type { ExplainStep } from "../../core/explain";
import { D, Dec, dec, fmtMoney, round2 } from "../../core/money";
import type { LoanRow } from "../../core/rows";
import type { Policy } from "../../policy/types";
import { need, stepA } from "./common";
import { countsAsResponsibleNpl } from "./npl";

const ART_RATE = "第四十九条";
const ART_ORDER = "第五十条";
const ART_ESCROW = "第五十一条";
const ART_UNDUE = "第五十二条";
const ART_FUNDS = "第五十三条";
const ART_CREDIT = "第三十六条";

export type FundKey = "riskFund" | "postRiskFund" | "retirementPay";
/** 第五十三条: the order the funds are used in. */
export const FUND_ORDER: readonly FundKey[] = ["riskFund", "postRiskFund", "retirementPay"];
export const FUND_LABELS: Record<FundKey, { zh: string; en: string }> = {
  riskFund: { zh: "风险考核基金", en: "risk-assessment fund" },
  postRiskFund: { zh: "岗位风险金", en: "post risk fund" },
  retirementPay: { zh: "退休当年效益工资", en: "retirement-year performance pay" },
};

export type BuyoutFunds = Record<FundKey, Dec>;

/** Disposal stages of 第五十一条 (a mortgage loan in one of them is paid into escrow). */
const ESCROW_STAGES = new Set(["诉讼", "执行", "拍卖", "处置"]);
/** (rev 2) 第五十一条 names 抵押贷款 only: a pledge loan (质押) is paid like any other. */
const ESCROW_SECURITY = "抵押";

export type BucketKind = "bucket" | "tolerance" | "relative" | "introducer";

export interface FundDeduction {
  fund: FundKey;
  amount: Dec;
}

export interface BuyoutRow {
  /** 1, 2, … in priority order (第五十条) */
  order: number;
  loanId: string;
  /** index of the loan in the input array */
  loanIndex: number;
  /** responsible NPL (A6) or an undue loan nobody took over (第五十二条) */
  kind: "npl" | "undue";
  formedYear: number;
  balance: Dec;
  /** bucket label, e.g. "2005年及以前", "2011年以后·容忍度内/超出部分", "职工直系亲属", "介绍担保" */
  bucket: string;
  bucketKind: BucketKind;
  /** the single rate, or null for a tolerance split (see rateText) */
  rate: number | null;
  /** "5%", "10%", "100%", "5%/30%" */
  rateText: string;
  /** the part of the balance at the within-tolerance rate (tolerance rows only) */
  withinTolerance: Dec | null;
  aboveTolerance: Dec | null;
  /** rounded once to 0.01; after the credit of 已赔偿金额 (第三十六条), never below 0 */
  obligation: Dec;
  /** the obligation by rate, before the credit (equal to `obligation` without one) */
  obligationBeforeCredit: Dec;
  /** 已赔偿金额 of the loan (null: blank / no column) */
  compensated: Dec | null;
  /** null when no funds were given */
  paid: Dec | null;
  deductions: FundDeduction[];
  /** "风险考核基金 50,000.00；岗位风险金 …" (元) */
  fundSources: string;
  /** 暂存 (第五十一条): paid into a dedicated account, refundable when settled without loss */
  escrow: boolean;
  shortfall: Dec | null;
  /** a staff-introduced loan (第三十七条) */
  introduced: boolean;
  steps: ExplainStep[];
}

export interface BuyoutExcluded {
  loanIndex: number;
  loanId: string;
  reasonCode: "introducer" | "preResponsibility" | "successor" | "zeroBalance" | "notNplNotUndue";
  zh: string;
  en: string;
}

export interface BuyoutTotals {
  /** the balances of the loans bought out (Σ of the rows' 贷款余额) */
  balance: Dec;
  obligation: Dec;
  paid: Dec | null;
  shortfall: Dec | null;
  byFund: BuyoutFunds | null;
  /** the obligations before the credit of 已赔偿金额 (第三十六条) */
  obligationBeforeCredit: Dec;
  /** the credit applied (Σ of before − after) */
  credited: Dec;
  /** Σ of the rows' 已赔偿金额 given (第三十六条); null when no row has one */
  compensated: Dec | null;
  /** paid amounts held in escrow */
  escrow: Dec | null;
}

export interface BuyoutResult {
  employeeId: string;
  year: number;
  tolerance: Dec;
  toleranceUsed: Dec;
  rows: BuyoutRow[];
  excluded: BuyoutExcluded[];
  totals: BuyoutTotals;
  steps: ExplainStep[];
}

export interface BuyoutInput {
  employeeId: string;
  /** the retirement year Y */
  year: number;
  /** the tolerance amount T (A9), 元 */
  tolerance: Dec;
  /** null: obligations only, nothing deducted */
  funds: BuyoutFunds | null;
  /** the whole ledger: the rule selects this employee's loans */
  loans: readonly LoanRow[];
  /** defaults to the policy's 评定日期 */
  assessmentDate?: IsoDate | null;
  /** "introduced": only the loans this employee introduced or guaranteed (第三十七条) */
  scope?: "all" | "introduced";
}

function pctText(r: number): string {
  return `${dec(r).times(100).toDecimalPlaces(4).toString()}%`;
}

function sortedBuckets(policy: Policy): { lastYear: number; rate: number }[] {
  return [...policy.a.buyoutBuckets].sort((x, y) => x.lastYear - y.lastYear);
}

/** The label of the fixed-rate bucket holding a formation year, or null past the last bucket. */
export function bucketOfYear(
  formedYear: number,
  policy: Policy
): { label: string; rate: number } | null {
  const buckets = sortedBuckets(policy);
  for (let i = 0; i < buckets.length; i++) {
    if (formedYear <= buckets[i].lastYear) {
      const label =
        i === 0
          ? `${buckets[i].lastYear}年及以前`
          : `${buckets[i - 1].lastYear + 1}–${buckets[i].lastYear}年`;
      return { label, rate: buckets[i].rate };
    }
  }
  return null;
}

/** "2011年以后": the formation years that use the tolerance split. */
export function lateLabel(policy: Policy): string {
  const b = sortedBuckets(policy);
  const last = b.length > 0 ? b[b.length - 1].lastYear : null;
  return last === null ? "全部年份" : `${last + 1}年以后`;
}

export interface RateQuery {
  formedYear: number;
  relative?: boolean;
  /** a staff-introduced loan (第三十七条); with `granted` decides the 100% rule */
  introduced?: boolean;
  granted?: IsoDate | null;
  /** for a loan past the fixed buckets: the part within tolerance or above it */
  part?: "within" | "above" | null;
}

/** A11: the rate of one loan (or of one part of a 2011-or-later loan). */
export function buyoutRate(
  q: RateQuery,
  policy: Policy
): { rate: number; bucket: string; kind: BucketKind; steps: ExplainStep[] } {
  const a = policy.a;
  if (q.relative) {
    return {
      rate: a.buyoutRelativeRate,
      bucket: "职工直系亲属",
      kind: "relative",
      steps: [
        stepA("calc", "第三十八条", "A_BUYOUT_RELATIVE", { rate: pctText(a.buyoutRelativeRate) }),
      ],
    };
  }
  if (q.introduced) {
    const granted = need(
      q.granted,
      "介绍担保贷款的发放日期",
      "the grant date of the introduced loan"
    );
    if (granted >= a.introducerCutoff) {
      return {
        rate: a.introducerLateRate,
        bucket: "介绍担保",
        kind: "introducer",
        steps: [
          stepA("calc", "第三十七条", "A_BUYOUT_INTRODUCER_LATE", {
            granted,
            cutoff: a.introducerCutoff,
            rate: pctText(a.introducerLateRate),
          }),
        ],
      };
    }
  }
  const suffix = q.introduced ? "（介绍担保）" : "";
  const b = bucketOfYear(q.formedYear, policy);
  if (b)
    return {
      rate: b.rate,
      bucket: b.label + suffix,
      kind: "bucket",
      steps: [
        stepA("calc", ART_RATE, "A_BUYOUT_BUCKET", {
          year: q.formedYear,
          bucket: b.label,
          rate: pctText(b.rate),
        }),
      ],
    };
  if (q.part === "within")
    return {
      rate: a.buyoutWithinTolRate,
      bucket: `${lateLabel(policy)}·容忍度内${suffix}`,
      kind: "tolerance",
      steps: [],
    };
  if (q.part === "above")
    return {
      rate: a.buyoutAboveTolRate,
      bucket: `${lateLabel(policy)}·超出部分${suffix}`,
      kind: "tolerance",
      steps: [],
    };
  throw valueError(
    `${q.formedYear} 年形成的不良贷款按容忍度拆分（容忍度内 ${pctText(a.buyoutWithinTolRate)}，超出部分 ${pctText(a.buyoutAboveTolRate)}，第四十九条 3）：请指明容忍度内或超出部分`,
    `an NPL formed in ${q.formedYear} is split by the tolerance (within ` +
      `${pctText(a.buyoutWithinTolRate)}, above ${pctText(a.buyoutAboveTolRate)}, Art. 49.3): say which part`
  );
}

interface Candidate {
  loan: LoanRow;
  index: number;
  kind: "npl" | "undue";
  formedYear: number;
  balance: Dec;
  introduced: boolean;
  limitationLost: boolean;
  credit: boolean;
  granted: IsoDate;
  steps: ExplainStep[];
}

type Ordered = Pick<Candidate, "limitationLost" | "credit" | "granted">;

/** 第五十条: lost limitation first, then credit loans, then earlier borrowing, ties by loan id. */
function priorityOrder(x: Ordered, y: Ordered, xId: string, yId: string): number {
  if (x.limitationLost !== y.limitationLost) return x.limitationLost ? -1 : 1;
  if (x.credit !== y.credit) return x.credit ? -1 : 1;
  if (x.granted !== y.granted) return x.granted < y.granted ? -1 : 1;
  return xId < yId ? -1 : xId > yId ? 1 : 0;
}

function exclude(
  out: BuyoutExcluded[],
  loan: LoanRow,
  index: number,
  reasonCode: BuyoutExcluded["reasonCode"],
  zh: string,
  en: string
): void {
  out.push({ loanIndex: index, loanId: loan.loanId, reasonCode, zh, en });
}

/** Which of the ledger's loans are in the employee's schedule (A6, 第十九、三十七、五十二条). */
function selectLoans(
  input: BuyoutInput,
  policy: Policy,
  date: IsoDate,
  excluded: BuyoutExcluded[],
  blankFlags: Set<string>
): Candidate[] {
  const who = input.employeeId;
  const out: Candidate[] = [];
  input.loans.forEach((loan, index) => {
    const introducedByOther = loan.introducer !== null && loan.introducer !== loan.firstResponsible;
    const introduced = introducedByOther && loan.introducer === who;
    if (input.scope === "introduced" && !introduced) return;
    if (loan.firstResponsible === who && introducedByOther && loan.introducer !== who) {
      exclude(
        excluded,
        loan,
        index,
        "introducer",
        `职工 ${loan.introducer} 介绍担保的贷款，由介绍担保人承担（第三十七条）`,
        `introduced by staff member ${loan.introducer}: it is the introducer's (Art. 37)`
      );
      return;
    }
    if (!introduced && loan.firstResponsible !== who) return;
    const granted = need(
      loan.granted,
      `贷款 ${loan.loanId} 的发放日期`,
      `the grant date of loan ${loan.loanId}`
    );
    if (granted < policy.a.responsibilityStart) {
      exclude(
        excluded,
        loan,
        index,
        "preResponsibility",
        `${policy.a.responsibilityStart} 前发放，无第一责任人（第十九条）`,
        `granted before ${policy.a.responsibilityStart}: no first responsible person (Art. 19)`
      );
      return;
    }
    const balance = need(
      loan.balance,
      `贷款 ${loan.loanId} 的贷款余额`,
      `the balance of loan ${loan.loanId}`
    );
    if (balance.isNeg())
      throw valueError(
        `贷款 ${loan.loanId} 的贷款余额为负数`,
        `loan ${loan.loanId}: negative balance`
      );
    if (balance.isZero()) {
      exclude(excluded, loan, index, "zeroBalance", "贷款余额为 0", "balance 0");
      return;
    }
    const decision = countsAsResponsibleNpl(loan, date, policy);
    const steps = [...decision.steps];
    let kind: "npl" | "undue";
    let formedYear: number;
    if (decision.counts) {
      kind = "npl";
      formedYear = need(
        loan.nplYear,
        `贷款 ${loan.loanId} 的形成不良年份`,
        `the NPL formation year of loan ${loan.loanId}`
      );
    } else {
      const maturity = need(
        loan.maturity,
        `贷款 ${loan.loanId} 的到期日期`,
        `the maturity of loan ${loan.loanId}`
      );
      if (maturity <= date) {
        exclude(
          excluded,
          loan,
          index,
          "notNplNotUndue",
          "已到期但不属于责任不良贷款（第四十条），不在买断范围",
          "matured but not a responsible NPL (Art. 40): not bought out"
        );
        return;
      }
      if (loan.successor) {
        exclude(
          excluded,
          loan,
          index,
          "successor",
          `未到期贷款已由 ${loan.successor} 自愿接手为第一责任人（第五十二条）`,
          `undue loan taken over by ${loan.successor} (Art. 52)`
        );
        return;
      }
      kind = "undue";
      formedYear = input.year;
      steps.push(
        stepA("calc", ART_UNDUE, "A_BUYOUT_UNDUE", {
          loan: loan.loanId,
          maturity,
          year: input.year,
        })
      );
    }
    if (loan.limitationLost === null) blankFlags.add(`${loan.loanId}:已丧失诉讼时效`);
    if (loan.staffRelative === null) blankFlags.add(`${loan.loanId}:职工直系亲属`);
    const security = need(
      loan.security,
      `贷款 ${loan.loanId} 的担保方式`,
      `the security of loan ${loan.loanId}`
    );
    out.push({
      loan,
      index,
      kind,
      formedYear,
      balance,
      introduced,
      limitationLost: loan.limitationLost === true,
      credit: security === "信用",
      granted,
      steps,
    });
  });
  return out;
}

function allocate(obligation: Dec, left: BuyoutFunds): { paid: Dec; deductions: FundDeduction[] } {
  let rest = obligation;
  const deductions: FundDeduction[] = [];
  for (const f of FUND_ORDER) {
    if (rest.isZero()) break;
    const take = D.min(rest, left[f]);
    if (take.gt(0)) {
      deductions.push({ fund: f, amount: take });
      left[f] = left[f].minus(take);
      rest = rest.minus(take);
    }
  }
  return { paid: obligation.minus(rest), deductions };
}

/** "风险考核基金 50,000.00；岗位风险金 30,000.00" — amounts formatted by `fmt` (元 by default). */
export function fundSourcesText(
  deductions: readonly FundDeduction[],
  lang: "zh" | "en" = "zh",
  fmt: (x: Dec) => string = fmtMoney
): string {
  return deductions
    .map((d) => `${FUND_LABELS[d.fund][lang]} ${fmt(d.amount)}`)
    .join(lang === "zh" ? "；" : "; ");
}

function checkFunds(funds: BuyoutFunds): void {
  for (const f of FUND_ORDER) {
    if (!funds[f].isFinite() || funds[f].isNeg())
      throw valueError(
        `${FUND_LABELS[f].zh}应为非负金额`,
        `the ${FUND_LABELS[f].en} must be an amount ≥ 0`
      );
  }
}

/** A11: the buyout schedule of one employee (a retiring CM, or an introducer with scope "introduced"). */
export function buyoutSchedule(input: BuyoutInput, policy: Policy): BuyoutResult {
  const a = policy.a;
  const date = input.assessmentDate ?? policy.assessmentDate;
  const T = input.tolerance;
  if (!T.isFinite() || T.isNeg())
    throw valueError("不良贷款容忍额度应为非负金额", "the tolerance amount must be ≥ 0");
  if (input.funds) checkFunds(input.funds);
  const excluded: BuyoutExcluded[] = [];
  const blankFlags = new Set<string>();
  const cands = selectLoans(input, policy, date, excluded, blankFlags).sort((x, y) =>
    priorityOrder(x, y, x.loan.loanId, y.loan.loanId)
  );

  const steps: ExplainStep[] = [
    stepA("input", ART_RATE, "A_BUYOUT_INPUT", {
      id: input.employeeId,
      year: input.year,
      tol: fmtMoney(T),
      date,
      loans: cands.length,
    }),
    stepA("interpretation", ART_ORDER, "A_BUYOUT_ORDER"),
    stepA("interpretation", ART_RATE, "A_BUYOUT_TOL_LATE_ONLY", { late: lateLabel(policy) }),
  ];
  if (blankFlags.size > 0)
    steps.push(
      stepA("interpretation", ART_ORDER, "A_BUYOUT_BLANK_FLAGS", {
        list: [...blankFlags].join("、"),
      })
    );
  for (const e of excluded)
    steps.push(
      stepA("calc", ART_RATE, "A_BUYOUT_EXCLUDED", { loan: e.loanId, reason: e.zh, reasonEn: e.en })
    );

  let tLeft = T;
  const left: BuyoutFunds | null = input.funds ? { ...input.funds } : null;
  if (input.funds)
    steps.push(
      stepA("input", ART_FUNDS, "A_BUYOUT_FUNDS", {
        risk: fmtMoney(input.funds.riskFund),
        post: fmtMoney(input.funds.postRiskFund),
        pay: fmtMoney(input.funds.retirementPay),
      })
    );
  else steps.push(stepA("warning", ART_FUNDS, "A_BUYOUT_NO_FUNDS"));

  const rows: BuyoutRow[] = cands.map((c, i) => {
    const rs = [...c.steps];
    const relative = c.loan.staffRelative === true;
    let bucket: string;
    let kind: BucketKind;
    let rate: number | null;
    let rateText: string;
    let within: Dec | null = null;
    let above: Dec | null = null;
    let exact: Dec;
    const lateIntroduced = c.introduced && c.granted >= a.introducerCutoff;
    if (relative || lateIntroduced || bucketOfYear(c.formedYear, policy) !== null) {
      const r = buyoutRate(
        { formedYear: c.formedYear, relative, introduced: c.introduced, granted: c.granted },
        policy
      );
      rs.push(...r.steps);
      bucket = r.bucket;
      kind = r.kind;
      rate = r.rate;
      rateText = pctText(r.rate);
      exact = c.balance.times(r.rate);
    } else {
      // formed past the fixed buckets (2011 or later): the tolerance split, in priority order
      within = D.min(c.balance, tLeft);
      above = c.balance.minus(within);
      tLeft = tLeft.minus(within);
      exact = within.times(a.buyoutWithinTolRate).plus(above.times(a.buyoutAboveTolRate));
      const suffix = c.introduced ? "（介绍担保）" : "";
      const part = above.isZero() ? "容忍度内" : within.isZero() ? "超出部分" : "容忍度内/超出部分";
      bucket = `${lateLabel(policy)}·${part}${suffix}`;
      kind = "tolerance";
      rate = above.isZero() ? a.buyoutWithinTolRate : within.isZero() ? a.buyoutAboveTolRate : null;
      rateText =
        rate !== null
          ? pctText(rate)
          : `${pctText(a.buyoutWithinTolRate)}/${pctText(a.buyoutAboveTolRate)}`;
      rs.push(
        stepA("calc", `${ART_RATE} 3`, "A_BUYOUT_SPLIT", {
          loan: c.loan.loanId,
          year: c.formedYear,
          within: fmtMoney(within),
          wr: pctText(a.buyoutWithinTolRate),
          above: fmtMoney(above),
          ar: pctText(a.buyoutAboveTolRate),
          left: fmtMoney(tLeft),
        })
      );
    }
    const before = round2(exact);
    rs.push(
      stepA("calc", ART_RATE, "A_BUYOUT_OBLIGATION", {
        order: i + 1,
        loan: c.loan.loanId,
        balance: fmtMoney(c.balance),
        rate: rateText,
        obligation: fmtMoney(before),
      })
    );
    // 第三十六条 (rev 2): compensation already paid is credited, after the tolerance split (the loan used T by its balance above)
    const credit = c.loan.compensated;
    let obligation = before;
    if (credit !== null) {
      if (!credit.isFinite() || credit.isNeg())
        throw valueError(
          `贷款 ${c.loan.loanId} 的已赔偿金额应为非负金额`,
          `loan ${c.loan.loanId}: compensation already paid must be ≥ 0`
        );
      obligation = round2(D.max(0, exact.minus(credit)));
      rs.push(
        stepA("calc", ART_CREDIT, "A_BUYOUT_CREDIT", {
          loan: c.loan.loanId,
          credit: fmtMoney(credit),
          before: fmtMoney(before),
          after: fmtMoney(obligation),
        })
      );
    }
    let paid: Dec | null = null;
    let shortfall: Dec | null = null;
    let deductions: FundDeduction[] = [];
    if (left) {
      const al = allocate(obligation, left);
      paid = al.paid;
      deductions = al.deductions;
      shortfall = obligation.minus(paid);
      rs.push(
        stepA("calc", ART_FUNDS, shortfall.gt(0) ? "A_BUYOUT_PAID_SHORT" : "A_BUYOUT_PAID", {
          loan: c.loan.loanId,
          paid: fmtMoney(paid),
          from: fundSourcesText(deductions) || "—",
          short: fmtMoney(shortfall),
        })
      );
    }
    const inDisposal = c.loan.disposal !== null && ESCROW_STAGES.has(c.loan.disposal);
    const escrow = inDisposal && c.loan.security === ESCROW_SECURITY;
    if (escrow)
      rs.push(
        stepA("calc", ART_ESCROW, "A_BUYOUT_ESCROW", {
          loan: c.loan.loanId,
          stage: c.loan.disposal,
          paid: paid ? fmtMoney(paid) : "—",
        })
      );
    else if (inDisposal && c.loan.security === "质押")
      rs.push(
        stepA("calc", ART_ESCROW, "A_BUYOUT_PLEDGE_NO_ESCROW", {
          loan: c.loan.loanId,
          stage: c.loan.disposal,
        })
      );
    return {
      order: i + 1,
      loanId: c.loan.loanId,
      loanIndex: c.index,
      kind: c.kind,
      formedYear: c.formedYear,
      balance: c.balance,
      bucket,
      bucketKind: kind,
      rate,
      rateText,
      withinTolerance: within,
      aboveTolerance: above,
      obligation,
      obligationBeforeCredit: before,
      compensated: credit,
      paid,
      deductions,
      fundSources: fundSourcesText(deductions),
      escrow,
      shortfall,
      introduced: c.introduced,
      steps: rs,
    };
  });

  const obligation = D.sum(0, ...rows.map((r) => r.obligation));
  const obligationBeforeCredit = D.sum(0, ...rows.map((r) => r.obligationBeforeCredit));
  const credited = obligationBeforeCredit.minus(obligation);
  const balance = D.sum(0, ...rows.map((r) => r.balance));
  const credits = rows.filter((r) => r.compensated !== null);
  const compensated =
    credits.length > 0 ? D.sum(0, ...credits.map((r) => r.compensated as Dec)) : null;
  if (rows.some((r) => r.compensated !== null))
    steps.push(stepA("interpretation", ART_CREDIT, "A_BUYOUT_CREDIT_INTERP"));
  let totals: BuyoutTotals;
  if (input.funds && left) {
    const byFund = {} as BuyoutFunds;
    for (const f of FUND_ORDER) byFund[f] = input.funds[f].minus(left[f]);
    const paid = D.sum(0, ...rows.map((r) => r.paid as Dec));
    totals = {
      balance,
      obligation,
      paid,
      shortfall: obligation.minus(paid),
      byFund,
      obligationBeforeCredit,
      credited,
      compensated,
      escrow: D.sum(0, ...rows.filter((r) => r.escrow).map((r) => r.paid as Dec)),
    };
    steps.push(
      stepA("result", ART_FUNDS, "A_BUYOUT_TOTAL_FUNDS", {
        obligation: fmtMoney(obligation),
        risk: fmtMoney(byFund.riskFund),
        post: fmtMoney(byFund.postRiskFund),
        pay: fmtMoney(byFund.retirementPay),
        short: fmtMoney(totals.shortfall as Dec),
      })
    );
  } else {
    totals = {
      balance,
      obligation,
      paid: null,
      shortfall: null,
      byFund: null,
      obligationBeforeCredit,
      credited,
      compensated,
      escrow: null,
    };
    steps.push(stepA("result", ART_RATE, "A_BUYOUT_TOTAL", { obligation: fmtMoney(obligation) }));
  }
  return {
    employeeId: input.employeeId,
    year: input.year,
    tolerance: T,
    toleranceUsed: T.minus(tLeft),
    rows,
    excluded,
    totals,
    steps,
  };
}

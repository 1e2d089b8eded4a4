/**
 * A12 (第三十三、三十六条): annual compensation of the responsibility NPL formed since 1999. In
 * year Y the responsibility loans formed in Y − 11 are bought out (2012 buys out 2001; 2025 buys
 * out 2014), at a ratio per formation year set by the head office (none built in: "ratio not set"
 * until the user sets it).
 *
 * (rev 2) Every formation year from `annualCompFirstYear` (1999) on is covered. The base of a loan
 * formed up to `annualCompLastYear` (2010) is its balance ("按其总额的一定比例"); formed later, the
 * balance after exemption ("按免责后的不良贷款余额"): balance − 免责金额 (blank = no exemption; an
 * exemption above the balance is a data error, never a negative base).
 */
import type { IsoDate } from "../../core/dates";
import { isRuleError, naError, RuleError, valueError } from "../../core/errors";
import type { ExplainStep } from "../../core/explain";
import { D, Dec, dec, fmtMoney, round2 } from "../../core/money";
import type { LoanRow } from "../../core/rows";
import { paramByPath } from "../../policy/schema";
import type { Policy } from "../../policy/types";
import { need, stepA } from "./common";
import { countsAsResponsibleNpl, LoanError } from "./npl";

const ART = "第三十三条、第三十六条";

/** The 政策参数 key of a formation year's ratio ("A.年度补偿.比例.2014"). */
export function ratioKey(formationYear: number): string {
  return (
    paramByPath(`a.annualCompRatios.${formationYear}`)?.key ?? `a.annualCompRatios.${formationYear}`
  );
}

/** "1999 年及以后" — the formation years covered. */
function rangeText(policy: Policy): { zh: string; en: string } {
  const first = policy.a.annualCompFirstYear;
  return { zh: `${first} 年及以后`, en: `${first} or later` };
}

/** The formation year bought out in year Y, and its ratio (throws when unset or out of range). */
export function annualCompensationYear(
  year: number,
  policy: Policy
): { formationYear: number; ratio: number; steps: ExplainStep[] } {
  const a = policy.a;
  const formationYear = year - a.annualCompLag;
  const r = rangeText(policy);
  const outside = {
    zh: `${year} 年应买断 ${formationYear} 年形成的不良贷款，不在 ${r.zh}的范围内（第三十三条）`,
    en: `in ${year} the loans formed in ${formationYear} would be bought out: not ${r.en} (Art. 33)`,
  };
  return {
    formationYear,
    ...ratioIn(formationYear, policy, outside),
    steps: [
      stepA("calc", "第三十六条", "A_ANNUAL_YEAR", {
        year,
        lag: a.annualCompLag,
        formed: formationYear,
      }),
    ],
  };
}

/** The head office's ratio for a formation year (throws #N/A when unset). */
function ratioOf(formationYear: number, policy: Policy): { ratio: number } {
  const r = rangeText(policy);
  return ratioIn(formationYear, policy, {
    zh: `形成年份 ${formationYear} 不在 ${r.zh}的范围内（第三十三条）`,
    en: `formation year ${formationYear} is not ${r.en} (Art. 33)`,
  });
}

/**
 * The ratio of a formation year. While the policy has no ratio at all (the built-in policy:
 * RULES.md A12 "until the user sets them, the function answers a clear 'ratio not set' error")
 * the answer is that #N/A naming the year and its policy key, with the range note when the year
 * is also before the first year; once ratios are set, a year before it is #VALUE! and a year
 * without its ratio #N/A.
 */
function ratioIn(
  formationYear: number,
  policy: Policy,
  outside: { zh: string; en: string }
): { ratio: number } {
  const a = policy.a;
  const isOutside = formationYear < a.annualCompFirstYear;
  const noneSet = Object.values(a.annualCompRatios).every((r) => r === undefined || r === null);
  const ratio = a.annualCompRatios[String(formationYear)];
  if (ratio === undefined || ratio === null) {
    if (noneSet || !isOutside) {
      throw naError(
        `买断比例未设置（第三十三条）：${formationYear} 年形成的不良贷款的赔偿比例由总行确定，请在政策参数“${ratioKey(formationYear)}”中设置${isOutside ? `（另：${outside.zh}）` : ""}`,
        `ratio not set (Art. 33): the head office sets the ratio for NPL formed in ` +
          `${formationYear}; set ${ratioKey(formationYear)} in the ` +
          `policy${isOutside ? ` (also: ${outside.en})` : ""}`
      );
    }
  }
  if (isOutside) throw valueError(outside.zh, outside.en);
  if (!Number.isFinite(ratio) || ratio < 0)
    throw valueError(
      `${formationYear} 年买断比例无效：${ratio}`,
      `invalid ratio for ${formationYear}: ${ratio}`
    );
  return { ratio };
}

export interface AnnualBase {
  /** the base the ratio applies to, 元 */
  base: Dec;
  /** true: formed after annualCompLastYear, base = balance − 免责金额 */
  afterExemption: boolean;
  /** the exemption subtracted (0 when blank or not applicable) */
  exempted: Dec;
  steps: ExplainStep[];
}

/**
 * (rev 2, 第三十六条) The base of a loan formed in `formationYear`: its balance up to
 * annualCompLastYear (2010); after it, balance − 免责金额 (blank = none). An exemption above the
 * balance, or a negative figure, is #VALUE! naming the loan.
 */
export function annualBase(
  balance: Dec,
  exempted: Dec | null,
  formationYear: number,
  policy: Policy,
  loanId = ""
): AnnualBase {
  const who = loanId ? `贷款 ${loanId} 的` : "";
  const whoEn = loanId ? `loan ${loanId}: ` : "";
  if (!balance.isFinite() || balance.isNeg())
    throw valueError(`${who}不良贷款余额应为非负金额`, `${whoEn}the NPL balance must be ≥ 0`);
  const last = policy.a.annualCompLastYear;
  if (formationYear <= last) {
    return {
      base: balance,
      afterExemption: false,
      exempted: dec(0),
      steps: [
        stepA("calc", "第三十三条", "A_ANNUAL_BASE_FULL", {
          formed: formationYear,
          last,
          balance: fmtMoney(balance),
        }),
      ],
    };
  }
  if (exempted === null) {
    return {
      base: balance,
      afterExemption: true,
      exempted: dec(0),
      steps: [
        stepA("calc", "第三十六条", "A_ANNUAL_BASE_NO_EXEMPT", {
          formed: formationYear,
          last,
          balance: fmtMoney(balance),
        }),
      ],
    };
  }
  if (!exempted.isFinite() || exempted.isNeg())
    throw valueError(`${who}免责金额应为非负金额`, `${whoEn}the exempted amount must be ≥ 0`);
  if (exempted.gt(balance)) {
    throw valueError(
      `${who}免责金额 ${fmtMoney(exempted)} 元大于贷款余额 ${fmtMoney(balance)} 元：请核对（第三十六条，免责后余额不能为负）`,
      `${whoEn}the exempted amount ${fmtMoney(exempted)} is above the balance ` +
        `${fmtMoney(balance)}: please check (Art. 36; the balance after exemption cannot be negative)`
    );
  }
  const base = balance.minus(exempted);
  return {
    base,
    afterExemption: true,
    exempted,
    steps: [
      stepA("calc", "第三十六条", "A_ANNUAL_BASE_EXEMPT", {
        formed: formationYear,
        last,
        balance: fmtMoney(balance),
        exempted: fmtMoney(exempted),
        base: fmtMoney(base),
      }),
    ],
  };
}

/**
 * One amount at the ratio of its formation year (default: the year bought out in the policy
 * year); for a loan formed after annualCompLastYear the exemption (免责金额) is subtracted first.
 */
export function annualCompensationAmount(
  amount: Dec,
  policy: Policy,
  formationYear?: number | null,
  exempted: Dec | null = null
): { value: Dec; formationYear: number; ratio: number; base: Dec; steps: ExplainStep[] } {
  if (!amount.isFinite() || amount.isNeg())
    throw valueError("不良贷款金额应为非负金额", "the NPL amount must be ≥ 0");
  const y = formationYear ?? annualCompensationYear(policy.year, policy).formationYear;
  const { ratio } = ratioOf(y, policy);
  const b = annualBase(amount, exempted, y, policy);
  const value = round2(b.base.times(ratio));
  const steps = [...b.steps];
  if (exempted !== null && !b.afterExemption)
    steps.push(
      stepA("calc", "第三十三条", "A_ANNUAL_EXEMPT_IGNORED", {
        formed: y,
        last: policy.a.annualCompLastYear,
      })
    );
  steps.push(
    stepA("result", ART, "A_ANNUAL_AMOUNT", {
      amount: fmtMoney(b.base),
      formed: y,
      ratio: dec(ratio).times(100).toNumber(),
      value: fmtMoney(value),
    })
  );
  return { value, formationYear: y, ratio, base: b.base, steps };
}

export interface AnnualCompLoan {
  loanIndex: number;
  loanId: string;
  balance: Dec;
  /** 免责金额 as in the ledger (null: blank) */
  exempted: Dec | null;
  afterExemption: boolean;
  base: Dec;
  /** base × ratio, rounded to 0.01; null while the ratio is unset */
  amount: Dec | null;
  steps: ExplainStep[];
}

export interface AnnualCompRow {
  employeeId: string;
  loanIds: string[];
  loans: AnnualCompLoan[];
  /** responsible NPL balance formed in the formation year, 元 */
  balance: Dec;
  /** Σ of the loans' bases */
  base: Dec;
  /** Σ of the loans' amounts (each rounded once); null while the ratio is unset */
  amount: Dec | null;
}

export interface AnnualCompResult {
  year: number;
  formationYear: number;
  /** null while the ratio is unset (see ratioError) */
  ratio: number | null;
  /** the "ratio not set" (or out-of-range) error, when the ratio cannot be had */
  ratioError: RuleError | null;
  rows: AnnualCompRow[];
  errors: LoanError[];
  steps: ExplainStep[];
}

/**
 * A12 over the ledger: for each responsible person, the responsible NPL (A6) formed in Y − 11,
 * each on its base (balance, or after exemption from 2011), at the year's ratio. The loans are
 * listed even while the ratio is unset (`ratio` null, `ratioError` saying which key to set).
 */
export function annualCompensation(
  loans: readonly LoanRow[],
  year: number,
  policy: Policy,
  assessmentDate: IsoDate = policy.assessmentDate
): AnnualCompResult {
  const formationYear = year - policy.a.annualCompLag;
  const steps: ExplainStep[] = [
    stepA("calc", "第三十六条", "A_ANNUAL_YEAR", {
      year,
      lag: policy.a.annualCompLag,
      formed: formationYear,
    }),
  ];
  let ratio: number | null = null;
  let ratioError: RuleError | null = null;
  try {
    ratio = annualCompensationYear(year, policy).ratio;
  } catch (e) {
    if (!isRuleError(e)) throw e;
    ratioError = e;
  }
  const by = new Map<string, AnnualCompLoan[]>();
  const errors: LoanError[] = [];
  loans.forEach((loan, i) => {
    if (loan.nplYear !== formationYear) return;
    try {
      const d = countsAsResponsibleNpl(loan, assessmentDate, policy);
      if (!d.counts || d.responsible === null) return;
      const bal = need(
        loan.balance,
        `贷款 ${loan.loanId} 的贷款余额`,
        `the balance of loan ${loan.loanId}`
      );
      const b = annualBase(bal, loan.exempted, formationYear, policy, loan.loanId);
      const amount = ratio === null ? null : round2(b.base.times(ratio));
      const ls = [...d.steps, ...b.steps];
      if (amount !== null && ratio !== null) {
        ls.push(
          stepA("result", ART, "A_ANNUAL_AMOUNT", {
            amount: fmtMoney(b.base),
            formed: formationYear,
            ratio: dec(ratio).times(100).toNumber(),
            value: fmtMoney(amount),
          })
        );
      }
      const list = by.get(d.responsible) ?? [];
      list.push({
        loanIndex: i,
        loanId: loan.loanId,
        balance: bal,
        exempted: loan.exempted,
        afterExemption: b.afterExemption,
        base: b.base,
        amount,
        steps: ls,
      });
      by.set(d.responsible, list);
    } catch (e) {
      if (!isRuleError(e)) throw e;
      errors.push({ loanIndex: i, loanId: loan.loanId, error: e });
    }
  });
  const rows: AnnualCompRow[] = [...by.entries()].map(([employeeId, list]) => ({
    employeeId,
    loanIds: list.map((l) => l.loanId),
    loans: list,
    balance: D.sum(0, ...list.map((l) => l.balance)),
    base: D.sum(0, ...list.map((l) => l.base)),
    amount: ratio === null ? null : D.sum(0, ...list.map((l) => l.amount as Dec)),
  }));
  return { year, formationYear, ratio, ratioError, rows, errors, steps };
}

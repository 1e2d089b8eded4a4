/**
 * A12 (第三十三、三十六条): annual compensation of the 1999–2010 NPL. In year Y the
 * responsibility loans formed in Y − 11 are bought out (2012 buys out 2001), at a ratio per
 * formation year set by the head office (none built in: "ratio not set" until the user sets it).
 */
import type { IsoDate } from "../../core/dates";
import { isRuleError, naError, valueError } from "../../core/errors";
import type { ExplainStep } from "../../core/explain";
import { D, Dec, dec, fmtMoney, round2 } from "../../core/money";
import type { LoanRow } from "../../core/rows";
import type { Policy } from "../../policy/types";
import { need, stepA } from "./common";
import { countsAsResponsibleNpl, LoanError } from "./npl";

const ART = "第三十三条、第三十六条";

/** The formation year bought out in year Y, and its ratio (throws when unset or out of range). */
export function annualCompensationYear(year: number, policy: Policy): { formationYear: number; ratio: number; steps: ExplainStep[] } {
  const a = policy.a;
  const formationYear = year - a.annualCompLag;
  const outside = {
    zh: `${year} 年应买断 ${formationYear} 年形成的不良贷款，不在 ${a.annualCompFirstYear}–${a.annualCompLastYear} 年范围内（第三十三条）`,
    en: `in ${year} the loans formed in ${formationYear} would be bought out: outside ${a.annualCompFirstYear}–${a.annualCompLastYear} (Art. 33)`,
  };
  return { formationYear, ...ratioIn(formationYear, policy, outside), steps: [stepA("calc", "第三十六条", "A_ANNUAL_YEAR", { year, lag: a.annualCompLag, formed: formationYear })] };
}

/** The head office's ratio for a formation year (throws #N/A when unset). */
export function ratioOf(formationYear: number, policy: Policy): { ratio: number } {
  const a = policy.a;
  return ratioIn(formationYear, policy, {
    zh: `形成年份 ${formationYear} 不在 ${a.annualCompFirstYear}–${a.annualCompLastYear} 年范围内（第三十三条）`,
    en: `formation year ${formationYear} is outside ${a.annualCompFirstYear}–${a.annualCompLastYear} (Art. 33)`,
  });
}

/**
 * The ratio of a formation year. While the policy has no ratio at all (the built-in policy:
 * RULES.md A12 "until the user sets them, the function answers a clear 'ratio not set' error")
 * the answer is that #N/A, with the range note when the year is also outside 1999–2010; once
 * ratios are set, a year outside the range is #VALUE! and a year without its ratio #N/A.
 */
function ratioIn(formationYear: number, policy: Policy, outside: { zh: string; en: string }): { ratio: number } {
  const a = policy.a;
  const isOutside = formationYear < a.annualCompFirstYear || formationYear > a.annualCompLastYear;
  const noneSet = Object.values(a.annualCompRatios).every((r) => r === undefined || r === null);
  const ratio = a.annualCompRatios[String(formationYear)];
  if (ratio === undefined || ratio === null) {
    if (noneSet || !isOutside) {
      throw naError(
        `买断比例未设置（第三十三条）：${formationYear} 年形成的不良贷款的赔偿比例由总行确定，请在政策参数中设置${isOutside ? `（另：${outside.zh}）` : ""}`,
        `ratio not set (Art. 33): the head office sets the ratio for NPL formed in ${formationYear}; set it in the policy${isOutside ? ` (also: ${outside.en})` : ""}`,
      );
    }
  }
  if (isOutside) throw valueError(outside.zh, outside.en);
  if (!Number.isFinite(ratio) || ratio < 0) throw valueError(`${formationYear} 年买断比例无效：${ratio}`, `invalid ratio for ${formationYear}: ${ratio}`);
  return { ratio };
}

/** One amount at the ratio of its formation year (default: the year bought out in the policy year). */
export function annualCompensationAmount(amount: Dec, policy: Policy, formationYear?: number | null): { value: Dec; formationYear: number; ratio: number; steps: ExplainStep[] } {
  if (!amount.isFinite() || amount.isNeg()) throw valueError("不良贷款金额应为非负金额", "the NPL amount must be ≥ 0");
  const y = formationYear ?? annualCompensationYear(policy.year, policy).formationYear;
  const { ratio } = ratioOf(y, policy);
  const value = round2(amount.times(ratio));
  return {
    value,
    formationYear: y,
    ratio,
    steps: [stepA("result", ART, "A_ANNUAL_AMOUNT", { amount: fmtMoney(amount), formed: y, ratio: dec(ratio).times(100).toNumber(), value: fmtMoney(value) })],
  };
}

export interface AnnualCompRow {
  employeeId: string;
  loanIds: string[];
  /** responsible NPL balance formed in the formation year, 元 */
  balance: Dec;
  amount: Dec;
}

export interface AnnualCompResult {
  year: number;
  formationYear: number;
  ratio: number;
  rows: AnnualCompRow[];
  errors: LoanError[];
  steps: ExplainStep[];
}

/**
 * A12 over the ledger: for each responsible person, the responsible NPL (A6) formed in Y − 11,
 * bought out at the year's ratio.
 */
export function annualCompensation(loans: readonly LoanRow[], year: number, policy: Policy, assessmentDate: IsoDate = policy.assessmentDate): AnnualCompResult {
  const y = annualCompensationYear(year, policy);
  const by = new Map<string, { loanIds: string[]; balance: Dec }>();
  const errors: LoanError[] = [];
  loans.forEach((loan, i) => {
    if (loan.nplYear !== y.formationYear) return;
    try {
      const d = countsAsResponsibleNpl(loan, assessmentDate, policy);
      if (!d.counts || d.responsible === null) return;
      const bal = need(loan.balance, `贷款 ${loan.loanId} 的贷款余额`, `the balance of loan ${loan.loanId}`);
      const r = by.get(d.responsible) ?? { loanIds: [], balance: new D(0) };
      r.loanIds.push(loan.loanId);
      r.balance = r.balance.plus(bal);
      by.set(d.responsible, r);
    } catch (e) {
      if (!isRuleError(e)) throw e;
      errors.push({ loanIndex: i, loanId: loan.loanId, error: e });
    }
  });
  const rows = [...by.entries()].map(([employeeId, r]) => ({ employeeId, loanIds: r.loanIds, balance: r.balance, amount: round2(r.balance.times(y.ratio)) }));
  return { year, formationYear: y.formationYear, ratio: y.ratio, rows, errors, steps: y.steps };
}

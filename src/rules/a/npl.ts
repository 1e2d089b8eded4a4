/**
 * A6 (第四十条, 第十九条, 第三十七条): whether a loan counts in a CM's responsible NPL balance,
 * and for whom; the responsible NPL balance per employee.
 */
import { diffDays, IsoDate } from "../../core/dates";
import { isRuleError, RuleError, valueError } from "../../core/errors";
import type { ExplainStep } from "../../core/explain";
import { D, Dec } from "../../core/money";
import type { LoanRow } from "../../core/rows";
import type { Policy } from "../../policy/types";
import { need, stepA } from "./common";

const ART = "第四十条";

/** The fields of a loan row A6 reads. */
export type NplLoan = Pick<
  LoanRow,
  | "loanId"
  | "granted"
  | "maturity"
  | "fiveClass"
  | "overdueDays"
  | "security"
  | "firstResponsible"
  | "introducer"
>;

export interface NplDecision {
  counts: boolean;
  /** the employee it counts for: the introducer (第三十七条) when there is one, else the first responsible person */
  responsible: string | null;
  /** days overdue used (given, or derived from the maturity) */
  overdueDays: number;
  steps: ExplainStep[];
}

const SECURED = new Set(["抵押", "质押"]);

function isSecured(security: string | null): boolean {
  return security !== null && SECURED.has(security);
}

function overdueOf(loan: NplLoan, assessmentDate: IsoDate, steps: ExplainStep[]): number {
  if (loan.overdueDays !== null) {
    if (!Number.isInteger(loan.overdueDays) || loan.overdueDays < 0) {
      throw valueError(
        `贷款 ${loan.loanId} 的逾期天数应为非负整数：${loan.overdueDays}`,
        `loan ${loan.loanId}: overdue days must be a whole number ≥ 0`
      );
    }
    return loan.overdueDays;
  }
  const maturity = need(
    loan.maturity,
    `贷款 ${loan.loanId} 的逾期天数（或到期日期）`,
    `the overdue days (or maturity) of loan ${loan.loanId}`
  );
  const days = Math.max(0, diffDays(maturity, assessmentDate));
  steps.push(
    stepA("interpretation", ART, "A_NPL_OVERDUE_DERIVED", {
      loan: loan.loanId,
      maturity,
      date: assessmentDate,
      days,
    })
  );
  return days;
}

/**
 * A6 (rev 2): does the loan count in a responsible NPL balance at the assessment date, and for whom?
 * - overdue ≥ 365 days (逾期一年以上, 以上 includes the number) counts whatever its class and security;
 * - a mortgage or pledge loan (抵押/质押) overdue less than that is in the disposal grace period: not counted;
 * - a credit or guaranteed loan (信用/保证) counts when 后三类, or — **Interpretation** of 第四十条
 *   "是否到期", policy switch `A.责任不良.逾期即计入` (default 是) — when overdue at all (≥ 1 day).
 * Loans granted before 1999-01-01 count for nobody. When 逾期天数 is blank it is derived from the
 * maturity (days past it at the assessment date).
 */
export function countsAsResponsibleNpl(
  loan: NplLoan,
  assessmentDate: IsoDate,
  policy: Policy
): NplDecision {
  const a = policy.a;
  const steps: ExplainStep[] = [];
  const granted = need(
    loan.granted,
    `贷款 ${loan.loanId} 的发放日期`,
    `the grant date of loan ${loan.loanId}`
  );
  if (granted < a.responsibilityStart) {
    steps.push(
      stepA("calc", "第十九条", "A_NPL_PRE_RESP", {
        loan: loan.loanId,
        granted,
        start: a.responsibilityStart,
      })
    );
    return { counts: false, responsible: null, overdueDays: loan.overdueDays ?? 0, steps };
  }
  const overdue = overdueOf(loan, assessmentDate, steps);
  const limit = a.nplOverdueDays;
  let counts: boolean;
  if (overdue >= limit) {
    counts = true;
    steps.push(stepA("calc", ART, "A_NPL_OVERDUE", { loan: loan.loanId, days: overdue, limit }));
  } else {
    const cls = loan.fiveClass;
    const bad = cls !== null && a.nplClasses.includes(cls);
    const switchOn = a.nplOverdueCounts !== "否";
    const overdueNow = overdue >= 1;
    if (!bad && !(switchOn && overdueNow)) {
      // neither reason holds whatever the security
      need(cls, `贷款 ${loan.loanId} 的五级分类`, `the five-class of loan ${loan.loanId}`);
      if (overdueNow && !switchOn)
        steps.push(
          stepA("interpretation", ART, "A_NPL_OVERDUE_OFF", { loan: loan.loanId, days: overdue })
        );
      counts = false;
      steps.push(
        stepA("calc", ART, "A_NPL_NOT", {
          loan: loan.loanId,
          cls: cls as string,
          days: overdue,
          limit,
        })
      );
    } else {
      const security = need(
        loan.security,
        `贷款 ${loan.loanId} 的担保方式`,
        `the security of loan ${loan.loanId}`
      );
      if (isSecured(security)) {
        counts = false;
        steps.push(
          stepA("calc", ART, "A_NPL_GRACE", {
            loan: loan.loanId,
            security,
            cls: cls ?? "—",
            days: overdue,
            limit,
          })
        );
      } else if (bad) {
        counts = true;
        steps.push(stepA("calc", ART, "A_NPL_CLASS", { loan: loan.loanId, cls: cls as string }));
      } else {
        counts = true;
        steps.push(
          stepA("interpretation", ART, "A_NPL_OVERDUE_ON", {
            loan: loan.loanId,
            security,
            days: overdue,
          })
        );
      }
    }
  }
  let responsible: string | null = null;
  if (counts) {
    if (loan.introducer) {
      responsible = loan.introducer;
      steps.push(
        stepA("calc", "第三十七条", "A_NPL_INTRODUCER", {
          loan: loan.loanId,
          who: loan.introducer,
          first: loan.firstResponsible,
        })
      );
    } else if (loan.firstResponsible) {
      responsible = loan.firstResponsible;
      steps.push(
        stepA("calc", "第十九条", "A_NPL_FIRST", { loan: loan.loanId, who: loan.firstResponsible })
      );
    } else {
      steps.push(stepA("warning", "第十九条", "A_NPL_NOBODY", { loan: loan.loanId }));
    }
  }
  return { counts, responsible, overdueDays: overdue, steps };
}

export interface ResponsibleBalance {
  employeeId: string;
  balance: Dec;
  loanIds: string[];
}

export interface LoanError {
  loanIndex: number;
  loanId: string;
  error: RuleError;
}

export interface ResponsibleBalances {
  /** per employee with at least one counting loan, in first-seen order */
  balances: ResponsibleBalance[];
  /** counting loans with no first responsible person */
  unattributed: string[];
  /** loans that could not be decided (a needed field missing): they are in no balance */
  errors: LoanError[];
  /** employees whose balance misses an undecided loan of theirs (their balance is incomplete) */
  incomplete: string[];
}

/** A6 over the ledger: the responsible NPL balance per employee. */
export function responsibleNplBalances(
  loans: readonly LoanRow[],
  policy: Policy,
  assessmentDate: IsoDate = policy.assessmentDate
): ResponsibleBalances {
  const by = new Map<string, ResponsibleBalance>();
  const unattributed: string[] = [];
  const errors: LoanError[] = [];
  const incomplete = new Set<string>();
  loans.forEach((loan, i) => {
    try {
      const d = countsAsResponsibleNpl(loan, assessmentDate, policy);
      if (!d.counts) return;
      const bal = need(
        loan.balance,
        `贷款 ${loan.loanId} 的贷款余额`,
        `the balance of loan ${loan.loanId}`
      );
      if (d.responsible === null) {
        unattributed.push(loan.loanId);
        return;
      }
      const r = by.get(d.responsible) ?? {
        employeeId: d.responsible,
        balance: new D(0),
        loanIds: [],
      };
      r.balance = r.balance.plus(bal);
      r.loanIds.push(loan.loanId);
      by.set(d.responsible, r);
    } catch (e) {
      if (!isRuleError(e)) throw e;
      errors.push({ loanIndex: i, loanId: loan.loanId, error: e });
      const who = loan.introducer ?? loan.firstResponsible;
      if (who) incomplete.add(who);
    }
  });
  return { balances: [...by.values()], unattributed, errors, incomplete: [...incomplete] };
}

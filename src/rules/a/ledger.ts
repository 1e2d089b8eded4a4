/**
 * A13 (第十九、二十四、二十六、二十七、三十一条): loan-ledger rules. Each finding names the loan
 * (its index in the input), the field, the severity and the article; the reader turns them
 * into cell issues (src/reader/ledger.ts).
 */
import { yearOf } from "../../core/dates";
import type { LoanRow } from "../../core/rows";
import type { Policy } from "../../policy/types";
import { fmtMoney } from "../../core/money";

export interface LedgerFinding {
  loanIndex: number;
  field: keyof LoanRow;
  severity: "error" | "warning";
  /** e.g. "A13.第二十四条" */
  rule: string;
  zh: string;
  en: string;
}

function finding(loanIndex: number, field: keyof LoanRow, severity: LedgerFinding["severity"], article: string, zh: string, en: string): LedgerFinding {
  return { loanIndex, field, severity, rule: `A13.${article}`, zh, en };
}

/**
 * A13 over the ledger. (Employee-id references — 第一责任人, 管理责任人, 介绍担保职工, 接手责任人 in
 * 客户经理 — are checked by the reader as REF.<column>, not here.)
 */
export function checkLedger(loans: readonly LoanRow[], policy: Policy): LedgerFinding[] {
  const a = policy.a;
  const out: LedgerFinding[] = [];
  loans.forEach((loan, i) => {
    const id = loan.loanId;
    // 第十九条 / 第二十七条: responsible persons
    if (loan.granted !== null && loan.granted >= a.responsibilityStart && !loan.firstResponsible) {
      out.push(
        finding(i, "firstResponsible", "warning", "第二十七条", `贷款 ${id} 于 ${loan.granted} 发放，缺少第一责任人（第十九条、第二十七条）`, `loan ${id} granted ${loan.granted} has no first responsible person (Art. 19, 27)`),
      );
    }
    if (!loan.manager) {
      out.push(finding(i, "manager", "warning", "第二十七条", `贷款 ${id} 缺少管理责任人（第二十七条）`, `loan ${id} has no management responsible person (Art. 27)`));
    }

    // 第二十四条: family guarantor on natural-person loans of 10,000 元 or more
    if (loan.borrowerType === "自然人" && loan.amount !== null && loan.amount.gte(a.familyGuarantorMinAmount) && loan.familyGuarantor !== true) {
      const blank = loan.familyGuarantor === null;
      out.push(
        finding(
          i,
          "familyGuarantor",
          "error",
          "第二十四条",
          `贷款 ${id} 为自然人贷款 ${fmtMoney(loan.amount)} 元（≥ ${fmtMoney(a.familyGuarantorMinAmount)} 元），${blank ? "未注明" : "没有"}配偶或家庭成员连带保证（第二十四条）`,
          `loan ${id}: a natural-person loan of ${fmtMoney(loan.amount)} (≥ ${fmtMoney(a.familyGuarantorMinAmount)}) ${blank ? "does not state" : "has no"} spouse/family joint guarantee (Art. 24)`,
        ),
      );
    }
    // 第二十六条: no credit loan to staff or their direct relatives
    if (loan.security === "信用" && loan.staffRelative === true) {
      out.push(finding(i, "security", "error", "第二十六条", `贷款 ${id} 为对职工直系亲属发放的信用贷款（第二十六条不得发放）`, `loan ${id} is a credit loan to a staff member's direct relative (forbidden by Art. 26)`));
    }
    // 第三十一条: no new loan to a borrower under lawsuit
    if (loan.sued === true && loan.granted !== null && yearOf(loan.granted) === policy.year) {
      out.push(
        finding(i, "granted", "warning", "第三十一条", `贷款 ${id} 的借款人已依法起诉，却于 ${loan.granted} 发放新贷款（第三十一条）`, `loan ${id}: a new loan on ${loan.granted} to a borrower under lawsuit (Art. 31)`),
      );
    }
  });
  return out;
}

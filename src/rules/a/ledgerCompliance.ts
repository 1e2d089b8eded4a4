/**
 * A13 (第十九、二十四、二十六、二十七、三十一条): loan-ledger rules. (rev 2) These are compliance
 * findings (合规提示) about how loans were made, not errors in the data: each is a warning that
 * never leaves a row out of any summary and never makes a run "have data errors". Each finding
 * names the loan (its index in the input), the field and the article; the reader turns them
 * into cell issues of category "compliance" (src/reader/complianceIssues.ts).
 */
import { yearOf } from "../../core/dates";
import type { LoanRow } from "../../core/rows";
import type { Policy } from "../../policy/types";
import { fmtMoney } from "../../core/money";

export interface LedgerFinding {
  loanIndex: number;
  field: keyof LoanRow;
  /** always "warning" (rev 2: a compliance finding is never an error) */
  severity: "warning";
  /** e.g. "A13.第二十四条" */
  rule: string;
  zh: string;
  en: string;
}

function finding(
  loanIndex: number,
  field: keyof LoanRow,
  article: string,
  zh: string,
  en: string
): LedgerFinding {
  return { loanIndex, field, severity: "warning", rule: `A13.${article}`, zh, en };
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
    // 第十九条 / 第二十七条: responsible persons (loans granted before 1999-01-01 have no first responsible person)
    if (loan.granted !== null && loan.granted >= a.responsibilityStart && !loan.firstResponsible) {
      out.push(
        finding(
          i,
          "firstResponsible",
          "第二十七条",
          `合规提示：贷款 ${id} 于 ${loan.granted} 发放，缺少第一责任人（第十九条、第二十七条；第十九条：第一责任人退休后重组的贷款可只有管理责任人，如属此类可不补）`,
          `compliance: loan ${id} granted ${loan.granted} has no first responsible person (Art. 19, ` +
            `27; Art. 19: a loan restructured after its first responsible person retired may have only ` +
            `a management responsible person)`
        )
      );
    }
    if (!loan.manager) {
      out.push(
        finding(
          i,
          "manager",
          "第二十七条",
          `合规提示：贷款 ${id} 缺少管理责任人（第十九条、第二十七条）`,
          `compliance: loan ${id} has no management responsible person (Art. 19, 27)`
        )
      );
    }

    // 第二十四条: spouse/family joint guarantee on natural-person loans of 10,000 元 or more (一万元以上(含), in 元), unless 无配偶证明 = 是
    if (
      loan.borrowerType === "自然人" &&
      loan.amount !== null &&
      loan.amount.gte(a.familyGuarantorMinAmount) &&
      loan.familyGuarantor !== true &&
      loan.noSpouseCertificate !== true
    ) {
      const blank = loan.familyGuarantor === null;
      out.push(
        finding(
          i,
          "familyGuarantor",
          "第二十四条",
          `合规提示：贷款 ${id} 为自然人贷款 ${fmtMoney(loan.amount)} 元（一万元以上(含)，起点 ` +
            `${fmtMoney(a.familyGuarantorMinAmount)} 元），${blank ? "未注明" : "没有"}配偶或家庭成员连带保证，` +
            `也未注明无配偶证明（第二十四条）`,
          `compliance: loan ${id}, a natural-person loan of ${fmtMoney(loan.amount)} yuan (threshold ` +
            `${fmtMoney(a.familyGuarantorMinAmount)}, inclusive), ` +
            `${blank ? "does not state" : "has no"} spouse/family joint guarantee and no no-spouse ` +
            `certificate (Art. 24)`
        )
      );
    }
    // 第二十六条: credit loans to staff or their direct relatives are 原则上不发放 (a finding, not a prohibition)
    if (loan.security === "信用" && loan.staffRelative === true) {
      out.push(
        finding(
          i,
          "security",
          "第二十六条",
          `合规提示：贷款 ${id} 为对职工直系亲属发放的信用贷款，第二十六条规定原则上不发放，请核实审批依据`,
          `compliance: loan ${id} is a credit loan to a staff member's direct relative, which Art. 26 says are in principle not granted; check the approval`
        )
      );
    }
    // 第三十一条: no new loan to a borrower under lawsuit (granted in the policy year)
    if (loan.sued === true && loan.granted !== null && yearOf(loan.granted) === policy.year) {
      out.push(
        finding(
          i,
          "granted",
          "第三十一条",
          `合规提示：贷款 ${id} 的借款人已依法起诉，却于 ${loan.granted} 发放新贷款（第三十一条）`,
          `compliance: loan ${id}: a new loan on ${loan.granted} to a borrower under lawsuit (Art. 31)`
        )
      );
    }
  });
  return out;
}

/**
 * RULES.md A13 (第十九、二十四、二十六、二十七、三十一条): the loan-ledger rules, decided by rule
 * set A (src/rules/a/ledgerCompliance.ts); here its findings become issues at the loan's cell, of category
 * "compliance" (rev 2: 合规提示, never an error, never leaving a row out). A finding
 * on a column the ledger does not have is left out: the missing column was already reported
 * as a notice, and the rules that need it are skipped.
 */
import type { Issue } from "../core/issues";
import type { Policy } from "../policy/types";
import { checkLedger } from "../rules/a/ledgerCompliance";
import type { LedgerFinding } from "../rules/a/ledgerCompliance";
import { cellOf } from "./read";
import type { WorkbookData } from "./read";

function ledgerFindingsToIssues(data: WorkbookData, findings: readonly LedgerFinding[]): Issue[] {
  const info = data.tables.loans;
  if (!info) return [];
  const out: Issue[] = [];
  for (const f of findings) {
    const loan = data.loans[f.loanIndex];
    if (!loan || info.columns[f.field] === undefined) continue;
    out.push({
      sheet: info.sheet,
      cell: cellOf(info, loan.src, f.field),
      severity: f.severity,
      rule: f.rule,
      message: f.zh,
      messageEn: f.en,
      category: "compliance",
    });
  }
  return out;
}

/** A13 over the loans read (rows left out for their own errors are not judged). */
export function ledgerIssues(data: WorkbookData, policy: Policy): Issue[] {
  return ledgerFindingsToIssues(data, checkLedger(data.loans, policy));
}

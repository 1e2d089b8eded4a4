/**
 * RULES.md A13 (第十九、二十四、二十六、二十七、三十一条): the loan-ledger rules, decided by rule
 * set A (src/rules/a/ledger.ts); here its findings become issues at the loan's cell. A finding
 * on a column the ledger does not have is left out: the missing column was already reported,
 * and the rules that need it are skipped.
 */
import type { Issue, Severity } from "../core/issues";
import type { LoanRow } from "../core/rows";
import { cellOf } from "./read";
import type { WorkbookData } from "./read";

/** The shape of rule set A's ledger finding. */
export interface LedgerFindingLike {
  loanIndex: number;
  field: keyof LoanRow;
  severity: Severity;
  rule: string;
  zh: string;
  en: string;
}

export function ledgerFindingsToIssues(data: WorkbookData, findings: readonly LedgerFindingLike[]): Issue[] {
  const info = data.tables.loans;
  if (!info) return [];
  const out: Issue[] = [];
  for (const f of findings) {
    const loan = data.loans[f.loanIndex];
    if (!loan || info.columns[f.field] === undefined) continue;
    out.push({ sheet: info.sheet, cell: cellOf(info, loan.src, f.field), severity: f.severity, rule: f.rule, message: f.zh, messageEn: f.en });
  }
  return out;
}

/**
 * Which summaries the offline page explains row by row, and the key of a row — as the pane's
 * explanation panel does (src/excel/summaries.ts selectedRowKey): 员工号 in 等级汇总, 员工号|贷款编号
 * (src/summary/buyout.ts buyoutKey) in 退休买断; a totals row or a row without 员工号 has none.
 */
import type { CellValue } from "../summary/model";
import type { SummaryId } from "../summary/common";
import { buyoutKey } from "../summary/buyout";

export const EXPLAINED: readonly SummaryId[] = ["grades", "buyout"];

function text(v: CellValue | undefined): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

/** The explanation key of a row of an explained table, or null. */
export function rowKey(
  id: SummaryId,
  headers: readonly string[],
  row: readonly CellValue[]
): string | null {
  const emp = text(row[headers.indexOf("员工号")]);
  if (!emp) return null;
  if (id === "grades") return emp;
  if (id === "buyout") {
    const col = headers.indexOf("贷款编号");
    const loan = col >= 0 ? text(row[col]) : "";
    return loan ? buyoutKey(emp, loan) : null;
  }
  return null;
}

/**
 * (WORKBOOK.md rev 2) "A bad cell leaves its row out only of the rules that need that column;
 * every summary that leaves someone out names them and the cell, and a summary never states a
 * fact about people it could not read."
 *
 * ONE mechanism: the reader records each row's unreadable cells by column key
 * (`WorkbookData.unreadable`, and `dropped` for rows not read at all); a summary's needed
 * columns are the ones it declares (SUMMARY_NEEDS, required and optional) plus every column
 * whose schema `rules` are among the summary's rules (SUMMARY_RULES); {@link summaryView} gives
 * the summary the rows it can use and the list of those it leaves out, with the cells. Pure.
 */
import type { RowSource } from "../core/rows";
import type { BadCell, WorkbookData } from "../reader/read";
import { SCHEMA, TABLE_IDS } from "../reader/schema";
import type { TableId } from "../reader/schema";
import { SUMMARY_NEEDS, SUMMARY_RULES } from "./availability";
import type { SummaryId } from "./common";

/** A row a summary leaves out: where, who, the cells that made it so, the CMs it belongs to. */
export interface LeftOutRow {
  table: TableId;
  src: RowSource;
  /** who or what the row is ("王强", "L7", "甲公司") or null (then the row number is given) */
  label: string | null;
  cells: BadCell[];
  /** employee ids the row belongs to (a loan's 第一责任人, a customer's 客户经理…), when readable */
  owners: string[];
  /** the row itself when it was read (null: not read at all) */
  row: Record<string, unknown> | null;
}

export interface SummaryView {
  /** the data with only the rows this summary can use (arrays shared with `data` when nothing is left out) */
  data: WorkbookData;
  leftOut: LeftOutRow[];
  /** employee ids with a row of another table left out (their figures in this summary would be incomplete) */
  incompleteOwners: ReadonlySet<string>;
}

/** The column keys of `table` that summary `id` reads. */
export function neededColumns(id: SummaryId, table: TableId): Set<string> {
  const out = new Set<string>();
  for (const n of SUMMARY_NEEDS[id]) {
    if (n.table !== table) continue;
    for (const k of n.columns) out.add(k);
    for (const k of n.optional ?? []) out.add(k);
  }
  const rules = SUMMARY_RULES[id] ?? [];
  for (const c of SCHEMA[table].columns) if (c.rules.some((r) => rules.includes(r))) out.add(c.key);
  return out;
}

function tablesOf(id: SummaryId): TableId[] {
  return [...new Set(SUMMARY_NEEDS[id].map((n) => n.table))];
}

/** What a read row is called in notes. */
function labelOf(table: TableId, row: Record<string, unknown>): string | null {
  const v = (k: string) =>
    typeof row[k] === "string" && row[k] !== "" ? (row[k] as string) : null;
  if (table === "managers") return v("name") ?? v("id");
  if (table === "customers") return v("customer");
  if (table === "errors") return v("employeeId");
  return v("loanId");
}

function ownersOf(table: TableId, row: Record<string, unknown>, needed: Set<string>): string[] {
  const out: string[] = [];
  for (const c of SCHEMA[table].columns) {
    if (!c.refManager || !(needed.has(c.key) || c.required)) continue;
    const v = row[c.key];
    if (typeof v === "string" && !out.includes(v)) out.push(v);
  }
  return out;
}

/** The rows of `data` summary `id` can use, and those it leaves out (in sheet order per table). */
export function summaryView(id: SummaryId, data: WorkbookData): SummaryView {
  const leftOut: LeftOutRow[] = [];
  const view: WorkbookData = { ...data };
  for (const t of tablesOf(id)) {
    if (!data.tables[t]) continue;
    const needed = neededColumns(id, t);
    for (const d of data.dropped[t])
      leftOut.push({
        table: t,
        src: d.src,
        label: d.label,
        cells: d.cells,
        owners: ownersOf(t, d.values, needed),
        row: null,
      });
    const bad = data.unreadable[t];
    if (bad.size === 0) continue;
    const rows = data[t] as unknown as Record<string, unknown>[];
    const kept: Record<string, unknown>[] = [];
    for (const row of rows) {
      const cells = bad.get(row)?.filter((c) => needed.has(c.key));
      if (!cells || cells.length === 0) kept.push(row);
      else
        leftOut.push({
          table: t,
          src: row.src as RowSource,
          label: labelOf(t, row),
          cells,
          owners: ownersOf(t, row, needed),
          row,
        });
    }
    if (kept.length < rows.length) (view[t] as unknown[]) = kept;
  }
  leftOut.sort(
    (a, b) => TABLE_IDS.indexOf(a.table) - TABLE_IDS.indexOf(b.table) || a.src.row - b.src.row
  );
  const incompleteOwners = new Set<string>();
  for (const l of leftOut)
    if (l.table !== "managers") for (const o of l.owners) incompleteOwners.add(o);
  return { data: view, leftOut, incompleteOwners };
}

/**
 * "王强：F4 行别类型“一类”不是允许的值…，未计入" — one line per row left out. Rows of other tables
 * than 客户经理 say which table; a row not read at all says so.
 */
export function leftOutLines(leftOut: readonly LeftOutRow[]): string[] {
  return leftOut.map((l) => {
    const who = l.label ?? `第 ${l.src.row + 1} 行`;
    const where = l.table === "managers" ? who : `${SCHEMA[l.table].zh}“${who}”`;
    const others = l.owners.filter((o) => o !== l.label);
    const owners = l.table !== "managers" && others.length > 0 ? `（${others.join("、")}）` : "";
    const cells = l.cells.map((c) => `${c.cell} ${c.zh}`).join("；");
    return `${where}${owners}：${cells}，${l.row === null ? "此行未读取，" : ""}未计入`;
  });
}

/** The rows left out, per table (the title line's count, common.ts rejectedText). */
export function leftOutCounts(leftOut: readonly LeftOutRow[]): Partial<Record<TableId, number>> {
  const out: Partial<Record<TableId, number>> = {};
  for (const l of leftOut) out[l.table] = (out[l.table] ?? 0) + 1;
  return out;
}

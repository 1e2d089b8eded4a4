/**
 * Finding the input tables of WORKBOOK.md in a workbook by their header rows: within the first
 * rows of each sheet's used range, columns in any order, header names compared with
 * {@link normKey} (trim, inner spaces, full-width, case). A header may state a unit after the
 * name — "当年贷款利息收入（万元）", "贷款余额(元)", "逾期天数 天" — which then applies to the cells.
 * Each sheet holds at most one table; each table is read from one sheet.
 */
import { a1 } from "../core/issues";
import type { Issue } from "../core/issues";
import { normKey } from "../core/text";
import { PREVIOUS_SHEET_NAMES, SUMMARY_SHEET_NAMES, withoutCopySuffix } from "../core/sheetNames";
import { POLICY_SHEET } from "../policy/schema";
import type { SheetGrid, WorkbookGrid } from "../core/grid";
import { columnName, rulesText, SCHEMA, TABLE_IDS } from "./schema";
import type { ColumnDef, TableDef, TableId } from "./schema";

/** How many rows from the top of the used range are searched for the header row. */
export const HEADER_SEARCH_ROWS = 10;

/** Sheets the add-in writes (WORKBOOK.md "What the add-in writes"), the policy sheet and last year's copied sheets (issue 18): never input tables. */
const OWN_SHEETS: readonly string[] = [
  ...Object.values(SUMMARY_SHEET_NAMES),
  POLICY_SHEET,
  ...Object.values(PREVIOUS_SHEET_NAMES),
];

export function isOwnSheet(name: string): boolean {
  const base = withoutCopySuffix(name).trim();
  return OWN_SHEETS.includes(base);
}

/** Where a column was found: index into the sheet grid's row arrays, and the unit its header states. */
export interface FoundColumn {
  col: number;
  unit: string | null;
  header: string;
}

export interface TableLocation {
  table: TableId;
  sheet: SheetGrid;
  /** index into sheet.values of the header row */
  headerRow: number;
  columns: Record<string, FoundColumn>;
  /** required columns the header row lacks (the table cannot be read) */
  missingRequired: ColumnDef[];
}

const OPEN = "([【〔<{/-_:：";
const CLOSE = ")]】〕>}";

/**
 * Does a header cell's text name this column? Returns the unit it states (null when none),
 * or undefined when it does not match.
 */
export function matchHeader(text: string, def: ColumnDef): string | null | undefined {
  const h = normKey(text);
  if (!h) return undefined;
  for (const name of def.names) {
    const n = normKey(name);
    if (h === n) return null;
    if (!h.startsWith(n) || !def.units) continue;
    const unit = unitOf(h.slice(n.length));
    if (unit === undefined) continue;
    const found = def.units.find((u) => normKey(u) === unit);
    if (found) return found;
  }
  return undefined;
}

/** "(万元)" / "万元" / "（单位：元）" / "/天" → the unit's key; undefined when the rest is not a unit. */
function unitOf(rest: string): string | undefined {
  let s = rest;
  while (s && OPEN.includes(s[0])) s = s.slice(1);
  while (s && CLOSE.includes(s[s.length - 1])) s = s.slice(0, -1);
  s = s.replace(/^单位[:：]?/, "");
  return s ? s : undefined;
}

/**
 * A header row of exact names (the summaries' own headers, read back as last year's tables:
 * previous.ts): the first of the searched rows that has every one of `names` (compared with
 * {@link normKey}; no units), with the column of each key and of each of `optional` it has; null
 * when no row has them all.
 */
export function findHeaderRow(
  sheet: SheetGrid,
  names: Readonly<Record<string, string>>,
  optional: Readonly<Record<string, string>> = {}
): { row: number; cols: Record<string, number> } | null {
  const rows = Math.min(HEADER_SEARCH_ROWS, sheet.values.length);
  for (let r = 0; r < rows; r++) {
    const cols: Record<string, number> = {};
    (sheet.values[r] ?? []).forEach((cell, c) => {
      if (typeof cell !== "string") return;
      const k = normKey(cell);
      for (const [key, name] of [...Object.entries(names), ...Object.entries(optional)])
        if (cols[key] === undefined && k === normKey(name)) cols[key] = c;
    });
    if (Object.keys(names).every((k) => cols[k] !== undefined)) return { row: r, cols };
  }
  return null;
}

interface Candidate {
  table: TableId;
  sheetIndex: number;
  headerRow: number;
  columns: Record<string, FoundColumn>;
  duplicates: { key: string; col: number; header: string; first: FoundColumn }[];
  matched: number;
  allRequired: boolean;
  nameMatch: boolean;
}

function textOf(v: unknown): string | null {
  return typeof v === "string" && v.trim() !== "" ? v : null;
}

function matchRow(
  row: unknown[],
  def: TableDef
): Pick<Candidate, "columns" | "duplicates" | "matched" | "allRequired"> {
  const columns: Record<string, FoundColumn> = {};
  const duplicates: Candidate["duplicates"] = [];
  row.forEach((cell, col) => {
    const text = textOf(cell);
    if (text === null) return;
    for (const c of def.columns) {
      const unit = matchHeader(text, c);
      if (unit === undefined) continue;
      const header = text.trim();
      if (columns[c.key]) duplicates.push({ key: c.key, col, header, first: columns[c.key] });
      else columns[c.key] = { col, unit, header };
      break;
    }
  });
  const matched = Object.keys(columns).length;
  const allRequired = def.columns.every((c) => !c.required || columns[c.key] !== undefined);
  return { columns, duplicates, matched, allRequired };
}

function sheetNameMatches(sheet: string, def: TableDef): boolean {
  return normKey(sheet).includes(normKey(def.zh));
}

function candidatesOf(sheet: SheetGrid, sheetIndex: number): Candidate[] {
  const out: Candidate[] = [];
  const rows = Math.min(HEADER_SEARCH_ROWS, sheet.values.length);
  for (const table of TABLE_IDS) {
    const def = SCHEMA[table];
    const nameMatch = sheetNameMatches(sheet.name, def);
    let best: Candidate | null = null;
    for (let r = 0; r < rows; r++) {
      const m = matchRow(sheet.values[r] ?? [], def);
      if (m.matched < (nameMatch ? 1 : 2)) continue;
      if (!best || m.matched > best.matched)
        best = { table, sheetIndex, headerRow: r, nameMatch, ...m };
    }
    if (best) out.push(best);
  }
  return out;
}

function rank(c: Candidate): number[] {
  const total = SCHEMA[c.table].columns.length;
  return [c.allRequired ? 1 : 0, c.nameMatch ? 1 : 0, c.matched / total, c.matched, -c.sheetIndex];
}

function compareRank(a: Candidate, b: Candidate): number {
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return rb[i] - ra[i];
  return 0;
}

export interface FoundTables {
  locations: Record<TableId, TableLocation | null>;
  issues: Issue[];
}

function headerCell(sheet: SheetGrid, headerRow: number, col: number): string {
  return a1(sheet.rowOffset + headerRow, sheet.colOffset + col);
}

/** Locates every table of the schema; reports missing tables, missing columns and look-alike sheets. */
export function findTables(grid: WorkbookGrid): FoundTables {
  const all: Candidate[] = [];
  grid.sheets.forEach((s, i) => {
    if (!isOwnSheet(s.name)) all.push(...candidatesOf(s, i));
  });
  all.sort(compareRank);
  const chosen = new Map<TableId, Candidate>();
  const usedSheets = new Set<number>();
  for (const c of all) {
    if (chosen.has(c.table) || usedSheets.has(c.sheetIndex)) continue;
    chosen.set(c.table, c);
    usedSheets.add(c.sheetIndex);
  }
  const issues: Issue[] = [];
  const locations = {} as Record<TableId, TableLocation | null>;
  for (const table of TABLE_IDS) {
    const def = SCHEMA[table];
    const c = chosen.get(table);
    if (!c) {
      locations[table] = null;
      issues.push(tableMissing(def));
      continue;
    }
    const sheet = grid.sheets[c.sheetIndex];
    const missingRequired = def.columns.filter((col) => col.required && !c.columns[col.key]);
    locations[table] = {
      table,
      sheet,
      headerRow: c.headerRow,
      columns: c.columns,
      missingRequired,
    };
    issues.push(...columnIssues(def, sheet, c, missingRequired));
  }
  issues.push(...lookAlikes(grid, all, chosen, usedSheets));
  return { locations, issues };
}

function tableMissing(def: TableDef): Issue {
  const req = def.columns.filter((c) => c.required).map(columnName);
  return {
    sheet: "",
    cell: "",
    severity: "info",
    rule: "TABLE.missing",
    message: `未找到“${def.zh}”表（表头至少应含 ${req.join("、")}）：需要它的汇总将跳过`,
    messageEn: `no ${def.en} table found (its header row needs at least ${req.join(", ")}): the summaries that need it are skipped`,
  };
}

function columnIssues(
  def: TableDef,
  sheet: SheetGrid,
  c: Candidate,
  missingRequired: ColumnDef[]
): Issue[] {
  const issues: Issue[] = [];
  const firstCol = Math.min(...Object.values(c.columns).map((f) => f.col));
  const at = headerCell(sheet, c.headerRow, firstCol);
  for (const col of missingRequired) {
    issues.push({
      sheet: sheet.name,
      cell: at,
      severity: "error",
      rule: "COLUMN.required",
      message: `“${def.zh}”表缺少必需的列“${columnName(col)}”（可用列名：${col.names.join("、")}），此表无法读取`,
      messageEn: `the ${def.en} table lacks the required column ${columnName(col)} (accepted names: ${col.names.join(", ")}); the table cannot be read`,
    });
  }
  for (const d of c.duplicates) {
    issues.push({
      sheet: sheet.name,
      cell: headerCell(sheet, c.headerRow, d.col),
      severity: "warning",
      rule: "COLUMN.duplicate",
      message: `列“${d.header}”与 ${headerCell(sheet, c.headerRow, d.first.col)} 的“${d.first.header}”是同一列，此列未读取`,
      messageEn: `column "${d.header}" repeats "${d.first.header}" (${headerCell(sheet, c.headerRow, d.first.col)}); it is not read`,
    });
  }
  if (missingRequired.length > 0) return issues;
  for (const col of def.columns) {
    if (c.columns[col.key] || col.absentMeansNone) continue;
    issues.push(optionalMissing(def, sheet.name, at, col));
  }
  return issues;
}

function optionalMissing(def: TableDef, sheet: string, cell: string, col: ColumnDef): Issue {
  const name = columnName(col);
  let zh: string;
  let en: string;
  if (col.blankValue !== undefined) {
    zh = `“${def.zh}”表没有列“${name}”：每行按 ${col.blankValue} 计`;
    en = `the ${def.en} table has no column ${name}: each row counts as ${col.blankValue}`;
  } else {
    const r = rulesText(col);
    zh = `“${def.zh}”表没有列“${name}”：需要它的规则（${r.zh}）将跳过此项`;
    en = `the ${def.en} table has no column ${name}: the rules that need it (${r.en}) are skipped`;
  }
  return { sheet, cell, severity: "info", rule: "COLUMN.optional", message: zh, messageEn: en };
}

/** A sheet left unread whose header row holds every required column of a table read elsewhere. */
function lookAlikes(
  grid: WorkbookGrid,
  all: Candidate[],
  chosen: Map<TableId, Candidate>,
  usedSheets: Set<number>
): Issue[] {
  const issues: Issue[] = [];
  const reported = new Set<number>();
  for (const c of all) {
    if (
      usedSheets.has(c.sheetIndex) ||
      reported.has(c.sheetIndex) ||
      !c.allRequired ||
      c.matched < 3
    )
      continue;
    const taken = chosen.get(c.table);
    if (!taken) continue;
    reported.add(c.sheetIndex);
    const def = SCHEMA[c.table];
    const sheet = grid.sheets[c.sheetIndex];
    const other = grid.sheets[taken.sheetIndex].name;
    const firstCol = Math.min(...Object.values(c.columns).map((f) => f.col));
    issues.push({
      sheet: sheet.name,
      cell: headerCell(sheet, c.headerRow, firstCol),
      severity: "warning",
      rule: "TABLE.duplicate",
      message: `此工作表的表头也像“${def.zh}”表，但只读取工作表“${other}”中的“${def.zh}”，此表未读取`,
      messageEn: `this sheet's header row also looks like the ${def.en} table, but only the one in sheet "${other}" is read; this one is not`,
    });
  }
  return issues;
}

/**
 * The summary model: what a writer puts on a new sheet, as plain data. Built by pure code
 * (summaries, the template, the validation-result sheet, the policy sheet) and written by
 * the Office.js writer (src/excel) in the add-in or the ExcelJS writer in the CLI — the same
 * model gives the same sheet.
 */
import { isIsoDate, toSerial } from "../core/dates";
import { colLetters } from "../core/issues";

/** A cell: text, number, logical, or an ISO date "YYYY-MM-DD" in a "date" column; null = blank. */
export type CellValue = string | number | boolean | null;

/**
 * Column formats. money: thousands separator, 2 decimals (#,##0.00); score: 0.00;
 * rate: percent with 2 decimals (0.00%) of a fraction; int: 0; date: yyyy-mm-dd; text: @.
 */
export type ColumnFormat = "text" | "int" | "number" | "money" | "score" | "rate" | "date" | "general";

export const EXCEL_NUMBER_FORMATS: Record<ColumnFormat, string> = {
  text: "@",
  int: "0",
  number: "0.######",
  money: "#,##0.00",
  score: "0.00",
  rate: "0.00%",
  date: "yyyy-mm-dd",
  general: "General",
};

export interface ColumnSpec {
  header: string;
  format: ColumnFormat;
  /** width in characters (Excel's column width unit) */
  width?: number;
  /** a drop-down list of allowed values (template sheets) */
  list?: string[];
}

export interface SheetModel {
  /** wanted sheet name; the writer adds " (2)", " (3)" … when it is taken */
  name: string;
  /** first row: what it is, the policy year, the amount unit, when it was made; null = no title row */
  title: string | null;
  columns: ColumnSpec[];
  rows: CellValue[][];
  /** freeze the rows up to and including the header row */
  freezeHeader: boolean;
  /** 0-based indexes (into rows) of totals rows, written in bold */
  totalRows?: number[];
  /** rows after the table (notes, peer averages…): label/value lines written below a blank row */
  notes?: CellValue[][];
}

/** The 0-based sheet row of the header (after the title line, if any). */
export function headerRowIndex(m: SheetModel): number {
  return m.title === null ? 0 : 1;
}

/** Text that Excel would read as a formula (= + - @): writers must store it as text. */
export function looksLikeFormula(s: string): boolean {
  return /^[=+\-@]/.test(s);
}

// ---------------------------------------------------------------------------------------
// Shared by the two writers (src/excel/write.ts, src/cli/xlsx.ts) so that the same model
// gives the same sheet: where each part goes, how a cell is stored, column widths.

/** Excel's limits. */
export const MAX_SHEET_ROWS = 1048576;
export const MAX_SHEET_COLS = 16384;
export const MAX_CELL_TEXT = 32767;

/** Where the parts of a model go on its sheet (0-based rows). */
export interface SheetLayout {
  titleRow: number | null;
  headerRow: number;
  firstDataRow: number;
  /** the first notes row (one blank row after the table); null = no notes */
  notesRow: number | null;
  /** rows used: last used row + 1 */
  rowCount: number;
  /** columns used: the table's columns or the widest notes line */
  colCount: number;
}

export function sheetLayout(m: SheetModel): SheetLayout {
  const headerRow = headerRowIndex(m);
  const firstDataRow = headerRow + 1;
  const notes = m.notes ?? [];
  const notesRow = notes.length > 0 ? firstDataRow + m.rows.length + 1 : null;
  const rowCount = notesRow === null ? firstDataRow + m.rows.length : notesRow + notes.length;
  let colCount = Math.max(m.columns.length, 1);
  for (const n of notes) colCount = Math.max(colCount, n.length);
  for (let r = 0; r < m.rows.length; r++) {
    if (m.rows[r].length > m.columns.length) {
      throw new Error(`工作表“${m.name}”第 ${r + 1} 行有 ${m.rows[r].length} 个单元格，多于 ${m.columns.length} 列（row wider than the table）`);
    }
  }
  if (rowCount > MAX_SHEET_ROWS) {
    throw new Error(`工作表“${m.name}”需要 ${rowCount} 行，超过 Excel 的上限 ${MAX_SHEET_ROWS} 行（too many rows for one sheet）`);
  }
  if (colCount > MAX_SHEET_COLS) {
    throw new Error(`工作表“${m.name}”需要 ${colCount} 列，超过 Excel 的上限 ${MAX_SHEET_COLS} 列（too many columns for one sheet）`);
  }
  return { titleRow: m.title === null ? null : 0, headerRow, firstDataRow, notesRow, rowCount, colCount };
}

/**
 * A model cell as the writers store it: an ISO date in a "date" column becomes its Excel serial
 * number; in a "text" column a number or logical value becomes its text. `format` null = a cell
 * outside the table (title, notes). A number that is not finite, or text longer than a cell
 * holds, is refused with an Error naming `where` (the text, or a function giving it only when
 * needed) — never written as a wrong value.
 */
export function sheetValue(v: CellValue, format: ColumnFormat | null, where: string | (() => string)): CellValue {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error(`${typeof where === "string" ? where : where()}：数值无效（${v}），不能写入工作表（not a finite number）`);
    if (format === "text") return String(v);
    return Object.is(v, -0) ? 0 : v;
  }
  if (typeof v === "string") {
    if (v.length > MAX_CELL_TEXT) {
      throw new Error(`${typeof where === "string" ? where : where()}：文本长 ${v.length} 个字符，超过单元格上限 ${MAX_CELL_TEXT}（text too long for a cell）`);
    }
    if (format === "date" && /^\d{4}-\d{2}-\d{2}$/.test(v) && isIsoDate(v)) return toSerial(v);
    return v;
  }
  if (typeof v === "boolean") return format === "text" ? (v ? "TRUE" : "FALSE") : v;
  if (v === null || v === undefined) return null;
  throw new Error(`${typeof where === "string" ? where : where()}：不支持的单元格值类型 ${typeof v}（unsupported cell value）`);
}

/**
 * Text that Excel would turn into something else when it is put into a cell not formatted as
 * text: a formula (= + - @), a number, date, time or percentage (anything with a digit), a
 * logical value, an error value (#…). Writers store such text in cells formatted "@".
 */
export function mustStoreAsText(s: string): boolean {
  return looksLikeFormula(s) || /[0-9\uff10-\uff19]/.test(s) || /^\s*(true|false)\s*$/i.test(s) || /^\s*#/.test(s);
}

/** Display width of text in Excel's character units: CJK and other wide characters count 2. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! > 0x2e7f ? 2 : 1;
  return w;
}

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
const SAMPLE_ROWS = 200;

/** Column width in characters: the model's width, else fitted to the header and the first rows. */
export function columnWidth(m: SheetModel, c: number): number {
  const col = m.columns[c];
  if (col?.width !== undefined && Number.isFinite(col.width) && col.width > 0) return Math.min(col.width, 255);
  let w = col ? displayWidth(col.header) : 0;
  const n = Math.min(m.rows.length, SAMPLE_ROWS);
  for (let r = 0; r < n; r++) {
    const v = m.rows[r][c];
    if (v === null || v === undefined) continue;
    if (typeof v === "number") {
      const digits = String(Math.round(Math.abs(v))).length;
      w = Math.max(w, col?.format === "date" ? 10 : digits + Math.floor((digits - 1) / 3) + 4);
    } else w = Math.max(w, displayWidth(String(v)));
  }
  return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, w + 2));
}

/** Excel keeps at most 255 characters in a list validation's source. */
export const MAX_LIST_SOURCE = 255;

/**
 * The source text of a column's drop-down list ("是,否"), null when the column has none. A list
 * that Excel cannot hold as a comma-separated source (an item with a comma or a quote, or longer
 * than 255 characters in all) is refused with an Error — the same in both writers.
 */
export function listSource(m: SheetModel, c: number): string | null {
  const list = m.columns[c]?.list;
  if (!list || list.length === 0) return null;
  const bad = list.find((x) => /[,"]/.test(x) || x.trim() === "");
  if (bad !== undefined) {
    throw new Error(`工作表“${m.name}”列“${m.columns[c].header}”的下拉选项“${bad}”不能为空或含逗号、引号（invalid drop-down item）`);
  }
  const source = list.join(",");
  if (source.length > MAX_LIST_SOURCE) {
    throw new Error(`工作表“${m.name}”列“${m.columns[c].header}”的下拉选项共 ${source.length} 个字符，超过 ${MAX_LIST_SOURCE}（drop-down list too long）`);
  }
  return source;
}

/** Rows below the header that a drop-down list covers at least (templates are filled in later). */
export const LIST_ROWS = 10000;

/**
 * The 0-based sheet rows a column's drop-down covers: every data row, and on a sheet without
 * notes at least {@link LIST_ROWS} rows for filling in. (Not the whole column: tools that expand
 * validations cell by cell, ExcelJS among them, would build a million entries per column.)
 */
export function listRowRange(m: SheetModel): { first: number; last: number } {
  const L = sheetLayout(m);
  const rows = Math.max(m.rows.length, 1);
  const span = L.notesRow === null ? Math.max(rows, LIST_ROWS) : rows;
  return { first: L.firstDataRow, last: Math.min(L.firstDataRow + span - 1, MAX_SHEET_ROWS - 1) };
}

/**
 * Checks that a model can be written as sheet `name` — within Excel's limits, valid drop-down
 * lists, every cell storable ({@link sheetValue}) — and throws the first problem as an Error. The
 * writers call it before they write anything.
 */
export function checkSheetModel(m: SheetModel, name: string): void {
  const L = sheetLayout(m);
  m.columns.forEach((col, c) => {
    listSource(m, c);
    sheetValue(col.header, "text", `工作表“${name}”表头 ${colLetters(c)} 列`);
  });
  if (m.title !== null) sheetValue(m.title, "text", `工作表“${name}”标题`);
  const check = (rows: CellValue[][], first: number, format: (c: number) => ColumnFormat | null) => {
    let r = 0;
    let c = 0;
    const where = () => `工作表“${name}”第 ${first + r + 1} 行 ${colLetters(c)} 列`;
    for (; r < rows.length; r++) for (c = 0; c < rows[r].length; c++) sheetValue(rows[r][c], format(c), where);
  };
  check(m.rows, L.firstDataRow, (c) => m.columns[c].format);
  if (L.notesRow !== null) check(m.notes ?? [], L.notesRow, () => null);
}

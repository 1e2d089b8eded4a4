/**
 * The summary model: what a writer puts on a new sheet, as plain data. Built by pure code
 * (summaries, the template, the validation-result sheet, the policy sheet) and written by
 * the Office.js writer (src/excel) in the add-in or the ExcelJS writer in the CLI — the same
 * model gives the same sheet.
 */
import { isIsoDate, toSerial } from "../core/dates";
import { colLetters } from "../core/issues";
import type { ChartSpec } from "./charts";
import { chartsExtent, checkChart } from "./charts";

/** A cell: text, number, logical, or an ISO date "YYYY-MM-DD" in a "date" column; null = blank. */
export type CellValue = string | number | boolean | null;

/**
 * Column formats. money: thousands separator, 2 decimals (#,##0.00); score: 0.00;
 * rate: percent with 2 decimals (0.00%) of a fraction; int: 0; date: yyyy-mm-dd; text: @;
 * (rev 2) coef: one decimal (2.0); pct: a percent number with its sign (2.1849%).
 */
export type ColumnFormat =
  "text" | "int" | "number" | "money" | "score" | "rate" | "date" | "general" | "coef" | "pct";

export const EXCEL_NUMBER_FORMATS: Record<ColumnFormat, string> = {
  text: "@",
  int: "0",
  number: "0.######",
  money: "#,##0.00",
  score: "0.00",
  rate: "0.00%",
  date: "yyyy-mm-dd",
  general: "General",
  /** coefficients (工资系数): one decimal, 2.0 */
  coef: "0.0",
  /** a number that is already in percent (新增不良率% 2.1849): shown with its % sign, the value unchanged */
  pct: '0.00##"%"',
};

export interface ColumnSpec {
  header: string;
  format: ColumnFormat;
  /** width in characters (Excel's column width unit) */
  width?: number;
  /** a drop-down list of allowed values (template sheets) */
  list?: string[];
  /**
   * a drop-down list taken from a column of another sheet (template: 员工号 from 客户经理): the
   * sheet's wanted name (a model written in the same call, or an existing sheet), its 0-based
   * column and sheet rows. Writers resolve the name with {@link resolveListRanges}.
   */
  listRange?: ListRange;
  /** wrap long text in the cells (rows get the height of their lines) */
  wrap?: boolean;
}

export interface ListRange {
  sheet: string;
  col: number;
  firstRow: number;
  lastRow: number;
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
  /** how the sheet prints (summaries: src/summary/print.ts); absent = the host's defaults */
  print?: PrintSetup;
  /** (issue 19) 0-based indexes (into rows) of data rows that start a new printed page (a manual page break above each) */
  pageBreaks?: number[];
  /** cells filled (and noted) while they are blank: [data row index, column] (政策参数's must-set figures) */
  blankHighlight?: { rows: number[]; col: number; note: string };
  /** (issue 19) native Excel charts over cells of this sheet (src/summary/charts.ts) */
  charts?: ChartSpec[];
}

// ---------------------------------------------------------------------------------------
// Printing (WORKBOOK.md rev 2 "Every summary prints as a report"): described once here, written
// by both writers (src/cli/xlsx/sheetXml.ts + package.ts, src/excel/print.ts).

/** A piece of a page header or footer: text, or a field Excel fills in when printing. */
export type HeaderFooterPart = string | { field: "page" | "pages" };

export interface HeaderFooter {
  left: HeaderFooterPart[];
  center: HeaderFooterPart[];
  right: HeaderFooterPart[];
}

export interface PrintSetup {
  orientation: "landscape" | "portrait";
  paper: "A4";
  /** fit to this many pages wide (1) and tall (0 = as many as needed) */
  fitToWidth: number;
  fitToHeight: number;
  /** repeat the rows up to and including the header row on every page */
  repeatHeader: boolean;
  header: HeaderFooter;
  footer: HeaderFooter;
  /** margins in inches */
  margins: {
    left: number;
    right: number;
    top: number;
    bottom: number;
    header: number;
    footer: number;
  };
}

/** The paper size code of ECMA-376 / Office.js for A4. */
export const PAPER_A4 = 9;

/**
 * One section of a header or footer in Excel's code ("第 &P 页 共 &N 页"): text with its & doubled,
 * &P for the page number, &N for the number of pages. The same codes in the file and in Office.js.
 */
export function headerFooterSection(parts: readonly HeaderFooterPart[]): string {
  return parts
    .map((p) => (typeof p === "string" ? p.replace(/&/g, "&&") : p.field === "page" ? "&P" : "&N"))
    .join("");
}

/** A whole header or footer as the file stores it: "&L…&C…&R…" (empty sections left out). */
export function headerFooterCode(hf: HeaderFooter): string {
  let out = "";
  if (hf.left.length > 0) out += "&L" + headerFooterSection(hf.left);
  if (hf.center.length > 0) out += "&C" + headerFooterSection(hf.center);
  if (hf.right.length > 0) out += "&R" + headerFooterSection(hf.right);
  return out;
}

/** The 0-based rows printed on every page ({first, last}), or null. */
export function printTitleRows(m: SheetModel): { first: number; last: number } | null {
  if (!m.print?.repeatHeader) return null;
  return { first: 0, last: headerRowIndex(m) };
}

/**
 * The printed area: every used row and column of the sheet ({first row, last row, last column},
 * 0-based), so that text running past the last column is not printed on pages of its own; null
 * when the model does not print.
 */
export function printArea(m: SheetModel): { lastRow: number; lastCol: number } | null {
  if (!m.print) return null;
  const L = sheetLayout(m);
  const c = chartsExtent(m.charts);
  return {
    lastRow: Math.max(L.rowCount - 1, 0, c?.lastRow ?? 0),
    lastCol: Math.max(L.colCount - 1, c?.lastCol ?? 0),
  };
}

/** Excel keeps at most this many manual horizontal page breaks on a sheet. */
export const MAX_PAGE_BREAKS = 1026;

/**
 * The 0-based sheet rows above which a page break goes ({@link SheetModel.pageBreaks}), ascending,
 * each once, at most {@link MAX_PAGE_BREAKS} (the builder warns beyond).
 */
export function pageBreakRows(m: SheetModel): number[] {
  const first = headerRowIndex(m) + 1;
  return [...new Set(m.pageBreaks ?? [])]
    .filter((i) => i > 0 && i < m.rows.length)
    .sort((a, b) => a - b)
    .slice(0, MAX_PAGE_BREAKS)
    .map((i) => first + i);
}

/** Points per line of wrapped text (default font 11 pt). */
const LINE_POINTS = 15;

function linesOf(text: string, width: number): number {
  let n = 0;
  const w = Math.max(1, width - 1);
  for (const part of text.split("\n")) n += Math.max(1, Math.ceil(displayWidth(part) / w));
  return n;
}

/**
 * The height in points a data row needs for its wrapped cells, or null when one line does
 * (writers that cannot fit rows to their text themselves set it; Office.js autofits).
 */
export function wrappedRowHeight(m: SheetModel, r: number): number | null {
  let lines = 1;
  const row = m.rows[r];
  for (let c = 0; c < m.columns.length; c++) {
    if (!m.columns[c].wrap) continue;
    const v = row?.[c];
    if (typeof v !== "string" || v === "") continue;
    lines = Math.max(lines, linesOf(v, columnWidth(m, c)));
  }
  return lines > 1 ? Math.min(lines * LINE_POINTS, 409) : null;
}

/**
 * Lines printed across the table (the title, notes lines of a label and one long text): merged
 * over the table's width and wrapped, so that nothing is cut off at the page's edge. Only when
 * the model prints ({@link SheetModel.print}). 0-based sheet rows and columns.
 */
export interface WideLine {
  row: number;
  firstCol: number;
  lastCol: number;
  /** height in points, null = one line */
  height: number | null;
}

export function wideLines(m: SheetModel): WideLine[] {
  if (!m.print) return [];
  const L = sheetLayout(m);
  const n = Math.max(m.columns.length, 1);
  const span = (c0: number) => {
    let w = 0;
    for (let c = c0; c < n; c++) w += m.columns[c] ? columnWidth(m, c) : MIN_WIDTH;
    return w;
  };
  const out: WideLine[] = [];
  const add = (row: number, c0: number, text: string) => {
    if (n - 1 <= c0) return;
    const lines = linesOf(text, span(c0));
    out.push({
      row,
      firstCol: c0,
      lastCol: n - 1,
      height: lines > 1 ? Math.min(lines * LINE_POINTS, 409) : null,
    });
  };
  if (L.titleRow !== null && m.title) add(L.titleRow, 0, m.title);
  (m.notes ?? []).forEach((line, i) => {
    if (
      line.length === 2 &&
      typeof line[1] === "string" &&
      displayWidth(line[1]) > (m.columns[1] ? columnWidth(m, 1) : MIN_WIDTH)
    )
      add(L.notesRow! + i, 1, line[1]);
  });
  return out;
}

/**
 * Resolves the {@link ColumnSpec.listRange} sheet names of `models` to the names they are written
 * as (`names[i]` for `models[i]`); names of other sheets are kept. Returns new models (the given
 * ones are not changed) — call before writing.
 */
export function resolveListRanges(
  models: readonly SheetModel[],
  names: readonly string[]
): SheetModel[] {
  const actual = new Map<string, string>();
  models.forEach((m, i) => {
    if (!actual.has(m.name)) actual.set(m.name, names[i]);
  });
  return models.map((m) => {
    if (!m.columns.some((c) => c.listRange)) return m;
    return {
      ...m,
      columns: m.columns.map((c) =>
        c.listRange
          ? {
              ...c,
              listRange: {
                ...c.listRange,
                sheet: actual.get(c.listRange.sheet) ?? c.listRange.sheet,
              },
            }
          : c
      ),
    };
  });
}

/** A sheet name as a formula writes it: 'name', its quotes doubled. */
export function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The 0-based sheet row of the header (after the title line, if any). */
function headerRowIndex(m: SheetModel): number {
  return m.title === null ? 0 : 1;
}

/** Text that Excel would read as a formula (= + - @): writers must store it as text. */
function looksLikeFormula(s: string): boolean {
  return /^[=+\-@]/.test(s);
}

// ---------------------------------------------------------------------------------------
// Shared by the two writers (src/excel/write.ts, src/cli/xlsx.ts) so that the same model
// gives the same sheet: where each part goes, how a cell is stored, column widths.

/** Excel's limits. */
const MAX_SHEET_ROWS = 1048576;
export const MAX_SHEET_COLS = 16384;
const MAX_CELL_TEXT = 32767;

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
      throw new Error(
        `工作表“${m.name}”第 ${r + 1} 行有 ${m.rows[r].length} 个单元格，多于 ${m.columns.length} 列（row wider than the table）`
      );
    }
  }
  if (rowCount > MAX_SHEET_ROWS) {
    throw new Error(
      `工作表“${m.name}”需要 ${rowCount} 行，超过 Excel 的上限 ${MAX_SHEET_ROWS} 行（too many rows for one sheet）`
    );
  }
  if (colCount > MAX_SHEET_COLS) {
    throw new Error(
      `工作表“${m.name}”需要 ${colCount} 列，超过 Excel 的上限 ${MAX_SHEET_COLS} 列（too many columns for one sheet）`
    );
  }
  return {
    titleRow: m.title === null ? null : 0,
    headerRow,
    firstDataRow,
    notesRow,
    rowCount,
    colCount,
  };
}

/**
 * A model cell as the writers store it: an ISO date in a "date" column becomes its Excel serial
 * number; in a "text" column a number or logical value becomes its text. `format` null = a cell
 * outside the table (title, notes). A number that is not finite, or text longer than a cell
 * holds, is refused with an Error naming `where` (the text, or a function giving it only when
 * needed) — never written as a wrong value.
 */
export function sheetValue(
  v: CellValue,
  format: ColumnFormat | null,
  where: string | (() => string)
): CellValue {
  if (typeof v === "number") {
    if (!Number.isFinite(v))
      throw new Error(
        `${typeof where === "string" ? where : where()}：数值无效（${v}），不能写入工作表（not a finite number）`
      );
    if (format === "text") return String(v);
    return Object.is(v, -0) ? 0 : v;
  }
  if (typeof v === "string") {
    if (v.length > MAX_CELL_TEXT) {
      throw new Error(
        `${typeof where === "string" ? where : where()}：文本长 ${v.length} 个字符，超过单元格上限 ${MAX_CELL_TEXT}（text too long for a cell）`
      );
    }
    if (format === "date" && /^\d{4}-\d{2}-\d{2}$/.test(v) && isIsoDate(v)) return toSerial(v);
    return v;
  }
  if (typeof v === "boolean") return format === "text" ? (v ? "TRUE" : "FALSE") : v;
  if (v === null || v === undefined) return null;
  throw new Error(
    `${typeof where === "string" ? where : where()}：不支持的单元格值类型 ${typeof v}（unsupported cell value）`
  );
}

/**
 * Text that Excel would turn into something else when it is put into a cell not formatted as
 * text: a formula (= + - @), a number, date, time or percentage (anything with a digit), a
 * logical value, an error value (#…). Writers store such text in cells formatted "@".
 */
export function mustStoreAsText(s: string): boolean {
  return (
    looksLikeFormula(s) ||
    /[0-9\uff10-\uff19]/.test(s) ||
    /^\s*(true|false)\s*$/i.test(s) ||
    /^\s*#/.test(s)
  );
}

/** Display width of text in Excel's character units: CJK and other wide characters count 2. */
export function displayWidth(s: string): number {
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
  if (col?.width !== undefined && Number.isFinite(col.width) && col.width > 0)
    return Math.min(col.width, 255);
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
const MAX_LIST_SOURCE = 255;

/**
 * The source text of a column's drop-down list ("是,否"; a range "='客户经理'!$A$2:$A$10001" for a
 * {@link ColumnSpec.listRange}), null when the column has none. A list
 * that Excel cannot hold as a comma-separated source (an item with a comma or a quote, or longer
 * than 255 characters in all) is refused with an Error — the same in both writers.
 */
export function listSource(m: SheetModel, c: number): string | null {
  const range = m.columns[c]?.listRange;
  if (range) {
    const col = colLetters(range.col);
    return `=${quotedSheet(range.sheet)}!$${col}$${range.firstRow + 1}:$${col}$${range.lastRow + 1}`;
  }
  const list = m.columns[c]?.list;
  if (!list || list.length === 0) return null;
  const bad = list.find((x) => /[,"]/.test(x) || x.trim() === "");
  if (bad !== undefined) {
    throw new Error(
      `工作表“${m.name}”列“${m.columns[c].header}”的下拉选项“${bad}”不能为空或含逗号、引号（invalid drop-down item）`
    );
  }
  const source = list.join(",");
  if (source.length > MAX_LIST_SOURCE) {
    throw new Error(
      `工作表“${m.name}”列“${m.columns[c].header}”的下拉选项共 ${source.length} 个字符，超过 ${MAX_LIST_SOURCE}（drop-down list too long）`
    );
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
  const check = (
    rows: CellValue[][],
    first: number,
    format: (c: number) => ColumnFormat | null
  ) => {
    let r = 0;
    let c = 0;
    const where = () => `工作表“${name}”第 ${first + r + 1} 行 ${colLetters(c)} 列`;
    for (; r < rows.length; r++)
      for (c = 0; c < rows[r].length; c++) sheetValue(rows[r][c], format(c), where);
  };
  check(m.rows, L.firstDataRow, (c) => m.columns[c].format);
  if (L.notesRow !== null) check(m.notes ?? [], L.notesRow, () => null);
  for (const c of m.charts ?? []) checkChart(c, name, L.rowCount, L.colCount);
}

/**
 * The summary model: what a writer puts on a new sheet, as plain data. Built by pure code
 * (summaries, the template, the validation-result sheet, the policy sheet) and written by
 * the Office.js writer (src/excel) in the add-in or the ExcelJS writer in the CLI — the same
 * model gives the same sheet.
 */

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

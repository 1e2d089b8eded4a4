/**
 * (issue 19 item 3) A chart on a summary sheet, as plain data: what it shows and where, written
 * as a real, editable Excel chart by both writers (src/cli/xlsx/chartXml.ts: DrawingML parts;
 * src/excel/charts.ts: `worksheet.charts.add`). Pure; no writer detail here.
 *
 * A chart reads one block of the sheet: its header row (the series names), then the data rows;
 * the block's first column holds the categories, each further column up to `lastCol` one series
 * — the shape Excel itself charts from a selected range, so a user who edits the cells sees the
 * chart follow them.
 */
import { colLetters } from "../core/issues";

/** column: vertical bars; bar: horizontal bars; pie: one series as slices. */
export type ChartKind = "column" | "bar" | "pie";

/** A rectangle of cells, 0-based sheet rows and columns, inclusive. */
export interface CellRect {
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
}

export interface ChartSpec {
  kind: ChartKind;
  title: string;
  /** header row = data.firstRow - 1; categories = data.firstCol; series = data.firstCol+1 … data.lastCol */
  headerRow: number;
  data: CellRect;
  /** where the chart sits: from the top-left corner of cell (row, col) to that of (row + rows, col + cols) */
  anchor: { row: number; col: number; rows: number; cols: number };
}

/** A block of one column (categories or one series' values). */
export interface ColumnBlock {
  col: number;
  firstRow: number;
  lastRow: number;
}

export function chartCategories(c: ChartSpec): ColumnBlock {
  return { col: c.data.firstCol, firstRow: c.data.firstRow, lastRow: c.data.lastRow };
}

/** Each series: the cell of its name (in the header row) and its values. */
export function chartSeries(
  c: ChartSpec
): { nameCell: { row: number; col: number }; values: ColumnBlock }[] {
  const out = [];
  for (let col = c.data.firstCol + 1; col <= c.data.lastCol; col++) {
    out.push({
      nameCell: { row: c.headerRow, col },
      values: { col, firstRow: c.data.firstRow, lastRow: c.data.lastRow },
    });
  }
  return out;
}

/** "$B$5:$B$9" (a single cell "$B$5"). */
export function absRef(r0: number, c0: number, r1 = r0, c1 = c0): string {
  const a = `$${colLetters(c0)}$${r0 + 1}`;
  return r0 === r1 && c0 === c1 ? a : `${a}:$${colLetters(c1)}$${r1 + 1}`;
}

export function blockRef(b: ColumnBlock): string {
  return absRef(b.firstRow, b.col, b.lastRow, b.col);
}

/** The whole source block, header row included ("A3:C8", relative), as Office.js `charts.add` takes it. */
export function chartSourceAddress(c: ChartSpec): string {
  return `${colLetters(c.data.firstCol)}${c.headerRow + 1}:${colLetters(c.data.lastCol)}${c.data.lastRow + 1}`;
}

/** The chart's anchor cells ("I2", "P18"): its top-left and bottom-right corners. */
export function chartAnchorCells(c: ChartSpec): { start: string; end: string } {
  const a = c.anchor;
  return {
    start: `${colLetters(a.col)}${a.row + 1}`,
    end: `${colLetters(a.col + a.cols)}${a.row + a.rows + 1}`,
  };
}

/**
 * Checks a chart against the sheet it is on (`rowCount`, `colCount`: the used rows and columns of
 * the table and notes): a block inside the used cells, with at least one row and one series, one
 * series for a pie. Throws an Error naming the chart — a writer never writes a chart over nothing.
 */
export function checkChart(c: ChartSpec, sheet: string, rowCount: number, colCount: number): void {
  const d = c.data;
  const bad = (why: string) =>
    new Error(`工作表“${sheet}”的图表“${c.title}”${why}（invalid chart）`);
  if (d.firstRow > d.lastRow || d.firstCol >= d.lastCol) throw bad("没有数据行或数据列");
  if (c.headerRow !== d.firstRow - 1 || c.headerRow < 0) throw bad("的标题行不在数据之上");
  if (d.lastRow >= rowCount || d.lastCol >= colCount) throw bad("的数据超出了表格");
  if (c.kind === "pie" && d.lastCol !== d.firstCol + 1) throw bad("是饼图，只能有一个系列");
  const a = c.anchor;
  if (
    ![a.row, a.col, a.rows, a.cols].every((x) => Number.isInteger(x) && x >= 0) ||
    a.rows < 1 ||
    a.cols < 1
  )
    throw bad("的位置无效");
}

/** The last row and column (0-based) any chart of the list covers, or null for none. */
export function chartsExtent(
  charts: readonly ChartSpec[] | undefined
): { lastRow: number; lastCol: number } | null {
  if (!charts || charts.length === 0) return null;
  let lastRow = 0;
  let lastCol = 0;
  for (const c of charts) {
    lastRow = Math.max(lastRow, c.anchor.row + c.anchor.rows - 1);
    lastCol = Math.max(lastCol, c.anchor.col + c.anchor.cols - 1);
  }
  return { lastRow, lastCol };
}

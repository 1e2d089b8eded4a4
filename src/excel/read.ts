/**
 * Reading the open workbook into a {@link WorkbookGrid} for the reader, in pieces that stay
 * within Excel on the web's limits: a response of at most 5 MB and a read of at most 5,000,000
 * cells (learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization,
 * section "Excel add-ins"; a response over 5 MB fails with ResponsePayloadSizeLimitExceeded).
 * Never changes anything in the workbook.
 *
 * 1. one sync lists the worksheets;
 * 2. one sync loads each sheet's used range — its address only, which gives its size;
 * 3. then row blocks: each sync reads blocks of whole rows (of one or several sheets) whose
 *    response is estimated at ≤ {@link RESPONSE_BUDGET} bytes and ≤ {@link CELL_BUDGET} cells.
 *
 * The estimate of a block is rows × columns × bytes per cell, the bytes per cell being those of
 * the rows of that sheet already read (their JSON, as the response carries them) with a margin
 * of {@link MARGIN}, or {@link FIRST_CELL_BYTES} before any is read. A response refused anyway
 * (a block much denser than the rows before it) is read again in halves: reading changes nothing.
 * So the number of syncs is
 *
 *     syncs = 2 + ⌈ Σ bytes of the used ranges / (RESPONSE_BUDGET / MARGIN) ⌉ (about)
 *
 * plus at most one per sheet (its first block is sized by FIRST_CELL_BYTES, a guess, before any
 * of its rows is read);
 * also bounded by the cells (⌈ Σ cells / CELL_BUDGET ⌉): it grows with the bytes read, never
 * with the number of rows or sheets as such (a wide sheet gets blocks of fewer rows, a narrow one
 * of more; small sheets share a sync).
 */
import { parseA1 } from "../core/issues";
import type { RawCell } from "../core/parse";
import type { SheetGrid, WorkbookGrid } from "../core/grid";
import { HEADER_SEARCH_ROWS } from "../reader/find";
import { rowBytes } from "./batch";

/** Bytes of response one sync may bring: 4 MB, under the 5 MB limit. */
export const RESPONSE_BUDGET = 4_000_000;
/** Cells one sync may read: Excel's limit for a range read. */
const CELL_BUDGET = 5_000_000;
/** Bytes per cell assumed before any row of a sheet is read (a dense Chinese text column is ≈ 30). */
const FIRST_CELL_BYTES = 64;
/** Margin on the bytes per cell measured so far. */
export const MARGIN = 1.5;
/** Bytes of a block's result besides its values (action id, the Value wrapper). */
const RESULT_BYTES = 200;

/** "Sheet1!B3:F20" / "'My sheet'!C2" → 0-based row and column of the range's first cell. */
export function rangeOrigin(address: string): { row: number; col: number } {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const first = local.split(":")[0];
  const p = parseA1(first);
  if (!p) throw new Error(`unexpected range address: ${address}`);
  return p;
}

/** "Sheet1!B3:F20" → origin and size (rows × columns) of the range. */
function rangeBox(address: string): {
  row: number;
  col: number;
  rows: number;
  cols: number;
} {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const [a, b] = local.split(":");
  const p = parseA1(a);
  const q = parseA1(b ?? a);
  if (!p || !q) throw new Error(`unexpected range address: ${address}`);
  return { row: p.row, col: p.col, rows: q.row - p.row + 1, cols: q.col - p.col + 1 };
}

export interface ReadOptions {
  /** read only the first rows of each used range (the header search: availability) */
  maxRows?: number;
  /** for tests: a smaller response budget */
  budget?: number;
  /** for tests: fewer cells per sync */
  cellBudget?: number;
  /** called after each block sync with the rows read so far and the rows to read */
  onProgress?: (done: number, total: number) => void;
}

interface SheetPlan {
  name: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
  /** rows read so far (the next block starts there) */
  next: number;
  values: RawCell[][];
  /** bytes per cell measured on the rows read (0 = none yet) */
  cellBytes: number;
  /** a block of this sheet was refused: blocks of at most this many rows */
  cap: number;
}

function isResponseTooLarge(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? "";
  return (
    code === "ResponsePayloadSizeLimitExceeded" ||
    /ResponsePayloadSizeLimit/i.test(String((e as Error)?.message ?? ""))
  );
}

/** Rows of the next block of `s` for `bytesLeft` and `cellsLeft` of this sync (0: none fits). */
function blockRows(s: SheetPlan, bytesLeft: number, cellsLeft: number): number {
  const perCell = s.cellBytes > 0 ? s.cellBytes * MARGIN : FIRST_CELL_BYTES;
  const perRow = s.cols * perCell + 2;
  const byBytes = Math.floor((bytesLeft - RESULT_BYTES) / perRow);
  const byCells = Math.floor(cellsLeft / s.cols);
  return Math.max(0, Math.min(s.rows - s.next, byBytes, byCells, s.cap));
}

/** The JSON bytes of rows as the response carries them (null/"" cells as "" ). */
function valuesBytes(values: RawCell[][]): number {
  let n = 0;
  for (const r of values) n += rowBytes(r as (string | number | boolean | null)[]);
  return n;
}

/** Reads every sheet's used range (or its first `maxRows` rows) in byte-sized row blocks. */
export async function readWorkbookGridFromExcel(
  context: Excel.RequestContext,
  opts: ReadOptions = {}
): Promise<WorkbookGrid> {
  const budget = opts.budget ?? RESPONSE_BUDGET;
  const worksheets = context.workbook.worksheets;
  worksheets.load("items");
  await context.sync();
  const used = worksheets.items.map((ws) => {
    const range = ws.getUsedRangeOrNullObject(true);
    range.load("address");
    return { ws, name: ws.name, range };
  });
  await context.sync();
  const plans: (SheetPlan | null)[] = used.map(({ name, range }) => {
    if (range.isNullObject === true) return null;
    const box = rangeBox(range.address);
    const rows = opts.maxRows === undefined ? box.rows : Math.min(box.rows, opts.maxRows);
    return {
      name,
      row: box.row,
      col: box.col,
      rows,
      cols: box.cols,
      next: 0,
      values: [],
      cellBytes: 0,
      cap: Infinity,
    };
  });
  const total = plans.reduce((n, s) => n + (s?.rows ?? 0), 0);
  let done = 0;
  const pending = () => plans.filter((s): s is SheetPlan => s !== null && s.next < s.rows);
  for (let todo = pending(); todo.length > 0; todo = pending()) {
    // this sync's blocks: whole rows, as many sheets as fit
    let bytesLeft = budget;
    let cellsLeft = opts.cellBudget ?? CELL_BUDGET;
    const blocks: { s: SheetPlan; rows: number; range: Excel.Range }[] = [];
    for (const s of todo) {
      const rows =
        blocks.length === 0
          ? Math.max(1, blockRows(s, bytesLeft, cellsLeft))
          : blockRows(s, bytesLeft, cellsLeft);
      if (rows === 0) break;
      const ws = used[plans.indexOf(s)].ws;
      const range = ws.getRangeByIndexes(s.row + s.next, s.col, rows, s.cols);
      range.load("values");
      blocks.push({ s, rows, range });
      const perCell = s.cellBytes > 0 ? s.cellBytes * MARGIN : FIRST_CELL_BYTES;
      bytesLeft -= RESULT_BYTES + rows * (s.cols * perCell + 2);
      cellsLeft -= rows * s.cols;
      if (s.next + rows < s.rows) break; // the sheet goes on: the sync is full
    }
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per byte-sized group of row blocks keeps each response under Excel's 5 MB
      await context.sync();
    } catch (e) {
      if (!isResponseTooLarge(e)) throw e;
      // denser than measured: the first block again, in half (a single row that does not fit is an error)
      const first = blocks[0];
      if (first.rows === 1) throw e;
      first.s.cap = Math.max(1, Math.floor(first.rows / 2));
      if (first.s.cellBytes > 0) first.s.cellBytes *= 2;
      continue;
    }
    for (const { s, rows, range } of blocks) {
      const values = range.values as RawCell[][];
      const bytes = valuesBytes(values);
      const cells = rows * s.cols;
      s.cellBytes = Math.max(s.cellBytes, cells > 0 ? bytes / cells : 0);
      for (const r of values) s.values.push(r);
      s.next += rows;
      done += rows;
    }
    opts.onProgress?.(done, total);
  }
  const sheets: SheetGrid[] = used.map(({ name }, i) => {
    const s = plans[i];
    if (!s) return { name, rowOffset: 0, colOffset: 0, values: [] };
    return { name, rowOffset: s.row, colOffset: s.col, values: s.values };
  });
  return { sheets };
}

/** The header rows only (the first {@link HEADER_SEARCH_ROWS} rows of each used range): enough to find the tables. */
export function readWorkbookHeadersFromExcel(context: Excel.RequestContext): Promise<WorkbookGrid> {
  return readWorkbookGridFromExcel(context, { maxRows: HEADER_SEARCH_ROWS });
}

/** The whole workbook, in its own Excel.run batch (the task pane's entry point); `onProgress` after each sync. */
export function readOpenWorkbookGrid(
  onProgress?: ReadOptions["onProgress"]
): Promise<WorkbookGrid> {
  return Excel.run((context) => readWorkbookGridFromExcel(context, { onProgress }));
}

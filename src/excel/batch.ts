/**
 * Planning of the Office.js writes: every SheetModel becomes a list of plain operations
 * (add a sheet, set a number format on a range, write a 2-D block of values, …), packed into
 * batches. One batch = one `context.sync()` = one request to Excel, and no batch is larger than
 * {@link REQUEST_BUDGET} bytes of JSON (Excel on the web refuses requests over 5 MB). Data rows are
 * cut into blocks that fill the budget, so the number of batches depends on the bytes written,
 * not on the number of rows. Pure: no Office.js here (src/excel/write.ts applies the operations).
 */
import { colLetters } from "../core/issues";
import {
  CellValue,
  ColumnFormat,
  EXCEL_NUMBER_FORMATS,
  SheetModel,
  columnWidth,
  listRowRange,
  listSource,
  mustStoreAsText,
  sheetLayout,
  sheetValue,
} from "../summary/model";
import { uniqueSheetNames } from "../summary/naming";

/**
 * Bytes of JSON one request may carry: 4 MB, under Excel on the web's 5 MB limit on request and
 * response payloads (learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization,
 * section "Excel add-ins").
 */
export const REQUEST_BUDGET = 4_000_000;

/*
 * What office.js sends (measured on Microsoft's excel-web-16.00.js, test/excel/calibration.test.ts):
 * a request body is `{"Actions":[…],"ObjectPaths":{…}}`. Every proxy an operation touches adds an
 * object path — `"7":{"Id":7,"ObjectPathType":3,"Name":"GetRange","ParentObjectPathId":5,
 * "ArgumentInfo":{"Arguments":["C3:E100"]}}` — and an instantiate action
 * `{"Id":8,"ActionType":1,"Name":"","ObjectPathId":7}`; a property set or method call adds one action
 * `{"Id":9,"ActionType":4,"Name":"NumberFormat","ObjectPathId":7,"ArgumentInfo":{"Arguments":[…]},"L":[1,3,5,7]}`.
 * The counts below take ids of 7 digits and the longest names; the calibration test holds each
 * operation kind's estimate above what office.js really sends.
 */
/** One object path and its instantiate action, arguments apart. */
export const PATH_BYTES = 200;
/** One action (a property set, a method call, a load), arguments apart. */
export const ACTION_BYTES = 200;
/** The sheet's own path (re-sent in each request that touches it): a path plus a 31-character name. */
export const SHEET_PATH_BYTES = PATH_BYTES + 100;
/** A request's envelope: the workbook, worksheets and application paths, the calculation suspension. */
export const REQUEST_OVERHEAD = 1000;

export type SheetOp =
  | { kind: "add"; sheet: number; name: string }
  /** numberFormat of every cell of the range (one value for the whole range) */
  | { kind: "format"; sheet: number; address: string; format: string }
  | { kind: "values"; sheet: number; address: string; values: CellValue[][] }
  | { kind: "bold"; sheet: number; address: string }
  /** column width in points (Office.js units) */
  | { kind: "width"; sheet: number; address: string; points: number }
  | { kind: "freeze"; sheet: number; rows: number }
  | { kind: "list"; sheet: number; address: string; source: string }
  | { kind: "activate"; sheet: number };

export interface Batch {
  ops: SheetOp[];
  /** estimated bytes of the request (an upper bound) */
  bytes: number;
  /** work units completed once this batch is synced (see {@link workUnits}) */
  units: number;
}

export interface PlanOptions {
  activate?: boolean;
  /** for tests: a smaller budget */
  budget?: number;
}

/** Names for the new sheets, each unique against the existing ones and the ones before it. */
export function chooseSheetNames(models: SheetModel[], existing: Iterable<string>): string[] {
  return uniqueSheetNames(
    models.map((m) => m.name),
    existing
  );
}

/** Progress units: one per sheet (its layout) plus one per data row and notes line. */
export function workUnits(models: SheetModel[]): number {
  return models.reduce((n, m) => n + 1 + m.rows.length + (m.notes?.length ?? 0), 0);
}

// ---------------------------------------------------------------------------------------
// Size estimates: UTF-8 bytes of the JSON, counting the worst case for escapes.

function stringBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x5c) n += 2;
    else if (c < 0x20) n += 6;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdfff)
      n += 2; // each half of a pair: 4 bytes per pair
    else n += 3;
  }
  return n;
}

function valueBytes(v: CellValue): number {
  if (v === null) return 4;
  if (typeof v === "string") return stringBytes(v);
  if (typeof v === "boolean") return v ? 4 : 5;
  return String(v).length;
}

export function rowBytes(row: CellValue[]): number {
  let n = 2 + Math.max(0, row.length - 1);
  for (const v of row) n += valueBytes(v);
  return n + 1;
}

/**
 * office.js itself cuts a 2-D write of more than 1,500 cells into row blocks of round(1500 / columns)
 * rows (setRangePropertiesInBulk in excel-web-16.00.js), each block a range path made of
 * `getRow(i).getBoundingRect(getRow(j))` (three paths) and its own action.
 */
const OFFICE_JS_BULK_CELLS = 1500;
/** Bytes of one such block beyond its values. */
const BULK_BLOCK_BYTES = 3 * PATH_BYTES + ACTION_BYTES + 24;
/** Rows per block office.js makes for a write `width` cells wide. */
function bulkRows(width: number): number {
  return Math.max(1, Math.round(OFFICE_JS_BULK_CELLS / Math.max(1, width)));
}
function bulkBlocks(values: CellValue[][]): number {
  const width = values[0]?.length ?? 0;
  return values.length * width > OFFICE_JS_BULK_CELLS
    ? Math.ceil(values.length / bulkRows(width))
    : 0;
}

/** Object paths an operation adds below its sheet: range, range.format, range.format.font… */
const PATHS: Record<SheetOp["kind"], number> = {
  add: 0,
  format: 1,
  values: 1,
  bold: 3,
  width: 2,
  freeze: 1,
  list: 2,
  activate: 0,
};

/** Bytes of an operation as office.js queues it (an upper bound): its sheet's path, its own paths, its action, the arguments. */
export function opBytes(op: SheetOp): number {
  const fixed = SHEET_PATH_BYTES + PATHS[op.kind] * PATH_BYTES + ACTION_BYTES;
  switch (op.kind) {
    case "values":
      return (
        fixed +
        stringBytes(op.address) +
        op.values.reduce((n, r) => n + rowBytes(r), 2) +
        bulkBlocks(op.values) * BULK_BLOCK_BYTES
      );
    case "add":
      return fixed + stringBytes(op.name);
    case "format":
      return fixed + stringBytes(op.address) + stringBytes(op.format) + 4;
    case "list":
      // {"list":{"inCellDropDown":true,"source":…}}
      return fixed + stringBytes(op.address) + stringBytes(op.source) + 48;
    case "bold":
    case "width":
      return fixed + stringBytes(op.address) + 24;
    default:
      return fixed + 8;
  }
}

/** The longest block address ("XFD1048575:XFD1048576"), for the operations a chunk of rows adds. */
const LONGEST_ADDRESS = "XFD1048575:XFD1048576";
/** A text format ("@") on a run of cells of one column, as a chunk of rows adds it. */
const TEXT_FORMAT_BYTES = opBytes({
  kind: "format",
  sheet: 0,
  address: LONGEST_ADDRESS,
  format: "@",
});
/** A bold run of rows (totals), as a chunk of rows adds it. */
const BOLD_ROWS_BYTES = opBytes({ kind: "bold", sheet: 0, address: LONGEST_ADDRESS });
/** A values write without its rows. */
const VALUES_FIXED_BYTES = opBytes({
  kind: "values",
  sheet: 0,
  address: LONGEST_ADDRESS,
  values: [],
});

// ---------------------------------------------------------------------------------------

/**
 * Column range "C:E" (0-based columns), for column widths only: Excel refuses cell-level writes
 * (values, numberFormat, formulas) to such unbounded ranges
 * (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-unbounded), so number formats go
 * to bounded blocks ({@link block}).
 */
function columns(c0: number, c1: number): string {
  return `${colLetters(c0)}:${colLetters(c1)}`;
}

/** Block address "A3:M100" (0-based rows and columns). */
function block(r0: number, c0: number, r1: number, c1: number): string {
  const a = `${colLetters(c0)}${r0 + 1}`;
  return r0 === r1 && c0 === c1 ? a : `${a}:${colLetters(c1)}${r1 + 1}`;
}

/** Excel column width (characters of the default font) → points: (7 px per character + 5 px padding) × 0.75. */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Runs of equal values over 0..n-1: [start, end, value]. */
function runs<T>(n: number, at: (i: number) => T): [number, number, T][] {
  const out: [number, number, T][] = [];
  for (let i = 0; i < n; i++) {
    const v = at(i);
    const last = out[out.length - 1];
    if (last && last[1] === i - 1 && last[2] === v) last[1] = i;
    else out.push([i, i, v]);
  }
  return out;
}

class Packer {
  private cur: Batch = { ops: [], bytes: REQUEST_OVERHEAD, units: 0 };
  constructor(readonly budget: number) {}

  remaining(): number {
    return this.budget - this.cur.bytes;
  }
  isEmpty(): boolean {
    return this.cur.ops.length === 0;
  }
  /** The bytes of an empty request (its envelope). */
  get base(): number {
    return REQUEST_OVERHEAD;
  }
  /** Adds an operation; returns the batch it closed when it did not fit in the current one. */
  push(op: SheetOp, bytes = opBytes(op), units = 0): Batch | null {
    let closed: Batch | null = null;
    if (!this.isEmpty() && this.cur.bytes + bytes > this.budget) closed = this.close();
    this.cur.ops.push(op);
    this.cur.bytes += bytes;
    this.cur.units += units;
    return closed;
  }
  close(): Batch {
    const b = this.cur;
    this.cur = { ops: [], bytes: REQUEST_OVERHEAD, units: 0 };
    return b;
  }
}

/** The operations that lay out a sheet before its data: add, formats, title, header, widths, freeze, lists. */
function layoutOps(m: SheetModel, i: number, name: string): SheetOp[] {
  const L = sheetLayout(m);
  const n = m.columns.length;
  const ops: SheetOp[] = [{ kind: "add", sheet: i, name }];
  // the columns' number formats on the table's rows — the rows that carry the drop-down lists
  // (listRowRange: the data rows, or the rows a template offers for typing): a bounded block with
  // one value for all its cells, never a whole column
  const rowsOf = listRowRange(m);
  for (const [c0, c1, f] of runs(n, (c) => EXCEL_NUMBER_FORMATS[m.columns[c].format])) {
    if (f === "General") continue;
    ops.push({
      kind: "format",
      sheet: i,
      address: block(rowsOf.first, c0, rowsOf.last, c1),
      format: f,
    });
  }
  if (L.titleRow !== null && m.title !== null) {
    const a = block(L.titleRow, 0, L.titleRow, 0);
    ops.push({ kind: "format", sheet: i, address: a, format: "@" });
    ops.push({
      kind: "values",
      sheet: i,
      address: a,
      values: [[sheetValue(m.title, "text", `工作表“${name}”标题`)]],
    });
    ops.push({ kind: "bold", sheet: i, address: a });
  }
  if (n > 0) {
    const a = block(L.headerRow, 0, L.headerRow, n - 1);
    ops.push({ kind: "format", sheet: i, address: a, format: "@" });
    ops.push({
      kind: "values",
      sheet: i,
      address: a,
      values: [
        m.columns.map((c, k) => sheetValue(c.header, "text", `工作表“${name}”表头第 ${k + 1} 列`)),
      ],
    });
    ops.push({ kind: "bold", sheet: i, address: a });
    for (const [c0, c1, w] of runs(n, (c) => widthPoints(columnWidth(m, c)))) {
      ops.push({ kind: "width", sheet: i, address: columns(c0, c1), points: w });
    }
  }
  if (m.freezeHeader) ops.push({ kind: "freeze", sheet: i, rows: L.headerRow + 1 });
  for (let c = 0; c < n; c++) {
    const source = listSource(m, c);
    if (source === null) continue;
    const { first, last } = listRowRange(m);
    ops.push({ kind: "list", sheet: i, address: block(first, c, last, c), source });
  }
  return ops;
}

interface RowsBlock {
  sheet: number;
  name: string;
  /** sheet row of rows[0] */
  firstRow: number;
  rows: CellValue[][];
  /** format per column; null = General (cells outside the table) */
  formats: (ColumnFormat | null)[];
  width: number;
  /** indexes into rows written in bold */
  bold: Set<number>;
}

/** Converts one row for writing; counts the cells that need a text format of their own. */
function convertRow(b: RowsBlock, r: number): { values: CellValue[]; textCells: number } {
  const src = b.rows[r];
  const values: CellValue[] = new Array(b.width);
  let textCells = 0;
  let c = 0;
  const where = () => `工作表“${b.name}”第 ${b.firstRow + r + 1} 行 ${colLetters(c)} 列`;
  for (; c < b.width; c++) {
    const f = b.formats[c] ?? null;
    const v = sheetValue(src[c] ?? null, f, where);
    values[c] = v === null ? "" : v;
    if (f !== "text" && typeof v === "string" && mustStoreAsText(v)) textCells++;
  }
  return { values, textCells };
}

/** Packs a block of rows into value writes that fit the batches; yields the batches it fills. */
function* packRows(p: Packer, b: RowsBlock): Generator<Batch> {
  let r = 0;
  let pending = r < b.rows.length ? convertRow(b, r) : null;
  while (pending) {
    const start = r;
    const chunk: CellValue[][] = [];
    // office.js's own row blocks (bulkRows): one block's cost up front, each row its share
    const perRowBulk = BULK_BLOCK_BYTES / bulkRows(b.width);
    let bytes = VALUES_FIXED_BYTES + BULK_BLOCK_BYTES;
    while (pending) {
      const need =
        rowBytes(pending.values) +
        perRowBulk +
        pending.textCells * TEXT_FORMAT_BYTES +
        (b.bold.has(r) ? BOLD_ROWS_BYTES : 0);
      if (bytes + need > p.remaining()) {
        if (chunk.length > 0) break;
        if (!p.isEmpty()) {
          yield p.close();
          continue;
        }
        throw new Error(
          `工作表“${b.name}”第 ${b.firstRow + r + 1} 行的数据超过一次写入的上限（row too large for one request）`
        );
      }
      chunk.push(pending.values);
      bytes += need;
      r++;
      pending = r < b.rows.length ? convertRow(b, r) : null;
    }
    for (const op of chunkOps(b, start, chunk)) {
      // the chunk's whole size is counted on its values write; its format and bold writes are included
      const closed = op.kind === "values" ? p.push(op, bytes, chunk.length) : p.push(op, 0);
      if (closed)
        throw new Error("内部错误：数据块超出批次（a sized chunk did not fit its batch）");
    }
  }
}

/** The writes of one chunk of rows: text formats for the cells that need them, the values, bold rows. */
function chunkOps(b: RowsBlock, start: number, chunk: CellValue[][]): SheetOp[] {
  const ops: SheetOp[] = [];
  const r0 = b.firstRow + start;
  for (let c = 0; c < b.width; c++) {
    if (b.formats[c] === "text") continue;
    const need = (i: number) => {
      const v = chunk[i][c];
      return typeof v === "string" && v !== "" && mustStoreAsText(v);
    };
    for (const [i0, i1, yes] of runs(chunk.length, need)) {
      if (yes)
        ops.push({
          kind: "format",
          sheet: b.sheet,
          address: block(r0 + i0, c, r0 + i1, c),
          format: "@",
        });
    }
  }
  ops.push({
    kind: "values",
    sheet: b.sheet,
    address: block(r0, 0, r0 + chunk.length - 1, b.width - 1),
    values: chunk,
  });
  for (const [i0, i1, yes] of runs(chunk.length, (i) => b.bold.has(start + i))) {
    if (yes)
      ops.push({ kind: "bold", sheet: b.sheet, address: block(r0 + i0, 0, r0 + i1, b.width - 1) });
  }
  return ops;
}

/**
 * The batches that write `models` to new sheets named `names` (from {@link chooseSheetNames}).
 * Lazily generated: only the batch being written holds converted rows.
 */
export function* planBatches(
  models: SheetModel[],
  names: string[],
  opts: PlanOptions = {}
): Generator<Batch> {
  const p = new Packer(opts.budget ?? REQUEST_BUDGET);
  for (let i = 0; i < models.length; i++) {
    const m = models[i];
    const L = sheetLayout(m);
    let first = true;
    for (const op of layoutOps(m, i, names[i])) {
      const closed = p.push(op, opBytes(op), first ? 1 : 0);
      first = false;
      if (closed) yield closed;
    }
    if (m.columns.length > 0 && m.rows.length > 0) {
      yield* packRows(p, {
        sheet: i,
        name: names[i],
        firstRow: L.firstDataRow,
        rows: m.rows,
        formats: m.columns.map((c) => c.format),
        width: m.columns.length,
        bold: new Set(m.totalRows ?? []),
      });
    }
    const notes = m.notes ?? [];
    if (L.notesRow !== null && notes.length > 0) {
      const width = notes.reduce((w, n) => Math.max(w, n.length), 1);
      const closed = p.push({
        kind: "format",
        sheet: i,
        address: block(L.notesRow, 0, L.notesRow + notes.length - 1, width - 1),
        format: "General",
      });
      if (closed) yield closed;
      yield* packRows(p, {
        sheet: i,
        name: names[i],
        firstRow: L.notesRow,
        rows: notes,
        formats: new Array(width).fill(null),
        width,
        bold: new Set(),
      });
    }
  }
  if (opts.activate && models.length > 0) {
    const closed = p.push({ kind: "activate", sheet: 0 });
    if (closed) yield closed;
  }
  if (!p.isEmpty()) yield p.close();
}

/** The number of batches (requests) writing `models` takes; a dry run that also checks every cell. */
export function countBatches(
  models: SheetModel[],
  names: string[],
  opts: PlanOptions = {}
): number {
  let n = 0;
  for (const b of planBatches(models, names, opts)) if (b.ops.length > 0) n++;
  return n;
}

/**
 * (issue 20 item 4) A summary's columns as objects: each column says its header, format, width
 * and how it fills its cell from a row — `{ header, format, width, value: (row) => cell }` — so a
 * row is never a positional array whose 12th cell has to be counted. A row of another kind (a
 * 合计 row, a row that could not be computed: blanks in most columns) is declared too, by the
 * columns it fills: `{ …, value: (r) => …, failed: (f) => … }`; a column without that kind's
 * function is blank in such a row. Pure.
 *
 * The writers' input does not change: {@link Table} turns the columns into the SheetModel's
 * `ColumnSpec`s and each row, as the builder yields it (the rosters are streams), into its cells —
 * no other copy of the rows is kept.
 */
import { col } from "./common";
import type { CellValue, ColumnFormat, ColumnSpec } from "./model";

/** The other kinds of row a summary has, by name → the input of such a row. */
export type RowKinds = Record<string, unknown>;

/** A summary column: its head, how a row fills it (`value`) and how each other kind of row does (absent = blank). */
export type Column<R, K extends RowKinds = Record<never, never>> = {
  header: string;
  format: ColumnFormat;
  /** width in characters */
  width?: number;
  /** wrap long text */
  wrap?: boolean;
  value: (row: R) => CellValue;
} & { [k in keyof K]?: (row: K[k]) => CellValue };

/** The SheetModel's column specs of `columns` (the writers' input, as `col(header, format, width)` makes it). */
export function columnSpecs<R, K extends RowKinds>(columns: readonly Column<R, K>[]): ColumnSpec[] {
  return columns.map((c) => {
    const spec = col(c.header, c.format, c.width);
    return c.wrap === undefined ? spec : { ...spec, wrap: c.wrap };
  });
}

/** The cells of a row. */
export function cellsOf<R, K extends RowKinds>(
  columns: readonly Column<R, K>[],
  row: R
): CellValue[] {
  // pushed, not preset: a packed array, as a literal row is
  const out: CellValue[] = [];
  for (let i = 0; i < columns.length; i++) out.push(columns[i].value(row));
  return out;
}

/**
 * The cells of a row of another kind: blank in the columns that do not declare that kind. With
 * `through` (a header) the row ends at that column: the cells after it are absent, not blank.
 */
export function kindCellsOf<R, K extends RowKinds, N extends keyof K & string>(
  columns: readonly Column<R, K>[],
  kind: N,
  row: K[N],
  through?: string
): CellValue[] {
  let n = columns.length;
  if (through !== undefined) {
    n = columns.findIndex((c) => c.header === through) + 1;
    if (n === 0) throw new Error(`没有“${through}”列（no column ${through}）`);
  }
  const out: CellValue[] = [];
  for (let i = 0; i < n; i++) {
    const f = (columns[i] as { [k in N]?: (row: K[N]) => CellValue })[kind];
    out.push(f ? f(row) : null);
  }
  return out;
}

/**
 * A summary's table being made: its column specs and its rows, each made from its input when it
 * is added (streaming: the input is not kept). `add` and `addAs` return the row's 0-based index
 * (for `totalRows`, `pageBreaks`).
 */
export class Table<R, K extends RowKinds = Record<never, never>> {
  readonly columns: ColumnSpec[];
  readonly rows: CellValue[][] = [];

  constructor(readonly declared: readonly Column<R, K>[]) {
    this.columns = columnSpecs(declared);
  }

  add(row: R): number {
    this.rows.push(cellsOf(this.declared, row));
    return this.rows.length - 1;
  }

  addAs<N extends keyof K & string>(kind: N, row: K[N], through?: string): number {
    this.rows.push(kindCellsOf(this.declared, kind, row, through));
    return this.rows.length - 1;
  }
}

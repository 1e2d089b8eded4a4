/**
 * Reading the open workbook into a {@link WorkbookGrid} for the reader — with a constant number
 * of `context.sync()` whatever the size: one to list the worksheets, one for every used range's
 * values and address. Never changes anything in the workbook.
 */
import { parseA1 } from "../core/issues";
import type { RawCell } from "../core/parse";
import type { SheetGrid, WorkbookGrid } from "../reader/grid";

/** "Sheet1!B3:F20" / "'My sheet'!C2" → 0-based row and column of the range's first cell. */
export function rangeOrigin(address: string): { row: number; col: number } {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const first = local.split(":")[0];
  const p = parseA1(first);
  if (!p) throw new Error(`unexpected range address: ${address}`);
  return p;
}

/** Two syncs, whatever the number of sheets and rows. Empty sheets give an empty grid. */
export async function readWorkbookGridFromExcel(context: Excel.RequestContext): Promise<WorkbookGrid> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items");
  await context.sync();
  const used = worksheets.items.map((ws) => {
    const range = ws.getUsedRangeOrNullObject(true);
    range.load("values,address");
    return { name: ws.name, range };
  });
  await context.sync();
  const sheets: SheetGrid[] = used.map(({ name, range }) => {
    if (range.isNullObject === true) return { name, rowOffset: 0, colOffset: 0, values: [] };
    const o = rangeOrigin(range.address);
    return { name, rowOffset: o.row, colOffset: o.col, values: range.values as RawCell[][] };
  });
  return { sheets };
}

/** The same, in its own Excel.run batch (the task pane's entry point). */
export function readOpenWorkbookGrid(): Promise<WorkbookGrid> {
  return Excel.run((context) => readWorkbookGridFromExcel(context));
}

/**
 * The Office.js writer: each SheetModel to a NEW worksheet (WORKBOOK.md "What the add-in
 * writes"). Existing sheets are never touched: their names are loaded once, and a taken name
 * gets " (2)", " (3)" …
 *
 * Per sheet: column number formats on the table's rows (one bounded block per run of equal formats), the
 * title (bold), the header row (bold, frozen), column widths, drop-down lists, then the data as
 * 2-D `values` blocks, totals rows in bold, the notes below a blank row. Text that Excel would
 * read as a formula, number, date or logical value goes into cells formatted "@" before the
 * values are written, so it is stored as the text itself. The batches come from
 * src/excel/batch.ts: no request is larger than 4 MB, and `context.sync()` runs once to load
 * the sheet names plus once per batch — a constant for anything that fits one batch.
 *
 * Needs ExcelApi 1.8 (data validation; freeze panes 1.7, suspendApiCalculationUntilNextSync 1.6).
 */
import type { SheetModel } from "../summary/model";
import { checkSheetModelSteps, resolveListRanges } from "../summary/model";
import { Batch, SheetOp, chooseSheetNames, opBytes, planBatches, workUnits } from "./batch";
import { QUEUE_STEP_BYTES, sliceClock, yieldToLoop } from "./loop";
import { applySheetExtras } from "./print";
import { writeCharts } from "./charts";

export interface WriteOptions {
  /** activate the first new sheet at the end */
  activate?: boolean;
  /** called after each request with the work done so far (sheets + rows) and the total */
  onProgress?: (done: number, total: number) => void;
}

function apply(context: Excel.RequestContext, sheets: Excel.Worksheet[], op: SheetOp): void {
  switch (op.kind) {
    case "add":
      sheets[op.sheet] = context.workbook.worksheets.add(op.name);
      return;
    case "format":
      // one value for a bounded block: Excel applies it to every cell (never an unbounded range: batch.ts)
      sheets[op.sheet].getRange(op.address).numberFormat = op.format as unknown as string[][];
      return;
    case "values":
      sheets[op.sheet].getRange(op.address).values = op.values;
      return;
    case "bold":
      sheets[op.sheet].getRange(op.address).format.font.bold = true;
      return;
    case "width":
      sheets[op.sheet].getRange(op.address).format.columnWidth = op.points;
      return;
    case "freeze":
      sheets[op.sheet].freezePanes.freezeRows(op.rows);
      return;
    case "list":
      sheets[op.sheet].getRange(op.address).dataValidation.rule = {
        list: { inCellDropDown: true, source: op.source },
      };
      return;
    case "activate":
      sheets[op.sheet].activate();
      return;
  }
}

/** Queues one batch's operations and syncs them (one request); exported for the calibration test. */
export async function run(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  batch: Batch
): Promise<void> {
  // no recalculation while the batch's cells arrive; Excel recalculates once after the sync
  context.application.suspendApiCalculationUntilNextSync();
  // queued in steps, with a turn of the event loop between (./loop.ts)
  let step = 0;
  const slice = sliceClock();
  for (const op of batch.ops) {
    apply(context, sheets, op);
    step += opBytes(op);
    if (step >= QUEUE_STEP_BYTES || slice.due()) {
      step = 0;
      await yieldToLoop();
    }
  }
  await context.sync();
}

/**
 * Writes each model to a new worksheet and returns the names used, in the order of `models`.
 * Throws (before writing anything) when a model cannot be written: a number that is not finite,
 * text longer than a cell holds, a row wider than the table, more rows than a sheet holds.
 */
export async function writeSheets(
  context: Excel.RequestContext,
  wanted: SheetModel[],
  opts: WriteOptions = {}
): Promise<string[]> {
  const models = wanted;
  if (models.length === 0) return [];
  const collection = context.workbook.worksheets;
  collection.load("items/name");
  await context.sync();
  const names = chooseSheetNames(
    models,
    collection.items.map((w) => w.name)
  );
  // a model that cannot be written fails here, before any sheet is added (in steps: ./loop.ts)
  for (let i = 0; i < models.length; i++)
    for (const step of checkSheetModelSteps(models[i], names[i])) {
      void step;
      await yieldToLoop();
    }
  // drop-downs taken from another new sheet name it as it is written
  const resolved = resolveListRanges(models, names);
  const total = workUnits(models);
  const sheets: Excel.Worksheet[] = [];
  let done = 0;
  for (const batch of planBatches(resolved, names, { activate: opts.activate })) {
    await run(context, sheets, batch);
    done += batch.units;
    opts.onProgress?.(done, total);
  }
  // (rev 2) page setup, wrapping, highlights: one more request (src/excel/print.ts)
  await applySheetExtras(context, sheets, resolved);
  // (issue 19) native charts over the new sheets' cells: one more request (src/excel/charts.ts)
  await writeCharts(context, sheets, resolved);
  return names;
}

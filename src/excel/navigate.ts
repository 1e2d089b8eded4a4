/** Taking the user to a cell: activate its sheet and select it (one sync). */

/** Selects `cell` ("C7") on `sheet`; a blank cell address selects A1 of the sheet. Nothing to do without a sheet. */
export async function selectCellIn(
  context: Excel.RequestContext,
  sheet: string,
  cell: string
): Promise<void> {
  if (!sheet) return;
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(cell || "A1").select();
  await context.sync();
}

export function selectCell(sheet: string, cell: string): Promise<void> {
  return Excel.run((context) => selectCellIn(context, sheet, cell));
}

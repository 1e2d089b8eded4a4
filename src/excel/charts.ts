/**
 * (issue 19 item 3) The Office.js side of a SheetModel's charts (src/summary/charts.ts): each a
 * real Excel chart over its block of the new sheet — `worksheet.charts.add(type, range,
 * "Columns")` (the block's first column the categories, its header row the series names), its
 * title, and its place (`setPosition` from the anchor's top-left cell to its bottom-right one) —
 * ExcelApi 1.1; horizontal bars list the first row at the top (`reversePlotOrder`, 1.7); a chart
 * of one series has no legend. The same description the .xlsx writer serializes
 * (src/cli/xlsx/chartXml.ts). Queued only on a host whose worksheets have `charts` (a test
 * double may lack them); one request for every chart of every new sheet.
 */
import type { ChartKind } from "../summary/charts";
import { chartAnchorCells, chartSeries, chartSourceAddress } from "../summary/charts";
import type { SheetModel } from "../summary/model";
import { has, supported } from "./print";

/** Excel.ChartType of each kind (clustered bars; a plain pie). */
export const EXCEL_CHART_TYPES: Record<ChartKind, string> = {
  column: "ColumnClustered",
  bar: "BarClustered",
  pie: "Pie",
};

/** Queues the charts of `m` on its new sheet (no sync); returns how many. */
function queueCharts(sheet: Excel.Worksheet, m: SheetModel): number {
  const charts = m.charts ?? [];
  if (charts.length === 0 || !supported("1.1") || !has(sheet, "charts")) return 0;
  for (const c of charts) {
    const chart = sheet.charts.add(
      EXCEL_CHART_TYPES[c.kind] as Excel.ChartType,
      sheet.getRange(chartSourceAddress(c)),
      "Columns"
    );
    chart.title.text = c.title;
    const a = chartAnchorCells(c);
    chart.setPosition(a.start, a.end);
    if (c.kind !== "pie" && chartSeries(c).length === 1) chart.legend.visible = false;
    if (c.kind === "bar" && supported("1.7")) chart.axes.categoryAxis.reversePlotOrder = true;
  }
  return charts.length;
}

/** Queues the charts of every model on its sheet (`sheets[i]` for `models[i]`) and syncs once; no request when there are none. */
export async function writeCharts(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  models: readonly SheetModel[]
): Promise<void> {
  let queued = 0;
  models.forEach((m, i) => {
    if (sheets[i]) queued += queueCharts(sheets[i], m);
  });
  if (queued > 0) await context.sync();
}

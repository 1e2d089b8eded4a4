/**
 * (issue 19 item 3) The Office.js chart writer (src/excel/charts.ts) through writeSheets on the
 * test host of the browser tests (test/browser/host/fakeExcel.ts, run here in Node): every chart
 * of 考核概览 is added over its block of the new sheet (type, source range, series by columns),
 * titled and placed at its anchor cells — the same description the .xlsx writer serializes —
 * in one request after the cells; horizontal bars reversed only where ExcelApi 1.7 is there; a
 * host without charts (ExcelApi 1.1) gets the sheet without them, nothing else changed.
 */
import { writeSheets } from "../../src/excel/write";
import { EXCEL_CHART_TYPES } from "../../src/excel/charts";
import { readWorkbookGrid } from "../../src/cli/xlsx/read";
import { buildSummaries } from "../../src/summary/build";
import { chartAnchorCells, chartSourceAddress } from "../../src/summary/charts";
import type { SheetModel } from "../../src/summary/model";
import { installFakeHost } from "../browser/host/fakeExcel";
import * as path from "path";
import { NOW, policy2025 } from "../summary/helpers";

const g = globalThis as unknown as { Office?: unknown };
let saved: unknown;
beforeEach(() => {
  saved = g.Office;
});
afterEach(() => {
  g.Office = saved;
});

let overview: SheetModel;
beforeAll(async () => {
  const grid = await readWorkbookGrid(path.resolve(__dirname, "../../examples/sample.xlsx"));
  overview = buildSummaries(grid, policy2025(), { now: NOW, only: ["考核概览"] }).models[0];
});

async function write(excelApiMinor: number, models: SheetModel[]) {
  const win: any = {};
  const api = installFakeHost(win, {
    sheets: [{ name: "客户经理", cells: [[0, 0, { v: "员工号" }]] }],
    excelApiMinor,
  });
  g.Office = win.Office;
  const names: string[] = await win.Excel.run((ctx: Excel.RequestContext) =>
    writeSheets(ctx, models)
  );
  return { api, names };
}

test("each chart over its block, titled, at its anchor; bars reversed; one request for all charts", async () => {
  const { api, names } = await write(17, [overview]);
  expect(api.unsupported).toEqual([]);
  const sheet = api.exportWorkbook().find((s) => s.name === names[0])!;
  const want = overview.charts!;
  expect(want).toHaveLength(5);
  expect(sheet.charts).toEqual(
    want.map((c) => ({
      type: EXCEL_CHART_TYPES[c.kind],
      source: chartSourceAddress(c),
      seriesBy: "Columns",
      title: c.title,
      start: chartAnchorCells(c).start,
      end: chartAnchorCells(c).end,
      legendVisible: c.kind === "pie" || c.data.lastCol - c.data.firstCol > 1,
      reversePlotOrder: c.kind === "bar",
    }))
  );
  // the source blocks hold the cells the charts name: the first one's header row 行别类型 一级 …
  expect(chartSourceAddress(want[0])).toBe("A2:E5");
  expect(sheet.cells.A2.v).toBe("行别类型");
  expect(sheet.cells.B2.v).toBe("一级");
  expect(sheet.cells.A3.v).toBe("一类行");
  // the last request adds every chart (type, title, place…), after the cells are written
  const last = api.syncs[api.syncs.length - 1];
  expect(last.ops).toBeGreaterThanOrEqual(want.length * 3);
});

test("no ExcelApi 1.7: charts without reversed bars; a model without charts: no chart request", async () => {
  const a = await write(6, [overview]);
  const charts = a.api.exportWorkbook().find((s) => s.name === a.names[0])!.charts!;
  expect(charts).toHaveLength(5);
  expect(charts.every((c) => !c.reversePlotOrder)).toBe(true);
  const plain = await write(17, [{ ...overview, charts: undefined }]);
  const withCharts = await write(17, [overview]);
  expect(plain.api.exportWorkbook().find((s) => s.name === plain.names[0])!.charts).toEqual([]);
  expect(withCharts.api.syncs.length).toBe(plain.api.syncs.length + 1);
});

test("the test host refuses what Excel refuses: an unknown chart type, a source on another sheet, a bad position", async () => {
  const win: any = {};
  installFakeHost(win, {
    sheets: [
      { name: "甲", cells: [] },
      { name: "乙", cells: [] },
    ],
  });
  const run = (f: (ctx: any) => void) =>
    win.Excel.run(async (ctx: any) => {
      f(ctx);
      await ctx.sync();
    });
  const sheet = (ctx: any, n: string) => ctx.workbook.worksheets.getItem(n);
  await expect(
    run((ctx) =>
      sheet(ctx, "甲").charts.add("Bogus", sheet(ctx, "甲").getRange("A1:B2"), "Columns")
    )
  ).rejects.toThrow(/chart type/);
  await expect(
    run((ctx) => sheet(ctx, "甲").charts.add("Pie", sheet(ctx, "乙").getRange("A1:B2"), "Columns"))
  ).rejects.toThrow(/another sheet/);
  await expect(
    run((ctx) =>
      sheet(ctx, "甲")
        .charts.add("Pie", sheet(ctx, "甲").getRange("A1:B2"), "Columns")
        .setPosition("not a cell")
    )
  ).rejects.toThrow(/position/);
});

/**
 * The Office.js side of printing (src/excel/print.ts) on a small recording double of the objects it
 * touches: page layout (ExcelApi 1.9), print title rows, header/footer codes, wrapped columns and
 * autofit rows, merged wide lines, blank-highlight conditional formats with a prompt. A host without
 * ExcelApi 1.9 gets no page layout; an object that lacks an API is left alone.
 */
import { applySheetExtras, HIGHLIGHT_COLOR, queueSheetExtras } from "../../src/excel/print";
import { printReady } from "../../src/summary/print";
import { templatePolicySheet } from "../../src/summary/template";
import { defaultPolicy } from "../../src/policy/defaults";
import type { SheetModel } from "../../src/summary/model";

type Log = [string, unknown][];

function recorder(path: string, log: Log): any {
  return new Proxy(function () {}, {
    has: () => true,
    get: (_f, q) => (typeof q === "symbol" ? undefined : recorder(`${path}.${String(q)}`, log)),
    set(_f, q, value) {
      log.push([`${path}.${String(q)}`, value]);
      return true;
    },
    apply: (_f, _this, args) => {
      log.push([`${path}()`, args]);
      return recorder(`${path}(${args.map((a) => JSON.stringify(a)).join(",")})`, log);
    },
  });
}

const g = globalThis as unknown as { Office?: unknown };
let saved: unknown;
beforeEach(() => {
  saved = g.Office;
});
afterEach(() => {
  g.Office = saved;
});
function host(minor: number) {
  g.Office = {
    context: {
      requirements: {
        isSetSupported: (n: string, v: string) =>
          n === "ExcelApi" && Number(v.split(".")[1]) <= minor,
      },
    },
  };
}

const P = { ...defaultPolicy(2025), unitName: "城关支行" };
const NOW = new Date(2026, 0, 5, 9, 30);
const model: SheetModel = printReady(
  {
    name: "末位名单",
    title: "标题",
    columns: [
      { header: "员工号", format: "text", width: 10 },
      { header: "原因", format: "text", width: 50 },
    ],
    rows: [["1", "字".repeat(30)]],
    freezeHeader: true,
  },
  P,
  NOW
);

test("page layout, print titles, header and footer, wrapped column and autofit, merged title", () => {
  host(12);
  const log: Log = [];
  queueSheetExtras(recorder("sheet", log), model);
  const set = new Map(log);
  expect(set.get("sheet.pageLayout.orientation")).toBe("Landscape");
  expect(set.get("sheet.pageLayout.paperSize")).toBe("A4");
  expect(set.get("sheet.pageLayout.zoom")).toEqual({
    horizontalFitToPages: 1,
    verticalFitToPages: 0,
  });
  expect(set.get("sheet.pageLayout.setPrintTitleRows()")).toEqual(["$1:$2"]);
  // title, header, one row, a blank row, the four sign-off lines
  expect(set.get("sheet.pageLayout.setPrintArea()")).toEqual(["A1:B8"]);
  expect(set.get("sheet.pageLayout.headersFooters.defaultForAllPages.centerHeader")).toBe(
    "城关支行"
  );
  expect(set.get("sheet.pageLayout.headersFooters.defaultForAllPages.centerFooter")).toBe(
    "第 &P 页 共 &N 页"
  );
  expect(set.get("sheet.pageLayout.headersFooters.defaultForAllPages.leftFooter")).toBe(
    "政策年度 2025"
  );
  expect(set.get("sheet.pageLayout.leftMargin")).toBeCloseTo(0.4 * 72);
  expect(set.get('sheet.getRange("B3:B3").format.wrapText')).toBe(true);
  expect(log.some(([k]) => k === 'sheet.getRange("3:3").format.autofitRows()')).toBe(true);
  expect(log.some(([k]) => k === 'sheet.getRange("A1:B1").merge()')).toBe(true);
});

test("no ExcelApi 1.9: no page layout (the rest still applies)", () => {
  host(8);
  const log: Log = [];
  queueSheetExtras(recorder("sheet", log), model);
  expect(log.some(([k]) => k.includes("pageLayout"))).toBe(false);
  expect(log.some(([k]) => k.endsWith("merge()"))).toBe(true);
});

test("政策参数: each yearly figure highlighted while blank (custom conditional format) with a prompt", () => {
  host(12);
  const log: Log = [];
  queueSheetExtras(recorder("sheet", log), templatePolicySheet(defaultPolicy(2025)));
  const set = new Map(log);
  expect(set.get('sheet.getRange("B2").conditionalFormats.add("Custom").custom.rule.formula')).toBe(
    "=LEN(TRIM(B2))=0"
  );
  expect(
    set.get('sheet.getRange("B4").conditionalFormats.add("Custom").custom.format.fill.color')
  ).toBe(HIGHLIGHT_COLOR);
  expect(set.get('sheet.getRange("B3").dataValidation.prompt')).toMatchObject({
    showPrompt: true,
    title: "每年须设置",
  });
  expect(log.some(([k]) => k.includes('getRange("B5")'))).toBe(false);
});

test("applySheetExtras syncs once, and not at all when no model has extras", async () => {
  host(12);
  let syncs = 0;
  const context = { sync: async () => void syncs++ } as unknown as Excel.RequestContext;
  const log: Log = [];
  await applySheetExtras(
    context,
    [recorder("a", log)],
    [{ name: "x", title: null, columns: [], rows: [], freezeHeader: false }]
  );
  expect(syncs).toBe(0);
  await applySheetExtras(context, [recorder("a", log), recorder("b", log)], [model, model]);
  expect(syncs).toBe(1);
});

test("applySheetExtras: a printed model on a host with none of the APIs (ExcelApi 1.1, no format members) sends no empty request", async () => {
  host(1);
  let syncs = 0;
  const context = { sync: async () => void syncs++ } as unknown as Excel.RequestContext;
  const bare = { getRange: () => ({ format: {} }) } as unknown as Excel.Worksheet;
  await applySheetExtras(context, [bare, bare], [model, model]);
  expect(syncs).toBe(0);
});

describe("(issue 19) manual page breaks", () => {
  const broken: SheetModel = {
    ...model,
    rows: [
      ["1", "a"],
      ["2", "b"],
      ["3", "c"],
    ],
    pageBreaks: [1, 2],
  };
  test("ExcelApi 1.9: a break above each row of pageBreaks (title and header before the data)", () => {
    host(9);
    const log: Log = [];
    queueSheetExtras(recorder("sheet", log), broken);
    expect(log.filter(([k]) => k === "sheet.horizontalPageBreaks.add()").map(([, a]) => a)).toEqual(
      [["A4"], ["A5"]]
    );
  });
  test("no ExcelApi 1.9: no break (the sheet still written)", () => {
    host(8);
    const log: Log = [];
    queueSheetExtras(recorder("sheet", log), broken);
    expect(log.some(([k]) => k.includes("horizontalPageBreaks"))).toBe(false);
  });
});

describe("(issue 12) a county's extras on the strict host: requests sized by bytes", () => {
  test("3,000 long notes lines (merged, wrapped): several requests, each within the budget, every line merged", async () => {
    const { installFakeHost } = await import("../browser/host/fakeExcel");
    const { writeSheets } = await import("../../src/excel/write");
    const { wideLines } = await import("../../src/summary/model");
    const notes = Array.from({ length: 3_000 }, (_, i) => [
      `E${i}`,
      `[第十一条] 客户经理 E${i} 的说明：${"笔数得分按 d 线性计算，".repeat(6)}`,
    ]);
    const columns = [
      { header: "员工号", format: "text" as const, width: 10 },
      { header: "姓名", format: "text" as const, width: 10 },
      { header: "总分", format: "text" as const, width: 10 },
      { header: "说明", format: "text" as const, width: 20 },
    ];
    const big: SheetModel = printReady(
      {
        name: "等级汇总",
        title: "标题",
        columns,
        rows: [["1", "甲", "90", "a"]],
        freezeHeader: true,
        notes,
      },
      P,
      NOW
    );
    const lines = wideLines(big).length;
    expect(lines).toBeGreaterThan(3_000);
    const win: Record<string, any> = {};
    const fake = installFakeHost(win, {
      sheets: [{ name: "客户经理", cells: [[0, 0, { v: "员工号" }]] }],
    });
    g.Office = win.Office;
    const budget = 300_000;
    await win.Excel.run(async (ctx: Excel.RequestContext) => {
      // writeSheets applies the extras itself (its default budget, 4 MB: in one request they would be ~6 MB, refused)
      await writeSheets(ctx, [big]);
      for (const s of fake.syncs) expect(s.bytes).toBeLessThanOrEqual(4_000_000);
      expect(fake.merges.length).toBe(lines);
      // again, in requests of ≤ 300 kB
      const sheets = [ctx.workbook.worksheets.getItem("等级汇总")];
      const before = fake.syncs.length;
      await applySheetExtras(ctx, sheets, [big], budget);
      const extras = fake.syncs.slice(before);
      // ~2.3 kB a line (an upper bound): 3,000 lines → 20+ requests of ≤ 300 kB, not one of 7 MB
      expect(extras.length).toBeGreaterThan(10);
      for (const s of extras) expect(s.bytes).toBeLessThanOrEqual(budget);
    });
    expect(fake.errors).toEqual([]);
    // the title line and every notes line merged over the table's width
    expect(fake.merges.filter((x) => x.startsWith("等级汇总!")).length).toBe(2 * lines);
  });
});

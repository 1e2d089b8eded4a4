/**
 * The fake Excel host of the browser tests, checked in Node against the Office.js semantics
 * it claims (so a browser test that passes on it means something): queued requests, load
 * before read, null objects, Excel's reading of typed text, selection, payload limit, and the
 * report of members it does not implement.
 */
import { HostSeed, installFakeHost } from "./host/fakeExcel";

function host(seed?: Partial<HostSeed>) {
  const win: any = {};
  const api = installFakeHost(win, {
    sheets: [
      {
        name: "客户经理",
        cells: [
          [0, 0, { v: "员工号" }],
          [0, 1, { v: "姓名" }],
          [1, 0, { v: "E001" }],
          [1, 1, { v: "张三" }],
          [2, 0, { v: "E002" }],
          [2, 1, { v: "李四", fill: "#FFFF00" }],
        ],
      },
      { name: "My Sheet", cells: [[4, 2, { v: 5 }]] },
    ],
    ...seed,
  });
  return { win, api, Excel: win.Excel, Office: win.Office };
}

describe("fake Excel host", () => {
  test("values are readable only after load + sync, and each sync is counted", async () => {
    const { Excel, api } = host();
    await Excel.run(async (context: any) => {
      const r = context.workbook.worksheets.getItem("客户经理").getUsedRange(true);
      // reading before load + sync is the mistake the host must catch
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
      expect(() => r.values).toThrow(/not available/);
      r.load("values, address, rowCount");
      await context.sync();
      expect(r.values).toEqual([
        ["员工号", "姓名"],
        ["E001", "张三"],
        ["E002", "李四"],
      ]);
      expect(r.address).toBe("客户经理!A1:B3");
      expect(r.rowCount).toBe(3);
    });
    expect(api.syncs).toHaveLength(1);
  });

  test("sheet names that need quotes are quoted in addresses", async () => {
    const { Excel } = host();
    await Excel.run(async (context: any) => {
      const r = context.workbook.worksheets.getItem("My Sheet").getUsedRange();
      r.load("address");
      await context.sync();
      expect(r.address).toBe("'My Sheet'!C5");
    });
  });

  test("a missing sheet rejects the sync with ItemNotFound; OrNullObject gives isNullObject", async () => {
    const { Excel } = host();
    await expect(
      Excel.run(async (context: any) => {
        const ws = context.workbook.worksheets.getItem("无此表");
        ws.load("name");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    await Excel.run(async (context: any) => {
      const ws = context.workbook.worksheets.getItemOrNullObject("无此表");
      ws.load("isNullObject");
      const used = context.workbook.worksheets.getItem("客户经理").getUsedRangeOrNullObject(true);
      used.load("isNullObject, address");
      await context.sync();
      expect(ws.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(false);
    });
  });

  test("typed text is read the way Excel reads it, unless the cell is formatted as text", async () => {
    const { Excel, api } = host();
    await Excel.run(async (context: any) => {
      const ws = context.workbook.worksheets.add("输出");
      const a = ws.getRange("A1:F1");
      a.values = [["=SUM(1)", "-abc", "1,234.5", "2025-03-01", "true", "文本"]];
      const b = ws.getRange("A2:B2");
      b.numberFormat = [["@", "@"]];
      b.values = [["=SUM(1)", "+x"]];
      await context.sync();
    });
    const out = api.exportWorkbook().find((s) => s.name === "输出")!;
    expect(out.cells.A1).toEqual({ v: "#FAKE_UNCALCULATED", f: "=SUM(1)" });
    expect(out.cells.B1.f).toBe("=-abc");
    expect(out.cells.C1.v).toBe(1234.5);
    expect(out.cells.D1).toEqual({ v: 45717, nf: "yyyy/m/d" });
    expect(out.cells.E1.v).toBe(true);
    expect(out.cells.F1.v).toBe("文本");
    expect(out.cells.A2).toEqual({ v: "=SUM(1)", nf: "@" });
    expect(out.cells.B2).toEqual({ v: "+x", nf: "@" });
  });

  test('cell-level writes to an unbounded range fail as in Excel (numberFormat, values on "C:E" or rows)', async () => {
    // learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-unbounded: "You can't set
    // cell-level properties like values, numberFormat, or formula on an unbounded range"
    for (const [address, set] of [
      ["C:E", (r: any) => (r.numberFormat = "@")],
      ["C:E", (r: any) => (r.numberFormat = [["@", "@", "@"]])],
      ["A:B", (r: any) => (r.values = [["x", "y"]])],
      ["2:3", (r: any) => (r.numberFormat = "0.00")],
    ] as [string, (r: any) => void][]) {
      const { Excel } = host();
      await expect(
        Excel.run(async (context: any) => {
          const ws = context.workbook.worksheets.add("列格式");
          set(ws.getRange(address));
          await context.sync();
        })
      ).rejects.toMatchObject({ code: "InvalidArgument" });
    }
    // a bounded block takes one format for all its cells
    const { Excel, api } = host();
    await Excel.run(async (context: any) => {
      const ws = context.workbook.worksheets.add("列格式");
      ws.getRange("A1:B3").numberFormat = "@";
      ws.getRange("A1:C1").values = [["=1+1", "-x", "=2"]];
      await context.sync();
    });
    const out = api.exportWorkbook().find((s) => s.name === "列格式")!;
    expect(out.cells.A1).toEqual({ v: "=1+1", nf: "@" });
    expect(out.cells.B1).toEqual({ v: "-x", nf: "@" });
    expect(out.cells.C1.f).toBe("=2");
    expect(out.colFormats).toEqual({});
  });

  test("null in a 2-D write leaves the cell; a wrong shape fails as in Excel", async () => {
    const { Excel, api } = host();
    await Excel.run(async (context: any) => {
      context.workbook.worksheets.getItem("客户经理").getRange("A2:B2").values = [[null, "王五"]];
      await context.sync();
    });
    expect(api.exportWorkbook()[0].cells.A2.v).toBe("E001");
    expect(api.exportWorkbook()[0].cells.B2.v).toBe("王五");
    await expect(
      Excel.run(async (context: any) => {
        context.workbook.worksheets.getItem("客户经理").getRange("A2:B3").values = [["x"]];
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("adding a sheet whose name is taken fails with ItemAlreadyExists", async () => {
    const { Excel } = host();
    await expect(
      Excel.run(async (context: any) => {
        context.workbook.worksheets.add("客户经理");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });

  test("select() records the sheet and address; selection handlers fire on a user selection", async () => {
    const { Excel, api } = host();
    const seen: string[] = [];
    await Excel.run(async (context: any) => {
      context.workbook.worksheets.getItem("My Sheet").getRange("C5").select();
      context.workbook.worksheets.getItem("客户经理").onSelectionChanged.add((e: any) => {
        seen.push(e.address);
      });
      await context.sync();
    });
    expect(api.selection).toEqual({ sheet: "My Sheet", address: "C5" });
    expect(api.activeSheet()).toBe("My Sheet");
    await api.userSelect("客户经理", "B3");
    expect(seen).toEqual(["B3"]);
    await Excel.run(async (context: any) => {
      const r = context.workbook.getSelectedRange();
      r.load("address");
      await context.sync();
      expect(r.address).toBe("客户经理!B3");
    });
  });

  test("a handler is removed in its own context (Excel.run(result.context, …)) and fires no more", async () => {
    const { Excel, api } = host();
    const seen: string[] = [];
    let handler: any;
    await Excel.run(async (context: any) => {
      handler = context.workbook.worksheets.getItem("客户经理").onSelectionChanged.add((e: any) => {
        seen.push(e.address);
      });
      await context.sync();
    });
    await api.userSelect("客户经理", "A1");
    await Excel.run(handler.context, async (context: any) => {
      handler.remove();
      await context.sync();
    });
    await api.userSelect("客户经理", "A2");
    expect(seen).toEqual(["A1"]);
  });

  test("per-cell fill can be read and restored exactly", async () => {
    const { Excel, api } = host();
    let before: any;
    await Excel.run(async (context: any) => {
      const r = context.workbook.worksheets.getItem("客户经理").getRange("B2:B3");
      const props = r.getCellProperties({ format: { fill: { color: true } } });
      await context.sync();
      before = props.value;
      r.format.fill.color = "#FFC7CE";
      await context.sync();
    });
    expect(before).toEqual([
      [{ format: { fill: { color: "#FFFFFF" } } }],
      [{ format: { fill: { color: "#FFFF00" } } }],
    ]);
    expect(api.exportWorkbook()[0].cells.B2.fill).toBe("#FFC7CE");
    await Excel.run(async (context: any) => {
      const r = context.workbook.worksheets.getItem("客户经理").getRange("B2:B3");
      r.setCellProperties([
        [{ format: { fill: { pattern: "None" } } }],
        [{ format: { fill: { color: "#FFFF00" } } }],
      ]);
      await context.sync();
    });
    expect(api.exportWorkbook()[0].cells.B2.fill).toBeUndefined();
    expect(api.exportWorkbook()[0].cells.B3.fill).toBe("#FFFF00");
  });

  test("a request above 5 MB fails like Excel on the web", async () => {
    const { Excel, api } = host();
    const big = Array.from({ length: 60000 }, (_, i) => [
      `第 ${i} 行的一段比较长的说明文字，用来把请求撑大到超过上限`,
      i,
    ]);
    await expect(
      Excel.run(async (context: any) => {
        const ws = context.workbook.worksheets.add("大表");
        ws.getRange(`A1:B${big.length}`).values = big;
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(api.maxRequestBytes).toBeGreaterThan(5 * 1024 * 1024);
  });

  test("members the host does not implement are reported by name", async () => {
    const { Excel, api } = host();
    await expect(
      Excel.run(async (context: any) => {
        context.workbook.worksheets
          .getItem("客户经理")
          .getRange("A1")
          .conditionalFormats.add("CellValue");
      })
    ).rejects.toThrow(/Range\.conditionalFormats/);
    expect(api.unsupported).toEqual(["Range.conditionalFormats"]);
  });

  test("collections load their items with the requested properties", async () => {
    const { Excel } = host();
    await Excel.run(async (context: any) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      expect(sheets.items.map((s: any) => s.name)).toEqual(["客户经理", "My Sheet"]);
      expect(() => sheets.items[0].position).toThrow(/not available/);
    });
  });

  test("Office.onReady reports Excel; settings are saved asynchronously", async () => {
    const { Office, api } = host({ settings: { a: 1 } });
    await expect(Office.onReady()).resolves.toEqual({ host: "Excel", platform: "OfficeOnline" });
    expect(Office.context.document.settings.get("a")).toBe(1);
    Office.context.document.settings.set("b", { x: 2 });
    await new Promise((r) => Office.context.document.settings.saveAsync(r));
    expect(api.settings).toEqual({ a: 1, b: { x: 2 } });
    expect(api.settingsSaved).toBe(1);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.12")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.99")).toBe(false);
  });
});

/**
 * Calibration against Microsoft's office.js (excel-web-16.00.js, run with a recording transport:
 * test/support/officeJs.ts): for every operation kind the add-in queues — values, numberFormat,
 * bold, width, freeze, list (data validation), sheet add, fill read, fill write, fill restore —
 * the byte estimate of src/excel/batch.ts / src/excel/highlight.ts is an upper bound of what
 * office.js really sends, and so is the fake Excel host's count (test/browser/host/fakeExcel.ts),
 * which must not be kinder than Excel on the web.
 */
import { installFakeHost } from "../browser/host/fakeExcel";
import { recordRequests } from "../support/officeJs";
import {
  Batch,
  REQUEST_OVERHEAD,
  SHEET_PATH_BYTES,
  SheetOp,
  opBytes,
  planBatches,
} from "../../src/excel/batch";
import { FILL_MORE_BYTES, FILL_READ_BYTES, FILL_WRITE_BYTES } from "../../src/excel/highlight";
import { run } from "../../src/excel/write";
import type { SheetModel } from "../../src/summary/model";

const SHEET = "等级汇总（2025年度）";

/** `estimate` ≥ `real`, the failure naming what was measured. */
function atLeast(what: string, estimate: number, real: number): void {
  expect({ what, ok: estimate >= real, estimate, real }).toEqual({
    what,
    ok: true,
    estimate,
    real,
  });
}

/** The real bytes of one request holding `ops` (sheet 0 added first). */
async function realBytes(ops: SheetOp[]): Promise<number> {
  const rec = await recordRequests(async (ctx) => {
    const sheets: Excel.Worksheet[] = [];
    await run(ctx, sheets, {
      ops: [{ kind: "add", sheet: 0, name: SHEET }, ...ops],
      bytes: 0,
      units: 0,
    });
  });
  expect(rec.requests).toHaveLength(1);
  return rec.requests[0];
}

/** The fake host's count for the same request. */
async function hostBytes(ops: SheetOp[]): Promise<number> {
  const win: Record<string, unknown> = {};
  const host = installFakeHost(win, { sheets: [{ name: "客户经理", cells: [] }] });
  const Excel = win.Excel as {
    run: <T>(f: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
  };
  await Excel.run((ctx) =>
    run(ctx, [], { ops: [{ kind: "add", sheet: 0, name: SHEET }, ...ops], bytes: 0, units: 0 })
  );
  return host.syncs[host.syncs.length - 1].bytes;
}

const rows = (n: number, w: number) =>
  Array.from({ length: n }, (_, r) =>
    Array.from({ length: w }, (_, c) =>
      c % 3 === 0
        ? `客户经理${r}号“说明”\\${c}`
        : c % 3 === 1
          ? r * 1000.25 + c
          : c === 2
            ? true
            : null
    )
  );

const KINDS: Record<string, SheetOp[]> = {
  values: [
    { kind: "values", sheet: 0, address: "A3:F1002", values: rows(1000, 6) },
    { kind: "values", sheet: 0, address: "A1", values: [["标题 2025年"]] },
  ],
  numberFormat: [
    { kind: "format", sheet: 0, address: "C3:E100002", format: "#,##0.00" },
    { kind: "format", sheet: 0, address: "F7", format: "@" },
    { kind: "format", sheet: 0, address: "XFD1048575:XFD1048576", format: "yyyy-mm-dd" },
  ],
  bold: [
    { kind: "bold", sheet: 0, address: "A2:M2" },
    { kind: "bold", sheet: 0, address: "A100003:ZZ100003" },
  ],
  width: [
    { kind: "width", sheet: 0, address: "A:C", points: 66.75 },
    { kind: "width", sheet: 0, address: "XFC:XFD", points: 123.45 },
  ],
  freeze: [{ kind: "freeze", sheet: 0, rows: 2 }],
  list: [
    { kind: "list", sheet: 0, address: "D3:D10002", source: "一类行,二类行,三类行" },
    { kind: "list", sheet: 0, address: "E3:E10002", source: "是,否" },
  ],
  activate: [{ kind: "activate", sheet: 0 }],
};

describe("src/excel/batch.ts estimates are an upper bound of office.js's real request bytes", () => {
  let base = 0;
  beforeAll(async () => {
    base = await realBytes([]);
  });

  test("a request with only a sheet added: within the envelope plus the add", () => {
    expect(base).toBeLessThanOrEqual(
      REQUEST_OVERHEAD + opBytes({ kind: "add", sheet: 0, name: SHEET })
    );
  });

  for (const [kind, ops] of Object.entries(KINDS)) {
    test(`${kind}: each operation, and several in one request`, async () => {
      for (const op of ops) {
        const real = (await realBytes([op])) - base;
        atLeast(`${kind} ${op.kind} ${"address" in op ? op.address : ""}`, opBytes(op), real);
      }
      const many = [...ops, ...ops, ...ops];
      const real = (await realBytes(many)) - base;
      expect(many.reduce((n, op) => n + opBytes(op), 0)).toBeGreaterThanOrEqual(real);
    });
  }

  test("every batch of a whole summary (formats, lists, text cells, totals, notes) is within its estimate", async () => {
    const m: SheetModel = {
      name: SHEET,
      title: "等级汇总 2025年 金额单位：元",
      columns: [
        { header: "员工号", format: "text" },
        { header: "姓名", format: "text" },
        { header: "利息收入", format: "money" },
        { header: "总分", format: "score" },
        { header: "行别类型", format: "text", list: ["一类行", "二类行"] },
        { header: "说明", format: "general" },
      ],
      rows: Array.from({ length: 30_000 }, (_, i) => [
        `E${i}`,
        `张${i}`,
        i * 1.25,
        60 + (i % 40),
        i % 2 ? "一类行" : "二类行",
        i % 7 === 0 ? `=注意${i}` : `说明“${i}”`,
      ]),
      freezeHeader: true,
      totalRows: [29_999],
      notes: [
        ["合计说明", 1],
        ["-备注", "@"],
      ],
    };
    const batches: Batch[] = [...planBatches([m], [SHEET], { activate: true, budget: 500_000 })];
    expect(batches.length).toBeGreaterThan(3);
    const rec = await recordRequests(async (ctx) => {
      const sheets: Excel.Worksheet[] = [];
      for (const b of batches) await run(ctx, sheets, b);
    });
    expect(rec.requests).toHaveLength(batches.length);
    rec.requests.forEach((real, i) => atLeast(`batch ${i}`, batches[i].bytes, real));
  }, 60_000);
});

describe("the fake host counts at least the real bytes (never kinder than Excel on the web)", () => {
  for (const [kind, ops] of Object.entries(KINDS)) {
    test(kind, async () => {
      const many = [...ops, ...ops];
      const real = await realBytes(many);
      const counted = await hostBytes(many);
      atLeast(kind, counted, real);
      // and not so harsh that a plan within Excel's limits fails on the host
      expect(counted).toBeLessThanOrEqual(real * 3 + 2000);
    });
  }
});

describe("src/excel/highlight.ts estimates per cell are an upper bound of office.js's real bytes", () => {
  const cells = Array.from({ length: 200 }, (_, i) => `${["A", "B", "XFD"][i % 3]}${i * 4999 + 1}`);
  async function perCell(
    f: (ws: Excel.Worksheet, cell: string) => void
  ): Promise<{ real: number; host: number }> {
    const once = async (n: number) => {
      const rec = await recordRequests(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(SHEET);
        for (const c of cells.slice(0, n)) f(ws, c);
        await ctx.sync();
      });
      return rec.requests[0];
    };
    const real = ((await once(cells.length)) - (await once(1))) / (cells.length - 1);
    const win: Record<string, unknown> = {};
    const host = installFakeHost(win, { sheets: [{ name: SHEET, cells: [] }] });
    const Excel = win.Excel as {
      run: <T>(f: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
    };
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(SHEET);
      for (const c of cells) f(ws, c);
      await ctx.sync();
    });
    return {
      real,
      host: (host.syncs[0].bytes - SHEET_PATH_BYTES - REQUEST_OVERHEAD) / cells.length,
    };
  }

  test("fill read (load of the five fill properties)", async () => {
    const { real, host } = await perCell(
      (ws, c) =>
        void ws
          .getRange(c)
          .format.fill.load("color,pattern,patternColor,tintAndShade,patternTintAndShade")
    );
    expect(FILL_READ_BYTES).toBeGreaterThanOrEqual(real);
    expect(host).toBeGreaterThanOrEqual(real);
  });

  test("fill write (one colour) and clear()", async () => {
    const w = await perCell((ws, c) => void (ws.getRange(c).format.fill.color = "#FFC7CE"));
    expect(FILL_WRITE_BYTES).toBeGreaterThanOrEqual(w.real);
    expect(w.host).toBeGreaterThanOrEqual(w.real);
    const clear = await perCell((ws, c) => ws.getRange(c).format.fill.clear());
    expect(FILL_WRITE_BYTES).toBeGreaterThanOrEqual(clear.real);
  });

  test("fill restore (colour, pattern, pattern colour, both tints)", async () => {
    const r = await perCell((ws, c) => {
      const f = ws.getRange(c).format.fill;
      f.color = "#DDEBF7";
      f.pattern = "LightDown";
      f.patternColor = "#FF0000";
      f.tintAndShade = -0.499984740745262;
      f.patternTintAndShade = 0.399975585192419;
    });
    expect(FILL_WRITE_BYTES + 4 * FILL_MORE_BYTES).toBeGreaterThanOrEqual(r.real);
    expect(r.host).toBeGreaterThanOrEqual(r.real);
  });
});

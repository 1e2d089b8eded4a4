import {
  MARGIN,
  RESPONSE_BUDGET,
  readWorkbookGridFromExcel,
  readWorkbookHeadersFromExcel,
  rangeOrigin,
} from "../../src/excel/read";
import { HEADER_SEARCH_ROWS } from "../../src/reader/find";
import { installFakeHost, SeedSheet } from "../browser/host/fakeExcel";
import { mockExcel, MockSheet } from "../fixtures/validation/officeMock";

function ledger(rows: number): MockSheet {
  const values: (string | number)[][] = [["贷款编号", "借款人", "贷款余额", "发放日期"]];
  for (let i = 1; i <= rows; i++) values.push([`L${i}`, `借款人${i}`, i * 100, 45658 + (i % 300)]);
  return { name: "贷款台账", values, rowOffset: 2, colOffset: 1 };
}

describe("readWorkbookGridFromExcel", () => {
  test.each([10, 10000])(
    "%i rows: three syncs (sheets, used-range sizes, one block), every value read",
    async (rows) => {
      const m = mockExcel([
        {
          name: "客户经理",
          values: [
            ["员工号", "姓名"],
            ["1001", "甲"],
          ],
        },
        ledger(rows),
        { name: "空白", values: [] },
      ]);
      const sync = jest.spyOn(m.context, "sync");
      const grid = await readWorkbookGridFromExcel(m.context);
      // issue 12: the used ranges' sizes first (addresses only), then the values in row blocks
      expect(sync).toHaveBeenCalledTimes(3);
      expect(grid.sheets.map((s) => [s.name, s.rowOffset, s.colOffset, s.values.length])).toEqual([
        ["客户经理", 0, 0, 2],
        ["贷款台账", 2, 1, rows + 1],
        ["空白", 0, 0, 0],
      ]);
      expect(grid.sheets[1].values[rows]).toEqual([
        `L${rows}`,
        `借款人${rows}`,
        rows * 100,
        45658 + (rows % 300),
      ]);
    }
  );

  test("the sync count does not grow with sheets either", async () => {
    const sheets = Array.from({ length: 30 }, (_, i) => ({ name: `S${i}`, values: [["a", i]] }));
    const m = mockExcel(sheets);
    const sync = jest.spyOn(m.context, "sync");
    const grid = await readWorkbookGridFromExcel(m.context);
    // small sheets share a sync
    expect(sync).toHaveBeenCalledTimes(3);
    expect(grid.sheets).toHaveLength(30);
  });
});

describe("rangeOrigin", () => {
  test.each([
    ["Sheet1!A1:C3", 0, 0],
    ["'贷款 台账'!C2:F20", 1, 2],
    ["'a!b'!AB10", 9, 27],
  ])("%p", (address, row, col) => {
    expect(rangeOrigin(address)).toEqual({ row, col });
  });
});

describe("readWorkbookGridFromExcel in byte-sized row blocks (Excel on the web: responses ≤ 5 MB, reads ≤ 5,000,000 cells)", () => {
  type Host = ReturnType<typeof installFakeHost>;
  function onHost(sheets: SeedSheet[]): {
    host: Host;
    run: <T>(f: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
  } {
    const win: Record<string, unknown> = {};
    const host = installFakeHost(win, { sheets });
    const Excel = win.Excel as {
      run: <T>(f: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
    };
    return { host, run: (f) => Excel.run(f) };
  }
  function seed(
    name: string,
    rows: number,
    cell: (r: number, c: number) => string | number,
    cols: number
  ): SeedSheet {
    const cells: SeedSheet["cells"] = [];
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) cells.push([r, c, { v: cell(r, c) }]);
    return { name, cells };
  }

  test("a ledger of ~10 MB: every response within the budget, syncs following the bytes, every value read", async () => {
    const rows = 100_000;
    const cell = (r: number, c: number) =>
      c === 0
        ? `L${r}`
        : c === 1
          ? `借款人${r}号（个体工商户）`
          : c === 2
            ? r * 100.25
            : `说明${r % 97}`;
    const { host, run } = onHost([seed("贷款台账", rows, cell, 8), { name: "空白", cells: [] }]);
    const grid = await run((ctx) => readWorkbookGridFromExcel(ctx));
    const reads = host.syncs.slice(2);
    const bytes = reads.reduce((n, s) => n + s.responseBytes, 0);
    expect(bytes).toBeGreaterThan(8_000_000);
    for (const s of reads) expect(s.responseBytes).toBeLessThanOrEqual(RESPONSE_BUDGET);
    // the syncs follow the bytes: at most one more than the bytes with the margin need
    expect(reads.length).toBeLessThanOrEqual(Math.ceil((bytes * MARGIN) / RESPONSE_BUDGET) + 2);
    expect(host.errors).toEqual([]);
    const g = grid.sheets[0];
    expect(g.values).toHaveLength(rows);
    for (const r of [0, 1, 49_999, 99_999])
      expect(g.values[r]).toEqual(Array.from({ length: 8 }, (_, c) => cell(r, c)));
    expect(grid.sheets[1]).toEqual({ name: "空白", rowOffset: 0, colOffset: 0, values: [] });
  }, 120_000);

  test("a block denser than the rows before it is read again in halves (reading changes nothing)", async () => {
    const cell = (r: number) => (r < 1000 ? "a" : "中".repeat(1000) + r);
    const { host, run } = onHost([seed("说明", 4000, cell, 1)]);
    const grid = await run((ctx) => readWorkbookGridFromExcel(ctx));
    expect(host.errors.some((e) => e.startsWith("ResponsePayloadSizeLimitExceeded"))).toBe(true);
    expect(grid.sheets[0].values.map((r) => r[0])).toEqual(
      Array.from({ length: 4000 }, (_, r) => cell(r))
    );
    expect(host.maxResponseBytes).toBeGreaterThan(5 * 1024 * 1024); // the refused one
  }, 60_000);

  test("wide or narrow: blocks of whole rows within the cells per sync", async () => {
    const wide: MockSheet = {
      name: "宽",
      values: Array.from({ length: 100 }, (_, r) =>
        Array.from({ length: 30 }, (_, c) => r * 30 + c)
      ),
    };
    const narrow: MockSheet = { name: "窄", values: Array.from({ length: 100 }, (_, r) => [r]) };
    const m = mockExcel([wide, narrow]);
    const grid = await readWorkbookGridFromExcel(m.context, { cellBudget: 1000 });
    for (const b of m.blocks) expect(b.rows * b.cols).toBeLessThanOrEqual(1000);
    expect(m.blocks.filter((b) => b.sheet === "宽").map((b) => b.rows)).toEqual([33, 33, 33, 1]);
    expect(grid.sheets[0].values).toEqual(wide.values);
    expect(grid.sheets[1].values).toEqual(narrow.values);
  });

  test("the header rows only: at most HEADER_SEARCH_ROWS rows of each sheet", async () => {
    const m = mockExcel([ledger(5000), { name: "客户经理", values: [["员工号"], ["1"]] }]);
    const grid = await readWorkbookHeadersFromExcel(m.context);
    expect(grid.sheets.map((s) => s.values.length)).toEqual([HEADER_SEARCH_ROWS, 2]);
    expect(grid.sheets[0].values[0]).toEqual(["贷款编号", "借款人", "贷款余额", "发放日期"]);
  });
});

import {
  clearHighlightIn,
  highlightIn,
  isHighlighted,
  HIGHLIGHT_COLORS,
  savedFills,
} from "../../src/excel/highlight";
import type { HighlightTarget } from "../../src/excel/highlight";
import { installFakeHost, SeedSheet } from "../browser/host/fakeExcel";
import { selectCellIn } from "../../src/excel/navigate";
import { mockExcel, NO_FILL, Fill } from "../fixtures/validation/officeMock";

const SOLID_BLUE: Fill = {
  color: "#DDEBF7",
  pattern: "Solid",
  patternColor: "",
  tintAndShade: 0.4,
  patternTintAndShade: 0,
};
const HATCHED: Fill = {
  color: "#FFFF00",
  pattern: "LightDown",
  patternColor: "#FF0000",
  tintAndShade: 0,
  patternTintAndShade: -0.25,
};
const WHITE_FILL: Fill = {
  color: "#FFFFFF",
  pattern: "Solid",
  patternColor: "",
  tintAndShade: 0,
  patternTintAndShade: 0,
};

function setup() {
  const values = [
    ["员工号", "姓名"],
    ["1001", "甲"],
    ["1002", "乙"],
  ];
  return mockExcel(
    [
      { name: "客户经理", values },
      { name: "贷款台账", values: [["贷款编号"], ["L1"]] },
    ],
    {
      "客户经理!A2": NO_FILL,
      "客户经理!B2": SOLID_BLUE,
      "客户经理!A3": HATCHED,
      "客户经理!B3": WHITE_FILL,
      "贷款台账!A2": NO_FILL,
    }
  );
}

afterEach(async () => {
  // leave no highlight state behind for the next test
  if (isHighlighted()) await clearHighlightIn(setup().context);
});

describe("highlight", () => {
  test("marks errors and warnings, then restores every fill exactly (no fill, colour, pattern, tints)", async () => {
    const m = setup();
    const sync = jest.spyOn(m.context, "sync");
    const n = await highlightIn(m.context, [
      { sheet: "客户经理", cell: "A2", severity: "error" },
      { sheet: "客户经理", cell: "B2", severity: "warning" },
      { sheet: "客户经理", cell: "A3", severity: "warning" },
      { sheet: "客户经理", cell: "A3", severity: "error" },
      { sheet: "客户经理", cell: "B3", severity: "error" },
      { sheet: "客户经理", cell: "", severity: "error" },
      { sheet: "贷款台账", cell: "A2", severity: "info" },
      { sheet: "已删除", cell: "A1", severity: "error" },
    ]);
    expect(n).toBe(4);
    expect(isHighlighted()).toBe(true);
    // sheet names, read the fills, write the fills
    expect(sync).toHaveBeenCalledTimes(3);
    expect(m.fillOf("客户经理", "A2").color).toBe(HIGHLIGHT_COLORS.error);
    expect(m.fillOf("客户经理", "B2").color).toBe(HIGHLIGHT_COLORS.warning);
    // the worst severity of a cell wins
    expect(m.fillOf("客户经理", "A3").color).toBe(HIGHLIGHT_COLORS.error);
    expect(m.fillOf("客户经理", "B3").color).toBe(HIGHLIGHT_COLORS.error);
    expect(savedFills()?.find((s) => s.cell === "A3")).toEqual({
      sheet: "客户经理",
      cell: "A3",
      color: "#FFFF00",
      pattern: "LightDown",
      patternColor: "#FF0000",
      tintAndShade: 0,
      patternTintAndShade: -0.25,
    });

    sync.mockClear();
    const restored = await clearHighlightIn(m.context);
    expect(restored).toBe(4);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(isHighlighted()).toBe(false);
    expect(m.fillOf("客户经理", "A2")).toEqual(NO_FILL);
    expect(m.cleared).toEqual(["客户经理!A2"]);
    expect(m.fillOf("客户经理", "B2")).toEqual(SOLID_BLUE);
    expect(m.fillOf("客户经理", "A3")).toEqual(HATCHED);
    // an explicit white fill stays a fill, not "no fill"
    expect(m.fillOf("客户经理", "B3")).toEqual(WHITE_FILL);
    // an info cell was never touched
    expect(m.cleared).not.toContain("贷款台账!A2");
  });

  test("highlighting again first restores, so the saved fills stay the originals", async () => {
    const m = setup();
    await highlightIn(m.context, [{ sheet: "客户经理", cell: "B2", severity: "error" }]);
    await highlightIn(m.context, [{ sheet: "客户经理", cell: "B2", severity: "warning" }]);
    expect(m.fillOf("客户经理", "B2").color).toBe(HIGHLIGHT_COLORS.warning);
    expect(savedFills()).toEqual([
      { sheet: "客户经理", cell: "B2", ...SOLID_BLUE, patternColor: null },
    ]);
    await clearHighlightIn(m.context);
    expect(m.fillOf("客户经理", "B2")).toEqual(SOLID_BLUE);
  });

  test("nothing to restore: no sync", async () => {
    const m = setup();
    const sync = jest.spyOn(m.context, "sync");
    expect(await clearHighlightIn(m.context)).toBe(0);
    expect(sync).not.toHaveBeenCalled();
  });
});

describe("selectCellIn", () => {
  test("activates the sheet and selects the cell in one sync", async () => {
    const m = setup();
    const sync = jest.spyOn(m.context, "sync");
    await selectCellIn(m.context, "贷款台账", "A2");
    expect(m.activated).toEqual(["贷款台账"]);
    expect(m.selected).toEqual(["贷款台账!A2"]);
    expect(sync).toHaveBeenCalledTimes(1);
  });
  test("a workbook-wide issue has no cell: A1 of its sheet; none without a sheet", async () => {
    const m = setup();
    await selectCellIn(m.context, "客户经理", "");
    await selectCellIn(m.context, "", "");
    expect(m.selected).toEqual(["客户经理!A1"]);
  });
});

describe("highlight at county scale on the strict host (requests and responses ≤ 5 MB, as office.js counts them)", () => {
  type Run = <T>(f: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
  const ROWS = 1500;
  const budget = 300_000;
  function county(): {
    host: ReturnType<typeof installFakeHost>;
    run: Run;
    targets: HighlightTarget[];
  } {
    const cells: SeedSheet["cells"] = [];
    for (let r = 0; r < ROWS; r++) {
      cells.push([r, 0, { v: `L${r}`, fill: r % 5 === 0 ? "#DDEBF7" : undefined }]);
      cells.push([r, 1, { v: r }]);
    }
    const win: Record<string, unknown> = {};
    const host = installFakeHost(win, {
      sheets: [
        { name: "贷款台账", cells },
        { name: "客户经理", cells: [[0, 0, { v: "员工号", fill: "#FFFF00" }]] },
      ],
    });
    const Excel = win.Excel as { run: Run };
    const targets: HighlightTarget[] = [];
    for (let r = 0; r < ROWS; r++)
      targets.push(
        { sheet: "贷款台账", cell: `A${r + 1}`, severity: r % 2 ? "error" : "warning" },
        { sheet: "贷款台账", cell: `B${r + 1}`, severity: "error" }
      );
    targets.push({ sheet: "客户经理", cell: "A1", severity: "error" });
    return { host, run: (f) => Excel.run(f), targets };
  }
  /** a context whose `n`-th sync (1-based) fails like a refused request */
  function failingAt(ctx: Excel.RequestContext, n: number): Excel.RequestContext {
    const base = ctx.sync.bind(ctx);
    let k = 0;
    (ctx as { sync: () => Promise<unknown> }).sync = () =>
      ++k === n
        ? Promise.reject(Object.assign(new Error("网络中断"), { code: "GeneralException" }))
        : base();
    return ctx;
  }

  afterEach(async () => {
    if (isHighlighted())
      await county()
        .run((ctx) => clearHighlightIn(ctx))
        .catch(() => undefined);
  });

  test("3,001 cells in a 300 kB budget: byte-sized batches, one sheet proxy per request, every fill put back exactly", async () => {
    const { host, run, targets } = county();
    const before = host.exportWorkbook();
    expect(await run((ctx) => highlightIn(ctx, targets, { budget }))).toBe(2 * ROWS + 1);
    const lit = host.exportWorkbook()[0].cells;
    expect(lit.A1.fill).toBe(HIGHLIGHT_COLORS.warning);
    expect(lit.B2.fill).toBe(HIGHLIGHT_COLORS.error);
    expect(await run((ctx) => clearHighlightIn(ctx, { budget }))).toBe(2 * ROWS + 1);
    expect(host.exportWorkbook()).toEqual(before);
    expect(host.errors).toEqual([]);
    for (const s of host.syncs) {
      expect(s.bytes).toBeLessThanOrEqual(budget);
      expect(s.responseBytes).toBeLessThanOrEqual(budget);
    }
    // more than one batch each way, and the count follows the bytes
    expect(host.syncs.length).toBeGreaterThan(12);
    expect(host.syncs.length).toBeLessThan(60);
  }, 120_000);

  test("a failure half-way while highlighting: the next 清除标记 puts every cell back", async () => {
    const { host, run, targets } = county();
    const before = host.exportWorkbook();
    // syncs: 1 clear's list (nothing saved: none), 2 sheet names, 3 read, 4 write, 5 read … fail at 6
    await expect(run((ctx) => highlightIn(failingAt(ctx, 5), targets, { budget }))).rejects.toThrow(
      "网络中断"
    );
    expect(isHighlighted()).toBe(true);
    expect(host.exportWorkbook()).not.toEqual(before);
    await run((ctx) => clearHighlightIn(ctx));
    expect(host.exportWorkbook()).toEqual(before);
  }, 120_000);

  test("a failure at a colouring request (fills saved, cells not coloured): 标记 again completes, then 清除标记 restores exactly", async () => {
    const { host, run, targets } = county();
    const before = host.exportWorkbook();
    // syncs: 1 sheet names, 2 read, 3 write, 4 read, 5 write (fails: that batch saved, not coloured)
    await expect(run((ctx) => highlightIn(failingAt(ctx, 5), targets, { budget }))).rejects.toThrow(
      "网络中断"
    );
    expect(isHighlighted()).toBe(true);
    expect(await run((ctx) => highlightIn(ctx, targets, { budget }))).toBe(2 * ROWS + 1);
    const lit = host.exportWorkbook()[0].cells;
    expect(lit[`B${ROWS}`].fill).toBe(HIGHLIGHT_COLORS.error);
    // the saved fills are the originals, not the half-done highlight
    expect(savedFills()!.find((f) => f.sheet === "客户经理")!.color).toBe("#FFFF00");
    await run((ctx) => clearHighlightIn(ctx, { budget }));
    expect(host.exportWorkbook()).toEqual(before);
    expect(isHighlighted()).toBe(false);
  }, 120_000);

  test("a failure half-way while restoring: what is restored stays restored, the next click finishes", async () => {
    const { host, run, targets } = county();
    const before = host.exportWorkbook();
    await run((ctx) => highlightIn(ctx, targets, { budget }));
    const all = savedFills()!.length;
    await expect(run((ctx) => clearHighlightIn(failingAt(ctx, 3), { budget }))).rejects.toThrow(
      "网络中断"
    );
    const left = savedFills()!.length;
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(all);
    // highlighting again first finishes the restore, so the saved fills stay the originals
    await run((ctx) => highlightIn(ctx, targets.slice(0, 10)));
    await run((ctx) => clearHighlightIn(ctx));
    expect(host.exportWorkbook()).toEqual(before);
  }, 120_000);
});

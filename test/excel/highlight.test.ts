import { clearHighlightIn, highlightIn, isHighlighted, HIGHLIGHT_COLORS, savedFills } from "../../src/excel/highlight";
import { selectCellIn } from "../../src/excel/navigate";
import { mockExcel, NO_FILL, Fill } from "../fixtures/validation/officeMock";

const SOLID_BLUE: Fill = { color: "#DDEBF7", pattern: "Solid", patternColor: "", tintAndShade: 0.4, patternTintAndShade: 0 };
const HATCHED: Fill = { color: "#FFFF00", pattern: "LightDown", patternColor: "#FF0000", tintAndShade: 0, patternTintAndShade: -0.25 };
const WHITE_FILL: Fill = { color: "#FFFFFF", pattern: "Solid", patternColor: "", tintAndShade: 0, patternTintAndShade: 0 };

function setup() {
  const values = [["员工号", "姓名"], ["1001", "甲"], ["1002", "乙"]];
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
    },
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
    expect(savedFills()).toEqual([{ sheet: "客户经理", cell: "B2", ...SOLID_BLUE, patternColor: null }]);
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

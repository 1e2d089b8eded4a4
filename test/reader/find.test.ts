import { findTables, matchHeader, isOwnSheet } from "../../src/reader/find";
import { column } from "../../src/reader/schema";
import type { SheetGrid } from "../../src/core/grid";

function sheet(name: string, values: unknown[][], rowOffset = 0, colOffset = 0): SheetGrid {
  return { name, rowOffset, colOffset, values: values as SheetGrid["values"] };
}

describe("matchHeader", () => {
  const balance = column("loans", "balance");
  test.each([
    ["贷款余额", null],
    [" 贷款 余额 ", null],
    ["贷款余额(元)", "元"],
    ["贷款余额（万元）", "万元"],
    ["贷款余额 万元", "万元"],
    ["贷款余额（单位：万元）", "万元"],
    ["贷款余额/元", "元"],
  ])("%p → unit %p", (h, unit) => {
    expect(matchHeader(h, balance)).toBe(unit);
  });
  test.each(["贷款余额（美元）", "贷款余额合计", "余额", "贷款", ""])(
    "%p does not name 贷款余额",
    (h) => {
      expect(matchHeader(h, balance)).toBeUndefined();
    }
  );
  test("full-width letters and case", () => {
    expect(matchHeader("国际结算额（ＵＳＤ）", column("customers", "settlementUsd"))).toBe("USD");
  });
  test("a column without units does not take a suffix", () => {
    expect(matchHeader("员工号(元)", column("managers", "id"))).toBeUndefined();
  });
});

describe("isOwnSheet", () => {
  test.each(["等级汇总", "校验结果 (2)", "政策参数"])("%p is written by the add-in", (n) =>
    expect(isOwnSheet(n)).toBe(true)
  );
  test.each(["客户经理", "汇总", "校验结果备份"])("%p is not", (n) =>
    expect(isOwnSheet(n)).toBe(false)
  );
});

describe("findTables", () => {
  test("finds tables by header in any sheet, any order, below a title line, with offsets", () => {
    const grid = {
      sheets: [
        sheet("Sheet1", [["2025 年客户经理名单"], [], ["姓名", "备注", "员工号"]], 4, 2),
        sheet("Sheet2", [["条款", "日期", "员工号", "姓名"]]),
      ],
    };
    const f = findTables(grid);
    expect(f.locations.managers?.sheet.name).toBe("Sheet1");
    expect(f.locations.managers?.headerRow).toBe(2);
    expect(f.locations.managers?.columns.id).toEqual({ col: 2, unit: null, header: "员工号" });
    // the error log also has 员工号 and 姓名, but it is a better match for 差错记录
    expect(f.locations.errors?.sheet.name).toBe("Sheet2");
    expect(f.locations.loans).toBeNull();
    const missing = f.issues.filter((i) => i.rule === "TABLE.missing").map((i) => i.message);
    expect(missing).toHaveLength(3);
    expect(missing[0]).toContain("贷款台账");
    // optional columns missing are notices at the header row's first column
    const opt = f.issues.filter((i) => i.rule === "COLUMN.optional" && i.sheet === "Sheet1");
    expect(opt.every((i) => i.cell === "C7" && i.severity === "info")).toBe(true);
    expect(opt.map((i) => i.message)).toContainEqual(expect.stringContaining("性别"));
    expect(opt.find((i) => i.message.includes("“性别”"))?.message).toContain("A8");
  });

  test("a missing required column is one error naming it, and the table is not read", () => {
    const grid = { sheets: [sheet("台账", [["借款人", "贷款余额", "五级分类"]])] };
    const f = findTables(grid);
    const req = f.issues.filter((i) => i.rule === "COLUMN.required");
    expect(req).toEqual([
      expect.objectContaining({ sheet: "台账", cell: "A1", severity: "error" }),
    ]);
    expect(req[0].message).toContain("贷款编号");
    expect(f.locations.loans?.missingRequired.map((c) => c.key)).toEqual(["loanId"]);
    expect(f.issues.some((i) => i.rule === "COLUMN.optional" && i.sheet === "台账")).toBe(false);
  });

  test("a sheet named after a table is found with one matching column", () => {
    const grid = { sheets: [sheet("风险预警", [["贷款编号", "说明"]])] };
    expect(findTables(grid).locations.warnings?.sheet.name).toBe("风险预警");
    const other = { sheets: [sheet("Sheet1", [["贷款编号", "说明"]])] };
    expect(findTables(other).locations.warnings).toBeNull();
  });

  test("a second sheet with the same table is reported, not read", () => {
    const head = ["贷款编号", "借款人", "贷款余额"];
    const grid = {
      sheets: [sheet("台账2024", [head]), sheet("贷款台账", [head, ["L1", "甲", 1]])],
    };
    const f = findTables(grid);
    expect(f.locations.loans?.sheet.name).toBe("贷款台账");
    expect(f.issues.filter((i) => i.rule === "TABLE.duplicate")).toEqual([
      expect.objectContaining({ sheet: "台账2024", cell: "A1", severity: "warning" }),
    ]);
  });

  test("a repeated column is a warning on the second one", () => {
    const grid = { sheets: [sheet("客户经理", [["员工号", "姓名", "工号"]])] };
    const f = findTables(grid);
    expect(f.issues.filter((i) => i.rule === "COLUMN.duplicate")).toEqual([
      expect.objectContaining({ cell: "C1", severity: "warning" }),
    ]);
    expect(f.locations.managers?.columns.id.col).toBe(0);
  });

  test("sheets the add-in writes are never read as input", () => {
    const grid = { sheets: [sheet("等级汇总", [["员工号", "姓名", "行别类型"]])] };
    expect(findTables(grid).locations.managers).toBeNull();
  });

  test("the header is looked for in the first 10 rows only", () => {
    const rows: unknown[][] = Array.from({ length: 10 }, () => ["说明"]);
    const grid = { sheets: [sheet("S", [...rows, ["员工号", "姓名"]])] };
    expect(findTables(grid).locations.managers).toBeNull();
    const grid9 = { sheets: [sheet("S", [...rows.slice(1), ["员工号", "姓名"]])] };
    expect(findTables(grid9).locations.managers?.headerRow).toBe(9);
  });
});

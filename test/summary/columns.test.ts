/** (issue 20 item 4) Summary columns as objects: specs, rows, rows of another kind. */
import type { Column } from "../../src/summary/columns";
import { cellsOf, columnSpecs, kindCellsOf, Table } from "../../src/summary/columns";
import { BUILDERS, buildSummaries } from "../../src/summary/build";
import { grid, NOW, policy2025 } from "./helpers";
import { SUMMARY_IDS } from "../../src/summary/common";

interface Person {
  id: string;
  amount: number;
}
interface Failed {
  id: string;
  why: string;
}

const COLUMNS: Column<Person, { failed: Failed }>[] = [
  { header: "员工号", format: "text", width: 10, value: (p) => p.id, failed: (f) => f.id },
  { header: "金额", format: "money", width: 14, value: (p) => p.amount },
  { header: "加倍", format: "money", value: (p) => p.amount * 2 },
  { header: "说明", format: "text", width: 40, wrap: true, value: () => "", failed: (f) => f.why },
];

describe("summary columns", () => {
  test("specs are what col(header, format, width) gives, wrap kept", () => {
    expect(columnSpecs(COLUMNS)).toEqual([
      { header: "员工号", format: "text", width: 10 },
      { header: "金额", format: "money", width: 14 },
      { header: "加倍", format: "money" },
      { header: "说明", format: "text", width: 40, wrap: true },
    ]);
    // no width key at all when none is declared (the writers' input is unchanged)
    expect(Object.keys(columnSpecs(COLUMNS)[2])).toEqual(["header", "format"]);
  });

  test("a row's cells in column order; a row of another kind is blank where undeclared", () => {
    expect(cellsOf(COLUMNS, { id: "E1", amount: 12.5 })).toEqual(["E1", 12.5, 25, ""]);
    expect(kindCellsOf(COLUMNS, "failed", { id: "E2", why: "缺少出生日期" })).toEqual([
      "E2",
      null,
      null,
      "缺少出生日期",
    ]);
  });

  test("a row of another kind can end at a column; an unknown one is an error", () => {
    expect(kindCellsOf(COLUMNS, "failed", { id: "E3", why: "y" }, "金额")).toEqual(["E3", null]);
    expect(() => kindCellsOf(COLUMNS, "failed", { id: "E3", why: "y" }, "无此列")).toThrow(
      "没有“无此列”列"
    );
  });

  test("Table makes each row when it is added and returns its index", () => {
    const t = new Table(COLUMNS);
    expect(t.add({ id: "A", amount: 1 })).toBe(0);
    expect(t.addAs("failed", { id: "B", why: "x" })).toBe(1);
    expect(t.add({ id: "C", amount: 3 })).toBe(2);
    expect(t.rows).toEqual([
      ["A", 1, 2, ""],
      ["B", null, null, "x"],
      ["C", 3, 6, ""],
    ]);
    expect(t.columns.map((c) => c.header)).toEqual(["员工号", "金额", "加倍", "说明"]);
  });
});

describe("the builder table (build.ts)", () => {
  test("one builder per summary, in SUMMARIES order; 校验结果 is made from the issues, not by a builder", () => {
    expect(BUILDERS.map((b) => b.id)).toEqual(SUMMARY_IDS.filter((id) => id !== "issues"));
  });

  test("the summaries a workbook cannot make are skipped in SUMMARIES order (考核概览 before 考核通知单)", () => {
    const g = grid({
      差错记录: [
        ["员工号", "日期", "条款", "次数"],
        ["E1", "2025-03-01", "1.1", 1],
      ],
    });
    const r = buildSummaries(g, policy2025(), { now: NOW, only: [...SUMMARY_IDS] });
    expect(r.ids).toEqual(["errors", "issues"]);
    expect(r.skipped.map((x) => x.id)).toEqual([
      "grades",
      "bottom",
      "buyout",
      "exitPay",
      "corporate",
      "warnings",
      "annual",
      "overview",
      "statements",
      "posting",
    ]);
  });
});

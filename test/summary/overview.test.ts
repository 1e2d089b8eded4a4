/**
 * (issue 19 item 3) 考核概览: the small tables, hand-worked from small inputs, and the charts over
 * exactly their cells; a part without its data says why and has no chart; the whole run on the
 * sample workbook agrees with the summaries it is built from.
 */
import * as path from "path";
import { readWorkbookGrid } from "../../src/cli/xlsx/read";
import { modelCellAt } from "../../src/cli/xlsx/chartXml";
import { D } from "../../src/core/money";
import type { ManagerErrorPoints } from "../../src/rules/c";
import { branchLines } from "../../src/summary/branches";
import { buildSummaries } from "../../src/summary/build";
import { chartCategories, chartSeries, checkChart } from "../../src/summary/charts";
import { GRADES_HEADERS } from "../../src/summary/grades";
import type { CellValue, SheetModel } from "../../src/summary/model";
import { checkSheetModel, printArea, sheetLayout } from "../../src/summary/model";
import {
  buildOverviewSummary,
  CHART_COL,
  errorsByItem,
  gradesByType,
  OVERVIEW_BLOCKS,
  topNpl,
  TOP_NPL,
  warningsByResult,
  withOverviewSources,
} from "../../src/summary/overview";
import { WARNINGS_HEADERS } from "../../src/summary/warnings";
import { NOW, policy2025 } from "./helpers";

/** A 等级汇总-shaped model: only the columns the overview reads, by their headers. */
function gradesModel(rows: [string, string, string | null, string | null][]): SheetModel {
  return {
    name: "等级汇总",
    title: "t",
    columns: [
      { header: "员工号", format: "text" },
      { header: GRADES_HEADERS[2], format: "text" },
      { header: GRADES_HEADERS[7], format: "score" },
      { header: GRADES_HEADERS[10], format: "text" },
      { header: "支行", format: "text" },
    ],
    rows: rows.map(([id, type, grade, branch]) => [
      id,
      type,
      grade === null ? null : 80,
      grade,
      branch,
    ]),
    freezeHeader: true,
  };
}

function warningsModel(results: (string | null)[]): SheetModel {
  return {
    name: "预警时效",
    title: "t",
    columns: WARNINGS_HEADERS.map((h) => ({ header: h, format: "text" as const })),
    rows: results.map((r, i) => [`L${i}`, null, null, r]),
    freezeHeader: true,
  };
}

const entry = (code: string, count: number, deduction: number, disqualifying = false) =>
  ({ code, count, deduction, disqualifying }) as unknown as Extract<
    ManagerErrorPoints,
    { ok: true }
  >["entries"][number];

const GRADES = gradesModel([
  ["E1", "一类行", "一级", "城关"],
  ["E2", "一类行", "二级", "城关"],
  ["E3", "二类行", "一级", "河口"],
  ["E4", "三类行", "取消资格", "河口"],
  ["E5", "三类行", null, null],
]);

describe("the small tables", () => {
  test("grades per 行别类型: 一级 二级 三级 取消资格 未评定 人数, every type listed", () => {
    expect(gradesByType(GRADES)).toEqual([
      ["一类行", 1, 1, 0, 0, 0, 2],
      ["二类行", 1, 0, 0, 0, 0, 1],
      ["三类行", 0, 0, 0, 1, 1, 2],
    ]);
  });

  test("top responsible NPL: largest first, ties by 员工号, zero balances out, at most TOP_NPL, in the workbook's unit", () => {
    const balances = Array.from({ length: 12 }, (_, i) => ({
      employeeId: `E${String(i).padStart(2, "0")}`,
      balance: D(i * 10000),
      loanIds: [],
    }));
    balances.push({ employeeId: "E99", balance: D(110000), loanIds: [] }); // ties with E11
    const names = new Map([["E11", "王强"]]);
    const rows = topNpl(
      { balances: { balances, unattributed: [], errors: [], incomplete: [] }, names },
      policy2025("万元")
    );
    expect(rows).toHaveLength(TOP_NPL);
    expect(rows[0]).toEqual(["王强", 11, null, "E11"]);
    expect(rows[1]).toEqual(["E99", 11, null, "E99"]);
    expect(rows[9]).toEqual(["E03", 3, null, "E03"]);
    expect(rows.some((r) => r[3] === "E00")).toBe(false);
  });

  test("error points per item: summed to 0.01, counts, ✕ entries counted apart, largest deduction first", () => {
    const results = [
      { ok: true, employeeId: "E1", entries: [entry("3.2b", 2, 20), entry("1.5", 1, 0, true)] },
      { ok: true, employeeId: "E2", entries: [entry("3.2b", 1, 10.005), entry("4.3", 3, 6)] },
      { ok: false, employeeId: "E3", errors: [] },
    ] as unknown as ManagerErrorPoints[];
    expect(errorsByItem(results)).toEqual([
      ["3.2b", 30.01, 3, 0],
      ["4.3", 6, 3, 0],
      ["1.5", 0, 1, 1],
    ]);
  });

  test("warnings by 结果: 按时 迟报 未上报, a blank 结果 is 无法判断", () => {
    expect(warningsByResult(warningsModel(["按时", "迟报", "按时", null, "未上报"]))).toEqual([
      ["按时", 2],
      ["迟报", 1],
      ["未上报", 1],
      ["无法判断", 1],
    ]);
  });
});

describe("the overview sheet", () => {
  const policy = policy2025();
  const errors = [
    { ok: true, employeeId: "E1", entries: [entry("3.2b", 2, 20)] },
  ] as unknown as ManagerErrorPoints[];
  const npl = {
    balances: {
      balances: [{ employeeId: "E1", balance: D("12345.678"), loanIds: [] }],
      unattributed: [],
      errors: [],
      incomplete: [],
    },
    names: new Map([["E1", "张三"]]),
  };
  const built = buildOverviewSummary(
    { grades: GRADES, npl, errors, warnings: warningsModel(["按时", "迟报"]), missing: {} },
    { policy, now: NOW }
  );
  const m = built.model;
  const cell = (r: number, c: number): CellValue => modelCellAt(m, r, c);

  test("the table is the grades per 行别类型 with a bold 合计 row; the model can be written", () => {
    expect(m.name).toBe("考核概览");
    expect(m.columns.map((c) => c.header)).toEqual([
      "行别类型",
      "一级",
      "二级",
      "三级",
      "取消资格",
      "未评定",
      "人数",
    ]);
    expect(m.rows[3]).toEqual(["合计", 2, 1, 0, 1, 1, 5]);
    expect(m.totalRows).toEqual([3]);
    expect(() => checkSheetModel(m, m.name)).not.toThrow();
  });

  test("five charts, each over the cells of its table: categories in the first column, series named by the header row", () => {
    const c = m.charts!;
    expect(c.map((x) => x.kind)).toEqual(["column", "column", "bar", "bar", "pie"]);
    const L = sheetLayout(m);
    for (const x of c) expect(() => checkChart(x, m.name, L.rowCount, L.colCount)).not.toThrow();
    // 行别类型: the three types (not 合计), series 一级…取消资格
    const cats = (i: number) => {
      const b = chartCategories(c[i]);
      return Array.from({ length: b.lastRow - b.firstRow + 1 }, (_, k) =>
        cell(b.firstRow + k, b.col)
      );
    };
    expect(cats(0)).toEqual(["一类行", "二类行", "三类行"]);
    expect(chartSeries(c[0]).map((s) => cell(s.nameCell.row, s.nameCell.col))).toEqual([
      "一级",
      "二级",
      "三级",
      "取消资格",
    ]);
    // per 支行: the same counts as 等级汇总's branch block
    const lines = branchLines(GRADES)!.filter((l) => l.branch !== "合计");
    expect(cats(1)).toEqual(lines.map((l) => l.branch));
    const s1 = chartSeries(c[1])[0];
    expect(cell(s1.values.firstRow, s1.values.col)).toBe(lines[0].grades[0]);
    // NPL: the name, the amount rounded to 0.01
    expect(cats(2)).toEqual(["张三"]);
    const s2 = chartSeries(c[2])[0];
    expect(cell(s2.nameCell.row, s2.nameCell.col)).toBe("责任不良贷款余额（元）");
    expect(cell(s2.values.firstRow, s2.values.col)).toBe(12345.68);
    expect(cats(3)).toEqual(["3.2b"]);
    expect(cats(4)).toEqual(["按时", "迟报", "未上报", "无法判断"]);
    // each block is labelled above its header row
    const label = (i: number) => cell(c[i].headerRow - 1, 0);
    expect([label(1), label(2), label(3), label(4)]).toEqual([
      OVERVIEW_BLOCKS.branches,
      OVERVIEW_BLOCKS.npl,
      OVERVIEW_BLOCKS.errors,
      OVERVIEW_BLOCKS.warnings,
    ]);
  });

  test("charts sit right of the tables, one below the other, inside the printed area", () => {
    const c = m.charts!;
    for (let i = 0; i < c.length; i++) {
      expect(c[i].anchor.col).toBe(CHART_COL);
      expect(c[i].anchor.col).toBeGreaterThan(m.columns.length);
      if (i > 0)
        expect(c[i].anchor.row).toBeGreaterThanOrEqual(c[i - 1].anchor.row + c[i - 1].anchor.rows);
    }
    const last = c[c.length - 1].anchor;
    expect(printArea({ ...m, print: {} as never })).toEqual({
      lastRow: Math.max(sheetLayout(m).rowCount - 1, last.row + last.rows - 1),
      lastCol: last.col + last.cols - 1,
    });
  });

  test("a part whose summary's data is not there says why and has no chart", () => {
    const b = buildOverviewSummary(
      {
        grades: GRADES,
        npl: null,
        errors: null,
        warnings: null,
        missing: {
          npl: "末位名单：缺少“贷款台账”表",
          errors: "差错积分汇总：缺少“差错记录”表",
          warnings: "预警时效：缺少“风险预警”表",
        },
      },
      { policy, now: NOW }
    ).model;
    expect(b.charts!.map((x) => x.kind)).toEqual(["column", "column"]);
    expect(b.notes).toContainEqual([OVERVIEW_BLOCKS.npl, "未列出：末位名单：缺少“贷款台账”表"]);
    expect(b.notes).toContainEqual([
      OVERVIEW_BLOCKS.errors,
      "未列出：差错积分汇总：缺少“差错记录”表",
    ]);
    // no rows at all: no "nobody" chart
    const none = buildOverviewSummary(
      {
        grades: null,
        npl: null,
        errors: [],
        warnings: warningsModel([]),
        missing: { types: "等级汇总：缺少列" },
      },
      { policy, now: NOW }
    ).model;
    expect(none.rows).toEqual([]);
    expect(none.charts).toEqual([]);
    expect(none.notes).toContainEqual([
      OVERVIEW_BLOCKS.errors,
      `未列出：${policy.year} 年度无差错记录`,
    ]);
    // rows left out of the source summary: no "nobody" statement without saying so
    const partial = buildOverviewSummary(
      {
        grades: null,
        npl: null,
        errors: [],
        warnings: null,
        missing: {},
        leftOut: { errors: true },
      },
      { policy, now: NOW }
    ).model;
    expect(partial.notes).toContainEqual([
      OVERVIEW_BLOCKS.errors,
      `未列出：${policy.year} 年度无差错记录（有未计入的行，见该汇总表的说明）`,
    ]);
  });

  test("the sources are built with the overview, written only when wanted", () => {
    expect(withOverviewSources(["overview"])).toEqual([
      "grades",
      "bottom",
      "errors",
      "warnings",
      "overview",
    ]);
    expect(withOverviewSources(["annual"])).toEqual(["annual"]);
  });
});

describe("the sample workbook", () => {
  const SAMPLE = path.resolve(__dirname, "../../examples/sample.xlsx");

  test("alone (--only 考核概览): only the overview is written, its tables agree with 等级汇总 and 预警时效 of a full run", async () => {
    const grid = await readWorkbookGrid(SAMPLE);
    const policy = policy2025();
    const alone = buildSummaries(grid, policy, { now: NOW, only: ["考核概览"] });
    expect(alone.models.map((x) => x.name)).toEqual(["考核概览"]);
    expect(alone.skipped).toEqual([]);
    const all = buildSummaries(grid, policy, { now: NOW });
    const ov = all.models.find((x) => x.name === "考核概览")!;
    expect(ov.rows).toEqual(alone.models[0].rows);
    expect(ov.notes).toEqual(alone.models[0].notes);
    const grades = all.models.find((x) => x.name === "等级汇总")!;
    const total = ov.rows[ov.rows.length - 1];
    expect(total[0]).toBe("合计");
    expect(total[6]).toBe(grades.rows.length);
    const warnings = all.models.find((x) => x.name === "预警时效")!;
    const c = ov.charts!.find((x) => x.kind === "pie")!;
    let sum = 0;
    for (let r = c.data.firstRow; r <= c.data.lastRow; r++) sum += modelCellAt(ov, r, 1) as number;
    expect(sum).toBe(warnings.rows.length);
    expect(ov.charts).toHaveLength(5);
  });
});

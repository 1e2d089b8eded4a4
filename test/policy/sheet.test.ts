import { defaultPolicy } from "../../src/policy/defaults";
import { paramByKey, POLICY_SCHEMA, shownParams } from "../../src/policy/schema";
import { readPolicyFromGrid } from "../../src/policy/sheet";
import { policySheetModel } from "../../src/summary/policySheet";
import type { Policy } from "../../src/policy/types";
import type { RawCell } from "../../src/core/parse";
import type { WorkbookGrid } from "../../src/core/grid";
import { everyFieldChanged, modelGrid, modelSheet } from "./helpers";

/** The parameters the default sheet of 2025 shows, in its order. */
const SHOWN = shownParams(defaultPolicy(2025));

/** The default sheet of 2025 with some 值 cells replaced (by key). */
function gridWith(
  values: Record<string, RawCell>,
  extraRows: RawCell[][] = [],
  year = 2025
): WorkbookGrid {
  const m = policySheetModel(defaultPolicy(year));
  const g = modelGrid(m);
  const rows = g.sheets[0].values;
  for (const [k, v] of Object.entries(values)) {
    const r = rows.findIndex((row) => row[0] === k);
    // a key the default sheet does not show (an A12 ratio of another year): a row the user adds
    if (r < 0) rows.push([k, v]);
    else rows[r][1] = v;
  }
  rows.push(...extraRows);
  return g;
}

/** 1-based sheet row of a key in the default sheet. */
function rowOf(key: string): number {
  return SHOWN.findIndex((d) => d.key === key) + 2;
}

function read(g: WorkbookGrid, fallback = 2025) {
  return readPolicyFromGrid(g, fallback);
}

describe("policySheetModel", () => {
  const m = policySheetModel(defaultPolicy(2025));

  test("a plain table: header in row 1, columns 参数 值 说明 规则 条款 单位 默认值, one row per parameter", () => {
    expect(m.name).toBe("政策参数");
    expect(m.title).toBeNull();
    expect(m.columns.map((c) => c.header)).toEqual([
      "参数",
      "值",
      "说明",
      "规则",
      "条款",
      "单位",
      "默认值",
    ]);
    // every parameter but the A12 ratios of the years 2025 does not use (A.年度补偿.比例.2014 is there)
    expect(m.rows).toHaveLength(SHOWN.length);
    expect(
      m.rows.filter((r) => String(r[0]).startsWith("A.年度补偿.比例.")).map((r) => r[0])
    ).toEqual(["A.年度补偿.比例.2014"]);
    expect(m.freezeHeader).toBe(true);
  });

  test("grouped by rule set in the order 通用, A, B, C, D", () => {
    const sets = m.rows.map((r) => r[3] as string);
    const order = ["通用", "A", "B", "C", "D"];
    const firstIdx = order.map((s) => sets.indexOf(s));
    expect(firstIdx).toEqual([...firstIdx].sort((a, b) => a - b));
    for (let i = 1; i < sets.length; i++)
      expect(order.indexOf(sets[i])).toBeGreaterThanOrEqual(order.indexOf(sets[i - 1]));
  });

  test("unset values are blank and their 说明 says 未设置", () => {
    const tol = m.rows.find((r) => r[0] === "不良容忍度")!;
    expect(tol[1]).toBeNull();
    expect(tol[2]).toMatch(/^未设置/);
    expect(tol[6]).toBe("未设置");
    const unit = m.rows.find((r) => r[0] === "金额单位")!;
    expect(unit[1]).toBe("元");
    expect(unit[2]).not.toMatch(/^未设置/);
  });

  test("values as users type them: amounts in 元, fractions as shares, dates as yyyy-mm-dd, lists joined with 、", () => {
    const row = (k: string) => m.rows.find((r) => r[0] === k)!;
    expect(row("A.末位.黄牌金额")[1]).toBe(1000000);
    expect(row("A.末位.黄牌金额")[5]).toBe("元");
    expect(row("A.末位.黄牌金额")[2]).toContain("金额一律以元填写");
    expect(row("A.容忍度.自然人比例")[1]).toBe(0.1);
    expect(row("评定日期")[1]).toBe("2025-12-31");
    expect(row("A.责任不良.五级分类")[1]).toBe("次级、可疑、损失");
    expect(row("A.一级.最低分")[4]).toBe("第十条");
  });

  test("amounts stay in 元 when the workbook unit is 万元", () => {
    const p = defaultPolicy(2025);
    p.amountUnit = "万元";
    const m2 = policySheetModel(p);
    expect(m2.rows.find((r) => r[0] === "A.末位.黄牌金额")![1]).toBe(1000000);
    const back = read(modelGrid(m2)).policy;
    expect(back.amountUnit).toBe("万元");
    expect(back.a.yellowCardAmount).toBe(1000000);
  });
});

describe("A12 ratios: one row for the year's own formation year, any other year typed by the user", () => {
  test("2025 shows A.年度补偿.比例.2014 only; 2030 shows 2019", () => {
    const keys = (y: number) =>
      policySheetModel(defaultPolicy(y))
        .rows.map((r) => String(r[0]))
        .filter((k) => k.startsWith("A.年度补偿.比例."));
    expect(keys(2025)).toEqual(["A.年度补偿.比例.2014"]);
    expect(keys(2030)).toEqual(["A.年度补偿.比例.2019"]);
  });

  test("a ratio of another year added as a row is read, and shown from then on (the sheet keeps it)", () => {
    const r = read(gridWith({ "A.年度补偿.比例.2014": "40%" }, [["A.年度补偿.比例.2013", "30%"]]));
    expect(r.issues).toEqual([]);
    expect(r.policy.a.annualCompRatios).toEqual({ "2013": 0.3, "2014": 0.4 });
    const again = policySheetModel(r.policy)
      .rows.filter((x) => String(x[0]).startsWith("A.年度补偿.比例."))
      .map((x) => [x[0], x[1]]);
    expect(again).toEqual([
      ["A.年度补偿.比例.2013", 0.3],
      ["A.年度补偿.比例.2014", 0.4],
    ]);
  });
});

describe("round trip sheet → object → sheet", () => {
  test.each([2024, 2025, 2030])("defaults of %i", (y) => {
    const p = defaultPolicy(y);
    const r = read(modelGrid(policySheetModel(p)), 1999);
    expect(r.found).toBe(true);
    expect(r.issues).toEqual([]);
    expect(r.policy).toEqual(p);
  });

  test("a policy with every field changed", () => {
    const p = everyFieldChanged(2026);
    // really every field differs from the defaults
    const d = defaultPolicy(2026);
    const same = POLICY_SCHEMA.filter(
      (x) =>
        x.path[0] !== "year" &&
        JSON.stringify(getAt(p, x.path)) === JSON.stringify(getAt(d, x.path))
    );
    expect(same.map((x) => x.key)).toEqual([]);
    const r = read(modelGrid(policySheetModel(p)));
    expect(r.issues).toEqual([]);
    expect(r.policy).toEqual(p);
    expect(policySheetModel(r.policy)).toEqual(policySheetModel(p));
  });

  test("the table may sit anywhere: another sheet, offset, with columns reordered and extra columns", () => {
    const m = policySheetModel(everyFieldChanged(2027));
    const sheet = modelSheet(m, 3, 2);
    // swap 参数 and 值 and add a column in front
    sheet.values = [["备注"], [], ...sheet.values.map((r) => ["x", r[1], r[0], ...r.slice(2)])];
    sheet.values[0] = ["标题行"];
    sheet.name = "参数表";
    const other = {
      name: "客户经理",
      rowOffset: 0,
      colOffset: 0,
      values: [
        ["员工号", "姓名"],
        ["1", "张三"],
      ],
    };
    const r = read({ sheets: [other, sheet] });
    expect(r.issues).toEqual([]);
    expect(r.policy).toEqual(everyFieldChanged(2027));
  });
});

function getAt(p: Policy, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>(
    (o, k) =>
      o === null || o === undefined ? undefined : (o as Record<string, unknown>)[String(k)],
    p
  );
}

describe("readPolicyFromGrid: invalid sheets give issues, not crashes", () => {
  test("no policy table → defaults of the fallback year, found false, an information", () => {
    const r = read(
      { sheets: [{ name: "客户经理", rowOffset: 0, colOffset: 0, values: [["员工号", "姓名"]] }] },
      2023
    );
    expect(r.found).toBe(false);
    expect(r.policy).toEqual(defaultPolicy(2023));
    expect(r.issues.map((i) => i.severity)).toEqual(["info"]);
  });

  test("text in a number → error at the 值 cell, default used", () => {
    const r = read(gridWith({ "A.一级.最低分": "九十分" }));
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({
      sheet: "政策参数",
      cell: `B${rowOf("A.一级.最低分")}`,
      severity: "error",
      rule: "POLICY.value",
    });
    expect(r.issues[0].message).toContain("不是数值");
    expect(r.issues[0].message).toContain("已使用默认值 90");
    expect(r.policy.a.grades[0].minScore).toBe(90);
  });

  test("numbers typed as text are accepted: 1,000,000 / full-width / 100万 / 5% for a share", () => {
    const r = read(
      gridWith({
        "A.末位.黄牌金额": "1,200,000",
        "A.笔数.基础分": "２５",
        "D.大额起点": "600万",
        "A.容忍度.自然人比例": "12%",
        不良容忍度: "1.5%",
      })
    );
    expect(r.issues).toEqual([]);
    expect(r.policy.a.yellowCardAmount).toBe(1200000);
    expect(r.policy.a.countBase).toBe(25);
    expect(r.policy.d.largeAmount).toBe(6000000);
    expect(r.policy.a.toleranceNaturalRate).toBe(0.12);
    expect(r.policy.nplToleranceRatePct).toBe(1.5);
  });

  test("out of range → error, default used; a share typed as a percent names the share", () => {
    const r = read(gridWith({ "A.笔数.基础分": -5, "A.容忍度.企业比例": 5 }));
    const byCell = Object.fromEntries(r.issues.map((i) => [i.cell, i]));
    expect(byCell[`B${rowOf("A.笔数.基础分")}`]).toMatchObject({ severity: "error" });
    expect(byCell[`B${rowOf("A.笔数.基础分")}`].message).toContain("超出范围");
    expect(byCell[`B${rowOf("A.容忍度.企业比例")}`].message).toContain("请填 0.05 或 5%");
    expect(r.policy.a.countBase).toBe(20);
    expect(r.policy.a.toleranceEnterpriseRate).toBe(0.05);
  });

  test("不良容忍度 120 → warning naming 1.2, the value is not used (unset)", () => {
    const r = read(gridWith({ 不良容忍度: 120 }));
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({
      cell: `B${rowOf("不良容忍度")}`,
      severity: "warning",
      rule: "POLICY.scale",
    });
    expect(r.issues[0].message).toContain("可能应为 1.2");
    expect(r.policy.nplToleranceRatePct).toBeNull();
  });

  test("不良容忍度 0.012 (a fraction typed as a rate) → warning naming 1.2; 1.2 itself is quiet", () => {
    const r = read(gridWith({ 不良容忍度: 0.012 }));
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ severity: "warning", rule: "POLICY.scale" });
    expect(r.issues[0].message).toContain("是否应为 1.2");
    expect(r.policy.nplToleranceRatePct).toBe(0.012);
    const ok = read(gridWith({ 不良容忍度: 1.2 }));
    expect(ok.issues).toEqual([]);
    expect(ok.policy.nplToleranceRatePct).toBe(1.2);
  });

  test("美元兑人民币汇率 0.14 (typed the other way round) → warning naming about 7.14", () => {
    const r = read(gridWith({ 美元兑人民币汇率: 0.14 }));
    expect(r.issues[0].severity).toBe("warning");
    expect(r.issues[0].message).toContain("7.14286");
  });

  test("unknown key → warning at the key cell; a value without a key → warning", () => {
    const n = SHOWN.length + 2;
    const r = read(
      gridWith({}, [
        ["A.一级最低分数", 95],
        [null, 3],
      ])
    );
    expect(r.issues.map((i) => [i.cell, i.severity, i.rule])).toEqual([
      [`A${n}`, "warning", "POLICY.unknown"],
      [`A${n + 1}`, "warning", "POLICY.key"],
    ]);
    expect(r.policy).toEqual(defaultPolicy(2025));
  });

  test("duplicate key → error at the repeated row, the first value is used", () => {
    const n = SHOWN.length + 2;
    const r = read(gridWith({ "A.笔数.基础分": 22 }, [["A.笔数.基础分", 30]]));
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({
      cell: `A${n}`,
      severity: "error",
      rule: "POLICY.duplicate",
    });
    expect(r.issues[0].message).toContain(`A${rowOf("A.笔数.基础分")}`);
    expect(r.policy.a.countBase).toBe(22);
  });

  test("blank value of a non-nullable key → error, default used; blank nullable → unset, no issue", () => {
    const r = read(
      gridWith({ "A.笔数.最高分": null, "A.质量.最高分": null, "B.三级.单户日均存款": "" })
    );
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ cell: `B${rowOf("A.笔数.最高分")}`, severity: "error" });
    expect(r.issues[0].message).toContain("不能为空");
    expect(r.policy.a.countMax).toBe(30);
    expect(r.policy.a.qualityMax).toBeNull();
  });

  test("wrong enum, bad date, Excel error value, a date in a number cell", () => {
    const r = read(
      gridWith({
        金额单位: "千元",
        评定日期: "2025-02-30",
        "A.退出.男性年龄": "#N/A",
        "A.笔数.最低分": new Date(Date.UTC(2025, 0, 1)) as unknown as RawCell,
      })
    );
    expect(r.issues.map((i) => i.cell).sort()).toEqual(
      [
        `B${rowOf("金额单位")}`,
        `B${rowOf("评定日期")}`,
        `B${rowOf("A.退出.男性年龄")}`,
        `B${rowOf("A.笔数.最低分")}`,
      ].sort()
    );
    expect(r.issues.every((i) => i.severity === "error")).toBe(true);
    expect(r.policy).toEqual(defaultPolicy(2025));
  });

  test("grade minima not descending → error, the grade minima take their defaults", () => {
    const r = read(gridWith({ "A.二级.最低分": 95 }));
    const e = r.issues.filter((i) => i.severity === "error");
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ rule: "POLICY.order" });
    expect(e[0].message).toContain("从高到低");
    expect(r.policy.a.grades.map((g) => g.minScore)).toEqual([90, 75, 60]);
  });

  test("bands and buckets not ascending → errors and defaults", () => {
    const r = read(gridWith({ "A.超容忍度.档1.上限": 0.6, "A.买断.档2.截止年份": 2004 }));
    expect(r.issues.filter((i) => i.severity === "error")).toHaveLength(2);
    expect(r.policy.a.overTolBands).toEqual(defaultPolicy(2025).a.overTolBands);
    expect(r.policy.a.buyoutBuckets).toEqual(defaultPolicy(2025).a.buyoutBuckets);
  });

  test("年度 missing → fallback year and its 31 December; 年度 set → that year's defaults", () => {
    const g = gridWith({});
    g.sheets[0].values.splice(rowOf("年度") - 1, 1);
    g.sheets[0].values.splice(rowOf("评定日期") - 2, 1);
    const r = read(g, 2031);
    expect(r.policy.year).toBe(2031);
    expect(r.policy.assessmentDate).toBe("2031-12-31");
    expect(r.issues.map((i) => i.severity)).toEqual(["info"]);
    expect(r.issues[0].message).toContain("缺少 2 个参数（年度、评定日期）");
    const r2 = read(gridWith({ 年度: "2024年", 评定日期: null }));
    expect(r2.policy.year).toBe(2024);
    expect(r2.policy.assessmentDate).toBe("2024-12-31");
    expect(r2.issues.map((i) => i.cell)).toEqual([`B${rowOf("评定日期")}`]);
  });

  test("a bad 年度 → error, fallback year used", () => {
    const r = read(gridWith({ 年度: "明年" }), 2026);
    expect(r.policy.year).toBe(2026);
    expect(r.issues[0]).toMatchObject({ cell: `B${rowOf("年度")}`, severity: "error" });
  });

  test("评定日期 outside 年度 → warning; Excel date serial accepted", () => {
    const r = read(gridWith({ 评定日期: 46022 }));
    expect(r.policy.assessmentDate).toBe("2025-12-31");
    expect(r.issues).toEqual([]);
    const w = read(gridWith({ 评定日期: "2026/3/1" }));
    expect(w.policy.assessmentDate).toBe("2026-03-01");
    expect(w.issues).toMatchObject([{ severity: "warning", cell: `B${rowOf("评定日期")}` }]);
  });

  test("a list parameter accepts any separator, rejects unknown classes", () => {
    expect(read(gridWith({ "A.责任不良.五级分类": "损失, 可疑" })).policy.a.nplClasses).toEqual([
      "可疑",
      "损失",
    ]);
    const bad = read(gridWith({ "A.责任不良.五级分类": "可疑、坏账" }));
    expect(bad.issues[0].severity).toBe("error");
    expect(bad.policy.a.nplClasses).toEqual(["次级", "可疑", "损失"]);
  });

  test("never a NaN or an Infinity in the policy read from garbage", () => {
    const garbage: Record<string, RawCell> = {};
    for (const d of POLICY_SCHEMA) if (d.key !== "年度") garbage[d.key] = "Infinity";
    const r = read(gridWith(garbage));
    const nums: number[] = [];
    JSON.stringify(r.policy, (_k, v) => (typeof v === "number" && nums.push(v), v));
    expect(nums.every(Number.isFinite)).toBe(true);
    expect(r.issues.filter((i) => i.severity === "error").length).toBe(
      POLICY_SCHEMA.filter((d) => d.key !== "年度" && d.type !== "text").length
    );
    expect(paramByKey("B.高级.行员等级")).toBeDefined();
  });
});

/**
 * Issue 15 item 4: column-level plausibility warnings (one per column, never per cell), each
 * naming the likely fix; both sides of every threshold of PLAUSIBILITY.
 */
import { defaultPolicy } from "../../src/policy/defaults";
import { readPolicyFromGrid } from "../../src/policy/sheet";
import type { SheetGrid, WorkbookGrid } from "../../src/core/grid";
import { PLAUSIBILITY } from "../../src/reader/plausible";
import { validateWorkbook } from "../../src/reader/validate";

function grid(...sheets: [string, unknown[][]][]): WorkbookGrid {
  return {
    sheets: sheets.map(([name, values]) => ({
      name,
      values: values as SheetGrid["values"],
      rowOffset: 0,
      colOffset: 0,
    })),
  };
}
const POLICY = (unit: string): [string, unknown[][]] => [
  "政策参数",
  [
    ["参数", "值"],
    ["年度", 2025],
    ["金额单位", unit],
  ],
];
const plausible = (g: WorkbookGrid) =>
  validateWorkbook(g).filter((i) => i.rule.startsWith("PLAUSIBLE."));

function customers(header: string, values: number[]): [string, unknown[][]] {
  return [
    "公司客户",
    [["客户名称", "客户经理", header], ...values.map((v, i) => [`客户${i}`, "C01", v])],
  ];
}

describe("amounts in the other unit (PLAUSIBILITY.amounts)", () => {
  test("corporate daily deposits mostly under 10,000 in a 元 workbook → likely 万元: one warning at the header, naming both fixes", () => {
    const w = plausible(grid(POLICY("元"), customers("日均存款", [5000, 800, 12000])));
    expect(w.map((i) => [i.sheet, i.cell, i.severity, i.rule])).toEqual([
      ["公司客户", "C1", "warning", "PLAUSIBLE.unit"],
    ]);
    expect(w[0].message).toBe(
      "“日均存款”列 3 个非零值中 2 个小于 10,000（中位数 5,000），金额单位为元时似乎太小：是否按万元填写？若是，请把表头写成“日均存款（万元）”，或把政策参数“金额单位”设为 万元"
    );
  });

  test("the boundary: exactly 10,000 is not below; half of the values is not 'mostly'; zeros are not counted", () => {
    expect(plausible(grid(POLICY("元"), customers("日均存款", [10000, 10000])))).toEqual([]);
    expect(plausible(grid(POLICY("元"), customers("日均存款", [9999.99, 20000000])))).toEqual([]);
    expect(
      plausible(grid(POLICY("元"), customers("日均存款", [9999.99, 9999.99, 20000000])))
    ).toHaveLength(1);
    expect(plausible(grid(POLICY("元"), customers("日均存款", [0, 0, 20000000])))).toEqual([]);
  });

  test("mostly above 100,000 in a 万元 workbook → likely 元; exactly 100,000 万元 is not above", () => {
    const w = plausible(grid(POLICY("万元"), customers("日均贷款", [5000000, 3000000])));
    expect(w.map((i) => i.cell)).toEqual(["C1"]);
    expect(w[0].message).toContain(
      "金额单位为万元时似乎太大：是否按元填写？若是，请把表头写成“日均贷款（元）”，或把政策参数“金额单位”设为 元"
    );
    expect(plausible(grid(POLICY("万元"), customers("日均贷款", [100000, 100000])))).toEqual([]);
    expect(plausible(grid(POLICY("万元"), customers("日均贷款", [500, 2000])))).toEqual([]);
  });

  test("a unit stated in the header is the one judged, and the fix is the header", () => {
    const w = plausible(grid(POLICY("元"), customers("日均存款（元）", [300, 500])));
    expect(w[0].message).toContain("表头注明元时似乎太小");
    expect(w[0].message).toContain("若是，请把表头改为“日均存款（万元）”");
    expect(plausible(grid(POLICY("元"), customers("日均存款（万元）", [300, 500])))).toEqual([]);
  });

  test("loan ledger: a balance under 1,000 元 (both sides), one warning per column", () => {
    const loans = (v: number[]): [string, unknown[][]] => [
      "贷款台账",
      [["贷款编号", "发放金额", "贷款余额"], ...v.map((x, i) => [`L${i}`, x, x])],
    ];
    expect(plausible(grid(POLICY("元"), loans([50, 80, 30]))).map((i) => i.cell)).toEqual([
      "B1",
      "C1",
    ]);
    expect(plausible(grid(POLICY("元"), loans([1000, 1000])))).toEqual([]);
  });

  test("a CM's managed loans: under 10,000 元, over 1,000,000 万元", () => {
    const cms = (v: number[]): [string, unknown[][]] => [
      "客户经理",
      [["员工号", "姓名", "年末管理贷款总额"], ...v.map((x, i) => [`E${i}`, `人${i}`, x])],
    ];
    expect(plausible(grid(POLICY("元"), cms([1200, 900]))).map((i) => i.cell)).toEqual(["C1"]);
    expect(plausible(grid(POLICY("万元"), cms([1200, 900])))).toEqual([]);
    expect(plausible(grid(POLICY("万元"), cms([1000001, 2000000]))).map((i) => i.cell)).toEqual([
      "C1",
    ]);
    expect(plausible(grid(POLICY("万元"), cms([1000000, 1000000])))).toEqual([]);
  });
});

describe("shares on mixed scales (正常类贷款占比, 上年正常类贷款占比, in %)", () => {
  const cms = (rows: [number | null, number | null][]): [string, unknown[][]] => [
    "客户经理",
    [
      ["员工号", "姓名", "正常类贷款占比", "上年正常类贷款占比"],
      ...rows.map(([a, b], i) => [`E${i}`, `人${i}`, a, b]),
    ],
  ];

  test("0.99 beside 98.5 in one column: one warning for the column, naming the value, its cell and the fix", () => {
    const w = plausible(
      grid(
        POLICY("元"),
        cms([
          [0.99, 97],
          [98.5, 97],
          [97, 96],
        ])
      )
    );
    expect(w.map((i) => [i.cell, i.rule])).toEqual([["C1", "PLAUSIBLE.scale"]]);
    expect(w[0].message).toBe(
      "“正常类贷款占比”列混用了小数和百分数：1 个值在 0–1 之间（如 0.99（C2）），其余 2 个为百分数（如 98.5）；请都按百分数填写（95 表示 95%，0.99 应写 99）"
    );
  });

  test("the boundary: 1 reads as a fraction, 1.01 as a percent; 0 is not counted; percents alone are fine", () => {
    expect(
      plausible(
        grid(
          POLICY("元"),
          cms([
            [1, 97],
            [98, 97],
          ])
        )
      ).map((i) => i.cell)
    ).toEqual(["C1"]);
    expect(
      plausible(
        grid(
          POLICY("元"),
          cms([
            [1.01, 97],
            [98, 97],
          ])
        )
      )
    ).toEqual([]);
    expect(
      plausible(
        grid(
          POLICY("元"),
          cms([
            [0, 97],
            [98, 97],
          ])
        )
      )
    ).toEqual([]);
    expect(PLAUSIBILITY.fractionMax).toBe(1);
  });

  test("a column all fractions beside a percent column; both columns all fractions", () => {
    const a = plausible(
      grid(
        POLICY("元"),
        cms([
          [0.99, 97],
          [0.98, 96],
        ])
      )
    );
    expect(a.map((i) => i.cell)).toEqual(["C1"]);
    expect(a[0].message).toContain("而另一占比列为百分数");
    const b = plausible(
      grid(
        POLICY("元"),
        cms([
          [0.99, 0.97],
          [0.98, 0.96],
        ])
      )
    );
    expect(b.map((i) => i.cell)).toEqual(["C1", "D1"]);
    expect(b[0].message).toContain("似乎按小数填写");
  });
});

describe("不良容忍度 that looks like a fraction or like 120 (the policy's typical range, 0.1–10 %)", () => {
  const tol = (v: number) =>
    readPolicyFromGrid(
      grid([
        "政策参数",
        [
          ["参数", "值"],
          ["年度", 2025],
          ["不良容忍度", v],
        ],
      ]),
      2025
    );
  test("0.012 (a fraction for 1.2%) → a warning naming 1.2, the value kept", () => {
    const r = tol(0.012);
    expect(r.issues.filter((i) => i.rule === "POLICY.scale").map((i) => i.message)).toEqual([
      expect.stringContaining("是否应为 1.2？"),
    ]);
  });
  test("120 → a warning naming 1.2, the value not used", () => {
    const r = tol(120);
    expect(r.issues.filter((i) => i.rule === "POLICY.scale").map((i) => i.message)).toEqual([
      expect.stringContaining("可能应为 1.2"),
    ]);
    expect(r.policy.nplToleranceRatePct).toBe(defaultPolicy(2025).nplToleranceRatePct);
  });
  test("the edges of the typical range: 0.1 and 10 pass, 0.09 and 10.5 are questioned", () => {
    expect(tol(0.1).issues.some((i) => i.rule === "POLICY.scale")).toBe(false);
    expect(tol(10).issues.some((i) => i.rule === "POLICY.scale")).toBe(false);
    expect(tol(0.09).issues.some((i) => i.rule === "POLICY.scale")).toBe(true);
    expect(tol(10.5).issues.some((i) => i.rule === "POLICY.scale")).toBe(true);
  });
});

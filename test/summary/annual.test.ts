/** 年度赔偿 (RULES.md A12 rev 2): per CM the loans formed in Y − 11, base, ratio, amount, CM totals. */
import { ANNUAL_HEADERS } from "../../src/summary/annual";
import { availabilityOfGrid } from "../../src/summary/availability";
import { SUMMARIES } from "../../src/summary/common";
import { SUMMARY_NAMES } from "../../src/cli/commands/summarize";
import { defaultPolicy } from "../../src/policy/defaults";
import type { Policy } from "../../src/policy/types";
import { build, grid, model, pick, Rows, toWan } from "./helpers";

const MANAGERS: Rows = [
  ["员工号", "姓名"],
  ["E1", "张一"],
  ["E2", "李二"],
];
const HEAD = [
  "贷款编号",
  "第一责任人",
  "发放日期",
  "到期日期",
  "贷款余额",
  "担保方式",
  "五级分类",
  "逾期天数",
  "形成不良年份",
  "免责金额",
];
const LOANS: Rows = [
  HEAD,
  ["A1", "E1", "2013-01-01", "2014-01-01", 100000, "保证", "损失", 4000, 2014, 30000],
  ["A2", "E1", "2013-02-01", "2014-02-01", 50000, "保证", "可疑", 4000, 2014, null],
  ["B1", "E2", "2013-03-01", "2014-03-01", 80000, "信用", "损失", 4000, 2014, 80000],
  ["C1", "E2", "2012-01-01", "2013-01-01", 70000, "保证", "损失", 4000, 2013, null],
  ["D1", "E1", "2013-01-01", "2014-01-01", 10000, "保证", "损失", 4000, 2014, 10000.01],
];

function policy(ratios: Record<string, number>, unit: "元" | "万元" = "元"): Policy {
  const p: Policy = JSON.parse(JSON.stringify(defaultPolicy(2025)));
  p.a.annualCompRatios = ratios;
  p.amountUnit = unit;
  return p;
}

const COLS = [
  "员工号",
  "姓名",
  "贷款编号",
  "形成不良年份",
  "贷款余额",
  "免责金额",
  "基数",
  "比例",
  "赔偿金额",
];

describe("年度赔偿", () => {
  test("registered like every summary: id, sheet name, CLI list, availability", () => {
    expect(SUMMARIES.find((s) => s.id === "annual")?.name).toBe("年度赔偿");
    expect(SUMMARY_NAMES).toContain("年度赔偿");
    expect(availabilityOfGrid(grid({ 贷款台账: LOANS })).annual.available).toBe(true);
    const a = availabilityOfGrid(
      grid({
        贷款台账: [
          ["贷款编号", "第一责任人"],
          ["X", "E1"],
        ],
      })
    ).annual;
    expect(a.available).toBe(false);
    expect(a.reasonZh).toContain("形成不良年份");
  });

  test("2025: the loans of 2014 per CM, base after exemption, 40% → amounts computed by hand; CM totals", () => {
    const r = build({ 客户经理: MANAGERS, 贷款台账: LOANS }, { policy: policy({ "2014": 0.4 }) });
    const m = model(r, "年度赔偿");
    expect(m.columns.map((c) => c.header)).toEqual([...ANNUAL_HEADERS]);
    const rows = m.rows.map((_, i) => pick(m, i, COLS));
    expect(rows).toEqual([
      // A1: (100,000 − 30,000) × 40% = 28,000; A2: 50,000 × 40% = 20,000
      ["E1", "张一", "A1", 2014, 100000, 30000, 70000, 0.4, 28000],
      ["E1", "张一", "A2", 2014, 50000, null, 50000, 0.4, 20000],
      ["E1", "张一", "合计", null, 150000, 30000, 120000, 0.4, 48000],
      // B1: fully exempted → 0
      ["E2", "李二", "B1", 2014, 80000, 80000, 0, 0.4, 0],
      ["E2", "李二", "合计", null, 80000, 80000, 0, 0.4, 0],
      // D1: exemption above the balance → listed, not computed
      ["E1", "张一", "D1", 2014, 10000, 10000.01, null, null, null],
    ]);
    expect(m.totalRows).toEqual([2, 4]);
    expect(String(pick(m, 5, ["说明"])[0])).toContain(
      "免责金额 10,000.01 元大于贷款余额 10,000.00 元"
    );
    expect(
      r.issues.some((i) => i.rule === "A12.未计算" && i.cell === "A6" && i.message.includes("D1"))
    ).toBe(true);
    expect(String(pick(m, 0, ["说明"])[0])).toContain("[第三十六条]");
    expect(m.notes!.map((n) => n[1]).join("\n")).toContain("2025 年赔偿 2025 − 11 = 2014 年形成");
    expect(r.explanations.annual?.["E1|A1"]?.length).toBeGreaterThan(0);
  });

  test("ratio unset (the built-in policy): loans and bases listed, amounts blank, the key to set named", () => {
    const m = model(
      build({ 客户经理: MANAGERS, 贷款台账: LOANS.slice(0, 3) }, { policy: policy({}) }),
      "年度赔偿"
    );
    expect(m.rows.map((_, i) => pick(m, i, ["贷款编号", "基数", "比例", "赔偿金额"]))).toEqual([
      ["A1", 70000, null, null],
      ["A2", 50000, null, null],
      ["合计", 120000, null, null],
    ]);
    expect(String(pick(m, 0, ["说明"])[0])).toContain("买断比例未设置");
    expect(m.notes!.map((n) => n[1]).join("\n")).toContain("A.年度补偿.比例.2014");
  });

  test("2021 buys out 2010: the base is the balance, the exemption does not apply", () => {
    const p = policy({ "2010": 0.5 });
    p.year = 2021;
    p.assessmentDate = "2021-12-31";
    const loans: Rows = [
      HEAD,
      ["O1", "E1", "2009-01-01", "2010-01-01", 100000, "保证", "损失", 4000, 2010, 30000],
    ];
    const m = model(build({ 客户经理: MANAGERS, 贷款台账: loans }, { policy: p }), "年度赔偿");
    expect(pick(m, 0, ["基数", "赔偿金额"])).toEqual([100000, 50000]);
    expect(pick(m, 1, ["免责金额"])).toEqual([0]);
  });

  test("万元 workbook: 10 − 3 万元 at 40% = 2.8 万元", () => {
    const wan = toWan(LOANS.slice(0, 2), [4, 9]);
    const m = model(
      build({ 客户经理: MANAGERS, 贷款台账: wan }, { policy: policy({ "2014": 0.4 }, "万元") }),
      "年度赔偿"
    );
    expect(pick(m, 0, ["贷款余额", "免责金额", "基数", "赔偿金额"])).toEqual([10, 3, 7, 2.8]);
  });

  test("no loan of the year: says so; no 免责金额 column: a notice, bases = balances", () => {
    const noneOf2014: Rows = [
      HEAD.slice(0, 9),
      ["C1", "E2", "2012-01-01", "2013-01-01", 70000, "保证", "损失", 4000, 2013],
    ];
    const m = model(
      build({ 贷款台账: noneOf2014 }, { policy: policy({ "2014": 0.4 }) }),
      "年度赔偿"
    );
    expect(m.rows).toEqual([]);
    const notes = m.notes!.map((n) => n[1]).join("\n");
    expect(notes).toContain("没有 2014 年形成的责任不良贷款");
    expect(notes).toContain("“贷款台账”表无“免责金额”列");
  });
});

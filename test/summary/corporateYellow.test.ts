/**
 * (issue 18) 公司客户经理等级 · 黄牌 (RULES.md B5, 第二十一条 二、三) and, with last year's
 * 公司客户经理等级, a second consecutive yellow card → 解聘 candidate (第二十二条 五). Hand-worked:
 * the pass line of a level other than 见习 is 15,000,000 元 over customers of 500,000 元 and more.
 */
import { corporateYellowCard, yellowCardText } from "../../src/rules/b/yellow";
import { readPrevious } from "../../src/reader/previous";
import { checkWorkbook } from "../../src/summary/readiness";
import { build, CUSTOMER_HEADER, grid, model, pick, policy2025, Rows } from "./helpers";

const HEAD = [
  "员工号",
  "姓名",
  "首次任职日期",
  "现等级",
  "年度考核结果",
  "连续营销年限",
  "升等考试通过",
  "连续两年后三名",
  "完成主要业务指标",
  "正常类贷款占比",
  "上年正常类贷款占比",
  "诫勉中",
  "见习考试合格",
];
const cm = (id: string, level: string, assessment: string | null) => [
  id,
  `名${id}`,
  "2015-03-01",
  level,
  assessment,
  5,
  "否",
  "否",
  "是",
  98,
  97,
  "否",
  null,
];
const MANAGERS: Rows = [
  HEAD,
  cm("Y1", "二级", "称职"),
  cm("Y2", "二级", "不称职"),
  cm("Y3", "三级", "称职"),
  cm("Y4", "三级", "不称职"),
  cm("Y5", "三级", null),
];
const cust = (name: string, id: string, deposits: number) => [
  name,
  id,
  deposits,
  0,
  0,
  0,
  "否",
  "否",
  "否",
];
const CUSTOMERS: Rows = [
  [...CUSTOMER_HEADER],
  // Y1 and Y2: 80,000,000 ≥ 15,000,000 — the pass line met
  cust("一公司", "Y1", 80000000),
  cust("二公司", "Y2", 80000000),
  // Y3: 14,000,000 + a 400,000 customer not counted (< 500,000) = 14,000,000 < 15,000,000
  cust("三公司", "Y3", 14000000),
  cust("三小公司", "Y3", 400000),
  cust("四公司", "Y4", 1000000),
  cust("五公司", "Y5", 1000000),
];

test("the rule: 不称职, below the pass line, both; a card last year too → 解聘 (policy: 2 years)", () => {
  const p = policy2025();
  const none = corporateYellowCard(
    { assessment: "称职", passLineMet: true, priorYellowYears: 0 },
    p
  );
  expect(none.yellow).toBe(false);
  expect(yellowCardText(none)).toBeNull();
  const a = corporateYellowCard(
    { assessment: "不称职", passLineMet: true, priorYellowYears: 0 },
    p
  );
  expect(yellowCardText(a)).toBe("是（不称职，第二十一条）");
  expect(a.dismiss).toBe(false);
  const both = corporateYellowCard(
    { assessment: "不称职", passLineMet: false, priorYellowYears: 1 },
    p
  );
  expect(yellowCardText(both)).toBe("是（不称职、低于最低及格线，第二十一条）");
  expect([both.dismiss, both.years]).toEqual([true, 2]);
  // a card last year but none this year: no 解聘
  const clean = corporateYellowCard(
    { assessment: "基本称职", passLineMet: true, priorYellowYears: 1 },
    p
  );
  expect([clean.yellow, clean.dismiss]).toEqual([false, false]);
  // the number of years comes from the policy
  const three = { ...p, b: { ...p.b, dismissYellowYears: 3 } };
  expect(
    corporateYellowCard({ assessment: "不称职", passLineMet: true, priorYellowYears: 1 }, three)
      .dismiss
  ).toBe(false);
});

describe("公司客户经理等级 · 黄牌", () => {
  const r = build({ 客户经理: MANAGERS, 公司客户: CUSTOMERS });
  const m = model(r, "公司客户经理等级");
  const yellow = (id: string) =>
    pick(
      m,
      m.rows.findIndex((x) => x[0] === id),
      ["黄牌"]
    )[0];

  test("before 说明 (说明, 距上一级别 stay last); per CM", () => {
    expect(m.columns.slice(-3).map((c) => c.header)).toEqual(["黄牌", "说明", "距上一级别"]);
    expect(yellow("Y1")).toBeNull();
    expect(yellow("Y2")).toBe("是（不称职，第二十一条）");
    expect(yellow("Y3")).toBe("是（低于最低及格线，第二十一条）");
    expect(yellow("Y4")).toBe("是（不称职、低于最低及格线，第二十一条）");
    // Y5 not assessed (年度考核结果 blank): no 黄牌, 说明 says why
    expect(yellow("Y5")).toBeNull();
    // explained: the 黄牌 steps follow the CM's own
    expect(r.explanations.corporate?.["Y4"]?.map((s) => s.code).slice(-2)).toEqual([
      "B_YELLOW_ASSESSMENT",
      "B_YELLOW_PASSLINE",
    ]);
    expect(r.explanations.corporate?.["Y1"]?.some((s) => s.code.startsWith("B_YELLOW"))).toBe(
      false
    );
    expect(String(pick(m, 4, ["说明"])[0])).toContain("年度考核结果为空");
  });

  test("the notes say the quarterly tasks' card is typed (the policy's quarters)", () => {
    const lines = m.notes!.map((n) => String(n[1]));
    expect(lines).toContain(
      "黄牌：年度考核不称职、低于最低及格线时为“是”（第二十一条 二、三）；连续 2 个季度未完成任务（第二十一条 一）不在工作簿中，须另行填写"
    );
    expect(r.issues.filter((i) => i.rule === "B5.连续黄牌")).toEqual([]);
  });
});

describe("two years: last year's 黄牌 and this year's", () => {
  const LAST: Rows = [
    ["公司客户经理等级评定｜政策年度 2024", null, null, null, null],
    ["员工号", "姓名", "决定", "新等级", "黄牌"],
    ["Y1", "名Y1", "续聘", "二级", "是（不称职，第二十一条）"],
    ["Y2", "名Y2", "续聘", "二级", "是（低于最低及格线，第二十一条）"],
    ["Y3", "名Y3", "续聘", "三级", "是"], // typed: the quarterly tasks
    ["Y4", "名Y4", "续聘", "二级", null], // this year typed 三级: PREV.disagree
    ["Y5", "名Y5", "续聘", "三级", "也许"],
  ];

  test("the reader: 是（…）, typed 是, blank = none, a bad cell reported; older tables without the column", () => {
    const read = readPrevious(grid({ 上年公司客户经理等级: LAST }), policy2025(), {
      inWorkbook: true,
    });
    const c = read.lastYear!.corporate!;
    expect(["Y1", "Y2", "Y3", "Y4"].map((id) => c.get(id)!.yellow!.value)).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(c.get("Y5")!.yellow).toBeNull();
    expect(c.get("Y5")!.level).toBe("三级");
    expect(read.issues.map((i) => [i.rule, i.cell])).toEqual([["PREV.cell", "E7"]]);
    const old = readPrevious(
      grid({ 上年公司客户经理等级: LAST.map((row) => row.slice(0, 4)) }),
      policy2025(),
      { inWorkbook: true }
    );
    expect(old.lastYear!.corporate!.get("Y1")!.yellow).toBeUndefined();
  });

  test("Y2 and Y3 (a card both years): a warning at last year's cell and a note; Y1 (none this year) and Y4 (none last year) not", () => {
    const r = build({ 客户经理: MANAGERS, 公司客户: CUSTOMERS, 上年公司客户经理等级: LAST });
    const w = r.issues.filter((i) => i.rule === "B5.连续黄牌");
    expect(w.map((i) => [i.sheet, i.cell, i.severity])).toEqual([
      ["上年公司客户经理等级", "E4", "warning"],
      ["上年公司客户经理等级", "E5", "warning"],
    ]);
    expect(w[0].message).toBe(
      "名Y2（Y2）上年、本年连续 2 年黄牌警告（第二十一条）：解聘候选（第二十二条 五），请按规定复核"
    );
    const lines = model(r, "公司客户经理等级").notes!.map((n) => String(n[1]));
    expect(lines).toEqual(expect.arrayContaining(w.map((i) => i.message)));
  });
});

describe("validate (checkWorkbook) reports the PREV.* issues summarize gives", () => {
  const LAST: Rows = [
    ["员工号", "姓名", "决定", "新等级", "黄牌"],
    ["Y2", "名Y2", "续聘", "二级", "是"],
    ["Y4", "名Y4", "续聘", "二级", "也许"],
  ];
  const sheets = { 客户经理: MANAGERS, 公司客户: CUSTOMERS, 上年公司客户经理等级: LAST };
  const prev = (issues: readonly { rule: string; sheet: string; cell: string }[]) =>
    issues.filter((i) => i.rule.startsWith("PREV.")).map((i) => [i.rule, i.sheet, i.cell]);

  test("the workbook's 上年… sheets: a bad cell and a disagreement, as summarize", () => {
    const check = checkWorkbook(grid(sheets), policy2025());
    expect(prev(check.issues)).toEqual([
      ["PREV.disagree", "客户经理", "D5"],
      ["PREV.cell", "上年公司客户经理等级", "E3"],
    ]);
    expect(prev(build(sheets).issues)).toEqual(prev(check.issues));
    // warnings: the ready line is unchanged
    expect(check.ready.ready).toBe(true);
  });

  test("without 上年… sheets: none", () => {
    const check = checkWorkbook(grid({ 客户经理: MANAGERS, 公司客户: CUSTOMERS }), policy2025());
    expect(prev(check.issues)).toEqual([]);
  });

  test("last year's file given (validate --previous): its issues, and the workbook's own sheets said unused", () => {
    const file = readPrevious(grid({ 公司客户经理等级: LAST }), policy2025(), {
      inWorkbook: false,
      source: "last.xlsx",
    });
    const check = checkWorkbook(grid(sheets), policy2025(), { previous: () => file });
    expect(prev(check.issues)).toEqual([
      ["PREV.unused", "", ""],
      ["PREV.disagree", "客户经理", "D5"],
      ["PREV.cell", "[last.xlsx]公司客户经理等级", "E3"],
    ]);
  });
});

test("validate: a 客户经理 column filled from last year's tables makes the summary, not skipped (as summarize)", () => {
  const k = HEAD.indexOf("上年正常类贷款占比");
  const without = MANAGERS.map((row) => row.filter((_, c) => c !== k));
  const skipped = (issues: readonly { rule: string; message: string }[]) =>
    issues.filter((i) => i.rule === "SUMMARY.skipped" && i.message.includes("公司客户经理等级"));
  expect(
    skipped(checkWorkbook(grid({ 客户经理: without, 公司客户: CUSTOMERS }), policy2025()).issues)
  ).toHaveLength(1);
  const LAST_MANAGERS: Rows = [
    ["员工号", "姓名", "正常类贷款占比"],
    ...["Y1", "Y2", "Y3", "Y4", "Y5"].map((id) => [id, `名${id}`, 97]),
  ];
  const sheets = { 客户经理: without, 公司客户: CUSTOMERS, 上年客户经理: LAST_MANAGERS };
  const check = checkWorkbook(grid(sheets), policy2025());
  expect(skipped(check.issues)).toEqual([]);
  expect(check.issues.find((i) => i.rule === "PREV.derived")?.message).toBe(
    "由本工作簿的上年表补入本表空白的：上年正常类贷款占比 5 人（填写的值不被替换）"
  );
  expect(build(sheets).skipped.map((s) => s.name)).not.toContain("公司客户经理等级");
});

/**
 * 公司客户经理等级, 差错积分汇总, 预警时效, 校验结果, availability and the entry point on
 * small hand-made workbooks.
 */
import { CORPORATE_HEADERS, levelConditionText } from "../../src/summary/corporate";
import { ERROR_POINTS_HEADERS } from "../../src/summary/errorPoints";
import { WARNINGS_HEADERS } from "../../src/summary/warnings";
import { availabilityOfGrid } from "../../src/summary/availability";
import { selectSummaries } from "../../src/summary/build";
import { readWorkbook } from "../../src/reader/read";
import { rejectedText, summaryIdOf, summaryTitle, summaryDef } from "../../src/summary/common";
import {
  build,
  CUSTOMER_HEADER,
  formatOf,
  grid,
  model,
  NOW,
  pick,
  policy2025,
  Rows,
} from "./helpers";

const CORP_MANAGERS: Rows = [
  // rev 2: 见习考试合格 — K1's trainee period ended on 2025-03-01 (首次任职日期 + 1 year)
  [
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
  ],
  ["K1", "甲", "2024-03-01", "见习", "称职", 1, "否", "否", "是", 98, 97, "否", "是"],
  ["K2", "乙", "2015-03-01", "二级", "称职", 5, "否", "否", "是", 98, 97, "是", null],
  ["K3", "丙", "2015-03-01", null, null, null, null, null, null, null, null, null, null],
];
const CUSTOMERS: Rows = [
  [...CUSTOMER_HEADER],
  ["甲一公司", "K1", 10000000, 0, 0, 1000000, "否", "否", "否"],
  ["甲二公司", "K1", 6000000, 0, 0, 0, "否", "否", "否"],
  ["甲三公司", "K1", 300000, 0, 0, 0, "否", "否", "否"],
  ["乙一公司", "K2", 80000000, 60000000, 0, 26000000, "否", "否", "否"],
];

describe("公司客户经理等级", () => {
  const r = build({ 客户经理: CORP_MANAGERS, 公司客户: CUSTOMERS });
  const m = model(r, "公司客户经理等级");

  test("exact leading headers; level, decision, 破格, monthly allowance after the decision", () => {
    expect(m.columns.slice(0, CORPORATE_HEADERS.length).map((c) => c.header)).toEqual([
      ...CORPORATE_HEADERS,
    ]);
    expect(formatOf(m, "通讯费")).toBe("money");
    // K1: trainee, period ended, exam passed, 原行员等级 blank; 16,000,000 over customers ≥ 500,000 → qualifies 四级 → 定级 四级 (第十九条五); 160 元
    // (rev 2: 新等级 follows 决定)
    expect(m.rows[0].slice(0, 8)).toEqual(["K1", "甲", "见习", "四级", "定级", "四级", "否", 160]);
    // K2: qualifies 二级 (a and d, 1 needed) → 续聘; under 诫勉 the allowance is halved: 100 元
    expect(m.rows[1].slice(0, 8)).toEqual(["K2", "乙", "二级", "二级", "续聘", "二级", "否", 100]);
    expect(pick(m, 0, ["四级·日均存款", "四级·条件"])).toEqual([
      16000000,
      "a✓ b✗ c✗ d✗（1/1 项）；质量✓；年限— ⇒ 达标",
    ]);
    expect(pick(m, 1, ["二级·条件"])).toEqual(["a✓ b✗ c✗ d✓（2/1 项）；质量✓；年限✓ ⇒ 达标"]);
  });

  test("a CM without a current level gets a row saying so (only CMs with a level or customers are listed)", () => {
    expect(m.rows).toHaveLength(2);
    const withCustomer = build({
      客户经理: CORP_MANAGERS,
      公司客户: [...CUSTOMERS, ["丙一公司", "K3", 900000, 0, 0, 0, "否", "否", "否"]],
    });
    const row = model(withCustomer, "公司客户经理等级").rows[2];
    expect(row.slice(0, 3)).toEqual(["K3", "丙", null]);
    expect(String(row[row.length - 1])).toContain("现等级为空");
  });

  test("通讯费 stays in 元 in a 万元 workbook; deposits are shown in 万元", () => {
    const wan = CUSTOMERS.map((row, i) =>
      i === 0
        ? row
        : row.map((v, c) => (c >= 2 && c <= 5 && c !== 4 && typeof v === "number" ? v / 10000 : v))
    );
    const w = model(
      build({ 客户经理: CORP_MANAGERS, 公司客户: wan }, { unit: "万元" }),
      "公司客户经理等级"
    );
    expect(w.rows[0].slice(0, 8)).toEqual(["K1", "甲", "见习", "四级", "定级", "四级", "否", 160]);
    expect(w.rows[1][7]).toBe(100);
    expect(pick(w, 0, ["四级·日均存款"])).toEqual([1600]);
  });

  test("level conditions as text", () => {
    const k1 = readWorkbook(
      grid({ 客户经理: CORP_MANAGERS, 公司客户: CUSTOMERS }),
      policy2025()
    ).managers.find((x) => x.id === "K1")!;
    expect(k1.level).toBe("见习");
    const text = levelConditionText({
      level: "见习",
      indicators: {} as never,
      business: [{ key: "a", met: false, status: "未达标" }],
      businessMet: 0,
      needed: 1,
      quality: null,
      tenure: null,
      qualifies: false,
      steps: [],
    });
    expect(text).toBe("存款✗ ⇒ 未达标");
  });
});

const MANAGERS_MIN: Rows = [
  ["员工号", "姓名"],
  ["E01", "张一"],
  ["E02", "李二"],
  ["E03", "王三"],
];
const ERRORS: Rows = [
  ["员工号", "日期", "条款", "次数", "加重扣分", "说明"],
  ["E01", "2025-03-01", "3.2b", 2, null, "抵押登记不全"],
  ["E01", "2025-04-01", "3.15/3.3", null, null, "借新还旧未重新调查"],
  ["E02", "2025-05-01", "1.5", 1, null, "与客户串通"],
  ["E02", "2024-12-30", "2.1", 1, null, "上年走访不足"],
  ["E01", "2025-06-01", "3.2a", 1, null, "抵押物未现场查看，存在风险"],
];

describe("差错积分汇总", () => {
  const m = model(build({ 客户经理: MANAGERS_MIN, 差错记录: ERRORS }), "差错积分汇总");

  test("exact leading headers; every CM of the roster, total points and disqualifying items", () => {
    expect(m.columns.slice(0, ERROR_POINTS_HEADERS.length).map((c) => c.header)).toEqual([
      ...ERROR_POINTS_HEADERS,
    ]);
    // E01: 3.2b 10 × 2 + 3.15/3.3 (scored as 3.3) 5 + 3.2a 5 = 30
    expect(m.rows.map((row) => row.slice(0, 4))).toEqual([
      ["E01", "张一", 30, null],
      ["E02", "李二", 0, "1.5"],
      ["E03", "王三", 0, null],
    ]);
    expect(pick(m, 1, ["计分条目数", "年度外条目数"])).toEqual([1, 1]);
    expect(pick(m, 2, ["说明"])).toEqual(["2025 年度无差错记录"]);
  });

  test("entries where aggravation could apply are flagged", () => {
    expect(String(pick(m, 0, ["可考虑加重处罚"])[0])).toContain("3.2a（2025-06-01，说明含“风险”）");
    expect(pick(m, 0, ["明细"])).toEqual(["3.2b×2=20；3.15/3.3×1=5；3.2a×1=5"]);
  });

  test("without a 客户经理 table the log's employees are listed with blank names", () => {
    const w = model(build({ 差错记录: ERRORS }), "差错积分汇总");
    expect(w.rows.map((row) => row.slice(0, 3))).toEqual([
      ["E01", null, 30],
      ["E02", null, 0],
    ]);
  });
});

const WARNINGS: Rows = [
  [
    "贷款编号",
    "预警类型",
    "预警级别",
    "风险金额",
    "到期日期",
    "发现日期",
    "支行上报日期",
    "分行上报日期",
  ],
  ["W1", "到期", "黄色", 380000, "2025-03-31", "2025-03-01", "2025-03-04", null],
  ["W2", "到期", "橙色", 3100000, "2025-11-30", "2025-11-12", "2025-11-16", "2025-11-17"],
  ["W3", "重大事项", null, 5200000, null, "2025-06-01", "2025-06-03", null],
];

describe("预警时效", () => {
  const m = model(build({ 风险预警: WARNINGS }), "预警时效");

  test("exact leading headers; deadline, report, 按时/迟报 per warning; dates in date columns", () => {
    expect(m.columns.slice(0, WARNINGS_HEADERS.length).map((c) => c.header)).toEqual([
      ...WARNINGS_HEADERS,
    ]);
    expect(formatOf(m, "上报时限")).toBe("date");
    expect(m.rows.map((row) => row.slice(0, 4))).toEqual([
      ["W1", "2025-03-06", "2025-03-04", "按时"], // < 1,000,000: M − 25
      ["W2", "2025-11-14", "2025-11-16", "迟报"], // found later: F + 2
      ["W3", "2025-06-02", "2025-06-03", "迟报"], // major event: F + 1
    ]);
    expect(pick(m, 2, ["预警级别", "分行结果"])).toEqual(["红色", "未上报"]);
    expect(pick(m, 1, ["分行上报时限", "分行结果"])).toEqual(["2025-11-18", "按时"]);
    expect(m.notes?.[0]).toEqual(["合计", "按时 1 笔，迟报 2 笔，未上报 0 笔"]);
  });
});

describe("availability, selection, title", () => {
  test("a roster without the rule set A columns skips the A summaries naming the columns; missing sheets are named", () => {
    const a = availabilityOfGrid(grid({ 客户经理: MANAGERS_MIN }));
    expect(a.grades.available).toBe(false);
    expect(a.grades.reasonZh).toBe(
      "“客户经理”表缺少列：行别类型、当年发放贷款笔数、当年贷款利息收入、新增不良贷款余额、年末管理贷款总额、考试不合格次数、经济处罚次数、通报批评次数、严重违规次数"
    );
    expect(a.corporate.reasonZh).toContain("缺少“公司客户”表");
    expect(a.bottom.missing).toEqual([{ table: "loans", sheet: "贷款台账", column: null }]);
    expect(a.issues.available).toBe(true);
    const r = build({ 客户经理: MANAGERS_MIN });
    expect(r.models.map((x) => x.name)).toEqual(["校验结果"]);
    expect(r.skipped.map((s) => s.name)).toEqual([
      "等级汇总",
      "末位名单",
      "退休买断",
      "离岗待遇",
      "公司客户经理等级",
      "差错积分汇总",
      "预警时效",
      "年度赔偿",
      "考核概览",
    ]);
  });

  test("an optional column that is absent is noted, the summary still made", () => {
    const r = build({ 风险预警: WARNINGS.map((row) => row.slice(0, 7)) });
    const m = model(r, "预警时效");
    expect(r.availability.warnings.absentOptional).toEqual([
      { table: "warnings", column: "分行上报日期" },
    ]);
    expect(m.notes?.some((n) => String(n[1]).includes("“风险预警”表无“分行上报日期”列"))).toBe(
      true
    );
  });

  test("only: by id or sheet name, in WORKBOOK.md order; an unknown name is an error", () => {
    expect(selectSummaries(["校验结果", "grades", "末位名单 (2)"])).toEqual([
      "grades",
      "bottom",
      "issues",
    ]);
    expect(() => selectSummaries(["汇总"])).toThrow(/未知的汇总表“汇总”/);
    const r = build({ 风险预警: WARNINGS }, { only: ["预警时效"] });
    expect(r.models.map((x) => x.name)).toEqual(["预警时效"]);
    expect(summaryIdOf("退休买断 (3)")).toBe("buyout");
  });

  test("校验结果 holds the issues; the same input and clock give the same models", () => {
    const sheets = {
      风险预警: [...WARNINGS, ["W4", "到期", "紫色", "多少", null, null, null, null]],
    };
    const a = build(sheets);
    const b = build(sheets);
    expect(JSON.stringify(a.models)).toBe(JSON.stringify(b.models));
    const issues = model(a, "校验结果");
    // rev 2: first the sheet-wide notice that 预警时效 leaves the row out (SUMMARY.leftOut), then the cells
    expect(
      issues.rows.filter((row) => row[0] === "风险预警").map((row) => [row[1], row[3]])
    ).toEqual([
      ["", "SUMMARY.leftOut"],
      ["C5", "ENUM.预警级别"],
      ["D5", "TYPE.amount"],
    ]);
    expect(model(a, "预警时效").title).toContain("1 行因数据错误未计入（风险预警 1 行）");
  });

  test("title helpers", () => {
    expect(rejectedText({})).toBe("");
    expect(rejectedText({ loans: 2, managers: 1 })).toBe(
      "3 行因数据错误未计入（贷款台账 2 行、客户经理 1 行）"
    );
    expect(summaryTitle(summaryDef("bottom"), policy2025("万元"), NOW, { loans: 1 })).toBe(
      "责任不良贷款末位名单（Bottom list by responsible NPL）｜政策年度 2025｜评定日期 2025-12-31｜金额单位 万元｜生成时间 2026-01-05 09:30｜1 行因数据错误未计入（贷款台账 1 行）"
    );
  });
});

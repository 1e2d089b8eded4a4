/**
 * WORKBOOK.md rev 2 data handling: blank deduction counts are 0 (one notice per column); a bad
 * cell leaves its row out only of the summaries that need its column; every summary that leaves
 * someone out names them and the cell; no "nobody…" statement about rows it could not read.
 */
import { neededColumns } from "../../src/summary/leftOut";
import { build, CUSTOMER_HEADER, model, pick, Rows } from "./helpers";

const HEAD = [
  "员工号",
  "姓名",
  "性别",
  "出生日期",
  "支行",
  "行别类型",
  "当年发放贷款笔数",
  "当年贷款利息收入",
  "新增不良贷款余额",
  "年末管理贷款总额",
  "考试不合格次数",
  "经济处罚次数",
  "通报批评次数",
  "严重违规次数",
  "当年退休",
  "城区或支行长",
  "近三年自然人贷款利息收入",
  "近三年企业贷款利息收入",
  "风险考核基金余额",
  "岗位风险金余额",
  "退休当年效益工资",
];
//                 A      B       C     D             E       F        G    H        I   J          K     L     M     N     O     P    Q       R       S      T      U
const ZHANG = [
  "E01",
  "张一",
  "男",
  "1970-01-01",
  "城关",
  "一类行",
  100,
  1000000,
  0,
  10000000,
  0,
  0,
  0,
  0,
  "否",
  "否",
  100000,
  100000,
  50000,
  50000,
  50000,
];
const WANG = [
  "E02",
  "王强",
  "男",
  "1965-03-01",
  "城关",
  "一类",
  100,
  1000000,
  0,
  10000000,
  0,
  0,
  0,
  0,
  "是",
  "否",
  100000,
  100000,
  50000,
  50000,
  50000,
];
const LI = [
  "E03",
  "李三",
  "女",
  "1975-01-01",
  "城关",
  "一类行",
  50,
  500000,
  0,
  10000000,
  null,
  null,
  null,
  null,
  "否",
  "否",
  100000,
  100000,
  50000,
  50000,
  50000,
];

const LOANS: Rows = [
  [
    "贷款编号",
    "第一责任人",
    "发放日期",
    "到期日期",
    "贷款余额",
    "担保方式",
    "五级分类",
    "逾期天数",
    "形成不良年份",
    "已丧失诉讼时效",
    "处置阶段",
    "职工直系亲属",
  ],
  ["L1", "E02", "2015-01-01", "2016-01-01", 300000, "信用", "次级", 400, 2016, "否", "无", "否"],
];

describe("a bad cell leaves its row out only of the summaries that need its column", () => {
  const r = build({
    客户经理: [HEAD, ZHANG, WANG, LI],
    贷款台账: LOANS,
    差错记录: [
      ["员工号", "日期", "条款"],
      ["E02", "2025-03-01", "1.1"],
    ],
  });
  const grades = model(r, "等级汇总");
  const line = "王强：F3 行别类型“一类”不是允许的值（一类行/二类行/三类行），未计入";

  test("等级汇总 (A2 needs 行别类型): 王强 is not scored, and the notes name him and the cell", () => {
    expect(grades.rows.map((x) => x[0])).toEqual(["E01", "E03"]);
    expect(grades.notes?.map((n) => n[1])).toContain(line);
    expect(grades.title).toContain("1 行因数据错误未计入（客户经理 1 行）");
  });

  test("the peer average is over the CMs read: 一类行, 2 CMs", () => {
    const peer = grades.notes?.find((n) => n[1] === "一类行");
    expect(peer?.slice(1, 4)).toEqual(["一类行", 2, 75]);
  });

  test("he is still on 末位名单, 退休买断 and 差错积分汇总, which say nothing of him being left out", () => {
    const bottom = model(r, "末位名单");
    expect(bottom.rows.map((x) => x[0])).toEqual(["E02"]);
    expect(pick(bottom, 0, ["姓名", "责任不良贷款余额"])).toEqual(["王强", 300000]);
    const buyout = model(r, "退休买断");
    expect(buyout.rows.some((x) => x[0] === "E02")).toBe(true);
    const errors = model(r, "差错积分汇总");
    expect(pick(errors, 1, ["员工号", "扣分合计"])).toEqual(["E02", 10]);
    for (const m of [bottom, buyout, errors]) {
      expect(
        m.notes?.map((n) => String(n[1])).some((t) => t.includes("未计入") && t.includes("王强"))
      ).toBe(false);
      expect(m.title).not.toContain("未计入");
    }
  });

  test("blank deduction counts are 0: 李三 is scored, and each column is said once", () => {
    expect(pick(grades, 1, ["员工号", "扣分"])).toEqual(["E03", 0]);
    const blanks = r.issues.filter((i) => i.rule === "BLANK.zero");
    expect(blanks.map((i) => [i.cell, i.severity, i.message])).toEqual([
      ["K1", "info", "“考试不合格次数”有 1 个空白单元格，按 0（没有）计"],
      ["L1", "info", "“经济处罚次数”有 1 个空白单元格，按 0（没有）计"],
      ["M1", "info", "“通报批评次数”有 1 个空白单元格，按 0（没有）计"],
      ["N1", "info", "“严重违规次数”有 1 个空白单元格，按 0（没有）计"],
    ]);
  });
});

describe("no summary states a fact about people it could not read", () => {
  test("退休买断: a retiring CM's fund cell unreadable → named, and no 没有当年退休的客户经理", () => {
    const bad = [...WANG.slice(0, 5), "一类行", ...WANG.slice(6, 18), "五万"] as Rows[number];
    bad.push(50000, 50000);
    const r = build({ 客户经理: [HEAD, ZHANG, bad], 贷款台账: LOANS });
    const m = model(r, "退休买断");
    expect(m.rows).toEqual([]);
    const notes = m.notes!.map((n) => String(n[1]));
    expect(notes).not.toContain("2025 年没有当年退休的客户经理");
    expect(notes).toContain(
      "读取的客户经理中没有 2025 年当年退休的；另有 1 名客户经理的数据未能读取（见下），未计入"
    );
    expect(notes).toContain("王强：S3 风险考核基金余额“五万”不是数值，未计入");
    // the others still have him
    expect(model(r, "等级汇总").rows.map((x) => x[0])).toEqual(["E01", "E02"]);
  });

  test("退休买断: CMs left out whose 当年退休 reads 否 do not stop the statement", () => {
    const bad = [...ZHANG.slice(0, 18), "五万", 50000, 50000] as Rows[number];
    const r = build({ 客户经理: [HEAD, bad], 贷款台账: LOANS });
    expect(model(r, "退休买断").notes!.map((n) => String(n[1]))).toContain(
      "2025 年没有当年退休的客户经理"
    );
  });

  test("末位名单: a loan left out → no 没有客户经理列入末位名单, the loan named", () => {
    const loans: Rows = [
      LOANS[0],
      [
        "L1",
        "E02",
        "2015-01-01",
        "2016-01-01",
        "三十万",
        "信用",
        "次级",
        400,
        2016,
        "否",
        "无",
        "否",
      ],
    ];
    const m = model(build({ 客户经理: [HEAD, ZHANG, LI], 贷款台账: loans }), "末位名单");
    const notes = m.notes!.map((n) => String(n[1]));
    expect(notes).not.toContain("没有客户经理列入末位名单");
    expect(notes).toContain(
      "读取的数据中没有客户经理列入末位名单；另有 1 行未能读取（见下），未计入"
    );
    expect(notes).toContain("贷款台账“L1”（E02）：E2 贷款余额“三十万”不是数值，未计入");
  });

  test("差错积分汇总: an entry left out → no total for that CM (never a total that leaves it out)", () => {
    const errors: Rows = [
      ["员工号", "日期", "条款", "次数"],
      ["E01", "2025-03-01", "1.1", "两"],
      ["E03", "2025-03-01", "1.1", 1],
    ];
    const m = model(build({ 客户经理: [HEAD, ZHANG, LI], 差错记录: errors }), "差错积分汇总");
    expect(pick(m, 0, ["员工号", "扣分合计", "说明"])).toEqual([
      "E01",
      null,
      "未计算扣分合计：其差错记录有未能读取的行（见说明）",
    ]);
    expect(pick(m, 1, ["员工号", "扣分合计"])).toEqual(["E03", 10]);
    expect(m.notes!.map((n) => String(n[1]))).toContain(
      "差错记录“E01”：D2 次数“两”不是数值，未计入"
    );
  });

  test("a row not read at all (blank 姓名) is named by its id in every summary that reads its table", () => {
    const noName = ["E09", null, ...ZHANG.slice(2)] as Rows[number];
    const r = build({ 客户经理: [HEAD, ZHANG, noName], 贷款台账: LOANS });
    for (const name of ["等级汇总", "末位名单", "退休买断"]) {
      expect(model(r, name).notes!.map((n) => String(n[1]))).toContain(
        "E09：B3 “姓名”不能为空，此行未读取，未计入"
      );
    }
  });
});

describe("the columns each summary needs (SUMMARY_NEEDS + the schema's rules)", () => {
  test("行别类型 is needed by 等级汇总 only; 当年退休 and the funds by 退休买断 only; 次数 by 差错积分汇总", () => {
    expect(neededColumns("grades", "managers").has("branchType")).toBe(true);
    expect(neededColumns("bottom", "managers").has("branchType")).toBe(false);
    expect(neededColumns("buyout", "managers").has("branchType")).toBe(false);
    expect(neededColumns("buyout", "managers").has("riskFund")).toBe(true);
    expect(neededColumns("grades", "managers").has("riskFund")).toBe(false);
    expect(neededColumns("grades", "managers").has("birth")).toBe(true); // A8
    expect(neededColumns("buyout", "managers").has("birth")).toBe(true); // A11
    expect(neededColumns("errors", "errors").has("count")).toBe(true);
    expect(neededColumns("bottom", "loans").has("nplYear")).toBe(false);
    expect(neededColumns("buyout", "loans").has("nplYear")).toBe(true);
  });
});

describe("公司客户经理等级: a CM with a customer row left out is not judged on part of his figures", () => {
  const mgr: Rows = [
    ["员工号", "姓名", "现等级", "年度考核结果", "正常类贷款占比", "上年正常类贷款占比"],
    ["C01", "赵一", "四级", "称职", 99, 98],
    ["C02", "钱二", "四级", "称职", 99, 98],
  ];
  const cust: Rows = [
    [...CUSTOMER_HEADER],
    ["甲公司", "C01", 20000000, 40000000, 0, 20000000, "否", "否", "否"],
    ["乙公司", "C01", "两千万", 40000000, 0, 20000000, "否", "否", "否"],
    ["丙公司", "C02", 20000000, 40000000, 0, 20000000, "否", "否", "否"],
  ];
  test("赵一 is left out, named with the customer's cell; 钱二 is judged", () => {
    const m = model(build({ 客户经理: mgr, 公司客户: cust }), "公司客户经理等级");
    expect(m.rows.map((x) => x[0])).toEqual(["C02"]);
    const notes = m.notes!.map((n) => String(n[1]));
    expect(notes).toContain("公司客户“乙公司”（C01）：C3 日均存款“两千万”不是数值，未计入");
    expect(notes).toContain("赵一（C01）：其公司客户有未能读取的行（见上），未评定");
  });
});

describe("退休买断: a retiring CM with a loan left out gets no schedule that silently leaves it out", () => {
  test("王强's loan balance unreadable → 未计算, named", () => {
    const loans: Rows = [
      LOANS[0],
      [
        "L1",
        "E02",
        "2015-01-01",
        "2016-01-01",
        "三十万",
        "信用",
        "次级",
        400,
        2016,
        "否",
        "无",
        "否",
      ],
    ];
    const m = model(
      build({
        客户经理: [HEAD, ZHANG, WANG.map((v, i) => (i === 5 ? "一类行" : v))],
        贷款台账: loans,
      }),
      "退休买断"
    );
    expect(m.rows.map((x) => [x[0], x[1], x[x.length - 1]])).toEqual([
      ["E02", "合计", "未计算：其贷款台账有未能读取的行（见说明）"],
    ]);
    expect(m.notes!.map((n) => String(n[1]))).toContain(
      "贷款台账“L1”（E02）：E2 贷款余额“三十万”不是数值，未计入"
    );
  });
});

/**
 * 等级汇总, 末位名单, 退休买断 on small hand-made workbooks: exact headers, rows computed by hand
 * from RULES.md, formats, totals rows, title line, amounts in the workbook's unit.
 */
import { GRADES_HEADERS } from "../../src/summary/grades";
import { BOTTOM_HEADERS } from "../../src/summary/bottom";
import { BUYOUT_HEADERS } from "../../src/summary/buyout";
import { defaultPolicy } from "../../src/policy/defaults";
import { build, formatOf, model, pick, Rows, toWan } from "./helpers";

const MANAGER_HEADER = [
  "员工号",
  "姓名",
  "性别",
  "出生日期",
  "支行",
  "行别类型",
  "首次任职日期",
  "当年发放贷款笔数",
  "当年贷款利息收入",
  "新增不良贷款余额",
  "年末管理贷款总额",
  "考试不合格次数",
  "经济处罚次数",
  "通报批评次数",
  "严重违规次数",
];

/** Peers 一类行: average count 100, income 1,000,000 (E01–E03); E04 alone in 二类行; E05 no credit figures. */
const MANAGERS: Rows = [
  MANAGER_HEADER,
  [
    "E01",
    "张一",
    "男",
    "1990-01-01",
    "城关支行",
    "一类行",
    "2010-01-01",
    100,
    1000000,
    0,
    10000000,
    0,
    0,
    0,
    0,
  ],
  [
    "E02",
    "李二",
    "男",
    "1990-01-01",
    "城东支行",
    "一类行",
    "2010-01-01",
    50,
    500000,
    200000,
    10000000,
    0,
    0,
    0,
    1,
  ],
  [
    "E03",
    "王三",
    "女",
    "1990-01-01",
    "城西支行",
    "一类行",
    "2010-01-01",
    150,
    1500000,
    100000,
    10000000,
    1,
    0,
    0,
    0,
  ],
  [
    "E04",
    "赵四",
    "男",
    "1990-01-01",
    "柳林镇支行",
    "二类行",
    "2010-01-01",
    40,
    300000,
    50000,
    2000000,
    0,
    0,
    0,
    0,
  ],
  [
    "E05",
    "钱五",
    "男",
    "1990-01-01",
    "城关支行",
    "一类行",
    "2010-01-01",
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
  ],
];

const LEAD = [...GRADES_HEADERS, "退出原因"];

describe("等级汇总", () => {
  const r = build({ 客户经理: MANAGERS });
  const m = model(r, "等级汇总");

  test("exact leading headers, then 退出原因; scores are numbers formatted 0.00", () => {
    expect(m.columns.slice(0, LEAD.length).map((c) => c.header)).toEqual(LEAD);
    for (const h of ["笔数得分", "利息得分", "质量得分", "扣分", "总分"])
      expect(formatOf(m, h)).toBe("score");
    expect(m.freezeHeader).toBe(true);
  });

  test("one row per credit CM with the scores of RULES.md A2–A4 computed by hand", () => {
    const head = [
      "员工号",
      "姓名",
      "行别类型",
      "笔数得分",
      "利息得分",
      "质量得分",
      "扣分",
      "总分",
      "分数等级",
      "封顶原因",
      "最终等级",
      "工资系数",
    ];
    expect(m.rows).toHaveLength(4);
    // E01: d = 0 → 20; income = average → 50; r = 0 → 30 + 10 × (1 − 0) = 40
    expect(pick(m, 0, head)).toEqual([
      "E01",
      "张一",
      "一类行",
      20,
      50,
      40,
      0,
      110,
      "一级",
      null,
      "一级",
      2,
    ]);
    // E02: d = −50 → 15; 25; r = 2% → 20; serious violation 10 → 50: 取消资格 (a cap never turns it into a grade)
    expect(pick(m, 1, head)).toEqual([
      "E02",
      "李二",
      "一类行",
      15,
      25,
      20,
      10,
      50,
      "取消资格",
      null,
      "取消资格",
      null,
    ]);
    // E03: d = +50 → 25; 75 capped at 70; r = 1% → 30; exam failed 3 → 122
    expect(pick(m, 2, head)).toEqual([
      "E03",
      "王三",
      "一类行",
      25,
      70,
      30,
      3,
      122,
      "一级",
      null,
      "一级",
      2,
    ]);
    // E04 alone in 二类行: 20, 50; r = 2.5% → 15; 85 → 二级, r above 1.5 × 1.5% → at most 三级
    expect(pick(m, 3, head)).toEqual([
      "E04",
      "赵四",
      "二类行",
      20,
      50,
      15,
      0,
      85,
      "二级",
      "新增不良率 2.5% 超过容忍度 1.5% 的 1.5 倍，最高三级",
      "三级",
      1.6,
    ]);
  });

  test("exit reasons go to 退出原因, never into 最终等级; 说明 renders the explanation", () => {
    expect(pick(m, 1, ["最终等级", "退出原因"])).toEqual([
      "取消资格",
      "考核等级为取消资格（第四十一条）",
    ]);
    expect(pick(m, 0, ["退出原因"])).toEqual([null]);
    const note = String(pick(m, 3, ["说明"])[0]);
    expect(note).toContain("[第十二条]");
    expect(note).toContain("三级");
    expect(r.explanations.grades?.E04?.length).toBeGreaterThan(3);
  });

  test("peer averages per branch type below the table; the CM without credit figures is named, not scored", () => {
    const notes = m.notes ?? [];
    expect(notes[0]).toEqual([
      "同类行平均值（第十一条）",
      "行别类型",
      "人数",
      "平均发放笔数",
      "平均利息收入（元）",
    ]);
    expect(notes[1]).toEqual([null, "一类行", 3, 100, 1000000]);
    expect(notes[2]).toEqual([null, "二类行", 1, 40, 300000]);
    expect(notes[3]).toEqual([null, "三类行", 0, null, null]);
    expect(notes.some((n) => String(n[1]).includes("E05 钱五"))).toBe(true);
    expect(m.rows.some((row) => row[0] === "E05")).toBe(false);
  });

  test("title line: what, policy year, amount unit, time made", () => {
    // (issue 19) then the fingerprints of the policy and of the cells read (src/summary/fingerprint.ts)
    expect(m.title).toMatch(
      /^信贷客户经理考核等级汇总（Credit CM grade roster）｜政策年度 2025｜评定日期 2025-12-31｜金额单位 元｜生成时间 2026-01-05 09:30｜政策指纹 [0-9a-f]{12}｜数据指纹 [0-9a-f]{12}$/
    );
  });

  test("in a 万元 workbook the same figures give the same scores and the averages are in 万元", () => {
    const w = model(build({ 客户经理: toWan(MANAGERS, [8, 9, 10]) }, { unit: "万元" }), "等级汇总");
    expect(w.rows.map((row) => row.slice(3, 12))).toEqual(m.rows.map((row) => row.slice(3, 12)));
    expect(w.notes?.[0][4]).toBe("平均利息收入（万元）");
    expect(w.notes?.[1]).toEqual([null, "一类行", 3, 100, 100]);
    expect(w.title).toContain("金额单位 万元");
  });

  test("不良容忍度 unset: the NPL caps are not applied, and the sheet and each row say so", () => {
    const u = model(build({ 客户经理: MANAGERS }, { policy: defaultPolicy(2025) }), "等级汇总");
    // E04: 85 with r = 2.5% stays 二级 (with 1.5% set it is capped at 三级, above)
    expect(pick(u, 3, ["总分", "分数等级", "封顶原因", "最终等级", "工资系数"])).toEqual([
      85,
      "二级",
      null,
      "二级",
      1.8,
    ]);
    expect(String(pick(u, 3, ["说明"])[0])).toContain(
      "警告：政策未设置不良容忍度，两项不良率封顶未适用"
    );
    expect(
      (u.notes ?? []).some((n) =>
        n.includes("政策参数未设置“不良容忍度”：第十二条的不良率封顶未应用")
      )
    ).toBe(true);
  });

  test("a CM whose figure is missing gets a row saying why, no numbers; the others are still scored", () => {
    const bad = MANAGERS.map((row) => [...row]);
    bad[4][10] = null; // E04 年末管理贷款总额 blank
    const g = model(build({ 客户经理: bad }), "等级汇总");
    const row = g.rows.find((x) => x[0] === "E04")!;
    expect(row.slice(3, 12).every((v) => v === null)).toBe(true);
    expect(String(row[12])).toMatch(/^未评定：E04 赵四：缺少年末管理贷款总额/);
    expect(g.rows.find((x) => x[0] === "E01")![7]).toBe(110);
  });
});

const LOAN_HEADER = [
  "贷款编号",
  "借款人",
  "借款人类型",
  "第一责任人",
  "管理责任人",
  "介绍担保职工",
  "发放日期",
  "到期日期",
  "贷款余额",
  "担保方式",
  "五级分类",
  "逾期天数",
];

const LOANS: Rows = [
  LOAN_HEADER,
  [
    "L1",
    "甲公司",
    "企业",
    "E01",
    "E01",
    null,
    "2020-01-01",
    "2021-01-01",
    1200000,
    "保证",
    "次级",
    100,
  ],
  [
    "L2",
    "乙公司",
    "企业",
    "E01",
    "E01",
    null,
    "2021-01-01",
    "2025-06-01",
    300000,
    "抵押",
    "可疑",
    200,
  ], // grace period
  [
    "L3",
    "丙公司",
    "企业",
    "E02",
    "E02",
    null,
    "2019-01-01",
    "2020-01-01",
    200000,
    "抵押",
    "正常",
    400,
  ], // overdue > 365
  [
    "L4",
    "丁公司",
    "企业",
    "E03",
    "E03",
    null,
    "1998-05-01",
    "1999-05-01",
    500000,
    "信用",
    "损失",
    5000,
  ], // before 1999
  [
    "L5",
    "戊公司",
    "企业",
    "E03",
    "E03",
    "E04",
    "2018-01-01",
    "2019-01-01",
    100000,
    "信用",
    "可疑",
    1000,
  ], // introduced by E04
  [
    "L6",
    "己公司",
    "企业",
    "E99",
    "E01",
    null,
    "2019-01-01",
    "2020-01-01",
    50000,
    "保证",
    "损失",
    800,
  ], // not on the roster
];

describe("末位名单", () => {
  const r = build({ 客户经理: MANAGERS, 贷款台账: LOANS });
  const m = model(r, "末位名单");

  test("exact leading headers; only the CMs with responsible NPL, by rank; yellow card above 1,000,000", () => {
    expect(m.columns.slice(0, BOTTOM_HEADERS.length).map((c) => c.header)).toEqual([
      ...BOTTOM_HEADERS,
    ]);
    expect(formatOf(m, "责任不良贷款余额")).toBe("money");
    expect(m.rows.map((row) => row.slice(0, 4).concat(row[5]))).toEqual([
      ["E01", "张一", 1200000, 1, "是"],
      ["E02", "李二", 200000, 2, "否"],
      ["E04", "赵四", 100000, 3, "否"],
      ["E99", null, 50000, 4, "否"],
    ]);
    expect(pick(m, 0, ["原因"])[0]).toBe(
      "责任不良贷款余额居全县末10位（第1名）；责任不良贷款余额超过1,000,000.00元，黄牌警告并制定清收计划"
    );
    expect(pick(m, 0, ["责任不良贷款编号"])[0]).toBe("L1");
    expect(String(pick(m, 3, ["说明"])[0])).toContain("员工号不在“客户经理”表中");
  });

  test("in a 万元 workbook the balances are shown in 万元", () => {
    const w = model(
      build(
        { 客户经理: toWan(MANAGERS, [8, 9, 10]), 贷款台账: toWan(LOANS, [8]) },
        { unit: "万元" }
      ),
      "末位名单"
    );
    expect(w.rows.map((row) => row[2])).toEqual([120, 20, 10, 5]);
  });

  test("a row with a bad amount is left out and counted in the title line", () => {
    const bad = LOANS.map((row) => [...row]);
    bad[3][8] = "二十万";
    const b = build({ 客户经理: MANAGERS, 贷款台账: bad });
    const w = model(b, "末位名单");
    expect(w.title).toMatch(
      /｜1 行因数据错误未计入（贷款台账 1 行）｜政策指纹 [0-9a-f]{12}｜数据指纹 [0-9a-f]{12}$/
    );
    expect(w.rows.some((row) => row[0] === "E02")).toBe(false);
    expect(
      b.issues.some((i) => i.sheet === "贷款台账" && i.cell === "I4" && i.severity === "error")
    ).toBe(true);
    // the grade roster reads no loan: its title counts nothing
    expect(model(b, "等级汇总").title).not.toContain("未计入");
  });
});

const RETIRING_HEADER = [
  "员工号",
  "姓名",
  "城区或支行长",
  "当年退休",
  "近三年自然人贷款利息收入",
  "近三年企业贷款利息收入",
  "风险考核基金余额",
  "岗位风险金余额",
  "退休当年效益工资",
];
const BUYOUT_LOAN_HEADER = [
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
];

/** RULES.md A11 worked example: Y = 2025, T = 180,000, funds 50,000 / 30,000 / 40,000. */
function workedExample(pay: number): Record<string, Rows> {
  return {
    客户经理: [
      RETIRING_HEADER,
      ["W01", "周退", "否", "是", 800000, 2000000, 50000, 30000, pay],
      ["W02", "吴在", "否", "否", null, null, null, null, null],
    ],
    贷款台账: [
      BUYOUT_LOAN_HEADER,
      [
        "L1",
        "W01",
        "2003-05-01",
        "2004-05-01",
        200000,
        "信用",
        "损失",
        7000,
        2004,
        "是",
        "无",
        "否",
      ],
      [
        "L2",
        "W01",
        "2007-03-01",
        "2008-03-01",
        300000,
        "保证",
        "可疑",
        6000,
        2008,
        "否",
        "无",
        "否",
      ],
      [
        "L3",
        "W01",
        "2014-06-01",
        "2015-06-01",
        150000,
        "信用",
        "可疑",
        3000,
        2015,
        "否",
        "无",
        "否",
      ],
      [
        "L4",
        "W01",
        "2018-01-10",
        "2019-01-10",
        250000,
        "抵押",
        "次级",
        2500,
        2019,
        "否",
        "诉讼",
        "否",
      ],
    ],
  };
}

describe("退休买断", () => {
  test("the worked example: one row per loan in priority order, then a 合计 row listed in totalRows", () => {
    const m = model(build(workedExample(40000)), "退休买断");
    expect(m.columns.slice(0, BUYOUT_HEADERS.length).map((c) => c.header)).toEqual([
      ...BUYOUT_HEADERS,
    ]);
    expect(formatOf(m, "比例")).toBe("rate");
    expect(formatOf(m, "应买断金额")).toBe("money");
    expect(m.rows.map((row) => row.slice(0, 10))).toEqual([
      ["W01", "L1", 1, "2005年及以前", 0.05, 10000, 10000, "风险考核基金 10,000.00", "否", 0],
      ["W01", "L3", 2, "2011年以后·容忍度内", 0.05, 7500, 7500, "风险考核基金 7,500.00", "否", 0],
      ["W01", "L2", 3, "2006–2010年", 0.1, 30000, 30000, "风险考核基金 30,000.00", "否", 0],
      [
        "W01",
        "L4",
        4,
        "2011年以后·容忍度内/超出部分",
        "5%/30%",
        67500,
        67500,
        "风险考核基金 2,500.00；岗位风险金 30,000.00；退休当年效益工资 35,000.00",
        "是",
        0,
      ],
      [
        "W01",
        "合计",
        null,
        "4 笔",
        null,
        115000,
        115000,
        "风险考核基金 50,000.00；岗位风险金 30,000.00；退休当年效益工资 35,000.00",
        null,
        0,
      ],
    ]);
    expect(m.totalRows).toEqual([4]);
    expect(String(pick(m, 4, ["说明"])[0])).toContain("容忍度 180,000.00");
    expect(String(pick(m, 4, ["说明"])[0])).toContain("其中暂存 67,500.00");
  });

  test("with 20,000 of pay, L4 gets 52,500.00 and the shortfall is 15,000.00", () => {
    const r = build(workedExample(20000));
    const m = model(r, "退休买断");
    expect(pick(m, 3, ["应买断金额", "已扣金额", "未足额", "暂存"])).toEqual([
      67500,
      52500,
      15000,
      "是",
    ]);
    expect(pick(m, 4, ["应买断金额", "已扣金额", "未足额"])).toEqual([115000, 100000, 15000]);
    expect(r.explanations.buyout?.["W01|L4"]?.some((s) => s.article.startsWith("第五十一条"))).toBe(
      true
    );
    expect(r.explanations.buyout?.["W01|合计"]?.length).toBeGreaterThan(0);
  });

  test("a retiring CM with a blank fund gets a 合计 row saying what is missing, never a 0", () => {
    const sheets = workedExample(40000);
    sheets.客户经理[1][7] = null;
    const r = build(sheets);
    const m = model(r, "退休买断");
    expect(m.rows).toHaveLength(1);
    expect(m.rows[0].slice(0, 2)).toEqual(["W01", "合计"]);
    expect(m.rows[0].slice(5, 10).every((v) => v === null)).toBe(true);
    expect(String(m.rows[0][14])).toContain("缺少岗位风险金余额");
    expect(
      r.issues.some((i) => i.rule === "A11.未计算" && i.sheet === "客户经理" && i.cell === "A2")
    ).toBe(true);
  });

  test("amounts in a 万元 workbook", () => {
    const sheets = workedExample(40000);
    const wan = {
      客户经理: toWan(sheets.客户经理, [4, 5, 6, 7, 8]),
      贷款台账: toWan(sheets.贷款台账, [4]),
    };
    const m = model(build(wan, { unit: "万元" }), "退休买断");
    expect(pick(m, 4, ["应买断金额", "已扣金额", "资金来源"])).toEqual([
      11.5,
      11.5,
      "风险考核基金 5.00；岗位风险金 3.00；退休当年效益工资 3.50",
    ]);
  });

  test("an undue loan nobody took over shows the year it is bought out as (Y), whatever the ledger's 形成不良年份", () => {
    const sheets = workedExample(40000);
    // undue (maturity after 2025-12-31), 正常 again after an earlier NPL year in the ledger (2022):
    // RULES.md A11 treats an undue loan nobody took over as formed in Y = 2025
    sheets.贷款台账.push([
      "U1",
      "W01",
      "2020-06-30",
      "2026-06-30",
      100000,
      "保证",
      "正常",
      0,
      2022,
      "否",
      "无",
      "否",
    ]);
    const m = model(build(sheets), "退休买断");
    const u = m.rows.findIndex((row) => row[1] === "U1");
    // T = 180,000 is used up by L3 (150,000) and L4 (30,000): U1 is all above tolerance → 30%
    expect(pick(m, u, ["顺序", "类别", "比例", "应买断金额", "形成不良年份", "性质"])).toEqual([
      5,
      "2011年以后·超出部分",
      0.3,
      30000,
      2025,
      "未到期贷款",
    ]);
  });
});

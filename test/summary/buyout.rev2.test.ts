/** 退休买断 rev 2: the 已赔偿金额 credit per loan (第三十六条) and escrow for 抵押 only (第五十一条). */
import { BUYOUT_HEADERS } from "../../src/summary/buyout";
import { build, model, pick, Rows, toWan } from "./helpers";

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
const LOAN_HEADER = [
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
  "已赔偿金额",
];

function example(
  pay: number,
  credits: (number | null)[],
  l4Security = "抵押"
): Record<string, Rows> {
  return {
    客户经理: [RETIRING_HEADER, ["W01", "周退", "否", "是", 800000, 2000000, 50000, 30000, pay]],
    贷款台账: [
      LOAN_HEADER,
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
        credits[0],
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
        credits[1],
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
        credits[2],
      ],
      [
        "L4",
        "W01",
        "2018-01-10",
        "2019-01-10",
        250000,
        l4Security,
        "次级",
        2500,
        2019,
        "否",
        "诉讼",
        "否",
        credits[3],
      ],
    ],
  };
}

const COLS = [
  "贷款编号",
  "顺序",
  "应买断金额",
  "已扣金额",
  "暂存",
  "未足额",
  "抵减前应买断",
  "已赔偿金额",
];

describe("退休买断 with 已赔偿金额", () => {
  test("WORKBOOK's columns first, unchanged; the credit columns follow", () => {
    const m = model(build(example(40000, [null, null, null, null])), "退休买断");
    expect(m.columns.slice(0, BUYOUT_HEADERS.length).map((c) => c.header)).toEqual([
      ...BUYOUT_HEADERS,
    ]);
    expect(m.columns.map((c) => c.header)).toEqual(
      expect.arrayContaining(["抵减前应买断", "已赔偿金额"])
    );
    expect(pick(m, 4, COLS)).toEqual(["合计", null, 115000, 115000, null, 0, 115000, null]);
  });

  test("credit > obligation → 0 keeping 顺序 1; credit on L4 straddling T; funds exactly exhausted (pay 7,500)", () => {
    const m = model(build(example(7500, [12000, null, 7500, 20000])), "退休买断");
    expect(m.rows.slice(0, 4).map((_, i) => pick(m, i, COLS))).toEqual([
      ["L1", 1, 0, 0, "否", 0, 10000, 12000],
      ["L3", 2, 0, 0, "否", 0, 7500, 7500],
      ["L2", 3, 30000, 30000, "否", 0, 30000, null],
      // T = 180,000 used by L3's balance 150,000 even though its obligation is 0: L4 = 1,500 + 66,000 = 67,500 − 20,000
      ["L4", 4, 47500, 47500, "是", 0, 67500, 20000],
    ]);
    expect(pick(m, 4, COLS)).toEqual(["合计", null, 77500, 77500, null, 0, 115000, 39500]);
    expect(String(pick(m, 4, ["说明"])[0])).toContain("已赔偿金额抵减 37,500.00（第三十六条）");
    expect(String(pick(m, 3, ["说明"])[0])).toContain("[第三十六条]");
    expect(m.notes!.map((n) => n[1]).join("\n")).toContain("质押贷款照常扣款");
  });

  test("万元 workbook: the credit column is read in 万元", () => {
    const s = example(40000, [1.2, null, null, 2]);
    const wan = { 客户经理: toWan(s.客户经理, [4, 5, 6, 7, 8]), 贷款台账: toWan(s.贷款台账, [4]) };
    const m = model(build(wan, { unit: "万元" }), "退休买断");
    // 11.5 − 1 (L1: 1 − 1.2 → 0) − 2 = 8.5 万元
    expect(pick(m, 4, ["应买断金额", "抵减前应买断", "已赔偿金额"])).toEqual([8.5, 11.5, 3.2]);
  });

  test("a 质押 loan in litigation is paid, not 暂存", () => {
    const m = model(build(example(40000, [null, null, null, null], "质押")), "退休买断");
    expect(pick(m, 3, ["贷款编号", "暂存", "已扣金额"])).toEqual(["L4", "否", 67500]);
    expect(String(pick(m, 4, ["说明"])[0])).not.toContain("暂存");
  });
});

describe("退休买断 of a 支行长 (A9 rev 2: 职务 marks 支行长 as 城区或支行长 does)", () => {
  test("职务 支行长 with 城区 否: T = 6% × 800,000 + 3% × 2,000,000 = 108,000 (by hand)", () => {
    const s = example(40000, [null, null, null, null]);
    const withPost = {
      ...s,
      客户经理: [
        [...RETIRING_HEADER, "职务"],
        [...s.客户经理[1], "支行长"],
      ],
    };
    const m = model(build(withPost), "退休买断");
    // L1 10,000; L3 108,000 within T at 5% (5,400) + 42,000 above at 30% (12,600) = 18,000; L2 30,000;
    // L4: T used up → 250,000 × 30% = 75,000. Total 133,000; funds 120,000 → shortfall 13,000
    expect(m.rows.slice(0, 4).map((_, i) => pick(m, i, ["贷款编号", "应买断金额"]))).toEqual([
      ["L1", 10000],
      ["L3", 18000],
      ["L2", 30000],
      ["L4", 75000],
    ]);
    expect(pick(m, 4, ["应买断金额", "已扣金额", "未足额"])).toEqual([133000, 120000, 13000]);
  });
});

/** 离岗待遇 (A10b, rev 2): per CM leaving by age this year — tolerance, balance, pay basis. */
import { EXITPAY_HEADERS } from "../../src/summary/exitPay";
import { selectSummaries } from "../../src/summary/build";
import { build, model, pick, policy2025, Rows } from "./helpers";

const HEAD = [
  "员工号",
  "姓名",
  "性别",
  "出生日期",
  "支行",
  "行别类型",
  "职务",
  "城区或支行长",
  "延长任职至",
  "当年发放贷款笔数",
  "当年贷款利息收入",
  "新增不良贷款余额",
  "年末管理贷款总额",
  "考试不合格次数",
  "经济处罚次数",
  "通报批评次数",
  "严重违规次数",
  "近三年自然人贷款利息收入",
  "近三年企业贷款利息收入",
];
const fig = [100, 1000000, 0, 10000000, 0, 0, 0, 0];
const MANAGERS: Rows = [
  HEAD,
  // E01 male born 1970-06-15 → exit 2025-06-16; tolerance 80,000 + 100,000 = 180,000; NPL 216,000 → beyond by 20%
  [
    "E01",
    "张一",
    "男",
    "1970-06-15",
    "城关支行",
    "一类行",
    null,
    "否",
    null,
    ...fig,
    800000,
    2000000,
  ],
  // E02 支行长 born 1970-03-01 → exit 2025-03-02; tolerance at 60%: 48,000 + 60,000 = 108,000; NPL 0 → within
  [
    "E02",
    "李二",
    "男",
    "1970-03-01",
    "城关支行",
    "一类行",
    "支行长",
    null,
    null,
    ...fig,
    800000,
    2000000,
  ],
  // E03 reached 55 in 2025 but extended until 2026-06-30: not leaving this year
  [
    "E03",
    "王三",
    "男",
    "1970-01-10",
    "城关支行",
    "一类行",
    null,
    null,
    "2026-06-30",
    ...fig,
    800000,
    2000000,
  ],
  // E04 female born 1980-12-01 → exit 2025-12-02; tolerance 18,000; NPL 0 → within, grade 一级 → 2
  [
    "E04",
    "赵四",
    "女",
    "1980-12-01",
    "城东支行",
    "一类行",
    null,
    null,
    null,
    ...fig,
    100000,
    160000,
  ],
  // E05 not of age
  [
    "E05",
    "钱五",
    "男",
    "1985-01-01",
    "城东支行",
    "一类行",
    null,
    null,
    null,
    ...fig,
    100000,
    160000,
  ],
  // E06 extended until 2025-09-30 (born 1969): leaves this year on that date
  [
    "E06",
    "孙六",
    "男",
    "1969-05-05",
    "城东支行",
    "一类行",
    null,
    null,
    "2025-09-30",
    ...fig,
    null,
    160000,
  ],
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
  ],
  ["L1", "E01", "2020-01-01", "2021-01-01", 200000, "信用", "次级", 0],
  ["L2", "E01", "2020-01-01", "2025-06-01", 16000, "保证", "关注", 30], // overdue 信用/保证 counts (A6 rev 2)
  ["L3", "E01", "2020-01-01", "2025-06-01", 50000, "抵押", "损失", 364], // grace
];

describe("离岗待遇", () => {
  const p = policy2025();
  p.a.tellerAvgPay = 60000;
  const r = build({ 客户经理: MANAGERS, 贷款台账: LOANS }, { policy: p });
  const m = model(r, "离岗待遇");

  test("registered like the other summaries", () => {
    expect(selectSummaries(["离岗待遇"])).toEqual(["exitPay"]);
    expect(m.columns.slice(0, EXITPAY_HEADERS.length).map((c) => c.header)).toEqual([
      ...EXITPAY_HEADERS,
    ]);
    expect(m.title).toContain("政策年度 2025");
  });

  test("only the CMs leaving by age in the year (延长任职至 respected)", () => {
    expect(m.rows.map((row) => row[0])).toEqual(["E01", "E02", "E04", "E06"]);
    expect(pick(m, 3, ["退出日期", "退出依据"])).toEqual(["2025-09-30", "延长任职至"]);
  });

  test("beyond tolerance: balance, over, A10's share, tellers' coefficient unset", () => {
    expect(
      pick(m, 0, [
        "退出日期",
        "退出时等级",
        "容忍额度",
        "责任不良贷款余额",
        "是否超容忍度",
        "超出比例",
        "岗位工资系数",
        "超容忍度绩效比例",
        "柜员平均效益工资",
        "柜员平均工资系数",
      ])
    ).toEqual([
      "2025-06-16",
      "一级",
      180000,
      216000,
      "超容忍度",
      0.2,
      "按本支行柜员平均工资系数（未设置）",
      0.8,
      60000,
      "未设置",
    ]);
    expect(String(pick(m, 0, ["待遇依据"])[0])).toContain("第四十八条");
  });

  test("支行长 within tolerance at 60%: 按岗位职务系数（第十三条）", () => {
    expect(
      pick(m, 1, [
        "职务",
        "容忍额度",
        "责任不良贷款余额",
        "是否超容忍度",
        "岗位工资系数",
        "超容忍度绩效比例",
      ])
    ).toEqual(["支行长", 108000, 0, "容忍度内", "按岗位职务系数（第十三条）", null]);
    expect(String(pick(m, 1, ["待遇依据"])[0])).toContain("第四十七条");
  });

  test("within tolerance: the grade's coefficient; a missing figure is said in the row", () => {
    expect(pick(m, 2, ["容忍额度", "是否超容忍度", "岗位工资系数"])).toEqual([
      18000,
      "容忍度内",
      2,
    ]);
    expect(pick(m, 3, ["容忍额度", "是否超容忍度"])).toEqual([null, null]);
    expect(String(pick(m, 3, ["说明"])[0])).toContain("近三年自然人贷款利息收入");
  });

  test("without the loan ledger it is skipped with the reason", () => {
    const s = build({ 客户经理: MANAGERS });
    expect(s.models.some((x) => x.name === "离岗待遇")).toBe(false);
    expect(s.skipped.find((x) => x.id === "exitPay")?.reasonZh).toContain("贷款台账");
  });

  test("nobody leaving: said so", () => {
    const s = build({ 客户经理: [HEAD, MANAGERS[5]], 贷款台账: LOANS });
    const e = model(s, "离岗待遇");
    expect(e.rows).toHaveLength(0);
    expect((e.notes ?? []).some((n) => String(n[1]).includes("没有"))).toBe(true);
  });
});

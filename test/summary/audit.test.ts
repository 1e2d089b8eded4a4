/**
 * Audit of the 公司客户经理等级, 差错积分汇总 and 预警时效 summaries against RULES.md B, C, D:
 * hand-derived cases the other summary tests do not pin down.
 */
import { build, CUSTOMER_HEADER, model, pick, policy2025, Rows } from "./helpers";

const MANAGERS: Rows = [
  // rev 2: both trainees' periods ended (见习期满日期) and they passed the trainee exam
  [
    "员工号",
    "姓名",
    "现等级",
    "年度考核结果",
    "连续营销年限",
    "升等考试通过",
    "连续两年后三名",
    "完成主要业务指标",
    "正常类贷款占比",
    "上年正常类贷款占比",
    "诫勉中",
    "见习期满日期",
    "见习考试合格",
  ],
  ["T1", "甲", "见习", "称职", 1, "否", "否", "是", 98, 97, "否", "2025-06-30", "是"],
  ["T2", "乙", "见习", "称职", 1, "否", "否", "是", 98, 97, "否", "2025-06-30", "是"],
];
const CUSTOMERS: Rows = [
  [...CUSTOMER_HEADER],
  // T1: 12,000,000 deposits (见习, not 四级 a) and USD 3,000,000 of settlement: 四级 c (10,000,000 元) needs the rate
  ["甲一公司", "T1", 12000000, 0, 3000000, 0, "否", "否", "否"],
  // T2: the same without settlement: 见习 whatever the rate
  ["乙一公司", "T2", 12000000, 0, 0, 0, "否", "否", "否"],
];

describe("公司客户经理等级 with the USD→CNY rate unset (RULES.md B2 四级 c, POLICY)", () => {
  test("a CM whose qualified level depends on the rate gets no guessed level or decision; the row says the rate is missing", () => {
    const unset = { ...policy2025(), usdCnyRate: null };
    const m = model(
      build({ 客户经理: MANAGERS, 公司客户: CUSTOMERS }, { policy: unset }),
      "公司客户经理等级"
    );
    expect(m.rows[0].slice(0, 8)).toEqual(["T1", "甲", null, null, null, null, null, null]);
    expect(String(m.rows[0][m.rows[0].length - 1])).toContain("美元兑人民币汇率");
    // rev 2: qualified only 见习, exam passed, 原行员等级 blank → 定级 四级 (was 续聘 见习)
    expect(m.rows[1].slice(0, 8)).toEqual(["T2", "乙", "见习", "见习", "定级", "四级", "否", 160]);
  });
  test("with the rate (7.1): T1 qualifies 四级 through c (3,000,000 × 7.1 = 21,300,000 元) and is graded 四级", () => {
    const m = model(build({ 客户经理: MANAGERS, 公司客户: CUSTOMERS }), "公司客户经理等级");
    expect(m.rows[0].slice(0, 8)).toEqual(["T1", "甲", "见习", "四级", "定级", "四级", "否", 160]);
    expect(pick(m, 0, ["四级·条件"])).toEqual(["a✗ b✗ c✓ d✗（1/1 项）；质量✓；年限— ⇒ 达标"]);
  });
});

describe("公司客户经理等级 note", () => {
  test("the admonishment share is the policy's, written exactly (0.55 → 55%)", () => {
    const p = policy2025();
    const m = model(
      build(
        { 客户经理: MANAGERS, 公司客户: CUSTOMERS },
        { policy: { ...p, b: { ...p.b, admonishedAllowanceFactor: 0.55 } } }
      ),
      "公司客户经理等级"
    );
    expect(String(m.notes?.[0][1])).toContain("诫勉中按 55% 发放");
  });
});

describe("差错积分汇总: the policy year's boundary dates", () => {
  test("1 Jan and 31 Dec count, 31 Dec of the year before and 1 Jan after do not; 3.15/3.3 as 3.3; ✕ listed", () => {
    const log: Rows = [
      ["员工号", "日期", "条款", "次数", "加重扣分", "说明"],
      ["E1", "2025-01-01", "2.3", 2, null, null], // 4
      ["E1", "2025-12-31", "3.15/3.3", null, 1, null], // 5 + 1
      ["E1", "2024-12-31", "3.5b", null, null, null],
      ["E1", "2026-01-01", "1.6", null, null, null],
      ["E1", "2025-06-30", "3.1b", null, null, null], // ✕
    ];
    const m = model(
      build({
        客户经理: [
          ["员工号", "姓名"],
          ["E1", "甲"],
        ],
        差错记录: log,
      }),
      "差错积分汇总"
    );
    expect(m.rows[0].slice(0, 4)).toEqual(["E1", "甲", 10, "3.1b"]);
    expect(pick(m, 0, ["计分条目数", "年度外条目数"])).toEqual([3, 2]);
  });
});

describe("预警时效: band lines in the summary", () => {
  test("999,999.99 → M − 25 and no head-office stage; 1,000,000 → max(M − 30, F + 2) and + 2 days from the branch report", () => {
    const rows: Rows = [
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
      ["S", "到期", "黄色", 999999.99, "2025-06-30", "2025-06-01", "2025-06-05", null],
      ["M", "到期", "橙色", 1000000, "2025-06-30", "2025-06-10", "2025-06-13", "2025-06-15"],
    ];
    const m = model(build({ 风险预警: rows }), "预警时效");
    expect(m.rows.map((r) => r.slice(0, 4))).toEqual([
      ["S", "2025-06-05", "2025-06-05", "按时"],
      ["M", "2025-06-12", "2025-06-13", "迟报"],
    ]);
    expect(pick(m, 0, ["分行上报时限", "分行结果"])).toEqual([null, "不适用"]);
    expect(pick(m, 1, ["分行上报时限", "分行结果"])).toEqual(["2025-06-15", "按时"]);
  });
  test("a risk amount Excel shows as 1,000,000 (the double 999999.9999999999, or 99.99999999999999 万元) is on the line, as the user sees it", () => {
    const rows: Rows = [
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
      [
        "M",
        "到期",
        "橙色",
        999999.9999999999,
        "2025-06-30",
        "2025-06-10",
        "2025-06-13",
        "2025-06-15",
      ],
      ["S", "到期", "黄色", 999999.999999, "2025-06-30", "2025-06-01", "2025-06-05", null],
    ];
    const m = model(build({ 风险预警: rows }), "预警时效");
    expect(m.rows.map((r) => r.slice(0, 4))).toEqual([
      ["M", "2025-06-12", "2025-06-13", "迟报"],
      ["S", "2025-06-05", "2025-06-05", "按时"],
    ]);
    expect(pick(m, 0, ["分行上报时限", "分行结果"])).toEqual(["2025-06-15", "按时"]);
    expect(pick(m, 1, ["分行上报时限", "分行结果"])).toEqual([null, "不适用"]);
    const wan = rows.map((r, i) =>
      i === 0
        ? r.map((h) => (h === "风险金额" ? "风险金额（万元）" : h))
        : r.map((v, c) => (c === 3 ? (i === 1 ? 99.99999999999999 : 99.9999999999) : v))
    );
    const w = model(build({ 风险预警: wan }), "预警时效");
    expect(w.rows.map((r) => r.slice(0, 4))).toEqual(m.rows.map((r) => r.slice(0, 4)));
  });
});

describe("预警时效 (rev 2): 后三类预测 and the management warnings", () => {
  test("结果 judges 支行上报日期 for 后三类预测 (by month end) and 分行上报日期 for 越权放贷 (F + 1) / 未落实贷款条件 (F + 2)", () => {
    const rows: Rows = [
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
      ["F1", "后三类预测", "橙色", 500000, null, "2025-04-30", "2025-04-30", null],
      ["F2", "后三类预测", "橙色", 500000, null, "2025-04-03", "2025-05-01", null],
      ["G1", "越权放贷", "红色", 500000, null, "2025-04-30", null, "2025-05-01"],
      ["G2", "越权放贷", "红色", 500000, null, "2025-04-30", "2025-04-30", "2025-05-02"],
      ["H1", "未落实贷款条件", "黄色", 500000, null, "2025-04-29", null, "2025-05-01"],
      ["H2", "未落实贷款条件", "黄色", 500000, null, "2025-04-29", "2025-04-29", null],
    ];
    const m = model(build({ 风险预警: rows }), "预警时效");
    expect(
      m.rows.map((r) => [...r.slice(0, 4), ...pick(m, m.rows.indexOf(r), ["判断环节"])])
    ).toEqual([
      ["F1", "2025-04-30", "2025-04-30", "按时", "支行上报"],
      ["F2", "2025-04-30", "2025-05-01", "迟报", "支行上报"],
      ["G1", "2025-05-01", null, "按时", "分行上报"],
      ["G2", "2025-05-01", "2025-04-30", "迟报", "分行上报"],
      ["H1", "2025-05-01", null, "按时", "分行上报"],
      ["H2", "2025-05-01", "2025-04-29", "未上报", "分行上报"],
    ]);
    expect(pick(m, 3, ["分行上报时限", "分行结果"])).toEqual(["2025-05-01", "迟报"]);
    expect(String(pick(m, 2, ["说明"])[0])).toContain("第十二条（一）2");
    expect(m.notes!.some((n) => String(n[1]).includes("管理风险预警"))).toBe(true);
  });
});

describe("公司客户经理等级 (rev 2): B4 step 0, the trainee path, 新等级 and 通讯费 after the decision", () => {
  const managers: Rows = [
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
      "见习期满日期",
      "见习考试合格",
      "原行员等级",
    ],
    ["A1", "甲", "2015-03-01", "四级", "称职", 5, "否", "否", "是", 98, 97, "否", null, null, null], // 1.1b in the year → 退出
    ["A2", "乙", "2025-03-01", "见习", "称职", 0, "否", "否", "是", 98, 97, "是", null, null, null], // period to 2026-03-01 → 见习中, 诫勉 → 80
    [
      "A3",
      "丙",
      "2024-03-01",
      "见习",
      "称职",
      1,
      "否",
      "否",
      "是",
      98,
      97,
      "否",
      "2025-12-31",
      "是",
      "7等",
    ], // ended on the assessment date → 定级 二级 (7等)
    ["A4", "丁", "2024-03-01", "见习", "称职", 1, "否", "否", "是", 98, 97, "否", null, null, null], // ended 2025-03-01, exam blank → no decision
    ["A5", "戊", "2024-03-01", "见习", "称职", 1, "否", "否", "是", 98, 97, "否", null, "否", null], // failed → 退出
  ];
  const customers: Rows = [
    [...CUSTOMER_HEADER],
    ...["A1", "A2", "A3", "A4", "A5"].map((id) => [
      `${id}公司`,
      id,
      20000000,
      0,
      0,
      0,
      "否",
      "否",
      "否",
    ]),
  ];
  const log: Rows = [
    ["员工号", "日期", "条款", "次数", "加重扣分", "说明"],
    ["A1", "2025-05-05", "1.1b", null, null, null],
    ["A2", "2024-05-05", "1.1b", null, null, null], // another year: not counted
  ];
  test("决定, 新等级 (blank after 退出), 通讯费 per CM", () => {
    const m = model(
      build({ 客户经理: managers, 公司客户: customers, 差错记录: log }),
      "公司客户经理等级"
    );
    expect(m.rows.map((r) => r.slice(0, 8))).toEqual([
      ["A1", "甲", "四级", "四级", "退出", null, "否", 0],
      ["A2", "乙", "见习", "四级", "见习中", "见习", "否", 80],
      ["A3", "丙", "见习", "四级", "定级", "二级", "否", 200],
      ["A4", "丁", null, null, null, null, null, null],
      ["A5", "戊", "见习", "四级", "退出", null, "否", 0],
    ]);
    expect(String(pick(m, 0, ["说明"])[0])).toContain("1.1b 违规操作，情节恶劣");
    expect(String(m.rows[3][m.rows[3].length - 1])).toContain("见习考试合格");
  });
  test("without a 差错记录 sheet the decisions are made and the 说明 says step 0 was not judged", () => {
    const m = model(build({ 客户经理: managers, 公司客户: customers }), "公司客户经理等级");
    expect(m.rows[0].slice(0, 8)).toEqual(["A1", "甲", "四级", "四级", "续聘", "四级", "否", 160]);
    expect(String(pick(m, 0, ["说明"])[0])).toContain("没有差错记录表");
  });
});

describe("预警时效 (rev 2): no 分行上报日期 column", () => {
  test("a management warning's 结果 is left blank with the reason, not 未上报", () => {
    const rows: Rows = [
      ["贷款编号", "预警类型", "预警级别", "风险金额", "到期日期", "发现日期", "支行上报日期"],
      ["G1", "越权放贷", "红色", 500000, null, "2025-04-30", null],
      ["F1", "后三类预测", "橙色", 500000, null, "2025-04-30", "2025-04-30"],
    ];
    const m = model(build({ 风险预警: rows }), "预警时效");
    expect(m.rows[0].slice(0, 4)).toEqual(["G1", null, null, null]);
    expect(String(m.rows[0][m.rows[0].length - 1])).toContain("分行上报日期");
    expect(m.rows[1].slice(0, 4)).toEqual(["F1", "2025-04-30", "2025-04-30", "按时"]);
  });
});

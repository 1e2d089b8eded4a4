/**
 * Audit of the 公司客户经理等级, 差错积分汇总 and 预警时效 summaries against RULES.md B, C, D:
 * hand-derived cases the other summary tests do not pin down.
 */
import { build, model, pick, policy2025, Rows } from "./helpers";

const MANAGERS: Rows = [
  ["员工号", "姓名", "现等级", "年度考核结果", "连续营销年限", "升等考试通过", "连续两年后三名", "完成主要业务指标", "正常类贷款占比", "上年正常类贷款占比", "诫勉中"],
  ["T1", "甲", "见习", "称职", 1, "否", "否", "是", 98, 97, "否"],
  ["T2", "乙", "见习", "称职", 1, "否", "否", "是", 98, 97, "否"],
];
const CUSTOMERS: Rows = [
  ["客户名称", "客户经理", "日均存款", "日均贷款", "国际结算额美元", "新增日均存款", "后三类贷款", "欠息", "垫款"],
  // T1: 12,000,000 deposits (见习, not 四级 a) and USD 3,000,000 of settlement: 四级 c (10,000,000 元) needs the rate
  ["甲一公司", "T1", 12000000, 0, 3000000, 0, "否", "否", "否"],
  // T2: the same without settlement: 见习 whatever the rate
  ["乙一公司", "T2", 12000000, 0, 0, 0, "否", "否", "否"],
];

describe("公司客户经理等级 with the USD→CNY rate unset (RULES.md B2 四级 c, POLICY)", () => {
  test("a CM whose qualified level depends on the rate gets no guessed level or decision; the row says the rate is missing", () => {
    const unset = { ...policy2025(), usdCnyRate: null };
    const m = model(build({ 客户经理: MANAGERS, 公司客户: CUSTOMERS }, { policy: unset }), "公司客户经理等级");
    expect(m.rows[0].slice(0, 7)).toEqual(["T1", "甲", null, null, null, null, null]);
    expect(String(m.rows[0][m.rows[0].length - 1])).toContain("美元兑人民币汇率");
    expect(m.rows[1].slice(0, 7)).toEqual(["T2", "乙", "见习", "见习", "续聘", "否", 160]);
  });
  test("with the rate (7.1): T1 qualifies 四级 through c (3,000,000 × 7.1 = 21,300,000 元) and is graded 四级", () => {
    const m = model(build({ 客户经理: MANAGERS, 公司客户: CUSTOMERS }), "公司客户经理等级");
    expect(m.rows[0].slice(0, 7)).toEqual(["T1", "甲", "见习", "四级", "定级", "否", 160]);
    expect(pick(m, 0, ["四级·条件"])).toEqual(["a✗ b✗ c✓ d✗（1/1 项）；质量✓；年限— ⇒ 达标"]);
  });
});

describe("公司客户经理等级 note", () => {
  test("the admonishment share is the policy's, written exactly (0.55 → 55%)", () => {
    const p = policy2025();
    const m = model(build({ 客户经理: MANAGERS, 公司客户: CUSTOMERS }, { policy: { ...p, b: { ...p.b, admonishedAllowanceFactor: 0.55 } } }), "公司客户经理等级");
    expect(String(m.notes?.[0][1])).toContain("诫勉中按 55% 发放");
  });
});

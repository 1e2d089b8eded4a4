/**
 * Audit of rule set B against RULES.md B1–B5: hand-derived cases that the other B tests do
 * not already pin down.
 */
import { allowance, assessCorporateManagers, assessLevel, checkLevel, requireDecided, triggers } from "../../../src/rules/b";
import { renderSteps } from "../../../src/rules/explain";
import { cust, GOOD, manager, policy } from "./helpers";

const UNSET = policy();
const RATE = policy({ usdCnyRate: 7.2 });

describe("B2 四级 c in 元 with the USD→CNY rate unset (RULES.md B2, POLICY)", () => {
  // 12,000,000 of deposits: 见习 (≥ 10,000,000) but not 四级 a (15,000,000). USD 3,000,000
  // × any rate ≥ 3.34 would meet 四级 c (10,000,000 元): the qualified level hangs on the rate.
  const dependent = [cust(12000000, { usd: 3000000 })];

  test("with the rate set, USD × rate decides: 1,388,888.89 × 7.2 = 10,000,000.008 meets, 1,388,888.88 does not", () => {
    expect(assessLevel([cust(12000000, { usd: 1388888.89 })], GOOD, RATE).qualified).toBe("四级");
    expect(assessLevel([cust(12000000, { usd: 1388888.88 })], GOOD, RATE).qualified).toBe("见习");
    expect(assessLevel(dependent, GOOD, RATE)).toMatchObject({ qualified: "四级", rateUndecided: null });
  });

  test("unset: the qualified level is not guessed — requireDecided throws #N/A naming the missing rate", () => {
    const a = assessLevel(dependent, GOOD, UNSET);
    expect(a.rateUndecided).toBe("四级");
    const ch = a.checks.find((c) => c.level === "四级")!;
    expect(ch).toMatchObject({ qualifies: false, rateDecides: true });
    expect(ch.business.find((c) => c.key === "c")!.status).toBe("汇率未设置");
    expect(() => requireDecided(a, UNSET)).toThrow(/美元兑人民币汇率.*未设置/);
    try {
      requireDecided(a, UNSET);
    } catch (e) {
      expect((e as { kind: string }).kind).toBe("na");
    }
    expect(renderSteps(a.steps)).toContain("请在政策参数中设置“美元兑人民币汇率”");
  });

  test("unset but not deciding: no settlement, a higher level qualifies anyway, or 四级 fails on another condition", () => {
    // no settlement: 0 USD is below the line at any rate
    expect(requireDecided(assessLevel([cust(12000000, { usd: 0 })], GOOD, UNSET), UNSET)).toBe("见习");
    // 四级 reached through a (15,000,000) anyway
    expect(requireDecided(assessLevel([cust(15000000, { usd: 3000000 })], GOOD, UNSET), UNSET)).toBe("四级");
    // 三级 reached through d (15,000,000 new deposits): 四级 c does not matter
    expect(requireDecided(assessLevel([cust(12000000, { usd: 3000000, newDeposits: 15000000 })], GOOD, UNSET), UNSET)).toBe("三级");
    // condition (2) fails (an arrears flag): 四级 fails whatever the rate → 见习
    expect(requireDecided(assessLevel([cust(12000000, { usd: 3000000, arrears: true })], GOOD, UNSET), UNSET)).toBe("见习");
    // the CNY line compares the converted amount, not the USD figure
    expect(checkLevel("四级", [cust(500000, { usd: 10000000 })], GOOD, UNSET).qualifies).toBe(false);
  });

  test("the 公司客户经理等级 roster gives that CM an error naming the rate instead of a guessed decision", () => {
    const [a, b] = assessCorporateManagers(
      [manager({ id: "T1", level: "见习" }), manager({ id: "T2", level: "见习" })],
      [cust(12000000, { manager: "T1", usd: 3000000 }), cust(12000000, { manager: "T2", usd: 0 })],
      UNSET,
    );
    expect(a.ok).toBe(false);
    expect(!a.ok && a.error.zh).toMatch(/T1.*美元兑人民币汇率/);
    expect(b).toMatchObject({ ok: true, qualifiedLevel: "见习", decision: "续聘", newLevel: "见习" });
    // with the rate, the trainee is graded 四级 (第十一条 6)
    expect(assessCorporateManagers([manager({ id: "T1", level: "见习" })], [cust(12000000, { manager: "T1", usd: 3000000 })], RATE)[0]).toMatchObject({
      ok: true,
      qualifiedLevel: "四级",
      decision: "定级",
      newLevel: "四级",
    });
  });
});

describe("B5 / B1 explanations name the policy's allowance factor (第二十四条)", () => {
  const base = {
    customersFell: true, loanRisk: null, quarterActual: [], quarterPlan: [], overdueMonths: null, arrearsMonths: null,
    advance: null, assessment: null, passLine: null, priorYellowYears: null, conduct: null,
  };
  test("the admonishment period step says the factor in force, not a fixed 减半", () => {
    const p = policy();
    expect(renderSteps(triggers(base, p).steps)).toContain("按 50% 发放");
    const p55 = { ...p, b: { ...p.b, admonishedAllowanceFactor: 0.55 } };
    const text = renderSteps(triggers(base, p55).steps);
    expect(text).toContain("按 55% 发放");
    expect(text).not.toContain("减半");
    expect(allowance("高级", true, p55).monthly.toNumber()).toBe(165);
  });
});

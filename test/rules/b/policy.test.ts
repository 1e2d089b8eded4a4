/** Each B policy figure moves a result when changed (no threshold is hard-coded). */
import {
  allowance,
  assessLevel,
  checkLevel,
  decide,
  passLine,
  triggers,
  TriggerInput,
} from "../../../src/rules/b";
import type { CorpLevelRule, Policy } from "../../../src/policy/types";
import { cust, GOOD, policy } from "./helpers";

function withLevel(
  level: CorpLevelRule["level"],
  patch: Partial<CorpLevelRule>,
  base: Policy = policy()
): Policy {
  return {
    ...base,
    b: {
      ...base.b,
      levels: base.b.levels.map((l) => (l.level === level ? { ...l, ...patch } : l)),
    },
  };
}
function withB(patch: Partial<Policy["b"]>, base: Policy = policy()): Policy {
  return { ...base, b: { ...base.b, ...patch } };
}

describe("every B figure is read from the policy", () => {
  const P = policy({ usdCnyRate: 8 });
  const q = (customers: ReturnType<typeof cust>[], p: Policy, m = GOOD) =>
    assessLevel(customers, m, p).qualified;

  test("exclusionLine", () => {
    const c = [cust(600000, { newDeposits: 15000000 })];
    expect(checkLevel("三级", c, GOOD, P).qualifies).toBe(true);
    expect(
      checkLevel("三级", c, GOOD, withLevel("三级", { exclusionLine: 700000 }, P)).qualifies
    ).toBe(false);
  });
  test("depositMin / depositOneMin", () => {
    const c = [cust(25000000), cust(50000000)];
    expect(q(c, P)).toBe("二级");
    expect(q(c, withLevel("二级", { depositMin: 75000001 }, P))).toBe("三级");
    expect(q(c, withLevel("二级", { depositOneMin: 50000001 }, P))).toBe("三级");
  });
  test("loanMin / loanOneMin", () => {
    const c = [cust(1000000, { loans: 50000000 }), cust(1000000, { loans: 130000000 })];
    expect(q(c, P)).toBe("二级");
    expect(q(c, withLevel("二级", { loanMin: 190000000 }, P))).toBe("三级");
    expect(q(c, withLevel("二级", { loanOneMin: 140000000 }, P))).toBe("三级");
  });
  test("settlementMin, settlementCurrency and usdCnyRate", () => {
    const c = [cust(500000, { usd: 1250000 })];
    expect(q(c, P)).toBe("四级");
    expect(q(c, withLevel("四级", { settlementMin: 10000001 }, P))).toBe("无");
    expect(q(c, policy({ usdCnyRate: 7 }))).toBe("无");
    expect(
      q(c, withLevel("四级", { settlementCurrency: "USD", settlementMin: 1250000 }, policy()))
    ).toBe("四级");
  });
  test("newDepositMin", () => {
    const c = [cust(1000000, { newDeposits: 15000000 })];
    expect(q(c, P)).toBe("三级");
    expect(
      q(
        c,
        withLevel(
          "三级",
          { newDepositMin: 16000000 },
          withLevel("四级", { newDepositMin: 16000000 }, P)
        )
      )
    ).toBe("无");
  });
  test("conditionsNeeded", () => {
    const c = [cust(25000000), cust(50000000)];
    expect(q(c, withLevel("二级", { conditionsNeeded: 2 }, P))).toBe("三级");
    expect(
      q([cust(30000000), cust(120000000)], withLevel("一级", { conditionsNeeded: 1 }, P))
    ).toBe("一级");
  });
  test("tenureYears", () => {
    const c = [cust(25000000), cust(50000000)];
    expect(q(c, withLevel("二级", { tenureYears: 6 }, P))).toBe("三级");
  });
  test("allowance and staffGrade", () => {
    expect(allowance("二级", false, withLevel("二级", { allowance: 210 })).monthly.toNumber()).toBe(
      210
    );
    expect(
      allowance("二级", false, withLevel("二级", { staffGrade: "6等" })).steps[0].params.grade
    ).toBe("6等");
    const p = policy();
    expect(
      allowance(
        "见习",
        false,
        withB({ trainee: { ...p.b.trainee, allowance: 150 } })
      ).monthly.toNumber()
    ).toBe(150);
    expect(
      allowance("见习", false, withB({ trainee: { ...p.b.trainee, staffGrade: "10等" } })).steps[0]
        .params.grade
    ).toBe("10等");
  });
  test("trainee exclusionLine and depositMin", () => {
    const p = policy();
    const c = [cust(10000000)];
    expect(checkLevel("见习", c, GOOD, p).qualifies).toBe(true);
    expect(
      checkLevel("见习", c, GOOD, withB({ trainee: { ...p.b.trainee, depositMin: 10000001 } }))
        .qualifies
    ).toBe(false);
    expect(
      checkLevel("见习", c, GOOD, withB({ trainee: { ...p.b.trainee, exclusionLine: 10000001 } }))
        .qualifies
    ).toBe(false);
  });
  test("pass-line figures", () => {
    const c = [cust(15000000)];
    expect(passLine(c, "三级", policy()).met).toBe(true);
    expect(passLine(c, "三级", withB({ passLineOther: 15000001 })).met).toBe(false);
    expect(passLine(c, "三级", withB({ passLineExclusion: 15000001 })).met).toBe(false);
    expect(passLine([cust(10000000)], "见习", withB({ passLineTrainee: 12000000 })).met).toBe(
      false
    );
  });
  test("admonishment, yellow card and dismissal figures", () => {
    const base: TriggerInput = {
      customersFell: null,
      loanRisk: null,
      quarterActual: [85, 85],
      quarterPlan: [100, 100],
      overdueMonths: 2,
      arrearsMonths: null,
      advance: null,
      assessment: null,
      passLine: null,
      priorYellowYears: 1,
      conduct: null,
    };
    const p = policy();
    expect(triggers({ ...base, overdueMonths: null }, p).admonish).toBe(false);
    expect(
      triggers({ ...base, overdueMonths: null }, withB({ admonishPlanShare: 0.9 })).admonish
    ).toBe(true);
    expect(
      triggers(
        { ...base, overdueMonths: null, quarterActual: [70, 70], quarterPlan: [100, 100] },
        withB({ admonishQuarters: 3 })
      ).admonish
    ).toBe(false);
    expect(triggers(base, p).admonish).toBe(true);
    // rev 2 (B5): 2 months overdue reaches a limit of 2 (以上 includes it); a limit of 3 is not reached
    expect(triggers(base, withB({ admonishOverdueMonths: 2 })).admonish).toBe(true);
    expect(triggers(base, withB({ admonishOverdueMonths: 3 })).admonish).toBe(false);
    expect(triggers(base, withB({ admonishMonths: 3 })).admonishMonths).toBe(3);
    expect(triggers(base, p).yellow).toBe(true);
    expect(triggers(base, withB({ yellowQuarters: 3 })).yellow).toBe(false);
    expect(triggers(base, p).dismiss).toBe(true);
    expect(triggers(base, withB({ dismissYellowYears: 3 })).dismiss).toBe(false);
  });
  test("breakthroughLevels", () => {
    const input = {
      current: "四级",
      qualified: "二级",
      assessment: "优秀",
      examPassed: true,
      bottom3TwoYears: false,
      tasksDone: true,
      passLine: true,
    } as const;
    expect(decide(input, policy()).breakthrough).toBe(true);
    expect(decide(input, withB({ breakthroughLevels: 3 })).breakthrough).toBe(false);
  });
  test("admonishedAllowanceFactor", () => {
    expect(
      allowance("高级", true, withB({ admonishedAllowanceFactor: 0.6 })).monthly.toNumber()
    ).toBe(180);
  });
});

/**
 * Audit of rule set B against RULES.md B1–B5: hand-derived cases that the other B tests do
 * not already pin down.
 */
import {
  allowance,
  assessCorporateManagers,
  assessLevel,
  checkLevel,
  decide,
  DecisionInput,
  passLine,
  requireDecided,
  triggers,
} from "../../../src/rules/b";
import { renderSteps } from "../../../src/rules/explain";
import { cust, GOOD, manager, policy } from "./helpers";

const UNSET = policy();
const RATE = policy({ usdCnyRate: 7.2 });

/** rev 2 (B4 step 3): a trainee whose period has ended and who passed the trainee exam */
const ENDED_TRAINEE = { traineeEnd: "2025-06-30", traineeExamPassed: true };

describe("B2 四级 c in 元 with the USD→CNY rate unset (RULES.md B2, POLICY)", () => {
  // 12,000,000 of deposits: 见习 (≥ 10,000,000) but not 四级 a (15,000,000). USD 3,000,000
  // × any rate ≥ 3.34 would meet 四级 c (10,000,000 元): the qualified level hangs on the rate.
  const dependent = [cust(12000000, { usd: 3000000 })];

  test("with the rate set, USD × rate decides: 1,388,888.89 × 7.2 = 10,000,000.008 meets, 1,388,888.88 does not", () => {
    expect(assessLevel([cust(12000000, { usd: 1388888.89 })], GOOD, RATE).qualified).toBe("四级");
    expect(assessLevel([cust(12000000, { usd: 1388888.88 })], GOOD, RATE).qualified).toBe("见习");
    expect(assessLevel(dependent, GOOD, RATE)).toMatchObject({
      qualified: "四级",
      rateUndecided: null,
    });
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
    expect(requireDecided(assessLevel([cust(12000000, { usd: 0 })], GOOD, UNSET), UNSET)).toBe(
      "见习"
    );
    // 四级 reached through a (15,000,000) anyway
    expect(
      requireDecided(assessLevel([cust(15000000, { usd: 3000000 })], GOOD, UNSET), UNSET)
    ).toBe("四级");
    // 三级 reached through d (15,000,000 new deposits): 四级 c does not matter
    expect(
      requireDecided(
        assessLevel([cust(12000000, { usd: 3000000, newDeposits: 15000000 })], GOOD, UNSET),
        UNSET
      )
    ).toBe("三级");
    // condition (2) fails (an arrears flag): 四级 fails whatever the rate → 见习
    expect(
      requireDecided(
        assessLevel([cust(12000000, { usd: 3000000, arrears: true })], GOOD, UNSET),
        UNSET
      )
    ).toBe("见习");
    // the CNY line compares the converted amount, not the USD figure
    expect(checkLevel("四级", [cust(500000, { usd: 10000000 })], GOOD, UNSET).qualifies).toBe(
      false
    );
  });

  test("the 公司客户经理等级 roster gives that CM an error naming the rate instead of a guessed decision", () => {
    const [a, b] = assessCorporateManagers(
      [
        manager({ id: "T1", level: "见习", ...ENDED_TRAINEE }),
        manager({ id: "T2", level: "见习", ...ENDED_TRAINEE }),
      ],
      [cust(12000000, { manager: "T1", usd: 3000000 }), cust(12000000, { manager: "T2", usd: 0 })],
      UNSET
    );
    expect(a.ok).toBe(false);
    expect(!a.ok && a.error.zh).toMatch(/T1.*美元兑人民币汇率/);
    // rev 2: period ended, exam passed, 原行员等级 blank, qualified only 见习 → 定级 四级 (was 续聘 见习)
    expect(b).toMatchObject({
      ok: true,
      qualifiedLevel: "见习",
      decision: "定级",
      newLevel: "四级",
    });
    // with the rate, the trainee is graded 四级 (第十一条 6)
    expect(
      assessCorporateManagers(
        [manager({ id: "T1", level: "见习", ...ENDED_TRAINEE })],
        [cust(12000000, { manager: "T1", usd: 3000000 })],
        RATE
      )[0]
    ).toMatchObject({
      ok: true,
      qualifiedLevel: "四级",
      decision: "定级",
      newLevel: "四级",
    });
  });
});

describe("B5 / B1 explanations name the policy's allowance factor (第二十四条)", () => {
  const base = {
    customersFell: true,
    loanRisk: null,
    quarterActual: [],
    quarterPlan: [],
    overdueMonths: null,
    arrearsMonths: null,
    advance: null,
    assessment: null,
    passLine: null,
    priorYellowYears: null,
    conduct: null,
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

describe("B2 exclusion lines differ per level (第十一条 二 (3))", () => {
  const P = policy({ usdCnyRate: 7.2 });
  test("a 4,000,000 customer counts for 一级 (line 3,000,000) but not for 高级 (line 5,000,000); 999,999.99 counts only from 三级 down", () => {
    const cs = [
      cust(4000000, { loans: 1 }),
      cust(999999.99, { loans: 2 }),
      cust(499999.99, { loans: 4 }),
    ];
    const inc = (l: Parameters<typeof checkLevel>[0]) => [
      checkLevel(l, cs, GOOD, P).indicators.included,
      checkLevel(l, cs, GOOD, P).indicators.loans.toNumber(),
    ];
    expect(inc("高级")).toEqual([0, 0]);
    expect(inc("一级")).toEqual([1, 1]);
    expect(inc("二级")).toEqual([1, 1]);
    expect(inc("三级")).toEqual([2, 3]);
    expect(inc("四级")).toEqual([2, 3]);
    expect(inc("见习")[0]).toBe(2);
  });
  test("condition (2) still sees the customer below every line", () => {
    const r = assessLevel(
      [cust(80000000, { newDeposits: 25000000 }), cust(499999.99, { advances: true })],
      GOOD,
      P
    );
    expect(r.checks.every((c) => c.quality === null || !c.quality.met)).toBe(true);
    expect(r.qualified).toBe("见习");
  });
});

describe("B3 minimum pass line exactly on the line (第九条)", () => {
  const P = policy();
  test.each(["高级", "一级", "二级", "三级", "四级"] as const)(
    "%s: 15,000,000 passes, 14,999,999 does not",
    (level) => {
      expect(passLine([cust(15000000)], level, P).met).toBe(true);
      expect(passLine([cust(14999999)], level, P).met).toBe(false);
      expect(passLine([cust(14999999), cust(499999.99)], level, P).met).toBe(false);
    }
  );
  test("见习: 10,000,000 passes, 9,999,999 does not", () => {
    expect(passLine([cust(10000000)], "见习", P).met).toBe(true);
    expect(passLine([cust(9999999)], "见习", P).met).toBe(false);
  });
});

describe("B4 first match wins (第十九条), more branches", () => {
  const P = policy();
  // rev 2: a trainee's period has ended and the trainee exam was passed (原行员等级 blank)
  const ENDED = {
    periodEnd: "2025-06-30",
    firstAppointed: null,
    examPassed: true,
    formerStaffGrade: null,
  };
  const d = (patch: Partial<DecisionInput>) =>
    decide(
      {
        current: "三级",
        qualified: "三级",
        assessment: "称职",
        examPassed: true,
        bottom3TwoYears: false,
        tasksDone: true,
        passLine: true,
        trainee: ENDED,
        ...patch,
      },
      P
    );
  test.each<[Partial<DecisionInput>, string, string | null, boolean, number]>([
    // 1 beats 2 and 3
    [{ passLine: false, tasksDone: false }, "退出", null, false, 1],
    [{ passLine: false, current: "见习", qualified: "四级" }, "退出", null, false, 1],
    // 2: one level down from 高级; 2 beats 4
    [{ current: "高级", qualified: "高级", bottom3TwoYears: true }, "低聘", "一级", false, 2],
    [{ current: "四级", qualified: "一级", tasksDone: false }, "低聘", "见习", false, 2],
    // 3: a trainee is graded straight to the qualified level, exam or not, no 破格 flag
    [
      { current: "见习", qualified: "高级", assessment: "优秀", examPassed: null },
      "定级",
      "高级",
      false,
      3,
    ],
    [{ current: "见习", qualified: "四级" }, "定级", "四级", false, 3],
    // 4: exactly one level above → 晋升 without 破格; three above → 晋升 one level, 破格 flagged
    [{ current: "四级", qualified: "三级" }, "晋升", "三级", false, 4],
    [{ current: "四级", qualified: "一级", assessment: "优秀" }, "晋升", "三级", true, 4],
    [{ current: "一级", qualified: "高级" }, "晋升", "高级", false, 4],
    // 5
    [{ current: "二级", qualified: "一级", examPassed: false }, "续聘", "二级", false, 5],
    // 6: 基本称职 with qualified above → one level down; qualified lower → down to it
    [{ current: "二级", qualified: "高级", assessment: "基本称职" }, "低聘", "三级", false, 6],
    [{ current: "高级", qualified: "三级" }, "低聘", "三级", false, 6],
    [
      { current: "二级", qualified: "一级", assessment: "不称职", examPassed: true },
      "低聘",
      "三级",
      false,
      6,
    ],
    // rev 2: the trainee path decides every 见习 (exam passed, qualified below 四级 → 四级)
    [{ current: "见习", qualified: "见习", assessment: "基本称职" }, "定级", "四级", false, 3],
  ])("%j → %s %s (破格 %s, step %d)", (patch, decision, newLevel, breakthrough, rule) => {
    expect(d(patch)).toMatchObject({ decision, newLevel, breakthrough, rule });
  });
  test("allowance follows the decision: 定级 二级 → 200; 低聘 to 见习 under 诫勉 → 80; 退出 → 0", () => {
    expect(
      allowance(d({ current: "见习", qualified: "二级" }).newLevel, false, P).monthly.toNumber()
    ).toBe(200);
    expect(
      allowance(d({ current: "四级", tasksDone: false }).newLevel, true, P).monthly.toNumber()
    ).toBe(80);
    expect(allowance(d({ passLine: false }).newLevel, true, P).monthly.toNumber()).toBe(0);
  });
});

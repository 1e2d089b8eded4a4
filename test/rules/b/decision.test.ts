import {
  allowance,
  decide,
  DecisionInput,
  passLine,
  triggers,
  TriggerInput,
} from "../../../src/rules/b";
import { renderSteps } from "../../../src/rules/explain";
import { cust, policy } from "./helpers";

const P = policy();

/** rev 2: a trainee's period has ended (2025-06-30) and the trainee exam was passed, 原行员等级 blank */
const ENDED = {
  periodEnd: "2025-06-30",
  firstAppointed: null,
  examPassed: true,
  formerStaffGrade: null,
};

function d(patch: Partial<DecisionInput>) {
  return decide(
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
}

describe("B3 minimum pass line (第九条)", () => {
  test("other levels: ≥ 15,000,000 over customers with ≥ 500,000 each; exactly on both lines passes", () => {
    expect(passLine([cust(14500000), cust(500000)], "三级", P).met).toBe(true);
    expect(passLine([cust(14500000), cust(499999.99)], "三级", P).met).toBe(false);
    expect(passLine([cust(14999999.99)], "高级", P).met).toBe(false);
  });
  test("见习: ≥ 10,000,000 (the balance, Interpretation: 第九条)", () => {
    const r = passLine([cust(10000000)], "见习", P);
    expect(r.met).toBe(true);
    expect(r.line).toBe(10000000);
    expect(r.steps.some((s) => s.kind === "interpretation")).toBe(true);
    expect(passLine([cust(9999999.99)], "见习", P).met).toBe(false);
  });
});

describe("B4 annual decision (第十九条), in its order", () => {
  test("1. below the pass line → 退出, before everything else", () => {
    expect(d({ passLine: false, qualified: "高级", assessment: "优秀" })).toMatchObject({
      decision: "退出",
      newLevel: null,
      rule: 1,
    });
  });
  test("2. main tasks not completed or bottom-3 two years → 低聘 one level; 退出 from 见习", () => {
    expect(d({ tasksDone: false, qualified: "高级" })).toMatchObject({
      decision: "低聘",
      newLevel: "四级",
      rule: 2,
    });
    expect(d({ bottom3TwoYears: true, current: "四级" })).toMatchObject({
      decision: "低聘",
      newLevel: "见习",
    });
    expect(d({ tasksDone: false, current: "见习", qualified: "四级" })).toMatchObject({
      decision: "退出",
      newLevel: null,
      rule: 2,
    });
  });
  // rev 2 (第六条, 第十九条五): the trainee exam decides after the period, not the assessment; below 四级 → 四级
  test("3. 见习, period ended, exam passed, 原行员等级 blank: 定级 to the qualified level if 四级 or above, else 四级", () => {
    expect(d({ current: "见习", qualified: "二级", examPassed: false })).toMatchObject({
      decision: "定级",
      newLevel: "二级",
      breakthrough: false,
      rule: 3,
    });
    expect(d({ current: "见习", qualified: "见习" })).toMatchObject({
      decision: "定级",
      newLevel: "四级",
      rule: 3,
    });
    expect(d({ current: "见习", qualified: "无" })).toMatchObject({
      decision: "定级",
      newLevel: "四级",
      rule: 3,
    });
    expect(d({ current: "见习", qualified: "二级", assessment: "基本称职" })).toMatchObject({
      decision: "定级",
      newLevel: "二级",
      rule: 3,
    });
  });
  test("4. qualified above, exam passed → 晋升 one level; 破格 flagged when two or more above", () => {
    expect(d({ qualified: "二级" })).toMatchObject({
      decision: "晋升",
      newLevel: "二级",
      breakthrough: false,
      rule: 4,
    });
    const r = d({ qualified: "一级", assessment: "优秀" });
    expect(r).toMatchObject({ decision: "晋升", newLevel: "二级", breakthrough: true });
    expect(r.steps.some((s) => s.code === "B_DEC_BREAKTHROUGH")).toBe(true);
  });
  test("4 → 5. exam not passed (or blank): 续聘", () => {
    expect(d({ qualified: "一级", examPassed: false })).toMatchObject({
      decision: "续聘",
      newLevel: "三级",
      breakthrough: false,
      rule: 5,
    });
    expect(d({ qualified: "一级", examPassed: null })).toMatchObject({ decision: "续聘", rule: 5 });
  });
  test("5. 称职 or better, qualified = current → 续聘", () => {
    expect(d({})).toMatchObject({ decision: "续聘", newLevel: "三级", rule: 5 });
    expect(d({ current: "高级", qualified: "高级", assessment: "优秀" })).toMatchObject({
      decision: "续聘",
      newLevel: "高级",
    });
  });
  test("6. otherwise 低聘: one level below, or to the qualified level when lower; 退出 when none", () => {
    expect(d({ assessment: "基本称职" })).toMatchObject({
      decision: "低聘",
      newLevel: "四级",
      rule: 6,
    });
    expect(d({ assessment: "不称职", qualified: "高级" })).toMatchObject({
      decision: "低聘",
      newLevel: "四级",
    });
    expect(d({ current: "一级", qualified: "四级" })).toMatchObject({
      decision: "低聘",
      newLevel: "四级",
    });
    expect(d({ current: "一级", qualified: "二级" })).toMatchObject({
      decision: "低聘",
      newLevel: "二级",
    });
    expect(d({ current: "一级", qualified: "见习" })).toMatchObject({
      decision: "低聘",
      newLevel: "见习",
    });
    expect(d({ current: "一级", qualified: "无" })).toMatchObject({
      decision: "退出",
      newLevel: null,
    });
    expect(d({ current: "四级", qualified: "无" })).toMatchObject({
      decision: "退出",
      newLevel: null,
    });
  });
  test("blank flags are explained", () => {
    const r = d({ tasksDone: null, bottom3TwoYears: null });
    expect(r.decision).toBe("续聘");
    expect(r.steps.filter((s) => s.kind === "warning").map((s) => s.code)).toEqual([
      "B_DEC_BLANK_TASKS",
      "B_DEC_BLANK_BOTTOM3",
    ]);
  });
});

describe("B1 allowance after the decision (第十三条, 第二十四条)", () => {
  test.each([
    ["高级", 300],
    ["一级", 260],
    ["二级", 200],
    ["三级", 160],
    ["四级", 160],
    ["见习", 160],
  ] as const)("%s → %d 元, halved under 诫勉", (level, yuan) => {
    expect(allowance(level, false, P).monthly.toNumber()).toBe(yuan);
    expect(allowance(level, null, P).monthly.toNumber()).toBe(yuan);
    expect(allowance(level, true, P).monthly.toNumber()).toBe(yuan / 2);
  });
  test("0 after 退出, whatever the admonishment", () => {
    expect(allowance(null, true, P).monthly.toNumber()).toBe(0);
    expect(renderSteps(allowance(null, false, P).steps)).toContain("0 元");
  });
});

function t(patch: Partial<TriggerInput>) {
  return triggers(
    {
      customersFell: null,
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
      ...patch,
    },
    P
  );
}

describe("B5 诫勉 / 黄牌 / 解聘 (第二十–二十二条)", () => {
  test("nothing entered → nothing triggered", () => {
    expect(t({})).toMatchObject({
      admonish: false,
      yellow: false,
      dismiss: false,
      admonishMonths: null,
      reasons: [],
    });
  });
  test("诫勉 flags", () => {
    expect(t({ customersFell: true }).admonish).toBe(true);
    expect(t({ loanRisk: true }).admonish).toBe(true);
    expect(t({ advance: true }).admonish).toBe(true);
    // rev 2 (RULES.md B5): "1个月以上" includes one month
    expect(t({ overdueMonths: 1 }).admonish).toBe(true);
    expect(t({ overdueMonths: 0.99 }).admonish).toBe(false);
    expect(t({ overdueMonths: 1.5 }).admonish).toBe(true);
    expect(t({ arrearsMonths: 2 })).toMatchObject({ admonish: true, admonishMonths: 6 });
  });
  test("诫勉: under 80% of plan two quarters running; exactly 80% is not under", () => {
    expect(t({ quarterActual: [79, 100, 79], quarterPlan: [100, 100, 100] }).admonish).toBe(false);
    expect(t({ quarterActual: [100, 79.99, 70], quarterPlan: [100, 100, 100] }).admonish).toBe(
      true
    );
    expect(t({ quarterActual: [80, 80], quarterPlan: [100, 100] }).admonish).toBe(false);
  });
  test("黄牌: two quarters running not completed, 不称职, below the pass line", () => {
    expect(t({ quarterActual: [99, 99], quarterPlan: [100, 100] })).toMatchObject({
      yellow: true,
      admonish: false,
    });
    expect(t({ quarterActual: [100, 99, 100, 99], quarterPlan: [100, 100, 100, 100] }).yellow).toBe(
      false
    );
    expect(t({ assessment: "不称职" }).yellow).toBe(true);
    expect(t({ assessment: "基本称职" }).yellow).toBe(false);
    expect(t({ passLine: false }).yellow).toBe(true);
  });
  test("解聘: a yellow card this year after one last year; conduct cases", () => {
    expect(t({ assessment: "不称职", priorYellowYears: 1 }).dismiss).toBe(true);
    expect(t({ assessment: "不称职", priorYellowYears: 0 }).dismiss).toBe(false);
    expect(t({ priorYellowYears: 3 }).dismiss).toBe(false);
    expect(t({ conduct: true }).dismiss).toBe(true);
  });
  test("quarter figures: mismatched lengths or a plan of 0 are errors, never a division by zero", () => {
    expect(() => t({ quarterActual: [1, 2], quarterPlan: [1] })).toThrow(/不一致/);
    expect(() => t({ quarterActual: [1], quarterPlan: [0] })).toThrow(/计划/);
  });
});

describe("B5 (rev 2): overdue / arrears 1个月以上 includes one month, counted in calendar months (EDATE)", () => {
  const asOf = "2025-03-31";
  test.each([
    // since, as of, admonished
    ["2025-01-15", "2025-02-14", false], // the day before one month
    ["2025-01-15", "2025-02-15", true], // exactly one month: included
    ["2025-01-15", "2025-02-16", true],
    ["2025-01-31", "2025-02-27", false],
    ["2025-01-31", "2025-02-28", true], // 01-31 + 1 month = 02-28 (month-end clamp, as EDATE)
    ["2024-01-31", "2024-02-28", false],
    ["2024-01-31", "2024-02-29", true], // leap year: 02-29
    ["2025-03-31", "2025-04-30", true], // 03-31 + 1 month = 04-30
    ["2025-03-31", "2025-04-29", false],
    ["2025-12-15", "2026-01-15", true], // over the year end
  ])("overdue since %s, as of %s → 诫勉 %p", (since, on, admonished) => {
    expect(t({ overdueSince: since, asOf: on }).admonish).toBe(admonished);
    expect(t({ arrearsSince: since, asOf: on }).admonish).toBe(admonished);
  });
  test("as of defaults to the assessment date; the explanation names the date one month later and 第二十条 五", () => {
    // 2025 policy: 2025-12-31. 11-30 + 1 month = 12-30 ≤ 12-31; 12-01 + 1 month = 2026-01-01 > 12-31
    expect(t({ overdueSince: "2025-11-30" }).admonish).toBe(true);
    expect(t({ overdueSince: "2025-12-01" }).admonish).toBe(false);
    expect(t({ overdueSince: "2025-12-01", asOf: "2026-01-01" }).admonish).toBe(true);
  });
  test("the explanation names the dates", () => {
    const r = t({ overdueSince: "2025-01-31", asOf });
    const text = renderSteps(r.steps);
    expect(text).toContain("2025-02-28");
    expect(text).toContain("含");
    expect(r.reasons[0].article).toBe("第二十条 五");
  });
  test("a since date after the as-of date is an error", () => {
    expect(() => t({ overdueSince: "2025-04-01", asOf })).toThrow(/晚于/);
  });
  test("the month figure is the policy's", () => {
    const p2 = { ...P, b: { ...P.b, admonishOverdueMonths: 2 } };
    const base = {
      customersFell: null,
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
    expect(triggers({ ...base, overdueSince: "2025-01-31", asOf: "2025-03-30" }, p2).admonish).toBe(
      false
    );
    expect(triggers({ ...base, overdueSince: "2025-01-31", asOf: "2025-03-31" }, p2).admonish).toBe(
      true
    );
    expect(triggers({ ...base, overdueMonths: 1.99 }, p2).admonish).toBe(false);
    expect(triggers({ ...base, overdueMonths: 2 }, p2).admonish).toBe(true);
  });
});

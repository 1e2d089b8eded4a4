/**
 * RULES.md B4 (rev 2): step 0 (a ✕ item of rule set C → 退出), the trainee path (第六条,
 * 第十九条五: 见习中 / 退出 / 定级 by 原行员等级 套改), the 基本称职 label; the roster and allowance after it.
 */
import {
  allowance,
  assessCorporateManagers,
  decide,
  DecisionInput,
  levelOfStaffGrade,
} from "../../../src/rules/b";
import { renderSteps } from "../../../src/rules/explain";
import type { ErrorLogRow } from "../../../src/core/rows";
import { cust, manager, policy } from "./helpers";

const P = policy(); // 2025: assessment date 2025-12-31

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
      ...patch,
    },
    P
  );
}
const trainee = (
  t: Partial<NonNullable<DecisionInput["trainee"]>>,
  patch: Partial<DecisionInput> = {}
) =>
  d({
    current: "见习",
    qualified: "见习",
    trainee: {
      periodEnd: null,
      firstAppointed: null,
      examPassed: null,
      formerStaffGrade: null,
      ...t,
    },
    ...patch,
  });

describe("B4 step 0 (rev 2): a ✕ item of rule set C in the year → 退出, naming the item, before every other step", () => {
  const item = {
    code: "1.1b",
    what: "违规操作，情节恶劣",
    whatEn: "Operating against the rules, flagrant case",
    article: "一、1",
  };
  test("beats the pass line, the trainee path and a promotion", () => {
    expect(d({ disqualifying: [item], qualified: "高级", assessment: "优秀" })).toMatchObject({
      decision: "退出",
      newLevel: null,
      rule: 0,
      breakthrough: false,
    });
    expect(d({ disqualifying: [item], passLine: false })).toMatchObject({
      decision: "退出",
      rule: 0,
    });
    expect(trainee({ periodEnd: "2026-06-30" }, { disqualifying: [item] })).toMatchObject({
      decision: "退出",
      rule: 0,
    });
  });
  test("the explanation names every item, its place in the source and 第十九条", () => {
    const r = d({
      disqualifying: [
        item,
        {
          code: "1.5",
          what: "与客户串通弄虚作假、欺骗银行",
          whatEn: "Colluding",
          article: "一、5",
        },
      ],
    });
    const text = renderSteps(r.steps);
    expect(text).toContain("1.1b 违规操作，情节恶劣");
    expect(text).toContain("1.5 与客户串通弄虚作假、欺骗银行");
    expect(text).toContain("取消客户经理资格");
    expect(r.steps.find((s) => s.kind === "result")!.article).toContain("第十九条");
    expect(renderSteps(r.steps, "en")).toContain("1.1b");
  });
  test("no item (empty or not given) → the usual steps", () => {
    expect(d({ disqualifying: [] })).toMatchObject({ decision: "续聘", rule: 5 });
    expect(d({})).toMatchObject({ decision: "续聘", rule: 5 });
  });
});

describe("B4 step 3 (rev 2): the trainee path", () => {
  test("the period runs while the assessment date is before 见习期满日期: the day before → 见习中; on the day and after → ended", () => {
    expect(trainee({ periodEnd: "2026-01-01" })).toMatchObject({
      decision: "见习中",
      newLevel: "见习",
      rule: 3,
    });
    // ended on the assessment date itself (届满 includes the day): the exam decides
    expect(trainee({ periodEnd: "2025-12-31", examPassed: true })).toMatchObject({
      decision: "定级",
      newLevel: "四级",
      rule: 3,
    });
    expect(trainee({ periodEnd: "2025-12-30", examPassed: false })).toMatchObject({
      decision: "退出",
      newLevel: null,
      rule: 3,
    });
    const running = trainee({ periodEnd: "2026-01-01" });
    expect(
      running.steps.some(
        (s) => s.kind === "interpretation" && s.code === "B_INTERP_TRAINEE_END_DAY"
      )
    ).toBe(true);
    expect(renderSteps(running.steps)).toContain("2026-01-01");
  });
  test("见习期满日期 blank → 首次任职日期 + 1 year (29 Feb → 28 Feb)", () => {
    expect(trainee({ firstAppointed: "2025-01-01" })).toMatchObject({ decision: "见习中" }); // ends 2026-01-01
    expect(trainee({ firstAppointed: "2024-12-31", examPassed: true })).toMatchObject({
      decision: "定级",
    }); // ends 2025-12-31
    expect(trainee({ firstAppointed: "2024-12-30", examPassed: false })).toMatchObject({
      decision: "退出",
    });
    const p24 = policy({ year: 2024, assessmentDate: "2025-02-28" });
    const t = (firstAppointed: string) =>
      decide(
        {
          current: "见习",
          qualified: "见习",
          assessment: "称职",
          examPassed: null,
          bottom3TwoYears: false,
          tasksDone: true,
          passLine: true,
          trainee: { periodEnd: null, firstAppointed, examPassed: true, formerStaffGrade: null },
        },
        p24
      );
    expect(t("2024-02-29").decision).toBe("定级"); // + 1 year = 2025-02-28 = the assessment date
    expect(t("2024-03-01").decision).toBe("见习中");
    expect(renderSteps(trainee({ firstAppointed: "2025-01-01" }).steps)).toContain("首次任职日期");
  });
  test("见习期满日期 given wins over 首次任职日期", () => {
    expect(
      trainee({ periodEnd: "2025-07-01", firstAppointed: "2025-06-01", examPassed: true })
    ).toMatchObject({ decision: "定级" });
  });
  test("no end date and no first appointment: no decision, the error names both columns", () => {
    expect(() => trainee({})).toThrow(/见习期满日期.*首次任职日期/);
  });
  test("period ended, 见习考试合格 blank: no decision, the error names the column", () => {
    expect(() => trainee({ periodEnd: "2025-06-30" })).toThrow(/见习考试合格/);
  });
  test("passed → 定级 to the level of 原行员等级 by B1's table (5等 高级 … 9等 四级), whatever the qualified level", () => {
    const cases: [string, string][] = [
      ["5等", "高级"],
      ["6等", "一级"],
      ["7等", "二级"],
      ["8等", "三级"],
      ["9等", "四级"],
    ];
    for (const [grade, level] of cases) {
      expect(
        trainee(
          { periodEnd: "2025-06-30", examPassed: true, formerStaffGrade: grade as never },
          { qualified: "无" }
        )
      ).toMatchObject({ decision: "定级", newLevel: level, rule: 3 });
      expect(levelOfStaffGrade(P, grade)).toBe(level);
    }
    expect(
      renderSteps(
        trainee({ periodEnd: "2025-06-30", examPassed: true, formerStaffGrade: "7等" }).steps
      )
    ).toContain("7等");
  });
  test("the 套改 table is the policy's (one table): a policy whose 二级 is 6等 grades 6等 to 二级", () => {
    const p = policy();
    const levels = p.b.levels.map((l) =>
      l.level === "一级"
        ? { ...l, staffGrade: "5等" }
        : l.level === "二级"
          ? { ...l, staffGrade: "6等" }
          : l
    );
    const q = { ...p, b: { ...p.b, levels } };
    expect(levelOfStaffGrade(q, "6等")).toBe("二级");
    expect(levelOfStaffGrade(q, "5等")).toBe("高级"); // the highest level with that grade
    expect(levelOfStaffGrade(q, "7等")).toBeNull();
  });
  test("passed, 原行员等级 blank → the qualified level if 四级 or above, else 四级 (Interpretation)", () => {
    const t = (qualified: DecisionInput["qualified"]) =>
      trainee({ periodEnd: "2025-06-30", examPassed: true }, { qualified });
    expect(t("二级")).toMatchObject({ decision: "定级", newLevel: "二级" });
    expect(t("四级")).toMatchObject({ decision: "定级", newLevel: "四级" });
    expect(t("见习")).toMatchObject({ decision: "定级", newLevel: "四级" });
    expect(t("无")).toMatchObject({ decision: "定级", newLevel: "四级" });
    expect(t("高级").breakthrough).toBe(false);
    expect(
      t("见习").steps.some(
        (s) => s.kind === "interpretation" && s.code === "B_INTERP_TRAINEE_QUALIFIED"
      )
    ).toBe(true);
  });
  test("failed → 退出 (退回原岗位), whatever the level qualified", () => {
    const r = trainee(
      { periodEnd: "2025-06-30", examPassed: false },
      { qualified: "高级", assessment: "优秀" }
    );
    expect(r).toMatchObject({ decision: "退出", newLevel: null, rule: 3 });
    expect(renderSteps(r.steps)).toContain("退回原岗位");
  });
  test("steps 1 and 2 still come first for a trainee", () => {
    expect(trainee({ periodEnd: "2026-06-30" }, { passLine: false })).toMatchObject({
      decision: "退出",
      rule: 1,
    });
    expect(trainee({ periodEnd: "2026-06-30" }, { tasksDone: false })).toMatchObject({
      decision: "退出",
      rule: 2,
    });
  });
  test("the explanation cites 第六条 and 第十九条五", () => {
    const text = renderSteps(
      trainee({ periodEnd: "2025-06-30", examPassed: true, formerStaffGrade: "8等" }).steps
    );
    expect(text).not.toMatch(/B_[A-Z_]+/);
    const r = trainee({ periodEnd: "2025-06-30", examPassed: true, formerStaffGrade: "8等" });
    expect(r.steps.map((s) => s.article).join(" ")).toMatch(/第十九条五/);
    expect(
      trainee({ periodEnd: "2026-06-30" })
        .steps.map((s) => s.article)
        .join(" ")
    ).toMatch(/第六条/);
  });
});

describe("B4 step 6 (rev 2 label): 基本称职 with the conditions met → 低聘, with the Interpretation", () => {
  test("qualified at or above the current level, 基本称职 → 低聘 one level, labelled", () => {
    for (const qualified of ["三级", "二级", "高级"] as const) {
      const r = d({ assessment: "基本称职", qualified });
      expect(r).toMatchObject({ decision: "低聘", newLevel: "四级", rule: 6 });
      expect(
        r.steps.some((s) => s.kind === "interpretation" && s.code === "B_INTERP_BASIC_COMPETENT")
      ).toBe(true);
      expect(renderSteps(r.steps)).toContain("基本称职");
    }
  });
  test("不称职, or 基本称职 with the conditions not met: no label", () => {
    expect(
      d({ assessment: "不称职" }).steps.some((s) => s.code === "B_INTERP_BASIC_COMPETENT")
    ).toBe(false);
    expect(
      d({ assessment: "基本称职", qualified: "四级" }).steps.some(
        (s) => s.code === "B_INTERP_BASIC_COMPETENT"
      )
    ).toBe(false);
  });
});

describe("allowance after the rev 2 decisions", () => {
  test("见习中 → the trainee's 160 (halved under 诫勉: 80); 定级 一级 (6等) → 260; 退出 → 0", () => {
    expect(
      allowance(trainee({ periodEnd: "2026-06-30" }).newLevel, false, P).monthly.toNumber()
    ).toBe(160);
    expect(
      allowance(trainee({ periodEnd: "2026-06-30" }).newLevel, true, P).monthly.toNumber()
    ).toBe(80);
    expect(
      allowance(
        trainee({ periodEnd: "2025-06-30", examPassed: true, formerStaffGrade: "6等" }).newLevel,
        true,
        P
      ).monthly.toNumber()
    ).toBe(130);
    expect(
      allowance(
        trainee({ periodEnd: "2025-06-30", examPassed: false }).newLevel,
        false,
        P
      ).monthly.toNumber()
    ).toBe(0);
  });
});

describe("the roster (rev 2): trainee columns and the error log", () => {
  let n = 0;
  const log = (employeeId: string, date: string | null, item: string): ErrorLogRow => ({
    src: { sheet: "差错记录", row: ++n },
    employeeId,
    date,
    item,
    count: null as never,
    aggravation: null,
    note: null,
  });
  const customers = [
    cust(20000000, { manager: "E1" }),
    cust(20000000, { manager: "T1" }),
    cust(20000000, { manager: "T2" }),
    cust(20000000, { manager: "T3" }),
  ];
  test("a ✕ entry of the year → 退出 naming it; of another year → ignored", () => {
    const [a, b] = assessCorporateManagers(
      [manager({ id: "E1", level: "四级" }), manager({ id: "E2", level: "四级" })],
      [cust(20000000, { manager: "E1" }), cust(20000000, { manager: "E2" })],
      P,
      [log("E1", "2025-08-01", "1.2b"), log("E2", "2024-08-01", "1.2b")]
    );
    expect(a).toMatchObject({ ok: true, decision: "退出", newLevel: null });
    expect(a.ok && renderSteps(a.steps)).toContain("1.2b 怠慢客户、越权允诺、蒙骗客户，情节恶劣");
    expect(a.ok && a.allowance.toNumber()).toBe(0);
    expect(b).toMatchObject({ ok: true, decision: "续聘", newLevel: "四级" });
  });
  test("an unreadable ✕ candidate is said in the explanation; no error log at all is said once", () => {
    const [a] = assessCorporateManagers(
      [manager({ id: "E1", level: "四级" })],
      [cust(20000000, { manager: "E1" })],
      P,
      [log("E1", null, "1.6")]
    );
    expect(a.ok && renderSteps(a.steps)).toMatch(/日期为空/);
    const [b] = assessCorporateManagers(
      [manager({ id: "E1", level: "四级" })],
      [cust(20000000, { manager: "E1" })],
      P,
      null
    );
    expect(b.ok && b.steps.filter((s) => s.code === "B_DEC_NO_ERRORLOG")).toHaveLength(1);
    expect(b).toMatchObject({ ok: true, decision: "续聘" });
  });
  test("trainees: in the period, ended and passed (原行员等级 7等), ended with the exam blank (no decision, the column named)", () => {
    const [t1, t2, t3] = assessCorporateManagers(
      [
        manager({ id: "T1", level: "见习", firstAppointed: "2025-03-01" }),
        manager({
          id: "T2",
          level: "见习",
          traineeEnd: "2025-09-01",
          traineeExamPassed: true,
          formerStaffGrade: "7等",
        }),
        manager({ id: "T3", level: "见习", traineeEnd: "2025-09-01" }),
      ],
      customers,
      P,
      []
    );
    expect(t1).toMatchObject({ ok: true, decision: "见习中", newLevel: "见习" });
    expect(t1.ok && t1.allowance.toNumber()).toBe(160);
    expect(t2).toMatchObject({ ok: true, decision: "定级", newLevel: "二级" });
    expect(t2.ok && t2.allowance.toNumber()).toBe(200);
    expect(t3).toMatchObject({ ok: false, field: "traineeExamPassed" });
    expect(!t3.ok && t3.error.zh).toMatch(/见习考试合格/);
  });
});

describe("rev 2 explanations render in both languages without a missing template or parameter", () => {
  test.each<[string, () => { steps: import("../../../src/core/explain").ExplainStep[] }]>([
    [
      "step 0",
      () => d({ disqualifying: [{ code: "1.1b", what: "违规操作，情节恶劣", article: "一、1" }] }),
    ],
    ["见习中", () => trainee({ firstAppointed: "2025-06-01" })],
    ["见习 failed", () => trainee({ periodEnd: "2025-06-30", examPassed: false })],
    [
      "见习 套改",
      () => trainee({ periodEnd: "2025-06-30", examPassed: true, formerStaffGrade: "6等" }),
    ],
    ["见习 qualified", () => trainee({ periodEnd: "2025-06-30", examPassed: true })],
    ["基本称职", () => d({ assessment: "基本称职" })],
  ])("%s", (_name, f) => {
    const { steps } = f();
    for (const lang of ["zh", "en"] as const) {
      const text = renderSteps(steps, lang);
      expect(text).not.toMatch(/B_[A-Z_]+/);
      expect(text).not.toMatch(/\{[a-zA-Z]+\}/);
      expect(text).not.toMatch(/undefined|NaN|null/);
    }
  });
});

test("rev 2 B2 / B5 explanations render in both languages without a missing parameter", async () => {
  const { checkLevel, triggers } = await import("../../../src/rules/b");
  const steps = [
    ...checkLevel(
      "四级",
      [cust(50000000, { loans: 0 })],
      { marketingYears: 5, firstAppointed: null, normalShare: null, normalSharePrev: null },
      P
    ).steps,
    ...checkLevel(
      "四级",
      [cust(50000000, { loans: 5 })],
      { marketingYears: 5, firstAppointed: null, normalShare: 100, normalSharePrev: 100 },
      P
    ).steps,
    ...triggers(
      {
        customersFell: null,
        loanRisk: null,
        quarterActual: [],
        quarterPlan: [],
        overdueMonths: 1,
        arrearsMonths: 1,
        advance: null,
        assessment: null,
        passLine: null,
        priorYellowYears: null,
        conduct: null,
        overdueSince: "2025-01-31",
        arrearsSince: "2025-12-15",
      },
      P
    ).steps,
  ];
  for (const lang of ["zh", "en"] as const) {
    const text = renderSteps(steps, lang);
    expect(text).not.toMatch(/B_[A-Z_]+|\{[a-zA-Z]+\}|undefined|NaN/);
  }
});

import { assessCorporateManagers } from "../../../src/rules/b";
import { renderSteps } from "../../../src/rules/explain";
import { cust, manager, policy } from "./helpers";

const P = policy();

describe("assessCorporateManagers", () => {
  test("per CM: qualified level, pass line, decision, 破格 flag, allowance in 元", () => {
    const managers = [
      manager({ id: "E1", name: "张三", level: "三级" }),
      manager({ id: "E2", name: "李四", level: "四级", admonished: true }),
      manager({ id: "E3", name: "王五", level: "二级" }),
    ];
    const customers = [
      // E1: 一级 by a + d (150M deposits with a 30M customer, 30M new), 3 years → two above 三级
      cust(30000000, { manager: "E1", newDeposits: 30000000 }),
      cust(120000000, { manager: "E1" }),
      // E2: 四级 by a (15M)
      cust(15000000, { manager: "E2" }),
      // E3: below the pass line (14.9M)
      cust(14900000, { manager: "E3" }),
    ];
    const [a, b, c] = assessCorporateManagers(managers, customers, P);
    expect(a).toMatchObject({
      ok: true,
      id: "E1",
      currentLevel: "三级",
      qualifiedLevel: "一级",
      decision: "晋升",
      newLevel: "二级",
      breakthrough: true,
      customers: 2,
    });
    expect(a.ok && a.allowance.toNumber()).toBe(200);
    expect(b).toMatchObject({
      ok: true,
      qualifiedLevel: "四级",
      decision: "续聘",
      newLevel: "四级",
      breakthrough: false,
    });
    expect(b.ok && b.allowance.toNumber()).toBe(80);
    expect(c).toMatchObject({ ok: true, decision: "退出", newLevel: null });
    expect(c.ok && c.allowance.toNumber()).toBe(0);
    expect(c.ok && c.passLine.met).toBe(false);
    if (a.ok) {
      expect(a.checks).toHaveLength(6);
      const text = renderSteps(a.steps);
      expect(text).toContain("[第十九条]");
      expect(text).not.toMatch(/B_[A-Z_]+ \{/); // every code has a template
      expect(renderSteps(a.steps, "en")).not.toMatch(/B_[A-Z_]+ \{/);
    }
  });

  test("the allowance is in 元 whatever the workbook's amount unit", () => {
    const r = assessCorporateManagers(
      [manager({ level: "高级", marketingYears: 9 })],
      [cust(100000000, { loans: 150000000 }), cust(150000000, { loans: 200000000 })],
      policy({ amountUnit: "万元" })
    );
    expect(r[0].ok && r[0].allowance.toNumber()).toBe(300);
  });

  test("a blank current level or assessment, or a blank deposit, gives a per-row error", () => {
    const r = assessCorporateManagers(
      [
        manager({ id: "A", level: null }),
        manager({ id: "B", assessment: null }),
        manager({ id: "C" }),
      ],
      [cust(null, { manager: "C", name: "丙公司" })],
      P
    );
    expect(r[0]).toMatchObject({ ok: false, field: "level" });
    expect(r[1]).toMatchObject({ ok: false, field: "assessment" });
    expect(r[2]).toMatchObject({ ok: false, field: null });
    expect(!r[2].ok && r[2].error.zh).toMatch(/丙公司/);
  });

  test("a CM with no customers is below the pass line (退出), not an error", () => {
    const [r] = assessCorporateManagers(
      [manager({ id: "Z" })],
      [cust(90000000, { manager: "OTHER" })],
      P
    );
    expect(r).toMatchObject({ ok: true, qualifiedLevel: "无", decision: "退出", customers: 0 });
  });
});

describe("explanations", () => {
  test("every step of B renders in both languages without a missing template or a blank parameter", () => {
    const P2 = policy();
    const r = assessCorporateManagers(
      // rev 2: the trainee's period has ended (见习期满日期) and the exam is passed, so a decision is made
      [
        manager({
          id: "E1",
          level: "见习",
          normalShare: 90,
          normalSharePrev: 90,
          marketingYears: null,
          firstAppointed: null,
          tasksDone: null,
          bottom3TwoYears: null,
          admonished: true,
          traineeEnd: "2025-06-30",
          traineeExamPassed: true,
        }),
      ],
      [
        cust(30000000, { manager: "E1", arrears: true, loans: null, usd: null, newDeposits: null }),
        cust(100, { manager: "E1" }),
      ],
      P2
    );
    expect(r[0].ok).toBe(true);
    if (!r[0].ok) return;
    for (const lang of ["zh", "en"] as const) {
      const text = renderSteps(r[0].steps, lang);
      expect(text).not.toMatch(/B_[A-Z_]+ \{/);
      expect(text).not.toMatch(/\{[a-zA-Z]+\}/);
      expect(text).not.toMatch(/undefined|NaN/);
    }
    const who = r[0].steps.find((s) => s.code === "B_QUALITY_WHO");
    expect(who?.params.who).toMatch(/^客户\d+$/);
  });
});

import * as fs from "fs";
import * as path from "path";
import { MESSAGES_A } from "../../../src/rules/messages/a";
import { renderSteps } from "../../../src/rules/explain";
import * as A from "../../../src/rules/a";
import { defaultPolicy } from "../../../src/policy/defaults";
import { dec } from "../../../src/core/money";
import { exampleLoans, loan, manager } from "./helpers";

const DIR = path.resolve(__dirname, "../../../src/rules/a");

describe("rule set A message catalogue", () => {
  const src = fs
    .readdirSync(DIR)
    .map((f) => fs.readFileSync(path.join(DIR, f), "utf8"))
    .join("\n");
  const used = new Set(src.match(/"A_[A-Z0-9_]+"/g)!.map((s) => s.slice(1, -1)));

  it("every code used has a Chinese and an English template, and every template is used", () => {
    for (const c of used) {
      expect([c, typeof MESSAGES_A[c]?.zh, typeof MESSAGES_A[c]?.en]).toEqual([
        c,
        "string",
        "string",
      ]);
    }
    for (const c of Object.keys(MESSAGES_A)) expect([c, used.has(c)]).toEqual([c, true]);
  });

  it("Chinese and English templates use the same parameters", () => {
    const names = (t: string) => [...new Set(t.match(/\{\w+\}/g) ?? [])].sort();
    for (const [c, m] of Object.entries(MESSAGES_A)) {
      const zh = names(m.zh).filter((n) => n !== "{reasonEn}");
      const en = names(m.en)
        .map((n) => (n === "{reasonEn}" ? "{reason}" : n))
        .sort();
      expect([c, zh]).toEqual([c, en]);
    }
  });
});

describe("rendered explanations", () => {
  it("every step renders in both languages with no placeholder left", () => {
    const P = { ...defaultPolicy(2025), nplToleranceRatePct: 1 };
    const steps = [
      ...A.assessGrade(
        {
          score: 89.995,
          seriousViolations: 1,
          nplRatePct: 2,
          firstAppointed: "2024-06-01",
          prevCoefficient: 2.5,
        },
        P
      ).steps,
      ...A.assessGrade(
        { score: 10, firstAppointed: "2020-06-01", prevCoefficient: 2.5 },
        defaultPolicy(2025)
      ).steps,
      ...A.assessCreditManagers(
        [manager({ id: "A", firstAppointed: null, sex: null }), manager({ id: "B" })],
        P
      ).rows.flatMap((r) => (r.ok ? r.steps : [])),
      ...A.buyoutSchedule(
        {
          employeeId: "E1",
          year: 2025,
          tolerance: dec(180000),
          funds: { riskFund: dec(1), postRiskFund: dec(2), retirementPay: dec(3) },
          loans: [
            ...exampleLoans(),
            loan({ loanId: "U", maturity: "2027-01-01", balance: 5, staffRelative: null }),
          ],
        },
        P
      ).steps,
      ...A.toleranceAmount(dec(800000), dec(2000000), true, P).steps,
      ...A.overToleranceShare(dec(300), dec(100), 0.5, P).steps,
      ...A.overToleranceShare(dec(300), dec(0), 0.9, P).steps,
      ...A.overToleranceShare(dec(110), dec(100), 0.9, P).steps,
      ...A.exitReasons({ sex: "男", birth: "1960-01-01", grade: "取消资格" }, P).steps,
      ...A.transitionLimits("2025-01-01", dec(100), P).steps,
      ...A.bottomList([{ employeeId: "x", balance: dec(2000000) }], P).flatMap((r) => r.steps),
      ...A.countsAsResponsibleNpl(
        loan({
          loanId: "g",
          security: "抵押",
          fiveClass: "次级",
          overdueDays: null,
          maturity: "2025-06-01",
        }),
        "2025-12-31",
        P
      ).steps,
      ...A.countsAsResponsibleNpl(
        loan({ loanId: "n", fiveClass: "损失", firstResponsible: null }),
        "2025-12-31",
        P
      ).steps,
    ];
    for (const lang of ["zh", "en"] as const) {
      const text = renderSteps(steps, lang);
      expect(text).not.toMatch(/\{\w+\}|NaN|Infinity|undefined|\[object/);
    }
    const buyout = A.buyoutSchedule(
      { employeeId: "E1", year: 2025, tolerance: dec(180000), funds: null, loans: exampleLoans() },
      P
    );
    for (const lang of ["zh", "en"] as const)
      expect(
        renderSteps(
          buyout.rows.flatMap((r) => r.steps),
          lang
        )
      ).not.toMatch(/\{\w+\}|NaN|undefined/);
  });
});

import fc from "fast-check";
import {
  MissingTraineeInput,
  assessLevel,
  levelRank,
  LEVELS_ASCENDING,
  decide,
  allowance,
  triggers,
} from "../../../src/rules/b";
import { renderSteps } from "../../../src/rules/explain";
import { cust, GOOD, policy } from "./helpers";

const P = policy({ usdCnyRate: 7.1 });
const money = fc.integer({ min: 0, max: 40000 }).map((x) => x * 10000); // 0 … 400,000,000 in steps of 10,000

const customerArb = fc.record({
  deposits: money,
  loans: money,
  usd: fc.integer({ min: 0, max: 4000 }).map((x) => x * 10000),
  newDeposits: money,
});
const growthArb = fc.record({
  deposits: money,
  loans: money,
  usd: fc.integer({ min: 0, max: 1000 }).map((x) => x * 10000),
  newDeposits: money,
});

function build(cs: { deposits: number; loans: number; usd: number; newDeposits: number }[]) {
  return cs.map((c) =>
    cust(c.deposits, { loans: c.loans, usd: c.usd, newDeposits: c.newDeposits })
  );
}

describe("B properties", () => {
  test("the qualified level never falls when a customer's figures grow", () => {
    fc.assert(
      fc.property(
        fc.array(customerArb, { minLength: 0, maxLength: 6 }),
        fc.array(growthArb, { minLength: 6, maxLength: 6 }),
        (cs, grow) => {
          const before = assessLevel(build(cs), GOOD, P).qualified;
          const grown = cs.map((c, i) => ({
            deposits: c.deposits + grow[i].deposits,
            loans: c.loans + grow[i].loans,
            usd: c.usd + grow[i].usd,
            newDeposits: c.newDeposits + grow[i].newDeposits,
          }));
          const after = assessLevel(build(grown), GOOD, P).qualified;
          expect(levelRank(after)).toBeGreaterThanOrEqual(levelRank(before));
        }
      ),
      { numRuns: 300 }
    );
  });

  test("adding a customer never lowers the qualified level", () => {
    fc.assert(
      fc.property(fc.array(customerArb, { maxLength: 5 }), customerArb, (cs, extra) => {
        const before = assessLevel(build(cs), GOOD, P).qualified;
        const after = assessLevel(build([...cs, extra]), GOOD, P).qualified;
        expect(levelRank(after)).toBeGreaterThanOrEqual(levelRank(before));
      }),
      { numRuns: 200 }
    );
  });

  test("decisions and allowances: always a known decision, finite allowance, rendered steps", () => {
    const level = fc.constantFrom(...LEVELS_ASCENDING);
    fc.assert(
      fc.property(
        level,
        fc.constantFrom(...LEVELS_ASCENDING, "无" as const),
        fc.constantFrom("优秀", "称职", "基本称职", "不称职" as const),
        fc.option(fc.boolean()),
        fc.option(fc.boolean()),
        fc.option(fc.boolean()),
        fc.boolean(),
        fc.option(fc.boolean()),
        // rev 2: the trainee columns and the ✕ items
        fc.record({
          periodEnd: fc.option(fc.constantFrom("2025-06-30", "2025-12-31", "2026-01-01")),
          firstAppointed: fc.option(fc.constantFrom("2024-12-31", "2025-01-01")),
          examPassed: fc.option(fc.boolean()),
          formerStaffGrade: fc.option(fc.constantFrom("5等", "6等", "7等", "8等", "9等")),
        }),
        fc.boolean(),
        (current, qualified, assessment, exam, bottom3, tasks, pass, adm, trainee, dq) => {
          const disqualifying = dq
            ? [{ code: "1.1b", what: "违规操作，情节恶劣", article: "一、1" }]
            : [];
          let r;
          try {
            r = decide(
              {
                current,
                qualified,
                assessment,
                examPassed: exam,
                bottom3TwoYears: bottom3,
                tasksDone: tasks,
                passLine: pass,
                trainee,
                disqualifying,
              },
              P
            );
          } catch (e) {
            // only a trainee whose period end or exam is blank gets no decision
            expect(e).toBeInstanceOf(MissingTraineeInput);
            expect(current).toBe("见习");
            return;
          }
          expect(["退出", "低聘", "定级", "晋升", "续聘", "见习中"]).toContain(r.decision);
          if (dq) expect(r).toMatchObject({ decision: "退出", rule: 0 });
          if (r.decision === "见习中") expect(r.newLevel).toBe("见习");
          expect(r.decision === "退出").toBe(r.newLevel === null);
          if (r.decision === "晋升") expect(levelRank(r.newLevel!)).toBe(levelRank(current) + 1);
          if (r.decision === "低聘")
            expect(levelRank(r.newLevel!)).toBeLessThan(levelRank(current));
          const a = allowance(r.newLevel, adm, P).monthly.toNumber();
          expect(Number.isFinite(a)).toBe(true);
          expect(renderSteps(r.steps)).not.toMatch(/undefined|NaN/);
        }
      ),
      { numRuns: 500 }
    );
  });

  test("triggers never produce NaN and are booleans", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 1000 })), {
          maxLength: 8,
        }),
        fc.option(fc.double({ min: 0, max: 24, noNaN: true })),
        fc.option(fc.integer({ min: 0, max: 5 })),
        (qs, months, prior) => {
          const r = triggers(
            {
              customersFell: null,
              loanRisk: null,
              quarterActual: qs.map((x) => x[0]),
              quarterPlan: qs.map((x) => x[1]),
              overdueMonths: months,
              arrearsMonths: months,
              advance: null,
              assessment: null,
              passLine: null,
              priorYellowYears: prior,
              conduct: null,
            },
            P
          );
          expect(typeof r.admonish).toBe("boolean");
          expect(renderSteps(r.steps)).not.toMatch(/NaN|Infinity|undefined/);
        }
      )
    );
  });
});

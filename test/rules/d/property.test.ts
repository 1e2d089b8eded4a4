import fc from "fast-check";
import { addDays, isIsoDate } from "../../../src/core/dates";
import { isRuleError } from "../../../src/core/errors";
import { dec } from "../../../src/core/money";
import { defaultPolicy } from "../../../src/policy/defaults";
import { branchDeadline, judge } from "../../../src/rules/d";

const P = defaultPolicy(2025);
const day = fc.integer({ min: 0, max: 800 }).map((n) => addDays("2024-06-01", n));

describe("D properties", () => {
  test("a deadline is a real date or a clear RuleError; reporting on it is on time, the day after is late", () => {
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom("到期", "欠息", "重大事项", "关联企业", "财务异常" as const)),
        fc.option(fc.integer({ min: 0, max: 20000000 })),
        fc.option(day),
        fc.option(day),
        (type, amount, maturity, found) => {
          try {
            const r = branchDeadline(
              { type, level: null, amount: amount === null ? null : dec(amount), maturity, found },
              P
            );
            expect(isIsoDate(r.deadline)).toBe(true);
            expect(judge(r.deadline, r.deadline)).toBe("按时");
            expect(judge(addDays(r.deadline, 1), r.deadline)).toBe("迟报");
          } catch (e) {
            expect(isRuleError(e)).toBe(true);
          }
        }
      ),
      { numRuns: 500 }
    );
  });

  test("for 到期 warnings of 1,000,000 or more, a later discovery never gives an earlier deadline", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000000, max: 20000000 }),
        day,
        day,
        fc.integer({ min: 0, max: 60 }),
        (amount, maturity, found, later) => {
          const a = branchDeadline(
            { type: "到期", level: null, amount: dec(amount), maturity, found },
            P
          ).deadline;
          const b = branchDeadline(
            {
              type: "到期",
              level: null,
              amount: dec(amount),
              maturity,
              found: addDays(found, later),
            },
            P
          ).deadline;
          expect(b >= a).toBe(true);
        }
      )
    );
  });
});

import fc from "fast-check";
import { defaultPolicy } from "../../../src/policy/defaults";
import { CATALOGUE, errorPointsByManager, parseItemCode } from "../../../src/rules/c";
import { renderSteps } from "../../../src/rules/explain";

const P = defaultPolicy(2025);
const codes = CATALOGUE.filter((i) => !i.refers).map((i) => i.code);

describe("C properties", () => {
  test("parseItemCode never throws, whatever it is given", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.double(),
          fc.boolean(),
          fc.constant(null),
          fc.constantFrom(...codes),
          fc.constantFrom(...codes).map((c) => `3.15/${c}`)
        ),
        (raw) => {
          const r = parseItemCode(raw);
          if (!r.ok) expect(r.zh.length).toBeGreaterThan(0);
        }
      )
    );
  });

  test("totals are finite, ≥ 0, and grow with the count", () => {
    const entry = fc.record({
      item: fc.constantFrom(...codes, "3.15/3.3", "3.15/3.10"),
      count: fc.integer({ min: 0, max: 50 }),
      aggravation: fc.option(fc.integer({ min: 0, max: 2000 }).map((x) => x / 100)),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 10 }), (es) => {
        const rows = es.map((e, i) => ({
          src: { sheet: "差错记录", row: i + 1 },
          employeeId: "E1",
          date: "2025-06-01",
          note: "带来风险",
          ...e,
        }));
        const [r] = errorPointsByManager(rows, P);
        if (rows.length === 0) return;
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(Number.isFinite(r.total)).toBe(true);
        expect(r.total).toBeGreaterThanOrEqual(0);
        expect(renderSteps(r.steps)).not.toMatch(/NaN|Infinity|undefined/);
        const [more] = errorPointsByManager(
          rows.map((x) => ({ ...x, count: x.count + 1 })),
          P
        );
        expect(more.ok && more.total).toBeGreaterThanOrEqual(r.total);
      })
    );
  });
});

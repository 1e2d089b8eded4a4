import * as F from "../../../src/functions/c";
import { clearWorkbookPolicies, setWorkbookPolicy } from "../../../src/policy/store";
/** Audit of rule set C against RULES.md C: per-entry arithmetic and the policy year, hand-derived. */
import type { ErrorLogRow } from "../../../src/core/rows";
import { defaultPolicy } from "../../../src/policy/defaults";
import { errorPointsByManager } from "../../../src/rules/c";

const P = defaultPolicy(2025);
let n = 0;
function row(
  date: string | null,
  item: string,
  count: number | null = null,
  aggravation: number | null = null,
  note: string | null = null
): ErrorLogRow {
  n += 1;
  // a blank 次数 is read as 1 by the reader (schema blankValue), so the rows the rule sees have a count
  return {
    src: { sheet: "差错记录", row: n },
    employeeId: "E1",
    date,
    item,
    count: count ?? 1,
    aggravation,
    note,
  };
}

describe("a year's log for one CM, worked by hand", () => {
  test("Σ points × count (blank = 1) + aggravation once per entry, only 1 Jan – 31 Dec of the policy year", () => {
    const [r] = errorPointsByManager(
      [
        row("2025-01-01", "1.1", 3, 4), // 10 × 3 + 4 = 34
        row("2025-12-31", "4.1b", 2), // 20 × 2 = 40
        row("2025-07-01", "3.15/3.3", null), // as 3.3: 5
        row("2025-07-02", "3.5b"), // 50
        row("2025-07-03", "1.7b", 2, 1), // 20 × 2 + 1 = 41
        row("2025-07-04", "3.14b"), // ✕
        row("2025-07-05", "1.6", 1, 3), // ✕, aggravation 3 still added
        row("2024-12-31", "3.5b"), // other year
        row("2026-01-01", "1.5"), // other year: no disqualification
      ],
      P
    );
    expect(r).toMatchObject({
      ok: true,
      total: 34 + 40 + 5 + 50 + 41 + 3,
      disqualifying: ["3.14b", "1.6"],
      outOfYear: 2,
    });
  });
  test("aggravation-eligible entries with a risk note and no aggravation are flagged; ineligible items or entered aggravation are not", () => {
    const [r] = errorPointsByManager(
      [
        row("2025-03-01", "3.2b", 1, null, "抵押手续不全，存在风险"),
        row("2025-03-01", "3.17c", 1, null, "造成损失"),
        row("2025-03-01", "3.15/3.4", 1, null, "借新还旧签章不全，带来风险"),
        row("2025-03-01", "3.3", 1, null, "存在风险"),
        row("2025-03-01", "3.15/3.3", 1, null, "存在风险"),
        row("2025-03-01", "1.1", 1, 2, "存在风险"),
      ],
      P
    );
    expect(r.ok && r.aggravationCandidates.map((e) => e.code)).toEqual([
      "3.2b",
      "3.17c",
      "3.15/3.4",
    ]);
  });
});

describe("扣分合计: the sum of the deductions as listed (issue 20: one total for the summary and CM.ERRORPOINTS)", () => {
  // an aggravation of 0.005 makes each entry 10.005, listed as 10.01: the total is 20.02, the sum
  // of the two lines a reader adds up, in 差错积分汇总 and in CM.ERRORPOINTS alike
  const rows = [row("2025-03-01", "1.1", 1, 0.005), row("2025-03-02", "1.1", 1, 0.005)];
  test("each entry to 0.01 half-up, then summed", () => {
    const [r] = errorPointsByManager(rows, P);
    expect(r.ok && r.entries.map((e) => e.deduction)).toEqual([10.01, 10.01]);
    expect(r.ok && r.total).toBe(20.02);
  });
  test("at the rounding boundary: 10.004 is listed 10.00 and 10.005 is 10.01 (half-up); totals 20.00 and 20.01", () => {
    const below = [row("2025-04-01", "1.1", 1, 0.004), row("2025-04-02", "1.1", 1, 0.004)];
    const [b] = errorPointsByManager(below, P);
    expect(b.ok && b.entries.map((e) => e.deduction)).toEqual([10, 10]);
    expect(b.ok && b.total).toBe(20);
    const mixed = [row("2025-04-03", "1.1", 1, 0.004), row("2025-04-04", "1.1", 1, 0.005)];
    const [m] = errorPointsByManager(mixed, P);
    expect(m.ok && m.total).toBe(20.01);
  });
  test("CM.ERRORPOINTS gives the same total", () => {
    setWorkbookPolicy(P);
    try {
      const errorpoints = (F as unknown as Record<string, (...a: unknown[]) => unknown>)
        .errorpoints;
      expect(errorpoints([["1.1"], ["1.1"]], [[1], [1]], [[0.005], [0.005]])).toBe(20.02);
      expect(errorpoints([["1.1"], ["1.1"]], [[1], [1]], [[0.004], [0.004]])).toBe(20);
      expect(errorpoints([["1.1"], ["1.1"]], [[1], [1]], [[0.004], [0.005]])).toBe(20.01);
    } finally {
      clearWorkbookPolicies();
    }
  });
});

import { dec } from "../../../src/core/money";
import type { ErrorLogRow } from "../../../src/core/rows";
import { defaultPolicy } from "../../../src/policy/defaults";
import type { Policy } from "../../../src/policy/types";
import {
  CATALOGUE,
  catalogueItem,
  entryDeduction,
  errorPointsByManager,
  itemInfo,
  parseItemCode,
} from "../../../src/rules/c";
import { renderSteps } from "../../../src/rules/explain";

const P = defaultPolicy(2025);

/** RULES.md C, row by row: code, points (null = ✕), unit. */
const TABLE: [string, number | null, "time" | "customer" | "plain"][] = [
  ["1.1", 10, "time"],
  ["1.1b", null, "plain"],
  ["1.2", 10, "time"],
  ["1.2b", null, "plain"],
  ["1.3", 5, "time"],
  ["1.4", 10, "time"],
  ["1.5", null, "plain"],
  ["1.6", null, "plain"],
  ["1.7a", 5, "plain"],
  ["1.7b", 20, "plain"],
  ["1.8", 10, "plain"],
  ["2.1", 1, "time"],
  ["2.2", 1, "time"],
  ["2.3", 2, "time"],
  ["2.4", 2, "time"],
  ["3.1a", 2, "time"],
  ["3.1b", null, "plain"],
  ["3.2a", 5, "time"],
  ["3.2b", 10, "time"],
  ["3.3", 5, "time"],
  ["3.4", 10, "time"],
  ["3.5a", 1, "time"],
  ["3.5b", 50, "plain"],
  ["3.6", 2, "time"],
  ["3.7", 5, "time"],
  ["3.8", 1, "time"],
  ["3.9", 2, "time"],
  ["3.10", 20, "time"],
  ["3.11a", 1, "time"],
  ["3.11b", 10, "time"],
  ["3.12", 2, "time"],
  ["3.13", 10, "time"],
  ["3.14a", 30, "plain"],
  ["3.14b", null, "plain"],
  ["3.16", 5, "time"],
  ["3.17a", 1, "plain"],
  ["3.17b", 2, "time"],
  ["3.17c", 5, "time"],
  ["3.18", 1, "time"],
  ["4.1a", 5, "customer"],
  ["4.1b", 20, "customer"],
  ["4.2", 5, "plain"],
  ["4.3", 20, "time"],
];
const AGGRAVATION = [
  "1.1",
  "1.2",
  "1.3",
  "1.4",
  "3.1a",
  "3.2a",
  "3.2b",
  "3.4",
  "3.10",
  "3.13",
  "3.16",
  "3.17a",
  "3.17b",
  "3.17c",
  "3.18",
];

describe("the catalogue is RULES.md C, row by row", () => {
  test("the catalogue holds exactly the table's items plus 3.15", () => {
    expect(CATALOGUE.map((i) => i.code).sort()).toEqual([...TABLE.map((r) => r[0]), "3.15"].sort());
    for (const i of CATALOGUE) {
      expect(i.zh).not.toBe("");
      expect(i.en).not.toBe("");
      expect(i.article).toMatch(/^[一二三四]、\d+$/);
    }
  });

  test.each(TABLE)("%s: %p points, %s; × count 3 + aggravation 4", (code, points, unit) => {
    const it = catalogueItem(code)!;
    expect(it.unit).toBe(unit);
    expect(it.disqualifying).toBe(points === null);
    expect(it.aggravation).toBe(AGGRAVATION.includes(code));
    const info = itemInfo(code, P);
    expect(info.points).toBe(points);
    const e = entryDeduction({ item: code, count: 3, aggravation: 4 }, P);
    expect(e.deduction.toNumber()).toBe((points ?? 0) * 3 + 4);
    expect(e.disqualifying).toBe(points === null);
    expect(renderSteps(e.steps)).not.toMatch(/C_[A-Z_]+ \{/);
  });

  test("blank count = 1; aggravation once per entry", () => {
    expect(
      entryDeduction({ item: "3.2b", count: null, aggravation: null }, P).deduction.toNumber()
    ).toBe(10);
    expect(entryDeduction({ item: "3.2b", count: 2, aggravation: 5 }, P).deduction.toNumber()).toBe(
      25
    );
  });

  test("aggravation on an item the source does not allow it for is added with a warning", () => {
    const e = entryDeduction({ item: "2.1", count: 1, aggravation: 3 }, P);
    expect(e.deduction.toNumber()).toBe(4);
    expect(e.steps.some((s) => s.kind === "warning" && s.code === "C_AGGRAVATION_NOT_LISTED")).toBe(
      true
    );
  });

  test("a negative or fractional count / negative aggravation is refused", () => {
    expect(() => entryDeduction({ item: "1.1", count: -1, aggravation: null }, P)).toThrow(/次数/);
    expect(() => entryDeduction({ item: "1.1", count: 1.5, aggravation: null }, P)).toThrow(/次数/);
    expect(() => entryDeduction({ item: "1.1", count: 1, aggravation: -2 }, P)).toThrow(/加重/);
  });
});

describe("parseItemCode", () => {
  test("normalises case, width and spaces", () => {
    expect(parseItemCode(" 3.2B ")).toEqual({
      ok: true,
      value: { code: "3.2b", scoredAs: "3.2b" },
    });
    expect(parseItemCode("３．１０")).toEqual({
      ok: true,
      value: { code: "3.10", scoredAs: "3.10" },
    });
    expect(parseItemCode(1.1)).toEqual({ ok: true, value: { code: "1.1", scoredAs: "1.1" } });
  });
  test("3.15 must be written 3.15/X and is scored as X", () => {
    expect(parseItemCode("3.15/3.3")).toEqual({
      ok: true,
      value: { code: "3.15/3.3", scoredAs: "3.3" },
    });
    expect(parseItemCode("3.15／3.2A")).toEqual({
      ok: true,
      value: { code: "3.15/3.2a", scoredAs: "3.2a" },
    });
    const e = entryDeduction({ item: "3.15/3.3", count: 2, aggravation: null }, P);
    expect(e.deduction.toNumber()).toBe(10);
    expect(e.steps[0].code).toBe("C_REFERS");
    expect(
      entryDeduction({ item: "3.15/3.1b", count: 1, aggravation: null }, P).disqualifying
    ).toBe(true);
    expect(itemInfo("3.15/3.4", P).aggravationAllowed).toBe(true);
    const alone = parseItemCode("3.15");
    expect(alone.ok).toBe(false);
    expect(!alone.ok && alone.zh).toMatch(/3\.15\/所违反条款/);
  });
  test.each([
    ["3.15/3.15", /不能按自身/],
    ["3.15/", /应写成/],
    ["3.15/3.3/1.1", /应写成/],
    ["3.3/3.15", /只有 3\.15/],
    ["3.15/9.9", /不是差错积分/],
    ["3.2", /3\.2a、3\.2b/],
    [3.1, /3\.10/],
    ["9.9", /不是差错积分/],
    ["", /为空/],
    [true, /文本/],
  ])("%p is an error (%p)", (raw, msg) => {
    const r = parseItemCode(raw);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.zh).toMatch(msg);
    expect(!r.ok && r.en.length).toBeGreaterThan(0);
  });
  test("an item without points in the policy is #N/A, not 0", () => {
    const p: Policy = { ...P, c: { points: { ...P.c.points } } };
    delete p.c.points["3.3"];
    expect(() => itemInfo("3.3", p)).toThrow(/未设置条款 3\.3/);
  });
});

function row(
  employeeId: string,
  date: string | null,
  item: string,
  more: Partial<ErrorLogRow> = {}
): ErrorLogRow {
  return {
    src: { sheet: "差错记录", row: 1 },
    employeeId,
    date,
    item,
    count: 1,
    aggravation: null,
    note: null,
    ...more,
  };
}

describe("errorPointsByManager", () => {
  test("totals per CM within the policy year; ✕ items listed; other years left out", () => {
    const r = errorPointsByManager(
      [
        row("E1", "2025-01-01", "3.2b", { count: 2 }),
        row("E1", "2025-12-31", "3.15/3.3", { aggravation: 2.5 }),
        row("E2", "2025-06-30", "1.5"),
        row("E1", "2024-12-31", "3.5b"),
        row("E1", "2026-01-01", "3.5b"),
        row("E2", "2025-07-01", "4.1b", { count: 2 }),
      ],
      P
    );
    expect(r.map((x) => x.employeeId)).toEqual(["E1", "E2"]);
    expect(r[0]).toMatchObject({ ok: true, total: 27.5, disqualifying: [], outOfYear: 2 });
    expect(r[1]).toMatchObject({ ok: true, total: 40, disqualifying: ["1.5"], outOfYear: 0 });
    const text = renderSteps(r[1].steps);
    expect(text).toContain("取消客户经理资格");
    expect(text).toContain("扣分合计 40 分");
  });
  test("aggravation-eligible entries are flagged when the note mentions a risk and no aggravation was entered", () => {
    const [r] = errorPointsByManager(
      [
        row("E1", "2025-03-01", "3.4", { note: "签章不全，带来风险" }),
        row("E1", "2025-03-02", "3.4", { note: "签章不全，带来风险", aggravation: 5 }),
        row("E1", "2025-03-03", "2.1", { note: "造成损失" }),
        row("E1", "2025-03-04", "1.1", { note: "一般问题" }),
      ],
      P
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.aggravationCandidates.map((e) => e.code)).toEqual(["3.4"]);
      expect(r.aggravationCandidates[0].riskWords).toEqual(["风险"]);
      expect(r.steps.some((s) => s.code === "C_CANDIDATE")).toBe(true);
    }
  });
  test("a bad entry or a blank date gives errors for that CM instead of a partial total", () => {
    const r = errorPointsByManager(
      [
        row("E1", "2025-03-01", "3.15"),
        row("E1", null, "1.1"),
        row("E1", "2025-03-01", "1.1"),
        row("E2", "2025-01-05", "1.1"),
      ],
      P
    );
    expect(r[0].ok).toBe(false);
    if (!r[0].ok) {
      expect(r[0].errors).toHaveLength(2);
      expect(r[0].errors[0].zh).toMatch(/差错记录 第 2 行.*3\.15/);
      expect(r[0].errors[1].zh).toMatch(/日期为空/);
    }
    expect(r[1]).toMatchObject({ ok: true, total: 10 });
  });
  test("a bad entry of another year does not block the CM", () => {
    expect(
      errorPointsByManager([row("E1", "2024-03-01", "3.15"), row("E1", "2025-01-01", "1.3")], P)[0]
    ).toMatchObject({ ok: true, total: 5, outOfYear: 1 });
  });
  test("each point figure of the policy moves the total", () => {
    for (const [code, points] of TABLE) {
      if (points === null) continue;
      const p: Policy = { ...P, c: { points: { ...P.c.points, [code]: points + 1 } } };
      const [a] = errorPointsByManager([row("E1", "2025-05-05", code, { count: 2 })], P);
      const [b] = errorPointsByManager([row("E1", "2025-05-05", code, { count: 2 })], p);
      expect(a.ok && b.ok && b.total - a.total).toBe(2);
    }
  });
  test("scores are rounded to 0.01 with decimal arithmetic", () => {
    const [r] = errorPointsByManager(
      [
        row("E1", "2025-05-05", "2.1", { aggravation: 0.1 }),
        row("E1", "2025-05-05", "2.1", { aggravation: 0.2 }),
      ],
      P
    );
    expect(r.ok && r.total).toBe(2.3);
    expect(dec(0.1).plus(0.2).toNumber()).toBe(0.3);
  });
});

import type { ErrorLogRow } from "../../../src/core/rows";
import { defaultPolicy } from "../../../src/policy/defaults";
import {
  disqualifyingItems,
  disqualifyingItemsByManager,
  entryDeduction,
  itemInfo,
  parseItemCode,
} from "../../../src/rules/c";
import { renderSteps } from "../../../src/rules/explain";

const P = defaultPolicy(2025);

let n = 0;
function row(employeeId: string, date: string | null, item: string): ErrorLogRow {
  n += 1;
  return {
    src: { sheet: "差错记录", row: n },
    employeeId,
    date,
    item,
    count: 1,
    aggravation: null,
    note: null,
  };
}

describe("rev 2: 1.1b and 1.2b (情节恶劣 → 取消客户经理资格)", () => {
  test.each([
    ["1.1b", "违规操作，情节恶劣", "一、1"],
    ["1.2b", "怠慢客户、越权允诺、蒙骗客户，情节恶劣", "一、2"],
  ])("%s is a ✕ item of %s, no points", (code, zh, article) => {
    const info = itemInfo(code, P);
    expect(info).toMatchObject({ code, scoredAs: code, points: null, disqualifying: true });
    expect(info.scored.zh).toBe(zh);
    expect(info.scored.article).toBe(article);
    const e = entryDeduction({ item: code, count: 2, aggravation: null }, P);
    expect(e.deduction.toNumber()).toBe(0);
    expect(renderSteps(e.steps)).toContain("直接取消客户经理资格");
  });
  test("1.1 and 1.2 keep their 10 points per time; 1.1B and full-width １．１ｂ are read as 1.1b", () => {
    expect(itemInfo("1.1", P).points).toBe(10);
    expect(itemInfo("1.2", P).points).toBe(10);
    expect(parseItemCode("1.1B")).toEqual({ ok: true, value: { code: "1.1b", scoredAs: "1.1b" } });
    expect(parseItemCode("１.１ｂ")).toEqual({
      ok: true,
      value: { code: "1.1b", scoredAs: "1.1b" },
    });
    expect(parseItemCode("1.1a").ok).toBe(false);
  });
});

describe("disqualifyingItems: a CM's ✕ items of the policy year (A8 reason 8, B4 step 0)", () => {
  const log = [
    row("E1", "2025-01-01", "1.1b"), // first day of the year: counts
    row("E1", "2025-12-31", "1.5"), // last day: counts
    row("E1", "2024-12-31", "1.6"), // the year before: not counted
    row("E1", "2026-01-01", "3.1b"), // the year after: not counted
    row("E1", "2025-06-01", "1.1"), // not ✕
    row("E1", "2025-07-01", "1.1b"), // the same item again: listed once
    row("E2", "2025-03-01", "3.15/3.14b"), // scored as 3.14b: ✕
    row("E3", "2025-03-01", "9.9"), // unreadable code
    row("E3", null, "1.2b"), // ✕ with a blank date: cannot be placed
  ];
  test("only entries dated within the year; each item once, in log order, with its description", () => {
    const r = disqualifyingItems("E1", log, P);
    expect(r.items.map((i) => i.code)).toEqual(["1.1b", "1.5"]);
    expect(r.items[0]).toMatchObject({
      code: "1.1b",
      what: "违规操作，情节恶劣",
      article: "一、1",
      date: "2025-01-01",
    });
    expect(r.unreadable).toEqual([]);
    expect(r.text).toBe("1.1b 违规操作，情节恶劣；1.5 与客户串通弄虚作假、欺骗银行");
  });
  test("3.15/X is disqualifying when X is", () => {
    expect(disqualifyingItems("E2", log, P).items.map((i) => i.code)).toEqual(["3.15/3.14b"]);
    expect(disqualifyingItems("E2", log, P).items[0].what).toBe(
      "借新还旧未视同新贷款管理（按 3.14b 贷后管理不落实造成风险，情节严重）"
    );
  });
  test("an unreadable code or a blank-dated ✕ entry is reported, never read as no item", () => {
    const r = disqualifyingItems("E3", log, P);
    expect(r.items).toEqual([]);
    expect(r.unreadable.map((u) => u.src.row)).toEqual([log[7].src.row, log[8].src.row]);
    expect(r.unreadable[0].zh).toMatch(/9\.9/);
    expect(r.unreadable[1].zh).toMatch(/日期为空/);
  });
  test("a CM with no entry has none; the map holds every CM of the log", () => {
    expect(disqualifyingItems("E9", log, P)).toMatchObject({ items: [], unreadable: [], text: "" });
    const m = disqualifyingItemsByManager(log, P);
    expect([...m.keys()]).toEqual(["E1", "E2", "E3"]);
    expect(m.get("E1")!.items).toHaveLength(2);
  });
  test("another policy year looks at that year's entries", () => {
    const p24 = defaultPolicy(2024);
    expect(disqualifyingItems("E1", log, p24).items.map((i) => i.code)).toEqual(["1.6"]);
  });
});

import fc from "fast-check";
import {
  excelNumber,
  parseDate,
  parseEnum,
  parseNumber,
  parseYesNo,
  parseInt0,
  parseNonNegative,
  parseText,
  parseYear,
  isBlank,
} from "../../src/core/parse";

describe("parseNumber (WORKBOOK.md Types)", () => {
  test.each([
    [1234.5, 1234.5],
    ["1,234.5", 1234.5],
    ["1,234.50", 1234.5],
    ["１２３４", 1234],
    [" 12 ", 12],
    ["-3", -3],
  ])("%p → %p", (raw, v) => {
    expect(parseNumber(raw)).toEqual({ ok: true, value: v });
  });
  test("a trailing unit only when the header states it", () => {
    expect(parseNumber("12万元", { unit: "万元" })).toEqual({ ok: true, value: 12 });
    expect(parseNumber("12万元", { unit: "元" }).ok).toBe(false);
    expect(parseNumber("12万元").ok).toBe(false);
  });
  test.each(["abc", "1,23", "12元", "", "1.2.3", "#N/A", true, NaN, Infinity, null])(
    "%p is not a number",
    (raw) => {
      expect(parseNumber(raw).ok).toBe(false);
    }
  );
  test("negative amounts and fractions of counts fail", () => {
    expect(parseNonNegative(-1).ok).toBe(false);
    expect(parseInt0(1.5).ok).toBe(false);
    expect(parseInt0("３").ok).toBe(true);
  });
});

describe("parseDate", () => {
  test.each([
    [45658, "2025-01-01"],
    ["2025-03-01", "2025-03-01"],
    ["2025/3/1", "2025-03-01"],
    ["2025年3月1日", "2025-03-01"],
    ["２０２５年３月１日", "2025-03-01"],
    [new Date(Date.UTC(2024, 1, 29)), "2024-02-29"],
  ])("%p → %p", (raw, v) => {
    expect(parseDate(raw)).toEqual({ ok: true, value: v });
  });
  test.each(["2025-02-30", "2025-13-01", "1/3/2025", "yesterday", -5, 0, true])(
    "%p is not a date",
    (raw) => {
      expect(parseDate(raw).ok).toBe(false);
    }
  );
});

describe("parseYesNo / parseYear / isBlank", () => {
  test.each([
    ["是", true],
    ["否", false],
    ["Y", true],
    ["n", false],
    ["TRUE", true],
    [false, false],
    [1, true],
    ["0", false],
  ])("%p → %p", (raw, v) => {
    expect(parseYesNo(raw)).toEqual({ ok: true, value: v });
  });
  test("other text is not yes/no", () => {
    expect(parseYesNo("可能").ok).toBe(false);
    expect(parseYesNo(2).ok).toBe(false);
  });
  test("years", () => {
    expect(parseYear(2019)).toEqual({ ok: true, value: 2019 });
    expect(parseYear("2019年")).toEqual({ ok: true, value: 2019 });
    expect(parseYear(19).ok).toBe(false);
    expect(parseYear(2019.5).ok).toBe(false);
  });
  test("blank", () => {
    expect(isBlank(null)).toBe(true);
    expect(isBlank("　")).toBe(true);
    expect(isBlank(0)).toBe(false);
  });
});

/** The definition excelNumber implements without strings for short numbers. */
function byText(x: number): number {
  if (x === 0) return 0;
  const y = Number(x.toPrecision(15));
  return Number.isFinite(y) ? y : x;
}

describe("excelNumber: a number as Excel shows it (15 significant digits)", () => {
  test.each([
    [89.99 + 0.005, 89.995], // 89.99499999999999
    [0.7 + 0.1, 0.8], // 0.7999999999999999
    [0.1 + 0.2, 0.3], // 0.30000000000000004
    [0.68 + 1.12, 1.8], // 1.8000000000000003
    [0.6 * 3, 1.8], // 1.7999999999999998
    [999999.9999999999, 1000000],
    [1000000.0000000001, 1000000],
    [-(89.99 + 0.005), -89.995],
    [3.0000000000000004, 3],
    [2 ** 53, 9007199254740990], // 9007199254740992 is shown as 9.00719925474099E+15
    [Math.PI * 1e300, 3.14159265358979e300],
    [Math.PI * 1e-300, 3.14159265358979e-300],
  ])("%p → %p", (x, shown) => {
    expect(excelNumber(x)).toBe(shown);
  });

  test.each([
    123456789012.345,
    1e-7,
    0.1,
    0.3,
    89.995,
    -1234.5,
    123456789.012345, // 15 significant digits, as typed
    0.123456789012345,
    1.00000000000001,
    99999999999999.9,
    999999999999999,
    -999999999999999,
    1e15,
    1e22,
    1e300,
    5e-324, // the smallest double: its 15 digits read back as itself
    Number.MAX_VALUE, // 15 digits would round beyond the largest double: kept
    -Number.MAX_VALUE,
    2 ** 31,
    1,
    -1,
  ])("%p is unchanged", (x) => {
    expect(excelNumber(x)).toBe(x);
  });

  test("−0 is 0; non-finite values are returned as they are (the parsers refuse them)", () => {
    expect(Object.is(excelNumber(-0), 0)).toBe(true);
    expect(Object.is(excelNumber(0), 0)).toBe(true);
    expect(excelNumber(Infinity)).toBe(Infinity);
    expect(excelNumber(-Infinity)).toBe(-Infinity);
    expect(excelNumber(NaN)).toBeNaN();
  });

  test("any double: the same as Number(x.toPrecision(15)) (the quick test without strings never differs)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) =>
        Object.is(excelNumber(x), byText(x))
      ),
      { seed: 20251231, numRuns: 20000 }
    );
  });

  test("a number typed with at most 15 significant digits is unchanged, its neighbours are read as it", () => {
    const typed = fc
      .tuple(
        fc.integer({ min: 1, max: 15 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: -30, max: 30 }),
        fc.boolean()
      )
      .map(([digits, f, e, neg]) => Number(`${neg ? "-" : ""}${Math.floor(f * 10 ** digits)}e${e}`))
      .filter((x) => x !== 0);
    fc.assert(
      fc.property(typed, (x) => {
        const up = x * (1 + 2 ** -52);
        const down = x * (1 - 2 ** -53);
        return excelNumber(x) === x && excelNumber(up) === x && excelNumber(down) === x;
      }),
      { seed: 20251231, numRuns: 20000 }
    );
  });

  test("idempotent: a number read once reads the same again", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) =>
        Object.is(excelNumber(excelNumber(x)), excelNumber(x))
      ),
      { seed: 20251231, numRuns: 5000 }
    );
  });
});

describe("the parsers read numbers given as numbers as Excel shows them", () => {
  test("parseNumber and friends", () => {
    expect(parseNumber(89.99 + 0.005)).toEqual({ ok: true, value: 89.995 });
    expect(parseNumber(0.7999999999999999)).toEqual({ ok: true, value: 0.8 });
    expect(parseNumber(0.30000000000000004)).toEqual({ ok: true, value: 0.3 });
    expect(parseNumber(123456789012.345)).toEqual({ ok: true, value: 123456789012.345 });
    expect(parseNumber(1e-7)).toEqual({ ok: true, value: 1e-7 });
    expect(parseNumber(2 ** 53)).toEqual({ ok: true, value: 9007199254740990 });
    expect(parseNumber(1e300)).toEqual({ ok: true, value: 1e300 });
    expect(parseNumber(Number.MAX_VALUE)).toEqual({ ok: true, value: Number.MAX_VALUE });
    const z = parseNumber(-0);
    expect(z.ok && Object.is(z.value, 0)).toBe(true);
    expect(parseNonNegative(999999.9999999999)).toEqual({ ok: true, value: 1000000 });
    expect(parseNonNegative(-(0.1 + 0.2)).ok).toBe(false);
    // a count computed as =0.1*3*10 (3.0000000000000004) is shown and read as 3
    expect(0.1 * 3 * 10).toBe(3.0000000000000004);
    expect(parseInt0(0.1 * 3 * 10)).toEqual({ ok: true, value: 3 });
    expect(parseInt0(2.5).ok).toBe(false);
  });
  test("a text number is taken exactly as written (the user sees those digits)", () => {
    expect(parseNumber("89.99499999999999")).toEqual({ ok: true, value: 89.99499999999999 });
    expect(parseNumber("1,234.5")).toEqual({ ok: true, value: 1234.5 });
  });
  test("dates, 是/否, years, text and enumerations given as numbers", () => {
    expect(parseDate(45658.99999999999)).toEqual({ ok: true, value: "2025-01-02" }); // shown 45659
    expect(parseDate(45658.5)).toEqual({ ok: true, value: "2025-01-01" });
    expect(parseYesNo((0.1 * 3) / 0.3)).toEqual({ ok: true, value: true }); // 1.0000000000000002
    expect(parseYesNo(0.1 + 0.2 - 0.3)).toEqual({
      ok: false,
      zh: expect.any(String),
      en: expect.any(String),
    }); // 5.55e-17 is shown as such, not 0
    expect(parseYear(2019.0000000000002)).toEqual({ ok: true, value: 2019 });
    expect(parseText(0.1 + 0.2)).toEqual({ ok: true, value: "0.3" });
    expect(parseText(1001)).toEqual({ ok: true, value: "1001" });
    expect(parseEnum(0.1 + 0.2, { 甲: ["0.3"] })).toEqual({ ok: true, value: "甲" });
  });
});

import { parseDate, parseNumber, parseYesNo, parseInt0, parseNonNegative, parseYear, isBlank } from "../../src/core/parse";

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
  test.each(["abc", "1,23", "12元", "", "1.2.3", "#N/A", true, NaN, Infinity, null])("%p is not a number", (raw) => {
    expect(parseNumber(raw).ok).toBe(false);
  });
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
  test.each(["2025-02-30", "2025-13-01", "1/3/2025", "yesterday", -5, 0, true])("%p is not a date", (raw) => {
    expect(parseDate(raw).ok).toBe(false);
  });
});

describe("parseYesNo / parseYear / isBlank", () => {
  test.each([["是", true], ["否", false], ["Y", true], ["n", false], ["TRUE", true], [false, false], [1, true], ["0", false]])("%p → %p", (raw, v) => {
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

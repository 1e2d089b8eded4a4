/**
 * Parsing of raw cell values: ONE implementation, used by the sheet reader (cells of a
 * table), by the custom functions' argument conversion and by the policy sheet.
 * WORKBOOK.md "Types": `1,234.5`, full-width digits, a trailing unit the header states,
 * Excel date serials and the date texts yyyy-mm-dd / yyyy/m/d / yyyy年m月d日, 是/否 forms.
 * Anything else is a failure with a message — never 0. A number given as a number is read as
 * Excel shows it, to 15 significant digits ({@link excelNumber}): =0.7+0.1 is 0.8.
 */
import { fromJsDate, fromSerial, isValidYmd, IsoDate, ymd } from "./dates";
import { normKey, toHalfWidth } from "./text";

/** What a cell can hold, as Office.js and ExcelJS give it (ExcelJS dates as Date). */
export type RawCell = number | string | boolean | Date | null | undefined;

export type Parsed<T> = { ok: true; value: T } | { ok: false; zh: string; en: string };

export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}
export function fail<T = never>(zh: string, en: string): Parsed<T> {
  return { ok: false, zh, en };
}

const EXCEL_ERRORS = [
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#BUSY!",
];

/** Blank: null, undefined, or a string of white space only. */
export function isBlank(raw: unknown): boolean {
  return (
    raw === null || raw === undefined || (typeof raw === "string" && toHalfWidth(raw).trim() === "")
  );
}

/** An Excel error value arriving as text ("#N/A") — reported as such, never parsed. */
function excelErrorOf(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.indexOf("#") < 0) return null;
  const s = raw.trim().toUpperCase();
  return EXCEL_ERRORS.includes(s) ? s : null;
}

function show(raw: unknown): string {
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  return String(raw);
}

export interface NumberOptions {
  /** The unit the column header states (e.g. "万元"): a value may repeat it ("12万元"). */
  unit?: string;
  /** Accept a trailing % (the number is taken as written: "95%" → 95). */
  percent?: boolean;
}

/** 10^0 … 10^22, all exact doubles. */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/**
 * A number as Excel shows and compares it: to 15 significant digits. A cell computed as
 * =89.99+0.005 holds the double 89.99499999999999 but Excel shows 89.995 (and 90.00), =0.7+0.1
 * holds 0.7999999999999999 and shows 0.8: they are read as 89.995 and 0.8. A number typed with
 * at most 15 significant digits comes back unchanged; −0 is 0; a value that would round beyond
 * the largest double stays as it is. Every number read from a cell or an argument passes here
 * (through the parsers below), so the rules see what the user sees — once, centrally.
 *
 * Fast: a number that already has at most 15 significant digits (almost every cell) is
 * recognised with arithmetic only, without making a string.
 */
export function excelNumber(x: number): number {
  if (x === 0) return 0; // −0 too: Excel has no negative zero
  const a = x < 0 ? -x : x;
  if (a < 1e15) {
    if (Number.isInteger(a)) return x; // a whole number below 10^15 has at most 15 digits
    // a × 10^k below 10^15: if rounding that to a whole number and dividing back by 10^k gives a,
    // a is the double nearest to a decimal of at most 15 significant digits, and so as shown.
    // First k = 2 (amounts in 元 with 分, most cells), then k for 15 digits.
    if (a < 1e13 && Math.round(a * 100) / 100 === a) return x;
    let k = 14 - Math.floor(Math.log10(a));
    if (k >= 0 && k <= 22) {
      let s = a * POW10[k];
      if (s >= 1e15) s = a * POW10[--k];
      else if (s < 1e14 && k < 22) s = a * POW10[++k];
      if (Math.round(s) / POW10[k] === a) return x;
    }
  }
  const y = Number(x.toPrecision(15));
  return Number.isFinite(y) ? y : x;
}

const PLAIN_NUM = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const GROUPED_NUM = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/** A finite number (a number as Excel shows it: {@link excelNumber}). Booleans, dates and other text fail. */
export function parseNumber(raw: RawCell | unknown, opts: NumberOptions = {}): Parsed<number> {
  if (typeof raw === "number") {
    // as Excel shows it (15 significant digits); a text number is taken exactly as written
    return Number.isFinite(raw)
      ? ok(excelNumber(raw))
      : fail(`不是有限数值：${raw}`, `not a finite number: ${raw}`);
  }
  if (typeof raw === "boolean")
    return fail(`应为数值，实为逻辑值 ${raw ? "TRUE" : "FALSE"}`, `expected a number, got ${raw}`);
  if (raw instanceof Date)
    return fail(`应为数值，实为日期 ${show(raw)}`, `expected a number, got a date ${show(raw)}`);
  if (typeof raw !== "string") return fail("应为数值", "expected a number");
  const err = excelErrorOf(raw);
  if (err) return fail(`单元格为错误值 ${err}`, `the cell holds the error ${err}`);
  let s = toHalfWidth(raw).trim().replace(/\s+/g, "");
  if (opts.unit) {
    const u = toHalfWidth(opts.unit).replace(/\s+/g, "");
    if (u && s.endsWith(u) && s.length > u.length) s = s.slice(0, -u.length);
  }
  if (opts.percent && s.endsWith("%")) s = s.slice(0, -1);
  if (PLAIN_NUM.test(s) || GROUPED_NUM.test(s)) {
    const v = Number(s.replace(/,/g, ""));
    if (Number.isFinite(v)) return ok(v);
  }
  return fail(`“${raw}”不是数值`, `"${raw}" is not a number`);
}

/** A number ≥ 0 (amounts, counts before the integer check). */
export function parseNonNegative(raw: unknown, opts: NumberOptions = {}): Parsed<number> {
  const p = parseNumber(raw, opts);
  if (!p.ok) return p;
  if (p.value < 0) return fail(`不能为负数：${p.value}`, `must not be negative: ${p.value}`);
  return p;
}

/** A whole number ≥ 0. */
export function parseInt0(raw: unknown, opts: NumberOptions = {}): Parsed<number> {
  const p = parseNonNegative(raw, opts);
  if (!p.ok) return p;
  if (!Number.isInteger(p.value))
    return fail(`应为整数：${p.value}`, `must be a whole number: ${p.value}`);
  return p;
}

/** Largest serial Excel accepts (9999-12-31). */
const MAX_SERIAL = 2958465;

const DATE_TEXT = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
];

/** An Excel date serial, a JS Date, or the texts yyyy-mm-dd, yyyy/m/d, yyyy年m月d日 (also yyyy.m.d). */
export function parseDate(raw: RawCell | unknown): Parsed<IsoDate> {
  if (raw instanceof Date) {
    if (isNaN(raw.getTime())) return fail("无效日期", "invalid date");
    return ok(fromJsDate(raw));
  }
  if (typeof raw === "number") {
    const v = excelNumber(raw);
    if (!Number.isFinite(v) || v < 1 || v > MAX_SERIAL)
      return fail(`不是有效的日期序列号：${raw}`, `not a valid date serial: ${raw}`);
    return ok(fromSerial(v));
  }
  if (typeof raw === "string") {
    const err = excelErrorOf(raw);
    if (err) return fail(`单元格为错误值 ${err}`, `the cell holds the error ${err}`);
    const s = toHalfWidth(raw).trim().replace(/\s+/g, "");
    // an ISO timestamp from a JSON round trip: keep the calendar day
    const t = /^(\d{4}-\d{2}-\d{2})T[\d:.]+Z?$/.exec(s);
    const text = t ? t[1] : s;
    for (const re of DATE_TEXT) {
      const m = re.exec(text);
      if (m) {
        const y = +m[1],
          mo = +m[2],
          d = +m[3];
        if (isValidYmd(y, mo, d)) return ok(ymd(y, mo, d));
        return fail(`“${raw}”不是存在的日期`, `"${raw}" is not a real date`);
      }
    }
    return fail(
      `“${raw}”不是日期（应为 yyyy-mm-dd、yyyy/m/d 或 yyyy年m月d日）`,
      `"${raw}" is not a date (use yyyy-mm-dd, yyyy/m/d or yyyy年m月d日)`
    );
  }
  if (typeof raw === "boolean")
    return fail("应为日期，实为逻辑值", "expected a date, got a logical value");
  return fail("应为日期", "expected a date");
}

const YES = new Set(["是", "y", "yes", "true", "1", "√", "✓"]);
const NO = new Set(["否", "n", "no", "false", "0", "×", "✗"]);

/** 是/否, Y/N, TRUE/FALSE (also logical values), 1/0. */
export function parseYesNo(raw: RawCell | unknown): Parsed<boolean> {
  if (typeof raw === "boolean") return ok(raw);
  if (typeof raw === "number") {
    const v = excelNumber(raw);
    if (v === 1) return ok(true);
    if (v === 0) return ok(false);
    return fail(`应为 是/否，实为 ${raw}`, `expected yes/no, got ${raw}`);
  }
  if (typeof raw === "string") {
    const k = normKey(raw);
    if (YES.has(k)) return ok(true);
    if (NO.has(k)) return ok(false);
    return fail(
      `“${raw}”不是 是/否（可用 是/否、Y/N、TRUE/FALSE、1/0）`,
      `"${raw}" is not yes/no (use 是/否, Y/N, TRUE/FALSE, 1/0)`
    );
  }
  return fail("应为 是/否", "expected yes/no");
}

/** A four-digit year (a number, "2019" or "2019年"). */
export function parseYear(raw: RawCell | unknown): Parsed<number> {
  let v: number | null = null;
  if (typeof raw === "number") v = excelNumber(raw);
  else if (typeof raw === "string") {
    const s = toHalfWidth(raw).trim().replace(/年$/, "");
    if (/^\d{4}$/.test(s)) v = +s;
  }
  if (v === null || !Number.isInteger(v) || v < 1900 || v > 9999)
    return fail(`“${show(raw)}”不是四位年份`, `"${show(raw)}" is not a four-digit year`);
  return ok(v);
}

/** Non-blank text, trimmed; numbers are turned into their text (an employee id typed as 1001). */
export function parseText(raw: RawCell | unknown): Parsed<string> {
  if (typeof raw === "string") {
    const err = excelErrorOf(raw);
    if (err) return fail(`单元格为错误值 ${err}`, `the cell holds the error ${err}`);
    return ok(raw.trim());
  }
  if (typeof raw === "number" && Number.isFinite(raw)) return ok(String(excelNumber(raw)));
  if (typeof raw === "boolean") return ok(raw ? "TRUE" : "FALSE");
  if (raw instanceof Date) return ok(show(raw));
  return fail("应为文本", "expected text");
}

/**
 * One of a fixed set of values, given as canonical value → accepted spellings.
 * Matching uses {@link normKey} (trim, full-width, case).
 */
export function parseEnum<T extends string>(
  raw: RawCell | unknown,
  accepted: Record<T, readonly string[]>
): Parsed<T> {
  if (typeof raw !== "string" && typeof raw !== "number") return fail("应为文本", "expected text");
  const k = normKey(typeof raw === "number" ? String(excelNumber(raw)) : raw);
  for (const [canon, names] of Object.entries(accepted) as [T, readonly string[]][]) {
    if (normKey(canon) === k || names.some((n) => normKey(n) === k)) return ok(canon);
  }
  const list = Object.keys(accepted).join("/");
  return fail(`“${raw}”不是允许的值（${list}）`, `"${raw}" is not one of ${list}`);
}

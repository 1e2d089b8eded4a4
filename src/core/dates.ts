/**
 * Calendar dates as plain ISO strings "YYYY-MM-DD" (comparable as strings, readable in
 * explanations). All arithmetic is in UTC days; no time of day, no time zone.
 */
export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Excel's serial 1 is 1900-01-01; serials count from 1899-12-30 (Excel's 1900 leap-year bug). */
export const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
export const DAY_MS = 86400000;

export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== "string") return false;
  const m = ISO_RE.exec(s);
  if (!m) return false;
  return isValidYmd(+m[1], +m[2], +m[3]);
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function ymd(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function parts(d: IsoDate): { y: number; m: number; d: number } {
  return { y: +d.slice(0, 4), m: +d.slice(5, 7), d: +d.slice(8, 10) };
}

export function yearOf(d: IsoDate): number {
  return +d.slice(0, 4);
}

function toMs(d: IsoDate): number {
  const p = parts(d);
  return Date.UTC(p.y, p.m - 1, p.d);
}

/** ISO dates already made, by day number since 1970 (a ledger repeats the same few thousand dates). */
const byDay = new Map<number, IsoDate>();

function fromMs(ms: number): IsoDate {
  const day = Math.floor(ms / DAY_MS);
  let d = byDay.get(day);
  if (d === undefined) {
    const t = new Date(day * DAY_MS);
    d = ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
    if (byDay.size < 200_000) byDay.set(day, d);
  }
  return d;
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return fromMs(toMs(d) + n * DAY_MS);
}

/** Days from a to b (b − a). */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return Math.round((toMs(b) - toMs(a)) / DAY_MS);
}

/**
 * Same month and day n years later; 29 February becomes 28 February in a non-leap year
 * (RULES.md A5: "a 29 February start has its anniversary on 28 February").
 */
export function addYears(d: IsoDate, n: number): IsoDate {
  const p = parts(d);
  const y = p.y + n;
  return ymd(y, p.m, Math.min(p.d, daysInMonth(y, p.m)));
}

/**
 * The same day n calendar months later, clamped to the month's last day (as Excel's EDATE):
 * 01-31 + 1 month = 02-28 (02-29 in a leap year); 03-31 + 1 = 04-30.
 */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const p = parts(d);
  const k = p.y * 12 + (p.m - 1) + n;
  const y = Math.floor(k / 12);
  const m = k - y * 12 + 1;
  return ymd(y, m, Math.min(p.d, daysInMonth(y, m)));
}

/** The last day of d's month (Excel's EOMONTH(d, 0)). */
export function endOfMonth(d: IsoDate): IsoDate {
  const p = parts(d);
  return ymd(p.y, p.m, daysInMonth(p.y, p.m));
}

/** Whole years from a to b (an anniversary counts on its day). */
export function fullYearsBetween(a: IsoDate, b: IsoDate): number {
  if (b < a) return -fullYearsBetween(b, a);
  const pa = parts(a);
  let n = parts(b).y - pa.y;
  if (addYears(a, n) > b) n -= 1;
  return n;
}

/** Excel serial (whole days; a fraction is the time of day and is dropped) → ISO date. */
export function fromSerial(serial: number): IsoDate {
  return fromMs(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS);
}

export function toSerial(d: IsoDate): number {
  return Math.round((toMs(d) - EXCEL_EPOCH_MS) / DAY_MS);
}

/** A JS Date (as ExcelJS gives, at UTC midnight) → ISO date, by its UTC calendar day. */
export function fromJsDate(dt: Date): IsoDate {
  return ymd(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

export function endOfYear(year: number): IsoDate {
  return ymd(year, 12, 31);
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

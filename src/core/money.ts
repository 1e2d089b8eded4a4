/**
 * Money and score arithmetic (RULES.md: decimal.js; money half-up to 0.01 元, scores to 0.01).
 * Rules keep amounts as Decimal while computing and round once, where the spec says.
 */
import Decimal from "decimal.js";

/** A Decimal constructor of our own, so no other user of decimal.js changes our settings. */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;
export type DecLike = Dec | number | string;

/** The internal fields of a decimal.js 10 Decimal: sign, base-10 exponent, base-10^7 digit words. */
interface DecimalFields {
  s: number;
  e: number;
  d: number[];
}

const POW10 = Array.from({ length: 17 }, (_, i) => 10 ** i);

/**
 * A Decimal of a number that has at most two decimals (an amount in 元 with 分, a count, most
 * figures of a sheet), made without the library's detour through the number's decimal text
 * (the figures: README, 基准 Benchmark, "What made it fast"). Null for any other
 * number, which the library then converts. Builds decimal.js's own representation — the same
 * sign, exponent and digit words `new D(x)` gives (a test holds it to that for every kind of
 * number, and {@link FAST_DECIMALS} checks it once at start-up: if a version of decimal.js
 * stored them otherwise, this path is simply not used).
 */
function decimalOfCents(x: number): Dec | null {
  const a = x < 0 ? -x : x;
  // below 10^13 the cents are below 10^15: exact in a double, at most 15 digits
  if (!(a < 1e13) || a === 0) return null;
  let c = Math.round(a * 100);
  // the double nearest the decimal c/100 is x: x has at most 2 decimals (and so prints as c/100)
  if (c / 100 !== a) return null;
  let k = -2;
  while (c % 10 === 0) {
    c /= 10;
    k++;
  }
  let n = 1;
  while (n < 16 && c >= POW10[n]) n++;
  const e = n - 1 + k; // base-10 exponent of the first digit
  let first = (e + 1) % 7; // digits in the first base-10^7 word
  if (first <= 0) first += 7;
  // at most 15 digits: one, two or three words, in an array of exactly that length (a literal:
  // an array grown by push keeps spare room, twice the memory for a ledger's amounts)
  let d: number[];
  if (first >= n) d = [c * POW10[first - n]];
  else {
    const rest = n - first;
    const w0 = Math.floor(c / POW10[rest]);
    const r = c % POW10[rest];
    if (rest <= 7) d = [w0, r * POW10[7 - rest]];
    else {
      const rest2 = rest - 7;
      d = [w0, Math.floor(r / POW10[rest2]), (r % POW10[rest2]) * POW10[7 - rest2]];
    }
  }
  // a Decimal made the library's way (zero: its quick path), then given the value
  const out = new D(0);
  const f = out as unknown as DecimalFields;
  f.s = x < 0 ? -1 : 1;
  f.e = e;
  f.d = d;
  return out;
}

/** Whether {@link decimalOfCents} builds what decimal.js builds (checked once, on a few values). */
export const FAST_DECIMALS = [
  123456.78, -0.05, 1e7, 12345678.9, 0.1, 99999999999.99, 7, -1e12,
].every((x) => {
  const fast = decimalOfCents(x) as unknown as DecimalFields | null;
  const lib = new D(x) as unknown as DecimalFields;
  return (
    fast !== null &&
    fast.s === lib.s &&
    fast.e === lib.e &&
    fast.d.length === lib.d.length &&
    fast.d.every((w, i) => w === lib.d[i])
  );
});

/** A new Decimal of a number: the quick way when it applies. */
function fromNumber(x: number): Dec {
  return (FAST_DECIMALS ? decimalOfCents(x) : null) ?? new D(x);
}

/**
 * Decimals of numbers already made, shared (Decimals are immutable): the policy's figures and
 * small counts come back for every row. Bounded, so a large ledger's distinct amounts do not
 * fill it.
 */
const fromNumbers = new Map<number, Dec>();
const FROM_NUMBERS_MAX = 4096;

/** `x` as a Decimal (a Decimal is returned as it is: they are immutable). */
export function dec(x: DecLike): Dec {
  if (x instanceof D) return x;
  // −0 is a key of its own for the library (a sign), not for a Map (0)
  if (typeof x !== "number" || Object.is(x, -0)) return new D(x);
  let d = fromNumbers.get(x);
  if (d === undefined) {
    d = fromNumber(x);
    if (fromNumbers.size < FROM_NUMBERS_MAX) fromNumbers.set(x, d);
  }
  return d;
}

/**
 * `x` as a Decimal of the least memory, for values kept long (a ledger's amounts): a Decimal
 * made by the library from a number holds its digits in an array grown by push, with room to
 * spare (≈ 250 bytes in all); the quick path's array, or a copy's, is exact (≈ 130 bytes).
 */
export function compactDec(x: DecLike): Dec {
  if (typeof x === "number") {
    const fast = FAST_DECIMALS ? decimalOfCents(x) : null;
    if (fast) return fast;
  }
  return new D(dec(x));
}

/** Round half-up to 0.01 (分 for money, 0.01 point for scores). */
export function round2(x: DecLike): Dec {
  return dec(x).toDecimalPlaces(2, D.ROUND_HALF_UP);
}

/** Round to 0.01 and return a JS number (for cells and JSON). */
export function num2(x: DecLike): number {
  return toNum(round2(x));
}

/**
 * `x.toNumber()` — the nearest double — without the library's detour through the text, for a
 * value with at most two decimals below 10^13 (amounts, scores): its cents are an exact whole
 * number, and cents ÷ 100 is the double nearest the value. Any other value: the library's way.
 */
export function toNum(x: Dec): number {
  const f = x as unknown as { s: number; e: number; d: number[] | null };
  const d = f.d;
  if (!FAST_DECIMALS || d === null || f.e >= 13 || f.e < -2) return x.toNumber();
  let first = (f.e + 1) % 7;
  if (first <= 0) first += 7;
  // the power of ten of the last digit of word i is p = e − (first − 1) − 7i; cents: p + 2
  let cents = 0;
  for (let i = 0, p = f.e - first + 3; i < d.length; i++, p -= 7) {
    const w = d[i];
    if (p >= 0) cents += w * POW10[p];
    else {
      const q = POW10[-p];
      if (w % q !== 0) return x.toNumber(); // more than two decimals
      cents += w / q;
    }
  }
  return (f.s * cents) / 100;
}

/** Clamp to [lo, hi]; a null bound is no bound. */
export function clamp(x: DecLike, lo: DecLike | null, hi: DecLike | null): Dec {
  let v = dec(x);
  if (lo !== null) {
    const l = dec(lo);
    if (v.lt(l)) v = l;
  }
  if (hi !== null) {
    const h = dec(hi);
    if (v.gt(h)) v = h;
  }
  return v;
}

/** 1,234,567.8 → "1,234,567.80" (explanations). */
export function fmtMoney(x: DecLike): string {
  if (typeof x === "number") {
    // figures of the policy come back again and again
    let s = moneyTexts.get(x);
    if (s === undefined) {
      s = grouped(fixed2(dec(x)));
      if (moneyTexts.size < 10_000) moneyTexts.set(x, s);
    }
    return s;
  }
  return grouped(fixed2(dec(x)));
}

/** To 0.01, half-up, as text ("-0.00" is "0.00": a value that rounds to zero has no sign). */
function fixed2(x: Dec): string {
  const s = x.toFixed(2, D.ROUND_HALF_UP);
  return s === "-0.00" ? "0.00" : s;
}

const moneyTexts = new Map<number, string>();

/** "-1234567.80" → "-1,234,567.80". */
function grouped(s: string): string {
  const dot = s.indexOf(".");
  const neg = s.charCodeAt(0) === 45;
  const start = neg ? 1 : 0;
  const end = dot < 0 ? s.length : dot;
  if (end - start <= 3) return s;
  let out = neg ? "-" : "";
  const first = (end - start) % 3 || 3;
  out += s.slice(start, start + first);
  for (let i = start + first; i < end; i += 3) out += "," + s.slice(i, i + 3);
  return out + s.slice(end);
}

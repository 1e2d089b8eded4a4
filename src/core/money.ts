/**
 * Money and score arithmetic (RULES.md: decimal.js; money half-up to 0.01 元, scores to 0.01).
 * Rules keep amounts as Decimal while computing and round once, where the spec says.
 */
import Decimal from "decimal.js";

/** A Decimal constructor of our own, so no other user of decimal.js changes our settings. */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;
export type DecLike = Dec | number | string;

/**
 * Decimals of numbers already made, shared (Decimals are immutable): the policy's figures and
 * small counts come back for every row, and a Decimal made from a number costs a conversion
 * through its decimal text. Bounded, so a large ledger's distinct amounts do not fill it.
 */
const fromNumbers = new Map<number, Dec>();
const FROM_NUMBERS_MAX = 4096;

/** `x` as a Decimal (a Decimal is returned as it is: they are immutable). */
export function dec(x: DecLike): Dec {
  if (x instanceof D) return x;
  if (typeof x !== "number") return new D(x);
  let d = fromNumbers.get(x);
  if (d === undefined) {
    d = new D(x);
    if (fromNumbers.size < FROM_NUMBERS_MAX && !Object.is(x, -0)) fromNumbers.set(x, d);
  }
  return d;
}

/**
 * `x` as a Decimal of the least memory, for values kept long (a ledger's amounts): a Decimal
 * made from a number holds its digits in an array grown by push, with room to spare (≈ 250
 * bytes in all); a copy holds them in an exact array (≈ 130 bytes). The same value.
 */
export function compactDec(x: DecLike): Dec {
  return new D(dec(x));
}

/** Round half-up to 0.01 (分 for money, 0.01 point for scores). */
export function round2(x: DecLike): Dec {
  return dec(x).toDecimalPlaces(2, D.ROUND_HALF_UP);
}

/** Round to 0.01 and return a JS number (for cells and JSON). */
export function num2(x: DecLike): number {
  return round2(x).toNumber();
}

export function sum(xs: DecLike[]): Dec {
  return xs.reduce<Dec>((acc, x) => acc.plus(x), new D(0));
}

export function minDec(a: DecLike, b: DecLike): Dec {
  return D.min(a, b);
}

export function maxDec(a: DecLike, b: DecLike): Dec {
  return D.max(a, b);
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

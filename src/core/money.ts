/**
 * Money and score arithmetic (RULES.md: decimal.js; money half-up to 0.01 元, scores to 0.01).
 * Rules keep amounts as Decimal while computing and round once, where the spec says.
 */
import Decimal from "decimal.js";

/** A Decimal constructor of our own, so no other user of decimal.js changes our settings. */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;
export type DecLike = Dec | number | string;

export function dec(x: DecLike): Dec {
  return new D(x);
}

/** Round half-up to 0.01 (分 for money, 0.01 point for scores). */
export function round2(x: DecLike): Dec {
  return new D(x).toDecimalPlaces(2, D.ROUND_HALF_UP);
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
  let v = new D(x);
  if (lo !== null && v.lt(lo)) v = new D(lo);
  if (hi !== null && v.gt(hi)) v = new D(hi);
  return v;
}

/** 1,234,567.8 → "1,234,567.80" (explanations). */
export function fmtMoney(x: DecLike): string {
  const s = round2(x).toFixed(2);
  const [i, f] = s.split(".");
  const neg = i.startsWith("-");
  const digits = neg ? i.slice(1) : i;
  return (neg ? "-" : "") + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + "." + f;
}

/** The workbook's amount unit (金额单位): inputs are converted to 元, outputs back. */
import { dec, Dec, DecLike } from "../core/money";
import type { AmountUnit } from "./types";

function unitFactor(unit: AmountUnit): number {
  return unit === "万元" ? 10000 : 1;
}

/** A figure in the workbook's unit → 元. */
export function toYuan(x: DecLike, unit: AmountUnit): Dec {
  const f = unitFactor(unit);
  return f === 1 ? dec(x) : dec(x).times(f);
}

/** An amount in 元 → the workbook's unit (not rounded). */
export function fromYuan(x: DecLike, unit: AmountUnit): Dec {
  const f = unitFactor(unit);
  return f === 1 ? dec(x) : dec(x).div(f);
}

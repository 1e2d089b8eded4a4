/**
 * The ONE argument conversion of every CM.* custom function (HyperFormula-style: each
 * parameter is declared beside its implementation — type, optional, default, min/max —
 * and coerced here, once, centrally), and the wrapper that maps results and errors to Excel.
 *
 * - numbers, text numbers ("1,234.5", full-width digits), dates (serials and text), 是/否:
 *   parsed with src/core/parse (the same code the sheet reader uses) — every argument and every
 *   cell of a range argument, so a number is read as Excel shows it, to 15 significant digits
 *   (=0.7+0.1 arrives as 0.7999999999999999 and is read as 0.8; `excelNumber`); a `type: "any"`
 *   argument (条款) is passed on as it is, to a parser that reads numbers the same way;
 * - a blank required argument, text in a number argument, a negative amount…: a typed
 *   #VALUE! whose Chinese message names the argument;
 * - a result that is not available (an unset policy figure): #N/A with a message;
 * - never NaN, Infinity or a silent 0.
 */
import type { IsoDate } from "../core/dates";
import { isRuleError, RuleError } from "../core/errors";
import type { Dec } from "../core/money";
import {
  isBlank,
  Parsed,
  parseDate,
  parseEnum,
  parseNumber,
  parseText,
  parseYear,
  parseYesNo,
  RawCell,
} from "../core/parse";
import { activePolicy } from "../policy/store";
import type { Policy } from "../policy/types";
import { fromYuan, toYuan } from "../policy/units";

export type ArgType = "number" | "int" | "amount" | "date" | "yesno" | "text" | "year" | "any";

export interface ArgSpec {
  /** the parameter's name in the JSDoc signature */
  name: string;
  /** its Chinese label, used in messages: 参数 score（总分） */
  zh: string;
  type: ArgType;
  optional?: boolean;
  /** value used when an optional argument is omitted or blank (already typed, amounts in 元) */
  default?: unknown;
  min?: number;
  max?: number;
  /** a column or row of cells; the value is an array with null for blank cells */
  range?: boolean;
  /**
   * for a range: a cell that cannot be read becomes an {@link ArgCellError} in its place (the
   * function decides what it means for its row: src/functions/roster.ts) instead of failing
   * the whole call; an error value passed in a cell still fails the call
   */
  perCell?: boolean;
  /** for type text: canonical value → accepted spellings */
  enum?: Record<string, readonly string[]>;
}

type Scalar<S extends ArgSpec> = S["type"] extends "number" | "int" | "year"
  ? number
  : S["type"] extends "amount"
    ? Dec
    : S["type"] extends "date"
      ? IsoDate
      : S["type"] extends "yesno"
        ? boolean
        : S["type"] extends "text"
          ? S extends { enum: Record<infer K, readonly string[]> }
            ? K & string
            : string
          : RawCell;

/** An optional argument without a default is null when omitted or blank; with one, never. */
type Omitted<S extends ArgSpec> = S extends { default: infer V }
  ? [V] extends [undefined]
    ? null
    : never
  : null;

/** The typed value an ArgSpec produces: an enum's canonical values, a default's type, null only where possible. */
export type ArgValue<S extends ArgSpec> = S["range"] extends true
  ? S["perCell"] extends true
    ? (Scalar<S> | ArgCellError | null)[]
    : (Scalar<S> | null)[]
  : S["optional"] extends true
    ? Scalar<S> | Omitted<S>
    : Scalar<S>;

export type ArgValues<P extends readonly ArgSpec[]> = {
  [K in P[number] as K["name"]]: ArgValue<K>;
};

export interface FnContext {
  policy: Policy;
  /** an amount in 元 → the workbook's unit, rounded half-up to 0.01, as a number */
  amountOut(x: Dec | number): number;
}

/** A cell value a function may return. */
export type OutCell = string | number | boolean;
export type FnResult = OutCell | OutCell[][];

/** Language of error messages (Chinese first). */
let messageLang: "zh" | "en" = "zh";
export function setMessageLanguage(lang: "zh" | "en"): void {
  messageLang = lang;
}

function argLabel(spec: ArgSpec): { zh: string; en: string } {
  return { zh: `参数 ${spec.name}（${spec.zh}）`, en: `argument ${spec.name}` };
}

export class ArgError extends RuleError {}

/** A cell of a `perCell` range argument that cannot be read (#VALUE!, its message naming the argument and the item). */
export class ArgCellError extends ArgError {}

function argProblem(
  spec: ArgSpec,
  p: { zh: string; en: string },
  where = "",
  Kind: typeof ArgError = ArgError
): ArgError {
  const l = argLabel(spec);
  return new Kind("value", `${l.zh}${where}：${p.zh}`, `${l.en}${where}: ${p.en}`);
}

function argFail(spec: ArgSpec, p: { zh: string; en: string }, where = ""): never {
  throw argProblem(spec, p, where);
}

function itemLabel(i: number): string {
  return messageLang === "zh" ? ` 第 ${i + 1} 个值` : ` item ${i + 1}`;
}

function isCfError(x: unknown): x is CustomFunctions.Error {
  return typeof CustomFunctions !== "undefined" && x instanceof CustomFunctions.Error;
}

/** An error value passed in as an argument: passed on unchanged. */
class PassError {
  constructor(readonly error: CustomFunctions.Error) {}
}

function parseScalar(spec: ArgSpec, raw: unknown, policy: Policy): Parsed<unknown> {
  switch (spec.type) {
    case "number":
    case "int":
    case "amount": {
      const p = parseNumber(raw);
      if (!p.ok) return p;
      const v = p.value;
      if (spec.type === "int" && !Number.isInteger(v))
        return { ok: false, zh: `应为整数：${v}`, en: `must be a whole number: ${v}` };
      if (spec.type === "amount" && v < 0)
        return {
          ok: false,
          zh: `金额不能为负数：${v}`,
          en: `an amount must not be negative: ${v}`,
        };
      if (spec.min !== undefined && v < spec.min)
        return {
          ok: false,
          zh: `不能小于 ${spec.min}：${v}`,
          en: `must be at least ${spec.min}: ${v}`,
        };
      if (spec.max !== undefined && v > spec.max)
        return {
          ok: false,
          zh: `不能大于 ${spec.max}：${v}`,
          en: `must be at most ${spec.max}: ${v}`,
        };
      return { ok: true, value: spec.type === "amount" ? toYuan(v, policy.amountUnit) : v };
    }
    case "date":
      return parseDate(raw);
    case "yesno":
      return parseYesNo(raw);
    case "year": {
      const p = parseYear(raw);
      if (!p.ok) return p;
      if (spec.min !== undefined && p.value < spec.min)
        return { ok: false, zh: `不能早于 ${spec.min} 年`, en: `must not be before ${spec.min}` };
      if (spec.max !== undefined && p.value > spec.max)
        return { ok: false, zh: `不能晚于 ${spec.max} 年`, en: `must not be after ${spec.max}` };
      return p;
    }
    case "text": {
      if (spec.enum) return parseEnum(raw, spec.enum);
      return parseText(raw);
    }
    case "any":
      return { ok: true, value: raw };
  }
}

function unwrapScalar(spec: ArgSpec, raw: unknown): unknown {
  if (Array.isArray(raw)) {
    const rows = raw as unknown[][];
    if (rows.length === 1 && Array.isArray(rows[0]) && rows[0].length === 1) return rows[0][0];
    if (rows.length === 1 && !Array.isArray(rows[0])) return rows[0];
    argFail(spec, {
      zh: "应为单个单元格或值，不能是区域",
      en: "expected a single cell or value, not a range",
    });
  }
  return raw;
}

/** A column or a row (or one cell) → a flat list; a block of several rows and columns is refused. */
function flattenRange(spec: ArgSpec, raw: unknown): unknown[] {
  if (!Array.isArray(raw)) return [raw];
  const rows = raw as unknown[];
  if (rows.length === 0) return [];
  if (!Array.isArray(rows[0])) return rows;
  const grid = rows as unknown[][];
  const width = grid[0].length;
  if (grid.length === 1) return grid[0];
  if (width === 1) return grid.map((r) => r[0]);
  return argFail(spec, {
    zh: `应为一列或一行，实为 ${grid.length} 行 × ${width} 列的区域`,
    en: `expected one column or row, got ${grid.length}×${width}`,
  });
}

function convertOne(spec: ArgSpec, raw: unknown, policy: Policy): unknown {
  if (isCfError(raw)) throw new PassError(raw);
  if (spec.range) {
    return flattenRange(spec, raw).map((cell, i) => {
      if (isCfError(cell)) throw new PassError(cell);
      if (isBlank(cell)) return null;
      const p = parseScalar(spec, cell, policy);
      if (p.ok) return p.value;
      if (!spec.perCell) argFail(spec, p, itemLabel(i));
      return argProblem(spec, p, itemLabel(i), ArgCellError);
    });
  }
  const v = unwrapScalar(spec, raw);
  if (isCfError(v)) throw new PassError(v);
  if (isBlank(v)) {
    if (spec.optional) return spec.default === undefined ? null : spec.default;
    argFail(spec, { zh: "不能为空", en: "must not be blank" });
  }
  const p = parseScalar(spec, v, policy);
  if (!p.ok) argFail(spec, p);
  return p.value;
}

/** Converts every argument, or throws an ArgError naming the first bad one. */
export function convertArgs<P extends readonly ArgSpec[]>(
  params: P,
  raw: unknown[],
  policy: Policy
): ArgValues<P> {
  const out: Record<string, unknown> = {};
  params.forEach((spec, i) => {
    out[spec.name] = convertOne(spec, raw[i], policy);
  });
  return out as ArgValues<P>;
}

/** The policy-year argument every function takes last (optional). */
export const YEAR_ARG = {
  name: "year",
  zh: "政策年度",
  type: "year",
  optional: true,
  min: 1999,
  max: 2100,
} as const;

function makeError(e: RuleError): CustomFunctions.Error {
  const code =
    e.kind === "na"
      ? CustomFunctions.ErrorCode.notAvailable
      : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, messageLang === "zh" ? e.zh : e.en);
}

function checkCell(x: unknown): OutCell {
  if (x === null || x === undefined) return "";
  if (typeof x === "number") {
    if (!Number.isFinite(x))
      throw new RuleError(
        "na",
        "内部错误：结果不是有限数值",
        "internal error: the result is not a finite number"
      );
    return x;
  }
  if (typeof x === "string" || typeof x === "boolean") return x;
  // an error in one cell of a spilled result (a roster row that cannot be computed: src/functions/roster.ts)
  if (isCfError(x)) return x as unknown as OutCell;
  throw new RuleError(
    "na",
    "内部错误：结果类型不受支持",
    "internal error: unsupported result type"
  );
}

function checkResult(r: unknown): FnResult {
  if (Array.isArray(r)) return (r as unknown[][]).map((row) => row.map(checkCell));
  return checkCell(r);
}

export interface FunctionDef<P extends readonly ArgSpec[]> {
  /** the id in functions.json, e.g. "GRADE" (shown as CM.GRADE) */
  id: string;
  params: P;
}

/**
 * Wraps a rule-calling implementation as a custom function: converts the arguments (the
 * last one, `year`, picks the policy), runs it, checks the result and maps every failure to
 * a CustomFunctions.Error. The returned function never throws.
 */
/** The context of a call under a policy: the same for every call under it (made once). */
const contexts = new WeakMap<Policy, FnContext>();
function contextOf(policy: Policy): FnContext {
  let ctx = contexts.get(policy);
  if (!ctx) {
    ctx = {
      policy,
      amountOut: (x) => Number(fromYuan(x, policy.amountUnit).toDecimalPlaces(2).toString()),
    };
    contexts.set(policy, ctx);
  }
  return ctx;
}

/**
 * Every function's declaration, in the order defined, filled as each rule set's file is loaded: the one list of
 * parameters that the generated metadata (from the JSDoc) and the English help are checked
 * against (test/functions/specs.test.ts).
 */
export const FUNCTION_DEFS: FunctionDef<readonly ArgSpec[]>[] = [];

export function defineFunction<P extends readonly ArgSpec[]>(
  def: FunctionDef<P>,
  impl: (args: ArgValues<P>, ctx: FnContext) => unknown
): (...raw: unknown[]) => FnResult | CustomFunctions.Error {
  FUNCTION_DEFS.push(def);
  const yearIndex = def.params.findIndex((p) => p.name === "year");
  return (...raw: unknown[]) => {
    try {
      let policy = activePolicy();
      if (yearIndex >= 0) {
        const y = convertOne(def.params[yearIndex], raw[yearIndex], policy) as number | null;
        if (y !== null) policy = activePolicy(y);
      }
      const args = convertArgs(def.params, raw, policy);
      return checkResult(impl(args, contextOf(policy)));
    } catch (e) {
      if (e instanceof PassError) return e.error;
      if (isRuleError(e)) return makeError(e);
      const msg = e instanceof Error ? e.message : String(e);
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `内部错误：${msg}`);
    }
  };
}

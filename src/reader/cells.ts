/**
 * One cell of an input table → its typed value, with the column's type of the schema.
 * All parsing is src/core/parse.ts; this only picks the parser, the unit and the range.
 */
import type { Dec } from "../core/money";
import { compactDec } from "../core/money";
import {
  excelNumber,
  fail,
  ok,
  Parsed,
  parseDate,
  parseEnum,
  parseInt0,
  parseNonNegative,
  parseText,
  parseYear,
  parseYesNo,
  RawCell,
} from "../core/parse";
import { toHalfWidth } from "../core/text";
import type { AmountUnit, Policy } from "../policy/types";
import { toYuan } from "../policy/units";
import { parseItemCode } from "../rules/c/items";
import type { ColumnDef } from "./schema";

/** The value a column type gives. */
export type CellValue = string | number | boolean | Dec;

/** A failed cell: the rule id and messages (the caller adds the column and the address). */
export interface CellProblem {
  rule: string;
  zh: string;
  en: string;
}

export type CellResult = { ok: true; value: CellValue } | { ok: false; problem: CellProblem };

/** An id as compared across tables: half-width, without white space ("１００１ " → "1001"). */
function normalizeId(s: string): string {
  const h = toHalfWidth(s);
  return SPACE.test(h) ? h.replace(/\s+/g, "") : h;
}

const SPACE = /\s/;

function from<T extends CellValue>(p: Parsed<T>, rule: string): CellResult {
  // a success is already of the result's shape ({ ok, value }): returned as it is
  return p.ok ? p : { ok: false, problem: { rule, zh: p.zh, en: p.en } };
}

function amountUnit(headerUnit: string | null, policy: Policy): AmountUnit {
  return headerUnit === "万元" ? "万元" : headerUnit === "元" ? "元" : policy.amountUnit;
}

/**
 * The plain cells — most of a sheet — read without {@link parseCell}'s intermediate objects: a
 * number in an int, number or amount column, a text without `#` in an id or text column.
 * Undefined when the cell is not one of those plain cases: {@link parseCell} then decides (and
 * reports the problem). Wherever it answers, it gives exactly what parseCell gives (tested).
 */
export function plainCell(
  raw: RawCell,
  col: ColumnDef,
  headerUnit: string | null,
  policy: Policy
): CellValue | undefined {
  switch (col.type) {
    case "id":
    case "text":
      // no "#": not an Excel error value (core/parse excelErrorOf)
      if (typeof raw !== "string" || raw.indexOf("#") >= 0) return undefined;
      return col.type === "id" ? normalizeId(raw.trim()) : raw.trim();
    case "int":
    case "number":
    case "amount": {
      if (typeof raw !== "number" || !Number.isFinite(raw)) return undefined;
      const v = excelNumber(raw);
      if (v < 0 || (col.type === "int" && !Number.isInteger(v))) return undefined;
      if (col.type !== "amount") return v;
      const u = amountUnit(headerUnit, policy);
      return u === "元" ? compactDec(v) : compactDec(toYuan(v, u));
    }
    default:
      return undefined;
  }
}

/** Parses a non-blank cell. `headerUnit` is the unit the column's header states (null: none). */
export function parseCell(
  raw: RawCell,
  col: ColumnDef,
  headerUnit: string | null,
  policy: Policy
): CellResult {
  const unit = headerUnit ?? undefined;
  switch (col.type) {
    case "id": {
      const p = parseText(raw);
      if (!p.ok) return from(p, "TYPE.text");
      const id = normalizeId(p.value);
      return id === p.value ? p : { ok: true, value: id };
    }
    case "text":
      return from(parseText(raw), "TYPE.text");
    case "item": {
      const p = parseItemCode(raw);
      return from(p.ok ? ok(p.value.code) : p, "CODE.条款");
    }
    case "int":
      return from(parseInt0(raw, { unit }), "TYPE.int");
    case "number":
      return from(parseNonNegative(raw, { unit }), "TYPE.number");
    case "amount": {
      const p = parseNonNegative(raw, { unit });
      if (!p.ok) return from(p, "TYPE.amount");
      // kept as long as the data: the compact form
      return { ok: true, value: compactDec(toYuan(p.value, amountUnit(headerUnit, policy))) };
    }
    case "percent": {
      const p = parseNonNegative(raw, { percent: true });
      if (p.ok && p.value > 100)
        return from(
          fail(`应在 0–100（%）之间：${p.value}`, `must be between 0 and 100 (%): ${p.value}`),
          `RANGE.${col.names[0]}`
        );
      return from(p, "TYPE.number");
    }
    case "date":
      return from(parseDate(raw), "TYPE.date");
    case "year":
      return from(parseYear(raw), "TYPE.year");
    case "yesno":
      return from(parseYesNo(raw), "TYPE.yesno");
    case "enum":
      return from(parseEnum(raw, col.values ?? {}), `ENUM.${col.names[0]}`);
  }
}

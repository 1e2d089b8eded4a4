/**
 * The 政策参数 sheet ↔ the Policy object: reading it from a grid here; the sheet written from a
 * policy is built by src/summary/policySheet.ts, with the cells and notes made here.
 *
 * Layout (no title row: the header is row 1, so the sheet is a plain table users edit):
 * 参数 | 值 | 说明 | 规则 | 条款 | 单位 | 默认值 — one row per parameter of the schema, grouped by rule
 * set (通用, A, B, C, D). An unset value is a blank 值 with 说明 starting "未设置". Amounts are
 * in 元 always, whatever 金额单位 says (stated in each amount row's 说明 and 单位).
 *
 * Reading finds the table by its header (参数 and 值) in any sheet, the sheet named 政策参数
 * first; only the 参数 and 值 columns are read, so users may add, reorder or delete the others.
 */
import { a1, type Issue } from "../core/issues";
import { isBlank, parseText } from "../core/parse";
import { normKey } from "../core/text";
import type { SheetGrid, WorkbookGrid } from "../core/grid";
import { defaultPolicy } from "./defaults";
import {
  clonePolicy,
  getParam,
  paramByKey,
  POLICY_SCHEMA,
  POLICY_SHEET,
  setParam,
  type ParamDef,
} from "./schema";
import type { Policy } from "./types";
import { parseParamValue, validatePolicy } from "./validate";

/** Accepted header names of the key and value columns. */
const KEY_HEADERS = ["参数", "参数名", "参数名称", "key"].map(normKey);
const VALUE_HEADERS = ["值", "参数值", "取值", "value"].map(normKey);
const NOTE_HEADERS = ["说明", "备注", "note"].map(normKey);
/** How far down a sheet the header row is looked for. */
const HEADER_SCAN_ROWS = 30;

export const UNSET_ZH = "未设置";

/**
 * A parameter's value as a cell of the 政策参数 sheet (a `CellValue` of src/summary/model.ts, which
 * this layer does not import): text, number, logical, or null for blank.
 */
export type ParamCell = string | number | boolean | null;

/** A typed value → its cell: numbers as numbers, dates as yyyy-mm-dd text, lists joined with 、; unset → blank. */
export function formatParamValue(d: ParamDef, v: unknown): ParamCell {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.join("、");
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** The 说明 text of a parameter holding a value (unset → starts with 未设置). */
export function paramNote(d: ParamDef, v: unknown): string {
  return v === null || v === undefined ? `${UNSET_ZH}。${d.description.zh}` : d.description.zh;
}

// ---------------------------------------------------------------------------
// reading

export interface PolicyTable {
  sheet: SheetGrid;
  /** 0-based indexes into sheet.values */
  headerRow: number;
  keyCol: number;
  valueCol: number;
  /** the 说明 column, or -1 */
  noteCol: number;
}

function findHeader(sheet: SheetGrid): PolicyTable | null {
  const rows = Math.min(sheet.values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < rows; r++) {
    const keys = (sheet.values[r] ?? []).map((c) => (typeof c === "string" ? normKey(c) : ""));
    const keyCol = keys.findIndex((k) => KEY_HEADERS.includes(k));
    const valueCol = keys.findIndex((k) => VALUE_HEADERS.includes(k));
    if (keyCol >= 0 && valueCol >= 0) {
      return {
        sheet,
        headerRow: r,
        keyCol,
        valueCol,
        noteCol: keys.findIndex((k) => NOTE_HEADERS.includes(k)),
      };
    }
  }
  return null;
}

/** The policy table: in the sheet named 政策参数 first, else in the first sheet that has the header. */
export function findPolicyTable(grid: WorkbookGrid): PolicyTable | null {
  const named = grid.sheets.filter((s) => normKey(s.name) === normKey(POLICY_SHEET));
  const others = grid.sheets.filter((s) => normKey(s.name) !== normKey(POLICY_SHEET));
  for (const s of [...named, ...others]) {
    const t = findHeader(s);
    if (t) return t;
  }
  return null;
}

/** Sheet address of a cell of the table (0-based indexes into sheet.values). */
function tableCell(t: PolicyTable, r: number, c: number): string {
  return a1(t.sheet.rowOffset + r, t.sheet.colOffset + c);
}

interface KeyRow {
  r: number;
  raw: unknown;
  def?: ParamDef;
  text: string;
}

/** The rows of the table, each with its key text and parameter (if known). */
export function tableRows(t: PolicyTable): KeyRow[] {
  const out: KeyRow[] = [];
  for (let r = t.headerRow + 1; r < t.sheet.values.length; r++) {
    const row = t.sheet.values[r] ?? [];
    const k = row[t.keyCol];
    const v = row[t.valueCol];
    if (isBlank(k) && isBlank(v)) continue;
    const text = isBlank(k)
      ? ""
      : (() => {
          const p = parseText(k);
          return p.ok ? p.value : "";
        })();
    out.push({ r, raw: v, def: text ? paramByKey(text) : undefined, text });
  }
  return out;
}

function shown(d: ParamDef, v: unknown): string {
  const c = formatParamValue(d, v);
  return c === null ? UNSET_ZH : String(c);
}

function usedDefault(d: ParamDef, defaults: Policy): { zh: string; en: string } {
  const v = getParam(defaults, d);
  return v === null
    ? { zh: "已按未设置处理", en: "treated as unset" }
    : { zh: `已使用默认值 ${shown(d, v)}`, en: `the default ${shown(d, v)} is used` };
}

/**
 * Reads the policy from the 政策参数 table of a workbook. Missing keys take the defaults of the
 * year (one information lists them); an unknown key is a warning; a value of the wrong type or
 * out of range is an error at its cell and the default is used; a figure that looks mistyped
 * (不良容忍度 120 for 1.2) is a warning naming the likely value; thresholds that must be ordered
 * and are not: an error, and those parameters take their defaults. 年度 missing → fallbackYear.
 */
export function readPolicyFromGrid(
  grid: WorkbookGrid,
  fallbackYear: number
): {
  policy: Policy;
  issues: Issue[];
  found: boolean;
  /** the sheet's 年度 was read (else `fallbackYear` was used) */ yearGiven?: boolean;
} {
  const t = findPolicyTable(grid);
  if (!t) {
    return {
      policy: defaultPolicy(fallbackYear),
      issues: [
        {
          sheet: POLICY_SHEET,
          cell: "",
          severity: "info",
          rule: "POLICY.missing",
          message: `未找到政策参数表（表头“参数”“值”），使用 ${fallbackYear} 年默认参数`,
          messageEn: `No policy table (header 参数/值) found; the defaults of ${fallbackYear} are used`,
        },
      ],
      found: false,
    };
  }
  const sheetName = t.sheet.name;
  const issues: Issue[] = [];
  const at = (r: number, c: number) => tableCell(t, r, c);
  const add = (severity: Issue["severity"], cell: string, rule: string, zh: string, en: string) =>
    issues.push({ sheet: sheetName, cell, severity, rule, message: zh, messageEn: en });

  const rows = tableRows(t);
  const seen = new Map<ParamDef, number>();

  // 年度 first: the defaults of every other key depend on it
  let year = fallbackYear;
  let yearGiven = false;
  const yearRow = rows.find((x) => x.def?.path[0] === "year");
  if (yearRow) {
    const p = parseParamValue(yearRow.def!, yearRow.raw);
    if (p.ok) {
      year = p.value as number;
      yearGiven = true;
    } else
      add(
        "error",
        at(yearRow.r, t.valueCol),
        "POLICY.value",
        `${p.zh}；已使用年度 ${fallbackYear}`,
        `${p.en}; the year ${fallbackYear} is used`
      );
  }
  const defaults = defaultPolicy(year);
  const policy = clonePolicy(defaults);
  const cellOf = new Map<string, string>();

  for (const row of rows) {
    const keyCell = at(row.r, t.keyCol);
    const valueCell = at(row.r, t.valueCol);
    if (!row.text) {
      add(
        "warning",
        keyCell,
        "POLICY.key",
        `第 ${t.sheet.rowOffset + row.r + 1} 行有值但没有参数名，已忽略`,
        `Row ${t.sheet.rowOffset + row.r + 1} has a value but no key; ignored`
      );
      continue;
    }
    const d = row.def;
    if (!d) {
      add(
        "warning",
        keyCell,
        "POLICY.unknown",
        `未知参数“${row.text}”，已忽略（参数名须与本加载项写出的一致）`,
        `Unknown key "${row.text}"; ignored`
      );
      continue;
    }
    const first = seen.get(d);
    if (first !== undefined) {
      add(
        "error",
        keyCell,
        "POLICY.duplicate",
        `参数“${d.key}”重复（首次在 ${at(first, t.keyCol)}），本行已忽略，使用首次出现的值`,
        `Key "${d.key}" is repeated (first at ${at(first, t.keyCol)}); this row is ignored`
      );
      continue;
    }
    seen.set(d, row.r);
    cellOf.set(d.key, valueCell);
    if (d === yearRow?.def) continue;
    const p = parseParamValue(d, row.raw);
    if (p.ok) {
      setParam(policy, d, p.value);
      if (p.warning) add("warning", valueCell, "POLICY.scale", p.warning.zh, p.warning.en);
    } else {
      const u = usedDefault(d, defaults);
      add(
        p.severity,
        valueCell,
        p.severity === "warning" ? "POLICY.scale" : "POLICY.value",
        `${p.zh}；${u.zh}`,
        `${p.en}; ${u.en}`
      );
    }
  }

  // a missing record entry (an A12 ratio of a formation year) is simply unset, its default: not reported
  reportMissing(
    POLICY_SCHEMA.filter((d) => !seen.has(d) && !d.recordEntry && !d.quietWhenMissing),
    year,
    sheetName,
    issues
  );
  revertDisordered(
    policy,
    defaults,
    cellOf,
    tableCell(t, t.headerRow, t.keyCol),
    sheetName,
    issues
  );
  return { policy, issues, found: true, yearGiven };
}

function reportMissing(missing: ParamDef[], year: number, sheet: string, issues: Issue[]): void {
  if (missing.length === 0) return;
  const names =
    missing
      .slice(0, 5)
      .map((d) => d.key)
      .join("、") + (missing.length > 5 ? " 等" : "");
  issues.push({
    sheet,
    cell: "",
    severity: "info",
    rule: "POLICY.default",
    message: `政策参数表缺少 ${missing.length} 个参数（${names}），已使用 ${year} 年默认值`,
    messageEn: `${missing.length} parameters are missing from the policy table; the defaults of ${year} are used`,
  });
}

/**
 * Cross checks (ordered thresholds …): an error puts the parameters it names back to their
 * defaults, so a disordered table never yields a wrong grade; warnings are passed on.
 */
function revertDisordered(
  policy: Policy,
  defaults: Policy,
  cellOf: Map<string, string>,
  headerCell: string,
  sheet: string,
  issues: Issue[]
): void {
  for (let pass = 0; pass < 3; pass++) {
    const found = validatePolicy(policy).filter(
      (i) => i.rule !== "POLICY.scale" && i.rule !== "POLICY.value"
    );
    const errors = found.filter((i) => i.severity === "error");
    if (pass === 0) {
      for (const w of found.filter((i) => i.severity !== "error")) {
        issues.push({
          sheet,
          cell: cellAt(w.keys, cellOf, headerCell),
          severity: w.severity,
          rule: w.rule,
          message: w.message,
          messageEn: w.messageEn,
        });
      }
    }
    if (errors.length === 0) return;
    for (const e of errors) {
      for (const k of e.keys) {
        const d = paramByKey(k);
        if (d) setParam(policy, d, getParam(defaults, d));
      }
      issues.push({
        sheet,
        cell: cellAt(e.keys, cellOf, headerCell),
        severity: "error",
        rule: e.rule,
        message: `${e.message}；${e.keys.join("、")} 已使用默认值`,
        messageEn: `${e.messageEn ?? e.message}; the defaults of ${e.keys.join(", ")} are used`,
      });
    }
  }
}

function cellAt(keys: string[], cellOf: Map<string, string>, fallback: string): string {
  for (const k of keys) {
    const c = cellOf.get(k);
    if (c) return c;
  }
  return fallback;
}

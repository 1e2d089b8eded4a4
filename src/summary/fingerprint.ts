/**
 * (issue 19 item 4) Fingerprints on every summary's title line, so that a summary can be tied,
 * years later, to the data and the policy it was made from (`cm-addin verify`, the pane's
 * 核对汇总: src/summary/verify.ts).
 *
 * - 政策指纹 (policy fingerprint): the first 12 hex digits of the SHA-256 of the policy as
 *   `policyToJson` writes it (src/policy/json.ts: every parameter of the policy schema by its
 *   sheet key, in schema order — 年度, 评定日期, 金额单位 and 单位名称 included).
 * - 数据指纹 (input fingerprint): the first 12 hex digits of the SHA-256 of the cells the reader
 *   reads, serialised canonically as UTF-8 text:
 *     for each input table in schema order (客户经理, 贷款台账, 公司客户, 差错记录, 预警记录):
 *       `T<TAB>table id<LF>` — or `T<TAB>table id<TAB>-<LF>` when no sheet holds it;
 *       per column of the schema the header row has, in schema order: `C<TAB>column key<TAB>unit the header states<LF>`;
 *       per data row below the header that is not blank in those columns, in sheet order: its
 *       cells in the same column order, joined by TAB, ended by LF; a cell is "" when blank,
 *       `n` + the number as Excel shows it (15 significant digits, `excelNumber`), `s` + the
 *       text trimmed (backslash, TAB, CR and LF escaped as \\ \t \r \n), `b1`/`b0`, or `d` + an
 *       ISO timestamp (a Date from a host that gives one).
 *   So it depends on the values only: not on formatting (number formats, fonts, fills, widths —
 *   dates are serial numbers in the grid either way), not on the order of the columns, the names
 *   or order of the sheets, columns the schema does not know, blank rows, the 政策参数 sheet
 *   (that is the policy fingerprint) or the summary sheets (never read as input).
 *   (issue 18) When last year's tables were used (--previous, or the 上年… sheets), the 数据指纹 is
 *   instead the first 12 hex digits of the SHA-256 of `F<TAB>` + the fingerprint above + `<LF>P<LF>`
 *   and, per table of last year read (等级汇总, 公司客户经理等级, 末位名单, 客户经理), `P<TAB>table<LF>`
 *   and one line per 员工号 in code-point order: the id and the values read (最终等级; 新等级 and 决定;
 *   黄牌; 正常类贷款占比 and 考试不合格次数), "" when blank, `?` when unreadable — so it changes with
 *   last year's values, and is the same as before when none was used.
 * Pure: the same in Node and the browser (src/core/sha256.ts).
 */
import { excelNumber, isBlank } from "../core/parse";
import type { RawCell } from "../core/parse";
import { sha256Hex, Sha256 } from "../core/sha256";
import { policyToJson } from "../policy/json";
import type { Policy } from "../policy/types";
import { findTables } from "../reader/find";
import type { WorkbookGrid } from "../core/grid";
import { SCHEMA, TABLE_IDS } from "../reader/schema";
import type { LastYear } from "../rules/previous";

/** Hex digits kept of the SHA-256 (48 bits: a chance collision of two different inputs ~ 1 in 2.8e14). */
const FINGERPRINT_DIGITS = 12;

const POLICY_FP_LABEL = "政策指纹";
const INPUT_FP_LABEL = "数据指纹";

export interface Fingerprints {
  policy: string;
  input: string;
}

export function policyFingerprint(policy: Policy): string {
  return sha256Hex(policyToJson(policy)).slice(0, FINGERPRINT_DIGITS);
}

function escaped(s: string): string {
  return /[\\\t\r\n]/.test(s)
    ? s.replace(/[\\\t\r\n]/g, (c) =>
        c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\r" ? "\\r" : "\\n"
      )
    : s;
}

/** One cell in the canonical serialisation (see the file comment). */
export function canonicalCell(v: RawCell): string {
  if (isBlank(v)) return "";
  if (typeof v === "number") return `n${String(excelNumber(v))}`;
  if (typeof v === "string") return `s${escaped(v.trim())}`;
  if (typeof v === "boolean") return v ? "b1" : "b0";
  if (v instanceof Date) return `d${Number.isNaN(v.getTime()) ? "invalid" : v.toISOString()}`;
  return `s${escaped(String(v))}`;
}

/** The canonical text of the cells the reader reads, in chunks (one per table header and per row). */
export function* canonicalInput(grid: WorkbookGrid): Generator<string> {
  const { locations } = findTables(grid);
  for (const table of TABLE_IDS) {
    const loc = locations[table];
    if (!loc) {
      yield `T\t${table}\t-\n`;
      continue;
    }
    yield `T\t${table}\n`;
    const cols = SCHEMA[table].columns
      .filter((c) => loc.columns[c.key] !== undefined)
      .map((c) => ({ key: c.key, ...loc.columns[c.key] }));
    for (const c of cols) yield `C\t${c.key}\t${c.unit ?? ""}\n`;
    const values = loc.sheet.values;
    for (let r = loc.headerRow + 1; r < values.length; r++) {
      const row = values[r] ?? [];
      let line = "";
      let filled = false;
      for (let k = 0; k < cols.length; k++) {
        const x = canonicalCell(row[cols[k].col]);
        if (x !== "") filled = true;
        line += k === 0 ? x : `\t${x}`;
      }
      if (filled) yield `${line}\n`;
    }
  }
}

/** (issue 18) The canonical text of last year's values used (see the file comment). */
export function* canonicalLastYear(last: LastYear): Generator<string> {
  yield "\nP\n";
  const v = (x: string | number | boolean | null) =>
    x === null
      ? ""
      : typeof x === "boolean"
        ? x
          ? "b1"
          : "b0"
        : typeof x === "number"
          ? `n${excelNumber(x)}`
          : `s${escaped(x)}`;
  const table = function* <T>(
    name: string,
    map: ReadonlyMap<string, T> | null,
    cells: (t: T) => string[]
  ) {
    if (!map) return;
    yield `P\t${name}\n`;
    const ids = [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const id of ids) yield `${[`s${escaped(id)}`, ...cells(map.get(id)!)].join("\t")}\n`;
  };
  yield* table("grades", last.grades, (g) => [g.readable ? v(g.grade) : "?"]);
  yield* table("corporate", last.corporate, (c) => [
    ...(c.readable ? [v(c.level), v(c.decision)] : ["?", "?"]),
    // (issue 18) 本年后三名 only when last year's table has it (the fingerprints of files without it unchanged)
    ...(c.bottom3 === undefined ? [] : [c.bottom3 === null ? "?" : `t${v(c.bottom3.value)}`]),
  ]);
  yield* table("bottom", last.bottom, (b) => [v(b.yellow)]);
  yield* table("managers", last.managers, (m) => [v(m.normalShare), v(m.examFails)]);
}

/** The input fingerprint of a workbook (see the file comment); one pass over the read columns. */
export function inputFingerprint(grid: WorkbookGrid): string {
  const h = new Sha256();
  // the chunks (whole lines) hashed some 8,000 characters at a time: the same bytes
  let pending = "";
  for (const chunk of canonicalInput(grid)) {
    pending += chunk;
    if (pending.length >= 8192) {
      h.update(pending);
      pending = "";
    }
  }
  h.update(pending);
  return h.hex().slice(0, FINGERPRINT_DIGITS);
}

/** (issue 18) The 数据指纹 of the input tables' fingerprint with last year's values used (see the file comment). */
export function withLastYearFingerprint(input: string, last: LastYear): string {
  const h = new Sha256();
  h.update(`F\t${input}`);
  for (const chunk of canonicalLastYear(last)) h.update(chunk);
  return h.hex().slice(0, FINGERPRINT_DIGITS);
}

const SEP = "｜";

/** The title line with "｜政策指纹 …｜数据指纹 …" at its end (after what the builder wrote). */
export function withFingerprints(title: string, fp: Fingerprints): string {
  return [title, `${POLICY_FP_LABEL} ${fp.policy}`, `${INPUT_FP_LABEL} ${fp.input}`].join(SEP);
}

/** What a summary's title line says about how it was made; a field is null when the title lacks it. */
export interface TitleFacts {
  year: number | null;
  /** the note after the year when it was a default (第十四条) */
  yearNote: string | null;
  policyFingerprint: string | null;
  inputFingerprint: string | null;
  /** 生成时间 as written ("2026-01-05 09:30", local time) */
  madeAt: string | null;
}

/** Reads the facts of a title line written by summaryTitle + withYearNote + withFingerprints. */
export function titleFacts(title: string): TitleFacts {
  const out: TitleFacts = {
    year: null,
    yearNote: null,
    policyFingerprint: null,
    inputFingerprint: null,
    madeAt: null,
  };
  for (const p of title.split(SEP)) {
    let m = /^政策年度 (\d{4})(?:（(.*)）)?$/.exec(p);
    if (m) {
      out.year = Number(m[1]);
      out.yearNote = m[2] ?? null;
      continue;
    }
    if ((m = new RegExp(`^${POLICY_FP_LABEL} ([0-9a-f]{${FINGERPRINT_DIGITS}})$`).exec(p)))
      out.policyFingerprint = m[1];
    else if ((m = new RegExp(`^${INPUT_FP_LABEL} ([0-9a-f]{${FINGERPRINT_DIGITS}})$`).exec(p)))
      out.inputFingerprint = m[1];
    else if ((m = /^生成时间 (\d{4}-\d{2}-\d{2} \d{2}:\d{2})$/.exec(p))) out.madeAt = m[1];
  }
  // 校验结果's own title: "校验结果：错误 1，警告 0，提示 1 — 2025 年度政策，金额单位：万元，生成于 2025-12-31 09:05"
  if (out.year === null) {
    const m = /— (\d{4}) 年度政策，/.exec(title);
    if (m) out.year = Number(m[1]);
  }
  if (out.madeAt === null)
    out.madeAt = /生成于 (\d{4}-\d{2}-\d{2} \d{2}:\d{2})/.exec(title)?.[1] ?? null;
  return out;
}

/** "2026-01-05 09:30" (local time, as formatMadeAt writes it) → that Date; null when it is not one. */
export function madeAtDate(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(s);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * (issue 18) Reading last year's summaries (src/rules/previous.ts says what they are used for):
 * - from last year's 汇总 file (`cm-addin summarize --previous LAST.xlsx`): the sheets 等级汇总,
 *   公司客户经理等级, 末位名单 (a " (2)" copy too, never a sheet named 上年…) and the 客户经理 input
 *   table `summarize` keeps in its output;
 * - from this year's workbook (the task pane, or the CLI without --previous): the sheets named
 *   {@link PREVIOUS_SHEET_NAMES} (上年等级汇总, 上年公司客户经理等级, 上年末位名单, 上年客户经理),
 *   last year's sheets copied in and renamed.
 * A table is found by its header row (first rows of the sheet, any column order, names compared
 * as the input tables' are), read down to its first row without 员工号 (the notes follow a blank
 * row). A bad cell is an issue at its address and gives no value (never a guess); a repeated
 * 员工号 is an issue, the first row counts. Columns added later ({@link PREVIOUS_OPTIONAL_HEADERS}:
 * 公司客户经理等级's 黄牌 and 本年后三名) are read when there, so older files still work.
 */
import { a1 } from "../core/issues";
import type { Issue } from "../core/issues";
import { isBlank as isBlankCell, parseEnum, parseYesNo } from "../core/parse";
import type { RawCell } from "../core/parse";
import { PREVIOUS_SHEET_NAMES, SUMMARY_SHEET_NAMES, withoutCopySuffix } from "../core/sheetNames";
import type { CorpLevel, Policy } from "../policy/types";
import { DECISIONS } from "../rules/b/decision";
import { GRADE_ORDER, lastYearMismatch, LEVEL_ORDER } from "../rules/previous";
import type {
  LastYear,
  LastYearGrade,
  LastYearTable,
  PrevAt,
  PrevBottom,
  PrevGrade,
  PrevLevel,
  PrevManager,
} from "../rules/previous";
import { normalizeId, parseCell } from "./cells";
import { findHeaderRow, findTables } from "./find";
import type { SheetGrid, WorkbookGrid } from "../core/grid";
import { column, SCHEMA } from "./schema";

/** The header names read (the summaries' own headers: test/reader/previous.test.ts holds them to GRADES_HEADERS …). */
export const PREVIOUS_HEADERS = {
  grades: { id: "员工号", name: "姓名", grade: "最终等级" },
  corporate: { id: "员工号", name: "姓名", level: "新等级", decision: "决定" },
  bottom: { id: "员工号", name: "姓名", yellow: "黄牌" },
} as const;

/** (issue 18) Columns read when there (last year's files made before them lack them). */
export const PREVIOUS_OPTIONAL_HEADERS = {
  corporate: { yellow: "黄牌", bottom3: "本年后三名" },
} as const;

type SummaryTable = keyof typeof PREVIOUS_HEADERS;

export interface PreviousRead {
  /** null when no table of last year was found */
  lastYear: LastYear | null;
  issues: Issue[];
}

/** The sheet a table is read from: in a file its own name (or a copy), in the workbook the 上年 name. */
function sheetFor(grid: WorkbookGrid, table: SummaryTable, inWorkbook: boolean): SheetGrid | null {
  const wanted = inWorkbook ? PREVIOUS_SHEET_NAMES[table] : SUMMARY_SHEET_NAMES[table];
  const named = grid.sheets.filter((s) => withoutCopySuffix(s.name).trim() === wanted);
  // the sheet of that exact name first, then its copies (等级汇总 (2)), in workbook order
  named.sort((a, b) => (a.name === wanted ? -1 : b.name === wanted ? 1 : 0));
  return named.find((s) => findHeaderRow(s, PREVIOUS_HEADERS[table]) !== null) ?? null;
}

interface Row {
  id: string;
  name: string | null;
  cells: RawCell[];
  cellAt: (col: number) => PrevAt;
}

/** The rows of a table under its header row, down to the first without 员工号; repeated ids reported. */
function rowsOf(
  sheet: SheetGrid,
  header: { row: number; cols: Record<string, number> },
  issues: Issue[],
  what: string
): Row[] {
  const out: Row[] = [];
  const seen = new Map<string, string>();
  for (let r = header.row + 1; r < sheet.values.length; r++) {
    const cells = sheet.values[r] ?? [];
    const rawId = cells[header.cols.id];
    if (isBlankCell(rawId)) break;
    const at = (col: number): PrevAt => ({
      sheet: sheet.name,
      cell: a1(sheet.rowOffset + r, sheet.colOffset + col),
    });
    const id = normalizeId(String(rawId).trim());
    const first = seen.get(id);
    if (first) {
      issues.push({
        sheet: sheet.name,
        cell: at(header.cols.id).cell,
        severity: "warning",
        rule: "PREV.duplicate",
        message: `${what}中员工号“${id}”重复（先见于 ${first}）：只读第一行`,
        messageEn: `${what}: employee id "${id}" repeats (first at ${first}); only the first row is read`,
      });
      continue;
    }
    seen.set(id, at(header.cols.id).cell);
    const name = header.cols.name !== undefined ? cells[header.cols.name] : null;
    out.push({
      id,
      name: typeof name === "string" ? name.trim() || null : null,
      cells,
      cellAt: at,
    });
  }
  return out;
}

function badCell(at: PrevAt, header: string, zh: string, en: string): Issue {
  return {
    sheet: at.sheet,
    cell: at.cell,
    severity: "warning",
    rule: "PREV.cell",
    message: `上年${header}${zh}：此项不用于本年`,
    messageEn: `last year's ${header}: ${en}; not used this year`,
  };
}

const asValues = <T extends string>(list: readonly T[]) =>
  Object.fromEntries(list.map((v) => [v, [] as string[]])) as unknown as Record<T, string[]>;

function readGrades(sheet: SheetGrid, issues: Issue[]): Map<string, PrevGrade> {
  const h = PREVIOUS_HEADERS.grades;
  const header = findHeaderRow(sheet, h)!;
  const out = new Map<string, PrevGrade>();
  for (const r of rowsOf(sheet, header, issues, `“${sheet.name}”`)) {
    const at = r.cellAt(header.cols.grade);
    const raw = r.cells[header.cols.grade];
    let grade: LastYearGrade | null = null;
    let readable = true;
    if (!isBlankCell(raw)) {
      const p = parseEnum(raw, asValues(GRADE_ORDER));
      if (p.ok) grade = p.value;
      else {
        readable = false;
        issues.push(badCell(at, h.grade, p.zh, p.en));
      }
    }
    out.set(r.id, { name: r.name, grade, readable, at });
  }
  return out;
}

function readCorporate(sheet: SheetGrid, issues: Issue[]): Map<string, PrevLevel> {
  const h = PREVIOUS_HEADERS.corporate;
  const opt = PREVIOUS_OPTIONAL_HEADERS.corporate;
  const header = findHeaderRow(sheet, h, opt)!;
  const yellowCol = header.cols.yellow;
  const bottom3Col = header.cols.bottom3;
  const out = new Map<string, PrevLevel>();
  for (const r of rowsOf(sheet, header, issues, `“${sheet.name}”`)) {
    const at = r.cellAt(header.cols.level);
    let readable = true;
    let level: CorpLevel | null = null;
    let decision: string | null = null;
    const rawLevel = r.cells[header.cols.level];
    if (!isBlankCell(rawLevel)) {
      const p = parseEnum(rawLevel, asValues(LEVEL_ORDER));
      if (p.ok) level = p.value;
      else {
        readable = false;
        issues.push(badCell(at, h.level, p.zh, p.en));
      }
    }
    const rawDecision = r.cells[header.cols.decision];
    if (!isBlankCell(rawDecision)) {
      const p = parseEnum(rawDecision, asValues(DECISIONS));
      if (p.ok) decision = p.value;
      else {
        readable = false;
        issues.push(badCell(r.cellAt(header.cols.decision), h.decision, p.zh, p.en));
      }
    }
    const entry: PrevLevel = { name: r.name, level, decision, readable, at };
    if (yellowCol !== undefined) entry.yellow = readYellow(r, yellowCol, opt.yellow, issues);
    if (bottom3Col !== undefined) entry.bottom3 = readBottom3(r, bottom3Col, opt.bottom3, issues);
    out.set(r.id, entry);
  }
  return out;
}

/**
 * 公司客户经理等级's 黄牌 cell: blank or 否 → no card; 是, or 是（…） as the summary writes it (a
 * card for the quarterly tasks is typed) → a card; anything else is an issue and no value.
 */
function readYellow(
  r: Row,
  col: number,
  header: string,
  issues: Issue[]
): { value: boolean; at: PrevAt } | null {
  const at = r.cellAt(col);
  const raw = r.cells[col];
  if (isBlankCell(raw)) return { value: false, at };
  if (typeof raw === "string" && /^\s*是\s*[（(]/.test(raw)) return { value: true, at };
  const p = parseYesNo(raw);
  if (p.ok) return { value: p.value, at };
  issues.push(badCell(at, header, p.zh, p.en));
  return null;
}

/** 公司客户经理等级's 本年后三名 cell: 是 / 否, blank → not known (value null); anything else an issue, no value. */
function readBottom3(
  r: Row,
  col: number,
  header: string,
  issues: Issue[]
): { value: boolean | null; at: PrevAt } | null {
  const at = r.cellAt(col);
  const raw = r.cells[col];
  if (isBlankCell(raw)) return { value: null, at };
  const p = parseYesNo(raw);
  if (p.ok) return { value: p.value, at };
  issues.push(badCell(at, header, p.zh, p.en));
  return null;
}

function readBottom(sheet: SheetGrid, issues: Issue[]): Map<string, PrevBottom> {
  const h = PREVIOUS_HEADERS.bottom;
  const header = findHeaderRow(sheet, h)!;
  const out = new Map<string, PrevBottom>();
  for (const r of rowsOf(sheet, header, issues, `“${sheet.name}”`)) {
    const at = r.cellAt(header.cols.yellow);
    const raw = r.cells[header.cols.yellow];
    let yellow: boolean | null = null;
    if (!isBlankCell(raw)) {
      const p = parseYesNo(raw);
      if (p.ok) yellow = p.value;
      else issues.push(badCell(at, h.yellow, p.zh, p.en));
    }
    out.set(r.id, { name: r.name, yellow, at });
  }
  return out;
}

/** Last year's 客户经理 table: 正常类贷款占比 and 考试不合格次数 per 员工号, parsed as this year's are. */
function readManagers(
  grid: WorkbookGrid,
  inWorkbook: boolean,
  policy: Policy,
  issues: Issue[]
): { sheet: string; rows: Map<string, PrevManager> } | null {
  let sheets = grid.sheets;
  if (inWorkbook) {
    // 上年客户经理 is one of the add-in's names (never this year's input): read it on its own
    sheets = sheets
      .filter((s) => withoutCopySuffix(s.name).trim() === PREVIOUS_SHEET_NAMES.managers)
      .map((s) => ({ ...s, name: SCHEMA.managers.zh, realName: s.name }));
  }
  const loc = findTables({ sheets }).locations.managers;
  if (!loc || loc.missingRequired.length > 0) return null;
  const real = (loc.sheet as SheetGrid & { realName?: string }).realName ?? loc.sheet.name;
  const share = loc.columns.normalShare;
  const fails = loc.columns.examFails;
  if (!share && !fails) return null;
  const idCol = loc.columns.id.col;
  const out = new Map<string, PrevManager>();
  const sh = loc.sheet;
  const at = (r: number, c: number): PrevAt => ({
    sheet: real,
    cell: a1(sh.rowOffset + r, sh.colOffset + c),
  });
  const read = (r: number, key: "normalShare" | "examFails", cells: RawCell[]): number | null => {
    const f = loc.columns[key];
    if (!f || isBlankCell(cells[f.col])) return null;
    const p = parseCell(cells[f.col], column("managers", key), f.unit, policy);
    if (p.ok && typeof p.value === "number") return p.value;
    const msg = p.ok ? { zh: "不是数值", en: "not a number" } : p.problem;
    issues.push(badCell(at(r, f.col), f.header, `“${String(cells[f.col])}”${msg.zh}`, msg.en));
    return null;
  };
  for (let r = loc.headerRow + 1; r < sh.values.length; r++) {
    const cells = sh.values[r] ?? [];
    if (isBlankCell(cells[idCol])) continue;
    const id = normalizeId(String(cells[idCol]).trim());
    if (out.has(id)) continue;
    out.set(id, {
      normalShare: read(r, "normalShare", cells),
      examFails: read(r, "examFails", cells),
      at: {
        normalShare: share ? at(r, share.col) : null,
        examFails: fails ? at(r, fails.col) : null,
      },
    });
  }
  return { sheet: real, rows: out };
}

/**
 * Last year's tables in `grid`: a previous 汇总 file (`inWorkbook` false, `source` its name) or
 * this year's workbook's 上年… sheets (`inWorkbook` true). `lastYear` is null when none is there.
 */
export function readPrevious(
  grid: WorkbookGrid,
  policy: Policy,
  opts: { inWorkbook: boolean; source?: string }
): PreviousRead {
  const issues: Issue[] = [];
  const sheets: Partial<Record<LastYearTable, string>> = {};
  const find = (t: SummaryTable) => {
    const s = sheetFor(grid, t, opts.inWorkbook);
    if (s) sheets[t] = s.name;
    return s;
  };
  const g = find("grades");
  const c = find("corporate");
  const b = find("bottom");
  // the 政策年度 of each summary's title line (summaryTitle writes "…｜政策年度 2025…" above the header)
  const years: Partial<Record<LastYearTable, number>> = {};
  for (const [t, s] of [
    ["grades", g],
    ["corporate", c],
    ["bottom", b],
  ] as const) {
    if (!s) continue;
    const header = findHeaderRow(s, PREVIOUS_HEADERS[t])!.row;
    for (let r = 0; r < header; r++) {
      const y = /政策年度 (\d{4})/.exec(String(s.values[r]?.[0] ?? ""));
      if (y) years[t] = Number(y[1]);
    }
  }
  const grades = g ? readGrades(g, issues) : null;
  const corporate = c ? readCorporate(c, issues) : null;
  const bottom = b ? readBottom(b, issues) : null;
  const m = readManagers(grid, opts.inWorkbook, policy, issues);
  if (m) sheets.managers = m.sheet;
  if (!grades && !corporate && !bottom && !m) return { lastYear: null, issues };
  // a title naming another year than the one before this policy's: said, the tables still used
  issues.push(
    ...lastYearMismatch(
      { source: "", grades, corporate, bottom, managers: null, sheets, years },
      policy.year
    )
  );
  // a cell of another file is named as Excel names it: [last.xlsx]等级汇总!K7
  if (!opts.inWorkbook && opts.source) {
    const book = `[${opts.source}]`;
    const inBook = (at: PrevAt): PrevAt => ({ ...at, sheet: book + at.sheet });
    for (const map of [grades, corporate, bottom])
      for (const v of map?.values() ?? []) v.at = inBook(v.at);
    for (const v of corporate?.values() ?? []) {
      if (v.yellow) v.yellow.at = inBook(v.yellow.at);
      if (v.bottom3) v.bottom3.at = inBook(v.bottom3.at);
    }
    for (const v of m?.rows.values() ?? [])
      v.at = {
        normalShare: v.at.normalShare && inBook(v.at.normalShare),
        examFails: v.at.examFails && inBook(v.at.examFails),
      };
    for (const i of issues) i.sheet = book + i.sheet;
  }
  const source = opts.inWorkbook
    ? "本工作簿的上年表"
    : `上年汇总文件${opts.source ? `“${opts.source}”` : ""}`;
  return {
    lastYear: { source, grades, corporate, bottom, managers: m?.rows ?? null, sheets, years },
    issues,
  };
}

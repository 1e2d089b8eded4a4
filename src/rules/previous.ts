/**
 * (issue 18) Last year's summaries as input: what they tell about this year, pure.
 *
 * Last year's 等级汇总 (最终等级), 公司客户经理等级 (新等级, 决定), 末位名单 (黄牌) and — when the
 * file is a `summarize` output, which keeps the input sheets — last year's 客户经理 table
 * (正常类贷款占比, 考试不合格次数) are read by src/reader/previous.ts into {@link LastYear}. From it:
 * - 上年等级 / 变化 (↑ ↓ =, 新任 for a CM not in last year's table) for 等级汇总 and 公司客户经理等级;
 * - derived inputs, each only where this year's cell is blank and readable (a typed value is never
 *   overridden; where both exist and differ, a warning names both):
 *   现等级 ← last year's 新等级 (the level held after last year's decision, RULES.md B4), for a CM
 *   with 公司客户 rows this year;
 *   上年正常类贷款占比 ← last year's 正常类贷款占比 (B2);
 *   连续两次资格考试未通过 ← 是 when 考试不合格次数 ≥ 1 last year and this year (A8 2; the
 *   qualification exam taken once a year — only 是 is derived, never 否);
 * - a second consecutive yellow card (末位名单 黄牌 last year and this year, 第三十九条) → a warning
 *   naming the CM as a 解聘 candidate.
 * - a yellow card of rule set B (公司客户经理等级 黄牌, 第二十一条) last year and this year → a warning
 *   naming the CM as a 解聘 candidate (第二十二条 五; src/summary/corporate.ts, rules/b/yellow.ts).
 *   连续两年后三名 ← from 本年后三名 (an optional input column, shown on 公司客户经理等级 when typed;
 *   the workbook ranks no one): 是 when last year's and this year's are 是, 否 when either is 否,
 *   nothing otherwise — and nothing when last year's 公司客户经理等级 has no 本年后三名 column (B4).
 */
import type { Issue } from "../core/issues";
import type { ManagerRow } from "../core/rows";
import { CORP_LEVELS } from "../core/rows";
import type { CorpLevel } from "../policy/types";
import { FINAL_GRADES } from "./a/common";
import type { FinalGrade } from "./a/common";

export type LastYearGrade = FinalGrade;

/** Best first: the order 变化 compares in (the registries of rule sets A and B). */
export const GRADE_ORDER: readonly LastYearGrade[] = FINAL_GRADES;
export const LEVEL_ORDER: readonly CorpLevel[] = CORP_LEVELS;

/** Where a value of last year's tables was read. */
export interface PrevAt {
  sheet: string;
  cell: string;
}

export interface PrevGrade {
  name: string | null;
  /** null: no grade last year (未评定) or the cell could not be read (`readable` false) */
  grade: LastYearGrade | null;
  readable: boolean;
  at: PrevAt;
}

export interface PrevLevel {
  name: string | null;
  /** 新等级: the level held after last year's decision (null after 退出, or unreadable) */
  level: CorpLevel | null;
  decision: string | null;
  readable: boolean;
  at: PrevAt;
  /**
   * 黄牌 (第二十一条): the column read when last year's table has it (older files do not: undefined);
   * null when the cell could not be read
   */
  yellow?: { value: boolean; at: PrevAt } | null;
  /**
   * (issue 18) 本年后三名 of last year (the column read when there: undefined without it); value
   * null for a blank cell; null when the cell could not be read
   */
  bottom3?: { value: boolean | null; at: PrevAt } | null;
}

export interface PrevBottom {
  name: string | null;
  yellow: boolean | null;
  at: PrevAt;
}

export interface PrevManager {
  normalShare: number | null;
  examFails: number | null;
  at: { normalShare: PrevAt | null; examFails: PrevAt | null };
}

export type LastYearTable = "grades" | "corporate" | "bottom" | "managers";

export interface LastYear {
  /** what was read: "上年汇总文件 LAST.xlsx" or "本工作簿" */
  source: string;
  grades: ReadonlyMap<string, PrevGrade> | null;
  corporate: ReadonlyMap<string, PrevLevel> | null;
  bottom: ReadonlyMap<string, PrevBottom> | null;
  managers: ReadonlyMap<string, PrevManager> | null;
  /** the sheet each table was read from */
  sheets: Partial<Record<LastYearTable, string>>;
  /** the 政策年度 each summary's title line names (absent: no title line read) */
  years?: Partial<Record<LastYearTable, number>>;
}

/**
 * Last year's tables whose title line names a 政策年度 other than the year before `year`: a warning
 * each (a file of the same year given by mistake); the tables are still used.
 */
export function lastYearMismatch(last: LastYear, year: number): Issue[] {
  const out: Issue[] = [];
  for (const [t, y] of Object.entries(last.years ?? {}) as [LastYearTable, number][]) {
    if (y === year - 1) continue;
    const sheet = last.sheets[t] ?? "";
    out.push({
      sheet,
      cell: "A1",
      severity: "warning",
      rule: "PREV.year",
      message: `上年表“${sheet}”的标题为政策年度 ${y}，本年为 ${year}（应为 ${year - 1}）：请确认给的是上年的汇总`,
      messageEn: `last year's sheet "${sheet}" is titled policy year ${y}, this year is ${year} (expected ${year - 1}): check that it is last year's summary`,
    });
  }
  return out;
}

export type Change = "↑" | "↓" | "=" | "新任";

/** The two columns 等级汇总 and 公司客户经理等级 gain when last year's table was given. */
export const PREVIOUS_COLUMNS = { prev: "上年等级", change: "变化" } as const;

function order<T>(list: readonly T[], v: T | null): number | null {
  if (v === null) return null;
  const i = list.indexOf(v);
  return i < 0 ? null : i;
}

/** ↑ better than last year, ↓ worse, = same; null when either is not known. */
function compare<T>(list: readonly T[], prev: T | null, cur: T | null): Change | null {
  const p = order(list, prev);
  const c = order(list, cur);
  if (p === null || c === null) return null;
  return c < p ? "↑" : c > p ? "↓" : "=";
}

/** 等级汇总's 上年等级 / 变化 for a CM (`grade` null: not assessed this year). */
export function gradeChange(
  prev: PrevGrade | undefined,
  grade: LastYearGrade | null
): { prev: string | null; change: Change | null } {
  if (!prev) return { prev: null, change: "新任" };
  if (!prev.readable) return { prev: null, change: null };
  return { prev: prev.grade ?? "未评定", change: compare(GRADE_ORDER, prev.grade, grade) };
}

/**
 * 公司客户经理等级's 上年等级 / 变化: last year's 新等级 against this year's (after the decision);
 * 退出 this year from a level is ↓; last year's 退出 shows as 上年等级 “退出”.
 */
export function levelChange(
  prev: PrevLevel | undefined,
  newLevel: CorpLevel | null,
  decision: string | null
): { prev: string | null; change: Change | null } {
  if (!prev) return { prev: null, change: "新任" };
  if (!prev.readable) return { prev: null, change: null };
  const shown = prev.level ?? prev.decision;
  if (prev.level !== null && newLevel === null && decision === "退出")
    return { prev: shown, change: "↓" };
  return { prev: shown, change: compare(LEVEL_ORDER, prev.level, newLevel) };
}

export interface DeriveOptions {
  /** the 客户经理 columns found this year */
  present: ReadonlySet<string>;
  /** a cell of this year's row that could not be read (never filled) */
  unreadable: (m: ManagerRow, key: string) => boolean;
  /** A1 address of a row's cell in a column ("" when the column is absent) */
  cellOf: (m: ManagerRow, key: string) => string;
  /**
   * The CMs who are corporate CMs this year (those with 公司客户 rows): only their blank 现等级 is
   * filled in — a blank 现等级 of a CM without customers may mean he has left the sequence.
   * Default: every CM.
   */
  corporate?: (m: ManagerRow) => boolean;
}

export interface Derived {
  managers: ManagerRow[];
  /** old row → new row, for the rows that got a derived value */
  replaced: Map<ManagerRow, ManagerRow>;
  /** columns absent this year that got values from last year (the summaries treat them as present) */
  addedColumns: string[];
  /** per column, how many CMs got a derived value */
  filled: Record<string, number>;
  issues: Issue[];
}

const LABEL: Record<string, { zh: string; en: string }> = {
  level: { zh: "现等级", en: "current level" },
  normalSharePrev: { zh: "上年正常类贷款占比", en: "last year's normal-loan share" },
  examFailsTwice: { zh: "连续两次资格考试未通过", en: "two consecutive failed exams" },
  bottom3TwoYears: { zh: "连续两年后三名", en: "bottom three two years running" },
};

/**
 * 连续两年后三名 from last year's 本年后三名 and this year's: 是 when both are 是, 否 when either is 否,
 * null when neither tells (a blank or unreadable cell, or a CM absent from last year's table).
 */
export function bottom3TwoYearsOf(
  last: boolean | null | undefined,
  thisYear: boolean | null | undefined
): boolean | null {
  if (last === false || thisYear === false) return false;
  if (last === true && thisYear === true) return true;
  return null;
}

function yesNoBlank(v: boolean | null | undefined): string {
  return v === true ? "是" : v === false ? "否" : "空";
}

function show(v: unknown): string {
  return typeof v === "boolean" ? (v ? "是" : "否") : String(v);
}

function showEn(v: unknown): string {
  return typeof v === "boolean" ? (v ? "yes" : "no") : String(v);
}

/** Derived inputs merged with the typed ones (see the file comment). */
export function deriveFromLastYear(
  managers: readonly ManagerRow[],
  last: LastYear,
  opts: DeriveOptions
): Derived {
  const issues: Issue[] = [];
  const replaced = new Map<ManagerRow, ManagerRow>();
  const filled: Record<string, number> = {
    level: 0,
    normalSharePrev: 0,
    examFailsTwice: 0,
    bottom3TwoYears: 0,
  };
  const usedAbsent = new Set<string>();
  const out = managers.map((m) => {
    const patch: Partial<ManagerRow> = {};
    const offer = (
      key: "level" | "normalSharePrev" | "examFailsTwice" | "bottom3TwoYears",
      value: ManagerRow[typeof key] | undefined,
      from: PrevAt | null,
      fromWhat: string,
      absentOk: boolean
    ) => {
      if (value === null || value === undefined || !from) return;
      const present = opts.present.has(key);
      if (!present && !absentOk) return;
      if (present && opts.unreadable(m, key)) return;
      const typed = m[key];
      const where = `${from.sheet}!${from.cell}`;
      if (typed === null || typed === undefined) {
        (patch as Record<string, unknown>)[key] = value;
        filled[key] += 1;
        if (!present) usedAbsent.add(key);
        return;
      }
      if (typed === value) return;
      const l = LABEL[key];
      issues.push({
        sheet: m.src.sheet,
        cell: opts.cellOf(m, key),
        severity: "warning",
        rule: "PREV.disagree",
        message: `${m.name}（${m.id}）${l.zh}：本表填写“${show(typed)}”，${last.source}${fromWhat}（${where}）为“${show(value)}”；按填写的“${show(typed)}”计算，请核对`,
        messageEn:
          `${m.name} (${m.id}) ${l.en}: typed "${showEn(typed)}", last year's table (${where}) gives ` +
          `"${showEn(value)}"; the typed value is used, please check`,
      });
    };
    const corp = last.corporate?.get(m.id);
    if (corp && corp.readable && (m.level !== null || (opts.corporate?.(m) ?? true)))
      offer("level", corp.level, corp.at, "的“新等级”", true);
    // 本年后三名 last year (its column in last year's 公司客户经理等级) and this year → 连续两年后三名
    if (corp?.bottom3) {
      const prev = corp.bottom3.value;
      const now = m.bottom3ThisYear;
      offer(
        "bottom3TwoYears",
        bottom3TwoYearsOf(prev, now),
        corp.bottom3.at,
        `的“本年后三名”（上年“${yesNoBlank(prev)}”，本年“${yesNoBlank(now)}”）`,
        true
      );
    }
    const pm = last.managers?.get(m.id);
    if (pm) {
      offer("normalSharePrev", pm.normalShare, pm.at.normalShare, "的“正常类贷款占比”", true);
      if (pm.examFails !== null && pm.examFails >= 1 && m.examFails !== null && m.examFails >= 1)
        offer("examFailsTwice", true, pm.at.examFails, "的“考试不合格次数”（与本年均 ≥ 1）", false);
    }
    if (Object.keys(patch).length === 0) return m;
    const n = { ...m, ...patch };
    replaced.set(m, n);
    return n;
  });
  const counts = Object.entries(filled).filter(([, n]) => n > 0);
  if (counts.length > 0) {
    issues.push({
      sheet: "",
      cell: "",
      severity: "info",
      rule: "PREV.derived",
      message: `由${last.source}补入本表空白的：${counts.map(([k, n]) => `${LABEL[k].zh} ${n} 人`).join("、")}（填写的值不被替换）`,
      messageEn: `filled in from last year's summaries where blank: ${counts.map(([k, n]) => `${LABEL[k].en} ${n}`).join(", ")} (typed values are kept)`,
    });
  }
  return { managers: out, replaced, addedColumns: [...usedAbsent], filled, issues };
}

/**
 * The CMs with a yellow card on last year's 末位名单 and on this year's (第三十九条): a second
 * consecutive yellow card, each a warning naming the CM as a 解聘 candidate.
 */
export function consecutiveYellowCards(
  thisYear: readonly { employeeId: string; name: string | null; yellowCard: boolean }[],
  last: LastYear
): Issue[] {
  if (!last.bottom) return [];
  const out: Issue[] = [];
  for (const b of thisYear) {
    if (!b.yellowCard) continue;
    const p = last.bottom.get(b.employeeId);
    if (!p || p.yellow !== true) continue;
    const who = `${b.name ?? p.name ?? ""}（${b.employeeId}）`;
    out.push({
      sheet: p.at.sheet,
      cell: p.at.cell,
      severity: "warning",
      rule: "A7.连续黄牌",
      message: `${who}上年、本年连续两年黄牌警告（责任不良贷款余额超限，第三十九条）：解聘候选，请按规定复核`,
      messageEn: `${b.employeeId}: a yellow card last year and this year (Art. 39): a dismissal candidate, please review`,
    });
  }
  return out;
}

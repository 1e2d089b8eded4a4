/**
 * RULES.md C per CM and year (for the 差错积分汇总 summary): only entries dated within the
 * policy year count; the total deduction (Σ points × count + aggravation), the disqualifying
 * (✕) items, and the aggravation-eligible entries flagged when no aggravation was entered but
 * the note mentions a risk ({@link RISK_KEYWORDS}).
 * A CM with an entry that cannot be scored gets errors instead of a total (never a total that
 * silently leaves an entry out).
 */
import { yearOf } from "../../core/dates";
import { isRuleError } from "../../core/errors";
import { ExplainStep, step } from "../../core/explain";
import { D, Dec, num2 } from "../../core/money";
import type { ErrorLogRow, RowSource } from "../../core/rows";
import type { Policy } from "../../policy/types";
import { RISK_KEYWORDS } from "./catalogue";
import { entryDeduction } from "./items";

export interface ScoredEntry {
  src: RowSource;
  date: string;
  code: string;
  scoredAs: string;
  count: number;
  aggravation: number;
  /** points, rounded to 0.01 */
  deduction: number;
  disqualifying: boolean;
  /** aggravation allowed, none entered, and the note mentions a risk */
  aggravationCandidate: boolean;
  /** the risk words found in the note */
  riskWords: string[];
  note: string | null;
  steps: ExplainStep[];
}

export interface EntryError {
  src: RowSource;
  item: string;
  zh: string;
  en: string;
}

interface Common {
  employeeId: string;
  /** entries of other years, left out */
  outOfYear: number;
  steps: ExplainStep[];
}

export interface ManagerErrorPointsOk extends Common {
  ok: true;
  /** total deduction in points, rounded to 0.01 */
  total: number;
  entries: ScoredEntry[];
  /** codes (as written) of the disqualifying items, each once, in log order */
  disqualifying: string[];
  aggravationCandidates: ScoredEntry[];
}

export interface ManagerErrorPointsFailed extends Common {
  ok: false;
  errors: EntryError[];
}

export type ManagerErrorPoints = ManagerErrorPointsOk | ManagerErrorPointsFailed;

/** The risk words a note contains. */
function riskWordsIn(note: string | null): string[] {
  if (!note) return [];
  return RISK_KEYWORDS.filter((w) => note.includes(w));
}

function where(src: RowSource): { zh: string; en: string } {
  return { zh: `${src.sheet} 第 ${src.row + 1} 行`, en: `${src.sheet} row ${src.row + 1}` };
}

type EntryRow = Pick<
  ErrorLogRow,
  "src" | "employeeId" | "date" | "item" | "count" | "aggravation" | "note"
>;

function scoreManager(
  employeeId: string,
  rows: readonly EntryRow[],
  policy: Policy
): ManagerErrorPoints {
  const steps: ExplainStep[] = [];
  const errors: EntryError[] = [];
  const entries: ScoredEntry[] = [];
  let outOfYear = 0;
  for (const r of rows) {
    const w = where(r.src);
    if (r.date === null) {
      errors.push({
        src: r.src,
        item: r.item,
        zh: `${w.zh}：日期为空，无法判断是否属于 ${policy.year} 年度`,
        en: `${w.en}: the date is blank; the year cannot be told`,
      });
      continue;
    }
    if (yearOf(r.date) !== policy.year) {
      outOfYear += 1;
      continue;
    }
    try {
      const d = entryDeduction(
        { item: r.item, count: r.count, aggravation: r.aggravation },
        policy
      );
      const riskWords = riskWordsIn(r.note);
      const candidate = d.aggravationAllowed && d.aggravation === 0 && riskWords.length > 0;
      const s = [...d.steps];
      if (candidate)
        s.push(
          step("warning", "C", d.scored.article, "C_CANDIDATE", {
            code: d.code,
            words: riskWords.join("、"),
          })
        );
      entries.push({
        src: r.src,
        date: r.date,
        code: d.code,
        scoredAs: d.scoredAs,
        count: d.count,
        aggravation: d.aggravation,
        deduction: shownDeduction(d.deduction),
        disqualifying: d.disqualifying,
        aggravationCandidate: candidate,
        riskWords,
        note: r.note,
        steps: s,
      });
    } catch (e) {
      if (!isRuleError(e)) throw e;
      errors.push({ src: r.src, item: r.item, zh: `${w.zh}：${e.zh}`, en: `${w.en}: ${e.en}` });
    }
  }
  if (outOfYear > 0)
    steps.push(step("input", "C", "", "C_OUT_OF_YEAR", { n: outOfYear, year: policy.year }));
  if (errors.length > 0) {
    steps.push(step("warning", "C", "", "C_ENTRY_ERRORS", { n: errors.length }));
    return { ok: false, employeeId, errors, outOfYear, steps };
  }
  const total = deductionTotal(entries.map((e) => e.deduction));
  const disqualifying = [...new Set(entries.filter((e) => e.disqualifying).map((e) => e.code))];
  for (const e of entries) steps.push(...e.steps);
  steps.push(step("result", "C", "", "C_TOTAL", { n: entries.length, year: policy.year, total }));
  if (disqualifying.length > 0)
    steps.push(step("result", "C", "", "C_DISQUALIFIED", { codes: disqualifying.join("、") }));
  return {
    ok: true,
    employeeId,
    total,
    entries,
    disqualifying,
    aggravationCandidates: entries.filter((e) => e.aggravationCandidate),
    outOfYear,
    steps,
  };
}

/** An entry's deduction as 差错积分汇总 lists it: to 0.01, half-up. */
export function shownDeduction(deduction: Dec): number {
  return num2(deduction);
}

/**
 * 扣分合计 of entries from their deductions as listed ({@link shownDeduction}): the total is the
 * sum of the lines shown (差错积分汇总 and CM.ERRORPOINTS alike). **Interpretation**: RULES.md C
 * ("the deduction is points × count … plus the aggravation points … added once per entry")
 * gives no rounding; a user's aggravation may have more than two decimals, and a printed total
 * must equal the sum of the printed lines, so each entry is rounded half-up to 0.01 first.
 */
export function deductionTotal(shown: readonly number[]): number {
  return num2(shown.reduce((acc, x) => acc.plus(x), new D(0)));
}

/** Per employee id, in the order of first appearance in the log. */
export function errorPointsByManager(
  entries: readonly EntryRow[],
  policy: Policy
): ManagerErrorPoints[] {
  const groups = new Map<string, EntryRow[]>();
  for (const e of entries) {
    const g = groups.get(e.employeeId);
    if (g) g.push(e);
    else groups.set(e.employeeId, [e]);
  }
  return [...groups.entries()].map(([id, rows]) => scoreManager(id, rows, policy));
}

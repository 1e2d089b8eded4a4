/**
 * RULES.md C (rev 2): the disqualifying (✕, 取消客户经理资格) items recorded for a CM in the
 * policy year's error log — ONE function, used by rule set A's exit (A8 reason 8, 第四十一条)
 * and rule set B's annual decision (B4 step 0, 第十九条).
 *
 * - only entries dated within the policy year count (as for the deduction total);
 * - `3.15/X` is disqualifying when X is;
 * - each item is listed once, in log order, with its description ("1.1b 违规操作，情节恶劣");
 * - an entry whose code cannot be read, or a ✕ entry with a blank date, cannot be placed: it is
 *   reported in `unreadable` (never read as "no item"); the caller says so.
 */
import type { IsoDate } from "../../core/dates";
import { yearOf } from "../../core/dates";
import type { ErrorLogRow, RowSource } from "../../core/rows";
import type { Policy } from "../../policy/types";
import { catalogueItem } from "./catalogue";
import { parseItemCode } from "./items";

export interface DisqualifyingItem {
  /** the code as written ("1.1b", "3.15/3.14b") */
  code: string;
  /** the item scored (the ✕ one) */
  scoredAs: string;
  /** the item's description (3.15/X: "借新还旧未视同新贷款管理（按 X …）") */
  what: string;
  whatEn: string;
  /** place of the scored item in the source, e.g. "一、1" */
  article: string;
  /** date of its first entry in the year */
  date: IsoDate;
  src: RowSource;
}

export interface UnreadableEntry {
  src: RowSource;
  item: string;
  zh: string;
  en: string;
}

export interface Disqualification {
  employeeId: string;
  items: DisqualifyingItem[];
  /** entries that could not be placed (bad code, or ✕ with a blank date) */
  unreadable: UnreadableEntry[];
  /** "1.1b 违规操作，情节恶劣；1.5 …" ("" when none) */
  text: string;
  textEn: string;
}

type EntryRow = Pick<ErrorLogRow, "src" | "employeeId" | "date" | "item">;

function where(src: RowSource): { zh: string; en: string } {
  return { zh: `${src.sheet} 第 ${src.row + 1} 行`, en: `${src.sheet} row ${src.row + 1}` };
}

function collect(employeeId: string, rows: readonly EntryRow[], policy: Policy): Disqualification {
  const items: DisqualifyingItem[] = [];
  const unreadable: UnreadableEntry[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    if (r.date !== null && yearOf(r.date) !== policy.year) continue;
    const p = parseItemCode(r.item);
    const w = where(r.src);
    if (!p.ok) {
      if (r.date !== null)
        unreadable.push({
          src: r.src,
          item: r.item,
          zh: `${w.zh}：${p.zh}`,
          en: `${w.en}: ${p.en}`,
        });
      continue;
    }
    const scored = catalogueItem(p.value.scoredAs)!;
    if (!scored.disqualifying) continue;
    if (r.date === null) {
      unreadable.push({
        src: r.src,
        item: r.item,
        zh: `${w.zh}：取消资格条款 ${p.value.code} 的日期为空，无法判断是否属于 ${policy.year} 年度`,
        en: `${w.en}: the disqualifying item ${p.value.code} has a blank date; its year cannot be told`,
      });
      continue;
    }
    if (seen.has(p.value.code)) continue;
    seen.add(p.value.code);
    const item = catalogueItem(p.value.code.split("/")[0])!;
    const refers = item.code !== scored.code;
    items.push({
      code: p.value.code,
      scoredAs: scored.code,
      what: refers ? `${item.zh}（按 ${scored.code} ${scored.zh}）` : scored.zh,
      whatEn: refers ? `${item.en} (as ${scored.code} ${scored.en})` : scored.en,
      article: scored.article,
      date: r.date,
      src: r.src,
    });
  }
  return {
    employeeId,
    items,
    unreadable,
    text: items.map((i) => `${i.code} ${i.what}`).join("；"),
    textEn: items.map((i) => `${i.code} ${i.whatEn}`).join("; "),
  };
}

/** The ✕ items of one CM in the policy year (see the file's comment). */
export function disqualifyingItems(
  employeeId: string,
  log: readonly EntryRow[],
  policy: Policy
): Disqualification {
  return collect(
    employeeId,
    log.filter((r) => r.employeeId === employeeId),
    policy
  );
}

/** {@link disqualifyingItems} of every CM of the log, by employee id, in order of first appearance. */
export function disqualifyingItemsByManager(
  log: readonly EntryRow[],
  policy: Policy
): Map<string, Disqualification> {
  const groups = new Map<string, EntryRow[]>();
  for (const r of log) {
    const g = groups.get(r.employeeId);
    if (g) g.push(r);
    else groups.set(r.employeeId, [r]);
  }
  const out = new Map<string, Disqualification>();
  for (const [id, rows] of groups) out.set(id, collect(id, rows, policy));
  return out;
}

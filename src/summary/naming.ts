/**
 * Sheet names for the sheets the writers add (WORKBOOK.md "What the add-in writes": a name
 * already taken gets a suffix, `等级汇总 (2)`). Pure; shared by the Office.js writer and the
 * CLI's .xlsx writer so that both choose the same names.
 *
 * Excel's rules: at most 31 characters; none of `: \ / ? * [ ]`; not blank; not starting or
 * ending with an apostrophe; "History" is reserved; names are compared without regard to case.
 */

export const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[:\\/?*[\]]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;
const FALLBACK = "工作表";
const RESERVED = ["HISTORY"];

/** Excel compares sheet names case-insensitively. */
function sheetNameKey(name: string): string {
  return name.toUpperCase();
}

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = s.slice(0, max);
  const last = out.charCodeAt(out.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1);
  return out;
}

/** A legal sheet name close to `wanted`: forbidden characters become "_", trimmed, ≤ 31 characters. */
export function legalSheetName(wanted: string): string {
  let s = String(wanted).replace(CONTROL, "").replace(FORBIDDEN, "_").trim();
  s = s.replace(/^'+/, "").replace(/'+$/, "").trim();
  s = cut(s, MAX_SHEET_NAME).trim();
  return s === "" ? FALLBACK : s;
}

/**
 * `wanted` made legal and unique among `taken` (case-insensitive): the legal name itself when
 * free, else "name (2)", "name (3)" … with the base trimmed so the whole stays within 31
 * characters.
 */
export function uniqueSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set<string>(RESERVED);
  for (const t of taken) used.add(sheetNameKey(t));
  const base = legalSheetName(wanted);
  if (!used.has(sheetNameKey(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = cut(base, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    if (!used.has(sheetNameKey(name))) return name;
  }
}

/** Names for several new sheets at once: each unique against `existing` and the ones before it. */
export function uniqueSheetNames(wanted: string[], existing: Iterable<string>): string[] {
  const taken = [...existing];
  return wanted.map((w) => {
    const name = uniqueSheetName(w, taken);
    taken.push(name);
    return name;
  });
}

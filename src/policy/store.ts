/**
 * Which policy a computation uses. In the add-in the 政策参数 sheet is the source of truth:
 * the task pane (or the functions' first call) reads it and registers it here, in the shared
 * runtime, so every CM.* function uses the workbook's figures. Without a registered policy
 * the built-in defaults of the current year apply.
 */
import { defaultPolicy } from "./defaults";
import type { Policy } from "./types";

const workbookPolicies = new Map<number, Policy>();
let workbookYear: number | null = null;
const listeners = new Set<() => void>();
/**
 * Built-in defaults already made, by year and amount unit: a custom function runs thousands of
 * times per recalculation and must not rebuild the policy each time. Policies are read-only
 * for their users (the policy page edits a copy).
 */
const defaultsCache = new Map<string, Policy>();

function cachedDefaults(year: number, unit?: Policy["amountUnit"]): Policy {
  const key = `${year}|${unit ?? ""}`;
  let p = defaultsCache.get(key);
  if (!p) {
    p = unit ? { ...defaultPolicy(year), amountUnit: unit } : defaultPolicy(year);
    defaultsCache.set(key, p);
  }
  return p;
}

/** The year of `now` (local time); without an argument, today's, remembered until the year ends. */
export function currentYear(now?: Date): number {
  if (now) return now.getFullYear();
  const t = Date.now();
  if (t >= thisYear.from && t < thisYear.until) return thisYear.year;
  const y = new Date(t).getFullYear();
  thisYear = { year: y, from: new Date(y, 0, 1).getTime(), until: new Date(y + 1, 0, 1).getTime() };
  return y;
}
let thisYear = { year: 0, from: 0, until: 0 };

/** Register the workbook's policy (read from its 政策参数 sheet) as the current one. */
export function setWorkbookPolicy(p: Policy): void {
  workbookPolicies.set(p.year, p);
  workbookYear = p.year;
  listeners.forEach((f) => f());
}

export function clearWorkbookPolicies(): void {
  workbookPolicies.clear();
  workbookYear = null;
  listeners.forEach((f) => f());
}

/** Called whenever the workbook policy changes (functions recalculate). */
export function onPolicyChange(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

/**
 * The policy for a year: the workbook's when it has one for that year, else the built-in
 * defaults of that year (with the workbook's 金额单位, when the workbook has a policy). Without a year: the workbook's current policy, else this year's defaults.
 */
export function activePolicy(year?: number | null): Policy {
  if (year === undefined || year === null) {
    if (workbookYear !== null) return workbookPolicies.get(workbookYear)!;
    return cachedDefaults(currentYear());
  }
  const own = workbookPolicies.get(year);
  if (own) return own;
  // another year's defaults, read with the workbook's amount unit (it describes the workbook's columns)
  const current = workbookYear !== null ? workbookPolicies.get(workbookYear) : undefined;
  return cachedDefaults(year, current?.amountUnit);
}

/**
 * Which policy a computation uses. In the add-in the 政策参数 sheet is the source of truth:
 * the task pane (or the functions' first call) reads it and registers it here, in the shared
 * runtime, so every CM.* function uses the workbook's figures. Without a registered policy
 * the built-in defaults of the current year apply.
 */
import type { Issue } from "../core/issues";
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

/**
 * (rev 2, RULES.md POLICY, 第十四条 "每年1月份…初评") The year assessed by default on `today`
 * (local time), when neither the user (--year, the policy page) nor the 政策参数 sheet gives one:
 * the assessment of a year is made early the next year, so from January to June it is the
 * previous calendar year, from July the current one. ONE function decides it: the CLI, the task
 * pane, the template and the CM.* functions' policy year all come through here; `reason` is
 * what the output says about the choice.
 */
export function defaultYearChoice(today: Date): {
  year: number;
  zh: string;
  en: string;
  short: string;
} {
  const y = today.getFullYear();
  const early = today.getMonth() < 6;
  const year = early ? y - 1 : y;
  const p = (n: number) => String(n).padStart(2, "0");
  const day = `${y}-${p(today.getMonth() + 1)}-${p(today.getDate())}`;
  return {
    year,
    short: early
      ? "未指定年度，1–6 月默认上一年度（第十四条）"
      : "未指定年度，7–12 月默认当年（第十四条）",
    zh: early
      ? `未指定年度：今天 ${day} 在 1–6 月，按第十四条（每年 1 月份初评上年度）默认评定上一年度 ${year}`
      : `未指定年度：今天 ${day} 在 7–12 月，默认评定当年 ${year}（第十四条）`,
    en: early
      ? `no year given: today (${day}) is in January–June, so by Art. 14 the previous year ${year} is assessed`
      : `no year given: today (${day}) is in July–December, so the current year ${year} is assessed (Art. 14)`,
  };
}

/**
 * The default policy year ({@link defaultYearChoice}) on `now`; without an argument, today's,
 * remembered until the half-year ends.
 */
export function currentYear(now?: Date): number {
  if (now) return defaultYearChoice(now).year;
  const t = Date.now();
  if (t >= thisYear.from && t < thisYear.until) return thisYear.year;
  const d = new Date(t);
  const y = d.getFullYear();
  const early = d.getMonth() < 6;
  thisYear = {
    year: defaultYearChoice(d).year,
    from: new Date(y, early ? 0 : 6, 1).getTime(),
    until: early ? new Date(y, 6, 1).getTime() : new Date(y + 1, 0, 1).getTime(),
  };
  return thisYear.year;
}
let thisYear = { year: 0, from: 0, until: 0 };

/** POLICY.year (info): which default year was taken and why (CLI validate/summarize, the task pane's 校验). */
export function defaultYearIssue(today: Date, sheet: string): Issue {
  const c = defaultYearChoice(today);
  return {
    sheet,
    cell: "",
    severity: "info",
    rule: "POLICY.year",
    message: `${c.zh}；可在政策参数表填写“年度”或用 --year 指定`,
    messageEn: `${c.en}; set 年度 in the policy sheet or use --year`,
  };
}

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

/**
 * The policy a run uses (RULES.md POLICY, WORKBOOK.md "The command line"), for the CLI's
 * validate / summarize (src/cli/policyOption.ts: --year, --policy FILE.json) and the offline page
 * (src/offline/engine.ts) alike:
 *   1. the workbook's 政策参数 sheet (./sheet.ts);
 *   2. overridden by a policy JSON text (./json.ts: sheet keys or the Policy shape);
 *   3. the year: the one asked for, else the JSON's 年度, else the sheet's 年度, else the default
 *      year of RULES.md POLICY rev 2 (第十四条: January–June the previous year, from July the
 *      current), said in an info issue (POLICY.year) and in the summaries' title lines.
 * When that year is not the sheet's, the year's built-in defaults apply (the sheet's figures
 * are another year's), keeping the sheet's 金额单位 (it describes the workbook's columns); the
 * assessment date is then 31 December of that year — the sheet's 评定日期 counts only for its
 * own year. A JSON text that cannot be used is a PolicyJsonError.
 */
import type { Issue } from "../core/issues";
import { defaultPolicy } from "./defaults";
import { policyFromJsonWithIssues, policyJsonYear } from "./json";
import { readPolicyFromGrid } from "./sheet";
import { POLICY_SHEET } from "./schema";
import { currentYear, defaultYearChoice, defaultYearIssue } from "./store";
import type { Policy } from "./types";
import type { WorkbookGrid } from "../core/grid";

/** The policy of a run; `yearNote` says which default year was taken (null when --year, the JSON or the sheet gave it). */
export interface ResolvedPolicy {
  policy: Policy;
  issues: Issue[];
  yearNote: ReturnType<typeof defaultYearChoice> | null;
}

/**
 * The policy of `grid` (its 政策参数 sheet), with `json` over it, for `year`; `today`: the day the
 * default year is decided on (RULES.md POLICY rev 2, 第十四条); default: the clock.
 */
export function resolvePolicyOf(
  grid: WorkbookGrid,
  opts: { year?: number; json?: string | null; today?: Date }
): ResolvedPolicy {
  const today = opts.today ?? new Date();
  const now = currentYear(today);
  const json = opts.json ?? null;
  const jsonYear = json === null ? null : policyJsonYear(json);
  const sheet = readPolicyFromGrid(grid, opts.year ?? jsonYear ?? now);
  const issues: Issue[] = [...sheet.issues];
  const year = opts.year ?? jsonYear ?? sheet.policy.year;
  const defaulted = opts.year === undefined && jsonYear === null && sheet.yearGiven !== true;
  const yearNote = defaulted ? defaultYearChoice(today) : null;
  if (defaulted) issues.push(defaultYearIssue(today, POLICY_SHEET));

  let base: Policy;
  if (sheet.found && sheet.policy.year === year) base = sheet.policy;
  else {
    base = { ...defaultPolicy(year), amountUnit: sheet.policy.amountUnit };
    if (sheet.found) {
      issues.push({
        sheet: POLICY_SHEET,
        cell: "",
        severity: "info",
        rule: "POLICY.year",
        message: `政策参数表为 ${sheet.policy.year} 年度，本次按 ${year} 年度计算：使用 ${year} 年默认参数（金额单位沿用工作表的“${sheet.policy.amountUnit}”），评定日期 ${base.assessmentDate}`,
        messageEn:
          `The policy sheet is for ${sheet.policy.year}; computing for ${year} with that year's ` +
          `defaults (amount unit kept from the sheet), assessment date ${base.assessmentDate}`,
      });
    }
  }
  if (json === null) return { policy: base, issues, yearNote };
  const r = policyFromJsonWithIssues(json, base);
  return { policy: r.policy, issues: [...issues, ...r.issues], yearNote };
}

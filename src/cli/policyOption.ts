/**
 * The policy the CLI's validate / summarize commands use (RULES.md POLICY, WORKBOOK.md "The
 * command line"):
 *   1. the workbook's 政策参数 sheet (src/policy/sheet.ts);
 *   2. overridden by `--policy FILE.json` (src/policy/json.ts: sheet keys or the Policy shape);
 *   3. the year: `--year`, else the JSON's 年度, else the sheet's 年度, else the default year of
 *      RULES.md POLICY rev 2 (第十四条: January–June the previous year, from July the current),
 *      said in an info issue (POLICY.year) and in the summaries' title lines.
 * When that year is not the sheet's, the year's built-in defaults apply (the sheet's figures
 * are another year's), keeping the sheet's 金额单位 (it describes the workbook's columns); the
 * assessment date is then 31 December of that year — the sheet's 评定日期 counts only for its
 * own year.
 */
import * as fs from "fs";
import type { Issue } from "../core/issues";
import { defaultPolicy } from "../policy/defaults";
import { policyFromJsonWithIssues, policyJsonYear, PolicyJsonError } from "../policy/json";
import { readPolicyFromGrid } from "../policy/sheet";
import { POLICY_SHEET } from "../policy/schema";
import { currentYear, defaultYearChoice, defaultYearIssue } from "../policy/store";
import type { Policy } from "../policy/types";
import type { WorkbookGrid } from "../core/grid";
import { CliError } from "./command";

const MIN_YEAR = 1999;
const MAX_YEAR = 2100;

/** "--year 2025" → 2025; anything else is a CliError (exit 2). */
export function parseYearOption(s: string | true | undefined): number | undefined {
  if (s === undefined) return undefined;
  const t = typeof s === "string" ? s.trim() : "";
  if (!/^\d{4}$/.test(t) || +t < MIN_YEAR || +t > MAX_YEAR) {
    throw new CliError(
      `--year 应为 ${MIN_YEAR}–${MAX_YEAR} 的四位年份，实为“${s === true ? "" : s}”（--year must be a year ${MIN_YEAR}–${MAX_YEAR}）`
    );
  }
  return +t;
}

function readPolicyFile(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "文件不存在（file not found）"
        : code === "EISDIR"
          ? "这是一个目录（is a directory）"
          : `无法读取（cannot read: ${code ?? String(e)}）`;
    throw new CliError(`政策参数文件 ${file}：${why}`);
  }
}

function cliJsonError(file: string, e: unknown): never {
  if (e instanceof PolicyJsonError) throw new CliError(`${file}：${e.message}`);
  throw e;
}

/** The policy of a CLI run; `yearNote` says which default year was taken (null when --year, the JSON or the sheet gave it). */
export interface ResolvedPolicy {
  policy: Policy;
  issues: Issue[];
  yearNote: ReturnType<typeof defaultYearChoice> | null;
}

/** `today`: the day the default year is decided on (RULES.md POLICY rev 2, 第十四条); default: the clock. */
export function resolvePolicy(
  grid: WorkbookGrid,
  opts: { year?: number; policyFile?: string; today?: Date }
): ResolvedPolicy {
  if (
    opts.year !== undefined &&
    (!Number.isInteger(opts.year) || opts.year < MIN_YEAR || opts.year > MAX_YEAR)
  ) {
    throw new CliError(`年度 ${opts.year} 无效，应为 ${MIN_YEAR}–${MAX_YEAR}（invalid year）`);
  }
  const today = opts.today ?? new Date();
  const now = currentYear(today);
  const json = opts.policyFile !== undefined ? readPolicyFile(opts.policyFile) : null;
  let jsonYear: number | null = null;
  if (json !== null) {
    try {
      jsonYear = policyJsonYear(json);
    } catch (e) {
      cliJsonError(opts.policyFile!, e);
    }
  }
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
        messageEn: `The policy sheet is for ${sheet.policy.year}; computing for ${year} with that year's defaults (amount unit kept from the sheet), assessment date ${base.assessmentDate}`,
      });
    }
  }
  if (json === null) return { policy: base, issues, yearNote };
  try {
    const r = policyFromJsonWithIssues(json, base);
    return { policy: r.policy, issues: [...issues, ...r.issues], yearNote };
  } catch (e) {
    return cliJsonError(opts.policyFile!, e);
  }
}

/**
 * The policy the CLI's validate / summarize commands use (src/policy/resolve.ts, with --year and
 * `--policy FILE.json` read here; RULES.md POLICY, WORKBOOK.md "The command line"):
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
import { PolicyJsonError } from "../policy/json";
import { resolvePolicyOf } from "../policy/resolve";
import type { ResolvedPolicy } from "../policy/resolve";
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

export type { ResolvedPolicy } from "../policy/resolve";

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
  const json = opts.policyFile !== undefined ? readPolicyFile(opts.policyFile) : null;
  try {
    return resolvePolicyOf(grid, { year: opts.year, json, today: opts.today });
  } catch (e) {
    return cliJsonError(opts.policyFile!, e);
  }
}

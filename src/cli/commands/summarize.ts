/**
 * `cm-addin summarize FILE.xlsx -o OUT.xlsx [--year YYYY] [--policy FILE.json] [--only 名称,…]`
 * (WORKBOOK.md "The command line"): writes OUT.xlsx — the input sheets unchanged plus every
 * summary the data allows (src/summary/build.ts, the same code the task pane runs).
 *
 * - The policy: the workbook's 政策参数 sheet, overridden by --policy, for the year of --year
 *   (else the policy sheet's, else the default year of 第十四条 — January–June the previous
 *   year, from July the current — said in the output); the assessment date is 31 December of
 *   that year unless the sheet sets 评定日期 for it (src/cli/policyOption.ts).
 * - Issues are printed as `validate` prints them; rows with errors are left out of the
 *   summaries (counted in each title line), never guessed; a summary whose sheet or column is
 *   missing is skipped with the reason.
 * - (rev 2) OUT.xlsx is never the input file (compared as files: device and inode), never a
 *   link or device, and an existing one is replaced only with --force; it appears under its
 *   name only when complete (src/cli/xlsx/output.ts).
 * - (issue 18) --previous LAST.xlsx: last year's 汇总 file (等级汇总, 公司客户经理等级, 末位名单 and the
 *   客户经理 sheet summarize keeps), read by the same xlsx reader (a refused file: the same line,
 *   exit 2): 上年等级 / 变化 columns, inputs derived where blank (src/rules/previous.ts); without
 *   it, the workbook's own 上年… sheets are used when there are any.
 * - (issue 19) --statements adds 考核通知单 (one page per CM) and 公示名单 (src/summary/statements.ts).
 * - Exit status: 0 written, no row left out; 1 written, but rows with data errors were left out
 *   of the summaries that need their columns (check the issues; warnings and compliance
 *   findings never give 1); 2 usage error, a missing or unreadable
 *   file, OUT.xlsx the same file as the input (nothing is written).
 */
import * as path from "path";
import { selectSummaries } from "../../summary/build";
import { readForRun, summariesOfRead } from "../../summary/run";
import type { RunResult } from "../../summary/run";
import { SUMMARIES } from "../../summary/common";
import { DERIVED_SUMMARIES as STATEMENT_SHEETS } from "../../summary/statements";
import type { CliCommand, CliIO } from "../command";
import { CliError, describedBy, parseOptions, usageOf } from "../command";
import { parseYearOption, resolvePolicy } from "../policyOption";
import { addSheetsToWorkbook, checkOutput, readWorkbookGrid } from "../xlsx";
import { readPrevious } from "../../reader/previous";
import type { PreviousRead } from "../../reader/previous";
import type { Policy } from "../../policy/types";
import type { WorkbookGrid } from "../../core/grid";
import { SUMMARY_SHEET_NAMES } from "../../core/sheetNames";

/** (issue 18) Last year's 汇总 file read for --previous (summarize, verify); none of its tables there: a usage error (exit 2). */
export async function readPreviousFile(file: string, policy: Policy): Promise<PreviousRead> {
  return previousOfGrid(await readWorkbookGrid(file), file, policy);
}

/** {@link readPreviousFile} on the file's grid already read (validate reads it before it knows the policy). */
export function previousOfGrid(grid: WorkbookGrid, file: string, policy: Policy): PreviousRead {
  const read = readPrevious(grid, policy, {
    inWorkbook: false,
    source: path.basename(file),
  });
  if (!read.lastYear) {
    const names = [
      SUMMARY_SHEET_NAMES.grades,
      SUMMARY_SHEET_NAMES.corporate,
      SUMMARY_SHEET_NAMES.bottom,
    ];
    throw new CliError(
      `--previous ${file}：未找到上年的${names.join("、")}或“客户经理”表（表头含员工号、姓名等；no table of last year's summaries found）`
    );
  }
  return read;
}
import { SUMMARIZE_META } from "./meta";
import { displayWidth, issueTable } from "./validate";

export const USAGE = usageOf(SUMMARIZE_META);

export interface SummarizeOptions {
  year?: number;
  policyFile?: string;
  only?: string[];
  /** when the summaries are made (title lines); default: now */
  now?: Date;
  /** (rev 2) replace an existing OUT.xlsx */
  force?: boolean;
  /** (issue 18) last year's 汇总 file */
  previousFile?: string;
}

export interface SummarizeOutcome {
  /** `yearNote`: which default year was taken (第十四条), when neither --year, the JSON nor the sheet gave it */
  result: RunResult;
  /** the sheet names the summaries got in OUT.xlsx (suffixed when taken), in model order */
  sheetNames: string[];
  outPath: string;
  /** what the file reader told about the input (WorkbookGrid.notices), one line each */
  notices?: string[];
}

/**
 * The workbook read and validated, with its policy (src/summary/run.ts, as the offline page reads
 * it). Memory on large workbooks: each row of the grid is let go once read into a typed row, and
 * the grid with this function's frame.
 */
async function readFile(
  input: string,
  opts: SummarizeOptions
): Promise<{
  read: ReturnType<typeof readForRun>;
  resolved: ReturnType<typeof resolvePolicy>;
  notices?: string[];
}> {
  const grid = await readWorkbookGrid(input);
  const resolved = resolvePolicy(grid, {
    year: opts.year,
    policyFile: opts.policyFile,
    today: opts.now,
  });
  return { read: readForRun(grid, resolved), resolved, notices: grid.notices };
}

/** The summaries of the workbook at `input`; its typed rows are let go with this function's frame, before the sheets are written. */
async function summariesOfFile(
  input: string,
  opts: SummarizeOptions
): Promise<{ result: RunResult; notices?: string[] }> {
  const { read, resolved, notices } = await readFile(input, opts);
  const previous = opts.previousFile
    ? await readPreviousFile(opts.previousFile, resolved.policy)
    : undefined;
  const result = summariesOfRead(read, resolved, {
    now: opts.now ?? new Date(),
    only: opts.only,
    previous,
  });
  return { result, notices };
}

/** Reads `input`, builds the summaries and writes `output` (the input's sheets + the summaries). */
export async function summarizeWorkbook(
  input: string,
  output: string,
  opts: SummarizeOptions = {}
): Promise<SummarizeOutcome> {
  // before anything is read: OUT is not the input (as a file), not a link, not replaced without --force
  checkOutput(input, output, { force: opts.force });
  if (opts.previousFile) checkOutput(opts.previousFile, output, { force: true });
  const { result, notices } = await summariesOfFile(input, opts);
  const sheetNames =
    result.models.length > 0
      ? await addSheetsToWorkbook(input, output, result.models, { force: opts.force })
      : [];
  return { result, sheetNames, outPath: output, notices };
}

function pad(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}

/** Lines describing what was written and what was skipped. */
export function outcomeLines(o: SummarizeOutcome): string[] {
  const { result, sheetNames } = o;
  const p = result.policy;
  const lines: string[] = [];
  if (sheetNames.length === 0) {
    lines.push("没有可生成的汇总表，未写入文件（no summary to write; nothing written）");
  } else {
    lines.push(
      `已写入 ${path.resolve(o.outPath)}（wrote）— 政策年度 ${p.year}，评定日期 ${p.assessmentDate}，金额单位 ${p.amountUnit}`
    );
    if (result.yearNote) lines.push(`  ${result.yearNote}`);
    if (result.lastYear)
      lines.push(
        `  上年表（last year）：${result.lastYear.source}：${result.lastYear.sheets.join("、")}`
      );
    const width = Math.max(...sheetNames.map(displayWidth));
    result.models.forEach((m, i) => {
      const totals = m.totalRows?.length ?? 0;
      const n = m.rows.length - totals;
      lines.push(
        `  ${pad(sheetNames[i], width)}  ${n} 行${totals > 0 ? `（另 ${totals} 个合计行）` : ""}`
      );
    });
  }
  for (const s of result.skipped) lines.push(`  跳过 ${s.name}（skipped）：${s.reasonZh}`);
  return lines;
}

export function parseSummarizeArgs(args: string[]): {
  input: string;
  output: string;
  opts: SummarizeOptions;
} {
  const { positional, options } = parseOptions(args, SUMMARIZE_META.options);
  if (positional.length !== 1) {
    throw new CliError(
      `${positional.length === 0 ? "缺少输入文件名" : "只能汇总一个文件"}（usage: ${USAGE}）`
    );
  }
  if (typeof options.out !== "string") throw new CliError(`缺少 -o OUT.xlsx（usage: ${USAGE}）`);
  let only =
    typeof options.only === "string"
      ? options.only
          .split(/[,，、]/)
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined;
  // (issue 19) --statements: 考核通知单 and 公示名单 besides the summaries asked for (all by default)
  if (options.statements === true) only = [...(only ?? selectSummaries()), ...STATEMENT_SHEETS];
  if (only) {
    try {
      selectSummaries(only);
    } catch (e) {
      throw new CliError(e instanceof Error ? e.message : String(e));
    }
  }
  return {
    input: positional[0],
    output: options.out,
    opts: {
      year: parseYearOption(options.year),
      policyFile: typeof options.policy === "string" ? options.policy : undefined,
      only,
      force: options.force === true,
      previousFile: typeof options.previous === "string" ? options.previous : undefined,
    },
  };
}

export const command: CliCommand = {
  ...describedBy(SUMMARIZE_META),
  async run(args: string[], io: CliIO): Promise<number> {
    const { input, output, opts } = parseSummarizeArgs(args);
    const o = await summarizeWorkbook(input, output, opts);
    for (const n of o.notices ?? []) io.err(n);
    for (const l of issueTable(o.result.issues)) io.out(l);
    for (const l of outcomeLines(o)) io.out(l);
    // as validate: 1 only when rows were left out (data errors)
    return o.result.rowsLeftOut > 0 ? 1 : 0;
  },
};

/** The names --only accepts (for the usage text and tests). */
export const SUMMARY_NAMES: readonly string[] = SUMMARIES.map((s) => s.name);

/**
 * `cm-addin verify OUT.xlsx [--policy FILE.json] [--json]` (issue 19 item 4): remakes every summary
 * sheet of OUT.xlsx from the input sheets and the policy inside it (the 政策参数 sheet, for the
 * year each summary's title line names; --policy when the summaries were made with one) and
 * lists each cell that differs — sheet!cell, expected vs found. Values only, not formatting; the
 * rules of the comparison are in src/summary/verify.ts. A summary renamed with a " (2)" suffix is
 * checked as the summary it is; (issue 18) --previous LAST.xlsx when they were made with it; sheets made by separate runs are each remade with their own
 * title line's year and time.
 *
 * Exit status: 0 every summary agrees; 1 a cell differs (or a summary sheet cannot be checked);
 * 2 usage error, a missing or unreadable file, a workbook without any summary sheet.
 */
import { summariesOf, readForSummaries } from "../../summary/build";
import type { Remake, VerifyReport } from "../../summary/verify";
import { summarySheets, verifySummaries } from "../../summary/verify";
import type { CliCommand, CliIO } from "../command";
import { CliError, describedBy, parseOptions, usageOf } from "../command";
import { resolvePolicy } from "../policyOption";
import { readWorkbookGrid } from "../xlsx";
import { displayWidth } from "./validate";
import { VERIFY_META } from "./meta";
import { readPreviousFile } from "./summarize";

export const USAGE = usageOf(VERIFY_META);

/** Verifies the workbook at `file` (see the file comment). */
export async function verifyWorkbook(
  file: string,
  opts: { policyFile?: string; previousFile?: string } = {}
): Promise<VerifyReport> {
  const grid = await readWorkbookGrid(file);
  if (summarySheets(grid).length === 0)
    throw new CliError(`${file} 中没有汇总表，无可核对（no summary sheet to verify）`);
  // (issue 18) the summaries were made with --previous: remade with the same last year's file
  const previous = opts.previousFile
    ? await readPreviousFile(
        opts.previousFile,
        resolvePolicy(grid, { policyFile: opts.policyFile }).policy
      )
    : undefined;
  const remake: Remake = (req) => {
    // the year as the title line says: a default year (第十四条) is decided again on the day it was made
    const resolved = resolvePolicy(grid, {
      year: req.defaultYear ? undefined : req.year,
      policyFile: opts.policyFile,
      today: req.now,
    });
    return summariesOf(readForSummaries(grid, resolved.policy), resolved.policy, {
      now: req.now,
      only: req.only,
      extraIssues: resolved.issues,
      explanations: false,
      yearNote: resolved.yearNote?.short,
      previous,
    });
  };
  return verifySummaries(grid, remake);
}

/** The report as terminal lines. */
export function reportLines(file: string, r: VerifyReport): string[] {
  const lines = [
    `核对 ${file}（verify）：按输入表与政策重算各汇总表，比较单元格的值，不比较格式（cell values are compared, not formatting）`,
  ];
  const width = Math.max(...r.sheets.map((s) => displayWidth(s.sheet)));
  for (const s of r.sheets) {
    const what = s.differences === 0 ? "一致（agree）" : `${s.differences} 处不同（differ）`;
    lines.push(
      `  ${s.sheet}${" ".repeat(Math.max(0, width - displayWidth(s.sheet)))}  ${s.cells} 格，${what}`
    );
  }
  if (r.differences.length > 0) {
    lines.push("", "不同之处（differences）：");
    for (const d of r.differences)
      lines.push(`  ${d.cell ? `${d.sheet}!${d.cell}` : d.sheet}  ${d.message}`);
  }
  lines.push(
    "",
    r.differences.length === 0
      ? "全部一致（all summaries agree）"
      : `共 ${r.differences.length} 处不同（${r.differences.length} differences）`
  );
  return lines;
}

export const command: CliCommand = {
  ...describedBy(VERIFY_META),
  async run(args: string[], io: CliIO): Promise<number> {
    const { positional, options } = parseOptions(args, VERIFY_META.options);
    if (positional.length !== 1)
      throw new CliError(
        `${positional.length === 0 ? "缺少要核对的文件名" : "只能核对一个文件"}（usage: ${USAGE}）`
      );
    const file = positional[0];
    const report = await verifyWorkbook(file, {
      policyFile: typeof options.policy === "string" ? options.policy : undefined,
      previousFile: typeof options.previous === "string" ? options.previous : undefined,
    });
    if (options.json === true) io.out(JSON.stringify(report, null, 2));
    else for (const l of reportLines(file, report)) io.out(l);
    return report.differences.length === 0 ? 0 : 1;
  },
};

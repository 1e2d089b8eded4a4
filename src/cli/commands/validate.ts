/**
 * `cm-addin validate FILE.xlsx [--json] [--previous LAST.xlsx]` (WORKBOOK.md "The command line"): reads the workbook,
 * validates it exactly as the task pane does, and prints the issues — a table of sheet, cell,
/**
 * `cm-addin validate FILE.xlsx [--json] [--previous LAST.xlsx]` (WORKBOOK.md "The command line"): reads the workbook,
 * validates it exactly as the task pane does, and prints the issues — a table of sheet, cell,
 * severity, rule, message, or with --json an array of {sheet, cell, severity, rule, message,
 * category}. (rev 2) Compliance findings (合规提示, RULES.md A13; category "compliance") are
 * listed under their own heading after the data issues and are never errors.
 * (rev 2) It reports everything summarize would about the data (src/summary/readiness.ts: rows
 * left out per summary, summaries skipped, unset policy figures the data needs, implausible
 * units) and ends with one line: 可以汇总, or what to fix first (with --json: a last object,
 * rule READY). Exit 1 only when rows are left out (data errors), else 0; a missing or
 * unreadable file: exit 2 (CliError).
 * (issue 18) With last year's tables — the workbook's 上年… sheets, or `--previous LAST.xlsx` (as
 * summarize's; no table of last year there: exit 2) — the PREV.* issues summarize gives too.
 */
import { countIssues } from "../../summary/issuesSheet";
import {
  CATEGORY_EN,
  CATEGORY_ZH,
  issueCategory,
  issuesOfCategory,
  SEVERITY_ZH,
} from "../../core/issues";
import type { Issue } from "../../core/issues";
import { checkWorkbook } from "../../summary/readiness";
import { CliCommand, CliError, CliIO, describedBy, parseOptions, usageOf } from "../command";
import { VALIDATE_META } from "./meta";
import { readWorkbookGrid } from "../xlsx";
import { previousOfGrid } from "./summarize";

export const USAGE = usageOf(VALIDATE_META);

/** The rule of the last --json object: the ready line (可以汇总 / what to fix first). */
export const READY_RULE = "READY";

/** The objects `--json` prints: exactly these keys, in this order (rev 2: `category` = "data" | "compliance"). */
export function issueJson(issues: readonly Issue[]): {
  sheet: string;
  cell: string;
  severity: string;
  rule: string;
  message: string;
  category: string;
}[] {
  return issues.map((i) => ({
    sheet: i.sheet,
    cell: i.cell,
    severity: i.severity,
    rule: i.rule,
    message: i.message,
    category: issueCategory(i),
  }));
}

/** Terminal width of text: CJK and other wide characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}

function pad(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}

/**
 * The human-readable table: header, one line per data issue, the counts, the conclusion (the
 * ready line, when given), then (rev 2) the compliance findings under their own heading, last.
 */
export function issueTable(issues: readonly Issue[], conclusion?: string): string[] {
  const n = countIssues(issues);
  const counts = `错误 ${n.error}，警告 ${n.warning}，提示 ${n.info}（errors ${n.error}, warnings ${n.warning}, notices ${n.info}）`;
  const data = issuesOfCategory(issues, "data");
  const findings = issuesOfCategory(issues, "compliance");
  const head = ["工作表 sheet", "单元格 cell", "级别 severity", "规则 rule", "说明 message"];
  const cells = (list: readonly Issue[]) =>
    list.map((i) => [
      i.sheet || "（工作簿）",
      i.cell || "-",
      SEVERITY_ZH[i.severity],
      i.rule,
      i.message,
    ]);
  const rows = cells(data);
  const more = cells(findings);
  // (loops, not Math.max(...rows): any number of issues, beyond the call stack's argument limit)
  const widths = head
    .slice(0, 4)
    .map((h, k) =>
      [rows, more].reduce(
        (w, list) => list.reduce((w2, r) => Math.max(w2, displayWidth(r[k])), w),
        displayWidth(h)
      )
    );
  const line = (r: string[]) =>
    r
      .slice(0, 4)
      .map((c, k) => pad(c, widths[k]))
      .join("  ") +
    "  " +
    r[4];
  const closing = conclusion === undefined ? [] : [conclusion];
  if (issues.length === 0) return ["未发现问题（no issues found）", counts, ...closing];
  const out: string[] = [];
  if (data.length === 0) out.push("未发现数据问题（no data issues found）");
  else {
    out.push(line(head));
    for (const r of rows) out.push(line(r));
  }
  out.push(counts, ...closing);
  if (findings.length > 0) {
    out.push(
      "",
      `${CATEGORY_ZH.compliance}（${CATEGORY_EN.compliance.toLowerCase()}, RULES.md A13）：${findings.length} 条，不是数据错误，不影响汇总（not data errors; no row is left out）`
    );
    for (const r of more) out.push(line(r));
  }
  return out;
}

export const command: CliCommand = {
  ...describedBy(VALIDATE_META),
  async run(args: string[], io: CliIO): Promise<number> {
    const { positional, options } = parseOptions(args, VALIDATE_META.options);
    if (positional.length !== 1) {
      throw new CliError(
        `${positional.length === 0 ? "缺少文件名" : "只能校验一个文件"}（usage: ${USAGE}）`
      );
    }
    const grid = await readWorkbookGrid(positional[0]);
    for (const n of grid.notices ?? []) io.err(n);
    // (issue 18) --previous LAST.xlsx: last year's 汇总 file, read with the workbook's policy
    const file = typeof options.previous === "string" ? options.previous : null;
    const last = file ? await readWorkbookGrid(file) : null;
    if (last) for (const n of last.notices ?? []) io.err(n);
    const check = checkWorkbook(grid, undefined, {
      previous: last && file ? (policy) => previousOfGrid(last, file, policy) : undefined,
    });
    const issues = check.issues;
    const ready = `${check.ready.zh}（${check.ready.en}）`;
    // --json: the issues, then the ready line as a last object with the same keys (rule READY)
    if (options.json)
      io.out(
        JSON.stringify(
          [
            ...issueJson(issues),
            {
              sheet: "",
              cell: "",
              severity: "info",
              rule: READY_RULE,
              message: check.ready.zh,
              category: "data",
            },
          ],
          null,
          2
        )
      );
    else for (const l of issueTable(issues, ready)) io.out(l);
    // exit 1 only when rows are left out (data errors); warnings, notices and compliance findings: 0
    return check.ready.ready ? 0 : 1;
  },
};

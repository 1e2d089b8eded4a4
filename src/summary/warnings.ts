/**
 * 预警时效 (RULES.md D): per warning the branch report-by deadline, the branch report and
 * whether it was on time (结果 judges 支行上报日期), then the branch office → head office
 * deadline and its result. Pure. (rev 2) A management warning (越权放贷, 未落实贷款条件; 第十二条（一）2)
 * has no branch deadline: its 上报时限 is the branch office's and 结果 judges 分行上报日期; the
 * column 判断环节 says which report each row's 结果 judges.
 *
 * Columns other tools rely on (WORKBOOK.md): 贷款编号, 上报时限, 支行上报日期, 结果 (按时/迟报;
 * 未上报 when the report date is blank).
 */
import type { ExplainStep } from "../core/explain";
import type { Issue } from "../core/issues";
import { a1 } from "../core/issues";
import type { WarningRow } from "../core/rows";
import type { Band, WarningTimeliness, WarningTimelinessOk } from "../rules/d";
import { renderSteps } from "../rules/explain";
import type { BuiltSummary, SummaryContext } from "./common";
import { moneyCell, noticeLines, summaryDef, summaryTitle } from "./common";
import type { Column } from "./columns";
import { Table } from "./columns";
import type { CellValue } from "./model";

export const WARNINGS_HEADERS = ["贷款编号", "上报时限", "支行上报日期", "结果"] as const;

const STAGE_BRANCH = "支行上报";
const STAGE_OFFICE = "分行上报";

/** "100万元以下" … from the policy's band limits. */
function bandText(band: Band, policy: SummaryContext["policy"]): string {
  const wan = (x: number) => `${x / 10000}万`;
  if (band === "small") return `${wan(policy.d.midAmount)}元以下`;
  if (band === "mid") return `${wan(policy.d.midAmount)}–${wan(policy.d.largeAmount)}元`;
  return `${wan(policy.d.largeAmount)}元及以上`;
}

/** A judged warning: its log row and its result. */
interface WarningLine {
  w: WarningRow;
  r: WarningTimelinessOk;
}

/** A warning that could not be judged: its log row and why (说明); no deadline, no result. */
interface WarningFailed {
  w: WarningRow;
  why: string;
}

function warningColumns(
  policy: SummaryContext["policy"]
): Column<WarningLine, { failed: WarningFailed }>[] {
  return [
    {
      header: "贷款编号",
      format: "text",
      width: 14,
      value: (x) => x.r.loanId,
      failed: (x) => x.w.loanId,
    },
    { header: "上报时限", format: "date", width: 12, value: (x) => x.r.deadline },
    {
      header: "支行上报日期",
      format: "date",
      width: 12,
      value: (x) => x.r.branchReported,
      failed: (x) => x.w.branchReported,
    },
    { header: "结果", format: "text", width: 8, value: (x) => x.r.result },
    {
      header: "判断环节",
      format: "text",
      width: 10,
      value: (x) => (x.r.stage === "分行" ? STAGE_OFFICE : STAGE_BRANCH),
    },
    {
      header: "预警类型",
      format: "text",
      width: 10,
      value: (x) => x.w.type,
      failed: (x) => x.w.type,
    },
    // the level the rule judged (the log's when it could not)
    {
      header: "预警级别",
      format: "text",
      width: 8,
      value: (x) => x.r.level,
      failed: (x) => x.w.level,
    },
    {
      header: "风险金额",
      format: "money",
      width: 16,
      value: (x) => moneyCell(x.w.amount, policy),
      failed: (x) => moneyCell(x.w.amount, policy),
    },
    {
      header: "金额档次",
      format: "text",
      width: 14,
      value: (x) => (x.r.band ? bandText(x.r.band, policy) : null),
    },
    {
      header: "到期日期",
      format: "date",
      width: 12,
      value: (x) => x.w.maturity,
      failed: (x) => x.w.maturity,
    },
    {
      header: "发现日期",
      format: "date",
      width: 12,
      value: (x) => x.w.found,
      failed: (x) => x.w.found,
    },
    { header: "分行上报时限", format: "date", width: 12, value: (x) => x.r.officeDeadline },
    {
      header: "分行上报日期",
      format: "date",
      width: 12,
      value: (x) => x.r.officeReported,
      failed: (x) => x.w.officeReported,
    },
    { header: "分行结果", format: "text", width: 8, value: (x) => x.r.officeResult },
    {
      header: "说明",
      format: "text",
      width: 80,
      value: (x) => renderSteps(x.r.steps, "zh", "；"),
      failed: (x) => x.why,
    },
  ];
}

/** `rows` and `results` in the same order (warningTimeliness keeps the log order). */
export function buildWarningsSummary(
  rows: readonly WarningRow[],
  results: readonly WarningTimeliness[],
  ctx: SummaryContext
): BuiltSummary {
  if (rows.length !== results.length)
    throw new Error("预警时效：预警行与结果条数不一致（rows and results differ in length）");
  const def = summaryDef("warnings");
  const { policy } = ctx;
  const table = new Table(warningColumns(policy));
  const explanations: Record<string, ExplainStep[]> = {};
  const issues: Issue[] = [];
  const counts = { 按时: 0, 迟报: 0, 未上报: 0, 无法判断: 0 };
  results.forEach((r, i) => {
    const w = rows[i];
    if (!r.ok) {
      counts.无法判断 += 1;
      table.addAs("failed", { w, why: r.error.zh });
      issues.push({
        sheet: r.src.sheet,
        cell: a1(r.src.row, 0),
        severity: "warning",
        rule: "D.无法判断",
        message: r.error.zh,
        messageEn: r.error.en,
      });
      return;
    }
    counts[r.result] += 1;
    table.add({ w, r });
    if (ctx.keepSteps !== false) explanations[`${r.loanId}|${r.src.row}`] = r.steps;
  });
  const notes: CellValue[][] = [
    [
      "合计",
      `按时 ${counts.按时} 笔，迟报 ${counts.迟报} 笔，未上报 ${counts.未上报} 笔${counts.无法判断 ? `，无法判断 ${counts.无法判断} 笔` : ""}`,
    ],
    [
      "说明",
      "上报时限为支行向分行上报的期限（《贷款风险预警制度》第十一条）；上报日期晚于时限为迟报（第十八条）；分行向总行上报时限见第十二条",
    ],
    [
      null,
      `越权放贷、未落实贷款条件为管理风险预警，由分行直接上报总行、无支行时限（第十二条（一）2）：其上报时限为分行的时限，结果按分行上报日期判断（判断环节“${STAGE_OFFICE}”）`,
    ],
    ...noticeLines(ctx.notices).map((l) => [null, l[1]]),
  ];
  return {
    id: "warnings",
    model: {
      name: def.name,
      title: summaryTitle(def, policy, ctx.now, ctx.rejected),
      columns: table.columns,
      rows: table.rows,
      freezeHeader: true,
      notes,
    },
    explanations,
    issues,
  };
}

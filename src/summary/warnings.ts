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
import type { Band, WarningTimeliness } from "../rules/d";
import { renderSteps } from "../rules/explain";
import type { BuiltSummary, SummaryContext } from "./common";
import { col, moneyCell, noticeLines, summaryDef, summaryTitle } from "./common";
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
  const columns = [
    col("贷款编号", "text", 14),
    col("上报时限", "date", 12),
    col("支行上报日期", "date", 12),
    col("结果", "text", 8),
    col("判断环节", "text", 10),
    col("预警类型", "text", 10),
    col("预警级别", "text", 8),
    col("风险金额", "money", 16),
    col("金额档次", "text", 14),
    col("到期日期", "date", 12),
    col("发现日期", "date", 12),
    col("分行上报时限", "date", 12),
    col("分行上报日期", "date", 12),
    col("分行结果", "text", 8),
    col("说明", "text", 80),
  ];
  const out: CellValue[][] = [];
  const explanations: Record<string, ExplainStep[]> = {};
  const issues: Issue[] = [];
  const counts = { 按时: 0, 迟报: 0, 未上报: 0, 无法判断: 0 };
  results.forEach((r, i) => {
    const w = rows[i];
    const tail: CellValue[] = [w.type, w.level, moneyCell(w.amount, policy)];
    if (!r.ok) {
      counts.无法判断 += 1;
      out.push([
        w.loanId,
        null,
        w.branchReported,
        null,
        null,
        ...tail,
        null,
        w.maturity,
        w.found,
        null,
        w.officeReported,
        null,
        r.error.zh,
      ]);
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
    tail[1] = r.level;
    out.push([
      r.loanId,
      r.deadline,
      r.branchReported,
      r.result,
      r.stage === "分行" ? STAGE_OFFICE : STAGE_BRANCH,
      ...tail,
      r.band ? bandText(r.band, policy) : null,
      w.maturity,
      w.found,
      r.officeDeadline,
      r.officeReported,
      r.officeResult,
      renderSteps(r.steps, "zh", "；"),
    ]);
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
      columns,
      rows: out,
      freezeHeader: true,
      notes,
    },
    explanations,
    issues,
  };
}

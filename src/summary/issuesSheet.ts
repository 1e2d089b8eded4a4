/**
 * The 校验结果 sheet (WORKBOOK.md "What the add-in writes"): every validation issue — sheet,
 * cell, severity, rule, message — under a title line saying what it is, the counts, the policy
 * year, the amount unit and when it was made. Pure: the writers put it on a NEW sheet.
 */
import { SEVERITY_ZH } from "../core/issues";
import type { Issue, Severity } from "../core/issues";
import type { Policy } from "../policy/types";
import type { SheetModel } from "./model";

export const ISSUES_SHEET_NAME = "校验结果";

export const ISSUES_SHEET_HEADERS = ["工作表", "单元格", "严重程度", "规则", "说明"] as const;

export type IssueCounts = Record<Severity, number>;

export function countIssues(issues: readonly Issue[]): IssueCounts {
  const n: IssueCounts = { error: 0, warning: 0, info: 0 };
  for (const i of issues) n[i.severity]++;
  return n;
}

/** Local date and time "2025-03-01 09:05". */
export function stamp(d: Date): string {
  const p = (x: number) => String(x).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** `ready`: the ready line of 校验 (src/summary/readiness.ts), written below the list when given. */
export function issuesSheetModel(issues: readonly Issue[], policy: Policy, madeAt: Date, ready?: string): SheetModel {
  const n = countIssues(issues);
  const title =
    `${ISSUES_SHEET_NAME}：错误 ${n.error}，警告 ${n.warning}，提示 ${n.info} — ` +
    `${policy.year} 年度政策，金额单位：${policy.amountUnit}，生成于 ${stamp(madeAt)}`;
  return {
    name: ISSUES_SHEET_NAME,
    title,
    columns: [
      { header: "工作表", format: "text" },
      { header: "单元格", format: "text", width: 8 },
      { header: "严重程度", format: "text", width: 10 },
      { header: "规则", format: "text" },
      { header: "说明", format: "text", width: 60 },
    ],
    rows: issues.map((i) => [i.sheet, i.cell, SEVERITY_ZH[i.severity], i.rule, i.message]),
    freezeHeader: true,
    ...(ready ? { notes: [["结论", ready]] } : {}),
  };
}

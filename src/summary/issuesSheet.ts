/**
 * The 校验结果 sheet (WORKBOOK.md "What the add-in writes"): every validation issue — sheet,
 * cell, severity, rule, message — under a title line saying what it is, the counts, the policy
 * year, the amount unit and when it was made. Pure: the writers put it on a NEW sheet.
 */
import { CATEGORY_ZH, issueCategory, issuesOfCategory, SEVERITY_ZH } from "../core/issues";
import type { Issue, Severity } from "../core/issues";
import type { Policy } from "../policy/types";
import type { Column } from "./columns";
import { Table } from "./columns";
import type { SheetModel } from "./model";
import { SUMMARY_SHEET_NAMES } from "../core/sheetNames";

const ISSUES_SHEET_NAME = SUMMARY_SHEET_NAMES.issues;

/** (rev 2) the column added when there are compliance findings: 数据问题 / 合规提示 */
const ISSUES_CATEGORY_HEADER = "类别";

/** Data issues by severity, and (rev 2) the compliance findings (合规提示, A13) apart — never counted as 错误/警告. */
export type IssueCounts = Record<Severity, number> & { compliance: number };

export function countIssues(issues: readonly Issue[]): IssueCounts {
  const n: IssueCounts = { error: 0, warning: 0, info: 0, compliance: 0 };
  for (const i of issues) {
    if (issueCategory(i) === "compliance") n.compliance++;
    else n[i.severity]++;
  }
  return n;
}

/** Local date and time "2025-03-01 09:05". */
function stamp(d: Date): string {
  const p = (x: number) => String(x).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

const ISSUE_COLUMNS: readonly Column<Issue>[] = [
  { header: "工作表", format: "text", value: (i) => i.sheet },
  { header: "单元格", format: "text", width: 8, value: (i) => i.cell },
  { header: "严重程度", format: "text", width: 10, value: (i) => SEVERITY_ZH[i.severity] },
  { header: "规则", format: "text", value: (i) => i.rule },
  { header: "说明", format: "text", width: 60, value: (i) => i.message },
];

/** (rev 2) written only when there are compliance findings */
const CATEGORY_COLUMN: Column<Issue> = {
  header: ISSUES_CATEGORY_HEADER,
  format: "text",
  width: 10,
  value: (i) => CATEGORY_ZH[issueCategory(i)],
};

/** `ready`: the ready line of 校验 (src/summary/readiness.ts), written below the list when given. */
export function issuesSheetModel(
  issues: readonly Issue[],
  policy: Policy,
  madeAt: Date,
  ready?: string
): SheetModel {
  const n = countIssues(issues);
  const data = issuesOfCategory(issues, "data");
  const findings = issuesOfCategory(issues, "compliance");
  const withCategory = findings.length > 0;
  const table = new Table(withCategory ? [...ISSUE_COLUMNS, CATEGORY_COLUMN] : ISSUE_COLUMNS);
  for (const i of data) table.add(i);
  for (const i of findings) table.add(i);
  const title =
    `${ISSUES_SHEET_NAME}：错误 ${n.error}，警告 ${n.warning}，提示 ${n.info}${n.compliance > 0 ? `；${CATEGORY_ZH.compliance} ${n.compliance}` : ""} — ` +
    `${policy.year} 年度政策，金额单位：${policy.amountUnit}，生成于 ${stamp(madeAt)}`;
  return {
    name: ISSUES_SHEET_NAME,
    title,
    columns: table.columns,
    rows: table.rows,
    freezeHeader: true,
    // (rev 2) the compliance findings follow the data issues as their own group, with a heading note; the ready line of 校验 last
    ...(findings.length > 0 || ready
      ? {
          notes: [
            ...(findings.length > 0
              ? [
                  [
                    "合规提示",
                    `以上最后 ${findings.length} 行为合规提示（RULES.md A13，第十九、二十四、二十六、二十七、三十一条）：关于贷款如何发放的提示，不是数据错误，不影响任何汇总`,
                  ],
                ]
              : []),
            ...(ready ? [["结论", ready]] : []),
          ],
        }
      : {}),
  };
}

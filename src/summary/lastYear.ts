/**
 * (issue 18) Last year's tables applied to this year's data: the derived inputs (summarize,
 * build.ts) and the issues they give, which validate and the pane's 校验 report too
 * (readiness.ts {@link previousIssues}). Pure.
 */
import type { Issue } from "../core/issues";
import type { ManagerRow } from "../core/rows";
import type { WorkbookData } from "../reader/read";
import { cellOf } from "../reader/read";
import type { PreviousRead } from "../reader/previous";
import { deriveFromLastYear } from "../rules/previous";
import type { LastYear } from "../rules/previous";

/**
 * (issue 18) This year's 客户经理 rows with the inputs last year's tables give where the cells are
 * blank (src/rules/previous.ts); the unreadable cells follow their rows.
 */
export function withLastYear(
  data: WorkbookData,
  last: LastYear
): { data: WorkbookData; issues: Issue[]; addedColumns: string[] } {
  const info = data.tables.managers;
  if (!info) return { data, issues: [], addedColumns: [] };
  const bad = data.unreadable.managers;
  const withCustomers = new Set(data.customers.map((c) => c.manager));
  const d = deriveFromLastYear(data.managers, last, {
    present: new Set(Object.keys(info.columns)),
    unreadable: (m, key) => (bad.get(m) ?? []).some((c) => c.key === key),
    cellOf: (m, key) => (info.columns[key] !== undefined ? cellOf(info, m.src, key) : ""),
    corporate: (m) => withCustomers.has(m.id),
  });
  if (d.replaced.size === 0) return { data, issues: d.issues, addedColumns: [] };
  const unreadable = new Map(
    [...bad].map(([row, cells]) => [d.replaced.get(row as ManagerRow) ?? row, cells])
  );
  return {
    data: {
      ...data,
      managers: d.managers,
      unreadable: { ...data.unreadable, managers: unreadable },
    },
    issues: d.issues,
    addedColumns: d.addedColumns,
  };
}

/** (issue 18) The workbook's 上年… sheets, when last year's file (--previous) was given instead. */
export function workbookLastYearUnused(last: LastYear): Issue {
  const sheets = Object.values(last.sheets).join("、");
  return {
    sheet: "",
    cell: "",
    severity: "info",
    rule: "PREV.unused",
    message: `已给上年汇总文件（--previous），工作簿中的上年表（${sheets}）未使用`,
    messageEn: `last year's file was given (--previous): the workbook's own last-year sheets (${sheets}) are not used`,
  };
}

/**
 * The issues of last year's tables that summarize reports before any summary is made: those of
 * reading them (PREV.cell, PREV.duplicate, PREV.year), of deriving this year's blank inputs
 * (PREV.disagree, PREV.derived) and, when `given` is a file (--previous) while the workbook has
 * 上年… sheets too, PREV.unused. `given` null: the workbook's own 上年… sheets (`inWorkbook`).
 * The consecutive yellow cards (A7.连续黄牌, B5.连续黄牌) come with the summaries, not here.
 * `addedColumns`: the 客户经理 columns absent this year that last year's tables fill in (a summary
 * needing one is then made, not skipped).
 */
export function previousIssues(
  data: WorkbookData,
  inWorkbook: PreviousRead,
  given: PreviousRead | null
): { issues: Issue[]; addedColumns: string[] } {
  const used = given ?? inWorkbook;
  const history = used.lastYear ? withLastYear(data, used.lastYear) : null;
  return {
    issues: [
      ...used.issues,
      ...(given && inWorkbook.lastYear ? [workbookLastYearUnused(inWorkbook.lastYear)] : []),
      ...(history?.issues ?? []),
    ],
    addedColumns: history?.addedColumns ?? [],
  };
}

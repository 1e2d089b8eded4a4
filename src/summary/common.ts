/**
 * What every summary shares: the summaries' ids and sheet names (WORKBOOK.md "What the add-in
 * writes"), the title line, amounts in the workbook's unit, and small cell helpers. Pure.
 */
import type { CreditWhatIfInput } from "../rules/a/whatif";
import type { LastYear } from "../rules/previous";
import type { ExplainStep } from "../core/explain";
import type { Issue } from "../core/issues";
import type { Dec, DecLike } from "../core/money";
import { num2 } from "../core/money";
import type { Policy } from "../policy/types";
import { fromYuan } from "../policy/units";
import type { TableId } from "../reader/schema";
import { SCHEMA } from "../reader/schema";
import type { LeftOutRow } from "./leftOut";
import type { CellValue, ColumnFormat, ColumnSpec, SheetModel } from "./model";

import { SUMMARY_SHEET_NAMES as N, withoutCopySuffix } from "../core/sheetNames";
import type { SummaryId } from "../core/sheetNames";

export type { SummaryId };

export interface SummaryDef {
  id: SummaryId;
  /** the sheet name of WORKBOOK.md (core/sheetNames.ts) */
  name: string;
  /** what it is, for the title line and the task pane */
  titleZh: string;
  titleEn: string;
  /** the rules it applies (RULES.md ids) */
  rules: string;
  /** (issue 19) made only when asked for (`--statements`, --only, the pane's check box), not by default */
  optIn?: boolean;
  /**
   * (issue 19) made from other summaries (考核概览, 考核通知单, 公示名单): the rows it leaves out are
   * those of its sources, said once by them, not again (readiness.ts)
   */
  derived?: boolean;
}

/** In WORKBOOK.md order. */
export const SUMMARIES: readonly SummaryDef[] = [
  {
    id: "grades",
    name: N.grades,
    titleZh: "信贷客户经理考核等级汇总",
    titleEn: "Credit CM grade roster",
    rules: "A1–A5, A8",
  },
  {
    id: "bottom",
    name: N.bottom,
    titleZh: "责任不良贷款末位名单",
    titleEn: "Bottom list by responsible NPL",
    rules: "A6–A7",
  },
  {
    id: "buyout",
    name: N.buyout,
    titleZh: "退休客户经理责任不良贷款买断明细",
    titleEn: "Retirement buyout of responsible NPL",
    rules: "A9, A11",
  },
  {
    id: "exitPay",
    name: N.exitPay,
    titleZh: "按年龄离岗客户经理待遇依据",
    titleEn: "Post-exit pay basis",
    rules: "A6, A9, A10, A10b",
  },
  {
    id: "corporate",
    name: N.corporate,
    titleZh: "公司客户经理等级评定",
    titleEn: "Corporate CM levels",
    rules: "B1–B4",
  },
  {
    id: "errors",
    name: N.errors,
    titleZh: "差错积分汇总",
    titleEn: "Error points per CM",
    rules: "C",
  },
  {
    id: "warnings",
    name: N.warnings,
    titleZh: "风险预警上报时效",
    titleEn: "Risk-warning report deadlines",
    rules: "D",
  },
  {
    id: "annual",
    name: N.annual,
    titleZh: "责任不良贷款年度赔偿",
    titleEn: "Annual compensation of responsible NPL",
    rules: "A6, A12",
  },
  {
    id: "overview",
    name: N.overview,
    titleZh: "客户经理考核概览",
    titleEn: "Assessment overview",
    rules: "A1, A6, C, D",
    derived: true,
  },
  {
    id: "statements",
    name: N.statements,
    titleZh: "客户经理考核结果通知单",
    titleEn: "Per-CM result statements",
    rules: "A1–A8, B1–B4, C",
    optIn: true,
    derived: true,
  },
  {
    id: "posting",
    name: N.posting,
    titleZh: "客户经理考核结果公示名单",
    titleEn: "Results list for posting",
    rules: "A1–A8, B4",
    optIn: true,
    derived: true,
  },
  {
    id: "issues",
    name: N.issues,
    titleZh: "数据校验结果",
    titleEn: "Validation results",
    rules: "",
  },
];

export const SUMMARY_IDS: readonly SummaryId[] = SUMMARIES.map((s) => s.id);

export function summaryDef(id: SummaryId): SummaryDef {
  return SUMMARIES.find((s) => s.id === id)!;
}

/** An id ("grades") or a sheet name ("等级汇总", also with a " (2)" suffix) → the summary id; null when unknown. */
export function summaryIdOf(nameOrId: string): SummaryId | null {
  const s = nameOrId.trim();
  const base = withoutCopySuffix(s);
  const hit = SUMMARIES.find(
    (d) => d.id === s || d.name === base || d.titleEn.toLowerCase() === s.toLowerCase()
  );
  return hit ? hit.id : null;
}

/** "2026-01-05 09:30" in the clock's local time. */
export function formatMadeAt(now: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())} ${p(now.getHours())}:${p(now.getMinutes())}`;
}

/** Rows the reader rejected, per table used by a summary. */
export type RejectedRows = Partial<Record<TableId, number>>;

/** "3 行因数据错误未计入（贷款台账 2 行、客户经理 1 行）"; "" when none. */
export function rejectedText(rejected: RejectedRows): string {
  const parts = (Object.keys(rejected) as TableId[]).filter((t) => (rejected[t] ?? 0) > 0);
  if (parts.length === 0) return "";
  const total = parts.reduce((n, t) => n + (rejected[t] ?? 0), 0);
  const detail = parts.map((t) => `${SCHEMA[t].zh} ${rejected[t]} 行`).join("、");
  return `${total} 行因数据错误未计入（${detail}）`;
}

/**
 * The title line of a summary sheet: (rev 2) the 单位名称 when set, what it is, the policy year, the amount unit, when it was
 * made, and the rows left out because of data errors.
 */
export function summaryTitle(
  def: SummaryDef,
  policy: Policy,
  now: Date,
  rejected: RejectedRows = {}
): string {
  const parts = [
    // (rev 2) the 单位名称, when set, leads the title as on a filed report: “某某支行信贷客户经理考核等级汇总”
    `${policy.unitName ?? ""}${def.titleZh}（${def.titleEn}）`,
    `政策年度 ${policy.year}`,
    `评定日期 ${policy.assessmentDate}`,
    `金额单位 ${policy.amountUnit}`,
    `生成时间 ${formatMadeAt(now)}`,
  ];
  const rej = rejectedText(rejected);
  if (rej) parts.push(rej);
  return parts.join("｜");
}

/** (rev 2) The title line with the note on how the policy year was chosen: "政策年度 2025（未指定年度，1–6 月默认上一年度（第十四条））". */
export function withYearNote(title: string, policy: Policy, note: string): string {
  const at = `政策年度 ${policy.year}`;
  return title.includes(at) ? title.replace(at, `${at}（${note}）`) : title;
}

/** An amount in 元 → the workbook's unit, rounded half-up to 0.01, as a cell number. */
export function moneyCell(x: DecLike | null | undefined, policy: Policy): number | null {
  if (x === null || x === undefined) return null;
  return num2(fromYuan(x, policy.amountUnit));
}

/** An amount in 元 as a cell number, NOT converted (figures the rules fix in 元, e.g. 通讯费). */
export function yuanCell(x: DecLike | null | undefined): number | null {
  if (x === null || x === undefined) return null;
  return num2(x);
}

export function yesNo(b: boolean | null | undefined): string | null {
  if (b === null || b === undefined) return null;
  return b ? "是" : "否";
}

export function col(header: string, format: ColumnFormat, width?: number): ColumnSpec {
  return width === undefined ? { header, format } : { header, format, width };
}

/** A Decimal or number → a JS number for a score cell (already rounded by the rules). */
export function numCell(x: Dec | number | null | undefined): number | null {
  if (x === null || x === undefined) return null;
  return typeof x === "number" ? x : x.toNumber();
}

/** What a builder needs besides its rows: the policy, the clock, the rows the reader rejected, extra notes. */
export interface SummaryContext {
  policy: Policy;
  now: Date;
  rejected?: RejectedRows;
  /** notices written below the table (e.g. an optional column that is absent) */
  notices?: string[];
  /** keep each row's explanation steps in the result (default true; the CLI only writes the 说明 texts) */
  keepSteps?: boolean;
  /** (rev 2) the rows this summary leaves out for unreadable cells (named in `notices`); a "nobody…" statement holds only when it is empty */
  leftOut?: readonly LeftOutRow[];
  /** (rev 2) employee ids with a row of another table left out: their figures here would be incomplete */
  incompleteOwners?: ReadonlySet<string>;
  /** (issue 18) last year's tables (上年等级 / 变化 columns, consecutive yellow cards); absent or null: none */
  lastYear?: LastYear | null;
}

/** A built summary: its sheet, the explanation of each row by key (员工号, 员工号|贷款编号), problems found while building. */
export interface BuiltSummary {
  id: SummaryId;
  model: SheetModel;
  explanations: Record<string, ExplainStep[]>;
  issues: Issue[];
  /** (issue 18, 等级汇总 only) what the pane's what-if needs per 员工号; kept with the steps (keepSteps) */
  whatIf?: Record<string, CreditWhatIfInput>;
}

/** Notes lines of the notices (one per line, under a 说明 label). */
export function noticeLines(notices: readonly string[] | undefined): CellValue[][] {
  if (!notices || notices.length === 0) return [];
  return notices.map((n, i) => [i === 0 ? "说明" : null, n]);
}

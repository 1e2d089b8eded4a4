/**
 * ONE entry point for the summaries, used by the CLI (`cm-addin summarize`) and the task pane
 * (src/excel/summaries.ts), so both produce the same sheets from the same workbook:
 *
 *   grid → reader + validator (rows with errors left out, counted) → rules → SheetModels.
 *
 * A summary whose data is not there (a sheet or a column missing) is skipped with the reason.
 * Pure: the clock is passed in.
 */
import type { ExplainStep } from "../core/explain";
import type { Issue } from "../core/issues";
import type { Policy } from "../policy/types";
import type { WorkbookGrid } from "../reader/grid";
import type { ReadOptions, WorkbookData } from "../reader/read";
import { sortIssues } from "../reader/read";
import { columnName, rulesText, SCHEMA } from "../reader/schema";
import type { TableId } from "../reader/schema";
import { validateWorkbookFull } from "../reader/validate";
import type { Validation } from "../reader/validate";
import { corporateResults } from "../rules/b";
import { errorPointsByManager } from "../rules/c";
import { warningTimeliness } from "../rules/d";
import type { Availability } from "./availability";
import { foundColumnsOfTables, SUMMARY_NEEDS, summaryAvailability } from "./availability";
import type { BuiltSummary, RejectedRows, SummaryContext, SummaryId } from "./common";
import { SUMMARIES, summaryDef, summaryIdOf } from "./common";
import { buildCorporateSummary } from "./corporate";
import { buildErrorPointsSummary } from "./errorPoints";
import { buildCreditSummaries } from "./credit";
import { issuesSheetModel } from "./issuesSheet";
import type { SheetModel } from "./model";
import { printReady } from "./print";
import { withBranchBlock } from "./branches";
import { buildWarningsSummary } from "./warnings";
import { buildAnnualSummary } from "./annual";

export interface BuildOptions {
  /** when the summaries are made (title line) */
  now: Date;
  /** summary ids ("grades") or sheet names ("等级汇总"); default: all */
  only?: readonly string[];
  /** issues found before (e.g. the CLI's --policy file); merged, each once */
  extraIssues?: readonly Issue[];
  /**
   * Keep each row's explanation steps in the result (default true: the task pane shows them).
   * The CLI writes the rendered 说明 texts only and passes false, so the steps of 10,000 rows
   * are let go as soon as each summary is built.
   */
  explanations?: boolean;
}

/** Issues, each once (same sheet, cell, rule and message). */
export function uniqueIssues(issues: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.sheet}\u0000${i.cell}\u0000${i.rule}\u0000${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export interface SkippedSummary {
  id: SummaryId;
  name: string;
  reasonZh: string;
  reasonEn: string;
}

export interface SummariesResult {
  /** the policy used */
  policy: Policy;
  /** in WORKBOOK.md order (校验结果 last) */
  models: SheetModel[];
  /** the summary id of each model (same order) */
  ids: SummaryId[];
  skipped: SkippedSummary[];
  /** validation issues plus what the rules could not compute, sorted by sheet, row, column */
  issues: Issue[];
  /** per summary, the explanation of each row by key (员工号; 员工号|贷款编号 for 退休买断); empty when not kept (BuildOptions.explanations) */
  explanations: Partial<Record<SummaryId, Record<string, ExplainStep[]>>>;
  availability: Record<SummaryId, Availability>;
}

/** The ids `only` names, in WORKBOOK.md order; an unknown name is an Error naming it. */
export function selectSummaries(only?: readonly string[]): SummaryId[] {
  if (!only) return SUMMARIES.map((s) => s.id);
  const wanted = new Set<SummaryId>();
  for (const n of only) {
    const id = summaryIdOf(n);
    if (!id) throw new Error(`未知的汇总表“${n}”（unknown summary）；可选：${SUMMARIES.map((s) => s.name).join("、")}`);
    wanted.add(id);
  }
  return SUMMARIES.map((s) => s.id).filter((id) => wanted.has(id));
}

function tablesOf(id: SummaryId): TableId[] {
  return SUMMARY_NEEDS[id].map((n) => n.table);
}

function rejectedFor(id: SummaryId, data: WorkbookData): RejectedRows {
  const out: RejectedRows = {};
  for (const t of tablesOf(id)) if (data.invalidRows[t] > 0) out[t] = data.invalidRows[t];
  return out;
}

/** "“客户经理”表无“首次任职日期”列：A5 未应用" for each optional column that is absent. */
function absentNotices(a: Availability): string[] {
  return a.absentOptional.map((o) => {
    const c = SCHEMA[o.table].columns.find((x) => columnName(x) === o.column)!;
    return `“${SCHEMA[o.table].zh}”表无“${o.column}”列：${rulesText(c).zh} 中用到它的部分未应用`;
  });
}

function contextFor(id: SummaryId, policy: Policy, opts: BuildOptions, data: WorkbookData, a: Availability): SummaryContext {
  return { policy, now: opts.now, rejected: rejectedFor(id, data), notices: absentNotices(a), keepSteps: opts.explanations !== false };
}

/**
 * The first half of {@link buildSummaries}: the workbook read and validated. After it the grid
 * is not needed, so a caller holding a large workbook can let it go before the rules run, or
 * have its rows let go as they are read (`consumeGrid`, src/reader/read.ts) — the CLI does: a
 * 100,000-row ledger's grid is as large as its typed rows.
 */
export function readForSummaries(grid: WorkbookGrid, policy: Policy, opts: ReadOptions = {}): Validation {
  return validateWorkbookFull(grid, policy, opts);
}

/** Builds every wanted summary the data allows. */
export function buildSummaries(grid: WorkbookGrid, policy: Policy, opts: BuildOptions): SummariesResult {
  return summariesOf(readForSummaries(grid, policy), policy, opts);
}

/** The second half of {@link buildSummaries}: the summaries of a workbook read by {@link readForSummaries}. */
export function summariesOf(v: Validation, policy: Policy, opts: BuildOptions): SummariesResult {
  const wanted = selectSummaries(opts.only);
  const data = v.data;
  const availability = summaryAvailability(foundColumnsOfTables(data.tables));
  const skipped: SkippedSummary[] = [];
  const built: BuiltSummary[] = [];
  const can = (id: SummaryId) => {
    if (!wanted.includes(id)) return false;
    const a = availability[id];
    if (!a.available) skipped.push({ id, name: summaryDef(id).name, reasonZh: a.reasonZh, reasonEn: a.reasonEn });
    return a.available;
  };
  const ctx = (id: SummaryId) => contextFor(id, policy, opts, data, availability[id]);

  const credit = { grades: can("grades"), bottom: can("bottom"), buyout: can("buyout"), exitPay: can("exitPay") };
  if (credit.grades || credit.bottom || credit.buyout || credit.exitPay) {
    built.push(
      ...buildCreditSummaries(data, {
        grades: credit.grades ? ctx("grades") : null,
        bottom: credit.bottom ? ctx("bottom") : null,
        buyout: credit.buyout ? ctx("buyout") : null,
        exitPay: credit.exitPay ? ctx("exitPay") : null,
      }),
    );
  }
  if (can("corporate")) {
    const withCustomers = new Set(data.customers.map((c) => c.manager));
    const corp = data.managers.filter((m) => m.level !== null || withCustomers.has(m.id));
    // B4 step 0 (rev 2) reads the error log's ✕ items; without a 差错记录 sheet each row says it was not judged
    built.push(buildCorporateSummary(corporateResults(corp, data.customers, policy, data.tables.errors ? data.errors : null), ctx("corporate")));
  }
  if (can("errors")) {
    built.push(buildErrorPointsSummary(errorPointsByManager(data.errors, policy), data.tables.managers ? data.managers : null, ctx("errors")));
  }
  if (can("warnings")) {
    // management warnings (rev 2) are judged on 分行上报日期: without that column they cannot be judged
    const officeColumn = data.tables.warnings?.columns.officeReported !== undefined;
    built.push(buildWarningsSummary(data.warnings, warningTimeliness(data.warnings, policy, officeColumn), ctx("warnings")));
  }
  if (can("annual")) {
    built.push(buildAnnualSummary(data.loans, data.tables.managers ? data.managers : null, ctx("annual")));
  }

  const issues = sortIssues(uniqueIssues([...(opts.extraIssues ?? []), ...v.issues, ...built.flatMap((b) => b.issues)]), v.sheetNames);
  const order = (id: SummaryId) => SUMMARIES.findIndex((s) => s.id === id);
  built.sort((a, b) => order(a.id) - order(b.id));
  // (issue 15 item 6) the per-branch grade counts after 等级汇总's peer averages
  const models = built.map((b) => (b.id === "grades" ? withBranchBlock(b.model) : b.model));
  const ids = built.map((b) => b.id);
  if (wanted.includes("issues")) {
    models.push(issuesSheetModel(issues, policy, opts.now));
    ids.push("issues");
  }
  // (rev 2) every summary, whichever builder made it, prints as a report (src/summary/print.ts)
  models.forEach((m, i) => (models[i] = printReady(m, policy, opts.now)));
  const explanations: SummariesResult["explanations"] = {};
  for (const b of built) explanations[b.id] = b.explanations;
  return { policy, models, ids, skipped, issues, explanations, availability };
}

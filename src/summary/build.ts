/**
 * ONE entry point for the summaries, used by the CLI (`cm-addin summarize`) and the task pane
 * (src/excel/summaries.ts), so both produce the same sheets from the same workbook:
 *
 *   grid → reader + validator → per summary the rows its columns allow (leftOut.ts: a bad
 *   cell leaves its row out only of the summaries that need its column, each naming it) →
 *   rules → SheetModels; the notices validate shares (readiness.ts) with the issues.
 *
 * A summary whose data is not there (a sheet or a column missing) is skipped with the reason.
 * Pure: the clock is passed in.
 */
import type { CreditWhatIfInput } from "../rules/a/whatif";
import type { ExplainStep } from "../core/explain";
import type { Issue } from "../core/issues";
import type { Policy } from "../policy/types";
import type { WorkbookGrid } from "../core/grid";
import type { ReadOptions, WorkbookData } from "../reader/read";
import { sortIssues } from "../reader/read";
import { columnName, rulesText, SCHEMA } from "../reader/schema";
import { validateWorkbookFull } from "../reader/validate";
import type { Validation } from "../reader/validate";
import { corporateResults } from "../rules/b";
import { errorPointsByManager } from "../rules/c";
import { warningTimeliness } from "../rules/d";
import type { Availability } from "./availability";
import { foundColumnsOfTables, summaryAvailability } from "./availability";
import type { BuiltSummary, SummaryContext, SummaryId } from "./common";
import { SUMMARIES, summaryDef, summaryIdOf, withYearNote } from "./common";
import { buildCorporateSummary } from "./corporate";
import { buildErrorPointsSummary } from "./errorPoints";
import { buildCreditSummaries } from "./credit";
import { issuesSheetModel } from "./issuesSheet";
import { leftOutCounts, leftOutLines, summaryView } from "./leftOut";
import type { SummaryView } from "./leftOut";
import { dataNotices, SKIPPED_RULE } from "./readiness";
import type { SheetModel } from "./model";
import { printReady } from "./print";
import { withBranchBlock } from "./branches";
import { buildWarningsSummary } from "./warnings";
import { buildAnnualSummary } from "./annual";
import { buildPosting, buildStatements, statementSources } from "./statements";
import { overviewOfRun, withOverviewSources } from "./overview";
import { responsibleNplBalances } from "../rules/a/npl";
import {
  inputFingerprint,
  policyFingerprint,
  withFingerprints,
  withLastYearFingerprint,
} from "./fingerprint";
import { readPrevious } from "../reader/previous";
import type { PreviousRead } from "../reader/previous";
import { withLastYear, workbookLastYearUnused } from "./lastYear";

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
  /** (rev 2) how the policy year was chosen when it is a default (第十四条), for the title lines; absent when the user or the sheet gave it */
  yearNote?: string;
  /** (issue 18) last year's summaries read from another file (the CLI's --previous); default: the workbook's 上年… sheets */
  previous?: PreviousRead;
}

/** Issues, each once (same sheet, cell, rule and message). */
function uniqueIssues(issues: readonly Issue[]): Issue[] {
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
  /** (issue 18) 等级汇总's what-if inputs by 员工号 (the pane's 假设分析); absent when not kept */
  whatIf?: Record<string, CreditWhatIfInput>;
  /** (issue 18) last year's tables used (上年等级 / 变化, derived inputs): where they were read; null when none */
  lastYear?: { source: string; sheets: string[] } | null;
}

/** The ids `only` names, in WORKBOOK.md order; an unknown name is an Error naming it. */
export function selectSummaries(only?: readonly string[]): SummaryId[] {
  if (!only) return SUMMARIES.filter((s) => !s.optIn).map((s) => s.id);
  const wanted = new Set<SummaryId>();
  for (const n of only) {
    const id = summaryIdOf(n);
    if (!id)
      throw new Error(
        `未知的汇总表“${n}”（unknown summary）；可选：${SUMMARIES.map((s) => s.name).join("、")}`
      );
    wanted.add(id);
  }
  return SUMMARIES.map((s) => s.id).filter((id) => wanted.has(id));
}

/** "“客户经理”表无“首次任职日期”列：A5 未应用" for each optional column that is absent. */
function absentNotices(a: Availability): string[] {
  return a.absentOptional.map((o) => {
    const c = SCHEMA[o.table].columns.find((x) => columnName(x) === o.column)!;
    return `“${SCHEMA[o.table].zh}”表无“${o.column}”列：${rulesText(c).zh} 中用到它的部分未应用`;
  });
}

/** "王强：其公司客户有未能读取的行（见上），未计入" for the CMs a summary leaves out for another table's rows. */
function incompleteNotices(
  v: SummaryView,
  names: ReadonlyMap<string, string>,
  what: string
): string[] {
  return [...v.incompleteOwners].map(
    (id) => `${names.get(id) ?? id}（${id}）：其${what}有未能读取的行（见上），未评定`
  );
}

function contextFor(
  id: SummaryId,
  policy: Policy,
  opts: BuildOptions,
  v: SummaryView,
  a: Availability,
  extra: string[] = []
): SummaryContext {
  return {
    policy,
    now: opts.now,
    rejected: leftOutCounts(v.leftOut),
    notices: [...leftOutLines(v.leftOut), ...extra, ...absentNotices(a)],
    leftOut: v.leftOut,
    incompleteOwners: v.incompleteOwners,
    keepSteps: opts.explanations !== false,
  };
}

/** Do two views hold the same rows of the tables rule set A reads? (then 末位名单 and 退休买断 share one pass over the loans) */
function sameRows(a: WorkbookData, b: WorkbookData): boolean {
  return a.managers === b.managers && a.loans === b.loans;
}

/** What the builders of one run share: the data, each summary's view and context, the summaries built so far. */
export interface Run {
  policy: Policy;
  opts: BuildOptions;
  data: WorkbookData;
  wanted: readonly SummaryId[];
  availability: Record<SummaryId, Availability>;
  /** the summaries built so far, in the table's order */
  built: BuiltSummary[];
  /** is the summary to be built (wanted, or a source of one wanted) and are its data there? A wanted one that cannot is recorded as skipped, once */
  can(id: SummaryId): boolean;
  /** the rows the summary can use (leftOut.ts) */
  view(id: SummaryId): SummaryView;
  ctx(id: SummaryId, extra?: string[]): SummaryContext;
  /** 员工号 → 姓名 of the whole 客户经理 table */
  names: ReadonlyMap<string, string>;
  /** C's scores per CM: set by the 差错积分汇总 entry, read by 考核概览's */
  errorPoints: ReturnType<typeof errorPointsByManager> | null;
}

/** A summary's builder: what it makes of a run (usually its own summary; the shared pass of rule set A makes two). */
export interface SummaryBuilder {
  id: SummaryId;
  build(run: Run): BuiltSummary[];
}

const NO_CREDIT = { grades: null, bottom: null, buyout: null, exitPay: null };

/** Rule set A's summaries made in one pass over a view (credit.ts). */
function credit(run: Run, ids: readonly ("grades" | "bottom" | "buyout" | "exitPay")[]) {
  const ctxs = { ...NO_CREDIT, ...Object.fromEntries(ids.map((id) => [id, run.ctx(id)])) };
  return buildCreditSummaries(run.view(ids[0]).data, ctxs);
}

/** 末位名单 and 退休买断 share one pass over the loans when both are built from the same rows. */
function bottomBuyoutShared(run: Run): boolean {
  return (
    run.can("bottom") &&
    run.can("buyout") &&
    sameRows(run.view("bottom").data, run.view("buyout").data)
  );
}

/**
 * The builders, in SUMMARIES order (校验结果 is made last, from the issues of all: summariesOf).
 * A derived summary (考核概览, 考核通知单, 公示名单) reads the summaries built before it.
 */
export const BUILDERS: readonly SummaryBuilder[] = [
  { id: "grades", build: (r) => credit(r, ["grades"]) },
  {
    id: "bottom",
    build: (r) => credit(r, bottomBuyoutShared(r) ? ["bottom", "buyout"] : ["bottom"]),
  },
  // built by 末位名单's entry when the two share a pass
  { id: "buyout", build: (r) => (bottomBuyoutShared(r) ? [] : credit(r, ["buyout"])) },
  { id: "exitPay", build: (r) => credit(r, ["exitPay"]) },
  {
    id: "corporate",
    build: (r) => {
      const v = r.view("corporate");
      // a CM one of whose customer rows was left out would be judged on part of his figures: left out, named
      const withCustomers = new Set(v.data.customers.map((c) => c.manager));
      const corp = v.data.managers.filter(
        (m) => (m.level !== null || withCustomers.has(m.id)) && !v.incompleteOwners.has(m.id)
      );
      const customers = v.data.customers.filter((c) => !v.incompleteOwners.has(c.manager));
      // B4 step 0 (rev 2) reads the error log's ✕ items; without a 差错记录 sheet each row says it was not judged
      const errors = r.data.tables.errors ? r.data.errors : null;
      // (issue 18) 本年后三名 shown only when the 客户经理 table has the column
      const bottom3 =
        r.data.tables.managers?.columns.bottom3ThisYear !== undefined
          ? new Map(corp.map((m) => [m.id, m.bottom3ThisYear ?? null]))
          : null;
      return [
        buildCorporateSummary(
          corporateResults(corp, customers, r.policy, errors),
          r.ctx("corporate", incompleteNotices(v, r.names, "公司客户")),
          bottom3
        ),
      ];
    },
  },
  {
    id: "errors",
    build: (r) => {
      r.errorPoints = errorPointsByManager(r.view("errors").data.errors, r.policy);
      const managers = r.data.tables.managers ? r.data.managers : null;
      return [buildErrorPointsSummary(r.errorPoints, managers, r.ctx("errors"))];
    },
  },
  {
    id: "warnings",
    build: (r) => {
      const v = r.view("warnings");
      // management warnings (rev 2) are judged on 分行上报日期: without that column they cannot be judged
      const officeColumn = r.data.tables.warnings?.columns.officeReported !== undefined;
      const results = warningTimeliness(v.data.warnings, r.policy, officeColumn);
      return [buildWarningsSummary(v.data.warnings, results, r.ctx("warnings"))];
    },
  },
  {
    id: "annual",
    build: (r) => {
      const managers = r.data.tables.managers ? r.data.managers : null;
      return [buildAnnualSummary(r.view("annual").data.loans, managers, r.ctx("annual"))];
    },
  },
  // derived: from 等级汇总, 预警时效 (built before), A6's balances and C's scores (the 差错积分汇总 entry's)
  {
    id: "overview",
    build: (r) => {
      const npl = () => ({
        balances: responsibleNplBalances(r.view("bottom").data.loans, r.policy),
        names: new Map(r.view("bottom").data.managers.map((m) => [m.id, m.name ?? m.id])),
      });
      const leftOut = (id: SummaryId) =>
        r.availability[id].available && r.view(id).leftOut.length > 0;
      const rules = { npl, errors: r.errorPoints, leftOut };
      return [overviewOfRun(r.built, rules, r.availability, r.ctx("overview"))];
    },
  },
  // derived: from the summaries built before (statementSources: built for them when not wanted)
  {
    id: "statements",
    build: (r) => [buildStatements(r.built, r.data.managers, r.policy, r.opts.now)],
  },
  { id: "posting", build: (r) => [buildPosting(r.built, r.data.managers, r.policy, r.opts.now)] },
];

/**
 * The first half of {@link buildSummaries}: the workbook read and validated. After it the grid
 * is not needed, so a caller holding a large workbook can let it go before the rules run, or
 * have its rows let go as they are read (`consumeGrid`, src/reader/read.ts) — the CLI does: a
 * 100,000-row ledger's grid is as large as its typed rows.
 */
export function readForSummaries(
  grid: WorkbookGrid,
  policy: Policy,
  opts: ReadOptions = {}
): Validation & { inputFingerprint: string; previous: PreviousRead } {
  // (issue 19) the fingerprint of the cells read, before `consumeGrid` lets the rows go (src/summary/fingerprint.ts)
  const fp = inputFingerprint(grid);
  // (issue 18) the workbook's own 上年… sheets, read before the rows are let go
  const previous = readPrevious(grid, policy, { inWorkbook: true });
  return { ...validateWorkbookFull(grid, policy, opts), inputFingerprint: fp, previous };
}

/** Builds every wanted summary the data allows. */
export function buildSummaries(
  grid: WorkbookGrid,
  policy: Policy,
  opts: BuildOptions
): SummariesResult {
  return summariesOf(readForSummaries(grid, policy), policy, opts);
}

/** The second half of {@link buildSummaries}: the summaries of a workbook read by {@link readForSummaries}. */
export function summariesOf(
  v: Validation & { inputFingerprint: string; previous?: PreviousRead },
  policy: Policy,
  opts: BuildOptions
): SummariesResult {
  const wanted = selectSummaries(opts.only);
  // (issue 19) 考核通知单 and 公示名单 are made from other summaries: those are built for them (their steps kept), written only when wanted
  const sources = statementSources(wanted);
  // (issue 19) 考核概览 is built from other summaries too: they are built with it, written only when wanted
  const building = [...new Set([...withOverviewSources(wanted), ...sources])];
  // (issue 18) last year's tables: --previous, else the workbook's 上年… sheets
  const previous = opts.previous ?? v.previous ?? null;
  const last = previous?.lastYear ?? null;
  const history = last
    ? withLastYear(v.data, last)
    : { data: v.data, issues: [], addedColumns: [] as string[] };
  const data = history.data;
  const found = foundColumnsOfTables(data.tables);
  if (found.managers && history.addedColumns.length > 0)
    found.managers = new Set([...found.managers, ...history.addedColumns]);
  const availability = summaryAvailability(found);
  const skipped: SkippedSummary[] = [];
  const cans = new Map<SummaryId, boolean>();
  const can = (id: SummaryId): boolean => {
    let ok = cans.get(id);
    if (ok !== undefined) return ok;
    const a = availability[id];
    ok = building.includes(id) && a.available;
    if (building.includes(id) && !a.available && wanted.includes(id))
      skipped.push({ id, name: summaryDef(id).name, reasonZh: a.reasonZh, reasonEn: a.reasonEn });
    cans.set(id, ok);
    return ok;
  };
  // each summary reads the rows it can use: a bad cell leaves its row out only of the summaries that need its column
  const views = new Map<SummaryId, SummaryView>();
  const view = (id: SummaryId): SummaryView => {
    let v = views.get(id);
    if (!v) views.set(id, (v = summaryView(id, data)));
    return v;
  };
  const stepOpts = sources.length > 0 ? { ...opts, explanations: true } : opts;
  const run: Run = {
    policy,
    opts,
    data,
    wanted,
    availability,
    built: [],
    can,
    view,
    ctx: (id, extra = []) => ({
      ...contextFor(id, policy, stepOpts, view(id), availability[id], extra),
      // (issue 18) last year's tables (上年等级 / 变化)
      lastYear: last,
    }),
    names: new Map(data.managers.map((m) => [m.id, m.name])),
    errorPoints: null,
  };
  const built = run.built;
  for (const b of BUILDERS) if (can(b.id)) built.push(...b.build(run));

  // the notices validate gives too (readiness.ts): rows left out per summary, unset policy figures; skipped summaries are in `skipped`
  const notices = dataNotices(v, wanted, history.addedColumns).filter(
    (i) => i.rule !== SKIPPED_RULE
  );
  const issues = sortIssues(
    uniqueIssues([
      ...(opts.extraIssues ?? []),
      ...v.issues,
      ...(previous?.issues ?? []),
      ...(opts.previous && v.previous?.lastYear
        ? [workbookLastYearUnused(v.previous.lastYear)]
        : []),
      ...history.issues,
      ...notices,
      ...built.flatMap((b) => b.issues),
    ]),
    v.sheetNames
  );
  // the sources built only for 考核通知单 / 公示名单 / 考核概览 are not written (their issues are kept above)
  if (building.length > wanted.length)
    built.splice(0, built.length, ...built.filter((x) => wanted.includes(x.id)));
  const order = (id: SummaryId) => SUMMARIES.findIndex((s) => s.id === id);
  built.sort((a, b) => order(a.id) - order(b.id));
  // (issue 15 item 6) the per-branch grade counts after 等级汇总's peer averages
  const models = built.map((b) => (b.id === "grades" ? withBranchBlock(b.model) : b.model));
  const ids = built.map((b) => b.id);
  if (wanted.includes("issues")) {
    models.push(issuesSheetModel(issues, policy, opts.now));
    ids.push("issues");
  }
  if (opts.yearNote)
    for (const m of models) if (m.title) m.title = withYearNote(m.title, policy, opts.yearNote);
  const fp = {
    policy: policyFingerprint(policy),
    input: last ? withLastYearFingerprint(v.inputFingerprint, last) : v.inputFingerprint,
  };
  for (const m of models) if (m.title) m.title = withFingerprints(m.title, fp);
  // (rev 2) every summary, whichever builder made it, prints as a report (src/summary/print.ts)
  models.forEach((m, i) => (models[i] = printReady(m, policy, opts.now)));
  const explanations: SummariesResult["explanations"] = {};
  for (const b of built) explanations[b.id] = b.explanations;
  const whatIf = built.find((b) => b.id === "grades")?.whatIf;
  const lastYear = last ? { source: last.source, sheets: Object.values(last.sheets) } : null;
  return {
    policy,
    models,
    ids,
    skipped,
    issues,
    explanations,
    availability,
    lastYear,
    ...(whatIf ? { whatIf } : {}),
  };
}

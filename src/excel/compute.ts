/**
 * Where the pane's long computations run: 汇总 (src/summary/build.ts `buildSummaries`) and
 * 校验 (src/summary/readiness.ts `checkWorkbook`). By default in the calling thread (the CLI,
 * the tests); the task pane registers a Web Worker (src/taskpane/workerBoot.ts) so that the
 * seconds of rules work on a county workbook never block the shared runtime's only thread: the
 * pane stays responsive, the CM.* functions keep answering, Office does not see an unresponsive
 * add-in. The worker runs the same code on a structured clone of the grid and the policy (plain
 * data: no Decimal crosses the boundary), sent in pieces (./transfer.ts).
 */
import type { WorkbookGrid } from "../core/grid";
import type { TableId } from "../reader/schema";
import { TABLE_IDS } from "../reader/schema";
import type { WorkbookData } from "../reader/read";
import type { Policy } from "../policy/types";
import type { BuildOptions, SummariesResult } from "../summary/build";
import { buildSummaries } from "../summary/build";
import type { ExplainStep } from "../core/explain";
import type { SummaryId } from "../summary/common";
import type { Check } from "../summary/readiness";
import { checkWorkbook } from "../summary/readiness";

/** The options that can cross to a worker (plain data). */
export interface ComputeOptions extends Pick<
  BuildOptions,
  "now" | "only" | "extraIssues" | "yearNote"
> {
  /**
   * The summaries whose explanation steps come back in the result (default: every summary's).
   * The pane asks only for those its explanation panel shows (src/excel/summaries.ts
   * EXPLAINED_SUMMARIES) and 核对 for none: on a county the others are ~100,000 rows of steps
   * that would be cloned to the pane's thread for nothing.
   */
  keepExplanations?: readonly SummaryId[];
  /**
   * The summaries whose explanation steps stay in the worker, asked for one row at a time
   * ({@link computeRowSteps}) when the user opens a row's explanation: the pane's 等级汇总 and
   * 退休买断 (on a county ~10,000 CMs' steps: a second of cloning on each thread). Honoured only in
   * a thread that keeps steps ({@link keepStepsInThisThread}: the worker); elsewhere they stay in the
   * result.
   */
  stepsOnRequest?: readonly SummaryId[];
}

/** A result of 汇总 as computed here: {@link ComputedSummaries.stepsKept} names the summaries whose steps stayed in the worker. */
export interface ComputedSummaries extends SummariesResult {
  /** steps of these summaries are not in `explanations`: ask {@link computeRowSteps} */
  stepsKept?: SummaryId[];
}

/** The steps kept in this thread (the worker), of the last 汇总 that asked for it; null: this thread keeps none. */
let keptSteps: Map<SummaryId, Record<string, ExplainStep[]>> | null = null;

/** Called once by the worker (src/taskpane/summaryWorker.ts): this thread keeps steps for {@link ComputeOptions.stepsOnRequest}. */
export function keepStepsInThisThread(): void {
  keptSteps ??= new Map();
}

/** Moves the steps of `ids` from `result` into this thread's store (when it keeps steps). */
function keepSteps(result: SummariesResult, ids?: readonly SummaryId[]): ComputedSummaries {
  if (!keptSteps || !ids) return result;
  keptSteps.clear();
  const explanations: SummariesResult["explanations"] = { ...result.explanations };
  const stepsKept: SummaryId[] = [];
  for (const id of ids) {
    const e = explanations[id];
    if (!e) continue;
    keptSteps.set(id, e);
    delete explanations[id];
    stepsKept.push(id);
  }
  return { ...result, explanations, stepsKept };
}

/** `result` with the explanations of `keep` only (all when `keep` is undefined). */
export function keptExplanations(
  result: SummariesResult,
  keep?: readonly SummaryId[]
): SummariesResult {
  if (!keep) return result;
  const explanations: SummariesResult["explanations"] = {};
  for (const id of keep) {
    const e = result.explanations[id];
    if (e) explanations[id] = e;
  }
  return { ...result, explanations };
}

/** The options of 校验 that can cross to a worker. */
export interface CheckOptions {
  /** the day the default year is decided on (第十四条); default: the clock */
  today?: Date;
}

/**
 * What the 校验 page shows of a {@link Check}: everything but the typed rows themselves (a
 * county's 100,000 loans need not cross back to the pane's thread), their counts instead.
 */
export interface CheckView extends Pick<Check, "policy" | "issues" | "ready" | "sheetNames"> {
  tables: WorkbookData["tables"];
  /** rows read, per table */
  rows: Record<TableId, number>;
  /** rows read with cells that could not be read (WorkbookData.unreadable), per table */
  partly: Record<TableId, number>;
  /** rows not read at all (WorkbookData.dropped), per table */
  dropped: Record<TableId, number>;
}

function perTable(f: (id: TableId) => number): Record<TableId, number> {
  return Object.fromEntries(TABLE_IDS.map((id) => [id, f(id)])) as Record<TableId, number>;
}

/** The view of a check (see {@link CheckView}). */
export function checkView(c: Check): CheckView {
  const d = c.data;
  return {
    policy: c.policy,
    issues: c.issues,
    ready: c.ready,
    sheetNames: c.sheetNames,
    tables: d.tables,
    rows: perTable((id) => (d[id] as unknown[]).length),
    partly: perTable((id) => d.unreadable[id].size),
    dropped: perTable((id) => d.dropped[id].length),
  };
}

/**
 * The computations that may run in the worker, by name: the worker (src/taskpane/summaryWorker.ts)
 * and the calling thread run these same functions.
 */
export const TASKS = {
  summaries: (grid: WorkbookGrid, policy: Policy, opts: ComputeOptions): ComputedSummaries => {
    const { keepExplanations, stepsOnRequest, ...build } = opts;
    return keepSteps(
      keptExplanations(buildSummaries(grid, policy, build), keepExplanations),
      stepsOnRequest
    );
  },
  /** One row's steps kept here by the last 汇总 (null: none, e.g. a worker started since) */
  steps: (summary: SummaryId, key: string): ExplainStep[] | null =>
    keptSteps?.get(summary)?.[key] ?? null,
  check: (grid: WorkbookGrid, opts: CheckOptions): CheckView =>
    checkView(checkWorkbook(grid, undefined, opts)),
};
export type TaskName = keyof typeof TASKS;
export type TaskArgs<K extends TaskName> = Parameters<(typeof TASKS)[K]>;
export type TaskResult<K extends TaskName> = ReturnType<(typeof TASKS)[K]>;

/** Runs a task elsewhere (the pane's worker); rejects with `workerUnavailable` when it cannot start. */
export type TaskRunner = <K extends TaskName>(task: K, args: TaskArgs<K>) => Promise<TaskResult<K>>;

let runner: TaskRunner | null = null;

/** Registers where the tasks run (null: back to the calling thread). */
export function setTaskRunner(r: TaskRunner | null): void {
  runner = r;
}

/** Runs `task` where registered; a worker that fails to start falls back to this thread. */
export async function runTask<K extends TaskName>(
  task: K,
  args: TaskArgs<K>
): Promise<TaskResult<K>> {
  const inline = () => (TASKS[task] as unknown as (...a: TaskArgs<K>) => TaskResult<K>)(...args);
  if (!runner) return inline();
  try {
    return await runner(task, args);
  } catch (e) {
    if ((e as { workerUnavailable?: boolean } | null)?.workerUnavailable) return inline();
    throw e;
  }
}

/** Builds the summaries (汇总) where registered. */
export function computeSummaries(
  grid: WorkbookGrid,
  policy: Policy,
  opts: ComputeOptions
): Promise<ComputedSummaries> {
  return runTask("summaries", [grid, policy, opts]);
}

/** One row's explanation steps kept in the worker by the last 汇总 ({@link ComputeOptions.stepsOnRequest}); null when it has none. */
export function computeRowSteps(summary: SummaryId, key: string): Promise<ExplainStep[] | null> {
  return runTask("steps", [summary, key]);
}

/** Validates the workbook (校验: checkWorkbook + {@link checkView}) where registered. */
export function computeCheck(grid: WorkbookGrid, opts: CheckOptions = {}): Promise<CheckView> {
  return runTask("check", [grid, opts]);
}

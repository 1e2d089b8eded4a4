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
import type { Check } from "../summary/readiness";
import { checkWorkbook } from "../summary/readiness";

/** The options that can cross to a worker (plain data). */
export type ComputeOptions = Pick<BuildOptions, "now" | "only" | "extraIssues" | "yearNote">;

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
  summaries: (grid: WorkbookGrid, policy: Policy, opts: ComputeOptions): SummariesResult =>
    buildSummaries(grid, policy, opts),
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
): Promise<SummariesResult> {
  return runTask("summaries", [grid, policy, opts]);
}

/** Validates the workbook (校验: checkWorkbook + {@link checkView}) where registered. */
export function computeCheck(grid: WorkbookGrid, opts: CheckOptions = {}): Promise<CheckView> {
  return runTask("check", [grid, opts]);
}

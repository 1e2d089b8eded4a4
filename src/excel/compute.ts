/**
 * Where the summaries are computed. By default in the calling thread (the CLI, the tests); the
 * task pane registers a Web Worker (src/taskpane/workerBoot.ts) so that 汇总 of a county workbook
 * (seconds of rules work) never blocks the shared runtime's only thread: the pane stays
 * responsive, the CM.* functions keep answering, Office does not see an unresponsive add-in.
 * The worker runs the same code (src/summary/build.ts `buildSummaries`) on a structured clone of
 * the grid and the policy (plain data: no Decimal crosses the boundary).
 */
import type { WorkbookGrid } from "../reader/grid";
import type { Policy } from "../policy/types";
import type { BuildOptions, SummariesResult } from "../summary/build";
import { buildSummaries } from "../summary/build";

/** The options that can cross to a worker (plain data). */
export type ComputeOptions = Pick<BuildOptions, "now" | "only" | "extraIssues" | "yearNote">;

export type SummaryCompute = (grid: WorkbookGrid, policy: Policy, opts: ComputeOptions) => Promise<SummariesResult>;

const inline: SummaryCompute = async (grid, policy, opts) => buildSummaries(grid, policy, opts);
let compute: SummaryCompute = inline;

/** Registers where the summaries are computed (null: back to the calling thread). */
export function setSummaryCompute(f: SummaryCompute | null): void {
  compute = f ?? inline;
}

/** Builds the summaries where registered; a worker that fails to start falls back to this thread. */
export async function computeSummaries(grid: WorkbookGrid, policy: Policy, opts: ComputeOptions): Promise<SummariesResult> {
  if (compute === inline) return inline(grid, policy, opts);
  try {
    return await compute(grid, policy, opts);
  } catch (e) {
    if ((e as { workerUnavailable?: boolean } | null)?.workerUnavailable) return inline(grid, policy, opts);
    throw e;
  }
}

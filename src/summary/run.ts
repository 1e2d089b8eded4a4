/**
 * One run of the summaries on a workbook read whole, as `cm-addin summarize` makes it and the
 * offline page (src/offline/engine.ts) makes it the same way: the grid read into typed rows (its
 * rows let go as they are read), the summaries without explanation steps, the policy's issues
 * merged, the rows left out counted.
 */
import type { ResolvedPolicy } from "../policy/resolve";
import type { WorkbookGrid } from "../core/grid";
import { readForSummaries, summariesOf } from "./build";
import type { SummariesResult } from "./build";
import { rowsLeftOut } from "./readiness";

export type RunResult = SummariesResult & {
  /** which default year was taken (第十四条), when neither the user nor the sheet gave it */
  yearNote?: string;
  /** rows left out of the summaries for data errors */
  rowsLeftOut: number;
};

/** Read for a run: the grid's data rows are let go as they are read (`consumeGrid`). */
export function readForRun(
  grid: WorkbookGrid,
  resolved: ResolvedPolicy
): ReturnType<typeof readForSummaries> {
  return readForSummaries(grid, resolved.policy, { consumeGrid: true });
}

/**
 * The summaries of a workbook read by {@link readForRun} under the `resolved` policy (`only`:
 * ids or sheet names, default all); a caller that lets `read` go with its frame frees the typed
 * rows before the sheets are written.
 */
export function summariesOfRead(
  read: ReturnType<typeof readForSummaries>,
  resolved: ResolvedPolicy,
  opts: { now: Date; only?: readonly string[] }
): RunResult {
  const result = summariesOf(read, resolved.policy, {
    now: opts.now,
    only: opts.only,
    extraIssues: resolved.issues,
    explanations: false,
    yearNote: resolved.yearNote?.short,
  });
  return { ...result, yearNote: resolved.yearNote?.zh, rowsLeftOut: rowsLeftOut(read) };
}

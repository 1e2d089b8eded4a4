/**
 * The Web Worker of the task pane's 汇总: runs src/summary/build.ts `buildSummaries` — the same
 * code as the CLI and the inline path — off the shared runtime's thread. Messages:
 * in `{ id, grid, policy, opts }`, out `{ id, ok: true, result }` or `{ id, ok: false, message }`.
 * No Office, no DOM, no network: plain data in, plain data out.
 */
import { buildSummaries } from "../summary/build";

interface WorkerScope {
  onmessage: ((e: MessageEvent) => void) | null;
  postMessage(data: unknown): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (e: MessageEvent) => {
  const { id, grid, policy, opts } = e.data;
  try {
    const result = buildSummaries(grid, policy, opts);
    scope.postMessage({ id, ok: true, result });
  } catch (err) {
    scope.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};

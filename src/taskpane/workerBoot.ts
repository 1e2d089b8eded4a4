/**
 * Starts the 汇总 worker (src/taskpane/summaryWorker.ts) and registers it with
 * src/excel/compute.ts. webpack 5 bundles the worker from `new Worker(new URL(…, import.meta.url))`
 * (no configuration: a chunk of its own, served from the add-in's origin — the CSP's
 * `worker-src 'self'`). Loaded by src/taskpane/index.tsx only where `Worker` exists.
 * A worker that cannot start (an old host, a policy that forbids it) is reported as
 * `workerUnavailable`, and the summaries are computed in the pane's thread as before.
 */
import { setSummaryCompute, SummaryCompute } from "../excel/compute";
import type { SummariesResult } from "../summary/build";

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (r: SummariesResult) => void; reject: (e: unknown) => void }>();

function unavailable(message: string): Error {
  return Object.assign(new Error(message), { workerUnavailable: true });
}

function start(): Worker {
  if (worker) return worker;
  // webpack recognises exactly this form: new Worker(new URL("…", import.meta.url))
  const w = new Worker(
    // @ts-expect-error -- import.meta is resolved by webpack (ts-loader compiles with module es2020); tsc checks with module commonjs
    new URL("./summaryWorker.ts", import.meta.url),
  );
  w.onmessage = (e: MessageEvent) => {
    const { id, ok, result, message } = e.data;
    const p = waiting.get(id);
    if (!p) return;
    waiting.delete(id);
    if (ok) p.resolve(result as SummariesResult);
    else p.reject(new Error(message));
  };
  w.onerror = (e: ErrorEvent) => {
    // the worker could not load or crashed: every waiting call falls back to the pane's thread
    for (const p of waiting.values()) p.reject(unavailable(e.message || "worker error"));
    waiting.clear();
    worker = null;
    w.terminate();
  };
  worker = w;
  return w;
}

const viaWorker: SummaryCompute = (grid, policy, opts) =>
  new Promise<SummariesResult>((resolve, reject) => {
    let w: Worker;
    try {
      w = start();
    } catch (e) {
      reject(unavailable(e instanceof Error ? e.message : String(e)));
      return;
    }
    const id = nextId++;
    waiting.set(id, { resolve, reject });
    try {
      w.postMessage({ id, grid, policy, opts });
    } catch (e) {
      waiting.delete(id);
      reject(unavailable(e instanceof Error ? e.message : String(e)));
    }
  });

/** Registers the worker for the summaries (called once by the pane's entry). */
export function bootSummaryWorker(): void {
  setSummaryCompute(viaWorker);
}

/**
 * Starts the pane's worker (src/taskpane/summaryWorker.ts: 汇总 and 校验) and registers it with
 * src/excel/compute.ts; the protocol is src/taskpane/workerClient.ts. webpack 5 bundles the
 * worker from `new Worker(new URL(…, import.meta.url))` (no configuration: a chunk of its own,
 * served from the add-in's origin — the CSP's `worker-src 'self'`). Loaded by
 * src/taskpane/index.tsx only where `Worker` exists. A worker that cannot start (an old host, a
 * policy that forbids it) is reported as `workerUnavailable`, and the work is done in the pane's
 * thread as before.
 */
import { setTaskRunner } from "../excel/compute";
import { workerRunner } from "./workerClient";

/** Registers the worker for 汇总 and 校验 (called once by the pane's entry). */
export function bootSummaryWorker(): void {
  setTaskRunner(
    workerRunner(
      () =>
        // webpack recognises exactly this form: new Worker(new URL("…", import.meta.url))
        new Worker(
          // @ts-expect-error -- import.meta is resolved by webpack (ts-loader compiles with module es2020); tsc checks with module commonjs
          new URL("./summaryWorker.ts", import.meta.url)
        )
    )
  );
}

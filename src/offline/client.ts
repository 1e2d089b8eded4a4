/**
 * The page's side of the offline worker (src/offline/worker.ts, protocol src/offline/protocol.ts).
 *
 * The worker's source is inlined in the page by the build (webpack.config.js: the global
 * `__CM_OFFLINE_WORKER__`, a string) and started from a Blob URL — the one way a worker starts
 * from a file:// page, which has no origin to load a worker script from (the page's CSP allows
 * `worker-src blob:`). `OfflineEngine` is what the page needs; tests may give another.
 */
import type { Policy } from "../policy/types";
import type { SummaryId } from "../summary/common";
import type { ExplainView, InspectView, Reply, Request, Stage, SummarizeView } from "./protocol";

export interface OfflineEngine {
  inspect(
    file: { name: string; bytes: Uint8Array },
    onStage?: (s: Stage) => void
  ): Promise<InspectView>;
  summarize(
    ids: SummaryId[],
    policy: Policy | null,
    onStage?: (s: Stage) => void
  ): Promise<SummarizeView>;
  explain(onStage?: (s: Stage) => void): Promise<ExplainView>;
}

/** What the runner needs of a Worker. */
export interface WorkerLike {
  onmessage: ((e: MessageEvent) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  postMessage(data: unknown, transfer?: Transferable[]): void;
}

declare const __CM_OFFLINE_WORKER__: string;

/** The inlined worker started from a Blob URL (the URL is let go once the worker has it). */
export function startInlinedWorker(source: string = __CM_OFFLINE_WORKER__): Worker {
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  try {
    return new Worker(url);
  } finally {
    // the worker has fetched its script by the time it runs; revoking later is safe either way
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

/** A request without its id (the client numbers them). */
type Body = Request extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

interface Waiting {
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  onStage?: (s: Stage) => void;
}

/** An {@link OfflineEngine} over a worker. */
export function workerEngine(worker: WorkerLike): OfflineEngine {
  let nextId = 1;
  const waiting = new Map<number, Waiting>();
  worker.onmessage = (e: MessageEvent) => {
    const reply = e.data as Reply;
    const w = waiting.get(reply.id);
    if (!w) return;
    if ("stage" in reply) {
      w.onStage?.(reply.stage);
      return;
    }
    waiting.delete(reply.id);
    if (reply.ok) w.resolve(reply.result);
    else w.reject(new Error(reply.message));
  };
  worker.onerror = (e: ErrorEvent) => {
    const err = new Error(`后台计算出错（worker error）：${e.message || "the worker stopped"}`);
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  const call = <T>(
    req: Body,
    onStage?: (s: Stage) => void,
    transfer: Transferable[] = []
  ): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject, onStage });
      worker.postMessage({ ...req, id }, transfer);
    });
  return {
    inspect: (file, onStage) =>
      // the bytes are moved to the worker (the page keeps no copy)
      call<InspectView>({ op: "inspect", name: file.name, bytes: file.bytes }, onStage, [
        file.bytes.buffer,
      ]),
    summarize: (ids, policy, onStage) =>
      call<SummarizeView>({ op: "summarize", ids, policy }, onStage),
    explain: (onStage) => call<ExplainView>({ op: "explain" }, onStage),
  };
}

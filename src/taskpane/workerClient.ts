/**
 * The pane's side of the worker protocol (src/taskpane/summaryWorker.ts): a {@link TaskRunner}
 * over a Worker made on first use by `make` (src/taskpane/workerBoot.ts gives webpack's form;
 * the tests give an in-process one).
 *
 * The arguments go in pieces (src/excel/transfer.ts), one `postMessage` each, with a yield to
 * the event loop between pieces: cloning a county grid is then many tasks of a few ms, not one
 * of hundreds; the answer comes back the same way (each message its own task here). A worker
 * that cannot start or crashes rejects every waiting call with `workerUnavailable`
 * (src/excel/compute.ts then computes in this thread); the next call starts a new one.
 */
import type { TaskRunner } from "../excel/compute";
import { Assembler, splitForTransfer } from "../excel/transfer";
import type { Piece } from "../excel/transfer";
import { yieldToLoop } from "../excel/loop";

/** What the runner needs of a Worker. */
export interface WorkerLike {
  onmessage: ((e: MessageEvent) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  postMessage(data: unknown): void;
  terminate(): void;
}

interface Waiting {
  assembler: Assembler;
  resolve: (r: unknown) => void;
  reject: (e: unknown) => void;
}

function unavailable(message: string): Error {
  return Object.assign(new Error(message), { workerUnavailable: true });
}

/** A task runner over the worker `make` starts (once, again after a crash). */
export function workerRunner(make: () => WorkerLike): TaskRunner {
  let worker: WorkerLike | null = null;
  let nextId = 1;
  const waiting = new Map<number, Waiting>();

  const start = (): WorkerLike => {
    if (worker) return worker;
    const w = make();
    w.onmessage = (e: MessageEvent) => {
      const { id, piece, ok, result, message } = e.data as {
        id: number;
        piece?: Piece;
        ok?: boolean;
        result?: unknown;
        message?: string;
      };
      const p = waiting.get(id);
      if (!p) return;
      if (piece) {
        p.assembler.add(piece);
        return;
      }
      waiting.delete(id);
      if (!ok) {
        p.reject(new Error(message));
        return;
      }
      try {
        p.resolve(p.assembler.finish(result));
      } catch (err) {
        p.reject(err);
      }
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
  };

  return (task, args) =>
    new Promise((resolve, reject) => {
      let w: WorkerLike;
      try {
        w = start();
      } catch (e) {
        reject(unavailable(e instanceof Error ? e.message : String(e)));
        return;
      }
      const id = nextId++;
      waiting.set(id, {
        assembler: new Assembler(),
        resolve: resolve as (r: unknown) => void,
        reject,
      });
      const send = async () => {
        const { skeleton, pieces } = splitForTransfer(args);
        for (const piece of pieces) {
          w.postMessage({ id, piece });
          await yieldToLoop();
          if (!waiting.has(id)) return; // the worker failed meanwhile: already rejected
        }
        w.postMessage({ id, task, args: skeleton });
      };
      send().catch((e: unknown) => {
        if (!waiting.delete(id)) return;
        reject(unavailable(e instanceof Error ? e.message : String(e)));
      });
    });
}

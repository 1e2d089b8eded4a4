/**
 * The Web Worker of the task pane's 汇总 and 校验: runs src/excel/compute.ts `TASKS` — the same
 * code as the CLI and the inline path — off the shared runtime's thread. No Office, no DOM, no
 * network: plain data in, plain data out, large values in pieces (src/excel/transfer.ts).
 *
 * Messages in: `{ id, piece }` (any number), then `{ id, task, args }` (args: the skeleton).
 * Messages out: `{ id, piece }` (any number), then `{ id, ok: true, result }` (the skeleton) or
 * `{ id, ok: false, message }`.
 */
import { keepStepsInThisThread, TASKS } from "../excel/compute";
import type { TaskName } from "../excel/compute";
import { Assembler, splitForTransfer } from "../excel/transfer";
import type { Piece } from "../excel/transfer";

interface WorkerScope {
  onmessage: ((e: MessageEvent) => void) | null;
  postMessage(data: unknown): void;
}
const scope = self as unknown as WorkerScope;
// 汇总's 等级汇总 / 退休买断 steps stay here, asked for one row at a time (src/excel/compute.ts)
keepStepsInThisThread();
const incoming = new Map<number, Assembler>();

scope.onmessage = (e: MessageEvent) => {
  const { id, piece, task, args } = e.data as {
    id: number;
    piece?: Piece;
    task?: TaskName;
    args?: unknown;
  };
  let a = incoming.get(id);
  if (!a) incoming.set(id, (a = new Assembler()));
  if (piece) {
    a.add(piece);
    return;
  }
  incoming.delete(id);
  try {
    const f =
      task !== undefined && Object.prototype.hasOwnProperty.call(TASKS, task)
        ? (TASKS[task] as (...x: unknown[]) => unknown)
        : null;
    if (!f) throw new Error(`unknown task ${String(task)}`);
    const result = f(...(a.finish(args) as unknown[]));
    const { skeleton, pieces } = splitForTransfer(result);
    for (const p of pieces) scope.postMessage({ id, piece: p });
    scope.postMessage({ id, ok: true, result: skeleton });
  } catch (err) {
    scope.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};

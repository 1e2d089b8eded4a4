/**
 * Plain data sent to or from the pane's Web Worker in pieces (src/taskpane/workerBoot.ts ↔
 * summaryWorker.ts). A `postMessage` clones its whole message in the sending thread, and the
 * receiving thread deserializes it in one task: a county workbook's grid (1.4 million cells) or
 * its summaries in ONE message would be a main-thread task of several hundred milliseconds at
 * each end. So every large array (and every object with many keys: the explanations by 员工号)
 * is sent as pieces of about {@link PIECE_CELLS} cells, each its own message and its own task,
 * and the value itself goes last as a skeleton that names those pieces.
 *
 * - {@link splitForTransfer}: the skeleton (each large container replaced by a `ChunkRef`)
 *   and the pieces, in order. Only a container of small elements is split (rows of a grid,
 *   issues, explanation entries: judged on its first element); their elements are sent as they
 *   are, and a container of large ones (the sheets, the models) is walked into instead. So
 *   splitting costs a walk of the skeleton, not of the data.
 * - {@link Assembler}: receives the pieces in any order and rebuilds the value from the skeleton.
 *
 * Correctness never depends on the sizes: any plain value (no functions, no cycles, no class
 * instances besides Date) comes back equal; the sizes only decide how the work is cut.
 */

/** About this many cells (primitive values) per piece: ~ a few ms to clone, whatever the machine. */
export const PIECE_CELLS = 20_000;

/** The key that marks a reference to a split container in a skeleton. */
export const CHUNK_KEY = "__cmChunk";

export interface ChunkRef {
  [CHUNK_KEY]: number;
  /** elements (array) or entries (object) */
  length: number;
  /** true: an object sent as [key, value] entries */
  entries?: true;
}

export interface Piece {
  ref: number;
  /** index of the first element (or entry) of this piece */
  start: number;
  items: unknown[];
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  // by tag, not instanceof: a value cloned in another realm (a worker, a test sandbox) is still a Date
  return typeof v === "object" && v !== null && Object.prototype.toString.call(v) === "[object Object]";
}

/** Cells of a value, counted one level deep (a row of 14 cells: 14; an issue object: its fields). */
function weight(v: unknown): number {
  if (Array.isArray(v)) {
    let n = 1;
    for (const x of v) n += typeof x === "object" && x !== null ? 1 + (Array.isArray(x) ? x.length : Object.keys(x).length) : 1;
    return n;
  }
  if (isPlainObject(v)) {
    let n = 1;
    for (const k in v) {
      const x = v[k];
      n += typeof x === "object" && x !== null ? 1 + (Array.isArray(x) ? x.length : Object.keys(x).length) : 1;
    }
    return n;
  }
  return 1;
}

/** Elements per piece for a container whose first element is `sample`. */
function perPiece(sample: unknown, cells: number): number {
  return Math.max(1, Math.floor(cells / weight(sample)));
}

/**
 * The skeleton of `value` and its pieces: every array or object (outside an already split one)
 * whose elements weigh more than `cells` is replaced by a {@link ChunkRef} and sent in pieces.
 */
export function splitForTransfer(value: unknown, cells: number = PIECE_CELLS): { skeleton: unknown; pieces: Piece[] } {
  const pieces: Piece[] = [];
  let next = 0;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      if (v.length > 1 && weight(v[0]) * 2 <= cells) {
        const n = perPiece(v[0], cells);
        if (v.length > n) {
          const ref = next++;
          for (let start = 0; start < v.length; start += n) pieces.push({ ref, start, items: v.slice(start, start + n) });
          return { [CHUNK_KEY]: ref, length: v.length } satisfies ChunkRef;
        }
      }
      return v.map(walk);
    }
    if (isPlainObject(v)) {
      const keys = Object.keys(v);
      if (keys.length > 1 && weight([keys[0], v[keys[0]]]) * 2 <= cells) {
        const n = perPiece([keys[0], v[keys[0]]], cells);
        if (keys.length > n) {
          const ref = next++;
          for (let start = 0; start < keys.length; start += n) pieces.push({ ref, start, items: keys.slice(start, start + n).map((k) => [k, v[k]]) });
          return { [CHUNK_KEY]: ref, length: keys.length, entries: true } satisfies ChunkRef;
        }
      }
      const out: Record<string, unknown> = {};
      for (const k of keys) out[k] = walk(v[k]);
      return out;
    }
    return v;
  };
  const skeleton = walk(value);
  return { skeleton, pieces };
}

function isChunkRef(v: Record<string, unknown>): boolean {
  return typeof v[CHUNK_KEY] === "number" && typeof v.length === "number" && Object.keys(v).length <= 3;
}

/** Rebuilds values from their pieces (received in any order) and skeleton. */
export class Assembler {
  private readonly got = new Map<number, Piece[]>();

  add(piece: Piece): void {
    let list = this.got.get(piece.ref);
    if (!list) this.got.set(piece.ref, (list = []));
    list.push(piece);
  }

  /** The value of a skeleton; throws when a piece is missing (a message lost: never a partial result). */
  finish(skeleton: unknown): unknown {
    const walk = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(walk);
      if (!isPlainObject(v)) return v;
      if (isChunkRef(v)) return this.whole(v as unknown as ChunkRef);
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v)) out[k] = walk(v[k]);
      return out;
    };
    const value = walk(skeleton);
    this.got.clear();
    return value;
  }

  private whole(ref: ChunkRef): unknown {
    const list = (this.got.get(ref[CHUNK_KEY]) ?? []).sort((a, b) => a.start - b.start);
    const items: unknown[] = [];
    for (const p of list) {
      if (p.start !== items.length) break;
      for (const x of p.items) items.push(x);
    }
    if (items.length !== ref.length) throw new Error(`transfer incomplete: ${items.length} of ${ref.length} items of piece set ${ref[CHUNK_KEY]}`);
    if (!ref.entries) return items;
    const out: Record<string, unknown> = {};
    for (const e of items as [string, unknown][]) out[e[0]] = e[1];
    return out;
  }
}

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
 *   issues, explanation entries: each weighed through every level, up to the piece size); their
 *   elements are sent as they are, and a container of large ones (the sheets, the models) is
 *   walked into instead. Splitting costs about one walk of the value.
 * - {@link Assembler}: receives the pieces in any order and rebuilds the value from the skeleton.
 *
 * Correctness never depends on the sizes: any plain value (no functions, no cycles, no class
 * instances besides Date) comes back equal; the sizes only decide how the work is cut.
 */

/** About this many cells (primitive values; a long string counts more) per piece: ~ a few ms to clone, whatever the machine. */
const PIECE_CELLS = 20_000;

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
  return (
    typeof v === "object" && v !== null && Object.prototype.toString.call(v) === "[object Object]"
  );
}

/** A primitive's weight: 1, and a long string one more per 16 characters (explanation texts). */
function cellWeight(x: unknown): number {
  return typeof x === "string" ? 1 + (x.length >> 4) : 1;
}

/**
 * The cells (primitive values weighed by {@link cellWeight}, plus one per array or object) of a
 * value, counted through every level — but only up to `cap`: past it the answer is `cap + 1`,
 * found without walking the rest.
 */
function weight(v: unknown, cap: number): number {
  let n = 0;
  const stack: unknown[] = [v];
  while (stack.length > 0) {
    const x = stack.pop();
    if (Array.isArray(x)) {
      n++;
      if (n + x.length > cap) return cap + 1;
      for (const y of x)
        if (typeof y === "object" && y !== null) stack.push(y);
        else n += cellWeight(y);
    } else if (isPlainObject(x)) {
      n++;
      for (const k in x) {
        const y = x[k];
        if (typeof y === "object" && y !== null) stack.push(y);
        else n += cellWeight(y);
      }
    } else n += cellWeight(x);
    if (n > cap) return cap + 1;
  }
  return n;
}

/**
 * The skeleton of `value` and its pieces. A container (array, or object: sent as its [key,
 * value] entries) that weighs more than `cells` and whose elements each weigh at most half of
 * it is replaced by a {@link ChunkRef} and sent in pieces of consecutive elements weighing at
 * most `cells` together (a single heavier element alone); a container of heavier elements is
 * walked into; a lighter value is sent as it is. The weighing is bounded by `cells` per element
 * and level, so splitting costs about one walk of the value.
 */
export function splitForTransfer(
  value: unknown,
  cells: number = PIECE_CELLS
): { skeleton: unknown; pieces: Piece[] } {
  const pieces: Piece[] = [];
  let next = 0;
  const half = Math.floor(cells / 2);
  /** the pieces of `items` (of weights `ws`): consecutive runs of at most `cells` */
  const cut = (items: unknown[], ws: number[]): number => {
    const ref = next++;
    let start = 0;
    let sum = 0;
    for (let i = 0; i < items.length; i++) {
      if (i > start && sum + ws[i] > cells) {
        pieces.push({ ref, start, items: items.slice(start, i) });
        start = i;
        sum = 0;
      }
      sum += ws[i];
    }
    pieces.push({ ref, start, items: items.slice(start) });
    return ref;
  };
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      if (v.length <= 1) return v.map(walk);
      const ws = v.map((x) => weight(x, cells));
      const total = ws.reduce((a, b) => a + b, 0);
      if (total <= cells) return v;
      if (ws.every((w) => w <= half))
        return { [CHUNK_KEY]: cut(v, ws), length: v.length } satisfies ChunkRef;
      return v.map(walk);
    }
    if (isPlainObject(v)) {
      const keys = Object.keys(v);
      const ws = keys.map((k) => 1 + weight(v[k], cells));
      const total = ws.reduce((a, b) => a + b, 0);
      if (total <= cells) return v;
      if (keys.length > 1 && ws.every((w) => w <= half)) {
        return {
          [CHUNK_KEY]: cut(
            keys.map((k) => [k, v[k]]),
            ws
          ),
          length: keys.length,
          entries: true,
        } satisfies ChunkRef;
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
  return (
    typeof v[CHUNK_KEY] === "number" && typeof v.length === "number" && Object.keys(v).length <= 3
  );
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
    if (items.length !== ref.length)
      throw new Error(
        `transfer incomplete: ${items.length} of ${ref.length} items of piece set ${ref[CHUNK_KEY]}`
      );
    if (!ref.entries) return items;
    const out: Record<string, unknown> = {};
    for (const e of items as [string, unknown][]) out[e[0]] = e[1];
    return out;
  }
}

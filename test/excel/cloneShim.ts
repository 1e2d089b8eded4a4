/** structuredClone as a worker's postMessage applies it (Node ≥ 17 has it built in). */
export const structuredClone = <T>(x: T): T =>
  (globalThis as unknown as { structuredClone: <U>(v: U) => U }).structuredClone(x);

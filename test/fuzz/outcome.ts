/**
 * The contract every custom function keeps, whatever it is given (ARCHITECTURE.md, args.ts):
 * it returns — never throws — a cell value (text, logical, finite number), a rectangular 2-D
 * array of such cells, or a CustomFunctions.Error: an error value it was given, passed on
 * unchanged, or a #VALUE!/#N/A of its own with a non-empty message that is not an internal
 * error. Never NaN, Infinity, undefined or null.
 */
export function outcomeProblem(result: unknown, inputs: unknown[]): string | null {
  if (result instanceof CustomFunctions.Error) {
    if (containsIdentity(inputs, result)) return null;
    if (result.code !== "#VALUE!" && result.code !== "#N/A")
      return `error code ${result.code} not passed in`;
    if (typeof result.message !== "string" || result.message.trim() === "")
      return `${result.code} without a message`;
    if (/内部错误|internal error/i.test(result.message)) return `internal error: ${result.message}`;
    return null;
  }
  if (Array.isArray(result)) {
    if (result.length === 0) return "empty result array";
    if (!result.every(Array.isArray)) return "result array is not 2-D";
    const width = (result[0] as unknown[]).length;
    if (width === 0) return "result array has an empty row";
    for (let r = 0; r < result.length; r++) {
      const row = result[r] as unknown[];
      if (row.length !== width)
        return `ragged result: row ${r + 1} has ${row.length} cells, row 1 has ${width}`;
      for (let c = 0; c < row.length; c++) {
        const p = cellProblem(row[c]);
        if (p) return `cell [${r + 1},${c + 1}]: ${p}`;
      }
    }
    return null;
  }
  return cellProblem(result);
}

function cellProblem(x: unknown): string | null {
  if (typeof x === "number") return Number.isFinite(x) ? null : `non-finite number ${x}`;
  if (typeof x === "string" || typeof x === "boolean") return null;
  if (x instanceof CustomFunctions.Error) return "an error value inside an array";
  return `unsupported cell ${x === null ? "null" : typeof x}`;
}

function containsIdentity(xs: unknown, target: unknown, depth = 0): boolean {
  if (xs === target) return true;
  if (Array.isArray(xs) && depth < 4) return xs.some((x) => containsIdentity(x, target, depth + 1));
  return false;
}

/** A short, stable rendering of arguments for failure reports. */
export function showArgs(args: unknown[]): string {
  return JSON.stringify(args, (_k, v) => {
    if (v === undefined) return "<undefined>";
    if (typeof v === "number" && !Number.isFinite(v)) return `<${v}>`;
    if (v instanceof CustomFunctions.Error) return `<${v.code}>`;
    if (typeof v === "string" && v.length > 40) return `${v.slice(0, 40)}…(${v.length})`;
    return v;
  });
}

/**
 * Highlighting the cells that have issues, and putting every cell's fill back exactly as it
 * was (no fill, colour, pattern, pattern colour, tints). The previous fills are kept in the
 * shared runtime's memory — never in a sheet. Only `format.fill` is touched: no value changes.
 *
 * Requests are planned by bytes, as office.js serializes them (constants calibrated on Microsoft's
 * excel-web-16.00.js in test/excel/calibration.test.ts): one sync lists the sheets, then cells go in
 * batches of at most {@link REQUEST_BUDGET} bytes of request (and of response, for the reads) —
 * each batch reads its cells' fills, then the next request writes their colours. Each sheet is one
 * proxy per request (`getItem` once, then `getRange` per cell), never `getItem` per cell.
 *
 * A failure half-way (a request refused, the pane closed) leaves a state the next click finishes:
 * a cell is coloured only after its previous fill is saved, and a fill is dropped from the saved
 * list only once its restoring request has succeeded — so 清除标记 (or 标记 again, which first
 * clears) puts back every cell touched, whatever was done before the failure.
 */
import type { Severity } from "../core/issues";
import {
  PATH_BYTES,
  ACTION_BYTES,
  REQUEST_BUDGET,
  REQUEST_OVERHEAD,
  SHEET_PATH_BYTES,
} from "./batch";

/** Fill colours of highlighted cells (Excel's "bad" red and "neutral" yellow). */
export const HIGHLIGHT_COLORS: Record<Exclude<Severity, "info">, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
};

/** The fill properties saved and restored. */
const FILL_SELECT = "color,pattern,patternColor,tintAndShade,patternTintAndShade";

/** The longest cell address ("XFD1048576") as a JSON argument. */
const CELL_ARG_BYTES = 12;
/** Request bytes to read one cell's fill: its range, format and fill paths, one load (the select list). */
export const FILL_READ_BYTES =
  3 * PATH_BYTES + CELL_ARG_BYTES + ACTION_BYTES + FILL_SELECT.length + 16;
/**
 * Response bytes of one cell's fill: `{"ActionId":1234567,"Value":{"color":"#FFFFFF","pattern":
 * "LightDown","patternColor":"#000000","tintAndShade":-0.499984740745262,"patternTintAndShade":…}}`.
 */
const FILL_READ_RESPONSE_BYTES = 300;
/** Request bytes to set one fill property of one cell (a colour, a pattern, a tint, or clear()). */
export const FILL_WRITE_BYTES = 3 * PATH_BYTES + CELL_ARG_BYTES + ACTION_BYTES + 24;
/** Each further property set on the same cell's fill (one more action). */
export const FILL_MORE_BYTES = ACTION_BYTES + 24;

export interface HighlightTarget {
  sheet: string;
  cell: string;
  severity: Severity;
}

/** A cell's fill as it was before highlighting. */
export interface SavedFill {
  sheet: string;
  cell: string;
  color: string;
  pattern: string;
  patternColor: string | null;
  tintAndShade: number | null;
  patternTintAndShade: number | null;
}

let saved: SavedFill[] | null = null;

/** The fills to restore (a copy), or null when nothing is highlighted. */
export function savedFills(): SavedFill[] | null {
  return saved ? saved.map((s) => ({ ...s })) : null;
}

export function isHighlighted(): boolean {
  return saved !== null;
}

const RANK: Record<Severity, number> = { error: 2, warning: 1, info: 0 };

/** One target per cell (the worst severity), infos and sheet-wide issues left out. */
function cellsToMark(targets: readonly HighlightTarget[], sheets: Set<string>): HighlightTarget[] {
  const byCell = new Map<string, HighlightTarget>();
  for (const t of targets) {
    if (t.severity === "info" || !t.cell || !sheets.has(t.sheet)) continue;
    const k = `${t.sheet}\u0000${t.cell}`;
    const prev = byCell.get(k);
    if (!prev || RANK[t.severity] > RANK[prev.severity]) byCell.set(k, t);
  }
  return [...byCell.values()];
}

async function sheetNames(context: Excel.RequestContext): Promise<Set<string>> {
  const ws = context.workbook.worksheets;
  ws.load("items");
  await context.sync();
  return new Set(ws.items.map((w) => w.name));
}

/** Bytes of restoring one saved fill: clear(), or up to five property sets. */
function restoreBytes(s: SavedFill): number {
  if (s.pattern === "None") return FILL_WRITE_BYTES;
  const more =
    1 +
    (s.patternColor ? 1 : 0) +
    (s.tintAndShade !== null ? 1 : 0) +
    (s.patternTintAndShade !== null ? 1 : 0);
  return FILL_WRITE_BYTES + more * FILL_MORE_BYTES;
}

/**
 * Cuts `items` into batches whose request (and response) estimates stay within the budget;
 * each sheet a batch touches costs its path once.
 */
function byteBatches<T extends { sheet: string }>(
  items: readonly T[],
  request: (t: T) => number,
  response: (t: T) => number = () => 0,
  budget = REQUEST_BUDGET
): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let req = REQUEST_OVERHEAD;
  let res = REQUEST_OVERHEAD;
  let sheets = new Set<string>();
  for (const t of items) {
    const sheetCost = sheets.has(t.sheet) ? 0 : SHEET_PATH_BYTES;
    const q = request(t) + sheetCost;
    const a = response(t);
    if (cur.length > 0 && (req + q > budget || res + a > budget)) {
      out.push(cur);
      cur = [];
      req = REQUEST_OVERHEAD + SHEET_PATH_BYTES + request(t);
      res = REQUEST_OVERHEAD + a;
      sheets = new Set([t.sheet]);
    } else {
      req += q;
      res += a;
      sheets.add(t.sheet);
    }
    cur.push(t);
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/** One worksheet proxy per sheet name, for one request. */
function sheetProxies(context: Excel.RequestContext): (name: string) => Excel.Worksheet {
  const proxies = new Map<string, Excel.Worksheet>();
  return (name) => {
    let ws = proxies.get(name);
    if (!ws) {
      ws = context.workbook.worksheets.getItem(name);
      proxies.set(name, ws);
    }
    return ws;
  };
}

function restoreFill(fill: Excel.RangeFill, s: SavedFill): void {
  if (s.pattern === "None") {
    fill.clear();
    return;
  }
  fill.color = s.color;
  fill.pattern = s.pattern as Excel.FillPattern;
  if (s.patternColor) fill.patternColor = s.patternColor;
  if (s.tintAndShade !== null) fill.tintAndShade = s.tintAndShade;
  if (s.patternTintAndShade !== null) fill.patternTintAndShade = s.patternTintAndShade;
}

export interface HighlightOptions {
  /** for tests: a smaller request budget */
  budget?: number;
}

/**
 * Puts back every fill saved by {@link highlightIn}. Cells of sheets deleted meanwhile are
 * skipped. Returns the number of cells restored. A request that fails leaves the fills not yet
 * restored saved, for the next call.
 */
export async function clearHighlightIn(
  context: Excel.RequestContext,
  opts: HighlightOptions = {}
): Promise<number> {
  if (!saved) return 0;
  const names = await sheetNames(context);
  const todo = saved.filter((s) => names.has(s.sheet));
  let restored = 0;
  for (const part of byteBatches(todo, restoreBytes, undefined, opts.budget)) {
    const sheet = sheetProxies(context);
    for (const s of part) restoreFill(sheet(s.sheet).getRange(s.cell).format.fill, s);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per byte-sized batch keeps each request under Excel's limit
    await context.sync();
    restored += part.length;
    // done: these fills are back; the rest stay saved until their own request succeeds
    const done = new Set(part);
    saved = saved.filter((s) => !done.has(s));
  }
  saved = null;
  return restored;
}

/**
 * Fills the cells of the errors and warnings (info issues and sheet-wide issues are not marked),
 * after saving each cell's fill. A highlight already shown is first removed. Returns the number
 * of cells highlighted.
 */
export async function highlightIn(
  context: Excel.RequestContext,
  targets: readonly HighlightTarget[],
  opts: HighlightOptions = {}
): Promise<number> {
  await clearHighlightIn(context, opts);
  const names = await sheetNames(context);
  const cells = cellsToMark(targets, names);
  saved = [];
  for (const part of byteBatches(
    cells,
    () => Math.max(FILL_READ_BYTES, FILL_WRITE_BYTES),
    () => FILL_READ_RESPONSE_BYTES,
    opts.budget
  )) {
    const sheet = sheetProxies(context);
    const fills = part.map((t) => {
      const f = sheet(t.sheet).getRange(t.cell).format.fill;
      f.load(FILL_SELECT);
      return f;
    });
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per byte-sized batch keeps each request and response under Excel's limit
    await context.sync();
    part.forEach((t, i) => {
      const f = fills[i];
      saved!.push({
        sheet: t.sheet,
        cell: t.cell,
        color: f.color,
        pattern: f.pattern ?? "None",
        patternColor:
          typeof f.patternColor === "string" && f.patternColor !== "" ? f.patternColor : null,
        tintAndShade: typeof f.tintAndShade === "number" ? f.tintAndShade : null,
        patternTintAndShade:
          typeof f.patternTintAndShade === "number" ? f.patternTintAndShade : null,
      });
    });
    // every cell of this batch is saved: now colour them (a new request, new proxies)
    const paint = sheetProxies(context);
    for (const t of part)
      paint(t.sheet).getRange(t.cell).format.fill.color =
        HIGHLIGHT_COLORS[t.severity as Exclude<Severity, "info">];
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per byte-sized batch
    await context.sync();
  }
  return cells.length;
}

export function highlightIssues(targets: readonly HighlightTarget[]): Promise<number> {
  return Excel.run((context) => highlightIn(context, targets));
}

export function clearHighlight(): Promise<number> {
  return Excel.run((context) => clearHighlightIn(context));
}

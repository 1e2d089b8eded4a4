/**
 * Highlighting the cells that have issues, and putting every cell's fill back exactly as it
 * was (no fill, colour, pattern, pattern colour, tints). The previous fills are kept in the
 * shared runtime's memory — never in a sheet. Only `format.fill` is touched: no value changes.
 * Syncs are batched: one to list the sheets, one per {@link CHUNK} cells to read the fills and
 * one per chunk to write them.
 */
import type { Severity } from "../core/issues";

/** Cells per sync when reading or writing fills (keeps each request small). */
export const CHUNK = 5000;

/** Fill colours of highlighted cells (Excel's "bad" red and "neutral" yellow). */
export const HIGHLIGHT_COLORS: Record<Exclude<Severity, "info">, string> = { error: "#FFC7CE", warning: "#FFEB9C" };

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

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

function fillOf(context: Excel.RequestContext, sheet: string, cell: string): Excel.RangeFill {
  return context.workbook.worksheets.getItem(sheet).getRange(cell).format.fill;
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

/**
 * Puts back every fill saved by {@link highlightIn}. Cells of sheets deleted meanwhile are
 * skipped. Returns the number of cells restored.
 */
export async function clearHighlightIn(context: Excel.RequestContext): Promise<number> {
  if (!saved) return 0;
  const names = await sheetNames(context);
  const todo = saved.filter((s) => names.has(s.sheet));
  for (const part of chunks(todo)) {
    for (const s of part) restoreFill(fillOf(context, s.sheet, s.cell), s);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk of CHUNK cells keeps each request small
    await context.sync();
  }
  saved = null;
  return todo.length;
}

/**
 * Fills the cells of the errors and warnings (info issues and sheet-wide issues are not marked),
 * after saving each cell's fill. A highlight already shown is first removed. Returns the number
 * of cells highlighted.
 */
export async function highlightIn(context: Excel.RequestContext, targets: readonly HighlightTarget[]): Promise<number> {
  await clearHighlightIn(context);
  const names = await sheetNames(context);
  const cells = cellsToMark(targets, names);
  const before: SavedFill[] = [];
  for (const part of chunks(cells)) {
    const fills = part.map((t) => {
      const f = fillOf(context, t.sheet, t.cell);
      f.load("color,pattern,patternColor,tintAndShade,patternTintAndShade");
      return f;
    });
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk of CHUNK cells keeps each request small
    await context.sync();
    part.forEach((t, i) => {
      const f = fills[i];
      before.push({
        sheet: t.sheet,
        cell: t.cell,
        color: f.color,
        pattern: f.pattern ?? "None",
        patternColor: typeof f.patternColor === "string" && f.patternColor !== "" ? f.patternColor : null,
        tintAndShade: typeof f.tintAndShade === "number" ? f.tintAndShade : null,
        patternTintAndShade: typeof f.patternTintAndShade === "number" ? f.patternTintAndShade : null,
      });
    });
  }
  saved = before;
  for (const part of chunks(cells)) {
    for (const t of part) {
      const f = fillOf(context, t.sheet, t.cell);
      f.color = HIGHLIGHT_COLORS[t.severity as Exclude<Severity, "info">];
    }
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk of CHUNK cells keeps each request small
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

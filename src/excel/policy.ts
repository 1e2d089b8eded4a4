/**
 * The workbook's policy in Excel: the 政策参数 sheet is the source of truth.
 *
 * - {@link loadWorkbookPolicy}: reads the 政策参数 table (the sheet of that name, else the first
 *   sheet whose top rows hold the 参数/值 header), registers the policy in the shared runtime
 *   (src/policy/store.ts) so every CM.* function uses it, and recalculates when it changed.
 *   At most four syncs, whatever the size of the workbook.
 * - {@link writePolicySheet}: writes the policy to the 政策参数 sheet — the add-in's own
 *   parameter sheet: creates it when missing; otherwise updates the 值 cells of the keys it
 *   holds in place (and their 说明 when it is still the add-in's text), adds missing keys after
 *   the table's last row, never reorders rows and never touches another sheet — then registers
 *   the policy and runs a full recalculation so every CM.* formula reflects it.
 * - {@link watchPolicySheet}: reloads after the user edits the 政策参数 sheet by hand.
 *
 * The logic (schema, parsing, validation) is in src/policy, the sheet layout in
 * src/summary/policySheet.ts; only Office calls here.
 */
import type { Issue } from "../core/issues";
import type { RawCell } from "../core/parse";
import { clonePolicy, getParam, POLICY_SHEET, shownParams, type ParamDef } from "../policy/schema";
import {
  findPolicyTable,
  formatParamValue,
  paramNote,
  readPolicyFromGrid,
  tableRows,
  type PolicyTable,
} from "../policy/sheet";
import {
  activePolicy,
  clearWorkbookPolicies,
  currentYear,
  setWorkbookPolicy,
} from "../policy/store";
import { defaultPolicy } from "../policy/defaults";
import type { Policy } from "../policy/types";
import { validatePolicy } from "../policy/validate";
import type { SheetGrid } from "../core/grid";
import { mustStoreAsText, type CellValue } from "../summary/model";
import { policyRow, policySheetModel } from "../summary/policySheet";
import { normKey } from "../core/text";
import { colLetters } from "../core/issues";
import { widthPoints } from "./batch";
import { rangeOrigin } from "./read";

export interface LoadedPolicy {
  policy: Policy;
  issues: Issue[];
  /** the workbook has a 政策参数 table */
  found: boolean;
  /** its 年度 was read (else the default year of 第十四条 applies, policy/store defaultYearChoice) */
  yearGiven?: boolean;
}

/** Where the header of a policy table is looked for in sheets other than 政策参数. */
const SCAN_WINDOW = "A1:Z40";

function same(a: Policy, b: Policy): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function gridOf(name: string, range: Excel.Range): SheetGrid {
  if (range.isNullObject === true) return { name, rowOffset: 0, colOffset: 0, values: [] };
  const o = rangeOrigin(range.address);
  return { name, rowOffset: o.row, colOffset: o.col, values: range.values as RawCell[][] };
}

/** Finds the policy table: the 政策参数 sheet, else a scan of the other sheets' top-left windows. */
async function readPolicyGrid(context: Excel.RequestContext): Promise<SheetGrid | null> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const own = sheets.getItemOrNullObject(POLICY_SHEET);
  own.load("isNullObject");
  await context.sync();
  if (own.isNullObject !== true) {
    const used = own.getUsedRangeOrNullObject(true);
    used.load("values,address,isNullObject");
    await context.sync();
    const grid = gridOf(POLICY_SHEET, used);
    if (findPolicyTable({ sheets: [grid] })) return grid;
  }
  const others = sheets.items.filter((ws) => normKey(ws.name) !== normKey(POLICY_SHEET));
  if (others.length === 0) return null;
  const windows = others.map((ws) => {
    const r = ws.getRange(SCAN_WINDOW);
    r.load("values,address");
    return { ws, r };
  });
  await context.sync();
  const hit = windows.find(({ ws, r }) => findPolicyTable({ sheets: [gridOf(ws.name, r)] }));
  if (!hit) return null;
  const used = hit.ws.getUsedRangeOrNullObject(true);
  used.load("values,address,isNullObject");
  await context.sync();
  return gridOf(hit.ws.name, used);
}

/**
 * The sheet holds one year: the policy read or written replaces whatever was registered
 * (another year's policy kept from before would no longer be the workbook's). null: none.
 */
function registerOnly(p: Policy | null): void {
  clearWorkbookPolicies();
  if (p) setWorkbookPolicy(p);
}

/** Reads the workbook's policy in a given request context (see {@link loadWorkbookPolicy}). */
async function loadWorkbookPolicyIn(context: Excel.RequestContext): Promise<LoadedPolicy> {
  const before = activePolicy();
  const grid = await readPolicyGrid(context);
  const r = readPolicyFromGrid({ sheets: grid ? [grid] : [] }, currentYear());
  registerOnly(r.found ? r.policy : null);
  if (!same(before, activePolicy())) {
    context.workbook.application.calculate(Excel.CalculationType.full);
    await context.sync();
  }
  return r;
}

/**
 * Reads the 政策参数 sheet of the open workbook and registers it with setWorkbookPolicy (no
 * table: the built-in defaults of the current year apply). Recalculates every formula when the
 * policy in use changed. Issues of the sheet (wrong types, out of range …) are returned.
 */
export async function loadWorkbookPolicy(context?: Excel.RequestContext): Promise<LoadedPolicy> {
  if (context) return loadWorkbookPolicyIn(context);
  return Excel.run((ctx) => loadWorkbookPolicyIn(ctx));
}

let startup: Promise<LoadedPolicy> | null = null;

/** The first load of the session (started once by the task pane's boot; later callers share it). */
export function loadWorkbookPolicyOnce(): Promise<LoadedPolicy> {
  startup ??= loadWorkbookPolicy().catch((e: unknown) => {
    startup = null;
    throw e;
  });
  return startup;
}

// ---------------------------------------------------------------------------
// writing

export interface WrittenPolicy {
  /** the sheet was created (it did not exist) */
  created: boolean;
  /** 值 cells written in place */
  updated: number;
  /** keys added after the table */
  added: number;
}

/** The error thrown when the policy cannot be written; `message` is Chinese, `en` English. */
export class PolicyWriteError extends Error {
  constructor(
    message: string,
    readonly en: string
  ) {
    super(message);
    this.name = "PolicyWriteError";
  }
}

const TEXT_FORMAT = "@";
const GENERAL_FORMAT = "General";

/** The number format a value cell needs so Excel stores it as given (a date text stays text). */
function formatFor(v: CellValue): string {
  return typeof v === "string" && mustStoreAsText(v) ? TEXT_FORMAT : GENERAL_FORMAT;
}

function addr(r: number, c: number): string {
  return `${colLetters(c)}${r + 1}`;
}

function block(r0: number, c0: number, r1: number, c1: number): string {
  return r0 === r1 && c0 === c1 ? addr(r0, c0) : `${addr(r0, c0)}:${addr(r1, c1)}`;
}

/** Writes a column of cells (sheet rows r0.., column c) with per-cell formats, as one range. */
function writeColumn(ws: Excel.Worksheet, r0: number, c: number, cells: CellValue[]): void {
  if (cells.length === 0) return;
  const range = ws.getRange(block(r0, c, r0 + cells.length - 1, c));
  range.numberFormat = cells.map((v) => [formatFor(v)]);
  range.values = cells.map((v) => [v === null ? "" : v]) as unknown as (
    string | number | boolean
  )[][];
}

/** The whole table on an empty sheet: header in row 1, bold and frozen, columns sized. */
function writeWholeTable(ws: Excel.Worksheet, policy: Policy): number {
  const m = policySheetModel(policy);
  m.columns.forEach((col, c) => {
    const cells: CellValue[] = [col.header, ...m.rows.map((row) => row[c])];
    const range = ws.getRange(block(0, c, cells.length - 1, c));
    range.numberFormat = cells.map((v) => [col.format === "text" ? TEXT_FORMAT : formatFor(v)]);
    range.values = cells.map((v) => [v === null ? "" : v]) as unknown as (
      string | number | boolean
    )[][];
    range.format.columnWidth = widthPoints(col.width ?? 12);
  });
  ws.getRange(block(0, 0, 0, m.columns.length - 1)).format.font.bold = true;
  ws.freezePanes.freezeRows(1);
  return m.rows.length;
}

/** Runs of consecutive sheet rows: [[firstRow, [values…]], …]. */
function runsOf(cells: { row: number; v: CellValue }[]): [number, CellValue[]][] {
  const sorted = [...cells].sort((a, b) => a.row - b.row);
  const out: [number, CellValue[]][] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1].length === c.row) last[1].push(c.v);
    else out.push([c.row, [c.v]]);
  }
  return out;
}

/** Updates an existing table in place and appends the keys it lacks. */
function updateTable(
  ws: Excel.Worksheet,
  t: PolicyTable,
  policy: Policy
): { updated: number; added: number } {
  const defaults = defaultPolicy(policy.year);
  const { rowOffset, colOffset } = t.sheet;
  const header = (t.sheet.values[t.headerRow] ?? []).map((h) =>
    typeof h === "string" ? normKey(h) : ""
  );
  const present = new Map<ParamDef, number>();
  for (const row of tableRows(t)) if (row.def && !present.has(row.def)) present.set(row.def, row.r);

  const values: { row: number; v: CellValue }[] = [];
  const notes: { row: number; v: CellValue }[] = [];
  for (const [d, r] of present) {
    const v = getParam(policy, d);
    values.push({ row: rowOffset + r, v: formatParamValue(d, v) });
    if (t.noteCol >= 0) {
      const old = t.sheet.values[r]?.[t.noteCol];
      // the 说明 is rewritten only while it is still the add-in's own text
      if (
        old === paramNote(d, null) ||
        old === paramNote(d, 0) ||
        old === "" ||
        old === null ||
        old === undefined
      )
        notes.push({ row: rowOffset + r, v: paramNote(d, v) });
    }
  }
  for (const [r0, cells] of runsOf(values)) writeColumn(ws, r0, colOffset + t.valueCol, cells);
  for (const [r0, cells] of runsOf(notes)) writeColumn(ws, r0, colOffset + t.noteCol, cells);

  const missing = shownParams(policy).filter((d) => !present.has(d));
  if (missing.length > 0) {
    const m = policySheetModel(policy);
    const first = rowOffset + t.sheet.values.length;
    const rows = missing.map((d) => policyRow(d, policy, defaults));
    // 参数/值/说明 where the reader found them (their header may be an accepted alias), the rest by name
    const fixed: Record<string, number> = { 参数: t.keyCol, 值: t.valueCol, 说明: t.noteCol };
    m.columns.forEach((col, c) => {
      const at = col.header in fixed ? fixed[col.header] : header.indexOf(normKey(col.header));
      if (at < 0) return;
      writeColumn(
        ws,
        first,
        colOffset + at,
        rows.map((row) => row[c])
      );
    });
  }
  return { updated: values.length, added: missing.length };
}

function checkWritable(policy: Policy): void {
  const errors = validatePolicy(policy).filter((i) => i.severity === "error");
  if (errors.length > 0) {
    throw new PolicyWriteError(
      `政策参数有误，未写入工作表：${errors.map((e) => e.message).join("；")}`,
      `The policy has errors and was not written: ${errors.map((e) => e.messageEn ?? e.message).join("; ")}`
    );
  }
}

/** Writes the policy in a given request context (see {@link writePolicySheet}). */
async function writePolicySheetIn(
  context: Excel.RequestContext,
  policy: Policy
): Promise<WrittenPolicy> {
  checkWritable(policy);
  const p = clonePolicy(policy);
  const sheets = context.workbook.worksheets;
  const own = sheets.getItemOrNullObject(POLICY_SHEET);
  own.load("isNullObject");
  await context.sync();

  let result: WrittenPolicy;
  if (own.isNullObject === true) {
    const ws = sheets.add(POLICY_SHEET);
    result = { created: true, updated: 0, added: writeWholeTable(ws, p) };
  } else {
    const used = own.getUsedRangeOrNullObject(true);
    used.load("values,address,isNullObject");
    await context.sync();
    const grid = gridOf(POLICY_SHEET, used);
    const t = findPolicyTable({ sheets: [grid] });
    if (t) result = { created: false, ...updateTable(own, t, p) };
    else if (grid.values.length === 0)
      result = { created: false, updated: 0, added: writeWholeTable(own, p) };
    else {
      throw new PolicyWriteError(
        `工作表“${POLICY_SHEET}”已有内容，但找不到“参数”“值”表头，未写入。请将该表改名后重试`,
        `The sheet ${POLICY_SHEET} has content but no 参数/值 header; nothing was written. Rename that sheet and retry`
      );
    }
  }
  await context.sync();
  registerOnly(p);
  context.workbook.application.calculate(Excel.CalculationType.full);
  await context.sync();
  return result;
}

/**
 * Writes the policy to the 政策参数 sheet (see the module comment), registers it for the CM.*
 * functions and recalculates the workbook fully. A policy with errors is refused
 * ({@link PolicyWriteError}) before anything is written.
 */
export async function writePolicySheet(
  policy: Policy,
  context?: Excel.RequestContext
): Promise<WrittenPolicy> {
  if (context) return writePolicySheetIn(context, policy);
  return Excel.run((ctx) => writePolicySheetIn(ctx, policy));
}

// ---------------------------------------------------------------------------
// watching hand edits

/** Delay before reloading after an edit (several cells pasted at once give one reload). */
const RELOAD_DELAY_MS = 400;

/**
 * Reloads the policy whenever the 政策参数 sheet changes (ExcelApi 1.7 onChanged). Returns
 * false when the sheet does not exist (call again after writePolicySheet created it).
 * `onReload` receives each reload's result (the page shows its issues).
 */
export async function watchPolicySheet(
  onReload?: (r: LoadedPolicy) => void,
  onError?: (e: unknown) => void
): Promise<boolean> {
  return Excel.run(async (context) => {
    const own = context.workbook.worksheets.getItemOrNullObject(POLICY_SHEET);
    own.load("isNullObject");
    await context.sync();
    if (own.isNullObject === true) return false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    own.onChanged.add(async () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        loadWorkbookPolicy().then(
          (r) => onReload?.(r),
          (e: unknown) => onError?.(e)
        );
      }, RELOAD_DELAY_MS);
    });
    await context.sync();
    return true;
  });
}

/**
 * Start-up of the shared runtime (called once by the task pane's boot when Office is ready in
 * Excel): loads the workbook's policy so the CM.* functions use it, then watches the sheet for
 * hand edits. A failure here is not lost: the 政策参数 page awaits the same load and shows it.
 */
export function startWorkbookPolicy(): void {
  loadWorkbookPolicyOnce()
    .then(() => watchPolicySheet())
    .catch(() => false);
}

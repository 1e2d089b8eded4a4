/**
 * The offline page's engine (issue 17): the CLI's `validate` / `summarize` on a workbook's bytes,
 * with no DOM and no Node — it runs in the page's Web Worker, and in jest. The same code path as
 * the CLI: the .xlsx layer of src/xlsx/ (the package read from bytes, carried parts copied as
 * their compressed bytes), the reader, `summariesOf` + `addSheetsToPackage` + the writer; the
 * codec is pako (src/xlsx/pakoCodec.ts).
 *
 * - {@link inspectBytes}: the file refused (the CLI's messages, src/xlsx/detect.ts MESSAGES), or
 *   its grid, which summaries the data allows, and the validation the pane's 校验 shows
 *   (`checkView(checkWorkbook(grid))`, src/excel/compute.ts — the worker's own task).
 * - {@link summarizeBytes}: the output workbook's bytes (`<name>-汇总.xlsx`): every part of the
 *   input unchanged plus the summaries asked for.
 */
import type { Issue } from "../core/issues";
import type { Policy } from "../policy/types";
import type { WorkbookGrid } from "../core/grid";
import type { CheckView } from "../excel/compute";
import type { Availability } from "../summary/availability";
import type { SummaryId } from "../summary/common";
import { checkView } from "../excel/compute";
import { resolvePolicyOf } from "../policy/resolve";
import type { ResolvedPolicy } from "../policy/resolve";
import { policySheetModel } from "../summary/policySheet";
import { POLICY_SHEET } from "../policy/schema";
import { availabilityOfGrid } from "../summary/availability";
import { checkWorkbook } from "../summary/readiness";
import { readForRun, summariesOfRead } from "../summary/run";
import type { RunResult } from "../summary/run";
import { MESSAGES } from "../xlsx/detect";
import { RefusedFileError, addSheetsToPackage, openPackage, packageBytes } from "../xlsx/package";
import type { Package } from "../xlsx/package";
import { gridOfPackage, readFailure } from "../xlsx/read";
import { pakoCodec } from "../xlsx/pakoCodec";
import { PackageError } from "../xlsx/xml";
import { ZipError } from "../xlsx/zip";

/** A file that is not a readable workbook: the CLI's line for it, without the file name. */
export interface Refused {
  ok: false;
  /** the reason, as the CLI says it after "无法读取 FILE：" (Chinese first, English in brackets) */
  message: string;
  /** the whole line, as the CLI prints it: `无法读取 ${name}：${message}` */
  line: string;
}

export interface Inspected {
  ok: true;
  /** the workbook's used values (what the CLI reads) */
  grid: WorkbookGrid;
  /** which summaries the data allows (src/summary/availability.ts), as the pane's 汇总 page shows */
  availability: Record<SummaryId, Availability>;
  /** the 校验 result, as the pane's worker computes it: issues, ready line, policy, row counts */
  check: CheckView;
  /** check.issues (the validation list) */
  issues: Issue[];
  /** what the file reader told about the input (e.g. formulas without cached values), one line each */
  notices: string[];
}

export type InspectResult = Inspected | Refused;

export interface SummarizeBytesOptions {
  /**
   * An edited policy: used instead of the workbook's 政策参数 sheet and written into the output's
   * 政策参数 sheet (issue 17: its place and name kept, so that the output's summaries and its
   * policy agree — 核对汇总 and `cm-addin verify` remake them with the edited figures); a new
   * 政策参数 sheet when the input has none. The input's bytes are never changed.
   */
  policyOverride?: Policy;
  /** when the summaries are made (title lines, default year 第十四条); default: now */
  now?: Date;
}

export interface Summarized {
  ok: true;
  /** the output .xlsx; null when the data allows none of the summaries (the CLI then writes nothing) */
  bytes: Uint8Array | null;
  /** `<name>-汇总.xlsx` */
  fileName: string;
  /** the sheet names the summaries got in the output (suffixed when taken), in model order */
  sheetNames: string[];
  /** the summaries built (models, skipped ones with reasons, issues, policy, yearNote, rowsLeftOut: the CLI's exit status 1 when > 0) */
  result: RunResult;
  /** what the file reader told about the input, one line each */
  notices: string[];
}

export type SummarizeResult = Summarized | Refused;

/** The output's file name: `<name without .xlsx>-汇总.xlsx`. */
export function outputName(name: string): string {
  const base = name.replace(/^.*[\\/]/, "").replace(/\.xlsx$/i, "");
  return `${base}-汇总.xlsx`;
}

function refused(name: string, message: string, writing = false): Refused {
  return { ok: false, message, line: `${writing ? "无法写入" : "无法读取"} ${name}：${message}` };
}

/** The package and grid of a file's bytes, or why the file cannot be read (the CLI's lines). */
async function readBytes(
  bytes: Uint8Array,
  name: string
): Promise<{ pkg: Package; grid: WorkbookGrid } | Refused> {
  let pkg: Package;
  try {
    pkg = openPackage(bytes, name, pakoCodec);
  } catch (e) {
    if (e instanceof RefusedFileError) return refused(name, e.message);
    throw e;
  }
  try {
    return { pkg, grid: await gridOfPackage(pkg) };
  } catch (e) {
    return refused(name, readFailure(e));
  }
}

/** Reads and validates a workbook from its bytes (`name`: the file's name, for messages and kind). */
export async function inspectBytes(
  bytes: Uint8Array,
  name: string,
  opts: { now?: Date } = {}
): Promise<InspectResult> {
  const r = await readBytes(bytes, name);
  if ("ok" in r) return r;
  const { grid } = r;
  const availability = availabilityOfGrid(grid);
  const check = checkView(checkWorkbook(grid, undefined, { today: opts.now }));
  return { ok: true, grid, availability, check, issues: check.issues, notices: grid.notices ?? [] };
}

/**
 * The output workbook of `cm-addin summarize` for these bytes and summaries (`ids`: summary ids
 * or sheet names, as --only; empty: every default summary). The input's bytes are not changed.
 */
export async function summarizeBytes(
  bytes: Uint8Array,
  name: string,
  ids: readonly string[],
  opts: SummarizeBytesOptions = {}
): Promise<SummarizeResult> {
  const now = opts.now ?? new Date();
  const r = await readBytes(bytes, name);
  if ("ok" in r) return r;
  const { pkg, grid } = r;
  const notices = grid.notices ?? [];
  const resolved: ResolvedPolicy =
    opts.policyOverride === undefined
      ? resolvePolicyOf(grid, { today: now })
      : { policy: opts.policyOverride, issues: [], yearNote: null };
  const result = summariesOfRead(readForRun(grid, resolved), resolved, {
    now,
    only: ids.length > 0 ? ids : undefined,
  });
  const fileName = outputName(name);
  const models =
    opts.policyOverride === undefined
      ? result.models
      : [...result.models, policySheetModel(opts.policyOverride)];
  if (models.length === 0)
    return { ok: true, bytes: null, fileName, sheetNames: [], result, notices };
  let sheetNames: string[];
  let out: Uint8Array;
  try {
    sheetNames = addSheetsToPackage(pkg, models, {
      replace: opts.policyOverride === undefined ? [] : [POLICY_SHEET],
    });
    out = await packageBytes(pkg, pakoCodec, now);
  } catch (e) {
    // as the CLI (src/cli/xlsx.ts addSheetsToWorkbook): the input's fault, or the data's size
    if (e instanceof PackageError) return refused(name, e.message);
    if (e instanceof ZipError) return refused(name, MESSAGES.corrupt(e.message));
    if (e instanceof Error && /too many (rows|columns) for one sheet/.test(e.message))
      return refused(fileName, e.message, true);
    throw e;
  }
  return { ok: true, bytes: out, fileName, sheetNames, result, notices };
}

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
import type { WorkbookGrid } from "../reader/grid";
import type { CheckView } from "../excel/compute";
import type { Availability } from "../summary/availability";
import type { SummaryId } from "../summary/common";
import type { SummariesResult } from "../summary/build";
import { notZipReason } from "../cli/xlsx/detect";

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
   * An edited policy: used instead of the workbook's 政策参数 sheet, and written into the output as
   * a 政策参数 sheet of its own (the input's sheet is carried unchanged, so the new one is named
   * "政策参数 (2)" when the input has one).
   */
  policyOverride?: Policy;
  /** when the summaries are made (title lines, default year 第十四条); default: now */
  now?: Date;
}

export interface Summarized {
  ok: true;
  /** the output .xlsx */
  bytes: Uint8Array;
  /** `<name>-汇总.xlsx` */
  fileName: string;
  /** the sheet names the summaries got in the output (suffixed when taken), in model order */
  sheetNames: string[];
  /** the summaries built (models, skipped ones with reasons, issues, policy) */
  result: SummariesResult;
  /** rows left out of summaries for data errors (the CLI's exit status 1 when > 0) */
  rowsLeftOut: number;
  notices: string[];
}

export type SummarizeResult = Summarized | Refused;

/** The output's file name: `<name without .xlsx>-汇总.xlsx`. */
export function outputName(name: string): string {
  const base = name.replace(/^.*[\\/]/, "").replace(/\.xlsx$/i, "");
  return `${base}-汇总.xlsx`;
}

/** Reads and validates a workbook from its bytes (`name`: the file's name, for messages and kind). */
export async function inspectBytes(bytes: Uint8Array, name: string): Promise<InspectResult> {
  const refused = refusal(bytes, name);
  if (refused) return refused;
  throw new Error("inspectBytes: not implemented yet (h17a)");
}

function refused(name: string, message: string): Refused {
  return { ok: false, message, line: `无法读取 ${name}：${message}` };
}

/** The interim check (only what the bytes' start says); the full one follows with src/xlsx/. */
function refusal(bytes: Uint8Array, name: string): Refused | null {
  if (bytes.length === 0) return refused(name, "文件为空（empty file）");
  const why = notZipReason(name, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return why === null ? null : refused(name, why);
}

/**
 * The output workbook of `cm-addin summarize` for these bytes and summaries (`ids`: summary ids
 * or sheet names, as --only; empty: every default summary).
 */
export function summarizeBytes(
  bytes: Uint8Array,
  name: string,
  ids: readonly string[],
  opts: SummarizeBytesOptions = {}
): Promise<SummarizeResult> {
  const r = refusal(bytes, name);
  if (r) return Promise.resolve(r);
  void ids;
  void opts;
  return Promise.reject(new Error("summarizeBytes: not implemented yet (h17a)"));
}

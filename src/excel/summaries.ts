/**
 * The summaries in Excel (the task pane's 汇总 page): read the open workbook, build the
 * summaries with the SAME code as the CLI (src/summary/build.ts), write each to a new sheet.
 *
 * - {@link generateSummaries}: the workbook's policy (loadWorkbookPolicy), the grid
 *   (readWorkbookGridFromExcel, in byte-sized row blocks), buildSummaries, writeSheets — syncs
 *   that grow with the bytes read and written, never per row; a progress callback for the page.
 * - {@link summaryAvailabilityInExcel}: which summaries the data allows (from the header rows).
 * - {@link watchSummarySelection}: the row selected in a 等级汇总 / 退休买断 sheet, for the
 *   explanation panel (Worksheet.onSelectionChanged on those sheets, ExcelApi 1.7).
 * - {@link explanationsFromWorkbook}: the rows' explanations recomputed from the workbook, when
 *   the pane did not make the sheets in this session.
 */
import type { ExplainStep } from "../core/explain";
import type { Availability } from "../summary/availability";
import { availabilityOfGrid } from "../summary/availability";
import type { SummariesResult } from "../summary/build";
import { computeSummaries } from "./compute";
import type { SummaryId } from "../summary/common";
import { summaryIdOf } from "../summary/common";
import { buyoutKey } from "../summary/buyout";
import { POLICY_SHEET } from "../policy/schema";
import { defaultYearChoice, defaultYearIssue } from "../policy/store";
import { loadWorkbookPolicy } from "./policy";
import { readWorkbookGridFromExcel, readWorkbookHeadersFromExcel } from "./read";
import { writeSheets } from "./write";

export interface SummaryProgress {
  /** 0 … 1 */
  fraction: number;
  zh: string;
  en: string;
}

export type ProgressCallback = (p: SummaryProgress) => void;

export interface GeneratedSummaries extends SummariesResult {
  /** the names the new sheets got, in model order (" (2)" … when a name was taken) */
  sheetNames: string[];
}

/** Share of the progress bar before writing starts (reading and computing). */
const BEFORE_WRITE = 0.3;

/** Builds the summaries from a request context: the work of {@link generateSummaries}. */
export async function generateSummariesIn(
  context: Excel.RequestContext,
  only?: readonly string[],
  onProgress?: ProgressCallback,
  now: Date = new Date()
): Promise<GeneratedSummaries> {
  onProgress?.({ fraction: 0, zh: "正在读取政策参数…", en: "Reading the policy…" });
  const { policy, issues: policyIssues, yearGiven } = await loadWorkbookPolicy(context);
  // (rev 2) no 年度 in the sheet: the default year of 第十四条, said in the issues and the title lines
  const defaulted = yearGiven !== true && defaultYearChoice(now).year === policy.year;
  onProgress?.({ fraction: 0.05, zh: "正在读取工作簿…", en: "Reading the workbook…" });
  const grid = await readWorkbookGridFromExcel(context, {
    onProgress: (done, total) =>
      onProgress?.({
        fraction: (5 + 10 * (total > 0 ? done / total : 1)) / 100,
        zh: `正在读取工作簿…（${done}/${total} 行）`,
        en: `Reading the workbook… (${done}/${total} rows)`,
      }),
  });
  onProgress?.({ fraction: 0.15, zh: "正在计算汇总…", en: "Computing the summaries…" });
  const extraIssues = defaulted
    ? [defaultYearIssue(now, POLICY_SHEET), ...policyIssues]
    : policyIssues;
  // in the pane's worker when there is one (src/excel/compute.ts): the runtime's thread stays free
  const result = await computeSummaries(grid, policy, {
    now,
    only,
    extraIssues,
    yearNote: defaulted ? defaultYearChoice(now).short : undefined,
  });
  onProgress?.({ fraction: BEFORE_WRITE, zh: "正在写入工作表…", en: "Writing the sheets…" });
  const sheetNames = await writeSheets(context, result.models, {
    activate: true,
    onProgress: (done, total) =>
      onProgress?.({
        fraction: BEFORE_WRITE + (1 - BEFORE_WRITE) * (total > 0 ? done / total : 1),
        zh: "正在写入工作表…",
        en: "Writing the sheets…",
      }),
  });
  onProgress?.({ fraction: 1, zh: "完成", en: "Done" });
  return { ...result, sheetNames };
}

/**
 * Generates the summaries into new sheets of the open workbook.
 * @param only summary ids or sheet names (default: every summary the data allows)
 */
export function generateSummaries(
  only?: readonly string[],
  onProgress?: ProgressCallback,
  now?: Date
): Promise<GeneratedSummaries> {
  return Excel.run((context) => generateSummariesIn(context, only, onProgress, now));
}

/** Which summaries the open workbook's data allows (a read of the header rows only: src/excel/read.ts). */
export function summaryAvailabilityInExcel(): Promise<Record<SummaryId, Availability>> {
  return Excel.run(async (context) =>
    availabilityOfGrid(await readWorkbookHeadersFromExcel(context))
  );
}

/** Activates a sheet (the report's links) and selects its first cell. */
export function activateSheet(name: string): Promise<void> {
  return Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(name);
    ws.activate();
    ws.getRange("A1").select();
    await context.sync();
  });
}

/** A row selected in a summary sheet that has explanations. */
export interface SelectedSummaryRow {
  sheet: string;
  summary: Extract<SummaryId, "grades" | "buyout">;
  /** the explanation key: 员工号 (等级汇总) or 员工号|贷款编号 (退休买断) */
  key: string;
  employeeId: string;
  loanId: string | null;
  /** 1-based sheet row */
  row: number;
}

/** The summaries whose rows the panel explains. */
function explainedSummary(sheetName: string): SelectedSummaryRow["summary"] | null {
  const id = summaryIdOf(sheetName);
  return id === "grades" || id === "buyout" ? id : null;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  return String(v).trim();
}

/**
 * The key of the selected row from the sheet's header row (the row holding 员工号, within the
 * first rows) and the selected row's values; null when the selection is the title, the header,
 * a notes line or outside the table.
 */
export function selectedRowKey(
  sheet: string,
  summary: SelectedSummaryRow["summary"],
  topRows: unknown[][],
  row: number,
  values: unknown[]
): SelectedSummaryRow | null {
  const headerIdx = topRows.findIndex((r) => r.some((v) => cellText(v) === "员工号"));
  if (headerIdx < 0 || row <= headerIdx + 1) return null;
  const header = topRows[headerIdx].map(cellText);
  const emp = cellText(values[header.indexOf("员工号")]);
  if (!emp) return null;
  if (summary === "grades") return { sheet, summary, key: emp, employeeId: emp, loanId: null, row };
  const loanCol = header.indexOf("贷款编号");
  const loan = loanCol >= 0 ? cellText(values[loanCol]) : "";
  if (!loan) return null;
  return { sheet, summary, key: buyoutKey(emp, loan), employeeId: emp, loanId: loan, row };
}

/** How many rows from the top are searched for the header row (title line + header). */
const TOP_ROWS = 5;

/** Reads the selected row of a summary sheet (one sync). */
async function readSelectedRow(
  context: Excel.RequestContext,
  worksheet: Excel.Worksheet,
  sheetName: string,
  address: string
): Promise<SelectedSummaryRow | null> {
  const summary = explainedSummary(sheetName);
  if (!summary) return null;
  const used = worksheet.getUsedRangeOrNullObject(true);
  const top = used.getRow(0).getResizedRange(TOP_ROWS - 1, 0);
  const local = address.slice(address.lastIndexOf("!") + 1).split(":")[0];
  const row = worksheet.getRange(local).getEntireRow().getIntersectionOrNullObject(used);
  // isNullObject is known once any property of a …OrNullObject proxy is loaded
  used.load("address");
  top.load("values");
  row.load("values,rowIndex");
  await context.sync();
  if (used.isNullObject === true || row.isNullObject === true) return null;
  return selectedRowKey(
    sheetName,
    summary,
    top.values as unknown[][],
    row.rowIndex + 1,
    (row.values as unknown[][])[0] ?? []
  );
}

/**
 * Calls `onRow` with the row selected in any 等级汇总 / 退休买断 sheet of the workbook (by name,
 * suffixes included), null when the selection leaves the table. Returns a function that removes
 * the handlers. Call again after new sheets are added.
 */
export async function watchSummarySelection(
  onRow: (row: SelectedSummaryRow | null) => void
): Promise<() => Promise<void>> {
  const handlers: OfficeExtension.EventHandlerResult<Excel.WorksheetSelectionChangedEventArgs>[] =
    [];
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    for (const ws of sheets.items) {
      const name = ws.name;
      if (!explainedSummary(name)) continue;
      handlers.push(
        ws.onSelectionChanged.add(async (args) => {
          try {
            const row = await Excel.run(async (ctx) => {
              const sheet = ctx.workbook.worksheets.getItem(args.worksheetId);
              return readSelectedRow(ctx, sheet, name, args.address);
            });
            onRow(row);
          } catch {
            onRow(null);
          }
        })
      );
    }
    await context.sync();
  });
  return async () => {
    for (const h of handlers) {
      // the documented pattern: a batch on the handler's own context (Excel.run gives that
      // same context back, so syncing h.context is syncing the batch's context)
      await Excel.run(h.context, async () => {
        h.remove();
        await h.context.sync();
      });
    }
  };
}

/** The explanations of the 等级汇总 and 退休买断 rows, recomputed from the open workbook. */
export function explanationsFromWorkbook(
  now: Date = new Date()
): Promise<Partial<Record<SummaryId, Record<string, ExplainStep[]>>>> {
  return Excel.run(async (context) => {
    const { policy } = await loadWorkbookPolicy(context);
    const grid = await readWorkbookGridFromExcel(context);
    return (await computeSummaries(grid, policy, { now, only: ["grades", "buyout"] })).explanations;
  });
}

/** What the 汇总 page needs from Excel (replaced by a fake in the page's tests). */
export interface SummaryPaneApi {
  availability(): Promise<Record<SummaryId, Availability>>;
  generate(only: readonly SummaryId[], onProgress: ProgressCallback): Promise<GeneratedSummaries>;
  activate(sheet: string): Promise<void>;
  /** registers the selection handlers on the explained sheets; resolves to their removal */
  watchSelection(onRow: (row: SelectedSummaryRow | null) => void): Promise<() => Promise<void>>;
  explanations(): Promise<Partial<Record<SummaryId, Record<string, ExplainStep[]>>>>;
}

export const excelSummaryPaneApi: SummaryPaneApi = {
  availability: () => summaryAvailabilityInExcel(),
  generate: (only, onProgress) => generateSummaries(only, onProgress),
  activate: (sheet) => activateSheet(sheet),
  watchSelection: (onRow) => watchSummarySelection(onRow),
  explanations: () => explanationsFromWorkbook(),
};

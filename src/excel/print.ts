/**
 * The Office.js side of what a SheetModel says beyond its cells (src/summary/model.ts): the page
 * setup of a printed summary (WORKBOOK.md rev 2) and the highlight of blank must-set cells of the
 * 政策参数 sheet. The same description the .xlsx writer serializes (src/cli/xlsx/sheetXml.ts):
 *
 * - page: landscape A4, fitted to one page wide (`zoom` {horizontalFitToPages: 1,
 *   verticalFitToPages: 0}), margins, the header rows repeated (`setPrintTitleRows`), the page
 *   header and footer in Excel's codes (&P, &N) — ExcelApi 1.9 (PageLayout);
 * - wrapped columns (wrapText, top) and rows fitted to them (`autofitRows`), the title and long
 *   notes lines merged over the table's width — ExcelApi 1.2;
 * - (issue 19) manual page breaks above the rows of SheetModel.pageBreaks (`horizontalPageBreaks.add`) — ExcelApi 1.9;
 * - blank must-set cells: a custom conditional format (fill while LEN(TRIM(cell)) = 0) and an
 *   input prompt as their note — ExcelApi 1.6 and 1.8.
 *
 * Each part is queued only where the host supports its requirement set, and only on a host whose
 * objects have it (a test double may lack them); {@link queueSheetExtras} queues, the caller syncs.
 */
import { colLetters } from "../core/issues";
import {
  headerFooterSection,
  pageBreakRows,
  printArea,
  printTitleRows,
  sheetLayout,
  wideLines,
} from "../summary/model";
import type { SheetModel } from "../summary/model";
import { ACTION_BYTES, PATH_BYTES, REQUEST_BUDGET, REQUEST_OVERHEAD } from "./batch";
import { QUEUE_STEP_BYTES, yieldToLoop } from "./loop";

/** The fill of a blank must-set cell (the .xlsx writer's HIGHLIGHT_RGB). */
export const HIGHLIGHT_COLOR = "#FFEB9C";
const POINTS_PER_INCH = 72;

export function supported(version: string): boolean {
  const o = (globalThis as { Office?: typeof Office }).Office;
  return !!o?.context?.requirements?.isSetSupported?.("ExcelApi", version);
}

/** True when the model asks for anything this file writes. */
function hasSheetExtras(m: SheetModel): boolean {
  return (
    m.print !== undefined ||
    m.blankHighlight !== undefined ||
    (m.pageBreaks?.length ?? 0) > 0 ||
    m.columns.some((c) => c.wrap)
  );
}

/** The host object has the API (Office.js defines it on the prototype; a strict test double may not). */
export function has(o: object | undefined, prop: string): boolean {
  return o !== undefined && o !== null && prop in o;
}

function rowsAddress(r0: number, r1: number): string {
  return `${r0 + 1}:${r1 + 1}`;
}

/** An address argument ("A1:XFD1048576", quoted) or a number, as a request carries it: at most. */
const ARG_BYTES = 64;
/** Text as a request carries it: UTF-8 (3 bytes a Chinese character) and JSON escapes, at most. */
const textBytes = (t: string) => 6 * t.length + 2;
/** Request bytes of each part (as office.js serializes it; ./batch.ts's calibrated upper bounds per path and action). */
const PART_BYTES = {
  // pageLayout, zoom, headersFooters, defaultForAllPages paths; ~20 property sets and two calls
  pageSetup: (m: SheetModel) =>
    4 * PATH_BYTES +
    22 * (ACTION_BYTES + ARG_BYTES) +
    (["left", "center", "right"] as const).reduce(
      (n, k) =>
        n +
        textBytes(headerFooterSection(m.print!.header[k])) +
        textBytes(headerFooterSection(m.print!.footer[k])),
      0
    ),
  pageBreak: 2 * PATH_BYTES + ACTION_BYTES + ARG_BYTES,
  wrappedColumn: 3 * PATH_BYTES + 3 * ACTION_BYTES + 2 * ARG_BYTES,
  wideLine: 4 * PATH_BYTES + 6 * ACTION_BYTES + 4 * ARG_BYTES,
  highlight: (note: string) =>
    9 * PATH_BYTES + 5 * ACTION_BYTES + 2 * ARG_BYTES + textBytes(note) + 100,
};
/** More than any one part: the next part always fits when this much is left. */
const EXTRA_PART_MAX = 64_000;

/** Queues the page setup, wrapping, merges and highlights of `m` on its new sheet (no sync). */
export function queueSheetExtras(sheet: Excel.Worksheet, m: SheetModel): void {
  for (const bytes of sheetExtraParts(sheet, m)) void bytes;
}

/**
 * {@link queueSheetExtras} part by part: each step queues one part (the page setup, a page break,
 * a wrapped column, a wide line, a highlighted cell) and yields its request bytes at most, so
 * that the caller can sync between parts (a county's summaries have ~27,000 wide notes
 * lines: ~20 MB of requests, four times Excel on the web's limit, in one).
 */
function* sheetExtraParts(sheet: Excel.Worksheet, m: SheetModel): Generator<number> {
  const L = sheetLayout(m);
  const pr = m.print;
  if (pr && supported("1.9") && has(sheet, "pageLayout")) {
    const pl = sheet.pageLayout;
    pl.orientation = pr.orientation === "landscape" ? "Landscape" : "Portrait";
    pl.paperSize = "A4";
    pl.zoom = { horizontalFitToPages: pr.fitToWidth, verticalFitToPages: pr.fitToHeight };
    const g = pr.margins;
    pl.leftMargin = g.left * POINTS_PER_INCH;
    pl.rightMargin = g.right * POINTS_PER_INCH;
    pl.topMargin = g.top * POINTS_PER_INCH;
    pl.bottomMargin = g.bottom * POINTS_PER_INCH;
    pl.headerMargin = g.header * POINTS_PER_INCH;
    pl.footerMargin = g.footer * POINTS_PER_INCH;
    const area = printArea(m);
    if (area) pl.setPrintArea(`A1:${colLetters(area.lastCol)}${area.lastRow + 1}`);
    const titles = printTitleRows(m);
    if (titles) pl.setPrintTitleRows(`$${titles.first + 1}:$${titles.last + 1}`);
    const hf = pl.headersFooters.defaultForAllPages;
    hf.leftHeader = headerFooterSection(pr.header.left);
    hf.centerHeader = headerFooterSection(pr.header.center);
    hf.rightHeader = headerFooterSection(pr.header.right);
    hf.leftFooter = headerFooterSection(pr.footer.left);
    hf.centerFooter = headerFooterSection(pr.footer.center);
    hf.rightFooter = headerFooterSection(pr.footer.right);
    yield PART_BYTES.pageSetup(m);
  }
  // (issue 19) manual page breaks (考核通知单: one CM per page): a break above each row — ExcelApi 1.9 (PageBreakCollection.add)
  const breaks = pageBreakRows(m);
  if (breaks.length > 0 && supported("1.9") && has(sheet, "horizontalPageBreaks")) {
    for (const r of breaks) {
      sheet.horizontalPageBreaks.add(`A${r + 1}`);
      yield PART_BYTES.pageBreak;
    }
  }
  const wrapped = m.columns.map((c, k) => (c.wrap ? k : -1)).filter((k) => k >= 0);
  const canFormat = (r: Excel.Range) =>
    has(r.format, "wrapText") && has(r.format, "autofitRows") && has(r, "merge");
  if (wrapped.length > 0 && m.rows.length > 0) {
    const rows = sheet.getRange(rowsAddress(L.firstDataRow, L.firstDataRow + m.rows.length - 1));
    if (canFormat(rows)) {
      for (const k of wrapped) {
        const r = sheet.getRange(
          `${colLetters(k)}${L.firstDataRow + 1}:${colLetters(k)}${L.firstDataRow + m.rows.length}`
        );
        r.format.wrapText = true;
        r.format.verticalAlignment = "Top";
        yield PART_BYTES.wrappedColumn;
      }
      rows.format.autofitRows();
    }
  }
  for (const w of wideLines(m)) {
    const r = sheet.getRange(
      `${colLetters(w.firstCol)}${w.row + 1}:${colLetters(w.lastCol)}${w.row + 1}`
    );
    if (!canFormat(r)) break;
    if (w.firstCol > 0)
      sheet.getRange(
        `A${w.row + 1}:${colLetters(w.lastCol)}${w.row + 1}`
      ).format.verticalAlignment = "Top";
    r.merge(false);
    r.format.wrapText = true;
    r.format.verticalAlignment = "Top";
    if (w.height !== null) r.format.rowHeight = w.height;
    yield PART_BYTES.wideLine;
  }
  const hl = m.blankHighlight;
  if (hl && hl.rows.length > 0 && supported("1.8")) {
    for (const i of hl.rows) {
      const ref = `${colLetters(hl.col)}${L.firstDataRow + i + 1}`;
      const cell = sheet.getRange(ref);
      if (!has(cell, "conditionalFormats")) break;
      const cf = cell.conditionalFormats.add("Custom");
      cf.custom.rule.formula = `=LEN(TRIM(${ref}))=0`;
      cf.custom.format.fill.color = HIGHLIGHT_COLOR;
      cell.dataValidation.prompt = { showPrompt: true, title: "每年须设置", message: hl.note };
      yield PART_BYTES.highlight(hl.note);
    }
  }
}

/**
 * Queues the extras of every model on its sheet (`sheets[i]` for `models[i]`) and syncs once
 * for every `budget` bytes of them (usually once); nothing (no request) when no model has any.
 */
export async function applySheetExtras(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  models: readonly SheetModel[],
  budget = REQUEST_BUDGET
): Promise<void> {
  // the parts are queued until the next one might not fit: syncs ≈ 1 + Σ part bytes / budget (a county: ~27,000 wide lines → ~6)
  let bytes = REQUEST_OVERHEAD;
  let queued = false;
  for (let i = 0; i < models.length; i++) {
    const m = models[i];
    if (!hasSheetExtras(m) || !sheets[i]) continue;
    queued = true;
    let step = 0;
    for (const part of sheetExtraParts(sheets[i], m)) {
      bytes += part;
      step += part;
      if (step >= QUEUE_STEP_BYTES) {
        // a turn of the event loop between steps of queuing (./loop.ts)
        step = 0;
        await yieldToLoop();
      }
      if (bytes + EXTRA_PART_MAX > budget) {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per byte-sized group of parts keeps each under Excel's limit
        await context.sync();
        bytes = REQUEST_OVERHEAD;
        queued = false;
      }
    }
  }
  if (queued || bytes > REQUEST_OVERHEAD) await context.sync();
}

/**
 * One SheetModel as a worksheet part (SpreadsheetML), the same layout as the Office.js writer
 * (src/excel/write.ts): bold title and header, the header frozen, column widths and number
 * formats on the columns, data, bold totals rows, notes below a blank row, drop-down lists.
 * Text is written as inline strings (t="inlineStr"), so it is never a formula, and text that
 * Excel would otherwise read as a number, date or formula also gets the "@" format, as in Excel.
 */
import { colLetters } from "../core/issues";
import {
  CellValue,
  ColumnFormat,
  SheetModel,
  PAPER_A4,
  columnWidth,
  headerFooterCode,
  listRowRange,
  listSource,
  mustStoreAsText,
  sheetLayout,
  sheetValue,
  wideLines,
  pageBreakRows,
  MAX_SHEET_COLS,
  wrappedRowHeight,
} from "../summary/model";
import type { CellStyles } from "./styles";
import { escapeCellText, escapeXml } from "./xml";
import { MAIN_NS } from "./styles";
import { DATE1904_OFFSET } from "./read";

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Width as stored in the file for `chars` characters of the default font (7 px each + 5 px padding). */
function fileColumnWidth(chars: number): number {
  return Math.trunc(((chars * 7 + 5) / 7) * 256) / 256;
}

function textCell(ref: string, s: number, text: string): string {
  const t = escapeCellText(text);
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}" s="${s}" t="inlineStr"><is><t${space}>${t}</t></is></c>`;
}

/** One cell, or "" for a blank one. `format` null = outside the table (General). */
function cell(
  ref: string,
  v: CellValue,
  format: ColumnFormat | null,
  bold: boolean,
  styles: CellStyles,
  wrap = false
): string {
  if (v === null || v === "") return "";
  const f: ColumnFormat = format ?? "general";
  if (typeof v === "string")
    return textCell(ref, styles.id(f !== "text" && mustStoreAsText(v) ? "text" : f, bold, wrap), v);
  if (typeof v === "boolean")
    return `<c r="${ref}" s="${styles.id(f, bold, wrap)}" t="b"><v>${v ? 1 : 0}</v></c>`;
  // a date in a 1904 workbook: its serial counted from 1904-01-01 (the models' are 1900 serials)
  const n = f === "date" && styles.date1904 ? v - DATE1904_OFFSET : v;
  return `<c r="${ref}" s="${styles.id(f, bold, wrap)}"><v>${String(n)}</v></c>`;
}

/** `<row r=…>` with the height of its wrapped lines (points), when more than one. */
function rowStart(r: number, height: number | null): string {
  return height === null ? `<row r="${r}">` : `<row r="${r}" ht="${height}" customHeight="1">`;
}

/**
 * The print parts of a worksheet after its data, in the schema's order (ECMA-376 CT_Worksheet:
 * mergeCells, conditionalFormatting, dataValidations, …, pageMargins, pageSetup, headerFooter).
 */
function pageParts(m: SheetModel): { margins: string; setup: string } {
  const pr = m.print;
  if (!pr)
    return {
      margins:
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
      setup: "",
    };
  const g = pr.margins;
  const margins = `<pageMargins left="${g.left}" right="${g.right}" top="${g.top}" bottom="${g.bottom}" header="${g.header}" footer="${g.footer}"/>`;
  let setup = `<pageSetup paperSize="${PAPER_A4}" orientation="${pr.orientation}" fitToWidth="${pr.fitToWidth}" fitToHeight="${pr.fitToHeight}"/>`;
  const head = headerFooterCode(pr.header);
  const foot = headerFooterCode(pr.footer);
  if (head !== "" || foot !== "") {
    setup += "<headerFooter>";
    if (head !== "") setup += `<oddHeader>${escapeXml(head)}</oddHeader>`;
    if (foot !== "") setup += `<oddFooter>${escapeXml(foot)}</oddFooter>`;
    setup += "</headerFooter>";
  }
  return { margins, setup };
}

/**
 * (issue 19) The manual page breaks (CT_PageBreaks, after headerFooter): a break above each row;
 * `id` is the 0-based row, i.e. the 1-based last row of the page before.
 */
export function rowBreaksXml(m: SheetModel): string {
  const rows = pageBreakRows(m);
  if (rows.length === 0) return "";
  const breaks = rows.map((r) => `<brk id="${r}" max="${MAX_SHEET_COLS - 1}" man="1"/>`).join("");
  return `<rowBreaks count="${rows.length}" manualBreakCount="${rows.length}">${breaks}</rowBreaks>`;
}

/** Rows per chunk of {@link sheetXmlChunks}. */
const CHUNK_ROWS = 500;

/**
 * The worksheet part for `m` (shown as `name` in messages), in chunks of a few hundred rows, so
 * that a sheet of 100,000 rows never exists as one string. Call {@link checkSheetModel} first: a
 * cell that cannot be written throws here too, in the middle of the part.
 */
export function* sheetXmlChunks(
  m: SheetModel,
  name: string,
  styles: CellStyles,
  drawingRelId: string | null = null
): Generator<string> {
  const L = sheetLayout(m);
  const n = m.columns.length;
  const letters = Array.from({ length: L.colCount }, (_, c) => colLetters(c));
  const wide = new Map(wideLines(m).map((w) => [w.row, w]));
  let out = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  out += `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`;
  // fitted to pages (pageSetup's fitToWidth/fitToHeight apply only with this)
  if (m.print) out += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
  out += `<dimension ref="A1:${letters[L.colCount - 1]}${Math.max(L.rowCount, 1)}"/>`;
  if (m.freezeHeader) {
    const split = L.headerRow + 1;
    out +=
      `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${split}" topLeftCell="A${split + 1}" activePane="bottomLeft" state="frozen"/>` +
      `<selection pane="bottomLeft" activeCell="A${split + 1}" sqref="A${split + 1}"/></sheetView></sheetViews>`;
  } else out += '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  out += '<sheetFormatPr defaultRowHeight="15"/>';
  if (n > 0) {
    out += "<cols>";
    for (let c = 0; c < n; c++) {
      const w = fileColumnWidth(columnWidth(m, c));
      out += `<col min="${c + 1}" max="${c + 1}" width="${w}" style="${styles.id(m.columns[c].format, false, m.columns[c].wrap === true)}" customWidth="1"/>`;
    }
    out += "</cols>";
  }
  out += "<sheetData>";
  if (L.titleRow !== null && m.title !== null) {
    const t = sheetValue(m.title, "text", `工作表“${name}”标题`) as string;
    const w = wide.get(L.titleRow);
    out += `${rowStart(L.titleRow + 1, w?.height ?? null)}${t === "" ? "" : textCell(`A${L.titleRow + 1}`, styles.id("text", true, w !== undefined), t)}</row>`;
  }
  if (n > 0) {
    const r = L.headerRow + 1;
    out += `<row r="${r}">`;
    m.columns.forEach((col, c) => {
      const h = sheetValue(col.header, "text", `工作表“${name}”表头`) as string;
      if (h !== "") out += textCell(`${letters[c]}${r}`, styles.id("text", true), h);
    });
    out += "</row>";
  }
  yield out;
  const bold = new Set(m.totalRows ?? []);
  const wrapCols = m.columns.map((c) => c.wrap === true);
  const anyWrap = wrapCols.some((w) => w);
  function* rows(
    list: CellValue[][],
    first: number,
    format: (c: number) => ColumnFormat | null,
    isBold: (i: number) => boolean,
    isData: boolean
  ): Generator<string> {
    let i = 0;
    let c = 0;
    const where = () => `工作表“${name}”第 ${first + i + 1} 行 ${letters[c]} 列`;
    let chunk = "";
    for (; i < list.length; i++) {
      const r = first + i + 1;
      const b = isBold(i);
      const w = isData ? undefined : wide.get(first + i);
      // a wide line: its text wrapped, its label beside it at the top of the tall row too
      const wrapAt = (k: number) => (isData ? wrapCols[k] : w !== undefined && k <= w.firstCol);
      let cells = "";
      for (c = 0; c < list[i].length; c++)
        cells += cell(
          `${letters[c]}${r}`,
          sheetValue(list[i][c] ?? null, format(c), where),
          format(c),
          b,
          styles,
          wrapAt(c)
        );
      const height = isData ? (anyWrap ? wrappedRowHeight(m, i) : null) : (w?.height ?? null);
      if (cells !== "") chunk += `${rowStart(r, height)}${cells}</row>`;
      if ((i + 1) % CHUNK_ROWS === 0) {
        yield chunk;
        chunk = "";
      }
    }
    if (chunk !== "") yield chunk;
  }
  if (n > 0)
    yield* rows(
      m.rows,
      L.firstDataRow,
      (c) => m.columns[c].format,
      (i) => bold.has(i),
      true
    );
  if (L.notesRow !== null)
    yield* rows(
      m.notes ?? [],
      L.notesRow,
      () => null,
      () => false,
      false
    );
  out = "</sheetData>";
  if (wide.size > 0) {
    const refs = [...wide.values()].map(
      (w) =>
        `<mergeCell ref="${letters[w.firstCol]}${w.row + 1}:${letters[w.lastCol]}${w.row + 1}"/>`
    );
    out += `<mergeCells count="${refs.length}">${refs.join("")}</mergeCells>`;
  }
  const hl = m.blankHighlight;
  const hlRefs = hl ? hl.rows.map((r) => `${letters[hl.col]}${L.firstDataRow + r + 1}`) : [];
  if (hl && hlRefs.length > 0) {
    // highlighted while blank: the rule's formula is relative to the first cell of each range
    out += hlRefs
      .map(
        (ref, k) =>
          `<conditionalFormatting sqref="${ref}"><cfRule type="expression" ` +
          `dxfId="${styles.highlightDxf}" ` +
          `priority="${k + 1}"><formula>LEN(TRIM(${ref}))=0</formula></cfRule></conditionalFormatting>`
      )
      .join("");
  }
  const lists: string[] = [];
  for (let c = 0; c < n; c++) {
    const source = listSource(m, c);
    if (source === null) continue;
    const { first, last } = listRowRange(m);
    // a range source ("='客户经理'!$A$2:$A$10001") is a formula; a list of values is a quoted string
    const formula = source.startsWith("=") ? source.slice(1) : `"${source}"`;
    lists.push(
      `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${letters[c]}${first + 1}:${letters[c]}${last + 1}">` +
        `<formula1>${escapeXml(formula)}</formula1></dataValidation>`
    );
  }
  if (hl && hlRefs.length > 0) {
    // the note of a must-set cell: shown when the cell is selected (an input message)
    lists.push(
      `<dataValidation allowBlank="1" showInputMessage="1" promptTitle="${escapeXml("每年须设置")}" prompt="${escapeXml(hl.note)}" sqref="${hlRefs.join(" ")}"/>`
    );
  }
  if (lists.length > 0)
    out += `<dataValidations count="${lists.length}">${lists.join("")}</dataValidations>`;
  const page = pageParts(m);
  // (issue 19) CT_Worksheet: … headerFooter, rowBreaks, colBreaks, …, drawing, legacyDrawing, …
  out += page.margins + page.setup + rowBreaksXml(m);
  if (drawingRelId !== null) out += `<drawing r:id="${escapeXml(drawingRelId)}"/>`;
  out += "</worksheet>";
  yield out;
}

/** The whole worksheet part as one string (small sheets, tests). */
export function sheetXml(m: SheetModel, name: string, styles: CellStyles): string {
  return [...sheetXmlChunks(m, name, styles)].join("");
}

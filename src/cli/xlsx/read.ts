/**
 * Reading an .xlsx into a WorkbookGrid, streaming: the package stays compressed in memory and each
 * worksheet part is inflated and scanned chunk by chunk, so a ledger of 100,000 rows never exists
 * as one XML string or as a spreadsheet object model. The grid holds what Office.js
 * `getUsedRange(true).values` gives: numbers (dates as their serial numbers: formats are not
 * applied), text (rich text as plain text, hyperlinks as their text), logical values, error
 * values as their text ("#N/A"), formulas as their cached results; null for blank.
 *
 * (ExcelJS's streaming WorkbookReader was the first choice; ExcelJS 4.4.0 drops worksheets when
 * they are deferred to temporary files — exceljs/exceljs#2790 — e.g. the second sheet of a
 * workbook without shared strings, and fails when worksheets precede workbook.xml. Reading the
 * parts in the workbook's own order avoids both.)
 */
import type { RawCell } from "../../core/parse";
import type { SheetGrid, WorkbookGrid } from "../../reader/grid";
import { CliError } from "../command";
import { loadPackage, relationships, resolvePart, workbookPartName, workbookSheets } from "./package";
import type { Package } from "./package";
import { ByteXmlScanner, attrEnd, attrStart, cellAttrs, cellRefAndType, decimalAt, digitsAt, latin1, utf8 } from "./scan";
import { PackageError, unescapeCellText, unescapeXml } from "./xml";
import { DAY_MS, EXCEL_EPOCH_MS } from "../../core/dates";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const WORKSHEET_TYPE = `${REL}worksheet`;
const SHARED_STRINGS_TYPE = `${REL}sharedStrings`;
/** A used range larger than this many cells is refused rather than filled with blanks. */
export const MAX_GRID_CELLS = 30_000_000;
/**
 * A formula cell without a cached result (a file saved without calculation): its value is
 * unknown, so it is read as an error value, never as blank or 0.
 */
const UNCALCULATED = "#N/A";

/** Feeds a part, inflated chunk by chunk, to a scanner. */
async function scanPart(pkg: Package, part: string, scanner: ByteXmlScanner): Promise<void> {
  await pkg.chunks(part, (chunk) => scanner.feed(chunk));
  scanner.end();
}

/** Collects the raw text pieces of one element (usually one piece). */
class TextBuffer {
  private s: string | null = null;
  /** a lone piece that is a plain number, as that number — no string made for it */
  num = 0;
  hasNum = false;
  reset(): void {
    this.s = null;
    this.hasNum = false;
  }
  add(piece: string): void {
    if (this.hasNum) {
      this.s = String(this.num);
      this.hasNum = false;
    }
    this.s = this.s === null ? piece : this.s + piece;
  }
  /**
   * A piece of ASCII: kept as a number when it is the only piece and a whole number (`whole`:
   * a shared-string index) or a plain decimal (a value).
   */
  addAscii(buf: Buffer, start: number, end: number, whole: boolean): void {
    if (this.s === null && !this.hasNum) {
      const n = whole ? digitsAt(buf, start, end) : decimalAt(buf, start, end);
      if (whole ? n >= 0 : n === n) {
        this.num = n;
        this.hasNum = true;
        return;
      }
    }
    this.add(latin1(buf, start, end));
  }
  get value(): string {
    return this.hasNum ? String(this.num) : (this.s ?? "");
  }
}

/** The t attribute's usual values, by their one byte. */
const ONE_BYTE_TYPES: Record<number, string> = { 0x73: "s", 0x6e: "n", 0x62: "b", 0x65: "e", 0x64: "d" };

/** The shared string table: each item's text (rich text runs joined, phonetic runs left out). */
async function readSharedStrings(pkg: Package, part: string): Promise<string[]> {
  const out: string[] = [];
  let inSi = false;
  let inT = false;
  let rph = 0;
  const text = new TextBuffer();
  await scanPart(
    pkg,
    part,
    new ByteXmlScanner({
      open(name, _buf, _s, _e, selfClosing) {
        if (name === "si") {
          inSi = true;
          text.reset();
        } else if (name === "rPh") rph++;
        else if (name === "t" && inSi && rph === 0 && !selfClosing) inT = true;
      },
      close(name) {
        if (name === "t") inT = false;
        else if (name === "rPh") rph--;
        else if (name === "si") {
          out.push(cellText(text.value));
          inSi = false;
        }
      },
      text(buf, start, end) {
        if (inT) text.add(utf8(buf, start, end));
      },
    }),
  );
  return out;
}

/** XML text of a cell → its value (entities, then Excel's _xHHHH_ escapes). */
function cellText(raw: string): string {
  return unescapeCellText(raw.includes("&") ? unescapeXml(raw) : raw);
}

/** "AB12" in buf[start..end) → 0-based column (27); -1 when there are no letters. */
function refColumn(buf: Buffer, start: number, end: number): number {
  let col = 0;
  let i = start;
  for (; i < end; i++) {
    const ch = buf[i];
    const up = ch >= 97 ? ch - 32 : ch;
    if (up < 65 || up > 90) break;
    col = col * 26 + (up - 64);
  }
  return i === start ? -1 : col - 1;
}

/** An ISO 8601 date-time of a t="d" cell → Excel serial (1900 date system). */
function isoToSerial(s: string): RawCell {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(s.trim());
  if (!m) return "#VALUE!";
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0)) + Number(m[6] ?? 0) * 1000;
  return (ms - EXCEL_EPOCH_MS) / DAY_MS;
}

/** Collects one sheet's cells and turns them into the rectangle of its used range, in place. */
class GridBuilder {
  private rows: RawCell[][] = [];
  private minRow = Infinity;
  private maxRow = -1;
  private minCol = Infinity;
  private maxCol = -1;

  /** width of the last row made: the next row's array is made that long (no growing and copying) */
  private widthHint = 0;

  add(row: number, col: number, v: RawCell): void {
    if (v === null || v === undefined) return;
    let cells = this.rows[row];
    if (!cells) {
      const prev = this.rows[row - 1];
      if (prev) this.widthHint = prev.length;
      this.rows[row] = cells = new Array(this.widthHint);
    }
    cells[col] = v;
    if (row < this.minRow) this.minRow = row;
    if (row > this.maxRow) this.maxRow = row;
    if (col < this.minCol) this.minCol = col;
    if (col > this.maxCol) this.maxCol = col;
  }

  build(name: string, path: string): SheetGrid {
    if (this.maxRow < 0) return { name, rowOffset: 0, colOffset: 0, values: [] };
    const height = this.maxRow - this.minRow + 1;
    const width = this.maxCol - this.minCol + 1;
    if (height * width > MAX_GRID_CELLS) {
      throw new CliError(`无法读取 ${path}：工作表“${name}”的已用区域过大（${height} 行 × ${width} 列），请删除远处多余的单元格（used range too large）`);
    }
    const values: RawCell[][] = new Array(height);
    for (let r = 0; r < height; r++) {
      let row = this.rows[this.minRow + r];
      if (!row) row = [];
      else if (this.minCol > 0) row = row.slice(this.minCol);
      // blanks (holes and beyond the last cell) become null, in the same array
      for (let c = 0; c < width; c++) if (row[c] === undefined) row[c] = null;
      row.length = width;
      values[r] = row;
    }
    this.rows = [];
    return { name, rowOffset: this.minRow, colOffset: this.minCol, values };
  }
}

/** One worksheet part's cells into a grid. */
async function readSheet(pkg: Package, part: string, shared: string[], grid: GridBuilder): Promise<void> {
  let row = -1;
  let col = -1;
  let type = "";
  let hasFormula = false;
  let hasValue = false;
  let capture = false;
  let inIs = false;
  let rph = 0;
  const text = new TextBuffer();
  await scanPart(
    pkg,
    part,
    new ByteXmlScanner({
      open(name, buf, start, end, selfClosing) {
        switch (name) {
          case "row": {
            const at = attrStart(buf, start, end, "r");
            const r = at < 0 ? -1 : digitsAt(buf, at, attrEnd);
            row = at < 0 ? row + 1 : r > 0 ? r - 1 : Number(latin1(buf, at, attrEnd)) - 1;
            col = -1;
            return;
          }
          case "c": {
            cellRefAndType(buf, start, end);
            const at = cellAttrs.r;
            const c = at < 0 ? -1 : refColumn(buf, at, cellAttrs.rEnd);
            col = c < 0 ? col + 1 : c;
            const t = cellAttrs.t;
            type = t < 0 ? "n" : (cellAttrs.tEnd === t + 1 ? ONE_BYTE_TYPES[buf[t]] : undefined) ?? latin1(buf, t, cellAttrs.tEnd);
            hasFormula = false;
            hasValue = false;
            text.reset();
            return;
          }
          case "f":
            hasFormula = true;
            return;
          case "v":
            if (!selfClosing) {
              capture = true;
              hasValue = true;
            }
            return;
          case "is":
            inIs = true;
            hasValue = true;
            return;
          case "rPh":
            rph++;
            return;
          case "t":
            if (inIs && rph === 0 && !selfClosing) capture = true;
            return;
        }
      },
      close(name) {
        switch (name) {
          case "v":
          case "t":
            capture = false;
            return;
          case "rPh":
            rph--;
            return;
          case "is":
            inIs = false;
            return;
          case "c":
            if (type === "s" && text.hasNum) {
              const v = shared[text.num];
              if (v === undefined) throw new PackageError(`共享字符串索引 ${text.num} 不存在（shared string missing）`);
              if (v !== "") grid.add(row, col, v);
            } else if (type === "n" && text.hasNum) grid.add(row, col, text.num);
            else grid.add(row, col, cellValue(type, text.value, hasValue, hasFormula, shared));
            return;
        }
      },
      text(buf, start, end) {
        // numbers and shared-string indexes are ASCII; other text is UTF-8
        if (!capture) return;
        if (type === "n" || type === "s") text.addAscii(buf, start, end, type === "s");
        else text.add(utf8(buf, start, end));
      },
    }),
  );
}

/** A cell's value from its type and raw text. */
function cellValue(type: string, raw: string, hasValue: boolean, hasFormula: boolean, shared: string[]): RawCell {
  if (!hasValue) return hasFormula ? UNCALCULATED : null;
  switch (type) {
    case "s": {
      const s = shared[Number(raw)];
      if (s === undefined) throw new PackageError(`共享字符串索引 ${raw} 不存在（shared string missing）`);
      return s === "" ? null : s;
    }
    case "inlineStr":
    case "str": {
      const s = cellText(raw);
      return s === "" ? null : s;
    }
    case "b":
      return raw.trim() === "1" || raw.trim().toLowerCase() === "true";
    case "e":
      return unescapeXml(raw).trim();
    case "d":
      return isoToSerial(raw);
    default: {
      const t = raw.trim();
      if (t === "") return hasFormula ? UNCALCULATED : null;
      const n = Number(t);
      return Number.isFinite(n) ? n : "#VALUE!";
    }
  }
}

/** The worksheets of a package, in the workbook's order, with their part names (chart sheets left out). */
function worksheetParts(pkg: Package): { names: string[]; parts: string[]; sharedStrings: string | null } {
  const wbPart = workbookPartName(pkg);
  const dir = wbPart.slice(0, wbPart.lastIndexOf("/") + 1);
  const wbXml = pkg.text(wbPart) ?? undefined;
  if (wbXml === undefined) throw new PackageError(`不是 Excel 工作簿：缺少 ${wbPart}（workbook part missing）`);
  const relsPart = `${dir}_rels/${wbPart.slice(dir.length)}.rels`;
  const relsXml = pkg.text(relsPart) ?? undefined;
  const rels = relsXml === undefined ? [] : relationships(relsXml);
  const names: string[] = [];
  const parts: string[] = [];
  for (const s of workbookSheets(wbXml)) {
    const rel = rels.find((r) => r.Id === s.rId);
    if (!rel) throw new PackageError(`工作表“${s.name}”缺少关系 ${s.rId}（missing relationship）`);
    if (rel.Type !== WORKSHEET_TYPE) continue;
    const part = resolvePart(dir, rel.Target);
    const actual = pkg.partName(part);
    if (actual === null) throw new PackageError(`工作表“${s.name}”的部件 ${part} 不存在（worksheet part missing）`);
    names.push(s.name);
    parts.push(actual);
  }
  const ss = rels.find((r) => r.Type === SHARED_STRINGS_TYPE);
  const sharedStrings = ss ? pkg.partName(resolvePart(dir, ss.Target)) : null;
  return { names, parts, sharedStrings };
}

/** Every worksheet's used values, in the workbook's sheet order. Chart sheets are skipped. */
export async function readWorkbookGrid(path: string): Promise<WorkbookGrid> {
  const pkg = await loadPackage(path);
  try {
    const { names, parts, sharedStrings } = worksheetParts(pkg);
    const shared = sharedStrings === null ? [] : await readSharedStrings(pkg, sharedStrings);
    const sheets: SheetGrid[] = [];
    for (let i = 0; i < parts.length; i++) {
      const grid = new GridBuilder();
      await readSheet(pkg, parts[i], shared, grid);
      sheets.push(grid.build(names[i], path));
    }
    return { sheets };
  } catch (e) {
    if (e instanceof CliError) throw e;
    if (e instanceof PackageError) throw new CliError(`无法读取 ${path}：${e.message}`);
    throw new CliError(`无法读取 ${path}：文件已损坏或不是 .xlsx 工作簿（${(e as Error).message}）`);
  }
}

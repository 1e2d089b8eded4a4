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
import type { RawCell } from "../core/parse";
import type { SheetGrid, WorkbookGrid } from "../core/grid";
import { resolvePart, workbookOf } from "./package";
import { MESSAGES } from "./detect";
import type { Package } from "./package";
import { ByteXmlScanner, attrValue, cellAttrs, decimalAt, digitsAt, latin1, utf8 } from "./scan";
import { dateStyles } from "./styles";
import { isRelType } from "./ns";
import { PackageError, unescapeCellText, unescapeXml } from "./xml";
import { DAY_MS, EXCEL_EPOCH_MS } from "../core/dates";

/** A used range larger than this many cells (all sheets together) is refused rather than filled with blanks. */
const MAX_GRID_CELLS = 10_000_000;
/** What a row costs besides its cells, counted in cells against MAX_GRID_CELLS. */
const ROW_COST = 4;
/** Days from 1900-01-00 (serial 0 of the 1900 date system) to 1904-01-01 (serial 0 of the 1904 one). */
export const DATE1904_OFFSET = 1462;
/**
 * The one notice for formula cells without a cached result (a file saved by a program that
 * does not calculate): their values are unknown, so they are read as blank and the user is told
 * once what to do — not an error value per cell.
 */
export const UNCALCULATED_NOTICE = "公式未计算，请在 Excel 中打开并保存";

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
const ONE_BYTE_TYPES: Record<number, string> = {
  0x73: "s",
  0x6e: "n",
  0x62: "b",
  0x65: "e",
  0x64: "d",
};

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
    })
  );
  return out;
}

const CR = /\r\n?/g;

/**
 * XML text of a cell → its value: line ends normalised (a literal CR LF or CR is a LF, XML 1.0
 * §2.11; a CR written as &#13; or _x000D_ stays), then entities, then Excel's _xHHHH_ escapes.
 */
function cellText(raw: string): string {
  const s = raw.includes("\r") ? raw.replace(CR, "\n") : raw;
  return unescapeCellText(s.includes("&") ? unescapeXml(s) : s);
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

/**
 * An ISO 8601 date-time of a t="d" cell → Excel serial (1900 date system, whatever the
 * workbook's: the text names the day itself); a time alone ("12:30:00", "T12:30") is the
 * fraction of a day Excel gives it.
 */
export function isoToSerial(s: string): RawCell {
  const t = s.trim();
  const time = /^T?(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (time) {
    const secs = +time[1] * 3600 + +time[2] * 60 + Number(time[3] ?? 0);
    return +time[1] > 24 || +time[2] > 59 || secs > 86400 ? "#VALUE!" : secs / 86400;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(t);
  if (!m) return "#VALUE!";
  const ms =
    Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0)) + Number(m[6] ?? 0) * 1000;
  return Number.isFinite(ms) ? (ms - EXCEL_EPOCH_MS) / DAY_MS : "#VALUE!";
}

/** Excel's sheet size: 1,048,576 rows, 16,384 columns (XFD); a reference beyond it is not a real cell. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** Collects one sheet's cells and turns them into the rectangle of its used range, in place. */
class GridBuilder {
  private rows: RawCell[][] = [];
  private minRow = Infinity;
  private maxRow = -1;
  private minCol = Infinity;
  private maxCol = -1;

  /** width of the last row made: the next row's array is made that long (no growing and copying) */
  private widthHint = 0;
  /** the cells the rows made so far can hold */
  private slots = 0;

  add(row: number, col: number, v: RawCell): void {
    if (v === null || v === undefined) return;
    let cells = this.rows[row];
    if (!cells) {
      const prev = this.rows[row - 1];
      if (prev) this.widthHint = prev.length;
      // every row made counts against the cap, so a sheet of far-apart cells cannot take the memory
      this.slots += Math.max(this.widthHint, col + 1) + ROW_COST;
      if (this.slots > MAX_GRID_CELLS)
        throw new PackageError(
          `工作表的单元格过多（超过 ${MAX_GRID_CELLS} 个），请删除远处多余的单元格（too many cells）`
        );
      this.rows[row] = cells = new Array(this.widthHint);
    }
    cells[col] = v;
    if (row < this.minRow) this.minRow = row;
    if (row > this.maxRow) this.maxRow = row;
    if (col < this.minCol) this.minCol = col;
    if (col > this.maxCol) this.maxCol = col;
  }

  /** The sheet's used range; `room`: how many cells (blanks included) the workbook may still take. */
  build(name: string, room = MAX_GRID_CELLS): SheetGrid {
    if (this.maxRow < 0) return { name, rowOffset: 0, colOffset: 0, values: [] };
    const height = this.maxRow - this.minRow + 1;
    const width = this.maxCol - this.minCol + 1;
    if (height * width > room) {
      throw new PackageError(
        `工作表“${name}”的已用区域过大（${height} 行 × ${width} 列），请删除远处多余的单元格（used range too large）`
      );
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

/** What reading a sheet found besides its values. */
interface SheetStats {
  /** formula cells without a cached result */
  uncalculated: number;
}

/**
 * One worksheet part's cells into a grid. `dates`: in a 1904 workbook, the cell formats (cellXfs
 * indexes) that show a date — their numbers are 1904 serials and are read as 1900 ones.
 */
async function readSheet(
  pkg: Package,
  part: string,
  shared: string[],
  grid: GridBuilder,
  dates: Set<number> | null,
  stats: SheetStats
): Promise<void> {
  let row = -1;
  let col = -1;
  let type = "";
  let style = 0;
  let hasFormula = false;
  let hasValue = false;
  let capture = false;
  let inIs = false;
  let rph = 0;
  const text = new TextBuffer();
  const dateShift = (v: number) => (dates !== null && dates.has(style) ? v + DATE1904_OFFSET : v);
  await scanPart(
    pkg,
    part,
    new ByteXmlScanner({
      open(name, buf, start, end, selfClosing) {
        switch (name) {
          case "row": {
            const at = attrValue(buf, start, end, "r");
            const r = at === null ? -1 : digitsAt(buf, at.start, at.end);
            row = at === null ? row + 1 : r > 0 ? r - 1 : Number(latin1(buf, at.start, at.end)) - 1;
            if (!(row >= 0 && row < MAX_ROWS))
              throw new PackageError(`工作表部件 ${part} 的行号超出范围（row out of range）`);
            col = -1;
            return;
          }
          case "c": {
            const a = cellAttrs(buf, start, end);
            const c = a.r < 0 ? -1 : refColumn(buf, a.r, a.rEnd);
            col = c < 0 ? col + 1 : c;
            if (col >= MAX_COLUMNS)
              throw new PackageError(`工作表部件 ${part} 的列号超出范围（column out of range）`);
            const t = a.t;
            type =
              t < 0
                ? "n"
                : ((a.tEnd === t + 1 ? ONE_BYTE_TYPES[buf[t]] : undefined) ??
                  latin1(buf, t, a.tEnd));
            if (dates !== null) style = a.s < 0 ? 0 : digitsAt(buf, a.s, a.sEnd);
            hasFormula = false;
            hasValue = false;
            text.reset();
            return;
          }
          case "f":
            hasFormula = true;
            return;
          case "v":
            // an inline string's value is its <is>, whatever else the cell holds
            if (!selfClosing && type !== "inlineStr") {
              capture = true;
              hasValue = true;
            }
            return;
          case "is":
            if (type === "inlineStr") {
              inIs = true;
              hasValue = true;
            }
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
              if (v === undefined)
                throw new PackageError(
                  `共享字符串索引 ${text.num} 不存在（shared string missing）`
                );
              if (v !== "") grid.add(row, col, v);
            } else if (type === "n" && text.hasNum) grid.add(row, col, dateShift(text.num));
            else if (hasFormula && (!hasValue || (type === "n" && text.value.trim() === "")))
              stats.uncalculated++;
            else {
              const v = cellValue(type, text.value, hasValue, shared);
              grid.add(row, col, typeof v === "number" && type === "n" ? dateShift(v) : v);
            }
            return;
        }
      },
      text(buf, start, end) {
        // numbers and shared-string indexes are ASCII; other text is UTF-8
        if (!capture) return;
        if (type === "n" || type === "s") text.addAscii(buf, start, end, type === "s");
        else text.add(utf8(buf, start, end));
      },
    })
  );
}

/** A cell's value from its type and raw text. */
function cellValue(type: string, raw: string, hasValue: boolean, shared: string[]): RawCell {
  if (!hasValue) return null;
  switch (type) {
    case "s": {
      const s = shared[Number(raw)];
      if (s === undefined)
        throw new PackageError(`共享字符串索引 ${raw} 不存在（shared string missing）`);
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
      if (t === "") return null;
      const n = Number(t);
      return Number.isFinite(n) ? n : "#VALUE!";
    }
  }
}

/** The worksheets of a package, in the workbook's order, with their part names (chart sheets left out). */
function worksheetParts(pkg: Package): {
  names: string[];
  parts: string[];
  sharedStrings: string | null;
  stylesPart: string | null;
  date1904: boolean;
  notices: string[];
} {
  const { wb, dir, rels } = workbookOf(pkg);
  const names: string[] = [];
  const parts: string[] = [];
  const notices: string[] = [];
  for (const s of wb.sheets) {
    if (s.rId === "") {
      // a sheet listed without a part (r:id=""): nothing to read — the others are read
      notices.push(`工作表“${s.name}”没有对应的部件，已跳过（sheet without a part, skipped）`);
      continue;
    }
    const rel = rels.find((r) => r.Id === s.rId);
    if (!rel) throw new PackageError(`工作表“${s.name}”缺少关系 ${s.rId}（missing relationship）`);
    if (!isRelType(rel.Type, "worksheet")) continue;
    const part = resolvePart(dir, rel.Target);
    const actual = pkg.partName(part);
    if (actual === null)
      throw new PackageError(`工作表“${s.name}”的部件 ${part} 不存在（worksheet part missing）`);
    names.push(s.name);
    parts.push(actual);
  }
  const ss = rels.find((r) => isRelType(r.Type, "sharedStrings"));
  const sharedStrings = ss ? pkg.partName(resolvePart(dir, ss.Target)) : null;
  const st = rels.find((r) => isRelType(r.Type, "styles"));
  const stylesPart = st ? pkg.partName(resolvePart(dir, st.Target)) : null;
  return { names, parts, sharedStrings, stylesPart, date1904: wb.date1904, notices };
}

/**
 * Every worksheet's used values of a package, in the workbook's sheet order (a PackageError or a
 * ZipError when the package cannot be read: {@link readFailure} says it). Chart sheets are skipped. Dates
 * of a 1904 workbook are read as 1900 serials (what the rules and Office.js's other workbooks
 * use): a number in a cell formatted as a date is moved by {@link DATE1904_OFFSET} days.
 */
export async function gridOfPackage(pkg: Package): Promise<WorkbookGrid> {
  const { names, parts, sharedStrings, stylesPart, date1904, notices } = worksheetParts(pkg);
  const shared = sharedStrings === null ? [] : await readSharedStrings(pkg, sharedStrings);
  let dates: Set<number> | null = null;
  if (date1904) {
    const stylesXml = stylesPart === null ? null : pkg.text(stylesPart);
    dates = stylesXml === null ? new Set() : dateStyles(stylesXml, stylesPart!);
  }
  const sheets: SheetGrid[] = [];
  const uncalculated: string[] = [];
  let cells = 0;
  for (let i = 0; i < parts.length; i++) {
    const grid = new GridBuilder();
    const stats: SheetStats = { uncalculated: 0 };
    await readSheet(pkg, parts[i], shared, grid, dates, stats);
    const sheet = grid.build(names[i], MAX_GRID_CELLS - cells);
    cells += sheet.values.length * (sheet.values[0]?.length ?? 0);
    sheets.push(sheet);
    if (stats.uncalculated > 0) uncalculated.push(`“${names[i]}”${stats.uncalculated} 个`);
  }
  if (uncalculated.length > 0) {
    notices.unshift(
      `${UNCALCULATED_NOTICE}（工作表 ${uncalculated.join("、")}公式没有计算结果，按空白读取；formulas without ` +
        `cached values are read as blank — open and save the workbook in Excel）`
    );
  }
  return notices.length > 0 ? { sheets, notices } : { sheets };
}

/** What to say (after "无法读取 FILE：") when {@link gridOfPackage} failed with `e`. */
export function readFailure(e: unknown): string {
  if (e instanceof PackageError) return e.message;
  return MESSAGES.corrupt((e as Error).message);
}

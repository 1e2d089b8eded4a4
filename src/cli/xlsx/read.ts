/**
 * Reading an .xlsx into a WorkbookGrid with ExcelJS's streaming reader, so that a ledger of
 * 100,000 rows is read row by row without building ExcelJS's in-memory workbook. The grid holds
 * what Office.js `usedRange(true).values` would give: numbers (dates as their serial numbers:
 * styles are not applied), text (rich text as plain text, hyperlinks as their text), logical
 * values, error values as their text ("#N/A"), formulas as their cached results; null for blank.
 */
import ExcelJS from "exceljs";
import type { RawCell } from "../../core/parse";
import type { SheetGrid, WorkbookGrid } from "../../reader/grid";
import { CliError } from "../command";
import { checkXlsxFile, resolvePart } from "./package";
import { unescapeCellText } from "./xml";

const WORKSHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
/** Excel's serial of 1970-01-01 (ExcelJS turns serials into Dates from this epoch). */
const UNIX_EPOCH_SERIAL = 25569;
const DAY_MS = 86400000;
/** A used range larger than this many cells is refused rather than filled with blanks. */
export const MAX_GRID_CELLS = 30_000_000;

/**
 * A formula whose cached result is an error, or that has no cached result: ExcelJS's streaming
 * reader does not keep which error it was, so it is reported as #N/A (an error, never a value).
 */
const UNKNOWN_FORMULA_RESULT = "#N/A";

function plain(v: unknown): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v === "" ? null : unescapeCellText(v);
  if (typeof v === "number") return Number.isFinite(v) ? v : "#VALUE!";
  if (typeof v === "boolean") return v;
  if (v instanceof Date) return v.getTime() / DAY_MS + UNIX_EPOCH_SERIAL;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) {
      return plain((o.richText as { text?: string | null }[]).map((r) => r.text ?? "").join(""));
    }
    if (typeof o.error === "string") return o.error;
    if ("formula" in o || "sharedFormula" in o) {
      const r = o.result;
      if (r === undefined || (typeof r === "number" && !Number.isFinite(r))) return UNKNOWN_FORMULA_RESULT;
      return plain(r);
    }
    if ("text" in o) return plain(o.text);
  }
  return String(v);
}

/** Collects one sheet's cells and turns them into the rectangle of its used range. */
class GridBuilder {
  private rows = new Map<number, RawCell[]>();
  private minRow = Infinity;
  private maxRow = -1;
  private minCol = Infinity;
  private maxCol = -1;

  add(row: number, col: number, v: RawCell): void {
    if (v === null) return;
    let cells = this.rows.get(row);
    if (!cells) this.rows.set(row, (cells = []));
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
      const src = this.rows.get(this.minRow + r);
      const out: RawCell[] = new Array(width);
      for (let c = 0; c < width; c++) out[c] = src?.[this.minCol + c] ?? null;
      values[r] = out;
      this.rows.delete(this.minRow + r);
    }
    return { name, rowOffset: this.minRow, colOffset: this.minCol, values };
  }
}

interface ReaderInternals {
  model?: { sheets?: { name: string; id: number; rId: string; state?: string }[] };
  workbookRels?: { Id: string; Type: string; Target: string }[];
  on(event: "entry", f: (e: { type: string; id?: string }) => void): void;
}

/** Every worksheet's used values, in the workbook's sheet order. Chart sheets are skipped. */
export async function readWorkbookGrid(path: string): Promise<WorkbookGrid> {
  await checkXlsxFile(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: "cache",
    styles: "ignore",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "emit",
  } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookReader>[1]);
  const internals = reader as unknown as ReaderInternals;
  let currentPart = "";
  internals.on("entry", (e) => {
    if (e.type === "worksheet") currentPart = `xl/worksheets/sheet${e.id}.xml`;
  });
  const builders = new Map<string, GridBuilder>();
  try {
    for await (const ws of reader as unknown as AsyncIterable<AsyncIterable<ExcelJS.Row>>) {
      const grid = new GridBuilder();
      builders.set(currentPart, grid);
      for await (const row of ws) {
        row.eachCell((cell, col) => grid.add(row.number - 1, col - 1, plain(cell.value)));
      }
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`无法读取 ${path}：文件已损坏或不是 .xlsx 工作簿（${(e as Error).message}）`);
  }
  return { sheets: sheetsInOrder(internals, builders, path) };
}

function sheetsInOrder(r: ReaderInternals, builders: Map<string, GridBuilder>, path: string): SheetGrid[] {
  if (!r.model || !r.workbookRels) throw new CliError(`无法读取 ${path}：不是 Excel 工作簿，缺少 xl/workbook.xml（not an Excel workbook）`);
  const out: SheetGrid[] = [];
  for (const s of r.model.sheets ?? []) {
    const rel = r.workbookRels.find((x) => x.Id === s.rId);
    if (!rel) throw new CliError(`无法读取 ${path}：工作表“${s.name}”缺少关系 ${s.rId}（missing relationship）`);
    if (rel.Type !== WORKSHEET_TYPE) continue;
    const part = resolvePart("xl/", rel.Target);
    const grid = builders.get(part);
    if (!grid) {
      throw new CliError(`无法读取 ${path}：工作表“${s.name}”的部件 ${part} 不存在或无法读取（worksheet part missing or unsupported）`);
    }
    out.push(grid.build(s.name, path));
  }
  return out;
}


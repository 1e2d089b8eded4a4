/**
 * Workbooks on the Node side of the browser tests: an .xlsx read with ExcelJS becomes the
 * seed of the fake Excel host, and any workbook (the fake's export, or the CLI's output file)
 * becomes the same normalised form, so the two can be compared cell by cell.
 */
import ExcelJS from "exceljs";
import type {
  ExportCell,
  ExportSheet,
  HostSeed,
  SeedCell,
  SeedSheet,
  SeedValue,
} from "./host/fakeExcel";

const EPOCH = Date.UTC(1899, 11, 30);

/** ExcelJS gives date cells as JS Dates at UTC midnight (+ time): back to the Excel serial. */
export function dateToSerial(d: Date): number {
  const serial = (d.getTime() - EPOCH) / 86400000;
  return Math.round(serial * 86400) / 86400;
}

function argbToHex(argb: string | undefined): string | undefined {
  if (!argb || !/^[0-9a-f]{8}$/i.test(argb)) return undefined;
  return `#${argb.slice(2).toUpperCase()}`;
}

/** One ExcelJS cell value → a plain value and, for a formula, its text. */
export function plainValue(v: ExcelJS.CellValue): { v: SeedValue; f?: string } {
  if (v === null || v === undefined) return { v: null };
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return { v };
  if (v instanceof Date) return { v: dateToSerial(v) };
  const o = v as unknown as Record<string, unknown>;
  if ("richText" in o && Array.isArray(o.richText))
    return { v: (o.richText as { text: string }[]).map((t) => t.text).join("") };
  if ("error" in o) return { v: String(o.error) };
  if ("formula" in o || "sharedFormula" in o) {
    const r = o.result as ExcelJS.CellValue | undefined;
    const inner = r === undefined ? { v: null } : plainValue(r);
    const formula = String(o.formula ?? o.sharedFormula);
    return { v: inner.v, f: formula.startsWith("=") ? formula : `=${formula}` };
  }
  if ("text" in o) return { v: String(o.text) };
  throw new Error(`unsupported ExcelJS cell value: ${JSON.stringify(v)}`);
}

function cellOf(cell: ExcelJS.Cell): SeedCell | null {
  const { v, f } = plainValue(cell.value);
  const out: SeedCell = {};
  if (v !== null) out.v = v;
  if (f) out.f = f;
  const nf = cell.numFmt;
  if (nf && nf !== "General") out.nf = nf;
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (fill && fill.type === "pattern" && fill.pattern === "solid") {
    const hex = argbToHex(fill.fgColor?.argb);
    if (hex) out.fill = hex;
  }
  if (cell.font?.bold) out.bold = true;
  return Object.keys(out).length > 0 ? out : null;
}

function freezeOf(ws: ExcelJS.Worksheet): { rows: number; cols: number } {
  const view = ws.views?.find((x) => x.state === "frozen") as
    ExcelJS.WorksheetViewFrozen | undefined;
  return { rows: view?.ySplit ?? 0, cols: view?.xSplit ?? 0 };
}

/** Excel column width in characters → Office.js points (7 px per character + 5 px, 0.75 pt per px). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** The fake host's seed from an ExcelJS workbook (values, formulas, formats, fills, widths, freeze). */
export function seedFromWorkbook(wb: ExcelJS.Workbook): HostSeed {
  const sheets: SeedSheet[] = [];
  wb.eachSheet((ws) => {
    const cells: [number, number, SeedCell][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        const s = cellOf(cell);
        if (s) cells.push([r - 1, c - 1, s]);
      });
    });
    const colWidths: Record<number, number> = {};
    (ws.columns ?? []).forEach((col, i) => {
      if (col && typeof col.width === "number") colWidths[i] = charsToPoints(col.width);
    });
    const fz = freezeOf(ws);
    const visibility =
      ws.state === "hidden" ? "Hidden" : ws.state === "veryHidden" ? "VeryHidden" : "Visible";
    sheets.push({
      name: ws.name,
      cells,
      colWidths,
      freezeRows: fz.rows,
      freezeCols: fz.cols,
      visibility,
    });
  });
  return { sheets, activeSheet: sheets[0]?.name };
}

export async function readXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

export async function seedFromXlsx(file: string): Promise<HostSeed> {
  return seedFromWorkbook(await readXlsx(file));
}

/** An .xlsx in the same form as the fake host's export. */
export function exportFromWorkbook(wb: ExcelJS.Workbook): ExportSheet[] {
  const seed = seedFromWorkbook(wb);
  return seed.sheets.map((s, position) => {
    const cells: Record<string, ExportCell> = {};
    for (const [r, c, cell] of s.cells) {
      const e: ExportCell = { v: cell.v ?? null };
      if (cell.f) e.f = cell.f;
      if (cell.nf) e.nf = cell.nf;
      if (cell.fill) e.fill = cell.fill;
      if (cell.bold) e.bold = true;
      cells[`${colName(c)}${r + 1}`] = e;
    }
    return {
      name: s.name,
      position,
      visibility: s.visibility ?? "Visible",
      cells,
      freezeRows: s.freezeRows ?? 0,
      freezeCols: s.freezeCols ?? 0,
      colWidths: s.colWidths ?? {},
      colFormats: {},
      dataValidations: [],
    };
  });
}

export function colName(c: number): string {
  let s = "";
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The time a summary was made ("2026-01-05 09:30") in its title line, masked for comparisons. */
export function maskMadeAt(s: string): string {
  return s.replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?/g, "<time>");
}

export interface CompareOptions {
  /** compare only these sheets (default: every sheet of either side) */
  sheets?: string[];
  /** text rewritten before comparing (e.g. the "made at" time of a title line) */
  mask?: (s: string) => string;
  /** also compare number formats of cells that hold a value (default true) */
  formats?: boolean;
  /** also compare bold (default true) */
  bold?: boolean;
  /** stop after this many differences (default 50) */
  limit?: number;
}

/** Number formats that mean the same to Excel (the writers may spell a date format either way). */
function normFormat(nf: string | undefined): string {
  if (!nf || nf === "General") return "General";
  return nf.replace(/\\/g, "").replace(/;@$/, "");
}

function same(a: SeedValue, b: SeedValue): boolean {
  if (typeof a === "number" && typeof b === "number")
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return a === b;
}

function show(v: unknown): string {
  return JSON.stringify(v);
}

/**
 * Cell-by-cell differences between two workbooks in export form: values (and formulas),
 * effective number formats of non-blank cells, bold, frozen rows. [] when they agree.
 */
export function compareWorkbooks(
  left: ExportSheet[],
  right: ExportSheet[],
  opts: CompareOptions = {}
): string[] {
  const mask = opts.mask ?? ((s: string) => s);
  const limit = opts.limit ?? 50;
  const diffs: string[] = [];
  const names = opts.sheets ?? [
    ...new Set([...left.map((s) => s.name), ...right.map((s) => s.name)]),
  ];
  const val = (c: ExportCell | undefined): SeedValue => {
    if (!c) return null;
    const v = c.v === "" ? null : c.v;
    return typeof v === "string" ? mask(v) : v;
  };
  for (const name of names) {
    const a = left.find((s) => s.name === name);
    const b = right.find((s) => s.name === name);
    if (!a || !b) {
      diffs.push(`${name}: sheet only on the ${a ? "left" : "right"}`);
      continue;
    }
    if (a.freezeRows !== b.freezeRows)
      diffs.push(`${name}: frozen rows ${a.freezeRows} ≠ ${b.freezeRows}`);
    const addresses = [...new Set([...Object.keys(a.cells), ...Object.keys(b.cells)])];
    for (const addr of addresses) {
      if (diffs.length >= limit) return diffs;
      const x = a.cells[addr];
      const y = b.cells[addr];
      const vx = val(x),
        vy = val(y);
      if (!same(vx, vy)) {
        diffs.push(`${name}!${addr}: ${show(vx)} ≠ ${show(vy)}`);
        continue;
      }
      if ((x?.f ?? null) !== (y?.f ?? null))
        diffs.push(`${name}!${addr}: formula ${show(x?.f)} ≠ ${show(y?.f)}`);
      if (vx !== null && opts.formats !== false && normFormat(x?.nf) !== normFormat(y?.nf)) {
        diffs.push(
          `${name}!${addr}: number format ${show(x?.nf ?? "General")} ≠ ${show(y?.nf ?? "General")}`
        );
      }
      if (vx !== null && opts.bold !== false && !!x?.bold !== !!y?.bold)
        diffs.push(`${name}!${addr}: bold ${!!x?.bold} ≠ ${!!y?.bold}`);
    }
  }
  return diffs;
}

/** Writes a workbook in export form to an .xlsx (values, formulas with their values, number formats, bold, frozen rows). */
export async function writeXlsxFromExport(book: ExportSheet[], file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of book) {
    const ws = wb.addWorksheet(
      s.name,
      s.freezeRows > 0 ? { views: [{ state: "frozen", ySplit: s.freezeRows }] } : undefined
    );
    for (const [addr, c] of Object.entries(s.cells)) {
      const cell = ws.getCell(addr);
      if (c.f) cell.value = { formula: c.f.replace(/^=/, ""), result: c.v as never };
      else if (c.v !== null) cell.value = c.v;
      if (c.nf) cell.numFmt = c.nf;
      if (c.bold) cell.font = { bold: true };
    }
  }
  await wb.xlsx.writeFile(file);
}

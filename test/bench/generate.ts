/**
 * Benchmark workbooks of a given size, made from the sample workbook's generator
 * (examples/make-sample.ts `buildSample`): its 60 customer managers and 663 loans are tiled
 * with unique ids until the wanted numbers of CMs and loans are reached, so the data is as
 * realistic as the sample (every rule exercised, its few deliberate data errors repeated).
 * Loans, corporate customers, error-log entries and warnings refer to CMs of complete copies
 * only, so every reference resolves. Written with ExcelJS's streaming writer (flat memory),
 * shared strings and date formats as Excel writes them.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { buildSample, SampleSheet } from "../../examples/make-sample";

type Cell = SampleSheet["rows"][number][number];

export interface BenchSize {
  label: string;
  cms: number;
  loans: number;
}

export const SIZES: BenchSize[] = [
  { label: "S", cms: 1_000, loans: 10_000 },
  { label: "L", cms: 10_000, loans: 100_000 },
];

/** Columns holding an employee id (renamed per CM copy) and a loan id (renamed per loan copy). */
const CM_ID_COLUMNS = new Set([
  "员工号",
  "第一责任人",
  "管理责任人",
  "介绍担保职工",
  "接手责任人",
  "客户经理",
]);
const LOAN_ID_COLUMNS = new Set(["贷款编号"]);
const NAME_COLUMNS = new Set(["客户名称", "借款人"]);

function suffix(v: Cell, k: number): Cell {
  if (k === 0 || v === null || v === undefined) return v;
  if (typeof v === "object") return "text" in v ? { text: `${v.text}-${k}` } : v;
  return `${v}-${k}`;
}

export interface GeneratedSheet {
  name: string;
  headers: string[];
  rows: Cell[][];
  widths?: number[];
}

/** The sheets of a workbook of `cms` managers and `loans` loans. */
export function scaledSheets(cms: number, loans: number): GeneratedSheet[] {
  const base = buildSample();
  const by = (n: string) => {
    const s = base.find((x) => x.name === n);
    if (!s) throw new Error(`the sample has no sheet ${n}`);
    return s;
  };
  const managers = by("客户经理");
  const fullCopies = Math.max(1, Math.floor(cms / managers.rows.length));
  const tile = (
    s: SampleSheet,
    copies: number,
    limit: number,
    idCopy: (j: number) => { cm: number; loan: number }
  ): Cell[][] => {
    const out: Cell[][] = [];
    for (let j = 0; j < copies && out.length < limit; j++) {
      const { cm, loan } = idCopy(j);
      for (const row of s.rows) {
        if (out.length >= limit) break;
        out.push(
          row.map((v, c) => {
            const h = s.headers[c];
            if (CM_ID_COLUMNS.has(h)) return suffix(v, cm);
            if (LOAN_ID_COLUMNS.has(h)) return suffix(v, loan);
            if (NAME_COLUMNS.has(h)) return suffix(v, loan);
            return v;
          })
        );
      }
    }
    return out;
  };
  const ledger = by("贷款台账");
  const loanCopies = Math.ceil(loans / ledger.rows.length);
  const sameCm = (j: number) => ({ cm: j % fullCopies, loan: j });
  return [
    {
      name: "客户经理",
      headers: managers.headers,
      rows: tile(managers, Math.ceil(cms / managers.rows.length), cms, (j) => ({ cm: j, loan: j })),
    },
    { name: "贷款台账", headers: ledger.headers, rows: tile(ledger, loanCopies, loans, sameCm) },
    {
      name: "公司客户",
      headers: by("公司客户").headers,
      rows: tile(by("公司客户"), fullCopies, Infinity, (j) => ({ cm: j, loan: j })),
    },
    {
      name: "差错记录",
      headers: by("差错记录").headers,
      rows: tile(by("差错记录"), fullCopies, Infinity, (j) => ({ cm: j, loan: j })),
    },
    {
      name: "风险预警",
      headers: by("风险预警").headers,
      rows: tile(by("风险预警"), loanCopies, Infinity, sameCm),
    },
    {
      name: "政策参数",
      headers: by("政策参数").headers,
      rows: by("政策参数").rows,
      widths: by("政策参数").widths,
    },
  ];
}

const DATE_FORMAT = "yyyy-mm-dd";

function excelValue(v: Cell): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "object") return "date" in v ? new Date(`${v.date}T00:00:00Z`) : v.text;
  return v;
}

/** Writes the workbook with ExcelJS's streaming writer; returns the file size in bytes. */
export async function writeBenchWorkbook(file: string, sheets: GeneratedSheet[]): Promise<number> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: true,
  });
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = s.headers.map((h, i) => ({
      header: h,
      key: String(i),
      width: s.widths?.[i] ?? Math.max(10, h.length * 2 + 2),
    }));
    ws.getRow(1).font = { bold: true };
    for (const row of s.rows) {
      const r = ws.addRow(row.map(excelValue));
      row.forEach((v, i) => {
        if (v !== null && typeof v === "object" && "date" in v)
          r.getCell(i + 1).numFmt = DATE_FORMAT;
      });
      r.commit();
    }
    ws.commit();
  }
  await wb.commit();
  return fs.statSync(file).size;
}

/** Number of cells with a value in the sheets (headers included). */
export function cellCount(sheets: GeneratedSheet[]): number {
  let n = 0;
  for (const s of sheets) {
    n += s.headers.length;
    for (const r of s.rows) for (const v of r) if (v !== null && v !== undefined) n++;
  }
  return n;
}

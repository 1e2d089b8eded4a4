/**
 * The Office.js writer under office-addin-mock. The mock holds the request context, the workbook,
 * the worksheet collection and the application (NOTES pitfalls 3–4); the worksheets it adds are a
 * small simulation of Excel's cells that behaves like Excel when values arrive: text typed into a
 * cell that is not formatted "@" becomes a formula, a number, a date or a logical value. Each
 * `context.sync()` is one request; its size is the UTF-8 length of the JSON of the operations
 * queued since the previous one.
 */
import { OfficeMockObject } from "office-addin-mock";
import { writeSheets } from "../../src/excel/write";
import {
  REQUEST_BUDGET,
  chooseSheetNames,
  countBatches,
  planBatches,
  rowBytes,
  opBytes,
  Batch,
} from "../../src/excel/batch";
import { EXCEL_NUMBER_FORMATS, SheetModel } from "../../src/summary/model";
import { colLetters, parseA1 } from "../../src/core/issues";
import { toSerial } from "../../src/core/dates";
import { readWorkbookGrid, writeNewWorkbook } from "../../src/cli/xlsx";
import { listRowRange, sheetLayout } from "../../src/summary/model";
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";

type Scalar = string | number | boolean | null;
interface Cell {
  value: Scalar;
  formula: string | null;
  fmt: string | null;
}
interface Logged {
  sheet: string;
  address: string;
  prop: string;
  value: unknown;
}

const MAX_ROW = 1048576;

function parseAddress(address: string): {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  wholeColumns: boolean;
} {
  const cols = /^([A-Z]+):([A-Z]+)$/.exec(address);
  if (cols) {
    const a = parseA1(`${cols[1]}1`)!;
    const b = parseA1(`${cols[2]}1`)!;
    return { r0: 0, c0: a.col, r1: MAX_ROW - 1, c1: b.col, wholeColumns: true };
  }
  const [p, q] = address.split(":");
  const a = parseA1(p);
  const b = parseA1(q ?? p);
  if (!a || !b) throw new Error(`fake Excel: bad address ${address}`);
  return { r0: a.row, c0: a.col, r1: b.row, c1: b.col, wholeColumns: false };
}

const ERRORS = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!)$/;

/** What Excel stores when `v` is written into a cell with number format `fmt`. */
function enter(v: unknown, fmt: string | null): Cell {
  if (v === null || v === undefined || v === "") return { value: null, formula: null, fmt };
  if (typeof v === "number" || typeof v === "boolean") {
    if (fmt === "@")
      throw new Error(`fake Excel: a ${typeof v} written into a text cell is ambiguous`);
    return { value: v, formula: null, fmt };
  }
  if (typeof v !== "string") throw new Error(`fake Excel: cannot write ${typeof v}`);
  if (fmt === "@") return { value: v, formula: null, fmt };
  if (v.startsWith("'")) return { value: v.slice(1), formula: null, fmt };
  const half = v
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .trim();
  const num = half.replace(/,/g, "");
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i.test(num)) {
    const x = Number(num.replace(/%$/, ""));
    return { value: num.endsWith("%") ? x / 100 : x, formula: null, fmt };
  }
  if (/^[=+\-@]/.test(v)) return { value: "#NAME?", formula: v, fmt };
  const d = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(half);
  if (d)
    return {
      value: toSerial(`${d[1]}-${d[2].padStart(2, "0")}-${d[3].padStart(2, "0")}`),
      formula: null,
      fmt,
    };
  if (/^\d{1,2}[/-]\d{1,2}$/.test(half)) return { value: 46000, formula: null, fmt };
  if (/^(true|false)$/i.test(half))
    return { value: half.toLowerCase() === "true", formula: null, fmt };
  if (ERRORS.test(half.toUpperCase())) return { value: half.toUpperCase(), formula: null, fmt };
  return { value: v, formula: null, fmt };
}

class FakeWorkbook {
  sheets: FakeSheet[] = [];
  pending: Logged[] = [];
  requests: number[] = [];
  suspends = 0;
  active: string | null = null;

  log(entry: Logged): void {
    this.pending.push(entry);
  }
  flush(): void {
    const json = JSON.stringify(this.pending);
    this.requests.push(Buffer.byteLength(json, "utf8"));
    this.pending = [];
  }
  add(name: string): FakeSheet {
    if (this.sheets.some((s) => s.name.toUpperCase() === name.toUpperCase()))
      throw new Error(`fake Excel: sheet ${name} exists`);
    const s = new FakeSheet(name, this);
    this.sheets.push(s);
    this.log({ sheet: name, address: "", prop: "add", value: name });
    return s;
  }
  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
}

class FakeSheet {
  rows = new Map<number, Map<number, Cell>>();
  colFormats = new Map<number, string>();
  colWidths = new Map<number, number>();
  bold = new Set<string>();
  frozenRows = 0;
  validations: { address: string; rule: unknown }[] = [];
  freezePanes: { freezeRows: (n: number) => void };

  constructor(
    public name: string,
    private wb: FakeWorkbook
  ) {
    this.freezePanes = {
      freezeRows: (n: number) => {
        this.wb.log({ sheet: this.name, address: "", prop: "freezeRows", value: n });
        this.frozenRows = n;
      },
    };
  }
  cell(r: number, c: number): Cell | undefined {
    return this.rows.get(r)?.get(c);
  }
  fmt(r: number, c: number): string | null {
    return this.cell(r, c)?.fmt ?? this.colFormats.get(c) ?? null;
  }
  put(r: number, c: number, cell: Cell): void {
    let row = this.rows.get(r);
    if (!row) this.rows.set(r, (row = new Map()));
    row.set(c, cell);
  }
  getRange(address: string): FakeRange {
    return new FakeRange(this, address, this.wb);
  }
  activate(): void {
    this.wb.log({ sheet: this.name, address: "", prop: "activate", value: true });
    this.wb.active = this.name;
  }
  /** a snapshot of every stored cell, for "untouched" checks */
  snapshot(): string {
    return JSON.stringify([...this.rows].map(([r, m]) => [r, [...m]]));
  }
}

class FakeRange {
  private loaded = new Set<string>();
  readonly a: ReturnType<typeof parseAddress>;
  format: { font: { bold: boolean }; columnWidth: number };
  dataValidation: { rule: unknown };

  constructor(
    private s: FakeSheet,
    private address: string,
    private wb: FakeWorkbook
  ) {
    this.a = parseAddress(address);
    const self = this;
    const font = {
      set bold(v: boolean) {
        self.wb.log({ sheet: s.name, address, prop: "bold", value: v });
        self.each((r, c) => (v ? s.bold.add(`${r},${c}`) : s.bold.delete(`${r},${c}`)), true);
      },
      get bold(): boolean {
        throw new Error("fake Excel: read bold through cellBold()");
      },
    };
    this.format = {
      font,
      set columnWidth(v: number) {
        self.wb.log({ sheet: s.name, address, prop: "columnWidth", value: v });
        for (let c = self.a.c0; c <= self.a.c1; c++) s.colWidths.set(c, v);
      },
      get columnWidth(): number {
        return s.colWidths.get(self.a.c0) ?? 0;
      },
    } as { font: { bold: boolean }; columnWidth: number };
    this.dataValidation = {
      set rule(v: unknown) {
        self.wb.log({ sheet: s.name, address, prop: "dataValidation", value: v });
        s.validations.push({ address, rule: v });
      },
      get rule(): unknown {
        return s.validations.find((x) => x.address === address)?.rule;
      },
    };
  }

  private each(f: (r: number, c: number) => void, cellsOnly = false): void {
    if (this.a.wholeColumns && cellsOnly)
      throw new Error("fake Excel: cell-by-cell operation on whole columns");
    for (let r = this.a.r0; r <= this.a.r1; r++)
      for (let c = this.a.c0; c <= this.a.c1; c++) f(r, c);
  }
  private rowsCount(): number {
    return this.a.r1 - this.a.r0 + 1;
  }
  private colsCount(): number {
    return this.a.c1 - this.a.c0 + 1;
  }

  set numberFormat(v: unknown) {
    this.wb.log({ sheet: this.s.name, address: this.address, prop: "numberFormat", value: v });
    if (Array.isArray(v)) throw new Error("fake Excel: expected one format for the whole range");
    if (typeof v !== "string") throw new Error("fake Excel: a number format is text");
    if (this.a.wholeColumns) {
      for (let c = this.a.c0; c <= this.a.c1; c++) {
        this.s.colFormats.set(c, v);
        for (const row of this.s.rows.values()) {
          const cell = row.get(c);
          if (cell) cell.fmt = null;
        }
      }
      return;
    }
    this.each((r, c) => {
      const cell = this.s.cell(r, c);
      if (cell) cell.fmt = v;
      else this.s.put(r, c, { value: null, formula: null, fmt: v });
    });
  }
  get numberFormat(): unknown {
    this.need("numberFormat");
    return this.grid((r, c) => this.s.fmt(r, c) ?? "General");
  }
  set values(v: unknown) {
    this.wb.log({ sheet: this.s.name, address: this.address, prop: "values", value: v });
    if (
      !Array.isArray(v) ||
      v.length !== this.rowsCount() ||
      v.some((row) => !Array.isArray(row) || row.length !== this.colsCount())
    ) {
      throw new Error(`fake Excel: the values do not match the size of ${this.address}`);
    }
    this.each(
      (r, c) => this.s.put(r, c, enter(v[r - this.a.r0][c - this.a.c0], this.s.fmt(r, c))),
      true
    );
  }
  get values(): unknown {
    this.need("values");
    return this.grid((r, c) => this.s.cell(r, c)?.value ?? "");
  }
  get formulas(): unknown {
    this.need("formulas");
    return this.grid((r, c) => {
      const cell = this.s.cell(r, c);
      return cell?.formula ?? cell?.value ?? "";
    });
  }
  load(props: string): this {
    for (const p of props.split(",")) this.loaded.add(p.trim());
    return this;
  }
  private need(p: string): void {
    if (!this.loaded.has(p)) throw new Error(`fake Excel: ${p} was not loaded`);
  }
  private grid(f: (r: number, c: number) => unknown): unknown[][] {
    const out: unknown[][] = [];
    for (let r = this.a.r0; r <= this.a.r1; r++) {
      const row: unknown[] = [];
      for (let c = this.a.c0; c <= this.a.c1; c++) row.push(f(r, c));
      out.push(row);
    }
    return out;
  }
}

interface Harness {
  context: Excel.RequestContext;
  wb: FakeWorkbook;
  syncs: jest.SpyInstance;
}

function harness(existing: { name: string; cells?: [string, Scalar][] }[] = []): Harness {
  const wb = new FakeWorkbook();
  for (const e of existing) {
    const s = new FakeSheet(e.name, wb);
    wb.sheets.push(s);
    for (const [addr, v] of e.cells ?? []) {
      const p = parseA1(addr)!;
      s.put(p.row, p.col, enter(v, null));
    }
  }
  const mock = new OfficeMockObject({
    workbook: {
      worksheets: {
        items: existing.map((e) => ({ name: e.name })),
        add: (name: string) => wb.add(name),
        load: function (this: OfficeMockObject, props: string) {
          // office-addin-mock cannot navigate into arrays: load the items, as Excel does for "items/name"
          if (props !== "items/name") throw new Error(`unexpected load ${props}`);
          return OfficeMockObject.prototype.load.call(this, "items");
        },
      },
    },
    application: {
      suspendApiCalculationUntilNextSync: () => {
        wb.suspends++;
        wb.log({ sheet: "", address: "", prop: "suspendApiCalculationUntilNextSync", value: true });
      },
    },
  });
  const baseSync = OfficeMockObject.prototype.sync;
  const m = mock as unknown as { sync: () => Promise<void> };
  m.sync = async () => {
    wb.flush();
    await baseSync.call(mock);
    await new Promise((r) => setImmediate(r));
  };
  const syncs = jest.spyOn(m, "sync");
  return { context: mock as unknown as Excel.RequestContext, wb, syncs };
}

async function read(
  h: Harness,
  sheet: string,
  address: string,
  prop: "values" | "formulas" | "numberFormat"
): Promise<unknown[][]> {
  const { context } = h;
  const range = h.wb.sheet(sheet).getRange(address);
  if (prop === "values") {
    range.load("values");
    await context.sync();
    return range.values as unknown[][];
  }
  if (prop === "formulas") {
    range.load("formulas");
    await context.sync();
    return range.formulas as unknown[][];
  }
  range.load("numberFormat");
  await context.sync();
  return range.numberFormat as unknown[][];
}

function smallModel(): SheetModel {
  return {
    name: "等级汇总",
    title: "等级汇总 2025年 金额单位：元 生成于 2025-12-31 10:00",
    columns: [
      { header: "员工号", format: "text" },
      { header: "姓名", format: "text", width: 12 },
      { header: "任职日期", format: "date" },
      { header: "利息收入", format: "money" },
      { header: "总分", format: "score" },
      { header: "占比", format: "rate" },
      { header: "笔数", format: "int" },
      { header: "说明", format: "general" },
      { header: "达标", format: "general" },
    ],
    rows: [
      ["00123", "张三", "2019-03-01", 1234567.891, 88.5, 0.125, 12, "=1+1", true],
      [1001, "+李四", "2020-02-29", 0, 60, 0, 0, "+86 123", false],
      ["E-3", "-王五", null, 12.3, 59.99, 1, 3, "-", null],
      ["A4", "@赵六", "未到期", 5, 70, 0.5, 4, "@home", "2025-01-01"],
      ["A5", "钱七", "2021-01-01", 5, 70, 0.5, 4, "00123", "1,234"],
      ["A6", "孙八", "2021-01-01", 5, 70, 0.5, 4, "TRUE", "#N/A"],
      ["A7", "周九", "2021-01-01", 5, 70, 0.5, 4, "12%", "3/4"],
      ["A8", "吴十", "2021-01-01", 5, 70, 0.5, 4, "普通说明", "１２３"],
      ["A9", "郑一", "2021-01-01", 5, 70, 0.5, 4, "", 7],
      ["合计", null, null, 1234594.191, null, null, 27, null, null],
    ],
    freezeHeader: true,
    totalRows: [9],
    notes: [
      ["一类行平均总分", 75.2],
      ["=SUM(A1)", "-说明"],
    ],
  };
}

describe("writeSheets (Office.js)", () => {
  it("writes title, bold frozen header, formats, widths, data, totals and notes in one request", async () => {
    const h = harness([{ name: "客户经理", cells: [["A1", "员工号"]] }]);
    const m = smallModel();
    const names = await writeSheets(h.context, [m]);
    expect(names).toEqual(["等级汇总"]);
    // one sync to load the names, one for the whole sheet
    expect(h.syncs).toHaveBeenCalledTimes(2);
    expect(h.wb.suspends).toBe(1);
    const s = h.wb.sheet("等级汇总");

    expect(s.cell(0, 0)?.value).toBe(m.title);
    expect(s.bold.has("0,0")).toBe(true);
    for (let c = 0; c < m.columns.length; c++) {
      expect(s.cell(1, c)?.value).toBe(m.columns[c].header);
      expect(s.bold.has(`1,${c}`)).toBe(true);
      // the column's number format on every data row (a bounded block: Excel refuses cell-level
      // writes to whole columns — issue 12, learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-unbounded)
      // (a text cell Excel would read as a formula, number or date has "@" of its own)
      for (let r = 2; r < 2 + m.rows.length; r++) {
        if (typeof m.rows[r - 2][c] !== "string")
          expect([r, c, s.fmt(r, c) ?? "General"]).toEqual([
            r,
            c,
            EXCEL_NUMBER_FORMATS[m.columns[c].format],
          ]);
      }
      expect(s.colFormats.get(c)).toBeUndefined();
      expect(s.colWidths.get(c)).toBeGreaterThan(0);
    }
    expect(s.colWidths.get(1)).toBe((12 * 7 + 5) * 0.75);
    expect(s.frozenRows).toBe(2);

    const values = await read(h, "等级汇总", "A3:I12", "values");
    const formulas = await read(h, "等级汇总", "A3:I12", "formulas");
    // every text cell comes back as the text itself, in values and in formulas
    for (let r = 0; r < m.rows.length; r++) {
      for (let c = 0; c < m.columns.length; c++) {
        const v = m.rows[r][c];
        if (
          typeof v === "string" &&
          !(m.columns[c].format === "date" && /^\d{4}-\d{2}-\d{2}$/.test(v))
        ) {
          expect([r, c, values[r][c]]).toEqual([r, c, v]);
          expect([r, c, formulas[r][c]]).toEqual([r, c, v]);
        }
      }
    }
    expect(values[0][7]).toBe("=1+1");
    expect(formulas[0][7]).toBe("=1+1");
    expect(values[2][7]).toBe("-");
    // a number in a text column becomes its text; dates become serials
    expect(values[1][0]).toBe("1001");
    expect(values[0][2]).toBe(toSerial("2019-03-01"));
    expect(values[1][2]).toBe(toSerial("2020-02-29"));
    expect(values[3][2]).toBe("未到期");
    expect(values[0][3]).toBe(1234567.891);
    expect(values[0][8]).toBe(true);
    expect(values[1][8]).toBe(false);
    expect(values[2][2]).toBe("");
    expect(values[8][8]).toBe(7);
    // the number formats the cells show
    const fmts = await read(h, "等级汇总", "A3:I3", "numberFormat");
    expect(fmts[0]).toEqual([
      "@",
      "@",
      "yyyy-mm-dd",
      "#,##0.00",
      "0.00",
      "0.00%",
      "0",
      "@",
      "General",
    ]);
    // totals row bold across the table, other data rows not
    for (let c = 0; c < 9; c++) expect(s.bold.has(`11,${c}`)).toBe(true);
    expect(s.bold.has("2,0")).toBe(false);
    // notes after one blank row
    expect(s.cell(12, 0)).toBeUndefined();
    const notes = await read(h, "等级汇总", "A14:B15", "formulas");
    expect(notes).toEqual([
      ["一类行平均总分", 75.2],
      ["=SUM(A1)", "-说明"],
    ]);
    const notesFmt = await read(h, "等级汇总", "A14:B14", "numberFormat");
    expect(notesFmt[0]).toEqual(["General", "General"]);
  });

  it("never touches an existing sheet and suffixes a taken name", async () => {
    const h = harness([
      {
        name: "等级汇总",
        cells: [
          ["A1", "旧数据"],
          ["B2", 42],
        ],
      },
      { name: "贷款台账", cells: [["C3", "L001"]] },
    ]);
    const before = h.wb.sheets.map((s) => s.snapshot());
    const names = await writeSheets(h.context, [
      smallModel(),
      { ...smallModel(), name: "贷款台账" },
    ]);
    expect(names).toEqual(["等级汇总 (2)", "贷款台账 (2)"]);
    expect(h.wb.sheets.slice(0, 2).map((s) => s.snapshot())).toEqual(before);
    expect(h.wb.sheets.map((s) => s.name)).toEqual([
      "等级汇总",
      "贷款台账",
      "等级汇总 (2)",
      "贷款台账 (2)",
    ]);
    const again = harness(h.wb.sheets.map((s) => ({ name: s.name })));
    expect(await writeSheets(again.context, [smallModel()])).toEqual(["等级汇总 (3)"]);
    expect(h.syncs).toHaveBeenCalledTimes(2);
  });

  it("a sheet name that differs only in case is taken", async () => {
    const h = harness([{ name: "summary" }]);
    expect(await writeSheets(h.context, [{ ...smallModel(), name: "SUMMARY" }])).toEqual([
      "SUMMARY (2)",
    ]);
  });

  it("activates the first new sheet when asked and reports progress to the end", async () => {
    const h = harness([{ name: "Sheet1" }]);
    const progress: [number, number][] = [];
    await writeSheets(h.context, [smallModel(), { ...smallModel(), name: "末位名单" }], {
      activate: true,
      onProgress: (d, t) => progress.push([d, t]),
    });
    expect(h.wb.active).toBe("等级汇总");
    const total = 2 * (1 + 10 + 2);
    expect(progress[progress.length - 1]).toEqual([total, total]);
    for (let i = 1; i < progress.length; i++)
      expect(progress[i][0]).toBeGreaterThanOrEqual(progress[i - 1][0]);
  });

  it("writes drop-down lists over the data area of a template sheet", async () => {
    const h = harness();
    const template: SheetModel = {
      name: "客户经理",
      title: null,
      columns: [
        { header: "员工号", format: "text" },
        { header: "行别类型", format: "text", list: ["一类行", "二类行", "三类行"] },
        { header: "当年退休", format: "text", list: ["是", "否"] },
      ],
      rows: [],
      freezeHeader: true,
    };
    await writeSheets(h.context, [template]);
    const s = h.wb.sheet("客户经理");
    expect(s.validations).toEqual([
      {
        address: "B2:B10001",
        rule: { list: { inCellDropDown: true, source: "一类行,二类行,三类行" } },
      },
      { address: "C2:C10001", rule: { list: { inCellDropDown: true, source: "是,否" } } },
    ]);
    expect(s.frozenRows).toBe(1);
    expect(s.cell(0, 1)?.value).toBe("行别类型");
    expect(h.syncs).toHaveBeenCalledTimes(2);
  });

  it("does nothing for no models", async () => {
    const h = harness([{ name: "A" }]);
    expect(await writeSheets(h.context, [])).toEqual([]);
    expect(h.syncs).not.toHaveBeenCalled();
  });

  it("refuses a model with a number that is not finite before adding any sheet", async () => {
    const h = harness([{ name: "A" }]);
    const bad = smallModel();
    bad.rows[1][4] = NaN;
    await expect(writeSheets(h.context, [smallModel(), bad])).rejects.toThrow(
      /第 4 行 E 列：数值无效/
    );
    expect(h.wb.sheets.map((s) => s.name)).toEqual(["A"]);
    expect(h.syncs).toHaveBeenCalledTimes(1);
  });

  it("refuses a row wider than the table and a bad drop-down list", async () => {
    const h = harness();
    const wide = smallModel();
    wide.rows[0] = [...wide.rows[0], "extra"];
    await expect(writeSheets(h.context, [wide])).rejects.toThrow(
      /第 1 行有 10 个单元格，多于 9 列/
    );
    const badList: SheetModel = {
      ...smallModel(),
      columns: [{ header: "x", format: "text", list: ["a,b"] }],
      rows: [],
    };
    await expect(writeSheets(h.context, [badList])).rejects.toThrow(/下拉选项/);
    expect(h.wb.sheets).toEqual([]);
  });
});

/** A ledger-sized summary: 100,000 rows of Chinese text, numbers, dates and formula-looking text. */
function bigModel(rows: number): SheetModel {
  const data: (string | number | null)[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    data[i] = [
      `L${String(i).padStart(7, "0")}`,
      `E${i % 997}`,
      i % 3 === 0 ? "正常" : "关注类贷款",
      100000 + (i % 5000) * 13.37,
      `202${i % 5}-0${1 + (i % 9)}-1${i % 9}`,
      i % 1000 === 0 ? '=HYPERLINK("x")' : i % 7 === 0 ? null : "按时上报",
      i % 11,
      (i % 100) / 100,
      i % 50 === 0 ? "-" : "第三十八条：未按期催收，扣减风险金",
      i,
    ];
  }
  return {
    name: "预警时效",
    title: "预警时效 2025年 金额单位：元",
    columns: [
      { header: "贷款编号", format: "text" },
      { header: "员工号", format: "text" },
      { header: "分类", format: "text" },
      { header: "风险金额", format: "money" },
      { header: "支行上报日期", format: "date" },
      { header: "结果", format: "general" },
      { header: "天数", format: "int" },
      { header: "比例", format: "rate" },
      { header: "说明", format: "general" },
      { header: "序号", format: "int" },
    ],
    rows: data,
    freezeHeader: true,
    totalRows: [rows - 1],
  };
}

describe("writeSheets with 100,000 rows", () => {
  it("syncs once per chunk, every request under the limit, every row written", async () => {
    const h = harness([{ name: "贷款台账" }]);
    const m = bigModel(100_000);
    const expected = countBatches([m], chooseSheetNames([m], ["贷款台账"]));
    expect(expected).toBeGreaterThan(1);
    await writeSheets(h.context, [m]);
    // one sync to load the names + one per batch: a function of the chunks only
    expect(h.syncs).toHaveBeenCalledTimes(1 + expected);
    expect(h.wb.suspends).toBe(expected);
    const writes = h.wb.requests.slice(1, 1 + expected);
    for (const bytes of writes) expect(bytes).toBeLessThanOrEqual(REQUEST_BUDGET);
    // the chunks are full: the count follows the bytes written, not the rows
    for (const bytes of writes.slice(0, -1)) expect(bytes).toBeGreaterThan(REQUEST_BUDGET / 2);
    const s = h.wb.sheet("预警时效");
    for (const i of [0, 1, 999, 1000, 49_999, 50_000, 99_998, 99_999]) {
      const r = 2 + i;
      const want = m.rows[i];
      expect(s.cell(r, 0)?.value).toBe(want[0]);
      expect(s.cell(r, 3)?.value).toBe(want[3]);
      expect(s.cell(r, 4)?.value).toBe(toSerial(want[4] as string));
      const f = s.cell(r, 5);
      expect(f?.formula ?? null).toBeNull();
      expect(f?.value ?? null).toBe(want[5] === null ? null : want[5]);
      expect(s.cell(r, 8)?.value).toBe(want[8]);
      expect(s.cell(r, 9)?.value).toBe(i);
    }
    // no row was skipped or written twice
    let count = 0;
    for (let r = 2; r < 2 + 100_000; r++) if (s.cell(r, 9)?.value === r - 2) count++;
    expect(count).toBe(100_000);
    expect(s.bold.has(`${2 + 99_999},0`)).toBe(true);
    expect(s.bold.has(`${2 + 99_998},0`)).toBe(false);
  }, 120_000);

  it("the sync count for ten rows does not depend on the rows", async () => {
    const a = harness();
    await writeSheets(a.context, [bigModel(10)]);
    const b = harness();
    await writeSheets(b.context, [bigModel(2000)]);
    expect(a.syncs).toHaveBeenCalledTimes(2);
    expect(b.syncs).toHaveBeenCalledTimes(2);
  });
});

describe("planBatches", () => {
  function covered(batches: Batch[]): number[] {
    const rows: number[] = [];
    for (const b of batches) {
      for (const op of b.ops) {
        if (op.kind !== "values" || op.sheet !== 0) continue;
        const [p, q] = op.address.split(":");
        const a = parseA1(p)!;
        const z = parseA1(q ?? p)!;
        expect(op.values.length).toBe(z.row - a.row + 1);
        for (let r = a.row; r <= z.row; r++) rows.push(r);
      }
    }
    return rows;
  }

  it("cuts rows into blocks within a small budget, in order, each row once, estimates above the real size", () => {
    const m = bigModel(3000);
    const budget = 60_000;
    const batches = [...planBatches([m], ["x"], { budget })];
    expect(batches.length).toBeGreaterThan(5);
    for (const b of batches) {
      expect(b.bytes).toBeLessThanOrEqual(budget);
      const real = Buffer.byteLength(JSON.stringify(b.ops), "utf8");
      expect(b.bytes).toBeGreaterThanOrEqual(real);
    }
    const rows = covered(batches);
    // title (row 0), header (row 1), then every data row once, in order
    expect(rows).toEqual(Array.from({ length: 3002 }, (_, i) => i));
    expect(batches.reduce((n, b) => n + b.units, 0)).toBe(1 + 3000);
  });

  it("puts the text format of a formula-looking cell in the same batch, before its value", () => {
    const m = bigModel(3000);
    const batches = [...planBatches([m], ["x"], { budget: 50_000 })];
    for (const b of batches) {
      const seen = new Set<string>();
      for (const op of b.ops) {
        if (op.kind === "format" && op.format === "@" && /^F\d+$/.test(op.address))
          seen.add(op.address);
        if (op.kind === "values") {
          const [p] = op.address.split(":");
          const r0 = parseA1(p)!.row;
          op.values.forEach((row, k) => {
            const v = row[5];
            if (typeof v === "string" && v.startsWith("="))
              expect(seen.has(`F${r0 + k + 1}`)).toBe(true);
          });
        }
      }
    }
  });

  it("counts row and operation sizes as JSON", () => {
    // UTF-8 bytes of the JSON, plus the comma between rows
    expect(rowBytes(["中", 1, true, null])).toBe(
      Buffer.byteLength(JSON.stringify(["中", 1, true, null]), "utf8") + 1
    );
    expect(opBytes({ kind: "bold", sheet: 0, address: "A1" })).toBeGreaterThan(
      JSON.stringify({ kind: "bold", sheet: 0, address: "A1" }).length
    );
    expect(colLetters(9)).toBe("J");
  });

  it("refuses a single row larger than a request", () => {
    const m: SheetModel = {
      name: "x",
      title: null,
      columns: [{ header: "a", format: "text" }],
      rows: [["中".repeat(30000)]],
      freezeHeader: false,
    };
    expect(() => [...planBatches([m], ["x"], { budget: 50_000 })]).toThrow(/超过一次写入的上限/);
  });
});

describe("the Office.js writer and the CLI writer give the same sheet", () => {
  it("same values, number formats, bold cells, frozen rows, widths and lists", async () => {
    const models = [
      smallModel(),
      {
        ...smallModel(),
        name: "模板",
        title: null,
        rows: [],
        notes: undefined,
        totalRows: undefined,
        columns: [
          ...smallModel().columns.slice(0, 2),
          { header: "行别类型", format: "text" as const, list: ["一类行", "二类行"] },
        ],
      },
    ];
    const h = harness();
    await writeSheets(h.context, models);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "cm-parity-"));
    const file = path.join(dir, "out.xlsx");
    try {
      await writeNewWorkbook(file, models);
      const grid = await readWorkbookGrid(file);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      models.forEach((m, i) => {
        const fake = h.wb.sheet(m.name);
        const g = grid.sheets[i];
        const ws = wb.worksheets[i];
        expect(g.name).toBe(m.name);
        const L = sheetLayout(m);
        for (let r = 0; r < L.rowCount; r++) {
          for (let c = 0; c < L.colCount; c++) {
            const at = `${m.name}!${colLetters(c)}${r + 1}`;
            const cell = fake.cell(r, c);
            const fv = cell?.formula ?? cell?.value ?? null;
            expect([at, g.values[r]?.[c] ?? null]).toEqual([at, fv]);
            if (fv === null) continue;
            // (an ExcelJS cell, not an Office.js range: its style is there to read)
            const { numFmt, font } = ws.getCell(r + 1, c + 1).style;
            expect([at, numFmt ?? "General"]).toEqual([at, fake.fmt(r, c) ?? "General"]);
            expect([at, font?.bold ?? false]).toEqual([at, fake.bold.has(`${r},${c}`)]);
          }
        }
        for (let c = 0; c < m.columns.length; c++) {
          // the file's column format is the format of the Office.js writer's table rows
          const { first, last } = listRowRange(m);
          for (let r = first; r <= last; r++) {
            if (typeof m.rows[r - first]?.[c] !== "string")
              expect([r, c, ws.getColumn(c + 1).numFmt ?? "General"]).toEqual([
                r,
                c,
                fake.fmt(r, c) ?? "General",
              ]);
          }
          // the same pixels: Office.js points = px × 0.75; the file's width = px / 7 characters
          expect(ws.getColumn(c + 1).width! * 7 * 0.75).toBeCloseTo(fake.colWidths.get(c)!, 0);
        }
        expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: fake.frozenRows });
        for (const v of fake.validations) {
          const [a, z] = v.address.split(":");
          const rule = v.rule as { list: { source: string } };
          for (const addr of [a, z])
            expect(ws.getCell(addr).dataValidation).toMatchObject({
              type: "list",
              formulae: [`"${rule.list.source}"`],
            });
        }
      });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

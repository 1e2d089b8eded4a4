/**
 * The CLI's outputs open in LibreOffice (NOTES pitfall 10): every sheet converted to CSV "as
 * shown" (number formats applied), and a LibreOffice re-save read back with our reader. Runs when
 * `soffice` is on PATH (apt-get install -y libreoffice-calc-nogui); otherwise skipped with a note.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { addSheetsToWorkbook, readWorkbookGrid, writeNewWorkbook } from "../../src/cli/xlsx";
import { SheetModel } from "../../src/summary/model";
import { bookEntries, craftBook, craftZip } from "./helpers/craft";
import { execOutputs, onPath } from "./helpers/tools";

const soffice = onPath("soffice");
if (!soffice) {
  console.warn(
    "NOTE: LibreOffice (soffice) is not on PATH — the LibreOffice checks are skipped. Install: apt-get install -y libreoffice-calc-nogui"
  );
}
const maybe = soffice ? it : it.skip;

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "cm-lo-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** soffice headless with its own profile in `dir`. */
function run(args: string[]): Promise<{ stdout: string; stderr: string }> {
  return execOutputs(
    soffice!,
    ["--headless", "--norestore", `-env:UserInstallation=file://${dir}/profile`, ...args],
    150_000
  );
}

/** RFC 4180 CSV → rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (ch !== "\r") field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const summary: SheetModel = {
  name: "等级汇总",
  title: "等级汇总 2025年 金额单位：元",
  columns: [
    { header: "员工号", format: "text" },
    { header: "姓名", format: "text" },
    { header: "任职日期", format: "date" },
    { header: "利息收入", format: "money" },
    { header: "总分", format: "score" },
    { header: "占比", format: "rate" },
    { header: "笔数", format: "int" },
    { header: "说明", format: "general" },
    { header: "行别类型", format: "text", list: ["一类行", "二类行", "三类行"] },
  ],
  rows: [
    ["00123", "张三", "2019-03-01", 1234567.891, 88.5, 0.125, 12, "=1+1", "一类行"],
    [1001, "+李四", "2020-02-29", 0, 60, 0, 0, "-", "二类行"],
    ["合计", null, null, 1234567.891, null, null, 12, "@备注", null],
  ],
  freezeHeader: true,
  totalRows: [2],
  notes: [["一类行平均总分", 74.25]],
};

const shown = [
  ["等级汇总 2025年 金额单位：元", "", "", "", "", "", "", "", ""],
  ["员工号", "姓名", "任职日期", "利息收入", "总分", "占比", "笔数", "说明", "行别类型"],
  ["00123", "张三", "2019-03-01", "1,234,567.89", "88.50", "12.50%", "12", "=1+1", "一类行"],
  ["1001", "+李四", "2020-02-29", "0.00", "60.00", "0.00%", "0", "-", "二类行"],
  ["合计", "", "", "1,234,567.89", "", "", "12", "@备注", ""],
  ["", "", "", "", "", "", "", "", ""],
  ["一类行平均总分", "74.25", "", "", "", "", "", "", ""],
];

describe(`LibreOffice opens the outputs${soffice ? "" : " (skipped: soffice not on PATH)"}`, () => {
  maybe(
    "an input with sheets added converts to CSV with every old value and the new sheet as formatted",
    async () => {
      const input = path.join(dir, "台账.xlsx");
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("贷款台账");
      ws.addRow(["贷款编号", "发放金额", "发放日期"]);
      ws.addRow(["L001", 500000, new Date(Date.UTC(2023, 5, 30))]);
      ws.getCell("C2").numFmt = "yyyy-mm-dd";
      ws.addRow(["L002", 12.5, new Date(Date.UTC(2024, 0, 2))]);
      ws.getCell("C3").numFmt = "yyyy-mm-dd";
      await wb.xlsx.writeFile(input);
      const out = path.join(dir, "out.xlsx");
      await addSheetsToWorkbook(input, out, [summary, { ...summary, name: "贷款台账" }]);

      const csvDir = path.join(dir, "csv");
      await fs.mkdir(csvDir);
      // all sheets (-1), UTF-8 (76), cells as shown (9th token true)
      const { stderr } = await run([
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
        "--outdir",
        csvDir,
        out,
      ]);
      expect(stderr).not.toMatch(/error/i);
      const read = async (sheet: string) =>
        parseCsv(await fs.readFile(path.join(csvDir, `out-${sheet}.csv`), "utf8"));
      expect(await read("贷款台账")).toEqual([
        ["贷款编号", "发放金额", "发放日期"],
        ["L001", "500000", "2023-06-30"],
        ["L002", "12.5", "2024-01-02"],
      ]);
      expect(await read("等级汇总")).toEqual(shown);
      expect(await read("贷款台账 (2)")).toEqual(shown);
    },
    180_000
  );

  maybe(
    "a new workbook survives a LibreOffice re-save with the same values",
    async () => {
      const p = path.join(dir, "new.xlsx");
      await writeNewWorkbook(p, [summary]);
      const resaved = path.join(dir, "resaved");
      await fs.mkdir(resaved);
      await run(["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", resaved, p]);
      const ours = await readWorkbookGrid(p);
      const theirs = await readWorkbookGrid(path.join(resaved, "new.xlsx"));
      expect(theirs.sheets.map((s) => s.name)).toEqual(["等级汇总"]);
      expect(theirs.sheets[0].values).toEqual(ours.sheets[0].values);
      // LibreOffice kept the text cells as text and the formats (a headless re-save drops every
      // sheet's view, frozen panes included, for any input — checked on our own file elsewhere)
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(resaved, "new.xlsx"));
      const ws = wb.getWorksheet("等级汇总")!;
      expect(ws.getCell("H3").value).toBe("=1+1");
      expect(ws.getCell("D3").numFmt).toBe("#,##0.00");
    },
    180_000
  );
  maybe(
    "outputs of a 1904, a Strict, a prefixed and a backslash-named workbook open in LibreOffice with the right dates",
    async () => {
      const dateModel: SheetModel = {
        name: "汇总",
        title: null,
        freezeHeader: false,
        columns: [
          { header: "姓名", format: "text" },
          { header: "日期", format: "date" },
        ],
        rows: [["张三", "2024-03-01"]],
      };
      const cell = '<row r="1"><c r="A1" s="1"><v>43465</v></c></row>';
      const books: Record<string, Buffer> = {
        d1904: craftBook({ date1904: true, sheets: { 数据: cell } }),
        strict: craftBook({ strict: true, sheets: { 数据: cell } }),
        prefixed: craftBook({
          prefix: "x",
          sheets: { 数据: '<x:row r="1"><x:c r="A1" s="1"><x:v>43465</x:v></x:c></x:row>' },
        }),
        backslash: craftZip(
          bookEntries({ sheets: { 数据: cell } }).map((e) => ({
            ...e,
            name: e.name.replace(/\//g, "\\"),
          }))
        ),
      };
      const outs: string[] = [];
      for (const [k, b] of Object.entries(books)) {
        const inp = path.join(dir, `${k}-in.xlsx`);
        await fs.writeFile(inp, b);
        const out = path.join(dir, `${k}.xlsx`);
        await addSheetsToWorkbook(inp, out, [dateModel]);
        outs.push(out);
      }
      const csvDir = path.join(dir, "csv-real");
      await fs.mkdir(csvDir);
      await run([
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
        "--outdir",
        csvDir,
        ...outs,
      ]);
      for (const k of Object.keys(books)) {
        const read = async (sheet: string) =>
          parseCsv(await fs.readFile(path.join(csvDir, `${k}-${sheet}.csv`), "utf8"));
        // the old date shows the day it showed (serial 43465: 2018-12-31 in 1900, 2023-01-01 in 1904), the new one 2024-03-01
        expect([k, await read("数据")]).toEqual([
          k,
          [[k === "d1904" ? "2023-01-01" : "2018-12-31"]],
        ]);
        expect([k, (await read("汇总")).slice(0, 2)]).toEqual([
          k,
          [
            ["姓名", "日期"],
            ["张三", "2024-03-01"],
          ],
        ]);
      }
    },
    180_000
  );
});

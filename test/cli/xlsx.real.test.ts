/**
 * The real-workbook suite (issue 14): small workbooks made at test time in the shapes real
 * writers give them — the 1904 date system, Strict Open XML, literal CRLF in text, inline
 * strings (also with a stray <v>), rich text with phonetic runs, shared and uncached formulas,
 * data descriptors, Zip64 fields, `x:` prefixes, LibreOffice/WPS-style parts, backslash part
 * names, a sheet without a part, comments and CDATA in workbook.xml — each with its expected
 * cells; and the 1904 case end to end through summarize (ages, protection periods, exit dates).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { addSheetsToWorkbook, readWorkbookGrid } from "../../src/cli/xlsx";
import { summarizeWorkbook } from "../../src/cli/commands/summarize";
import { isoToSerial, UNCALCULATED_NOTICE } from "../../src/cli/xlsx/read";
import { WorkbookEditor, parseWorkbook } from "../../src/cli/xlsx/package";
import { isDateFormatCode } from "../../src/cli/xlsx/styles";
import { toSerial } from "../../src/core/dates";
import type { SheetModel } from "../../src/summary/model";
import { STRICT, T, bookEntries, craftBook, craftZip } from "./helpers/craft";

const ROOT = path.resolve(__dirname, "../..");
const SAMPLE = path.join(ROOT, "examples/sample.xlsx");
const NOW = new Date(2026, 0, 5, 9, 30);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-real-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, buf: Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, buf);
  return p;
}

async function cells(buf: Buffer, name = "b.xlsx") {
  return readWorkbookGrid(write(name, buf));
}

const model = (name = "汇总"): SheetModel => ({
  name,
  title: "标题",
  freezeHeader: false,
  columns: [
    { header: "姓名", format: "text" },
    { header: "日期", format: "date" },
  ],
  rows: [["张三", "2024-03-01"]],
});

describe("the 1904 date system", () => {
  const sheet =
    '<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="2"><v>43465</v></c><c r="C1"><v>43465</v></c><c r="D1" s="1"><f>A1+1</f><v>1</v></c>' +
    '<c r="E1" t="d"><v>2024-03-01</v></c><c r="F1" s="1"><v>43465.5</v></c></row>';

  it("reads dates of a 1904 workbook as the days they show (date formats only; amounts unchanged)", async () => {
    const g = await cells(craftBook({ date1904: true, sheets: { S: sheet } }));
    expect(g.sheets[0].values).toEqual([
      [
        toSerial("1904-01-01"),
        toSerial("2023-01-01"),
        43465,
        toSerial("1904-01-02"),
        toSerial("2024-03-01"),
        toSerial("2023-01-01") + 0.5,
      ],
    ]);
    // the same cells in a 1900 workbook are the serials themselves
    const g1900 = await cells(craftBook({ sheets: { S: sheet } }));
    expect(g1900.sheets[0].values[0].slice(0, 3)).toEqual([0, 43465, 43465]);
  });

  it("writes the dates of new sheets in a 1904 workbook as 1904 serials (ExcelJS reads the same day)", async () => {
    const inp = write("in1904.xlsx", craftBook({ date1904: true, sheets: { S: sheet } }));
    const out = path.join(dir, "out1904.xlsx");
    await addSheetsToWorkbook(inp, out, [model()]);
    const z = await JSZip.loadAsync(fs.readFileSync(out));
    const xml = await z.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(xml).toContain(`<v>${toSerial("2024-03-01") - 1462}</v>`);
    const g = await readWorkbookGrid(out);
    expect(g.sheets[1].values[2]).toEqual(["张三", toSerial("2024-03-01")]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("汇总")!.getCell("B3").value).toEqual(new Date(Date.UTC(2024, 2, 1)));
  });

  it("knows date formats from their codes", () => {
    for (const c of [
      "yyyy-mm-dd",
      'yyyy"年"m"月"d"日"',
      "[$-804]yyyy/m/d",
      "h:mm",
      "[h]:mm:ss",
      "mm:ss",
      "d-mmm",
    ])
      expect([c, isDateFormatCode(c)]).toEqual([c, true]);
    for (const c of ["General", "0.00", '#,##0" 元"', "0.00E+00", "[Red]0.0", "@", '"day"0'])
      expect([c, isDateFormatCode(c)]).toEqual([c, false]);
  });

  it("end to end: summarize on the sample saved in the 1904 system gives the same summaries (ages, protection periods, exit dates)", async () => {
    // ExcelJS (an independent writer) saves the sample with date1904 set: every date becomes a 1904 serial
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    wb.properties.date1904 = true;
    const in1904 = path.join(dir, "sample1904.xlsx");
    await wb.xlsx.writeFile(in1904);
    const z = await JSZip.loadAsync(fs.readFileSync(in1904));
    expect(await z.file("xl/workbook.xml")!.async("string")).toMatch(/date1904="1"/);
    const a = path.join(dir, "s1900-out.xlsx");
    const b = path.join(dir, "s1904-out.xlsx");
    const oa = await summarizeWorkbook(SAMPLE, a, { year: 2025, now: NOW });
    const ob = await summarizeWorkbook(in1904, b, { year: 2025, now: NOW });
    expect(ob.sheetNames).toEqual(oa.sheetNames);
    expect(ob.result.issues.map((i) => `${i.sheet}!${i.cell} ${i.message}`)).toEqual(
      oa.result.issues.map((i) => `${i.sheet}!${i.cell} ${i.message}`)
    );
    const ga = await readWorkbookGrid(a);
    const gb = await readWorkbookGrid(b);
    // the input's dates read as the same days (the 客户经理 sheet has dates of birth, hire, exit)
    const cm = (g: typeof ga) => g.sheets.find((s) => s.name === "客户经理")!.values;
    expect(cm(gb)).toEqual(cm(ga));
    expect(
      cm(ga)
        .flat()
        .filter((v) => typeof v === "number" && v > 20000 && v < 50000).length
    ).toBeGreaterThan(10);
    for (const name of oa.sheetNames) {
      expect([name, gb.sheets.find((s) => s.name === name)!.values]).toEqual([
        name,
        ga.sheets.find((s) => s.name === name)!.values,
      ]);
    }
    // and Excel's view (ExcelJS applying date1904) of a date in the summaries is the same day
    const ea = new ExcelJS.Workbook();
    await ea.xlsx.readFile(a);
    const eb = new ExcelJS.Workbook();
    await eb.xlsx.readFile(b);
    let dates = 0;
    for (const name of oa.sheetNames) {
      ea.getWorksheet(name)!.eachRow((row, r) =>
        row.eachCell((c, col) => {
          if (c.value instanceof Date) {
            dates++;
            expect(eb.getWorksheet(name)!.getRow(r).getCell(col).value).toEqual(c.value);
          }
        })
      );
    }
    expect(dates).toBeGreaterThan(0);
  });
});

describe("workbooks as real writers make them", () => {
  it("Strict Open XML: read, and extended in its own form", async () => {
    const buf = craftBook({
      strict: true,
      sharedStrings: ["员工号"],
      sheets: { 客户经理: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>7</v></c></row>' },
    });
    const inp = write("strict.xlsx", buf);
    expect((await readWorkbookGrid(inp)).sheets[0].values).toEqual([["员工号", 7]]);
    const out = path.join(dir, "strict-out.xlsx");
    await addSheetsToWorkbook(inp, out, [model()]);
    const z = await JSZip.loadAsync(fs.readFileSync(out));
    const rels = await z.file("xl/_rels/workbook.xml.rels")!.async("string");
    expect(rels).toContain(`Type="${STRICT.rel}/worksheet" Target="worksheets/sheet2.xml"`);
    expect(await z.file("xl/worksheets/sheet2.xml")!.async("string")).toContain(
      `xmlns="${STRICT.main}"`
    );
    expect((await readWorkbookGrid(out)).sheets.map((s) => s.name)).toEqual(["客户经理", "汇总"]);
  });

  it("CRLF and CR in text are LF (XML 1.0 §2.11); &#13; and _x000D_ stay CR", async () => {
    const g = await cells(
      craftBook({
        sharedStrings: ["a\r\nb", "c\rd", "e&#13;f", "g_x000D_h"],
        sheets: {
          S: '<row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c><c t="s"><v>3</v></c><c t="inlineStr"><is><t>i\r\nj</t></is></c><c t="str"><f>1</f><v>k\r\nl</v></c></row>',
        },
      })
    );
    expect(g.sheets[0].values).toEqual([["a\nb", "c\nd", "e\rf", "g\rh", "i\nj", "k\nl"]]);
  });

  it("an inline string is its <is>, also with a stray <v>; rich text without phonetic runs", async () => {
    const g = await cells(
      craftBook({
        sharedStrings:
          '<sst xmlns="' +
          T.main +
          '"><si><r><t>东</t></r><r><rPr><b/></rPr><t>京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si></sst>',
        sheets: {
          S: '<row r="1"><c t="inlineStr"><v>junk</v><is><t>real</t></is></c><c t="inlineStr"><is><r><t>甲</t></r><rPh><t>こう</t></rPh></is></c><c t="s"><v>0</v></c><c t="n"><is><t>9</t></is><v>3</v></c></row>',
        },
      })
    );
    expect(g.sheets[0].values).toEqual([["real", "甲", "东京", 3]]);
  });

  it('time-only t="d" is a fraction of a day', async () => {
    expect(isoToSerial("12:00:00")).toBe(0.5);
    expect(isoToSerial("T06:00")).toBe(0.25);
    expect(isoToSerial("25:00:00")).toBe("#VALUE!");
    const g = await cells(
      craftBook({
        sheets: {
          S: '<row r="1"><c t="d"><v>18:00:00</v></c><c t="d"><v>2024-03-01T12:00:00</v></c></row>',
        },
      })
    );
    expect(g.sheets[0].values).toEqual([[0.75, toSerial("2024-03-01") + 0.5]]);
  });

  it("shared formulas give their cached values; formulas without one are blank, with one notice for the workbook", async () => {
    const g = await cells(
      craftBook({
        sheets: {
          A: '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c></row><row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>4</v></c></row><row r="3"><c r="B3"><f t="shared" si="0"/></c></row>',
          B: '<row r="1"><c r="A1"><f>1+1</f><v></v></c><c r="B1" t="str"><f>"x"</f></c><c r="C1"><v>5</v></c></row>',
        },
      })
    );
    expect(g.sheets[0].values).toEqual([
      [1, 2],
      [2, 4],
    ]);
    expect(g.sheets[1].values).toEqual([[5]]);
    expect(g.sheets[1].colOffset).toBe(2);
    expect(g.notices).toHaveLength(1);
    expect(g.notices![0]).toMatch(new RegExp(`^${UNCALCULATED_NOTICE}（工作表 “A”1 个、“B”2 个`));
  });

  it("data descriptors, Zip64 size fields and stored entries", async () => {
    const sheets = { S: '<row r="1"><c><v>1</v></c><c t="inlineStr"><is><t>二</t></is></c></row>' };
    for (const [label, t] of [
      ["descriptor", { descriptor: true }],
      ["zip64", { zip64: true }],
      ["stored", { method: 0 }],
    ] as const) {
      const g = await cells(
        craftBook({ sheets, tweak: { "xl/worksheets/sheet1.xml": t, "xl/workbook.xml": t } }),
        `${label}.xlsx`
      );
      expect([label, g.sheets[0].values]).toEqual([label, [[1, "二"]]]);
    }
  });

  it("x: prefixes on every SpreadsheetML part", async () => {
    const g = await cells(
      craftBook({
        prefix: "x",
        sharedStrings: ["甲"],
        sheets: {
          客户经理:
            '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" s="1"><x:v>45000</x:v></x:c></x:row>',
        },
      })
    );
    expect(g.sheets[0].values).toEqual([["甲", 45000]]);
  });

  it("LibreOffice/WPS-style parts: absolute targets, another prefix for r:id, extension namespaces, a BOM", async () => {
    const entries = bookEntries({
      sheets: { 表1: '<row r="1"><c r="A1" t="inlineStr"><is><t>一</t></is></c></row>' },
    });
    const wb = `\ufeff<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="${T.main}" xmlns:ns1="${T.rel}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15"><fileVersion appName="Calc"/><workbookPr/><sheets><sheet name="表1" sheetId="1" state="visible" ns1:id="rId1"/></sheets><calcPr iterateCount="100"/></workbook>`;
    const rels = `<?xml version="1.0"?><Relationships xmlns="${T.pkgRel}"><Relationship Id="rId1" Type="${T.rel}/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>`;
    const g = await cells(
      craftZip(
        entries.map((e) =>
          e.name === "xl/workbook.xml"
            ? { ...e, data: wb }
            : e.name === "xl/_rels/workbook.xml.rels"
              ? { ...e, data: rels }
              : e
        )
      )
    );
    expect(g.sheets.map((s) => [s.name, s.values])).toEqual([["表1", [["一"]]]]);
  });

  it("backslashes in part names are read as folders", async () => {
    const entries = bookEntries().map((e) => ({ ...e, name: e.name.replace(/\//g, "\\") }));
    const inp = write("backslash.xlsx", craftZip(entries));
    expect((await readWorkbookGrid(inp)).sheets[0].values).toEqual([["员工号"]]);
    const out = path.join(dir, "backslash-out.xlsx");
    await addSheetsToWorkbook(inp, out, [model()]);
    expect((await readWorkbookGrid(out)).sheets.map((s) => s.name)).toEqual(["客户经理", "汇总"]);
  });

  it('a sheet with r:id="" is skipped with a notice, the others are read', async () => {
    const entries = bookEntries({
      sheets: { A: '<row r="1"><c><v>1</v></c></row>', B: '<row r="1"><c><v>2</v></c></row>' },
    });
    const g = await cells(
      craftZip(
        entries.map((e) =>
          e.name === "xl/workbook.xml"
            ? { ...e, data: String(e.data).replace('r:id="rId1"', 'r:id=""') }
            : e
        )
      )
    );
    expect(g.sheets.map((s) => s.name)).toEqual(["B"]);
    expect(g.notices).toEqual([expect.stringContaining("工作表“A”没有对应的部件")]);
  });

  it("comments and CDATA in workbook.xml, rels and content types neither hide the new sheets nor make phantom ones", async () => {
    const fake = `<!-- <sheets><sheet name="幻影" sheetId="9" r:id="rId9"/></sheets> -->`;
    const inp = write(
      "comments.xlsx",
      craftBook({
        sheets: { 数据: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        override: {
          "xl/workbook.xml": `<workbook xmlns="${T.main}" xmlns:r="${T.rel}">${fake}<sheets><sheet name="数据" sheetId="1" r:id="rId1"/><!-- </sheets> --></sheets><definedNames><definedName name="x"><![CDATA[1]]></definedName></definedNames></workbook>`,
        },
      })
    );
    const g = await readWorkbookGrid(inp);
    expect(g.sheets.map((s) => s.name)).toEqual(["数据"]);
    const out = path.join(dir, "comments-out.xlsx");
    await addSheetsToWorkbook(inp, out, [model()]);
    const xml = await (
      await JSZip.loadAsync(fs.readFileSync(out))
    )
      .file("xl/workbook.xml")!
      .async("string");
    expect(xml).toContain(fake);
    expect(xml).toMatch(
      /<sheet name="数据" sheetId="1" r:id="rId1"\/><!-- <\/sheets> --><sheet name="汇总" sheetId="2" r:id="rId\d+"\/><\/sheets>/
    );
    expect((await readWorkbookGrid(out)).sheets.map((s) => s.name)).toEqual(["数据", "汇总"]);
    // ExcelJS opens it and sees the same sheets
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["数据", "汇总"]);
  });
});

describe("the workbook part's editor (for new sheets and defined names)", () => {
  // the extension point for e.g. a new sheet's _xlnm.Print_Titles
  it("adds defined names before <calcPr> (schema order) or into an existing <definedNames>, everything else unchanged", () => {
    const head = `<x:workbook xmlns:x="${T.main}" xmlns:r="${T.rel}"><!-- c --><x:sheets><x:sheet name="A" sheetId="1" r:id="rId1"/></x:sheets>`;
    const ed = new WorkbookEditor(
      parseWorkbook(`${head}<x:calcPr calcId="1"/></x:workbook>`, "wb")
    );
    ed.addSheet("B&C", 2, "rId7");
    ed.addDefinedName({ name: "_xlnm.Print_Titles", localSheetId: 1, value: "'B&C'!$1:$2" });
    expect(ed.toString()).toBe(
      `<x:workbook xmlns:x="${T.main}" xmlns:r="${T.rel}"><!-- c --><x:sheets><x:sheet name="A" sheetId="1" r:id="rId1"/><x:sheet name="B&amp;C" sheetId="2" r:id="rId7"/></x:sheets>` +
        `<x:definedNames><x:definedName name="_xlnm.Print_Titles" localSheetId="1">'B&amp;C'!$1:$2</x:definedName></x:definedNames><x:calcPr calcId="1"/></x:workbook>`
    );
    const ed2 = new WorkbookEditor(
      parseWorkbook(
        `${head}<x:definedNames><x:definedName name="k">1</x:definedName></x:definedNames></x:workbook>`,
        "wb"
      )
    );
    ed2.addDefinedName({ name: "n", value: "2" });
    expect(ed2.toString()).toContain(
      `<x:definedName name="k">1</x:definedName><x:definedName name="n">2</x:definedName></x:definedNames></x:workbook>`
    );
  });
});

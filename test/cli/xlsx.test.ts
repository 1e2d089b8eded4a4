/**
 * The CLI's .xlsx reading and writing. Workbooks are made in the test with ExcelJS (and JSZip for
 * broken ones); outputs are checked by reading them back with our reader, with ExcelJS's in-memory
 * reader (formats, fonts, views, validations) and by looking at the raw parts.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { addSheetsToWorkbook, readWorkbookGrid, writeNewWorkbook } from "../../src/cli/xlsx";
import { CliError } from "../../src/cli/command";
import { SheetModel } from "../../src/summary/model";
import { toSerial } from "../../src/core/dates";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "cm-xlsx-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});
const file = (name: string) => path.join(dir, name);

/** An input workbook as people keep it: shared strings, dates, formulas, rich text, links, errors. */
async function makeInput(p: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet("客户经理");
  a.addRow(["员工号", "姓名", "出生日期", "利息收入", "当年退休", "备注"]);
  a.addRow([
    "00123",
    "张三",
    new Date(Date.UTC(1965, 4, 17)),
    123456.78,
    true,
    { richText: [{ text: "富" }, { text: "文本", font: { bold: true } }] },
  ]);
  a.addRow([
    1002,
    "李四",
    new Date(Date.UTC(1970, 0, 1)),
    { formula: "1+1", result: 2 },
    false,
    { text: "链接", hyperlink: "http://127.0.0.1/x" },
  ]);
  a.addRow([
    "1003",
    "王五",
    "1980/2/29",
    { formula: "NA()", result: { error: "#N/A" } },
    "是",
    { formula: '"a"&"b"', result: "ab" },
  ]);
  a.addRow(["1004", "赵六", null, { error: "#DIV/0!" }, "否", { formula: "B5" }]);
  const b = wb.addWorksheet("贷款台账", { state: "hidden" });
  b.getCell("C3").value = "贷款编号";
  b.getCell("D3").value = "余额";
  b.getCell("C4").value = "L001";
  b.getCell("D4").value = 1e6;
  b.getCell("E6").value = "=1+1 as text";
  wb.addWorksheet("空表");
  await wb.xlsx.writeFile(p);
}

function model(name = "等级汇总"): SheetModel {
  return {
    name,
    title: "等级汇总 2025年 金额单位：万元 生成于 2025-12-31 10:00",
    columns: [
      { header: "员工号", format: "text" },
      { header: "姓名", format: "text", width: 10 },
      { header: "任职日期", format: "date" },
      { header: "利息收入", format: "money" },
      { header: "总分", format: "score" },
      { header: "占比", format: "rate" },
      { header: "笔数", format: "int" },
      { header: "系数", format: "number" },
      { header: "说明", format: "general" },
      { header: "行别类型", format: "text", list: ["一类行", "二类行", "三类行"] },
    ],
    rows: [
      ["00123", "张三", "2019-03-01", 1234567.891, 88.5, 0.125, 12, 1.15, "=1+1", "一类行"],
      [1001, "+李四", "2020-02-29", 0, 60, 0, 0, 1, "+86 123", "二类行"],
      ["E-3", "-王五", null, 12.3, 59.99, 1, 3, 0.8, "-", null],
      ["A4", "@赵六", "未到期", 5, 70, 0.5, 4, 0.9, "a & <b> \"q\" 'x'\n第二行", true],
      ["合计", null, null, 1234585.191, null, null, 19, null, null, null],
    ],
    freezeHeader: true,
    totalRows: [4],
    notes: [
      ["一类行平均总分", 75.2],
      ["=SUM(A1)", "-说明", false],
    ],
  };
}

/** What a model's sheet reads back as, in grid form. */
function expectedGrid(m: SheetModel): unknown[][] {
  const width = Math.max(m.columns.length, ...(m.notes ?? []).map((n) => n.length));
  const pad = (r: unknown[]) => [...r, ...new Array(width - r.length).fill(null)];
  const rows: unknown[][] = [];
  rows.push(pad([m.title]));
  rows.push(pad(m.columns.map((c) => c.header)));
  for (const r of m.rows) {
    rows.push(
      pad(
        r.map((v, c) => {
          const f = m.columns[c].format;
          if (f === "date" && typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v))
            return toSerial(v);
          if (f === "text" && typeof v === "number") return String(v);
          if (f === "text" && typeof v === "boolean") return v ? "TRUE" : "FALSE";
          return v;
        })
      )
    );
  }
  if (m.notes?.length) {
    rows.push(pad([]));
    for (const n of m.notes) rows.push(pad(n));
  }
  return rows;
}

async function parts(p: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(await fs.readFile(p));
  const out = new Map<string, Buffer>();
  for (const [name, f] of Object.entries(zip.files))
    if (!f.dir) out.set(name, await f.async("nodebuffer"));
  return out;
}

async function expectCliError(p: Promise<unknown>, pattern: RegExp): Promise<void> {
  const e = await p.then(
    () => null,
    (err: unknown) => err
  );
  expect(e).toBeInstanceOf(CliError);
  const msg = (e as Error).message;
  expect(msg).toMatch(pattern);
  expect(msg).not.toMatch(/\n/);
}

describe("readWorkbookGrid", () => {
  it("reads every worksheet's used values as Office.js gives them", async () => {
    const p = file("input.xlsx");
    await makeInput(p);
    const g = await readWorkbookGrid(p);
    expect(g.sheets.map((s) => s.name)).toEqual(["客户经理", "贷款台账", "空表"]);
    const [a, b, empty] = g.sheets;
    expect([a.rowOffset, a.colOffset]).toEqual([0, 0]);
    expect(a.values).toEqual([
      ["员工号", "姓名", "出生日期", "利息收入", "当年退休", "备注"],
      ["00123", "张三", toSerial("1965-05-17"), 123456.78, true, "富文本"],
      [1002, "李四", toSerial("1970-01-01"), 2, false, "链接"],
      ["1003", "王五", "1980/2/29", "#N/A", "是", "ab"],
      // (rev 2) a formula without a cached result is blank, with one notice for the workbook
      ["1004", "赵六", null, "#DIV/0!", "否", null],
    ]);
    expect(g.notices).toEqual([
      expect.stringMatching(/^公式未计算，请在 Excel 中打开并保存（工作表 “客户经理”1 个/),
    ]);
    // a used range that does not start at A1: offsets and a rectangle padded with null
    expect([b.rowOffset, b.colOffset]).toEqual([2, 2]);
    expect(b.values).toEqual([
      ["贷款编号", "余额", null],
      ["L001", 1e6, null],
      [null, null, null],
      [null, null, "=1+1 as text"],
    ]);
    expect(empty).toEqual({ name: "空表", rowOffset: 0, colOffset: 0, values: [] });
  });

  it("follows the workbook's sheet order, not the order of the parts", async () => {
    const p = file("order.xlsx");
    await makeInput(p);
    const zip = await JSZip.loadAsync(await fs.readFile(p));
    const wb = await zip.file("xl/workbook.xml")!.async("string");
    const tags = wb.match(/<sheet [^>]*\/>/g)!;
    expect(tags).toHaveLength(3);
    zip.file("xl/workbook.xml", wb.replace(tags.join(""), [tags[2], tags[0], tags[1]].join("")));
    await fs.writeFile(p, await zip.generateAsync({ type: "nodebuffer" }));
    const g = await readWorkbookGrid(p);
    expect(g.sheets.map((s) => s.name)).toEqual(["空表", "客户经理", "贷款台账"]);
    expect(g.sheets[1].values[1][0]).toBe("00123");
  });

  it("gives one clear line for files it cannot read", async () => {
    await expectCliError(
      readWorkbookGrid(file("missing.xlsx")),
      /^无法读取 .*missing\.xlsx：文件不存在（file not found）$/
    );
    await expectCliError(readWorkbookGrid(dir), /^无法读取 .*：这是一个文件夹/);
    await fs.writeFile(file("empty.xlsx"), "");
    await expectCliError(readWorkbookGrid(file("empty.xlsx")), /文件为空/);
    await fs.writeFile(file("text.xlsx"), "员工号,姓名\n1,张三\n");
    // (rev 2) each refused format is told what to do
    await expectCliError(
      readWorkbookGrid(file("text.xlsx")),
      /^无法读取 .*text\.xlsx：这是文本文件（CSV 等）.*另存为“Excel 工作簿 \(\.xlsx\)”/
    );
    await fs.writeFile(
      file("old.xls"),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])
    );
    await expectCliError(
      readWorkbookGrid(file("old.xls")),
      /旧版 Excel 97-2003 工作簿 \(\.xls\).*另存为“Excel 工作簿 \(\.xlsx\)”/
    );
    const notBook = new JSZip();
    notBook.file("readme.txt", "hello");
    await fs.writeFile(file("zip.xlsx"), await notBook.generateAsync({ type: "nodebuffer" }));
    await expectCliError(
      readWorkbookGrid(file("zip.xlsx")),
      /^无法读取 .*zip\.xlsx：不是 Excel 工作簿/
    );
    await makeInput(file("whole.xlsx"));
    const whole = await fs.readFile(file("whole.xlsx"));
    await fs.writeFile(file("cut.xlsx"), whole.subarray(0, Math.floor(whole.length / 2)));
    await expectCliError(readWorkbookGrid(file("cut.xlsx")), /^无法读取 .*cut\.xlsx：文件已损坏/);
  });

  it("reads a worksheet part of any name, and refuses a missing one instead of leaving it out", async () => {
    const p = file("odd-part.xlsx");
    await makeInput(p);
    const zip = await JSZip.loadAsync(await fs.readFile(p));
    const sheet = await zip.file("xl/worksheets/sheet2.xml")!.async("nodebuffer");
    zip.remove("xl/worksheets/sheet2.xml");
    zip.file("xl/worksheets/ledger.xml", sheet);
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file(
      "xl/_rels/workbook.xml.rels",
      rels.replace("worksheets/sheet2.xml", "/xl/worksheets/ledger.xml")
    );
    const ct = await zip.file("[Content_Types].xml")!.async("string");
    zip.file(
      "[Content_Types].xml",
      ct.replace("/xl/worksheets/sheet2.xml", "/xl/worksheets/ledger.xml")
    );
    await fs.writeFile(p, await zip.generateAsync({ type: "nodebuffer" }));
    const g = await readWorkbookGrid(p);
    expect(g.sheets.map((s) => s.name)).toEqual(["客户经理", "贷款台账", "空表"]);
    expect(g.sheets[1].values[1]).toEqual(["L001", 1e6, null]);
    zip.remove("xl/worksheets/ledger.xml");
    await fs.writeFile(p, await zip.generateAsync({ type: "nodebuffer" }));
    await expectCliError(
      readWorkbookGrid(p),
      /工作表“贷款台账”的部件 xl\/worksheets\/ledger\.xml 不存在/
    );
  });

  it("reads all sheets of a workbook without shared strings, whatever the order of its parts", async () => {
    const p = file("no-sst.xlsx");
    const m = model();
    await writeNewWorkbook(p, [m, { ...m, name: "B" }, { ...m, name: "C" }]);
    const zip = await JSZip.loadAsync(await fs.readFile(p));
    const reordered = new JSZip();
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
    for (const n of [...names].reverse())
      reordered.file(n, await zip.file(n)!.async("nodebuffer"), { createFolders: false });
    await fs.writeFile(
      p,
      await reordered.generateAsync({ type: "nodebuffer", compression: "DEFLATE" })
    );
    const g = await readWorkbookGrid(p);
    expect(g.sheets.map((s) => s.name)).toEqual(["等级汇总", "B", "C"]);
    for (const s of g.sheets) expect(s.values).toEqual(expectedGrid(m));
  });

  it("reads shared strings with rich text and phonetic runs, inline rich text, error and logical results, ISO dates", async () => {
    const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const zip = new JSZip();
    zip.file(
      "[Content_Types].xml",
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
    );
    zip.file(
      "_rels/.rels",
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
    );
    zip.file(
      "xl/workbook.xml",
      `<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="S&amp;1" sheetId="1" r:id="w"/></sheets></workbook>`
    );
    zip.file(
      "xl/_rels/workbook.xml.rels",
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="w" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="s" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
    );
    zip.file(
      "xl/sharedStrings.xml",
      `<sst xmlns="${main}"><si><t>东京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si><si><r><t xml:space="preserve">富 </t></r><r><rPr><b/></rPr><t>文本 &amp; &lt;x&gt;</t></r></si><si><t/></si><si><t>A_x000D_B</t></si></sst>`
    );
    zip.file(
      "xl/worksheets/sheet1.xml",
      `<worksheet xmlns="${main}"><sheetData>` +
        '<row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c><c r="D2" t="s"><v>2</v></c><c r="E2" t="s"><v>3</v></c></row>' +
        '<row r="3"><c r="B3" t="inlineStr"><is><r><t>甲</t></r><r><t>乙</t></r></is></c><c r="C3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D3" t="b"><f>TRUE()</f><v>1</v></c><c r="E3"><f>A1+1</f></c></row>' +
        '<row><c t="d"><v>2025-01-31T12:00:00</v></c><c><v>1.5E3</v></c><c t="str"><f>"x"</f><v>x&amp;y</v></c><c s="3"/><c><![CDATA[ignored]]></c></row>' +
        "</sheetData></worksheet>"
    );
    const p = file("handmade.xlsx");
    await fs.writeFile(p, await zip.generateAsync({ type: "nodebuffer" }));
    const g = await readWorkbookGrid(p);
    expect(g.sheets[0].name).toBe("S&1");
    expect(g.sheets[0].rowOffset).toBe(1);
    expect(g.sheets[0].colOffset).toBe(0);
    expect(g.sheets[0].values).toEqual([
      [null, "东京", "富 文本 & <x>", null, "A\rB"],
      [null, "甲乙", "#DIV/0!", true, null],
      [toSerial("2025-01-31") + 0.5, 1500, "x&y", null, null],
    ]);
  });
});

describe("writeNewWorkbook", () => {
  it("writes title, bold frozen header, formats, widths, lists, data, totals and notes", async () => {
    const p = file("new.xlsx");
    const m = model();
    await writeNewWorkbook(p, [m, model("末位名单")]);
    const g = await readWorkbookGrid(p);
    expect(g.sheets.map((s) => s.name)).toEqual(["等级汇总", "末位名单"]);
    expect(g.sheets[0].values).toEqual(expectedGrid(m));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(p);
    const ws = wb.getWorksheet("等级汇总")!;
    expect(ws.getCell("A1").font?.bold).toBe(true);
    for (let c = 1; c <= 10; c++) {
      expect(ws.getRow(2).getCell(c).font?.bold).toBe(true);
      expect(ws.getRow(7).getCell(c).font?.bold ?? false).toBe(
        c === 1 || c === 4 || c === 7 ? true : false
      );
      expect(ws.getRow(3).getCell(c).font?.bold ?? false).toBe(false);
    }
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    // number formats of the data cells (text that would turn into something else is "@")
    const fmt = (addr: string) => ws.getCell(addr).numFmt ?? "General";
    expect(["A3", "B3", "C3", "D3", "E3", "F3", "G3", "H3", "I3", "J3"].map(fmt)).toEqual([
      "@",
      "@",
      "yyyy-mm-dd",
      "#,##0.00",
      "0.00",
      "0.00%",
      "0",
      "0.######",
      "@",
      "@",
    ]);
    expect(fmt("C6")).toBe("yyyy-mm-dd"); // "未到期" in a date column: text Excel would not convert, the column's format
    expect(fmt("J6")).toBe("@"); // TRUE in a text column is the text "TRUE"
    // the column formats also apply to the empty cells below, for filling in
    expect(ws.getColumn(4).numFmt).toBe("#,##0.00");
    expect(ws.getColumn(2).width).toBeCloseTo(10 + 5 / 7, 2);
    // the drop-down covers the data rows of a sheet with notes
    expect(ws.getCell("J3").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"一类行,二类行,三类行"'],
    });
    expect(ws.getCell("J7").dataValidation).toMatchObject({ type: "list" });
    expect(ws.getCell("J8").dataValidation).toBeUndefined();
  });

  it("stores formula-looking text as text, never as a formula", async () => {
    const p = file("formula-text.xlsx");
    await writeNewWorkbook(p, [model()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(p);
    const ws = wb.getWorksheet(1)!;
    for (const [addr, text] of [
      ["I3", "=1+1"],
      ["I4", "+86 123"],
      ["I5", "-"],
      ["B4", "+李四"],
      ["B5", "-王五"],
      ["B6", "@赵六"],
      ["A10", "=SUM(A1)"],
      ["B10", "-说明"],
    ]) {
      expect([addr, ws.getCell(addr).type]).toEqual([addr, ExcelJS.ValueType.String]);
      expect(ws.getCell(addr).value).toBe(text);
    }
    const xml = await (
      await JSZip.loadAsync(await fs.readFile(p))
    )
      .file("xl/worksheets/sheet1.xml")!
      .async("string");
    expect(xml).not.toMatch(/<f[\s>]/);
    expect(xml).toContain("<is><t>=1+1</t></is>");
  });

  it("writes an empty template sheet with its lists over the rows to fill in", async () => {
    const p = file("template.xlsx");
    const t: SheetModel = {
      name: "客户经理",
      title: null,
      columns: [
        { header: "员工号", format: "text" },
        { header: "当年退休", format: "text", list: ["是", "否"] },
      ],
      rows: [],
      freezeHeader: true,
    };
    await writeNewWorkbook(p, [t]);
    const xml = await (
      await JSZip.loadAsync(await fs.readFile(p))
    )
      .file("xl/worksheets/sheet1.xml")!
      .async("string");
    expect(xml).toContain('sqref="B2:B10001"');
    expect(xml).toContain(
      '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
    );
    expect((await readWorkbookGrid(p)).sheets[0].values).toEqual([["员工号", "当年退休"]]);
  });

  it("refuses a model it cannot write, and no models at all", async () => {
    const bad = model();
    bad.rows[0][3] = Infinity;
    await expect(writeNewWorkbook(file("bad.xlsx"), [bad])).rejects.toThrow(
      /第 3 行 D 列：数值无效/
    );
    await expect(fs.stat(file("bad.xlsx"))).rejects.toThrow();
    await expect(writeNewWorkbook(file("none.xlsx"), [])).rejects.toThrow(/至少需要一个工作表/);
  });

  it("says clearly when it cannot write the file", async () => {
    await expectCliError(
      writeNewWorkbook(path.join(dir, "no-such-dir", "out.xlsx"), [model()]),
      /^无法写入 .*out\.xlsx：所在文件夹不存在（folder not found）$/
    );
    await expectCliError(writeNewWorkbook(dir, [model()]), /^无法写入 /);
  });
});

describe("addSheetsToWorkbook", () => {
  it("carries every part over unchanged and adds the sheets", async () => {
    const input = file("ledger.xlsx");
    await makeInput(input);
    const out1 = file("out1.xlsx");
    const names = await addSheetsToWorkbook(input, out1, [model(), model("客户经理")]);
    expect(names).toEqual(["等级汇总", "客户经理 (2)"]);

    const before = await parts(input);
    const after = await parts(out1);
    const edited = [
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "[Content_Types].xml",
      "xl/styles.xml",
    ];
    for (const [name, bytes] of before) {
      if (edited.includes(name)) continue;
      expect([name, after.get(name)?.equals(bytes)]).toEqual([name, true]);
    }
    // the edited parts only gain elements: their old text is all still there, in order
    for (const name of edited) {
      const old = before.get(name)!.toString("utf8");
      const now = after.get(name)!.toString("utf8");
      const oldTags = old.match(/<[^>]+>/g)!.filter((t) => !/count=/.test(t));
      let at = 0;
      for (const t of oldTags) {
        const k = now.indexOf(t, at);
        expect([name, t, k >= 0]).toEqual([name, t, true]);
        at = k;
      }
    }
    const gIn = await readWorkbookGrid(input);
    const gOut = await readWorkbookGrid(out1);
    expect(gOut.sheets.slice(0, 3)).toEqual(gIn.sheets);
    expect(gOut.sheets.map((s) => s.name)).toEqual([
      "客户经理",
      "贷款台账",
      "空表",
      "等级汇总",
      "客户经理 (2)",
    ]);
    expect(gOut.sheets[3].values).toEqual(expectedGrid(model()));

    // ExcelJS opens it and sees the old sheets as they were (hidden state too) and the new formats
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out1);
    expect(wb.getWorksheet("贷款台账")!.state).toBe("hidden");
    expect(wb.getWorksheet("客户经理")!.getCell("C2").numFmt).toBe(await inputFormat(input, "C2"));
    expect(wb.getWorksheet("等级汇总")!.getCell("D3").numFmt).toBe("#,##0.00");
    expect(wb.getWorksheet("等级汇总")!.getCell("A2").font?.bold).toBe(true);
  });

  it("run on its own output adds suffixed sheets and changes nothing that was there", async () => {
    const input = file("ledger2.xlsx");
    await makeInput(input);
    const out1 = file("run1.xlsx");
    const out2 = file("run2.xlsx");
    await addSheetsToWorkbook(input, out1, [model(), model("末位名单")]);
    const names = await addSheetsToWorkbook(out1, out2, [model(), model("末位名单")]);
    expect(names).toEqual(["等级汇总 (2)", "末位名单 (2)"]);
    const p1 = await parts(out1);
    const p2 = await parts(out2);
    for (const [name, bytes] of p1) {
      // the second run reuses the styles the first one added: styles.xml does not change either
      if (["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"].includes(name))
        continue;
      expect([name, p2.get(name)?.equals(bytes)]).toEqual([name, true]);
    }
    const g1 = await readWorkbookGrid(out1);
    const g2 = await readWorkbookGrid(out2);
    expect(g2.sheets.slice(0, g1.sheets.length)).toEqual(g1.sheets);
    expect(g2.sheets.map((s) => s.name).slice(g1.sheets.length)).toEqual([
      "等级汇总 (2)",
      "末位名单 (2)",
    ]);
    expect(g2.sheets[g1.sheets.length].values).toEqual(g1.sheets[3].values);
    const wb = await (
      await JSZip.loadAsync(await fs.readFile(out2))
    )
      .file("xl/workbook.xml")!
      .async("string");
    const ids = [...wb.matchAll(/sheetId="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("extends a workbook whose parts use a namespace prefix and has no styles part", async () => {
    const zip = new JSZip();
    const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    zip.file(
      "[Content_Types].xml",
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    );
    zip.file(
      "_rels/.rels",
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R1" Type="${rel}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`
    );
    zip.file(
      "xl/workbook.xml",
      `<?xml version="1.0"?><x:workbook xmlns:x="${main}" xmlns:rel="${rel}"><x:sheets><x:sheet name="数据" sheetId="7" rel:id="R1"/></x:sheets></x:workbook>`
    );
    zip.file(
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`
    );
    zip.file(
      "xl/worksheets/sheet1.xml",
      `<?xml version="1.0"?><x:worksheet xmlns:x="${main}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>旧</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`
    );
    const input = file("prefixed.xlsx");
    await fs.writeFile(input, await zip.generateAsync({ type: "nodebuffer" }));
    const out = file("prefixed-out.xlsx");
    expect(await addSheetsToWorkbook(input, out, [model("数据")])).toEqual(["数据 (2)"]);
    const z = await JSZip.loadAsync(await fs.readFile(out));
    const wb = await z.file("xl/workbook.xml")!.async("string");
    // rId1 went to the new styles part
    expect(wb).toContain('<x:sheet name="数据 (2)" sheetId="8" rel:id="rId2"/>');
    expect(await z.file("xl/worksheets/sheet2.xml")!.async("string")).toContain("<dimension");
    const rels = await z.file("xl/_rels/workbook.xml.rels")!.async("string");
    expect(rels).toContain('Target="styles.xml"');
    expect(rels).toContain('Target="worksheets/sheet2.xml"');
    const ct = await z.file("[Content_Types].xml")!.async("string");
    expect(ct).toContain('PartName="/xl/styles.xml"');
    expect(ct).toContain('PartName="/xl/worksheets/sheet2.xml"');
    expect(await z.file("xl/styles.xml")!.async("string")).toContain('formatCode="yyyy-mm-dd"');
    // (ExcelJS cannot open prefixed workbook parts at all; our reader can)
    const g = await readWorkbookGrid(out);
    expect(g.sheets.map((s) => s.name)).toEqual(["数据", "数据 (2)"]);
    expect(g.sheets[0].values).toEqual([["旧"]]);
    expect(g.sheets[1].values).toEqual(expectedGrid(model("数据")));
  });

  it("gives one clear line for an input it cannot read or extend, and writes nothing", async () => {
    await expectCliError(
      addSheetsToWorkbook(file("nope.xlsx"), file("o.xlsx"), [model()]),
      /^无法读取 .*nope\.xlsx：文件不存在/
    );
    await fs.writeFile(file("t.xlsx"), "not a workbook");
    await expectCliError(
      addSheetsToWorkbook(file("t.xlsx"), file("o.xlsx"), [model()]),
      /这是文本文件/
    );
    const strict = new JSZip();
    strict.file(
      "_rels/.rels",
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    );
    strict.file(
      "[Content_Types].xml",
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
    );
    strict.file(
      "xl/workbook.xml",
      '<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><sheets/></workbook>'
    );
    await fs.writeFile(file("strict.xlsx"), await strict.generateAsync({ type: "nodebuffer" }));
    // (rev 2) a Strict Open XML workbook is read and extended, not refused
    await addSheetsToWorkbook(file("strict.xlsx"), file("o.xlsx"), [model()]);
    expect((await readWorkbookGrid(file("o.xlsx"))).sheets.map((s) => s.name)).toEqual([
      "等级汇总",
    ]);
  });
});

async function inputFormat(p: string, addr: string): Promise<string | undefined> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(p);
  return wb.getWorksheet("客户经理")!.getCell(addr).numFmt;
}

/**
 * (rev 2) Print-ready summaries: the page setup described once on the model (src/summary/print.ts),
 * the sign-off block, the appendix of long texts, the header/footer codes, and the .xlsx writer's
 * serialization (pageSetup, headerFooter, print titles as a defined name, merged wide lines).
 * The per-branch block of 等级汇总 (issue 15 item 6).
 */
import { definedNameOf, printTitlesOf } from "../../src/cli/xlsx/definedNames";
import { addSheetsToPackage, newPackage } from "../../src/cli/xlsx/package";
import { sheetXml } from "../../src/cli/xlsx/sheetXml";
import { addCellStyles, minimalStyles } from "../../src/cli/xlsx/styles";
import { branchBlock, branchLines, withBranchBlock } from "../../src/summary/branches";
import { summaryTitle, summaryDef } from "../../src/summary/common";
import {
  headerFooterCode,
  headerFooterSection,
  checkSheetModel,
  checkSheetModelSteps,
  CHECK_STEP_CELLS,
  displayWidth,
  eachWideLine,
  wideLines,
  wrappedRowHeight,
  SheetModel,
} from "../../src/summary/model";
import {
  APPENDIX_LABEL,
  appendixLines,
  printReady,
  signOffLines,
  SIGN_OFF_LABELS,
  summaryPrintSetup,
} from "../../src/summary/print";
import { GRADES_HEADERS } from "../../src/summary/grades";
import { NOW, policy2025 } from "./helpers";

function gradesLike(rows: (string | number | null)[][]): SheetModel {
  const headers = [...GRADES_HEADERS, "退出原因", "支行"];
  return {
    name: "等级汇总",
    title: "T",
    columns: headers.map((h) => ({
      header: h,
      format: h === "说明" ? "text" : "general",
      width: h === "说明" ? 80 : 10,
    })),
    rows: rows.map((r) => {
      // 员工号, 最终等级, 总分, 支行
      const row: (string | number | null)[] = new Array(headers.length).fill(null);
      row[0] = r[0];
      row[10] = r[1];
      row[7] = r[2];
      row[14] = r[3];
      return row;
    }),
    freezeHeader: true,
    notes: [
      ["同类行平均值（第十一条）", "行别类型"],
      [null, "一类行"],
      ["说明", "不良容忍度 …"],
    ],
  };
}

describe("page setup", () => {
  test("landscape A4, one page wide, header rows repeated; 单位名称 in the header; page N of M, year and time in the footer", () => {
    const p = { ...policy2025(), unitName: "某某农商银行城关支行" };
    const s = summaryPrintSetup(p, NOW);
    expect(s).toMatchObject({
      orientation: "landscape",
      paper: "A4",
      fitToWidth: 1,
      fitToHeight: 0,
      repeatHeader: true,
    });
    expect(headerFooterCode(s.header)).toBe("&C某某农商银行城关支行");
    expect(headerFooterCode(s.footer)).toBe(
      "&L政策年度 2025&C第 &P 页 共 &N 页&R生成时间 2026-01-05 09:30"
    );
    // blank 单位名称: no page header
    expect(headerFooterCode(summaryPrintSetup(policy2025(), NOW).header)).toBe("");
  });
  test("an & in a header text is doubled (Excel's code for a literal &)", () => {
    expect(headerFooterSection(["A&B 银行", { field: "page" }])).toBe("A&&B 银行&P");
  });
  test("单位名称 leads the title line when set", () => {
    const def = summaryDef("grades");
    expect(
      summaryTitle(def, { ...policy2025(), unitName: "城关支行" }, NOW).startsWith(
        "城关支行信贷客户经理考核等级汇总"
      )
    ).toBe(true);
    expect(summaryTitle(def, policy2025(), NOW).startsWith("信贷客户经理考核等级汇总")).toBe(true);
  });
});

describe("sign-off block and appendix", () => {
  test("the four labels spread over the table's columns; one per line under four columns", () => {
    expect(signOffLines(8)).toEqual([
      ["制表人：", null, "审核人：", null, "负责人：", null, "日期："],
    ]);
    expect(signOffLines(4)).toEqual([["制表人：", "审核人：", "负责人：", "日期："]]);
    expect(signOffLines(13)[0].filter((x) => x !== null)).toEqual([...SIGN_OFF_LABELS]);
    expect(signOffLines(2)).toEqual([["制表人："], ["审核人："], ["负责人："], ["日期："]]);
  });
  test("after the notes, one blank line between; long texts (over 150 wide) printed whole in the appendix after the sign-off", () => {
    const long = "很长的说明".repeat(20); // 200 wide
    const m = gradesLike([
      ["1001", "一级", 95, "城关支行"],
      ["1002", "二级", 80, "城关支行"],
    ]);
    m.rows[0][12] = long;
    m.rows[1][12] = "短";
    const p = printReady(m, policy2025(), NOW);
    const n = m.notes!.length;
    expect(p.notes!.slice(0, n)).toEqual(m.notes);
    expect(p.notes![n]).toEqual([]);
    expect(p.notes![n + 1].filter((x) => x !== null)).toEqual([...SIGN_OFF_LABELS]);
    expect(p.notes![n + 2]).toEqual([]);
    expect(p.notes![n + 3][0]).toBe(APPENDIX_LABEL);
    expect(p.notes!.slice(n + 4)).toEqual([
      ["1001", long],
      ["1002", "短"],
    ]);
    expect(appendixLines(m)).toEqual(p.notes!.slice(n + 3));
    // on the report the long column is narrow and not wrapped; the table itself is unchanged
    const c = p.columns[12];
    expect(c.width).toBe(16);
    expect(c.wrap).toBeUndefined();
    expect(p.rows).toBe(m.rows);
    // the appendix lines are merged over the table's width and wrapped, their rows as tall as the text
    const L = wideLines(p);
    expect(L[0]).toMatchObject({ row: 0, firstCol: 0, lastCol: 14 });
    const last = L[L.length - 2];
    expect(last.firstCol).toBe(1);
    expect(last.lastCol).toBe(14);
  });
  test("no long text: no appendix; a text column wider than 24 wraps at 24, its rows as tall as their lines", () => {
    const m: SheetModel = {
      name: "末位名单",
      title: "T",
      columns: [
        { header: "员工号", format: "text", width: 10 },
        { header: "原因", format: "text", width: 50 },
      ],
      rows: [["1", "字".repeat(30)]],
      freezeHeader: true,
    };
    const p = printReady(m, policy2025(), NOW);
    expect(p.columns[1]).toEqual({ header: "原因", format: "text", width: 24, wrap: true });
    expect(p.notes).toEqual([["制表人："], ["审核人："], ["负责人："], ["日期："]]);
    // 60 wide in 23 per line → 3 lines of 15 pt
    expect(wrappedRowHeight(p, 0)).toBe(45);
    expect(printReady(p, policy2025(), NOW)).toBe(p);
  });
});

describe(".xlsx serialization", () => {
  const p = { ...policy2025(), unitName: "A&B 支行" };
  const m = printReady(
    {
      name: "预警时效",
      title: "标题",
      columns: [
        { header: "贷款编号", format: "text" },
        { header: "结果", format: "text" },
      ],
      rows: [["L1", "按时"]],
      freezeHeader: true,
    },
    p,
    NOW
  );
  const xml = sheetXml(m, "预警时效", addCellStyles(minimalStyles()).styles);
  test("fit to page, landscape A4 fitted 1 wide × n tall, header and footer codes, merged title", () => {
    expect(xml).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(xml).toContain(
      '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
    );
    expect(xml).toContain("<oddHeader>&amp;CA&amp;&amp;B 支行</oddHeader>");
    expect(xml).toContain(
      "<oddFooter>&amp;L政策年度 2025&amp;C第 &amp;P 页 共 &amp;N 页&amp;R生成时间 2026-01-05 09:30</oddFooter>"
    );
    expect(xml).toContain('<mergeCell ref="A1:B1"/>');
    // schema order: mergeCells … pageMargins, pageSetup, headerFooter last
    expect(xml.indexOf("<mergeCells")).toBeLessThan(xml.indexOf("<pageMargins"));
    expect(xml.indexOf("<pageSetup")).toBeLessThan(xml.indexOf("<headerFooter>"));
    expect(xml.indexOf("<sheetPr>")).toBeLessThan(xml.indexOf("<dimension"));
  });
  test("print titles: a defined name per printed sheet, local to its position, after <sheets>", () => {
    const titles = printTitlesOf([m, { ...m, print: undefined }], ["预警时效", "x"], 5);
    expect(titles).toEqual([
      {
        name: "_xlnm.Print_Area",
        sheetIndex: 5,
        sheetName: "预警时效",
        first: 0,
        last: 7,
        lastCol: 1,
      },
      { sheetIndex: 5, sheetName: "预警时效", first: 0, last: 1 },
    ]);
    expect(definedNameOf(titles[0])).toEqual({
      name: "_xlnm.Print_Area",
      localSheetId: 5,
      value: "'预警时效'!$A$1:$B$8",
    });
    expect(definedNameOf(titles[1])).toEqual({
      name: "_xlnm.Print_Titles",
      localSheetId: 5,
      value: "'预警时效'!$1:$2",
    });
    // a quote in the sheet name is doubled
    expect(definedNameOf({ sheetIndex: 0, sheetName: "O'Brien", first: 0, last: 0 }).value).toBe(
      "'O''Brien'!$1:$1"
    );
    // in workbook.xml: after <sheets>, before <calcPr> (the workbook editor places them)
    const pkg = newPackage(NOW);
    addSheetsToPackage(pkg, [m]);
    const wb = pkg.text("xl/workbook.xml")!;
    expect(wb).toMatch(
      /<\/sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">'预警时效'!\$A\$1:\$B\$8<\/definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">'预警时效'!\$1:\$2<\/definedName><\/definedNames>/
    );
  });
});

describe("per-branch view (issue 15 item 6)", () => {
  const m = gradesLike([
    ["1", "一级", 95.5, "城关支行"],
    ["2", "二级", 80, "城关支行"],
    ["3", null, null, "城关支行"],
    ["4", "取消资格", 40.25, "东关支行"],
    ["5", "三级", 61, null],
  ]);
  test("counts per final grade, 未评定, and the average total of the rated CMs (half-up to 0.01), then the whole", () => {
    expect(branchLines(m)).toEqual([
      { branch: "城关支行", count: 3, grades: [1, 1, 0, 0], unrated: 1, average: 87.75 },
      { branch: "东关支行", count: 1, grades: [0, 0, 0, 1], unrated: 0, average: 40.25 },
      { branch: "（未填支行）", count: 1, grades: [0, 0, 1, 0], unrated: 0, average: 61 },
      // (95.5 + 80 + 40.25 + 61) / 4 = 69.1875 → 69.19
      { branch: "合计", count: 5, grades: [1, 1, 1, 1], unrated: 1, average: 69.19 },
    ]);
  });
  test("a block after the peer averages, before the 说明 lines; 等级汇总 stays one row per CM", () => {
    const w = withBranchBlock(m);
    expect(w.rows).toBe(m.rows);
    expect(w.notes!.slice(0, 2)).toEqual(m.notes!.slice(0, 2));
    expect(w.notes![2]).toEqual([
      "各支行等级分布",
      "支行",
      "人数",
      "一级",
      "二级",
      "三级",
      "取消资格",
      "未评定",
      "平均总分",
    ]);
    expect(w.notes![3]).toEqual([null, "城关支行", 3, 1, 1, 0, 0, 1, 87.75]);
    expect(w.notes![w.notes!.length - 1]).toEqual(["说明", "不良容忍度 …"]);
    // no 支行 column: nothing added
    const noBranch = {
      ...m,
      columns: m.columns.map((c) => (c.header === "支行" ? { ...c, header: "x" } : c)),
    };
    expect(branchBlock(noBranch)).toEqual([]);
    expect(withBranchBlock(noBranch)).toBe(noBranch);
  });
});

describe("wide lines of fitted columns (issue 12: widths found once per model)", () => {
  test("title and a long notes line: merged over the table, as tall as their lines", () => {
    const m: SheetModel = {
      name: "等级汇总",
      title: "T",
      columns: [
        { header: "员工号", format: "text" },
        { header: "姓名", format: "text" },
        { header: "金额", format: "number" },
      ],
      rows: [["E001", "张三", 1234567]],
      notes: [["注：", "字".repeat(20)], ["制表人："]],
      freezeHeader: true,
      print: summaryPrintSetup(policy2025(), NOW),
    };
    // widths: 员工号 6 + 2 = 8; 姓名 max(4 + 2, 6) = 6; 1234567: 7 digits + 2 separators + 4 = 13, + 2 = 15
    // title row 0 over 8 + 6 + 15 = 29: one line; notes from row 4 (title, header, 1 row, a blank row):
    // 40 wide over columns B:C = 21, 20 a line → 2 lines of 15 pt
    const want = [
      { row: 0, firstCol: 0, lastCol: 2, height: null },
      { row: 4, firstCol: 1, lastCol: 2, height: 30 },
    ];
    expect(wideLines(m)).toEqual(want);
    expect([...eachWideLine(m)]).toEqual(want);
    expect(wideLines({ ...m, print: undefined })).toEqual([]);
  });
});

describe("checkSheetModelSteps (issue 12: the pane's writer yields between steps)", () => {
  const model = (rows: (string | number)[][]): SheetModel => ({
    name: "大表",
    title: null,
    columns: ["甲", "乙", "丙", "丁"].map((h) => ({ header: h, format: "general" as const })),
    rows,
    freezeHeader: true,
  });
  test("30,000 rows of 4 cells: a step after every 50,000 cells (rows 12,500 and 25,000)", () => {
    const m = model(Array.from({ length: 30_000 }, (_, i) => [i, "x", 1.5, "y"]));
    expect([...checkSheetModelSteps(m, "大表")]).toHaveLength(2);
    expect(CHECK_STEP_CELLS).toBe(50_000);
  });
  test("a bad cell after the steps: the same error as checkSheetModel, naming its cell", () => {
    const rows: (string | number)[][] = Array.from({ length: 30_000 }, () => [1, 2, 3, 4]);
    rows[29_999][2] = Infinity;
    const m = model(rows);
    expect(() => [...checkSheetModelSteps(m, "大表")]).toThrow(/第 30001 行 C 列/);
    expect(() => checkSheetModel(m, "大表")).toThrow(/第 30001 行 C 列/);
  });
});

describe("displayWidth by UTF-16 unit (issue 12)", () => {
  test("ASCII 1, CJK 2, a surrogate pair one character of 2, a lone surrogate 2", () => {
    expect(displayWidth("ab")).toBe(2);
    expect(displayWidth("贷款a")).toBe(5);
    // U+2E7F is the last width-1 code point, U+2E80 the first of width 2
    expect(displayWidth("\u2e7f\u2e80")).toBe(3);
    expect(displayWidth("𠀀x")).toBe(3);
    expect(displayWidth("\ud840")).toBe(2);
    expect(displayWidth("\udc00a")).toBe(3);
    // the same as by code point, on a mixed text
    const t = "注：王强𠀀（E001）说明\n第二行 ok";
    expect(displayWidth(t)).toBe(
      [...t].reduce((n, ch) => n + (ch.codePointAt(0)! > 0x2e7f ? 2 : 1), 0)
    );
  });
});

/**
 * (issue 19 item 3) The DrawingML parts of the .xlsx writer: each chart part and drawing part is
 * well-formed, its elements in the schema's order (dml-chart.xsd, dml-spreadsheetDrawing.xsd),
 * the series formulas name the written sheet (quoted, " (2)" suffix included) and the cells of
 * the chart's block, the caches hold the cells' values; in the package, sheet → drawing →
 * charts are linked by relationships, every part has its content type, and the worksheet's
 * <drawing> comes after its page setup (CT_Worksheet order). A workbook that already has charts
 * keeps them: the new parts take unused numbers.
 */
import { addSheetsToPackage, newPackage, relationships } from "../../src/cli/xlsx/package";
import type { Package } from "../../src/cli/xlsx/package";
import {
  chartXml,
  drawingXml,
  inDrawingForm,
  modelCellAt,
  CHART_NS,
  SPREADSHEET_DRAWING_NS,
} from "../../src/cli/xlsx/chartXml";
import { parseXmlPart } from "../../src/cli/xlsx/parts";
import type { XmlEl } from "../../src/cli/xlsx/parts";
import type { ChartSpec } from "../../src/summary/charts";
import type { SheetModel } from "../../src/summary/model";

const CHART: ChartSpec = {
  kind: "column",
  title: "等级分布 <人> & 比例",
  headerRow: 1,
  data: { firstRow: 2, lastRow: 3, firstCol: 0, lastCol: 2 },
  anchor: { row: 1, col: 5, rows: 10, cols: 6 },
};

function model(charts: ChartSpec[] = [CHART]): SheetModel {
  return {
    name: "考核概览",
    title: "标题",
    columns: [
      { header: "行别类型", format: "text" },
      { header: "一级", format: "int" },
      { header: "二级", format: "int" },
    ],
    rows: [
      ["一类行", 3, 1],
      ["二类行", 0, 2],
    ],
    freezeHeader: false,
    notes: [["说明", "x"]],
    charts,
  };
}

const names = (el: XmlEl) => el.children.map((c) => c.local);
const child = (el: XmlEl, local: string) => {
  const c = el.children.find((x) => x.local === local);
  if (!c) throw new Error(`no ${local} in ${el.local}: ${names(el).join(",")}`);
  return c;
};
/** The text of an element (its text nodes are kept in the part's text between its tags). */
function textOf(part: { text: string }, el: XmlEl): string {
  return part.text.slice(el.start, el.end).replace(/<[^>]*>/g, "");
}

/** `got` lists elements of `order` only, in that order. */
function inOrder(got: string[], order: string[]) {
  const idx = got.map((g) => order.indexOf(g));
  expect(idx.every((i) => i >= 0)).toBe(true);
  expect([...idx].sort((a, b) => a - b)).toEqual(idx);
}

describe("chart part", () => {
  const xml = chartXml(model(), CHART, "考核概览 (2)");
  const doc = parseXmlPart(xml, "chart1.xml");

  test("a c:chartSpace whose children follow CT_ChartSpace / CT_Chart / CT_PlotArea order", () => {
    expect(doc.root.local).toBe("chartSpace");
    expect(doc.root.uri).toBe(CHART_NS);
    inOrder(names(doc.root), [
      "date1904",
      "lang",
      "roundedCorners",
      "style",
      "clrMapOvr",
      "pivotSource",
      "protection",
      "chart",
      "spPr",
      "txPr",
      "externalData",
      "printSettings",
      "userShapes",
    ]);
    const chart = child(doc.root, "chart");
    inOrder(names(chart), [
      "title",
      "autoTitleDeleted",
      "pivotFmts",
      "view3D",
      "floor",
      "sideWall",
      "backWall",
      "plotArea",
      "legend",
      "plotVisOnly",
      "dispBlanksAs",
    ]);
    const plot = child(chart, "plotArea");
    expect(names(plot)).toEqual(["layout", "barChart", "catAx", "valAx"]);
    const bar = child(plot, "barChart");
    expect(names(bar)).toEqual([
      "barDir",
      "grouping",
      "varyColors",
      "ser",
      "ser",
      "gapWidth",
      "axId",
      "axId",
    ]);
    for (const s of bar.children.filter((c) => c.local === "ser"))
      expect(names(s)).toEqual(["idx", "order", "tx", "spPr", "invertIfNegative", "cat", "val"]);
    const catAx = child(plot, "catAx");
    inOrder(names(catAx), [
      "axId",
      "scaling",
      "delete",
      "axPos",
      "majorGridlines",
      "minorGridlines",
      "title",
      "numFmt",
      "majorTickMark",
      "minorTickMark",
      "tickLblPos",
      "spPr",
      "txPr",
      "crossAx",
      "crosses",
      "crossesAt",
      "auto",
      "lblAlgn",
      "lblOffset",
      "noMultiLvlLbl",
    ]);
    const valAx = child(plot, "valAx");
    inOrder(names(valAx), [
      "axId",
      "scaling",
      "delete",
      "axPos",
      "majorGridlines",
      "minorGridlines",
      "title",
      "numFmt",
      "majorTickMark",
      "minorTickMark",
      "tickLblPos",
      "spPr",
      "txPr",
      "crossAx",
      "crosses",
      "crossesAt",
      "crossBetween",
    ]);
  });

  test("the series read the written sheet's cells by formula, with caches of their values; the title is escaped text", () => {
    const bar = child(child(child(doc.root, "chart"), "plotArea"), "barChart");
    const sers = bar.children.filter((c) => c.local === "ser");
    const f = (el: XmlEl, ...path: string[]) =>
      textOf(
        doc,
        path.reduce((e, p) => child(e, p), el)
      );
    expect(f(sers[0], "tx", "strRef", "f")).toBe("'考核概览 (2)'!$B$2");
    expect(f(sers[0], "tx", "strRef", "strCache", "pt", "v")).toBe("一级");
    expect(f(sers[1], "cat", "strRef", "f")).toBe("'考核概览 (2)'!$A$3:$A$4");
    expect(f(sers[1], "val", "numRef", "f")).toBe("'考核概览 (2)'!$C$3:$C$4");
    expect(textOf(doc, child(child(sers[0], "val"), "numRef"))).toContain("General3");
    expect(xml).toContain("<c:v>3</c:v>");
    expect(xml).toContain("<c:v>2</c:v>");
    expect(xml).toContain("等级分布 &lt;人&gt; &amp; 比例");
    // a cell the cache reads comes from the model as the sheet has it
    expect(modelCellAt(model(), 2, 0)).toBe("一类行");
    expect(modelCellAt(model(), 5, 1)).toBe("x");
  });

  test("a bar chart lists the first row at the top; a pie has one series, vary colours and data labels, no axes", () => {
    const bar = parseXmlPart(
      chartXml(model(), { ...CHART, kind: "bar", data: { ...CHART.data, lastCol: 1 } }, "S"),
      "c"
    );
    const plot = child(child(bar.root, "chart"), "plotArea");
    expect(
      child(child(plot, "barChart"), "barDir").attrs.find((a) => a.local === "val")?.value
    ).toBe("bar");
    expect(child(child(child(plot, "catAx"), "scaling"), "orientation").attrs[0].value).toBe(
      "maxMin"
    );
    // one series: no legend
    expect(names(child(bar.root, "chart"))).not.toContain("legend");
    const pie = parseXmlPart(
      chartXml(model(), { ...CHART, kind: "pie", data: { ...CHART.data, lastCol: 1 } }, "S"),
      "c"
    );
    const pplot = child(child(pie.root, "chart"), "plotArea");
    expect(names(pplot)).toEqual(["layout", "pieChart"]);
    const pc = child(pplot, "pieChart");
    expect(names(pc)).toEqual(["varyColors", "ser", "firstSliceAng"]);
    // one fill per slice (CT_DPt idx, invertIfNegative, marker, bubble3D, explosion, spPr)
    expect(names(child(pc, "ser"))).toEqual([
      "idx",
      "order",
      "tx",
      "dPt",
      "dPt",
      "dLbls",
      "cat",
      "val",
    ]);
    expect(names(child(child(pc, "ser"), "dPt"))).toEqual(["idx", "bubble3D", "spPr"]);
    expect(names(child(pie.root, "chart"))).toContain("legend");
  });
});

describe("drawing part", () => {
  test("one two-cell anchor per chart at its cells, a graphic frame naming the chart's relationship", () => {
    const second: ChartSpec = { ...CHART, anchor: { row: 12, col: 5, rows: 10, cols: 6 } };
    const doc = parseXmlPart(drawingXml([CHART, second], ["rId1", "rId2"]), "drawing1.xml");
    expect(doc.root.uri).toBe(SPREADSHEET_DRAWING_NS);
    const anchors = doc.root.children;
    expect(anchors.map((a) => a.local)).toEqual(["twoCellAnchor", "twoCellAnchor"]);
    expect(names(anchors[0])).toEqual(["from", "to", "graphicFrame", "clientData"]);
    expect(names(child(anchors[0], "from"))).toEqual(["col", "colOff", "row", "rowOff"]);
    const at = (a: XmlEl, corner: string) =>
      ["col", "row"].map((k) => Number(textOf(doc, child(child(a, corner), k))));
    expect(at(anchors[0], "from")).toEqual([5, 1]);
    expect(at(anchors[0], "to")).toEqual([11, 11]);
    expect(at(anchors[1], "from")).toEqual([5, 12]);
    expect(names(child(anchors[0], "graphicFrame"))).toEqual([
      "nvGraphicFramePr",
      "xfrm",
      "graphic",
    ]);
    const ref = child(
      child(child(child(anchors[1], "graphicFrame"), "graphic"), "graphicData"),
      "chart"
    );
    expect(ref.uri).toBe(CHART_NS);
    expect(ref.attrs.find((a) => a.local === "id")?.value).toBe("rId2");
  });

  test("in a Strict workbook the parts use Strict's namespaces", () => {
    const s = inDrawingForm(drawingXml([CHART], ["rId1"]), true);
    expect(s).toContain('"http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing"');
    expect(s).not.toContain("schemas.openxmlformats.org/drawingml");
    expect(inDrawingForm("x", false)).toBe("x");
  });
});

describe("in the package", () => {
  function partsOf(pkg: Package) {
    return pkg.names();
  }

  test("sheet → drawing → charts by relationships, content types, <drawing> after the page setup", () => {
    const pkg = newPackage(new Date(0));
    const second: ChartSpec = {
      ...CHART,
      kind: "pie",
      data: { ...CHART.data, lastCol: 1 },
      anchor: { row: 12, col: 5, rows: 10, cols: 6 },
    };
    const [name] = addSheetsToPackage(pkg, [{ ...model([CHART, second]), print: undefined }]);
    expect(name).toBe("考核概览");
    expect(partsOf(pkg)).toEqual(
      expect.arrayContaining([
        "xl/charts/chart1.xml",
        "xl/charts/chart2.xml",
        "xl/drawings/drawing1.xml",
        "xl/drawings/_rels/drawing1.xml.rels",
        "xl/worksheets/_rels/sheet1.xml.rels",
      ])
    );
    const sheetRels = relationships(pkg.text("xl/worksheets/_rels/sheet1.xml.rels")!);
    expect(sheetRels).toEqual([
      {
        Id: "rId1",
        Type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
        Target: "../drawings/drawing1.xml",
        TargetMode: undefined,
      },
    ]);
    const drawingRels = relationships(pkg.text("xl/drawings/_rels/drawing1.xml.rels")!);
    expect(drawingRels.map((r) => [r.Id, r.Target])).toEqual([
      ["rId1", "../charts/chart1.xml"],
      ["rId2", "../charts/chart2.xml"],
    ]);
    expect(drawingRels.every((r) => r.Type.endsWith("/relationships/chart"))).toBe(true);
    const ct = pkg.text("[Content_Types].xml")!;
    expect(ct).toContain(
      '<Override PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>'
    );
    expect(ct).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>'
    );
    const sheet = parseXmlPart(pkg.text("xl/worksheets/sheet1.xml")!, "sheet1.xml");
    const order = names(sheet.root);
    expect(order[order.length - 1]).toBe("drawing");
    expect(order.indexOf("pageMargins")).toBeLessThan(order.indexOf("drawing"));
    expect(sheet.root.children[order.length - 1].attrs.find((a) => a.local === "id")?.value).toBe(
      "rId1"
    );
    expect(pkg.text("xl/charts/chart1.xml")).toContain("<c:f>'考核概览'!$B$2</c:f>");
  });

  test("a sheet without charts gets no drawing; charts already in the workbook keep their parts", () => {
    const pkg = newPackage(new Date(0));
    addSheetsToPackage(pkg, [model()]);
    const before = pkg.text("xl/charts/chart1.xml");
    addSheetsToPackage(pkg, [model(), { ...model(), charts: undefined }]);
    expect(pkg.text("xl/charts/chart1.xml")).toBe(before);
    expect(pkg.names().filter((n) => n.startsWith("xl/charts/"))).toEqual([
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
    ]);
    expect(pkg.names().filter((n) => n.startsWith("xl/drawings/drawing"))).toEqual([
      "xl/drawings/drawing1.xml",
      "xl/drawings/drawing2.xml",
    ]);
    // the second copy is written as 考核概览 (2), and its chart says so
    expect(pkg.text("xl/charts/chart2.xml")).toContain("'考核概览 (2)'!");
    expect(pkg.text("xl/worksheets/sheet3.xml")).not.toContain("<drawing");
    expect(pkg.text("xl/worksheets/_rels/sheet3.xml.rels")).toBeNull();
  });

  test("a chart over cells the sheet does not have is refused before anything is written", () => {
    const pkg = newPackage(new Date(0));
    const bad: ChartSpec = { ...CHART, data: { ...CHART.data, lastRow: 40 } };
    expect(() => addSheetsToPackage(pkg, [model([bad])])).toThrow(/图表.*超出了表格/);
    expect(() => addSheetsToPackage(pkg, [model([{ ...CHART, kind: "pie" }])])).toThrow(/饼图/);
    expect(pkg.names().some((n) => n.includes("chart"))).toBe(false);
  });
});

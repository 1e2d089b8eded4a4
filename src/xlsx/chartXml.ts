/**
 * (issue 19 item 3) The charts of a SheetModel (src/summary/charts.ts) as DrawingML parts:
 * one chart part per chart (xl/charts/chartN.xml, a c:chartSpace) and one drawing part per sheet
 * (xl/drawings/drawingN.xml, an xdr:wsDr of two-cell anchors, each a graphic frame naming its
 * chart by relationship). Only the elements a chart needs, in the schema's order (ECMA-376
 * Part 1, dml-chart.xsd: CT_ChartSpace … chart; CT_Chart title, autoTitleDeleted, plotArea,
 * legend, plotVisOnly, dispBlanksAs; CT_BarSer idx, order, tx, invertIfNegative, cat, val;
 * CT_BarChart barDir, grouping, varyColors, ser*, gapWidth, axId×2; CT_PieChart varyColors,
 * ser*, firstSliceAng; axes axId, scaling, delete, axPos, majorGridlines, numFmt,
 * majorTickMark, minorTickMark, tickLblPos, crossAx, crosses, …). The series read the sheet's
 * cells by formula (the chart follows an edit), with caches of the values written (a reader
 * that does not recalculate shows them). Pure text; the package wiring is in ./package.ts.
 */
import type { ChartSpec, ColumnBlock } from "../summary/charts";
import { absRef, blockRef, chartSeries, chartCategories } from "../summary/charts";
import type { CellValue, SheetModel } from "../summary/model";
import { quotedSheet, sheetLayout, sheetValue } from "../summary/model";
import { escapeXml } from "./xml";

export const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const DRAWING_MAIN_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
export const SPREADSHEET_DRAWING_NS =
  "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The same namespaces in ECMA-376 Strict (for a Strict workbook). */
const STRICT_FORM: readonly [string, string][] = [
  [CHART_NS, "http://purl.oclc.org/ooxml/drawingml/chart"],
  [DRAWING_MAIN_NS, "http://purl.oclc.org/ooxml/drawingml/main"],
  [SPREADSHEET_DRAWING_NS, "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing"],
  [REL_NS, "http://purl.oclc.org/ooxml/officeDocument/relationships"],
];

export const CHART_CT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const DRAWING_CT = "application/vnd.openxmlformats-officedocument.drawing+xml";

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A part's text in the form of the workbook it goes into. */
export function inDrawingForm(xml: string, strict: boolean): string {
  if (!strict) return xml;
  let out = xml;
  for (const [t, s] of STRICT_FORM) out = out.split(`"${t}"`).join(`"${s}"`);
  return out;
}

/** The value the writers put in sheet cell (row, col) of `m` (0-based), as the chart's cache shows it. */
export function modelCellAt(m: SheetModel, row: number, col: number): CellValue {
  const L = sheetLayout(m);
  if (row === L.headerRow) return m.columns[col]?.header ?? null;
  if (row >= L.firstDataRow && row < L.firstDataRow + m.rows.length) {
    const v = m.rows[row - L.firstDataRow][col] ?? null;
    return m.columns[col] ? sheetValue(v, m.columns[col].format, `工作表“${m.name}”图表数据`) : v;
  }
  if (L.notesRow !== null && row >= L.notesRow) return m.notes?.[row - L.notesRow]?.[col] ?? null;
  if (row === L.titleRow) return col === 0 ? m.title : null;
  return null;
}

function text(s: string): string {
  return escapeXml(s);
}

function strCache(values: CellValue[]): string {
  const pts = values
    .map((v, i) =>
      v === null || v === "" ? "" : `<c:pt idx="${i}"><c:v>${text(String(v))}</c:v></c:pt>`
    )
    .join("");
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function numCache(values: CellValue[]): string {
  const pts = values
    .map((v, i) =>
      typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ""
    )
    .join("");
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

function columnValues(m: SheetModel, b: ColumnBlock): CellValue[] {
  const out: CellValue[] = [];
  for (let r = b.firstRow; r <= b.lastRow; r++) out.push(modelCellAt(m, r, b.col));
  return out;
}

/** The rich text of a title (one paragraph). */
function richText(s: string): string {
  return (
    '<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"/></a:pPr>' +
    `<a:r><a:rPr lang="zh-CN" b="1"/><a:t>${text(s)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

/**
 * The series' (a pie's slices') fills, in order: Office's default accent colours. Written out
 * rather than taken from the theme, since a workbook the CLI makes has no theme part and a
 * reader without one would draw the bars without fill.
 */
const CHART_COLORS = [
  "4472C4",
  "ED7D31",
  "70AD47",
  "FFC000",
  "5B9BD5",
  "9E480E",
  "264478",
  "636363",
] as const;

function fill(i: number): string {
  return `<c:spPr><a:solidFill><a:srgbClr val="${CHART_COLORS[i % CHART_COLORS.length]}"/></a:solidFill></c:spPr>`;
}

const CAT_AX = 500000001;
const VAL_AX = 500000002;

/**
 * The chart part (c:chartSpace) of chart `c` on sheet `sheet` (the name the sheet is written as)
 * of model `m`.
 */
export function chartXml(m: SheetModel, c: ChartSpec, sheet: string): string {
  const q = quotedSheet(sheet);
  const cat = chartCategories(c);
  const catRef = `${q}!${blockRef(cat)}`;
  const catCache = strCache(columnValues(m, cat));
  const pie = c.kind === "pie";
  const ser = chartSeries(c)
    .map((s, i) => {
      const name = modelCellAt(m, s.nameCell.row, s.nameCell.col);
      const tx = `<c:tx><c:strRef><c:f>${text(`${q}!${absRef(s.nameCell.row, s.nameCell.col)}`)}</c:f>${strCache([name])}</c:strRef></c:tx>`;
      const catEl = `<c:cat><c:strRef><c:f>${text(catRef)}</c:f>${catCache}</c:strRef></c:cat>`;
      const valEl = `<c:val><c:numRef><c:f>${text(`${q}!${blockRef(s.values)}`)}</c:f>${numCache(columnValues(m, s.values))}</c:numRef></c:val>`;
      // CT_BarSer: idx, order, tx, spPr, invertIfNegative, …, cat, val; CT_PieSer: idx, order, tx, spPr, explosion, dPt, dLbls, cat, val
      const slices = pie
        ? Array.from(
            { length: cat.lastRow - cat.firstRow + 1 },
            (_, k) => `<c:dPt><c:idx val="${k}"/><c:bubble3D val="0"/>${fill(k)}</c:dPt>`
          ).join("")
        : "";
      const dLbls = pie
        ? '<c:dLbls><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName ' +
          'val="0"/><c:showSerName val="0"/><c:showPercent val="1"/><c:showBubbleSize ' +
          'val="0"/><c:showLeaderLines val="1"/></c:dLbls>'
        : "";
      return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${tx}${pie ? slices : fill(i) + '<c:invertIfNegative val="0"/>'}${dLbls}${catEl}${valEl}</c:ser>`;
    })
    .join("");
  let plot: string;
  if (pie)
    plot = `<c:pieChart><c:varyColors val="1"/>${ser}<c:firstSliceAng val="0"/></c:pieChart>`;
  else {
    const horizontal = c.kind === "bar";
    const bar =
      `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping ` +
      `val="clustered"/><c:varyColors val="0"/>${ser}<c:gapWidth val="80"/><c:axId ` +
      `val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>`;
    // horizontal bars: the first row at the top (categories from max to min), values along the bottom
    const catAx =
      `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation ` +
      `val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/><c:axPos ` +
      `val="${horizontal ? "l" : "b"}"/>` +
      `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
      `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn ` +
      `val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
    const valAx =
      `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation ` +
      `val="minMax"/></c:scaling><c:delete val="0"/><c:axPos ` +
      `val="${horizontal ? "b" : "l"}"/><c:majorGridlines/>` +
      `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
      `<c:crossAx val="${CAT_AX}"/><c:crosses val="${horizontal ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`;
    plot = bar + catAx + valAx;
  }
  const legend =
    pie || chartSeries(c).length > 1
      ? `<c:legend><c:legendPos val="${pie ? "r" : "b"}"/><c:overlay val="0"/></c:legend>`
      : "";
  return (
    XML_DECL +
    `<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWING_MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<c:roundedCorners val="0"/>' +
    `<c:chart><c:title>${richText(c.title)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    "</c:chartSpace>"
  );
}

/**
 * The drawing part (xdr:wsDr) of a sheet's charts: chart i anchored at its cells, its frame
 * naming relationship `relIds[i]` of the drawing part.
 */
export function drawingXml(charts: readonly ChartSpec[], relIds: readonly string[]): string {
  const anchors = charts
    .map((c, i) => {
      const a = c.anchor;
      const corner = (col: number, row: number) =>
        `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
      return (
        `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${corner(a.col, a.row)}</xdr:from><xdr:to>${corner(a.col + a.cols, a.row + a.rows)}</xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" ` +
        `name="${text(`图表 ${i + 1}`)}" ` +
        `descr="${text(c.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
        `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" r:id="${text(relIds[i])}"/></a:graphicData></a:graphic>` +
        "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
      );
    })
    .join("");
  return (
    XML_DECL +
    `<xdr:wsDr xmlns:xdr="${SPREADSHEET_DRAWING_NS}" xmlns:a="${DRAWING_MAIN_NS}" xmlns:r="${REL_NS}">${anchors}</xdr:wsDr>`
  );
}

/** A relationships part listing `rels` (Id, Type, Target). */
export function relsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  const list = rels
    .map(
      (r) => `<Relationship Id="${text(r.id)}" Type="${text(r.type)}" Target="${text(r.target)}"/>`
    )
    .join("");
  return (
    XML_DECL +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list}</Relationships>`
  );
}

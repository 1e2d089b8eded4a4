/**
 * The cell styles the written sheets use, added to a workbook's styles.xml: one bold font (a copy
 * of the workbook's default font) and, for every column format, a plain and a bold cell format.
 * Existing styles keep their indexes; the new ones are appended.
 */
import { ColumnFormat, EXCEL_NUMBER_FORMATS } from "../../summary/model";
import { PackageError, attributes, escapeXml, extendElement, prefixOf, section, startTags } from "./xml";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const STRICT_MAIN_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main";

/** Excel's built-in number formats (ids every reader knows, in every locale). */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };
const FIRST_CUSTOM_FORMAT = 164;
const FORMATS: ColumnFormat[] = ["general", "text", "int", "number", "money", "score", "rate", "date", "coef", "pct"];

/** The fill of a must-set cell while it is blank (政策参数: 不良容忍度, 汇率, 单位名称): light amber. */
export const HIGHLIGHT_RGB = "FFFFEB9C";

export interface CellStyles {
  /** the cellXfs index of a cell in a column of this format, bold or not, its text wrapped or not */
  id(format: ColumnFormat, bold: boolean, wrap?: boolean): number;
  /** the dxfs index of the highlight fill (conditional formatting of blank must-set cells) */
  highlightDxf: number;
}

/** A complete styles.xml for a new workbook: the default font 等线 11, no fills, no borders. */
export function minimalStyles(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<styleSheet xmlns="${MAIN_NS}">` +
    '<fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="0"/><tableStyles count="0"/>' +
    "</styleSheet>"
  );
}

/** The children of the first element `qname`, as text ("" when absent or empty). */
function inner(xml: string, qname: string): string {
  const s = section(xml, qname);
  return s && !s.selfClosing ? xml.slice(s.openEnd, s.closeStart) : "";
}

/** The order of styleSheet's children (ECMA-376 CT_Stylesheet). */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

/** Inserts a missing child of styleSheet at its place in the schema order. */
function insertSection(xml: string, p: string, name: string, content: string): string {
  for (const next of ORDER.slice(ORDER.indexOf(name) + 1)) {
    const s = section(xml, p + next);
    if (s) return xml.slice(0, s.start) + content + xml.slice(s.start);
  }
  const close = xml.lastIndexOf(`</${p}styleSheet>`);
  if (close < 0) throw new PackageError("styles.xml 不完整（malformed styles part）");
  return xml.slice(0, close) + content + xml.slice(close);
}

const DEFAULT_SECTIONS: Record<string, (p: string) => string> = {
  fonts: (p) => `<${p}fonts count="1"><${p}font><${p}sz val="11"/><${p}name val="等线"/></${p}font></${p}fonts>`,
  fills: (p) =>
    `<${p}fills count="2"><${p}fill><${p}patternFill patternType="none"/></${p}fill><${p}fill><${p}patternFill patternType="gray125"/></${p}fill></${p}fills>`,
  borders: (p) => `<${p}borders count="1"><${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border></${p}borders>`,
  cellXfs: (p) => `<${p}cellXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellXfs>`,
  dxfs: (p) => `<${p}dxfs count="0"/>`,
};

/** The elements `qname` (each with its content) directly in `xml`, as text. */
function elements(xml: string, qname: string): string[] {
  const q = qname.replace(/[.:]/g, "\\$&");
  return xml.match(new RegExp(`<${q}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${q}>)`, "g")) ?? [];
}

/** A bold copy of a font element. */
function boldFont(font: string, p: string): string {
  const s = section(font, p + "font");
  if (!s || s.selfClosing) return `<${p}font><${p}b/></${p}font>`;
  const content = font.slice(s.openEnd, s.closeStart).replace(new RegExp(`<${p}b(\\s[^>]*)?/>`, "g"), "");
  return `${s.startTag}<${p}b/>${content}</${p}font>`;
}

/**
 * styles.xml with the writers' cell formats appended, and the indexes to use. Throws for a part
 * that is not transitional SpreadsheetML (the caller reports it as an unreadable workbook).
 */
export function addCellStyles(stylesXml: string): { xml: string; styles: CellStyles } {
  let xml = stylesXml;
  const p = prefixOf(xml, MAIN_NS);
  if (p === null) {
    if (prefixOf(xml, STRICT_MAIN_NS) !== null) throw new PackageError("工作簿为 Strict Open XML 格式，请在 Excel 中另存为普通 .xlsx（strict OOXML is not supported）");
    throw new PackageError("styles.xml 不是 SpreadsheetML 样式部件（not a SpreadsheetML styles part）");
  }
  for (const name of ["fonts", "fills", "borders", "cellXfs", "dxfs"]) {
    if (!section(xml, p + name)) xml = insertSection(xml, p, name, DEFAULT_SECTIONS[name](p));
  }

  // number formats: built-in ids where Excel has one, else an existing or a new custom id
  const existing = startTags(inner(xml, p + "numFmts"), p + "numFmt").map(attributes);
  const codeToId = new Map<string, number>(Object.entries(BUILTIN_FORMATS));
  for (const a of existing) if (!codeToId.has(a.formatCode)) codeToId.set(a.formatCode, Number(a.numFmtId));
  let nextId = Math.max(FIRST_CUSTOM_FORMAT - 1, ...existing.map((a) => Number(a.numFmtId)).filter(Number.isFinite)) + 1;
  const added: string[] = [];
  for (const f of FORMATS) {
    const code = EXCEL_NUMBER_FORMATS[f];
    if (codeToId.has(code)) continue;
    codeToId.set(code, nextId);
    added.push(`<${p}numFmt numFmtId="${nextId}" formatCode="${escapeXml(code)}"/>`);
    nextId++;
  }
  if (added.length > 0) {
    if (section(xml, p + "numFmts")) xml = extendElement(xml, p + "numFmts", added.join(""), existing.length + added.length);
    else xml = insertSection(xml, p, "numFmts", `<${p}numFmts count="${added.length}">${added.join("")}</${p}numFmts>`);
  }

  // a bold copy of the default font (reused when an earlier run added it)
  const fonts = elements(inner(xml, p + "fonts"), p + "font");
  const bold = boldFont(fonts[0] ?? "", p);
  let boldId = fonts.indexOf(bold);
  if (boldId < 0) {
    xml = extendElement(xml, p + "fonts", bold, fonts.length + 1);
    boldId = fonts.length;
  }

  // the cell formats: for each column format, plain then bold (reused when already there)
  const xfs = elements(inner(xml, p + "cellXfs"), p + "xf");
  const hasStyleXf = elements(inner(xml, p + "cellStyleXfs"), p + "xf").length > 0;
  const addedXfs: string[] = [];
  const ids = new Map<string, number>();
  for (const f of FORMATS) {
    for (const b of [false, true]) {
      for (const w of [false, true]) {
        const numFmtId = codeToId.get(EXCEL_NUMBER_FORMATS[f])!;
        const attrs =
          `<${p}xf numFmtId="${numFmtId}" fontId="${b ? boldId : 0}" fillId="0" borderId="0"${hasStyleXf ? ' xfId="0"' : ""}` +
          `${numFmtId !== 0 ? ' applyNumberFormat="1"' : ""}${b ? ' applyFont="1"' : ""}`;
        // wrapped text (print-ready summaries, 填写说明): at the top of its row, like the rest of a tall row's reading
        const xf = w ? `${attrs} applyAlignment="1"><${p}alignment vertical="top" wrapText="1"/></${p}xf>` : `${attrs}/>`;
        let id = xfs.indexOf(xf);
        if (id < 0) {
          if (!addedXfs.includes(xf)) addedXfs.push(xf);
          id = xfs.length + addedXfs.indexOf(xf);
        }
        ids.set(`${f}/${b}/${w}`, id);
      }
    }
  }
  if (addedXfs.length > 0) xml = extendElement(xml, p + "cellXfs", addedXfs.join(""), xfs.length + addedXfs.length);

  // the highlight of blank must-set cells (a differential format for conditional formatting)
  const dxfs = elements(inner(xml, p + "dxfs"), p + "dxf");
  const dxf = `<${p}dxf><${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${HIGHLIGHT_RGB}"/></${p}patternFill></${p}fill></${p}dxf>`;
  let highlightDxf = dxfs.indexOf(dxf);
  if (highlightDxf < 0) {
    xml = extendElement(xml, p + "dxfs", dxf, dxfs.length + 1);
    highlightDxf = dxfs.length;
  }
  return {
    xml,
    styles: {
      highlightDxf,
      id: (format, isBold, wrap = false) => {
        const id = ids.get(`${format}/${isBold}/${wrap}`);
        if (id === undefined) throw new Error(`未知的列格式 ${format}（unknown column format）`);
        return id;
      },
    },
  };
}

/**
 * The cell styles the written sheets use, added to a workbook's styles.xml: one bold font (a copy
 * of the workbook's default font) and, for every column format, a plain and a bold cell format.
 * Existing styles keep their indexes; the new ones are appended.
 */
import { ColumnFormat, EXCEL_NUMBER_FORMATS } from "../../summary/model";
import { MAIN_NS, MAIN_NSS, STRICT_MAIN_NS } from "./ns";
import { XmlEditor, attr, childOf, childPrefix, childrenOf, parseXmlPart } from "./parts";
import type { XmlEl, XmlPart } from "./parts";
import { PackageError, escapeXml } from "./xml";

export { MAIN_NS, STRICT_MAIN_NS };

/** Excel's built-in number formats (ids every reader knows, in every locale). */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};
const FIRST_CUSTOM_FORMAT = 164;
const FORMATS: ColumnFormat[] = [
  "general",
  "text",
  "int",
  "number",
  "money",
  "score",
  "rate",
  "date",
  "coef",
  "pct",
];

/** The fill of a must-set cell while it is blank (政策参数: 不良容忍度, 汇率, 单位名称): light amber. */
const HIGHLIGHT_RGB = "FFFFEB9C";

export interface CellStyles {
  /** the cellXfs index of a cell in a column of this format, bold or not, its text wrapped or not */
  id(format: ColumnFormat, bold: boolean, wrap?: boolean): number;
  /** the dxfs index of the highlight fill (conditional formatting of blank must-set cells) */
  highlightDxf: number;
  /** the workbook counts dates from 1904-01-01 (workbookPr date1904): date serials are written 1,462 days less */
  date1904?: boolean;
}

/** A complete styles.xml for a new workbook: the default font 等线 11, no fills, no borders. */
export function minimalStyles(strict = false): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<styleSheet xmlns="${strict ? STRICT_MAIN_NS : MAIN_NS}">` +
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

/** The order of styleSheet's children (ECMA-376 CT_Stylesheet). */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

const DEFAULT_SECTIONS: Record<string, (p: string) => string> = {
  fonts: (p) =>
    `<${p}fonts count="1"><${p}font><${p}sz val="11"/><${p}name val="等线"/></${p}font></${p}fonts>`,
  fills: (p) =>
    `<${p}fills count="2"><${p}fill><${p}patternFill patternType="none"/></${p}fill><${p}fill><${p}patternFill patternType="gray125"/></${p}fill></${p}fills>`,
  borders: (p) =>
    `<${p}borders count="1"><${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border></${p}borders>`,
  cellXfs: (p) =>
    `<${p}cellXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellXfs>`,
};

/** The text of an element. */
function textOf(doc: XmlPart, el: XmlEl): string {
  return doc.text.slice(el.start, el.end);
}

/** A bold copy of a font element (its <b> children dropped, one <b/> first). */
function boldFont(doc: XmlPart, font: XmlEl | undefined, p: string): string {
  if (!font || font.selfClosing) return `<${p}font><${p}b/></${p}font>`;
  let content = "";
  let at = font.openEnd;
  for (const c of font.children) {
    if (c.local !== "b") continue;
    content += doc.text.slice(at, c.start);
    at = c.end;
  }
  content += doc.text.slice(at, font.closeStart);
  return `${doc.text.slice(font.start, font.openEnd)}<${p}b/>${content}</${font.name}>`;
}

/** The number formats of a parsed styles part: custom id by format code, the built-in ones included. */
function formatIds(numFmts: XmlEl[]): { codeToId: Map<string, number>; maxId: number } {
  const codeToId = new Map<string, number>(Object.entries(BUILTIN_FORMATS));
  let maxId = FIRST_CUSTOM_FORMAT - 1;
  for (const el of numFmts) {
    const id = Number(attr(el, "numFmtId"));
    const code = attr(el, "formatCode");
    if (!Number.isInteger(id)) continue;
    if (id > maxId) maxId = id;
    if (code !== undefined && !codeToId.has(code)) codeToId.set(code, id);
  }
  return { codeToId, maxId };
}

/**
 * styles.xml with the writers' cell formats appended, and the indexes to use. Throws a
 * PackageError for a part that is not SpreadsheetML styles (the caller reports it as an
 * unreadable workbook). `date1904`: the workbook counts dates from 1904 (the writers' date
 * serials are shifted to it).
 */
export function addCellStyles(
  stylesXml: string,
  part = "styles.xml",
  date1904 = false
): { xml: string; styles: CellStyles } {
  const doc = parseXmlPart(stylesXml, part);
  const root = doc.root;
  if (root.local !== "styleSheet" || !MAIN_NSS.includes(root.uri as (typeof MAIN_NSS)[number])) {
    throw new PackageError(
      `${part} 不是 SpreadsheetML 样式部件（not a SpreadsheetML styles part）`
    );
  }
  const uris = [root.uri];
  const p = childPrefix(root);
  const ed = new XmlEditor(doc);
  const section = (name: string) => childOf(root, name, uris);
  /** a new section, before the next one present in the schema's order (or at the end) */
  const insertSection = (name: string, xml: string) => {
    const next = ORDER.slice(ORDER.indexOf(name) + 1)
      .map(section)
      .find((el) => el !== undefined);
    if (next) ed.insertBefore(next, xml);
    else ed.append(root, xml);
  };
  const missing = ["fonts", "fills", "borders"].filter((name) => !section(name));
  if (missing.length > 0) {
    // the default sections first, then the part parsed again with them
    for (const name of missing) insertSection(name, DEFAULT_SECTIONS[name](p));
    return addCellStyles(ed.toString(), part, date1904);
  }

  // number formats: built-in ids where Excel has one, else an existing or a new custom id
  const numFmtsEl = section("numFmts");
  const existing = numFmtsEl ? childrenOf(numFmtsEl, "numFmt", uris) : [];
  const { codeToId, maxId } = formatIds(existing);
  let nextId = maxId + 1;
  const added: string[] = [];
  for (const f of FORMATS) {
    const code = EXCEL_NUMBER_FORMATS[f];
    if (codeToId.has(code)) continue;
    codeToId.set(code, nextId);
    added.push(`<${p}numFmt numFmtId="${nextId}" formatCode="${escapeXml(code)}"/>`);
    nextId++;
  }
  if (added.length > 0) {
    if (numFmtsEl) {
      ed.append(numFmtsEl, added.join(""));
      ed.setAttr(numFmtsEl, "count", String(existing.length + added.length));
    } else
      insertSection(
        "numFmts",
        `<${p}numFmts count="${added.length}">${added.join("")}</${p}numFmts>`
      );
  }

  // a bold copy of the default font (reused when an earlier run added it)
  const fontsEl = section("fonts")!;
  const fonts = childrenOf(fontsEl, "font", uris);
  const bold = boldFont(doc, fonts[0], childPrefix(fontsEl));
  let boldId = fonts.map((f) => textOf(doc, f)).indexOf(bold);
  if (boldId < 0) {
    ed.append(fontsEl, bold);
    ed.setAttr(fontsEl, "count", String(fonts.length + 1));
    boldId = fonts.length;
  }

  // the cell formats: for each column format, plain then bold (reused when already there)
  const xfsEl = section("cellXfs");
  const xfs = xfsEl ? childrenOf(xfsEl, "xf", uris).map((x) => textOf(doc, x)) : [];
  const styleXfsEl = section("cellStyleXfs");
  const hasStyleXf = styleXfsEl !== undefined && childrenOf(styleXfsEl, "xf", uris).length > 0;
  const xp = xfsEl ? childPrefix(xfsEl) : p;
  const base = xfsEl ? xfs.length : 1;
  const addedXfs: string[] = [];
  const ids = new Map<string, number>();
  for (const f of FORMATS) {
    for (const b of [false, true]) {
      for (const w of [false, true]) {
        const numFmtId = codeToId.get(EXCEL_NUMBER_FORMATS[f])!;
        const attrs =
          `<${xp}xf numFmtId="${numFmtId}" fontId="${b ? boldId : 0}" fillId="0" borderId="0"${hasStyleXf ? ' xfId="0"' : ""}` +
          `${numFmtId !== 0 ? ' applyNumberFormat="1"' : ""}${b ? ' applyFont="1"' : ""}`;
        // wrapped text (print-ready summaries, 填写说明): at the top of its row, like the rest of a tall row's reading
        const xf = w
          ? `${attrs} applyAlignment="1"><${xp}alignment vertical="top" wrapText="1"/></${xp}xf>`
          : `${attrs}/>`;
        let id = xfs.indexOf(xf);
        if (id < 0) {
          if (!addedXfs.includes(xf)) addedXfs.push(xf);
          id = base + addedXfs.indexOf(xf);
        }
        ids.set(`${f}/${b}/${w}`, id);
      }
    }
  }
  if (xfsEl) {
    if (addedXfs.length > 0) {
      ed.append(xfsEl, addedXfs.join(""));
      ed.setAttr(xfsEl, "count", String(xfs.length + addedXfs.length));
    }
  } else {
    insertSection(
      "cellXfs",
      `<${p}cellXfs count="${1 + addedXfs.length}"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>${addedXfs.join("")}</${p}cellXfs>`
    );
  }

  // the highlight of blank must-set cells (a differential format for conditional formatting)
  const dxfsEl = section("dxfs");
  const dxfs = dxfsEl ? childrenOf(dxfsEl, "dxf", uris).map((x) => textOf(doc, x)) : [];
  const dp = dxfsEl ? childPrefix(dxfsEl) : p;
  const dxf = `<${dp}dxf><${dp}fill><${dp}patternFill patternType="solid"><${dp}bgColor rgb="${HIGHLIGHT_RGB}"/></${dp}patternFill></${dp}fill></${dp}dxf>`;
  let highlightDxf = dxfs.indexOf(dxf);
  if (highlightDxf < 0) {
    highlightDxf = dxfs.length;
    if (dxfsEl) {
      ed.append(dxfsEl, dxf);
      ed.setAttr(dxfsEl, "count", String(dxfs.length + 1));
    } else insertSection("dxfs", `<${p}dxfs count="1">${dxf}</${p}dxfs>`);
  }
  return {
    xml: ed.toString(),
    styles: {
      date1904,
      highlightDxf,
      id: (format, isBold, wrap = false) => {
        const id = ids.get(`${format}/${isBold}/${wrap}`);
        if (id === undefined) throw new Error(`未知的列格式 ${format}（unknown column format）`);
        return id;
      },
    },
  };
}

/**
 * Built-in number formats that show a date or time: 14–22 and 45–47 in every locale, and the
 * East Asian ones (27–36, 50–58: 年月日 forms in zh-CN, ja-JP, ko-KR, zh-TW).
 */
function isBuiltinDateFormat(id: number): boolean {
  return (
    (id >= 14 && id <= 22) ||
    (id >= 27 && id <= 36) ||
    (id >= 45 && id <= 47) ||
    (id >= 50 && id <= 58)
  );
}

/**
 * Whether a number format code shows a date or time: a y, m, d, h or s (or 年月日时分秒) outside
 * quoted text, escaped characters and [colour]/[$-locale] sections ([h] [mm] [ss] elapsed
 * times count). One pass over the code.
 */
export function isDateFormatCode(code: string): boolean {
  let i = 0;
  const n = code.length;
  while (i < n) {
    const ch = code[i];
    if (ch === '"') {
      const e = code.indexOf('"', i + 1);
      i = e < 0 ? n : e + 1;
    } else if (ch === "\\" || ch === "_" || ch === "*") i += 2;
    else if (ch === "[") {
      const e = code.indexOf("]", i + 1);
      const inner = (e < 0 ? code.slice(i + 1) : code.slice(i + 1, e)).toLowerCase();
      if (/^(h+|m+|s+)$/.test(inner)) return true;
      i = e < 0 ? n : e + 1;
    } else {
      if ("yYmMdDhHsS年月日时分秒".includes(ch)) return true;
      i++;
    }
  }
  return false;
}

/** The cell formats (cellXfs indexes) of a styles part that show a date or time. */
export function dateStyles(stylesXml: string, part = "styles.xml"): Set<number> {
  const doc = parseXmlPart(stylesXml, part);
  const uris = [doc.root.uri];
  const numFmts = childOf(doc.root, "numFmts", uris);
  const custom = new Map<number, string>();
  if (numFmts)
    for (const el of childrenOf(numFmts, "numFmt", uris))
      custom.set(Number(attr(el, "numFmtId")), attr(el, "formatCode") ?? "");
  const out = new Set<number>();
  const cellXfs = childOf(doc.root, "cellXfs", uris);
  if (!cellXfs) return out;
  childrenOf(cellXfs, "xf", uris).forEach((xf, i) => {
    const id = Number(attr(xf, "numFmtId") ?? "0");
    const code = custom.get(id);
    if (code !== undefined ? isDateFormatCode(code) : isBuiltinDateFormat(id)) out.add(i);
  });
  return out;
}

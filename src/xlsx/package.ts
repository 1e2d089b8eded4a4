/**
 * The .xlsx package (a zip of XML parts, ECMA-376 OPC) as the CLI and the offline page write it
 * (on bytes: the file's edges are src/cli/xlsx/package.ts). New sheets are added
 * as new worksheet parts; the workbook part, its relationships, [Content_Types].xml and
 * styles.xml get new elements appended; every other part is carried over as it was, its
 * compressed bytes copied unchanged (./zip.ts).
 */
import type { Buffer } from "buffer";
import { utf8Bytes, utf8Text } from "./bytes";
import { SheetModel, checkSheetModel, resolveListRanges } from "../summary/model";
import { uniqueSheetNames } from "../summary/naming";
import { definedNameOf, printTitlesOf } from "./definedNames";
import { sheetXmlChunks } from "./sheetXml";
import { addChartParts } from "./chartParts";
import { addCellStyles, minimalStyles } from "./styles";
import {
  CT_NS,
  MAIN_NS,
  MAIN_NSS,
  PKG_REL_NS,
  REL_NS,
  REL_NSS,
  STRICT_MAIN_NS,
  STRICT_REL_NS,
  isRelType,
  relType,
} from "./ns";
import {
  XmlEditor,
  attr,
  childOf,
  childPrefix,
  childrenOf,
  parseXmlPart,
  prefixFor,
} from "./parts";
import type { XmlEl, XmlPart } from "./parts";
import { PackageError, escapeXml } from "./xml";
import { MESSAGES, isLockFileName, notZipReason, zipKind } from "./detect";
import { MemorySink, ZipError, ZipReader, ZipWriter, asBuffer, deflateChunks } from "./zip";
import type { Deflated, ZipEntry } from "./zip";
import type { Codec } from "./codec";

const REL_TYPE = `${REL_NS}/`;
const STYLES_TYPE = `${REL_TYPE}styles`;
const OFFICE_DOCUMENT_TYPE = `${REL_TYPE}officeDocument`;
const WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A part name from a relationship target, relative to the folder of the source part ("xl/"). */
export function resolvePart(fromDir: string, target: string): string {
  const joined = target.startsWith("/") ? target.slice(1) : fromDir + target;
  const out: string[] = [];
  for (const seg of joined.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

function dirOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? "" : part.slice(0, i + 1);
}

function relsPathOf(part: string): string {
  return `${dirOf(part)}_rels/${part.slice(dirOf(part).length)}.rels`;
}

/**
 * Deflate level of the sheets the CLI generates (summaries of up to tens of MB of XML): zlib's
 * fast level 3 rather than the default 6 — quicker for files a little larger (measured: README,
 * 基准 Benchmark, "What made it fast").
 */
const GENERATED_PART_LEVEL = 3;

/** A part of a package: carried over from the file it was read from, or new content. */
type Part =
  | { name: string; entry: ZipEntry }
  | { name: string; text: string }
  | { name: string; chunks: () => Iterable<string> };

/**
 * How a part name is looked up: without case (OPC), and with a backslash read as "/" (some writers
 * store Windows paths in the zip; Excel reads them).
 */
/** A part's name as written: a Windows path as the part name it stands for (other readers know only "/"). */
function outName(name: string): string {
  return name.replace(/\\/g, "/");
}

function partKey(name: string): string {
  return name.replace(/\\/g, "/").toLowerCase();
}

/**
 * An .xlsx package: its parts in order, each either an entry of the file it was read from
 * (written back as the same compressed bytes) or new content. Part names compare without case
 * (OPC); a replaced part keeps its place and its spelling.
 */
export class Package {
  private readonly parts: Part[] = [];
  private readonly index = new Map<string, number>();

  constructor(readonly source: ZipReader | null = null) {
    if (source) {
      for (const e of source.entries) {
        if (e.name.endsWith("/") || e.name.endsWith("\\")) continue;
        const k = partKey(e.name);
        if (
          k.split("/").some((seg) => seg === ".." || seg === ".") ||
          k.startsWith("/") ||
          /^[a-z]:/.test(k) ||
          k.includes("\0")
        ) {
          throw new PackageError(`文件已损坏：部件名 ${e.name} 无效（invalid part name）`);
        }
        if (this.index.has(k))
          throw new PackageError(`文件已损坏：部件 ${e.name} 出现了两次（duplicate part name）`);
        this.set({ name: e.name, entry: e });
      }
    }
  }

  private set(p: Part): void {
    const k = partKey(p.name);
    const i = this.index.get(k);
    if (i === undefined) {
      this.index.set(k, this.parts.length);
      this.parts.push(p);
    } else this.parts[i] = { ...p, name: this.parts[i].name };
  }

  /** The part's name as the package spells it, or null. */
  partName(name: string): string | null {
    const i = this.index.get(partKey(name));
    return i === undefined ? null : this.parts[i].name;
  }

  /** Every part name, in order. */
  names(): string[] {
    return this.parts.map((p) => p.name);
  }

  private part(name: string): Part | null {
    const i = this.index.get(partKey(name));
    return i === undefined ? null : this.parts[i];
  }

  /** A part's text, or null when the package has no such part. */
  text(name: string): string | null {
    const p = this.part(name);
    if (p === null) return null;
    if ("entry" in p) return utf8Text(this.source!.bytes(p.entry));
    if ("text" in p) return p.text;
    return [...p.chunks()].join("");
  }

  /** A part's bytes in pieces, handed to `f` as they are inflated (`f` must not keep them). */
  async chunks(name: string, f: (chunk: Buffer) => void): Promise<void> {
    const p = this.part(name);
    if (p === null) throw new PackageError(`缺少部件 ${name}（part missing）`);
    if ("entry" in p) return this.source!.chunks(p.entry, f);
    if ("text" in p) return f(utf8Bytes(p.text));
    for (const c of p.chunks()) f(utf8Bytes(c));
  }

  /** Removes a part (nothing when the package has none of that name). */
  remove(name: string): void {
    const i = this.index.get(partKey(name));
    if (i === undefined) return;
    this.parts.splice(i, 1);
    this.index.clear();
    this.parts.forEach((p, j) => this.index.set(partKey(p.name), j));
  }

  /** Adds or replaces a part (no folder entries: Excel's own packages have none). */
  put(name: string, text: string): void {
    this.set({ name, text });
  }

  /** Adds or replaces a part written from chunks when the package is saved (it never exists whole). */
  putChunks(name: string, chunks: () => Iterable<string>): void {
    this.set({ name, chunks });
  }

  /**
   * Writes every part to `w`: carried-over parts as they were compressed, new ones deflated. The
   * generated parts are deflated two at a time (zlib in the thread pool while this thread makes
   * the next one's text, the carried-over parts being copied meanwhile — two, not all, so that
   * the text in flight stays small), then written in order.
   */
  async writeTo(w: ZipWriter): Promise<void> {
    const deflating = new Map<Part, Promise<Deflated>>();
    let previous: Promise<unknown> = Promise.resolve();
    let beforeThat: Promise<unknown> = Promise.resolve();
    for (const p of this.parts) {
      if (!("chunks" in p)) continue;
      const start = beforeThat;
      const d = start.then(() => deflateChunks(p.chunks(), w.codec, GENERATED_PART_LEVEL));
      deflating.set(p, d);
      beforeThat = previous;
      previous = d.catch(() => undefined);
    }
    // a failure of one is reported by the loop below; none is left unhandled meanwhile
    for (const d of deflating.values()) d.catch(() => undefined);
    for (const p of this.parts) {
      // a part carried over is checked first: a corrupt one would make OUT a file that does not open
      if ("entry" in p) {
        await this.source!.verify(p.entry);
        await w.copy(this.source!, p.entry, p.name.includes("\\") ? outName(p.name) : undefined);
      } else if ("text" in p) await w.add(outName(p.name), p.text);
      else await w.addDeflated(outName(p.name), await deflating.get(p)!);
    }
  }
}

export interface Relationship {
  Id: string;
  Type: string;
  Target: string;
  TargetMode?: string;
}

const REL_ROOT_NSS = [PKG_REL_NS, ""];

/** The relationships of a parsed .rels part. */
function relationshipsOf(doc: XmlPart): Relationship[] {
  return childrenOf(doc.root, "Relationship", REL_ROOT_NSS).map((el) => ({
    Id: attr(el, "Id") ?? "",
    Type: attr(el, "Type") ?? "",
    Target: attr(el, "Target") ?? "",
    TargetMode: attr(el, "TargetMode"),
  }));
}

/** The relationships in a .rels part's text (`part` names it in messages). */
export function relationships(xml: string, part = ".rels"): Relationship[] {
  return relationshipsOf(parseXmlPart(xml, part));
}

/** The workbook part of the package, from _rels/.rels (usually xl/workbook.xml). */
function workbookPartName(pkg: Package): string {
  const rels = pkg.text("_rels/.rels");
  const main =
    rels === null
      ? undefined
      : relationships(rels, "_rels/.rels").find((r) => isRelType(r.Type, "officeDocument"));
  if (!main) throw new PackageError("不是 Excel 工作簿：缺少工作簿部件（no workbook part）");
  return resolvePart("", main.Target);
}

export interface SheetEntry {
  name: string;
  sheetId: number;
  /** the relationship id ("" when the sheet has none) */
  rId: string;
}

/** The workbook part parsed: its sheets, date system and form (Strict or Transitional). */
export interface WorkbookInfo {
  part: string;
  doc: XmlPart;
  strict: boolean;
  /** workbookPr date1904: serial 0 is 1904-01-01 (Mac Excel's old default) */
  date1904: boolean;
  sheets: SheetEntry[];
  sheetsEl: XmlEl;
}

function isTrue(v: string | undefined): boolean {
  return v === "1" || v === "true";
}

/** The workbook part's text parsed; a PackageError when it is not a SpreadsheetML workbook. */
export function parseWorkbook(xml: string, part: string): WorkbookInfo {
  const doc = parseXmlPart(xml, part);
  const root = doc.root;
  if (root.local !== "workbook" || !MAIN_NSS.includes(root.uri as (typeof MAIN_NSS)[number])) {
    throw new PackageError(`${part} 不是 Excel 工作簿部件（not a SpreadsheetML workbook part）`);
  }
  const uris = [root.uri];
  const sheetsEl = childOf(root, "sheets", uris);
  if (!sheetsEl) throw new PackageError(`${part} 缺少工作表列表（no <sheets>）`);
  const pr = childOf(root, "workbookPr", uris);
  const sheets = childrenOf(sheetsEl, "sheet", uris).map((el) => ({
    name: attr(el, "name") ?? "",
    sheetId: Number(attr(el, "sheetId")),
    rId: attr(el, "id", REL_NSS) ?? "",
  }));
  return {
    part,
    doc,
    strict: root.uri === STRICT_MAIN_NS,
    date1904: pr !== undefined && isTrue(attr(pr, "date1904")),
    sheets,
    sheetsEl,
  };
}

/** The workbook of a package: its part name, parsed content and relationships. */
export function workbookOf(pkg: Package): {
  wb: WorkbookInfo;
  dir: string;
  relsPart: string;
  rels: Relationship[];
  relsDoc: XmlPart | null;
} {
  const wbPart = workbookPartName(pkg);
  const xml = pkg.text(wbPart);
  if (xml === null)
    throw new PackageError(`不是 Excel 工作簿：缺少 ${wbPart}（workbook part missing）`);
  const wb = parseWorkbook(xml, wbPart);
  const relsPart = relsPathOf(wbPart);
  const relsXml = pkg.text(relsPart);
  const relsDoc = relsXml === null ? null : parseXmlPart(relsXml, relsPart);
  return {
    wb,
    dir: dirOf(wbPart),
    relsPart,
    rels: relsDoc ? relationshipsOf(relsDoc) : [],
    relsDoc,
  };
}

function unusedNumber(used: (n: number) => boolean): number {
  let n = 1;
  while (used(n)) n++;
  return n;
}

/** The first of the children named in `names` (in `uris`) — where a new child goes before, keeping the schema's order. */
function firstOf(
  parent: XmlEl,
  names: readonly string[],
  uris: readonly string[]
): XmlEl | undefined {
  return parent.children.find((c) => names.includes(c.local) && uris.includes(c.uri));
}

/** workbook.xml's children that follow <definedNames> (ECMA-376 CT_Workbook). */
const AFTER_DEFINED_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

/** A defined name to add to workbook.xml (e.g. `_xlnm.Print_Titles` of a new sheet). */
export interface DefinedName {
  name: string;
  /** the 0-based index of the sheet the name is local to */
  localSheetId?: number;
  /** the formula, e.g. "'等级汇总'!$1:$2" */
  value: string;
}

/**
 * The workbook part's additions, made in place ({@link XmlEditor}): new <sheet> elements and
 * defined names; everything already in the part stays as it was.
 */
export class WorkbookEditor {
  private readonly ed: XmlEditor;
  private readonly p: string;
  private readonly names: string[] = [];

  constructor(readonly wb: WorkbookInfo) {
    this.ed = new XmlEditor(wb.doc);
    this.p = childPrefix(wb.sheetsEl);
  }

  /** Appends a <sheet> for relationship `rId`. */
  addSheet(name: string, sheetId: number, rId: string): void {
    const r = prefixFor(this.wb.sheetsEl, REL_NSS);
    const rAttr =
      r === null ? `xmlns:r="${this.wb.strict ? STRICT_REL_NS : REL_NS}" r:id` : `${r}id`;
    this.ed.append(
      this.wb.sheetsEl,
      `<${this.p}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${rAttr}="${escapeXml(rId)}"/>`
    );
  }

  /** Adds a defined name (to <definedNames>, made when the workbook has none). */
  addDefinedName(d: DefinedName): void {
    const local = d.localSheetId === undefined ? "" : ` localSheetId="${d.localSheetId}"`;
    this.names.push(
      `<${this.p}definedName name="${escapeXml(d.name)}"${local}>${escapeXml(d.value)}</${this.p}definedName>`
    );
  }

  toString(): string {
    if (this.names.length > 0) {
      const root = this.wb.doc.root;
      const uris = [root.uri];
      const existing = childOf(root, "definedNames", uris);
      if (existing) this.ed.append(existing, this.names.join(""));
      else {
        const xml = `<${this.p}definedNames>${this.names.join("")}</${this.p}definedNames>`;
        const next = firstOf(root, AFTER_DEFINED_NAMES, uris);
        if (next) this.ed.insertBefore(next, xml);
        else this.ed.append(root, xml);
      }
      this.names.length = 0;
    }
    return this.ed.toString();
  }
}

/** The new sheet's first chunk in the form of a Strict workbook (the writer makes Transitional). */
function* inForm(chunks: Iterable<string>, strict: boolean): Generator<string> {
  let first = true;
  for (const c of chunks) {
    if (first && strict)
      yield c
        .replace(`xmlns="${MAIN_NS}"`, `xmlns="${STRICT_MAIN_NS}"`)
        .replace(`xmlns:r="${REL_NS}"`, `xmlns:r="${STRICT_REL_NS}"`);
    else yield c;
    first = false;
  }
}

/**
 * Adds a worksheet part per model to the package and lists it in the workbook, with names made
 * unique against the sheets already there. Returns the names used. Throws a PackageError for a
 * package that is not a SpreadsheetML workbook, an Error for a model that cannot be written.
 */
export function addSheetsToPackage(
  pkg: Package,
  wanted: SheetModel[],
  opts: { replace?: readonly string[] } = {}
): string[] {
  let models = wanted;
  const { wb, dir, relsPart, rels, relsDoc: existingRels } = workbookOf(pkg);
  // a model named in `replace` whose worksheet the workbook has: written into that sheet's part
  // (its place, name and relationship kept; the old part's own relationships dropped)
  const replaceSet = new Set(opts.replace ?? []);
  const replacedPart = (m: SheetModel): string | null => {
    if (!replaceSet.has(m.name)) return null;
    const entry = wb.sheets.find((x) => x.name === m.name);
    const rel = entry && rels.find((r) => r.Id === entry.rId && isRelType(r.Type, "worksheet"));
    return rel ? resolvePart(dir, rel.Target) : null;
  };
  const replacing = models.map(replacedPart);
  const relsDoc =
    existingRels ??
    parseXmlPart(`${XML_DECL}<Relationships xmlns="${PKG_REL_NS}"></Relationships>`, relsPart);
  const relsEd = new XmlEditor(relsDoc);
  const rp = childPrefix(relsDoc.root);
  const ctXml = pkg.text("[Content_Types].xml");
  if (ctXml === null)
    throw new PackageError("不是 Excel 工作簿：缺少 [Content_Types].xml（no content types）");
  const ctDoc = parseXmlPart(ctXml, "[Content_Types].xml");
  if (ctDoc.root.local !== "Types")
    throw new PackageError("[Content_Types].xml 不是内容类型部件（not a content types part）");
  const ctEd = new XmlEditor(ctDoc);
  const cp = childPrefix(ctDoc.root);
  const wbEd = new WorkbookEditor(wb);

  const added = uniqueSheetNames(
    models.filter((_, i) => replacing[i] === null).map((m) => m.name),
    wb.sheets.map((s) => s.name)
  );
  let nextAdded = 0;
  const names = models.map((m, i) => (replacing[i] === null ? added[nextAdded++] : m.name));
  // every model is checked before anything is added: the sheets are written later, streamed
  models.forEach((m, i) => checkSheetModel(m, names[i]));
  models = resolveListRanges(models, names);
  const usedIds = new Set(rels.map((r) => r.Id));
  const lowerParts = new Set(pkg.names().map(partKey));
  const newRel = (type: string, target: string): string => {
    const id = `rId${unusedNumber((n) => usedIds.has(`rId${n}`))}`;
    usedIds.add(id);
    relsEd.append(
      relsDoc.root,
      `<${rp}Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`
    );
    return id;
  };
  const newOverride = (part: string, type: string) =>
    ctEd.append(
      ctDoc.root,
      `<${cp}Override PartName="/${escapeXml(part)}" ContentType="${type}"/>`
    );

  // styles: the workbook's own, with the writers' formats appended (or a new part)
  const stylesRel = rels.find((r) => isRelType(r.Type, "styles"));
  let stylesPart = stylesRel ? resolvePart(dir, stylesRel.Target) : null;
  let stylesXml = stylesPart === null ? null : pkg.text(stylesPart);
  if (stylesPart === null || stylesXml === null) {
    const k = unusedNumber((n) => lowerParts.has(partKey(`${dir}styles${n === 1 ? "" : n}.xml`)));
    stylesPart = `${dir}styles${k === 1 ? "" : k}.xml`;
    stylesXml = minimalStyles(wb.strict);
    if (!stylesRel) newRel(relType("styles", wb.strict), stylesPart.slice(dir.length));
    newOverride(stylesPart, STYLES_CT);
    lowerParts.add(partKey(stylesPart));
  }
  const { xml: newStyles, styles } = addCellStyles(stylesXml, stylesPart, wb.date1904);

  let sheetId = wb.sheets.reduce(
    (m, s) => (Number.isFinite(s.sheetId) ? Math.max(m, s.sheetId) : m),
    0
  );
  models.forEach((m, i) => {
    const replaced = replacing[i];
    if (replaced !== null) {
      pkg.remove(relsPathOf(replaced));
      pkg.putChunks(replaced, () => inForm(sheetXmlChunks(m, names[i], styles), wb.strict));
      return;
    }
    const k = unusedNumber((n) => lowerParts.has(partKey(`${dir}worksheets/sheet${n}.xml`)));
    const part = `${dir}worksheets/sheet${k}.xml`;
    lowerParts.add(partKey(part));
    // deflated as it is generated, when the package is saved: the part never exists as one string
    const name = names[i];
    // (issue 19) the sheet's charts: a drawing part and a chart part each, named by the sheet's relationship
    const drawing = addChartParts(pkg, {
      dir,
      sheetPart: part,
      model: m,
      sheet: name,
      strict: wb.strict,
      lowerParts,
      addOverride: newOverride,
    });
    pkg.putChunks(part, () => inForm(sheetXmlChunks(m, name, styles, drawing), wb.strict));
    const id = newRel(relType("worksheet", wb.strict), `worksheets/sheet${k}.xml`);
    newOverride(part, WORKSHEET_CT);
    sheetId++;
    wbEd.addSheet(names[i], sheetId, id);
  });

  // (rev 2) the header rows of printed summaries repeat on every page; the print area is the report
  const appended = models.filter((_, i) => replacing[i] === null);
  const appendedNames = names.filter((_, i) => replacing[i] === null);
  for (const t of printTitlesOf(appended, appendedNames, wb.sheets.length))
    wbEd.addDefinedName(definedNameOf(t));
  pkg.put(wb.part, wbEd.toString());
  pkg.put(relsPart, relsEd.toString());
  pkg.put("[Content_Types].xml", ctEd.toString());
  pkg.put(stylesPart, newStyles);
  return names;
}

/** An empty workbook package (no sheets yet): content types, relationships, workbook, styles, properties. */
export function newPackage(now = new Date()): Package {
  const pkg = new Package();
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  pkg.put(
    "[Content_Types].xml",
    `${XML_DECL}<Types xmlns="${CT_NS}">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      `<Override PartName="/xl/styles.xml" ContentType="${STYLES_CT}"/>` +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
      "</Types>"
  );
  pkg.put(
    "_rels/.rels",
    `${XML_DECL}<Relationships xmlns="${PKG_REL_NS}">` +
      `<Relationship Id="rId1" Type="${OFFICE_DOCUMENT_TYPE}" Target="xl/workbook.xml"/>` +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      `<Relationship Id="rId3" Type="${REL_TYPE}extended-properties" Target="docProps/app.xml"/>` +
      "</Relationships>"
  );
  pkg.put(
    "docProps/app.xml",
    `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>cm-addin</Application></Properties>`
  );
  pkg.put(
    "docProps/core.xml",
    `${XML_DECL}<cp:coreProperties ` +
      `xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
      `xmlns:dc="http://purl.org/dc/elements/1.1/" ` +
      'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:creator>cm-addin</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`
  );
  pkg.put(
    "xl/workbook.xml",
    `${XML_DECL}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="15000"/></bookViews><sheets/><calcPr calcId="191029"/></workbook>'
  );
  pkg.put(
    "xl/_rels/workbook.xml.rels",
    `${XML_DECL}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${STYLES_TYPE}" Target="styles.xml"/></Relationships>`
  );
  pkg.put("xl/styles.xml", minimalStyles());
  return pkg;
}

/** An input larger than this is not read (the package is held in memory while it is read). */
export const MAX_INPUT_BYTES = 512 << 20;

/**
 * A file that is not a workbook this layer can read: `message` says what it is and what to do
 * (./detect.ts MESSAGES), as the CLI prints it after "无法读取 FILE：".
 */
export class RefusedFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RefusedFileError";
  }
}

/**
 * Opens an .xlsx held in `bytes` as a package (`name`: the file's name, which tells a lock file
 * or an .xls); a RefusedFileError saying what to do for anything that is not a readable workbook:
 * empty, too large, not a zip (encrypted, .xls, CSV …), a damaged zip, another kind of archive.
 */
export function openPackage(bytes: Uint8Array, name: string, codec: Codec): Package {
  if (bytes.length === 0) throw new RefusedFileError("文件为空（empty file）");
  if (bytes.length > MAX_INPUT_BYTES)
    throw new RefusedFileError(`文件超过 ${MAX_INPUT_BYTES >> 20} MB（file too large）`);
  const buf = asBuffer(bytes);
  const notZip = notZipReason(name, buf);
  if (notZip !== null) throw new RefusedFileError(notZip);
  let zip: ZipReader;
  try {
    zip = ZipReader.open(buf, codec);
  } catch (e) {
    if (isLockFileName(name)) throw new RefusedFileError(MESSAGES.lockFile);
    throw new RefusedFileError(MESSAGES.corrupt((e as Error).message));
  }
  let pkg: Package;
  try {
    pkg = new Package(zip);
    const main = workbookPartName(pkg);
    if (/\.bin$/i.test(main)) throw new RefusedFileError(MESSAGES.xlsb);
  } catch (e) {
    if (e instanceof RefusedFileError) throw e;
    const kind = zipKind(zip);
    if (kind !== null) throw new RefusedFileError(kind);
    if (e instanceof ZipError) throw new RefusedFileError(MESSAGES.corrupt(e.message));
    throw new RefusedFileError((e as Error).message);
  }
  return pkg;
}

/** The package written as an .xlsx in memory (carried parts as their compressed bytes). */
export async function packageBytes(
  pkg: Package,
  codec: Codec,
  now = new Date()
): Promise<Uint8Array> {
  const sink = new MemorySink();
  const w = new ZipWriter(sink, codec, now);
  try {
    await pkg.writeTo(w);
    await w.finish();
  } catch (e) {
    await w.abort();
    throw e;
  }
  return sink.bytes();
}

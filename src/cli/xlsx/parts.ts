/**
 * The small package parts the CLI reads and edits whole — workbook.xml, relationships,
 * [Content_Types].xml, styles.xml — parsed with a real XML parser (saxes: streaming, strict
 * well-formedness, namespaces; it expands no DTD and fetches nothing, and this module refuses
 * a DOCTYPE outright), never with regular expressions: a comment, CDATA section or processing
 * instruction is what it is, not markup. (The big worksheets stay on the byte scanner, ./scan.ts.)
 *
 * {@link parseXmlPart} gives a tree of the part's elements — names resolved to namespace URI and
 * local name, attributes decoded, and each element's position in the text — and
 * {@link XmlEditor} edits the part in place at those positions (children appended, elements
 * inserted before another, start-tag attributes set), so everything else stays byte for byte as
 * it was. Every part is bounded: at most {@link MAX_PART_ELEMENTS} elements; work is linear in
 * the part's size.
 */
import { SaxesParser } from "saxes";
import type { SaxesTagNS } from "saxes";
import { PackageError, escapeXml } from "./xml";

/** More elements than this in one small part is not a real workbook (200,000 numFmts is fine). */
const MAX_PART_ELEMENTS = 1_000_000;
/** Nesting deeper than this is not a package part (workbook.xml nests 4 deep, styles.xml 5). */
const MAX_PART_DEPTH = 256;

export interface XmlAttr {
  /** as written, with its prefix ("r:id") */
  name: string;
  uri: string;
  local: string;
  value: string;
}

export interface XmlEl {
  /** as written, with its prefix ("x:sheet") */
  name: string;
  prefix: string;
  uri: string;
  local: string;
  attrs: XmlAttr[];
  /** index of "<" of the start tag */
  start: number;
  /** index just after the start tag's ">" */
  openEnd: number;
  /** index of "</" of the end tag (= openEnd for a self-closing element) */
  closeStart: number;
  /** index just after the element */
  end: number;
  selfClosing: boolean;
  children: XmlEl[];
  parent: XmlEl | null;
  /** prefix → namespace URI bindings in scope at this element */
  ns: Record<string, string>;
}

export interface XmlPart {
  part: string;
  text: string;
  root: XmlEl;
}

const XMLNS_URI = "http://www.w3.org/2000/xmlns/";

/** The part's text parsed into its element tree; a PackageError naming the part when it is not well-formed XML. */
export function parseXmlPart(text: string, part: string, maxElements = MAX_PART_ELEMENTS): XmlPart {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let root: XmlEl | null = null;
  const stack: XmlEl[] = [];
  let count = 0;
  let failure: string | null = null;
  parser.on("doctype", () => {
    throw new PackageError(
      `部件 ${part} 含有 DOCTYPE 声明，Excel 工作簿不会有（DOCTYPE not allowed）`
    );
  });
  parser.on("error", (e) => {
    failure ??= e.message;
    throw new PackageError(`部件 ${part} 不是格式正确的 XML（${e.message}）`);
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    if (++count > maxElements)
      throw new PackageError(`部件 ${part} 的元素超过 ${maxElements} 个（part too large）`);
    const openEnd = parser.position;
    const start = text.lastIndexOf("<", openEnd - 1);
    if (stack.length >= MAX_PART_DEPTH)
      throw new PackageError(`部件 ${part} 的元素嵌套超过 ${MAX_PART_DEPTH} 层（nested too deep）`);
    const parent = stack.length > 0 ? stack[stack.length - 1] : null;
    const attrs: XmlAttr[] = [];
    for (const a of Object.values(tag.attributes))
      attrs.push({ name: a.name, uri: a.uri, local: a.local, value: a.value });
    const el: XmlEl = {
      name: tag.name,
      prefix: tag.prefix,
      uri: tag.uri,
      local: tag.local,
      attrs,
      start,
      openEnd,
      closeStart: openEnd,
      end: openEnd,
      selfClosing: tag.isSelfClosing,
      children: [],
      parent,
      ns: parent
        ? tag.ns && Object.keys(tag.ns).length > 0
          ? { ...parent.ns, ...tag.ns }
          : parent.ns
        : { ...(tag.ns ?? {}) },
    };
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on("closetag", () => {
    const el = stack.pop()!;
    el.end = parser.position;
    el.closeStart = el.selfClosing ? el.end : text.lastIndexOf("<", el.end - 1);
  });
  try {
    parser.write(text).close();
  } catch (e) {
    if (e instanceof PackageError) throw e;
    throw new PackageError(`部件 ${part} 不是格式正确的 XML（${failure ?? (e as Error).message}）`);
  }
  if (root === null) throw new PackageError(`部件 ${part} 没有根元素（empty XML part）`);
  return { part, text, root };
}

/** The element's attribute of that local name (no namespace unless `uri` is given), or undefined. */
export function attr(
  el: XmlEl,
  local: string,
  uri: string | readonly string[] = ""
): string | undefined {
  const uris = typeof uri === "string" ? [uri] : uri;
  for (const a of el.attrs)
    if (a.local === local && uris.includes(a.uri) && a.uri !== XMLNS_URI) return a.value;
  return undefined;
}

/** The direct children of `el` of that local name in one of the namespaces `uris`. */
export function childrenOf(el: XmlEl, local: string, uris: readonly string[]): XmlEl[] {
  return el.children.filter((c) => c.local === local && uris.includes(c.uri));
}

export function childOf(el: XmlEl, local: string, uris: readonly string[]): XmlEl | undefined {
  return el.children.find((c) => c.local === local && uris.includes(c.uri));
}

/** The prefix (with its colon, or "") bound to one of `uris` in scope at `el`, or null. */
export function prefixFor(el: XmlEl, uris: readonly string[]): string | null {
  for (const [p, u] of Object.entries(el.ns)) if (uris.includes(u)) return p === "" ? "" : `${p}:`;
  return null;
}

/** The prefix a new child of `el` in `el`'s own namespace is written with ("x:" or ""). */
export function childPrefix(el: XmlEl): string {
  return el.prefix === "" ? "" : `${el.prefix}:`;
}

interface Pending {
  /** attributes to set on the start tag */
  set: Map<string, string>;
  /** text appended at the end of the element's content */
  append: string;
}

/**
 * Edits a parsed part in place: each change is kept with the element it touches and applied at
 * its position when {@link toString} is called, so the rest of the text is unchanged.
 */
export class XmlEditor {
  private readonly pending = new Map<XmlEl, Pending>();
  private readonly before = new Map<number, string>();

  constructor(readonly doc: XmlPart) {}

  private of(el: XmlEl): Pending {
    let p = this.pending.get(el);
    if (!p) this.pending.set(el, (p = { set: new Map(), append: "" }));
    return p;
  }

  /** Appends `xml` (well-formed markup, already escaped) after the last child of `el`. */
  append(el: XmlEl, xml: string): void {
    this.of(el).append += xml;
  }

  /** Sets an attribute (unprefixed) of `el`'s start tag. */
  setAttr(el: XmlEl, name: string, value: string): void {
    this.of(el).set.set(name, value);
  }

  /** Inserts `xml` just before element `el`. */
  insertBefore(el: XmlEl, xml: string): void {
    this.before.set(el.start, (this.before.get(el.start) ?? "") + xml);
  }

  /** The start tag of `el` rebuilt from its attributes with `set` applied (order kept, new ones last). */
  private startTag(el: XmlEl, set: Map<string, string>, selfClosing: boolean): string {
    const t = this.doc.text;
    if (set.size === 0) {
      const tag = t.slice(el.start, el.openEnd);
      return el.selfClosing && !selfClosing ? tag.replace(/\s*\/>$/, ">") : tag;
    }
    const seen = new Set<string>();
    let out = `<${el.name}`;
    for (const a of el.attrs) {
      const v = a.uri === "" && set.has(a.name) ? set.get(a.name)! : a.value;
      if (a.uri === "") seen.add(a.name);
      out += ` ${a.name}="${escapeXml(v)}"`;
    }
    for (const [k, v] of set) if (!seen.has(k)) out += ` ${k}="${escapeXml(v)}"`;
    return out + (selfClosing ? "/>" : ">");
  }

  toString(): string {
    const t = this.doc.text;
    const edits: { start: number; end: number; text: string }[] = [];
    for (const [at, xml] of this.before) edits.push({ start: at, end: at, text: xml });
    for (const [el, p] of this.pending) {
      if (el.selfClosing) {
        const open = p.append === "";
        const tag = this.startTag(el, p.set, open);
        edits.push({
          start: el.start,
          end: el.end,
          text: open ? tag : `${tag}${p.append}</${el.name}>`,
        });
      } else {
        if (p.set.size > 0)
          edits.push({ start: el.start, end: el.openEnd, text: this.startTag(el, p.set, false) });
        if (p.append !== "")
          edits.push({ start: el.closeStart, end: el.closeStart, text: p.append });
      }
    }
    // from the end backwards, so earlier positions stay valid; insertions before an element
    // come before a replacement that starts at the same place
    edits.sort(
      (a, b) => b.start - a.start || (a.end === a.start ? 1 : 0) - (b.end === b.start ? 1 : 0)
    );
    let out = t;
    for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
    return out;
  }
}

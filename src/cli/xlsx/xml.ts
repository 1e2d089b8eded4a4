/**
 * Small, strict helpers for the few XML parts the CLI edits in place (workbook.xml, its
 * relationships, [Content_Types].xml, styles.xml). Parts are edited as text, by inserting new
 * elements, so everything already there stays exactly as it was. Namespace prefixes are found,
 * not assumed ("x:sheet" as well as "sheet").
 */

/** A workbook package that cannot be read or extended (as opposed to a model that cannot be written). */
export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackageError";
  }
}

// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function replaceLoneSurrogates(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

/** Text as element content or an attribute value (quotes escaped too). */
export function escapeXml(s: string): string {
  return replaceLoneSurrogates(s)
    .replace(INVALID_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/**
 * Cell text as Excel stores it in a string item: `_xHHHH_` escapes for the characters XML cannot
 * hold (and for carriage returns, which XML would fold into line feeds), a literal `_xHHHH_`
 * kept by escaping its underscore; then XML escapes.
 */
// eslint-disable-next-line no-control-regex
const CELL_TEXT_SPECIAL = /[&<>_\u0000-\u001f\ud800-\udfff\ufffe\uffff]/;

export function escapeCellText(s: string): string {
  if (!CELL_TEXT_SPECIAL.test(s)) return s;
  const excel = replaceLoneSurrogates(s)
    .replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  return excel.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Reverses Excel's `_xHHHH_` escapes in cell text read from a file. */
export function unescapeCellText(s: string): string {
  if (!s.includes("_x")) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

export function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (m, e: string) => {
    switch (e) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default: {
        // a reference to no character (&#x110000;, &#0;, a surrogate) is not text: U+FFFD, as a decoder does
        const cp = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : "\ufffd";
      }
    }
  });
}

/** The attributes of a start tag, values unescaped. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  const body = tag.replace(/^<[\w:.-]+/, "");
  while ((m = re.exec(body))) out[m[1]] = unescapeXml(m[3] ?? m[4] ?? "");
  return out;
}

/** The prefix ("x:" or "") bound to `ns` in the part, or null when the namespace is not declared. */
export function prefixOf(xml: string, ns: string): string | null {
  const esc = ns.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = new RegExp(`xmlns(?::([\\w.-]+))?\\s*=\\s*["']${esc}["']`).exec(xml);
  if (!m) return null;
  return m[1] ? `${m[1]}:` : "";
}

/** Every start tag (self-closing or not) of element `name` (with its prefix). */
export function startTags(xml: string, qname: string): string[] {
  const re = new RegExp(`<${qname.replace(/[.:]/g, "\\$&")}(?=[\\s/>])[^>]*>`, "g");
  return xml.match(re) ?? [];
}

export interface Section {
  /** index of "<" of the start tag */
  start: number;
  /** index just after the start tag */
  openEnd: number;
  /** index of "</" of the end tag (= openEnd for a self-closing element) */
  closeStart: number;
  /** index just after the element */
  end: number;
  startTag: string;
  selfClosing: boolean;
}

/** The first element `qname` (not nested in itself), or null. */
export function section(xml: string, qname: string, from = 0): Section | null {
  const open = new RegExp(`<${qname.replace(/[.:]/g, "\\$&")}(?=[\\s/>])[^>]*>`, "g");
  open.lastIndex = from;
  const m = open.exec(xml);
  if (!m) return null;
  const start = m.index;
  const openEnd = start + m[0].length;
  if (m[0].endsWith("/>")) return { start, openEnd, closeStart: openEnd, end: openEnd, startTag: m[0], selfClosing: true };
  const close = `</${qname}>`;
  const closeStart = xml.indexOf(close, openEnd);
  if (closeStart < 0) throw new PackageError(`XML 不完整：缺少 ${close}（malformed XML）`);
  return { start, openEnd, closeStart, end: closeStart + close.length, startTag: m[0], selfClosing: false };
}

/**
 * Appends `children` at the end of the first element `qname` (turning `<a/>` into `<a>…</a>`),
 * optionally setting its count attribute. Everything else in the part is left as it was.
 */
export function extendElement(xml: string, qname: string, children: string, count?: number): string {
  const s = section(xml, qname);
  if (!s) throw new PackageError(`XML 缺少元素 <${qname}>（element not found）`);
  let tag = s.startTag;
  if (count !== undefined) tag = setAttribute(tag, "count", String(count));
  if (s.selfClosing) {
    return xml.slice(0, s.start) + tag.replace(/\s*\/>$/, ">") + children + `</${qname}>` + xml.slice(s.end);
  }
  return xml.slice(0, s.start) + tag + xml.slice(s.openEnd, s.closeStart) + children + xml.slice(s.closeStart);
}

/** Sets (or adds) an attribute in a start tag. */
export function setAttribute(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escapeXml(value)}"`);
  return tag.replace(/\s*(\/?)>$/, ` ${name}="${escapeXml(value)}"$1>`);
}

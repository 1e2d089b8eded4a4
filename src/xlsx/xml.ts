/**
 * Escaping and unescaping of XML text and of Excel's `_xHHHH_` cell-text escapes, and the error
 * of a package that cannot be read. (The package parts themselves are parsed and edited with a
 * real XML parser, ./parts.ts — never with regular expressions.)
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
  return s.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    "\ufffd"
  );
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
    .replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]/g,
      (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
    );
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
        return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff)
          ? String.fromCodePoint(cp)
          : "\ufffd";
      }
    }
  });
}

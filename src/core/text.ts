/** Text normalisation shared by header matching, enum matching and number parsing. */

/** Full-width ASCII (U+FF01–U+FF5E) → half-width; ideographic space → space. */
const WIDE = /[\uff01-\uff5e\u3000]/;

export function toHalfWidth(s: string): string {
  if (!WIDE.test(s)) return s;
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

/**
 * The key used to compare a header or an enumerated value with the accepted names:
 * trimmed, inner white space removed, full-width → half-width, lower case.
 */
export function normKey(s: string): string {
  return toHalfWidth(s).replace(/\s+/g, "").toLowerCase();
}

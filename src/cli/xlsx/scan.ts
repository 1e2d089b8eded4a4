/**
 * A small streaming XML scanner for the parts the CLI reads cell by cell (worksheets, shared
 * strings): text arrives in chunks, markup is reported as it completes, nothing of the part is
 * kept beyond the current tag. Element names are reported without their namespace prefix.
 * Comments and processing instructions are skipped; CDATA is text.
 */

export interface ScanHandler {
  open(name: string, tag: string, selfClosing: boolean): void;
  close(name: string): void;
  /** raw text (entities not yet decoded) */
  text(raw: string): void;
}

function localName(tag: string, from: number): string {
  let end = from;
  while (end < tag.length) {
    const ch = tag.charCodeAt(end);
    // space, tab, CR, LF, "/", ">"
    if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47 || ch === 62) break;
    end++;
  }
  const q = tag.slice(from, end);
  const colon = q.indexOf(":");
  return colon < 0 ? q : q.slice(colon + 1);
}

/** The end of a start or end tag beginning at `lt` ("<"): the index of its ">", quotes respected; -1 = not complete yet. */
function tagEnd(s: string, lt: number): number {
  let gt = s.indexOf(">", lt);
  while (gt >= 0) {
    // fast path: no quote in the tag, or the quotes before ">" are balanced
    let dq = 0;
    let sq = 0;
    for (let i = lt; i < gt; i++) {
      const ch = s.charCodeAt(i);
      if (ch === 34 && sq % 2 === 0) dq++;
      else if (ch === 39 && dq % 2 === 0) sq++;
    }
    if (dq % 2 === 0 && sq % 2 === 0) return gt;
    gt = s.indexOf(">", gt + 1);
  }
  return -1;
}

export class XmlScanner {
  private buf = "";

  constructor(private h: ScanHandler) {}

  feed(chunk: string): void {
    const s = this.buf.length > 0 ? this.buf + chunk : chunk;
    let pos = 0;
    for (;;) {
      const lt = s.indexOf("<", pos);
      if (lt < 0) {
        if (pos < s.length) this.h.text(s.slice(pos));
        pos = s.length;
        break;
      }
      if (lt > pos) this.h.text(s.slice(pos, lt));
      pos = lt;
      const next = s.charCodeAt(lt + 1);
      if (next === 33 /* ! */) {
        if (s.startsWith("<!--", lt)) {
          const e = s.indexOf("-->", lt + 4);
          if (e < 0) break;
          pos = e + 3;
          continue;
        }
        if (s.startsWith("<![CDATA[", lt)) {
          const e = s.indexOf("]]>", lt + 9);
          if (e < 0) break;
          this.h.text(s.slice(lt + 9, e).replace(/&/g, "&amp;").replace(/</g, "&lt;"));
          pos = e + 3;
          continue;
        }
        if (s.length < lt + 9) break;
        const e = tagEnd(s, lt);
        if (e < 0) break;
        pos = e + 1;
        continue;
      }
      if (next === 63 /* ? */) {
        const e = s.indexOf("?>", lt + 2);
        if (e < 0) break;
        pos = e + 2;
        continue;
      }
      if (Number.isNaN(next)) break;
      const e = tagEnd(s, lt);
      if (e < 0) break;
      const tag = s.slice(lt, e + 1);
      if (next === 47 /* / */) this.h.close(localName(tag, 2));
      else {
        const selfClosing = tag.charCodeAt(tag.length - 2) === 47;
        const name = localName(tag, 1);
        this.h.open(name, tag, selfClosing);
        if (selfClosing) this.h.close(name);
      }
      pos = e + 1;
    }
    this.buf = pos < s.length ? s.slice(pos) : "";
  }

  end(): void {
    if (this.buf.trim() !== "") throw new Error("XML 部件不完整（truncated XML）");
  }
}

/** The value of attribute `name` (without prefix handling) in a start tag, raw; undefined when absent. */
export function attr(tag: string, name: string): string | undefined {
  let i = tag.indexOf(` ${name}=`);
  if (i < 0) {
    const m = new RegExp(`[\\s]${name}\\s*=`).exec(tag);
    if (!m) return undefined;
    i = m.index;
  }
  const eq = tag.indexOf("=", i);
  let q = eq + 1;
  while (tag[q] === " " || tag[q] === "\t" || tag[q] === "\n" || tag[q] === "\r") q++;
  const quote = tag[q];
  if (quote !== '"' && quote !== "'") return undefined;
  const end = tag.indexOf(quote, q + 1);
  return end < 0 ? undefined : tag.slice(q + 1, end);
}

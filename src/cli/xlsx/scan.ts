/**
 * A small streaming XML scanner over bytes, for the parts the CLI reads cell by cell
 * (worksheets, shared strings). The inflated UTF-8 arrives in chunks; markup is reported as it
 * completes, by position in the current buffer, so nothing is decoded into strings but what the
 * handler asks for (a cell's value, an attribute) and nothing of the part is kept beyond the
 * current tag. Element names are compared without their namespace prefix. Comments,
 * processing instructions and the DOCTYPE are skipped; CDATA is text (escaped on the way, so
 * every text the handler sees is XML text).
 *
 * The handler must not keep `buf` beyond the call: it is reused for the next chunk.
 */

export interface ByteScanHandler {
  /** a start tag `<name …>` at buf[start..end] (end: index of ">"); `name` is the local name */
  open(name: string, buf: Buffer, start: number, end: number, selfClosing: boolean): void;
  close(name: string): void;
  /** raw XML text buf[start..end) (entities not yet decoded) */
  text(buf: Buffer, start: number, end: number): void;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QMARK = 0x3f;
const COLON = 0x3a;
const DQ = 0x22;
const SQ = 0x27;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

/** buf[start..end) as latin1 (exact for ASCII). */
export function latin1(buf: Buffer, start: number, end: number): string {
  return buf.toString("latin1", start, end);
}

/** buf[start..end) as UTF-8. */
export function utf8(buf: Buffer, start: number, end: number): string {
  return buf.toString("utf8", start, end);
}

/**
 * Local names of elements, without their prefix: the short ones the readers look at (c, v, t,
 * si, row, rPh …) one string each, found by their bytes; a longer one (sheetData …, once or
 * twice a part) is decoded.
 */
class Names {
  /** one-letter ASCII names by their byte */
  private readonly one: (string | undefined)[] = [];
  /** names of two to four ASCII letters, by their bytes as one number */
  private readonly short = new Map<number, string>();

  get(buf: Buffer, from: number, to: number): string {
    let start = from;
    for (let i = from; i < to; i++) if (buf[i] === COLON) start = i + 1;
    const n = to - start;
    if (n === 1) {
      const b = buf[start];
      if (b < 0x80) return this.one[b] ?? (this.one[b] = String.fromCharCode(b));
    }
    if (n >= 2 && n <= 4) {
      let key = n;
      let ascii = true;
      for (let i = start; i < to; i++) {
        if (buf[i] >= 0x80) ascii = false;
        key = key * 256 + buf[i];
      }
      if (ascii) {
        let s = this.short.get(key);
        if (s === undefined) this.short.set(key, (s = latin1(buf, start, to)));
        return s;
      }
    }
    return utf8(buf, start, to);
  }
}

/**
 * The end of a tag: the index of its ">", quotes respected, searched from `from` in quote state
 * `quote` (0 outside quotes, else the open quote's byte). Not complete yet: a negative number,
 * -1 - the quote state at `len` ({@link openQuote} reads it back), so that the search goes on
 * from there when more bytes come.
 */
function tagEnd(buf: Buffer, from: number, len: number, quote: number): number {
  for (let i = from; i < len; i++) {
    const b = buf[i];
    if (quote !== 0) {
      if (b === quote) quote = 0;
    } else if (b === GT) return i;
    else if (b === DQ || b === SQ) quote = b;
  }
  return -1 - quote;
}

/** The quote state of an incomplete tag, from what {@link tagEnd} answered for it. */
function openQuote(notFound: number): number {
  return -1 - notFound;
}

function indexOfSeq(buf: Buffer, seq: string, from: number, len: number): number {
  const i = buf.indexOf(seq, from, "latin1");
  return i < 0 || i + seq.length > len ? -1 : i;
}

function startsWithAt(buf: Buffer, seq: string, at: number, len: number): boolean {
  if (at + seq.length > len) return false;
  for (let i = 0; i < seq.length; i++) if (buf[at + i] !== seq.charCodeAt(i)) return false;
  return true;
}

const ESCAPE_AMP = /&/g;
const ESCAPE_LT = /</g;

/** A name longer than this is not a SpreadsheetML element (and is not scanned again for every chunk). */
const MAX_NAME = 1024;
/** One tag, text or comment longer than this (bytes) is not a real worksheet's (a cell holds 32,767 characters). */
const MAX_TOKEN = 32 << 20;

export class ByteXmlScanner {
  /** unconsumed bytes: buf[0..len) */
  private buf: Buffer = Buffer.alloc(0);
  private len = 0;
  private readonly names = new Names();
  /**
   * How far into the unfinished construct at buf[0] the last chunk already looked without
   * finding its end (and, for a tag, in which quote state): the search goes on from there, so
   * a long text or tag split over many chunks is read once, not again for every chunk.
   */
  private scanned = 0;
  private quote = 0;

  constructor(private readonly h: ByteScanHandler) {}

  /** Appends `chunk` to what is left over (growing the buffer only when it must). */
  private append(chunk: Buffer): void {
    if (this.len === 0) {
      this.buf = chunk;
      this.len = chunk.length;
      return;
    }
    const need = this.len + chunk.length;
    if (need > this.buf.length || this.buf.buffer === chunk.buffer) {
      const next = Buffer.allocUnsafe(Math.max(need, this.len * 2));
      this.buf.copy(next, 0, 0, this.len);
      this.buf = next;
    }
    chunk.copy(this.buf, this.len);
    this.len = need;
  }

  feed(chunk: Buffer): void {
    this.append(chunk);
    const buf = this.buf;
    const len = this.len;
    const h = this.h;
    let pos = 0;
    // what the previous chunk scanned of the construct at buf[0] (only for the first one here)
    let skip = this.scanned;
    let quote = this.quote;
    this.scanned = 0;
    this.quote = 0;
    for (;;) {
      // the texts between tags are short (cell values): a loop beats a native search here
      // (a text left unfinished by the last chunk: on from where that one stopped)
      let lt = skip > 0 && buf[pos] !== LT ? pos + skip : pos;
      while (lt < len && buf[lt] !== LT) lt++;
      if (lt >= len) {
        // text without its end yet: wait for the next chunk
        this.scanned = len - pos;
        break;
      }
      if (lt > pos) h.text(buf, pos, lt);
      if (lt > pos) skip = 0;
      pos = lt;
      if (lt + 1 >= len) break;
      const next = buf[lt + 1];
      if (next === BANG) {
        if (startsWithAt(buf, "<!--", lt, len)) {
          const e = indexOfSeq(buf, "-->", Math.max(lt + 4, lt + skip - 2), len);
          if (e < 0) {
            this.scanned = len - lt;
            break;
          }
          pos = e + 3;
          skip = 0;
          continue;
        }
        if (startsWithAt(buf, "<![CDATA[", lt, len)) {
          const e = indexOfSeq(buf, "]]>", Math.max(lt + 9, lt + skip - 2), len);
          if (e < 0) {
            this.scanned = len - lt;
            break;
          }
          const raw = utf8(buf, lt + 9, e)
            .replace(ESCAPE_AMP, "&amp;")
            .replace(ESCAPE_LT, "&lt;");
          const b = Buffer.from(raw, "utf8");
          h.text(b, 0, b.length);
          pos = e + 3;
          skip = 0;
          continue;
        }
        if (lt + 9 > len) break;
        const e = tagEnd(buf, Math.max(lt + 1, lt + skip), len, quote);
        if (e < 0) {
          this.scanned = len - lt;
          this.quote = openQuote(e);
          break;
        }
        pos = e + 1;
        skip = 0;
        quote = 0;
        continue;
      }
      if (next === QMARK) {
        const e = indexOfSeq(buf, "?>", Math.max(lt + 2, lt + skip - 1), len);
        if (e < 0) {
          this.scanned = len - lt;
          break;
        }
        pos = e + 2;
        skip = 0;
        continue;
      }
      // the name, then the rest of the tag up to its ">" (quotes respected)
      const ns = next === SLASH ? lt + 2 : lt + 1;
      let ne = ns;
      while (ne < len) {
        const b = buf[ne];
        if (b === GT || b === SLASH || b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) break;
        ne++;
      }
      if (ne - ns > MAX_NAME)
        throw new Error(`XML 元素名过长（element name longer than ${MAX_NAME} bytes）`);
      const e = ne < len && buf[ne] === GT ? ne : tagEnd(buf, Math.max(ne, lt + skip), len, quote);
      if (e < 0) {
        // the name may not be complete yet: only what follows a complete one counts as scanned
        if (ne < len) {
          this.scanned = len - lt;
          this.quote = openQuote(e);
        }
        break;
      }
      skip = 0;
      quote = 0;
      const name = this.names.get(buf, ns, ne);
      if (next === SLASH) h.close(name);
      else {
        const selfClosing = buf[e - 1] === SLASH;
        h.open(name, buf, lt, e, selfClosing);
        if (selfClosing) h.close(name);
      }
      pos = e + 1;
    }
    if (len - pos > MAX_TOKEN)
      throw new Error(`XML 部件中有超过 ${MAX_TOKEN >> 20} MB 的单个元素或文本（token too large）`);
    // keep the unconsumed tail at the front of the buffer
    if (pos >= len) {
      this.len = 0;
      this.scanned = 0;
      this.quote = 0;
    } else if (pos > 0) {
      const rest = Buffer.allocUnsafe(len - pos + (1 << 18));
      buf.copy(rest, 0, pos, len);
      this.buf = rest;
      this.len = len - pos;
    }
  }

  end(): void {
    for (let i = 0; i < this.len; i++)
      if (!isSpace(this.buf[i])) throw new Error("XML 部件不完整（truncated XML）");
  }
}

/**
 * A walk over the attributes of a start tag buf[start..end]: {@link AttrWalk.next} until it
 * answers false; meanwhile the name (local part from `local`) and the value of the attribute
 * reached are at these positions. One walk for every reader of attributes.
 */
class AttrWalk {
  private i: number;
  /** the attribute reached: its name buf[name..nameEnd), local part from `local`, value buf[value..valueEnd) */
  name = 0;
  local = 0;
  nameEnd = 0;
  value = 0;
  valueEnd = 0;

  constructor(
    private readonly buf: Buffer,
    start: number,
    private readonly end: number
  ) {
    let i = start + 1;
    // skip the element name
    while (i < end && !isSpace(buf[i]) && buf[i] !== SLASH) i++;
    this.i = i;
  }

  next(): boolean {
    const buf = this.buf;
    const end = this.end;
    let i = this.i;
    while (i < end) {
      while (i < end && isSpace(buf[i])) i++;
      const ns = i;
      while (i < end && buf[i] !== 0x3d /* = */ && !isSpace(buf[i]) && buf[i] !== SLASH) i++;
      const ne = i;
      while (i < end && isSpace(buf[i])) i++;
      if (i >= end || buf[i] !== 0x3d) {
        if (i === ns) i++;
        continue;
      }
      i++;
      while (i < end && isSpace(buf[i])) i++;
      const q = buf[i];
      if (q !== DQ && q !== SQ) break;
      let ve = i + 1;
      while (ve < end && buf[ve] !== q) ve++;
      let ls = ns;
      for (let k = ns; k < ne; k++) if (buf[k] === COLON) ls = k + 1;
      this.name = ns;
      this.local = ls;
      this.nameEnd = ne;
      this.value = i + 1;
      this.valueEnd = ve;
      this.i = ve + 1;
      return true;
    }
    this.i = end;
    return false;
  }
}

/** Where a value is in the buffer: buf[start..end). */
export interface Span {
  start: number;
  end: number;
}

/**
 * Where the value of attribute `name` (matched with or without a namespace prefix) is in the
 * start tag buf[start..end]; null when absent.
 */
export function attrValue(buf: Buffer, start: number, end: number, name: string): Span | null {
  const n = name.length;
  const at = new AttrWalk(buf, start, end);
  next: while (at.next()) {
    if (at.nameEnd - at.local !== n) continue;
    for (let k = 0; k < n; k++) if (buf[at.local + k] !== name.charCodeAt(k)) continue next;
    return { start: at.value, end: at.valueEnd };
  }
  return null;
}

/** Where {@link cellAttrs} found the r, t and s attributes' values (start and end; -1 when absent). */
export interface CellAttrs {
  r: number;
  rEnd: number;
  t: number;
  tEnd: number;
  s: number;
  sEnd: number;
}

/**
 * The r, t and s attributes of a `<c>` tag buf[start..end] in one walk over it (a worksheet has a
 * `<c>` per cell). Names are matched by their local part, as {@link attrValue} does.
 */
export function cellAttrs(buf: Buffer, start: number, end: number): CellAttrs {
  const out: CellAttrs = { r: -1, rEnd: -1, t: -1, tEnd: -1, s: -1, sEnd: -1 };
  const at = new AttrWalk(buf, start, end);
  while (at.next()) {
    if (at.nameEnd - at.local !== 1) continue;
    const ch = buf[at.local];
    if (ch === 0x72 && out.r < 0) {
      out.r = at.value;
      out.rEnd = at.valueEnd;
    } else if (ch === 0x74 && out.t < 0) {
      out.t = at.value;
      out.tEnd = at.valueEnd;
    } else if (ch === 0x73 && out.s < 0) {
      out.s = at.value;
      out.sEnd = at.valueEnd;
    }
  }
  return out;
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * buf[start..end) read as a plain decimal number — an optional "-", digits, an optional "." and
 * digits, at most 15 digits in all (surrounding spaces allowed) — or NaN when it is anything
 * else. The same double as Number() of the text: the digits make an exact whole number m below
 * 10^15 and m ÷ 10^k is rounded once, to the double nearest the decimal, as Number() rounds it.
 */
export function decimalAt(buf: Buffer, start: number, end: number): number {
  while (start < end && isSpace(buf[start])) start++;
  while (end > start && isSpace(buf[end - 1])) end--;
  let neg = false;
  if (start < end && buf[start] === 0x2d) {
    neg = true;
    start++;
  }
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (let i = start; i < end; i++) {
    const b = buf[i];
    if (b === 0x2e && frac < 0) {
      frac = 0;
      continue;
    }
    const d = b - 0x30;
    if (d < 0 || d > 9 || ++digits > 15) return NaN;
    m = m * 10 + d;
    if (frac >= 0) frac++;
  }
  if (digits === 0) return NaN;
  const v = frac > 0 ? m / POW10[frac] : m;
  return neg ? -v : v;
}

/**
 * buf[start..end) read as a whole number of at most 15 digits (surrounding spaces allowed), or
 * -1 when it is anything else.
 */
export function digitsAt(buf: Buffer, start: number, end: number): number {
  while (start < end && isSpace(buf[start])) start++;
  while (end > start && isSpace(buf[end - 1])) end--;
  if (end === start || end - start > 15) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = buf[i] - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

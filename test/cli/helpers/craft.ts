/**
 * Workbooks and archives made byte by byte at test time (no large files committed): a zip
 * writer that writes whatever it is told (wrong CRCs and sizes, duplicate names, data
 * descriptors, Zip64 fields), and a minimal SpreadsheetML workbook in its variants (Strict,
 * prefixes, 1904, styles, shared strings).
 */
import * as zlib from "zlib";

export interface CraftEntry {
  name: string;
  data: Buffer | string;
  /** 0 stored, 8 deflated (default) */
  method?: number;
  /** override what the headers say */
  crc?: number;
  size?: number;
  /** compressed bytes to store instead of the data deflated */
  raw?: Buffer;
  /** sizes and CRC in a data descriptor after the data (local header fields 0) */
  descriptor?: boolean;
  /** sizes in a Zip64 extra field (header fields 0xFFFFFFFF) */
  zip64?: boolean;
  flags?: number;
}

export function crc32(b: Buffer): number {
  return zlib.crc32(b) >>> 0;
}

/** A zip archive of `entries`, written as told. */
export function craftZip(entries: CraftEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = typeof e.data === "string" ? Buffer.from(e.data, "utf8") : e.data;
    const method = e.method ?? 8;
    const raw = e.raw ?? (method === 8 ? zlib.deflateRawSync(data) : data);
    const crc = e.crc ?? crc32(data);
    const size = e.size ?? data.length;
    const name = Buffer.from(e.name, "utf8");
    const flags = (e.flags ?? 0x0800) | (e.descriptor ? 0x0008 : 0);
    const extra = e.zip64 ? Buffer.alloc(20) : Buffer.alloc(0);
    if (e.zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(raw.length), 12);
    }
    const fields = (h: Buffer, at: number, local: boolean) => {
      h.writeUInt16LE(e.zip64 ? 45 : 20, at);
      h.writeUInt16LE(flags, at + 2);
      h.writeUInt16LE(method, at + 4);
      h.writeUInt16LE(0, at + 6);
      h.writeUInt16LE(0x21, at + 8);
      const hide = local && e.descriptor;
      h.writeUInt32LE(hide ? 0 : crc, at + 10);
      h.writeUInt32LE(hide ? 0 : e.zip64 ? 0xffffffff : raw.length, at + 14);
      h.writeUInt32LE(hide ? 0 : e.zip64 ? 0xffffffff : size, at + 18);
      h.writeUInt16LE(name.length, at + 22);
      h.writeUInt16LE(extra.length, at + 24);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4, true);
    parts.push(local, name, extra, raw);
    let len = 30 + name.length + extra.length + raw.length;
    if (e.descriptor) {
      const d = Buffer.alloc(16);
      d.writeUInt32LE(0x08074b50, 0);
      d.writeUInt32LE(crc, 4);
      d.writeUInt32LE(raw.length, 8);
      d.writeUInt32LE(size, 12);
      parts.push(d);
      len += 16;
    }
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    fields(c, 6, false);
    c.writeUInt32LE(offset, 42);
    central.push(c, name, extra);
    offset += len;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

export const T = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  ct: "http://schemas.openxmlformats.org/package/2006/content-types",
};
export const STRICT = {
  main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  rel: "http://purl.oclc.org/ooxml/officeDocument/relationships",
};

export interface BookOptions {
  /** worksheet XML inside <sheetData> per sheet, by sheet name */
  sheets?: Record<string, string>;
  sharedStrings?: string[] | string;
  strict?: boolean;
  /** element prefix ("x") for every SpreadsheetML part */
  prefix?: string;
  date1904?: boolean;
  /** styles.xml's whole text (else a small one with a date format at cellXfs index 1) */
  styles?: string | null;
  /** extra text inside <workbook> after <sheets> */
  workbookExtra?: string;
  /** replace a generated part's text */
  override?: Record<string, string>;
  /** more entries */
  extra?: CraftEntry[];
  /** per entry tweaks, by name */
  tweak?: Record<string, Partial<CraftEntry>>;
}

/** The entries of a minimal workbook (sheets in order, cellXfs 1 = yyyy-mm-dd). */
export function bookEntries(o: BookOptions = {}): CraftEntry[] {
  const ns = o.strict ? STRICT : T;
  const p = o.prefix ? `${o.prefix}:` : "";
  const x = o.prefix ? `xmlns:${o.prefix}="${ns.main}"` : `xmlns="${ns.main}"`;
  const sheets = o.sheets ?? {
    客户经理: '<row r="1"><c r="A1" t="inlineStr"><is><t>员工号</t></is></c></row>',
  };
  const names = Object.keys(sheets);
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  const wb =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}workbook ${x} xmlns:r="${ns.rel}">` +
    (o.date1904 ? `<${p}workbookPr date1904="1"/>` : "") +
    `<${p}sheets>${names.map((n, i) => `<${p}sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</${p}sheets>` +
    (o.workbookExtra ?? "") +
    `</${p}workbook>`;
  const styles =
    o.styles === undefined
      ? `<?xml version="1.0"?><${p}styleSheet ${x}><${p}numFmts count="1"><${p}numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></${p}numFmts>` +
        `<${p}fonts count="1"><${p}font><${p}sz val="11"/></${p}font></${p}fonts><${p}fills count="1"><${p}fill/></${p}fills><${p}borders count="1"><${p}border/></${p}borders>` +
        `<${p}cellXfs count="3"><${p}xf numFmtId="0"/><${p}xf numFmtId="164" applyNumberFormat="1"/><${p}xf numFmtId="14"/></${p}cellXfs></${p}styleSheet>`
      : o.styles;
  const ss =
    o.sharedStrings === undefined
      ? null
      : typeof o.sharedStrings === "string"
        ? o.sharedStrings
        : `<?xml version="1.0"?><${p}sst ${x}>${o.sharedStrings.map((s) => `<${p}si><${p}t xml:space="preserve">${s}</${p}t></${p}si>`).join("")}</${p}sst>`;
  const rels =
    `<?xml version="1.0"?><Relationships xmlns="${T.pkgRel}">` +
    names
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="${ns.rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
      )
      .join("") +
    (styles !== null ? `<Relationship Id="rS" Type="${ns.rel}/styles" Target="styles.xml"/>` : "") +
    (ss !== null
      ? `<Relationship Id="rT" Type="${ns.rel}/sharedStrings" Target="sharedStrings.xml"/>`
      : "") +
    "</Relationships>";
  const ct =
    `<?xml version="1.0"?><Types xmlns="${T.ct}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    names
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
      )
      .join("") +
    "</Types>";
  const parts: Record<string, string> = {
    "[Content_Types].xml": ct,
    "_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="${T.pkgRel}"><Relationship Id="rId1" Type="${ns.rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": wb,
    "xl/_rels/workbook.xml.rels": rels,
  };
  if (styles !== null) parts["xl/styles.xml"] = styles;
  if (ss !== null) parts["xl/sharedStrings.xml"] = ss;
  names.forEach((n, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] =
      `<?xml version="1.0"?><${p}worksheet ${x} xmlns:r="${ns.rel}"><${p}sheetData>${sheets[n]}</${p}sheetData></${p}worksheet>`;
  });
  Object.assign(parts, o.override ?? {});
  const entries: CraftEntry[] = Object.entries(parts).map(([name, data]) => ({
    name,
    data,
    ...(o.tweak?.[name] ?? {}),
  }));
  return [...entries, ...(o.extra ?? [])];
}

export function craftBook(o: BookOptions = {}): Buffer {
  return craftZip(bookEntries(o));
}

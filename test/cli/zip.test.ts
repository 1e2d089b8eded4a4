/**
 * The CLI's zip container (src/cli/xlsx/zip.ts), checked against an independent implementation
 * (JSZip): archives JSZip writes (deflated, stored, with data descriptors) are read back exactly,
 * archives we write are read by JSZip, copied entries keep their compressed bytes, and damage is
 * a ZipError, never wrong content.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import JSZip from "jszip";
import { ZipError, ZipReader, ZipWriter, dosDateTime } from "../../src/cli/xlsx/zip";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "cm-zip-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Text with multi-byte characters spread over many inflate chunks. */
function bigText(n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++)
    parts.push(
      `<row r="${i + 1}"><c t="inlineStr"><is><t>客户经理${i}号 · 贷款余额 ${i * 7}</t></is></c></row>`
    );
  return parts.join("");
}

async function jszipArchive(streamFiles: boolean): Promise<Buffer> {
  const z = new JSZip();
  z.file("[Content_Types].xml", "<Types/>");
  z.file("xl/worksheets/sheet1.xml", bigText(20_000));
  z.file("stored.txt", "不压缩 stored", { compression: "STORE" });
  z.file("empty.xml", "");
  return z.generateAsync({ type: "nodebuffer", compression: "DEFLATE", streamFiles });
}

describe("ZipReader", () => {
  test.each([false, true])(
    "reads every entry JSZip wrote (data descriptors: %s), whole and in chunks",
    async (streamFiles) => {
      const r = ZipReader.open(await jszipArchive(streamFiles));
      expect(r.entries.map((e) => e.name).filter((n) => !n.endsWith("/"))).toEqual([
        "[Content_Types].xml",
        "xl/worksheets/sheet1.xml",
        "stored.txt",
        "empty.xml",
      ]);
      expect(r.text(r.get("[Content_Types].xml")!)).toBe("<Types/>");
      expect(r.text(r.get("stored.txt")!)).toBe("不压缩 stored");
      expect(r.text(r.get("empty.xml")!)).toBe("");
      const sheet = r.get("xl/worksheets/sheet1.xml")!;
      expect(r.text(sheet)).toBe(bigText(20_000));
      const chunks: Buffer[] = [];
      // small compressed pieces: many inflated pieces (each copied: the reader may reuse its buffers)
      await r.chunks(sheet, (c) => chunks.push(Buffer.from(c)), 997);
      expect(chunks.length).toBeGreaterThan(10);
      expect(Buffer.concat(chunks).toString("utf8")).toBe(bigText(20_000));
      const stored: Buffer[] = [];
      await r.chunks(r.get("stored.txt")!, (c) => stored.push(Buffer.from(c)), 5);
      expect(stored.length).toBe(4);
      expect(Buffer.concat(stored).toString("utf8")).toBe("不压缩 stored");
    }
  );

  test("a changed byte in an entry is a ZipError (CRC), not different content", async () => {
    const buf = await jszipArchive(false);
    const r0 = ZipReader.open(buf);
    const e = r0.get("stored.txt")!;
    const raw = r0.raw(e);
    const at = buf.indexOf(raw);
    const bad = Buffer.from(buf);
    bad[at] ^= 0x01;
    const r = ZipReader.open(bad);
    expect(() => r.text(r.get("stored.txt")!)).toThrow(ZipError);
    await expect(r.chunks(r.get("stored.txt")!, () => undefined)).rejects.toThrow(ZipError);
  });

  test("a damaged deflate stream is a ZipError", async () => {
    const buf = await jszipArchive(false);
    const r0 = ZipReader.open(buf);
    const raw = r0.raw(r0.get("xl/worksheets/sheet1.xml")!);
    const at = buf.indexOf(raw);
    const bad = Buffer.from(buf);
    bad.fill(0xff, at + 100, at + 200);
    const r = ZipReader.open(bad);
    await expect(r.chunks(r.get("xl/worksheets/sheet1.xml")!, () => undefined)).rejects.toThrow(
      ZipError
    );
    expect(() => r.bytes(r.get("xl/worksheets/sheet1.xml")!)).toThrow(ZipError);
  });

  test("not a zip, or cut short: a ZipError", async () => {
    expect(() => ZipReader.open(Buffer.from("PK\u0003\u0004 but nothing else"))).toThrow(ZipError);
    const buf = await jszipArchive(false);
    expect(() => ZipReader.open(buf.subarray(0, buf.length - 30))).toThrow(ZipError);
  });

  test("an unsupported compression method is named", () => {
    // a one-entry archive with method 12 (bzip2)
    const name = Buffer.from("a.xml");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(12, 8);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(12, 10);
    central.writeUInt16LE(name.length, 28);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(1, 8);
    eocd.writeUInt16LE(1, 10);
    eocd.writeUInt32LE(46 + name.length, 12);
    eocd.writeUInt32LE(30 + name.length, 16);
    const r = ZipReader.open(Buffer.concat([local, name, central, name, eocd]));
    expect(() => r.text(r.get("a.xml")!)).toThrow(/压缩方式 12/);
  });
});

describe("ZipWriter", () => {
  test("JSZip reads what we write: whole entries, streamed entries, copied entries (their compressed bytes unchanged)", async () => {
    const src = ZipReader.open(await jszipArchive(true));
    const p = path.join(dir, "out.zip");
    const w = await ZipWriter.create(p, new Date(2025, 11, 31, 10, 30, 44));
    await w.copy(src, src.get("xl/worksheets/sheet1.xml")!);
    await w.copy(src, src.get("stored.txt")!);
    await w.add("xl/workbook.xml", "<workbook>工作簿</workbook>");
    const pieces = ["<a>", "客户".repeat(50_000), "</a>"];
    await w.addChunks("xl/worksheets/sheet2.xml", pieces);
    await w.addChunks("xl/worksheets/empty.xml", []);
    await w.finish();
    const buf = await fs.readFile(p);

    const z = await JSZip.loadAsync(buf, { checkCRC32: true });
    expect(Object.keys(z.files)).toEqual([
      "xl/worksheets/sheet1.xml",
      "stored.txt",
      "xl/workbook.xml",
      "xl/worksheets/sheet2.xml",
      "xl/worksheets/empty.xml",
    ]);
    expect(await z.file("xl/worksheets/sheet1.xml")!.async("string")).toBe(bigText(20_000));
    expect(await z.file("stored.txt")!.async("string")).toBe("不压缩 stored");
    expect(await z.file("xl/workbook.xml")!.async("string")).toBe("<workbook>工作簿</workbook>");
    expect(await z.file("xl/worksheets/sheet2.xml")!.async("string")).toBe(pieces.join(""));
    expect(await z.file("xl/worksheets/empty.xml")!.async("string")).toBe("");
    const stamp = z.file("xl/workbook.xml")!.date;
    expect([
      stamp.getFullYear(),
      stamp.getMonth(),
      stamp.getDate(),
      stamp.getHours(),
      stamp.getMinutes(),
      stamp.getSeconds(),
    ]).toEqual([2025, 11, 31, 10, 30, 44]);

    const back = ZipReader.open(buf);
    for (const name of ["xl/worksheets/sheet1.xml", "stored.txt"]) {
      expect(back.raw(back.get(name)!).equals(src.raw(src.get(name)!))).toBe(true);
      expect(back.get(name)!.time).toBe(src.get(name)!.time);
    }
    // what we deflate is plain raw deflate, readable by zlib itself
    expect(
      zlib.inflateRawSync(back.raw(back.get("xl/worksheets/sheet2.xml")!)).toString("utf8")
    ).toBe(pieces.join(""));
  });

  test("a chunk source that throws leaves the error to the caller", async () => {
    const p = path.join(dir, "fail.zip");
    const w = await ZipWriter.create(p);
    function* chunks(): Generator<string> {
      yield "<a>";
      throw new Error("无法写入该单元格");
    }
    await expect(w.addChunks("x.xml", chunks())).rejects.toThrow("无法写入该单元格");
    await w.abort();
  });

  test("MS-DOS date and time", () => {
    const { date, time } = dosDateTime(new Date(2026, 0, 5, 9, 30, 59));
    expect(date).toBe(((2026 - 1980) << 9) | (1 << 5) | 5);
    expect(time).toBe((9 << 11) | (30 << 5) | 29);
    expect(dosDateTime(new Date(1970, 0, 1)).date >> 9).toBe(0);
  });
});

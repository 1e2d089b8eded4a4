/**
 * The zip container of an .xlsx (ECMA-376 Part 2 / PKWARE APPNOTE), read and written with
 * Node's own zlib (native inflate/deflate and crc32), for the CLI only.
 *
 * - {@link ZipReader} reads the central directory of a file held in memory (still compressed)
 *   and inflates an entry on demand: whole ({@link ZipReader.bytes}) or piece by piece
 *   ({@link ZipReader.chunks}), so a worksheet of 100,000 rows is never held inflated.
 *   Every inflated entry is checked against its CRC-32.
 * - {@link ZipWriter} writes entries to a file: an entry of another archive is **copied as
 *   it was compressed** (the same bytes, never inflated and deflated again), new entries are
 *   deflated as they stream in.
 *
 * Supported: stored and deflated entries, data descriptors, Zip64 sizes and offsets when
 * reading. Not supported (a {@link ZipError} says so): encryption, other compression methods,
 * multi-disk archives, archives of 4 GB or more to write.
 */
import { promises as fsp } from "fs";
import type { FileHandle } from "fs/promises";
import { Readable } from "stream";
import { pipeline } from "stream/promises";
import * as zlib from "zlib";

export class ZipError extends Error {}

/**
 * Limits that keep a hostile archive cheap (a zip bomb is refused before it is inflated, and
 * an entry that inflates to more than its directory says is stopped there): the inflated size
 * of one entry read whole, of one entry read in pieces (a worksheet), and of all entries of an
 * archive together, as the central directory declares them; and the number of entries.
 */
const ZIP_LIMITS = {
  wholeEntryBytes: 64 << 20,
  streamedEntryBytes: 1 << 30,
  totalBytes: 1 << 30,
  entries: 65_535,
};

const MB = (n: number) => `${Math.round(n / (1 << 20))} MB`;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const STORED = 0;
const DEFLATED = 8;
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;

/** What the central directory says of an entry (read, and written again for a copied entry). */
interface EntryFields {
  /** the name's bytes as stored (kept when the entry is copied) */
  nameBytes: Buffer;
  flags: number;
  method: number;
  /** MS-DOS time and date fields */
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  externalAttrs: number;
}

export interface ZipEntry extends EntryFields {
  /** the entry's name as the archive spells it */
  name: string;
  localOffset: number;
}

/**
 * Buffering of the zlib streams: room for a few MB on each side, so that zlib (in Node's thread
 * pool) works on one piece while this thread makes or reads the next — with the default 16 KB
 * every piece would wait for the one before.
 */
const AHEAD = { highWaterMark: 4 << 20 };

/** `b` in pieces of `n` bytes (views, not copies). */
function* pieces(b: Buffer, n: number): Generator<Buffer> {
  for (let i = 0; i < b.length; i += n) yield b.subarray(i, Math.min(b.length, i + n));
}

function crc32(data: Buffer, prev = 0): number {
  return zlib.crc32(data, prev) >>> 0;
}

/** Zip64 extended information (extra field 0x0001): the 64-bit values of the fields set to 0xFFFFFFFF. */
function zip64Values(
  extra: Buffer,
  need: { size: boolean; compressed: boolean; offset: boolean }
): { size?: number; compressed?: number; offset?: number } {
  let p = 0;
  while (p + 4 <= extra.length) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const out: { size?: number; compressed?: number; offset?: number } = {};
      const take = () => {
        if (q + 8 > p + 4 + len)
          throw new ZipError("Zip64 扩展字段不完整（truncated Zip64 field）");
        const v = Number(extra.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (need.size) out.size = take();
      if (need.compressed) out.compressed = take();
      if (need.offset) out.offset = take();
      return out;
    }
    p += 4 + len;
  }
  return {};
}

export class ZipReader {
  readonly entries: ZipEntry[] = [];
  private readonly byName = new Map<string, ZipEntry>();

  private constructor(private readonly buf: Buffer) {}

  /** Reads the central directory of an archive held in `buf`; a ZipError when it is not a readable zip. */
  static open(buf: Buffer): ZipReader {
    const z = new ZipReader(buf);
    z.readDirectory();
    return z;
  }

  private readDirectory(): void {
    const b = this.buf;
    // the end of central directory record: 22 bytes + a comment of at most 65,535 bytes
    let eocd = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - MAX16); i--) {
      if (b.readUInt32LE(i) === SIG_EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipError("找不到 zip 目录（no end of central directory）");
    if (b.readUInt16LE(eocd + 4) !== 0 || b.readUInt16LE(eocd + 6) !== 0)
      throw new ZipError("不支持分卷 zip（multi-disk archive）");
    let count = b.readUInt16LE(eocd + 10);
    let cdSize = b.readUInt32LE(eocd + 12);
    let cdOffset = b.readUInt32LE(eocd + 16);
    if (
      (count === MAX16 || cdSize === MAX32 || cdOffset === MAX32) &&
      eocd >= 20 &&
      b.readUInt32LE(eocd - 20) === SIG_ZIP64_LOCATOR
    ) {
      const at = Number(b.readBigUInt64LE(eocd - 20 + 8));
      if (at + 56 > b.length || b.readUInt32LE(at) !== SIG_ZIP64_EOCD)
        throw new ZipError("Zip64 目录记录损坏（bad Zip64 end record）");
      count = Number(b.readBigUInt64LE(at + 32));
      cdSize = Number(b.readBigUInt64LE(at + 40));
      cdOffset = Number(b.readBigUInt64LE(at + 48));
    }
    if (cdOffset + cdSize > b.length)
      throw new ZipError("zip 目录超出文件末尾（truncated archive）");
    if (count > ZIP_LIMITS.entries)
      throw new ZipError(
        `zip 部件过多（${count} 个，上限 ${ZIP_LIMITS.entries}；too many entries）`
      );
    let total = 0;
    let p = cdOffset;
    for (let n = 0; n < count; n++) {
      if (p + 46 > b.length || b.readUInt32LE(p) !== SIG_CENTRAL)
        throw new ZipError("zip 目录损坏（bad central directory）");
      const flags = b.readUInt16LE(p + 8);
      const nameLen = b.readUInt16LE(p + 28);
      const extraLen = b.readUInt16LE(p + 30);
      const commentLen = b.readUInt16LE(p + 32);
      const nameBytes = Buffer.from(b.subarray(p + 46, p + 46 + nameLen));
      const extra = b.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
      let compressedSize = b.readUInt32LE(p + 20);
      let size = b.readUInt32LE(p + 24);
      let localOffset = b.readUInt32LE(p + 42);
      if (compressedSize === MAX32 || size === MAX32 || localOffset === MAX32) {
        const z = zip64Values(extra, {
          size: size === MAX32,
          compressed: compressedSize === MAX32,
          offset: localOffset === MAX32,
        });
        size = z.size ?? size;
        compressedSize = z.compressed ?? compressedSize;
        localOffset = z.offset ?? localOffset;
      }
      const entry: ZipEntry = {
        name: nameBytes.toString(flags & FLAG_UTF8 ? "utf8" : "latin1"),
        nameBytes,
        flags,
        method: b.readUInt16LE(p + 10),
        time: b.readUInt16LE(p + 12),
        date: b.readUInt16LE(p + 14),
        crc: b.readUInt32LE(p + 16),
        compressedSize,
        size,
        externalAttrs: b.readUInt32LE(p + 38),
        localOffset,
      };
      total += entry.size;
      if (total > ZIP_LIMITS.totalBytes)
        throw new ZipError(
          `解压后超过 ${MB(ZIP_LIMITS.totalBytes)}（部件 ${entry.name} 处；archive too large when inflated）`
        );
      this.entries.push(entry);
      if (!this.byName.has(entry.name)) this.byName.set(entry.name, entry);
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  /** Entries whose content has been inflated and found to match its CRC-32. */
  readonly verified = new Set<ZipEntry>();

  /** The entry of that exact name. */
  get(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /** The entry's compressed bytes, as stored. */
  raw(e: ZipEntry): Buffer {
    const b = this.buf;
    const at = e.localOffset;
    if (at + 30 > b.length || b.readUInt32LE(at) !== SIG_LOCAL)
      throw new ZipError(`部件 ${e.name} 的位置无效（bad local header）`);
    if (e.flags & FLAG_ENCRYPTED) throw new ZipError(`部件 ${e.name} 已加密（encrypted entry）`);
    const start = at + 30 + b.readUInt16LE(at + 26) + b.readUInt16LE(at + 28);
    const end = start + e.compressedSize;
    if (end > b.length) throw new ZipError(`部件 ${e.name} 超出文件末尾（truncated entry）`);
    return b.subarray(start, end);
  }

  private checkMethod(e: ZipEntry): void {
    if (e.method !== STORED && e.method !== DEFLATED)
      throw new ZipError(
        `部件 ${e.name} 的压缩方式 ${e.method} 不受支持（unsupported compression）`
      );
  }

  private checkResult(e: ZipEntry, size: number, crc: number): void {
    if (size !== e.size || crc !== e.crc)
      throw new ZipError(`部件 ${e.name} 已损坏（CRC or size mismatch）`);
  }

  /** The entry's content, inflated and checked; at most `limit` bytes (a ZipError naming the entry beyond). */
  bytes(e: ZipEntry, limit = ZIP_LIMITS.wholeEntryBytes): Buffer {
    this.checkMethod(e);
    if (e.size > limit)
      throw new ZipError(
        `部件 ${e.name} 解压后 ${MB(e.size)}，超过上限 ${MB(limit)}（entry too large）`
      );
    const raw = this.raw(e);
    let out: Buffer;
    try {
      // never more than the directory says: a bomb stops there
      out =
        e.method === STORED
          ? raw
          : zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size) });
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError)
        throw new ZipError(`部件 ${e.name} 已损坏：解压后大于目录所写的大小（size mismatch）`);
      throw new ZipError(`部件 ${e.name} 已损坏，无法解压（${(err as Error).message}）`);
    }
    this.checkResult(e, out.length, crc32(out));
    this.verified.add(e);
    return out;
  }

  /** The entry's content as UTF-8 text. */
  text(e: ZipEntry): string {
    return this.bytes(e).toString("utf8");
  }

  /**
   * The entry's content, inflated piece by piece (`chunkBytes` of compressed input at a time),
   * each piece handed to `f` (which must not keep it); the CRC is checked at the end.
   */
  async chunks(
    e: ZipEntry,
    f: (chunk: Buffer) => void,
    chunkBytes = 1 << 18,
    limit = ZIP_LIMITS.streamedEntryBytes
  ): Promise<void> {
    this.checkMethod(e);
    if (e.size > limit)
      throw new ZipError(
        `部件 ${e.name} 解压后 ${MB(e.size)}，超过上限 ${MB(limit)}（entry too large）`
      );
    const raw = this.raw(e);
    let size = 0;
    let crc = 0;
    /** the first error of the consumer (the pipeline reports it as an abort) */
    let failure: unknown = null;
    const take = (b: Buffer) => {
      try {
        size += b.length;
        // never more than the directory says: a bomb stops there
        if (size > e.size)
          throw new ZipError(`部件 ${e.name} 已损坏：解压后大于目录所写的大小（size mismatch）`);
        crc = crc32(b, crc);
        f(b);
      } catch (err) {
        failure ??= err;
        throw err;
      }
    };
    if (e.method === STORED) {
      for (const b of pieces(raw, chunkBytes)) take(b);
    } else {
      try {
        await pipeline(
          Readable.from(pieces(raw, chunkBytes)),
          zlib.createInflateRaw({ chunkSize: 1 << 18, ...AHEAD }),
          async (inflated: AsyncIterable<Buffer>) => {
            for await (const b of inflated) take(b);
          }
        );
      } catch (err) {
        if (failure !== null) throw failure;
        if ((err as { code?: string }).code?.startsWith("Z_"))
          throw new ZipError(`部件 ${e.name} 已损坏，无法解压（${(err as Error).message}）`);
        throw err;
      }
    }
    this.checkResult(e, size, crc);
    this.verified.add(e);
  }

  /** Checks an entry's CRC-32 without keeping its content (inflated piece by piece), unless done already. */
  async verify(e: ZipEntry): Promise<void> {
    if (!this.verified.has(e)) await this.chunks(e, () => undefined);
  }
}

/** An entry's text deflated (in memory: a fraction of the text). */
export interface Deflated {
  out: Buffer[];
  size: number;
  crc: number;
  compressedSize: number;
}

/**
 * Deflates text that arrives in chunks: the text never exists whole, only its compressed bytes.
 * zlib works in Node's thread pool, so several entries can be deflated at once while this
 * thread makes their text.
 */
export async function deflateChunks(chunks: Iterable<string>, level = 6): Promise<Deflated> {
  const out: Buffer[] = [];
  let size = 0;
  let crc = 0;
  let compressedSize = 0;
  function* encoded(): Generator<Buffer> {
    for (const c of chunks) {
      const b = Buffer.from(c, "utf8");
      size += b.length;
      crc = crc32(b, crc);
      yield b;
    }
  }
  await pipeline(
    Readable.from(encoded()),
    zlib.createDeflateRaw({ level, chunkSize: 1 << 18, ...AHEAD }),
    async (deflated: AsyncIterable<Buffer>) => {
      for await (const b of deflated) {
        compressedSize += b.length;
        out.push(b);
      }
    }
  );
  return { out, size, crc: crc >>> 0, compressedSize };
}

/** MS-DOS date and time of `d` (local time, 2-second resolution; 1980 at the earliest). */
export function dosDateTime(d: Date): { date: number; time: number } {
  const y = Math.max(1980, d.getFullYear());
  return {
    date: ((y - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
  };
}

/**
 * The fields a local header (at 4) and a central directory header (at 6) share, in the same
 * order: version needed, flags, method, time, date, CRC-32, sizes, name length, extra length (0).
 */
function entryFields(h: Buffer, at: number, w: EntryFields): void {
  h.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
  h.writeUInt16LE(w.flags, at + 2);
  h.writeUInt16LE(w.method, at + 4);
  h.writeUInt16LE(w.time, at + 6);
  h.writeUInt16LE(w.date, at + 8);
  h.writeUInt32LE(w.crc, at + 10);
  h.writeUInt32LE(w.compressedSize, at + 14);
  h.writeUInt32LE(w.size, at + 18);
  h.writeUInt16LE(w.nameBytes.length, at + 22);
  h.writeUInt16LE(0, at + 24);
}

interface Written extends EntryFields {
  offset: number;
}

/** Writes a zip archive to a file, entry by entry; {@link finish} writes the central directory. */
export class ZipWriter {
  private pos = 0;
  private readonly written: Written[] = [];
  private readonly stamp: { date: number; time: number };

  private constructor(
    private readonly fh: FileHandle,
    now: Date
  ) {
    this.stamp = dosDateTime(now);
  }

  /** Creates (or truncates) `path` for writing; `exclusive`: a new file only, with permissions `mode`. */
  static async create(
    path: string,
    now = new Date(),
    opts: { exclusive?: boolean; mode?: number } = {}
  ): Promise<ZipWriter> {
    return new ZipWriter(
      await fsp.open(path, opts.exclusive ? "wx" : "w", opts.mode ?? 0o666),
      now
    );
  }

  /** Appends `parts` to the file, in one call when the system takes them all at once. */
  private async write(...parts: Buffer[]): Promise<void> {
    let rest = parts.filter((b) => b.length > 0);
    while (rest.length > 0) {
      const { bytesWritten } = await this.fh.writev(rest.slice(0, 1024), this.pos);
      this.pos += bytesWritten;
      let n = bytesWritten;
      while (rest.length > 0 && n >= rest[0].length) n -= rest.shift()!.length;
      if (n > 0) rest[0] = rest[0].subarray(n);
    }
  }

  private localHeader(w: EntryFields): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(SIG_LOCAL, 0);
    entryFields(h, 4, w);
    return Buffer.concat([h, w.nameBytes]);
  }

  private checkLimits(what: string, n: number): void {
    if (n >= MAX32) throw new ZipError(`${what} 超过 4 GB，无法写入（entry or archive too large）`);
  }

  /** Copies an entry of another archive as it is stored: the same compressed bytes (under `name`, when given). */
  async copy(from: ZipReader, e: ZipEntry, name?: string): Promise<void> {
    const raw = from.raw(e);
    this.checkLimits(e.name, Math.max(e.size, this.pos + raw.length));
    const nameBytes = name === undefined ? e.nameBytes : Buffer.from(name, "utf8");
    // sizes and CRC go into the local header, so no data descriptor follows
    const w = {
      nameBytes,
      flags: (e.flags & ~FLAG_DATA_DESCRIPTOR) | (name === undefined ? 0 : FLAG_UTF8),
      method: e.method,
      time: e.time,
      date: e.date,
      crc: e.crc,
      compressedSize: raw.length,
      size: e.size,
      externalAttrs: e.externalAttrs,
    };
    const offset = this.pos;
    await this.write(this.localHeader(w), raw);
    this.written.push({ ...w, offset });
  }

  /** Adds an entry from its content, deflated. */
  async add(name: string, data: Buffer | string, level = 6): Promise<void> {
    const b = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    const compressed = zlib.deflateRawSync(b, { level });
    const nameBytes = Buffer.from(name, "utf8");
    const w = {
      nameBytes,
      flags: FLAG_UTF8,
      method: DEFLATED,
      ...this.stamp,
      crc: crc32(b),
      compressedSize: compressed.length,
      size: b.length,
      externalAttrs: 0,
    };
    this.checkLimits(name, Math.max(b.length, this.pos + compressed.length));
    const offset = this.pos;
    await this.write(this.localHeader(w), compressed);
    this.written.push({ ...w, offset });
  }

  /** Adds an entry whose text arrives in chunks, deflated as it comes ({@link deflateChunks}). */
  async addChunks(name: string, chunks: Iterable<string>, level = 6): Promise<void> {
    await this.addDeflated(name, await deflateChunks(chunks, level));
  }

  /**
   * Adds an entry deflated beforehand by {@link deflateChunks} (several can be deflated at once):
   * its header, with the sizes known, and its compressed bytes in one write.
   */
  async addDeflated(name: string, d: Deflated): Promise<void> {
    const nameBytes = Buffer.from(name, "utf8");
    const w = {
      nameBytes,
      flags: FLAG_UTF8,
      method: DEFLATED,
      ...this.stamp,
      crc: d.crc,
      compressedSize: d.compressedSize,
      size: d.size,
      externalAttrs: 0,
    };
    this.checkLimits(name, Math.max(d.size, this.pos + d.compressedSize));
    const offset = this.pos;
    await this.write(this.localHeader(w), ...d.out);
    this.written.push({ ...w, offset });
  }

  /** Writes the central directory and closes the file. */
  async finish(): Promise<void> {
    if (this.written.length >= MAX16) throw new ZipError("部件过多，无法写入（too many entries）");
    const cdStart = this.pos;
    const parts: Buffer[] = [];
    for (const w of this.written) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(SIG_CENTRAL, 0);
      h.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
      entryFields(h, 6, w);
      h.writeUInt32LE(w.externalAttrs, 38);
      h.writeUInt32LE(w.offset, 42);
      parts.push(h, w.nameBytes);
    }
    const cd = Buffer.concat(parts);
    this.checkLimits("zip", cdStart + cd.length);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(SIG_EOCD, 0);
    end.writeUInt16LE(this.written.length, 8);
    end.writeUInt16LE(this.written.length, 10);
    end.writeUInt32LE(cd.length, 12);
    end.writeUInt32LE(cdStart, 16);
    await this.write(cd, end);
    await this.fh.close();
  }

  /** Closes the file without finishing it (after an error). */
  async abort(): Promise<void> {
    await this.fh.close().catch(() => undefined);
  }
}

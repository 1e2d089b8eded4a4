/**
 * The zip container (src/xlsx/zip.ts) as the CLI uses it: entries inflated and deflated by
 * Node's zlib (./nodeCodec.ts), archives written to a file ({@link FileSink}).
 */
import { promises as fsp } from "fs";
import type { FileHandle } from "fs/promises";
import type { Codec } from "../../xlsx/codec";
import { ZipReader as BaseZipReader, ZipWriter as BaseZipWriter } from "../../xlsx/zip";
import type { ZipSink } from "../../xlsx/zip";
import { nodeCodec } from "./nodeCodec";

export { ZipError, dosDateTime } from "../../xlsx/zip";
export type { Deflated, ZipEntry, ZipSink } from "../../xlsx/zip";

/** A file written from its start, piece after piece (several in one system call when it takes them). */
class FileSink implements ZipSink {
  private pos = 0;
  constructor(private readonly fh: FileHandle) {}

  async write(parts: Buffer[]): Promise<void> {
    let rest = parts.filter((b) => b.length > 0);
    while (rest.length > 0) {
      const { bytesWritten } = await this.fh.writev(rest.slice(0, 1024), this.pos);
      this.pos += bytesWritten;
      let n = bytesWritten;
      while (rest.length > 0 && n >= rest[0].length) n -= rest.shift()!.length;
      if (n > 0) rest[0] = rest[0].subarray(n);
    }
  }

  async close(): Promise<void> {
    await this.fh.close();
  }

  async abort(): Promise<void> {
    await this.fh.close().catch(() => undefined);
  }
}

export class ZipReader extends BaseZipReader {
  /** Reads the central directory of an archive held in `buf` (inflated by Node's zlib unless another codec is given). */
  static open(buf: Uint8Array, codec: Codec = nodeCodec): BaseZipReader {
    return BaseZipReader.open(buf, codec);
  }
}

export class ZipWriter extends BaseZipWriter {
  /** Creates (or truncates) `path` for writing; `exclusive`: a new file only, with permissions `mode`. */
  static async create(
    path: string,
    now = new Date(),
    opts: { exclusive?: boolean; mode?: number } = {}
  ): Promise<BaseZipWriter> {
    const fh = await fsp.open(path, opts.exclusive ? "wx" : "w", opts.mode ?? 0o666);
    return new BaseZipWriter(new FileSink(fh), nodeCodec, now);
  }
}

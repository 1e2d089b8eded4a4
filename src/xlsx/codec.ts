/**
 * What the zip container needs of a compression library: raw deflate (RFC 1951) both ways and
 * CRC-32. The CLI's is Node's zlib (src/cli/xlsx/nodeCodec.ts: native, in the thread pool); the
 * offline page's is pako (./pakoCodec.ts: plain JS, Chromium ≥ 86 and Firefox ESR — no
 * CompressionStream "deflate-raw" there). Everything else of the .xlsx layer is the same code.
 */
import { Buffer } from "buffer";

/** The codec could not inflate: the data is not raw deflate, or it inflates to more than allowed. */
export class InflateError extends Error {
  constructor(
    message: string,
    /** the output went beyond the limit given (a bomb, or a size the directory understates) */
    readonly tooLarge = false
  ) {
    super(message);
  }
}

export interface Codec {
  /** CRC-32 (ISO 3309) of `data`, continuing `prev` (0 to start); unsigned */
  crc32(data: Uint8Array, prev?: number): number;
  /** `raw` inflated whole; more than `maxOutput` bytes is an InflateError (tooLarge), never more memory */
  inflateRaw(raw: Buffer, maxOutput: number): Buffer;
  /**
   * `raw` inflated piece by piece (`chunkBytes` of input at a time), each piece handed to `take`
   * (which must not keep it). An error thrown by `take` stops inflating and is the one rejected
   * with; damaged data is an InflateError.
   */
  inflateRawPieces(raw: Buffer, chunkBytes: number, take: (b: Buffer) => void): Promise<void>;
  /** `data` deflated whole */
  deflateRaw(data: Buffer, level: number): Buffer;
  /** `pieces` deflated as they come, the compressed bytes handed to `out` in order */
  deflateRawPieces(
    pieces: Iterable<Buffer>,
    level: number,
    out: (b: Buffer) => void
  ): Promise<void>;
}

let table: Int32Array | null = null;

/** CRC-32 in plain JS (for a codec that has none of its own), four bytes a step. */
export function crc32js(data: Uint8Array, prev = 0): number {
  if (table === null) {
    table = new Int32Array(1024);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
    for (let n = 0; n < 256; n++) {
      let c = table[n];
      for (let k = 1; k < 4; k++) {
        c = table[c & 0xff] ^ (c >>> 8);
        table[k * 256 + n] = c;
      }
    }
  }
  const t = table;
  let crc = ~prev;
  let i = 0;
  const n = data.length;
  const end4 = n - (n % 4);
  for (; i < end4; i += 4) {
    crc ^= data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    crc =
      t[768 + (crc & 0xff)] ^
      t[512 + ((crc >>> 8) & 0xff)] ^
      t[256 + ((crc >>> 16) & 0xff)] ^
      t[crc >>> 24];
  }
  for (; i < n; i++) crc = t[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}

/**
 * The CLI's codec (src/xlsx/codec.ts) on Node's zlib: native inflate/deflate in the thread pool
 * (streams with room for a few MB on each side, so that zlib works on one piece while this
 * thread makes or reads the next) and zlib's crc32.
 */
import { Readable } from "stream";
import { pipeline } from "stream/promises";
import * as zlib from "zlib";
import { InflateError } from "../../xlsx/codec";
import type { Codec } from "../../xlsx/codec";

/** Buffering of the zlib streams (with the default 16 KB every piece would wait for the one before). */
const AHEAD = { highWaterMark: 4 << 20 };

/** `b` in pieces of `n` bytes (views, not copies). */
function* pieces(b: Buffer, n: number): Generator<Buffer> {
  for (let i = 0; i < b.length; i += n) yield b.subarray(i, Math.min(b.length, i + n));
}

export const nodeCodec: Codec = {
  crc32(data, prev = 0) {
    return zlib.crc32(data, prev) >>> 0;
  },

  inflateRaw(raw, maxOutput) {
    try {
      return zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, maxOutput) });
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError)
        throw new InflateError((err as Error).message, true);
      throw new InflateError((err as Error).message);
    }
  },

  async inflateRawPieces(raw, chunkBytes, take) {
    /** the first error of the consumer (the pipeline reports it as an abort) */
    let failure: unknown = null;
    try {
      await pipeline(
        Readable.from(pieces(raw, chunkBytes)),
        zlib.createInflateRaw({ chunkSize: 1 << 18, ...AHEAD }),
        async (inflated: AsyncIterable<Buffer>) => {
          for await (const b of inflated) {
            try {
              take(b);
            } catch (err) {
              failure ??= err;
              throw err;
            }
          }
        }
      );
    } catch (err) {
      if (failure !== null) throw failure;
      if ((err as { code?: string }).code?.startsWith("Z_"))
        throw new InflateError((err as Error).message);
      throw err;
    }
  },

  deflateRaw(data, level) {
    return zlib.deflateRawSync(data, { level });
  },

  async deflateRawPieces(chunks, level, out) {
    await pipeline(
      Readable.from(chunks),
      zlib.createDeflateRaw({ level, chunkSize: 1 << 18, ...AHEAD }),
      async (deflated: AsyncIterable<Buffer>) => {
        for await (const b of deflated) out(b);
      }
    );
  },
};

/**
 * The codec of the offline page (./codec.ts) on pako 1.0 (plain JS; Chromium 86 has no
 * CompressionStream "deflate-raw"). Synchronous underneath: the page runs it in a worker.
 */
import { Buffer } from "buffer";
import { Deflate, Inflate } from "pako";
import { InflateError, crc32js } from "./codec";
import type { Codec } from "./codec";

const OUT_CHUNK = 1 << 18;

function asBuffer(u: Uint8Array): Buffer {
  return Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}

/** Inflates `raw` in pieces of `chunkBytes` of input, each output piece to `take`. */
function inflatePieces(raw: Uint8Array, chunkBytes: number, take: (b: Buffer) => void): void {
  const inf = new Inflate({ raw: true, chunkSize: OUT_CHUNK });
  let failure: unknown = null;
  inf.onData = (chunk) => {
    if (failure !== null) return;
    try {
      take(asBuffer(chunk));
    } catch (e) {
      failure = e;
      throw e;
    }
  };
  const n = Math.max(1, chunkBytes);
  for (let i = 0; i === 0 || i < raw.length; i += n) {
    const last = i + n >= raw.length;
    try {
      inf.push(raw.subarray(i, Math.min(raw.length, i + n)), last);
    } catch (e) {
      throw failure ?? e;
    }
    if (inf.err) throw new InflateError(inf.msg || `inflate error ${inf.err}`);
    if (last) break;
  }
}

export const pakoCodec: Codec = {
  crc32: crc32js,

  inflateRaw(raw, maxOutput) {
    const parts: Buffer[] = [];
    let size = 0;
    inflatePieces(raw, 1 << 20, (b) => {
      size += b.length;
      // never more than allowed: a bomb stops here
      if (size > maxOutput) throw new InflateError("inflated data too large", true);
      parts.push(b);
    });
    return parts.length === 1 ? parts[0] : Buffer.concat(parts, size);
  },

  async inflateRawPieces(raw, chunkBytes, take) {
    inflatePieces(raw, chunkBytes, take);
  },

  deflateRaw(data, level) {
    const parts: Buffer[] = [];
    const d = new Deflate({ raw: true, level, chunkSize: OUT_CHUNK });
    d.onData = (chunk) => parts.push(asBuffer(chunk));
    d.push(data, true);
    if (d.err) throw new Error(d.msg || `deflate error ${d.err}`);
    return Buffer.concat(parts);
  },

  async deflateRawPieces(pieces, level, out) {
    const d = new Deflate({ raw: true, level, chunkSize: OUT_CHUNK });
    d.onData = (chunk) => out(asBuffer(chunk));
    for (const p of pieces) {
      d.push(p, false);
      if (d.err) throw new Error(d.msg || `deflate error ${d.err}`);
    }
    d.push(new Uint8Array(0), true);
    if (d.err) throw new Error(d.msg || `deflate error ${d.err}`);
  },
};

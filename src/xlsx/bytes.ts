/**
 * Text ↔ bytes for the .xlsx layer, fast on both of its Buffers: Node's own (native decoders and
 * encoder) and the npm `buffer` polyfill webpack bundles for the offline page, whose UTF-8
 * conversions are loops in JS several times slower than the browser's TextEncoder/TextDecoder
 * (which are used there instead).
 */
import { Buffer } from "buffer";

/** Node's own Buffer (native conversions), not the polyfill (which the page bundles: no global Buffer there). */
const NATIVE_BUFFER = (globalThis as { Buffer?: unknown }).Buffer === Buffer;
const DECODER = NATIVE_BUFFER ? null : new TextDecoder("utf-8");
const ENCODER = NATIVE_BUFFER ? null : new TextEncoder();

/** buf[start..end) as latin1 (exact for ASCII). */
export function latin1(buf: Buffer, start: number, end: number): string {
  return buf.toString("latin1", start, end);
}

/** buf[start..end) as UTF-8. */
export const utf8: (buf: Buffer, start: number, end: number) => string = NATIVE_BUFFER
  ? (buf, start, end) => buf.toString("utf8", start, end)
  : (buf, start, end) => DECODER!.decode(buf.subarray(start, end));

/** The whole of `buf` as UTF-8. */
export function utf8Text(buf: Buffer): string {
  return utf8(buf, 0, buf.length);
}

/** `s` encoded as UTF-8. */
export const utf8Bytes: (s: string) => Buffer = NATIVE_BUFFER
  ? (s) => Buffer.from(s, "utf8")
  : (s) => {
      const u = ENCODER!.encode(s);
      return Buffer.from(u.buffer, u.byteOffset, u.byteLength);
    };

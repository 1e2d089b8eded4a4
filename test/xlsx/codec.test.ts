/**
 * The two codecs of the .xlsx layer (src/xlsx/codec.ts): pako's (the offline page) against
 * Node's zlib (the CLI) — the same CRC-32 and each inflating what the other deflates, in pieces
 * of any size; a bomb stopped at the limit; damage an InflateError.
 */
import * as zlib from "zlib";
import { InflateError, crc32js } from "../../src/xlsx/codec";
import { pakoCodec } from "../../src/xlsx/pakoCodec";
import { nodeCodec } from "../../src/cli/xlsx/nodeCodec";

function rand(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
}

function sample(n: number, seed: number): Buffer {
  const r = rand(seed);
  const b = Buffer.alloc(n);
  // text-like: runs of a few letters, so that it compresses as XML does
  for (let i = 0; i < n; i++) b[i] = r() < 0.9 ? 0x61 + Math.floor(r() * 6) : Math.floor(r() * 256);
  return b;
}

test("CRC-32 in JS = zlib's, whole and continued, every length 0–64 and large", () => {
  for (let n = 0; n <= 64; n++) {
    const b = sample(n, n + 1);
    expect(crc32js(b)).toBe(zlib.crc32(b) >>> 0);
  }
  const big = sample(1_000_003, 7);
  expect(crc32js(big)).toBe(zlib.crc32(big) >>> 0);
  const part = crc32js(big.subarray(0, 333_331));
  expect(crc32js(big.subarray(333_331), part)).toBe(zlib.crc32(big) >>> 0);
  expect(crc32js(Buffer.from("123456789"))).toBe(0xcbf43926); // the check value of CRC-32
});

test.each([1, 997, 1 << 16])(
  "each codec inflates what the other deflates (input pieces of %i bytes)",
  async (piece) => {
    const data = sample(700_000, piece);
    for (const [from, to] of [
      [nodeCodec, pakoCodec],
      [pakoCodec, nodeCodec],
      [pakoCodec, pakoCodec],
    ]) {
      const raw = from.deflateRaw(data, 6);
      expect(Buffer.from(to.inflateRaw(raw, data.length)).equals(data)).toBe(true);
      const got: Buffer[] = [];
      await to.inflateRawPieces(raw, piece, (b) => got.push(Buffer.from(b)));
      expect(Buffer.concat(got).equals(data)).toBe(true);
      const streamed: Buffer[] = [];
      const pieces = [data.subarray(0, 100), data.subarray(100, 300_000), data.subarray(300_000)];
      await from.deflateRawPieces(pieces, 3, (b) => streamed.push(Buffer.from(b)));
      expect(Buffer.from(to.inflateRaw(Buffer.concat(streamed), data.length)).equals(data)).toBe(
        true
      );
    }
  }
);

test("pako: more than the limit is an InflateError (tooLarge), damage an InflateError", async () => {
  const raw = zlib.deflateRawSync(Buffer.alloc(50 << 20, 0x20), { level: 9 });
  const t0 = Date.now();
  let e: unknown = null;
  try {
    pakoCodec.inflateRaw(raw, 1000);
  } catch (x) {
    e = x;
  }
  expect(e).toBeInstanceOf(InflateError);
  expect((e as InflateError).tooLarge).toBe(true);
  expect(Date.now() - t0).toBeLessThan(2000); // stopped, not inflated to the end
  const bad = Buffer.from([0xff, 0xff, 0xff, 0x00, 0x01]);
  expect(() => pakoCodec.inflateRaw(bad, 100)).toThrow(InflateError);
  await expect(pakoCodec.inflateRawPieces(bad, 2, () => undefined)).rejects.toThrow(InflateError);
  // an error of the consumer is the one the pieces reject with
  const boom = new Error("consumer");
  await expect(
    pakoCodec.inflateRawPieces(zlib.deflateRawSync(sample(1 << 20, 3)), 1000, () => {
      throw boom;
    })
  ).rejects.toBe(boom);
});

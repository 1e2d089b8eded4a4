/**
 * SHA-256 (FIPS 180-4) in plain TypeScript, so that pure code hashes the same in Node and in the
 * browser (no node:crypto, no WebCrypto — the latter is asynchronous and absent in workers of
 * some hosts). Text is hashed as its UTF-8 bytes; a lone surrogate counts as U+FFFD, as
 * TextEncoder does. Incremental: `update` any number of times, then `hex()` once. Held to
 * node:crypto by test/core/sha256.test.ts.
 */

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** Bytes of UTF-8 encoded before they are hashed in one go (4 more: a character never splits). */
const TEXT_BUFFER = 16384;

export class Sha256 {
  private h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  private w = new Uint32Array(64);
  /** the block being filled */
  private block = new Uint8Array(64);
  private used = 0;
  /** bytes hashed so far (a double: exact up to 2^53) */
  private length = 0;
  private done = false;
  /** text encoded here, then hashed as bytes (made on first use) */
  private text: Uint8Array | null = null;

  /** Adds bytes: whole blocks straight from `bytes`, the rest through the block being filled. */
  updateBytes(bytes: Uint8Array): this {
    if (this.done) throw new Error("Sha256: update after hex()");
    const n = bytes.length;
    this.length += n;
    let i = 0;
    if (this.used > 0) {
      while (i < n && this.used < 64) this.block[this.used++] = bytes[i++];
      if (this.used < 64) return this;
      this.compress(this.block, 0);
      this.used = 0;
    }
    for (; i + 64 <= n; i += 64) this.compress(bytes, i);
    while (i < n) this.block[this.used++] = bytes[i++];
    return this;
  }

  /** Adds the UTF-8 bytes of `s` (a lone surrogate, one at either end of `s` too, as U+FFFD). */
  update(s: string): this {
    if (this.done) throw new Error("Sha256: update after hex()");
    const buf = (this.text ??= new Uint8Array(TEXT_BUFFER + 4));
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      if (n >= TEXT_BUFFER) {
        this.updateBytes(buf.subarray(0, n));
        n = 0;
      }
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        buf[n++] = c;
        continue;
      }
      if (c < 0x800) {
        buf[n++] = 0xc0 | (c >> 6);
        buf[n++] = 0x80 | (c & 63);
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          buf[n++] = 0xf0 | (c >> 18);
          buf[n++] = 0x80 | ((c >> 12) & 63);
          buf[n++] = 0x80 | ((c >> 6) & 63);
          buf[n++] = 0x80 | (c & 63);
          continue;
        }
        c = 0xfffd; // a lone surrogate
      }
      buf[n++] = 0xe0 | (c >> 12);
      buf[n++] = 0x80 | ((c >> 6) & 63);
      buf[n++] = 0x80 | (c & 63);
    }
    if (n > 0) this.updateBytes(buf.subarray(0, n));
    return this;
  }

  /** The digest as 64 lowercase hex digits; the hasher is finished. */
  hex(): string {
    if (this.done) throw new Error("Sha256: hex() twice");
    const bits = this.length * 8;
    const pad = new Uint8Array((this.used < 56 ? 64 : 128) - this.used);
    pad[0] = 0x80;
    const hi = Math.floor(bits / 0x100000000);
    const lo = bits >>> 0;
    let k = pad.length - 8;
    for (const x of [hi, lo]) for (let s = 24; s >= 0; s -= 8) pad[k++] = (x >>> s) & 255;
    this.updateBytes(pad);
    this.done = true;
    let out = "";
    for (let i = 0; i < 8; i++) out += this.h[i].toString(16).padStart(8, "0");
    return out;
  }

  /** One 64-byte block of `b` from `off`. */
  private compress(b: Uint8Array, off: number): void {
    const w = this.w;
    for (let t = 0; t < 16; t++) {
      const j = off + 4 * t;
      w[t] = (b[j] << 24) | (b[j + 1] << 16) | (b[j + 2] << 8) | b[j + 3];
    }
    for (let t = 16; t < 64; t++) {
      const x = w[t - 15];
      const y = w[t - 2];
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
    }
    const h = this.h;
    let a = h[0],
      bb = h[1],
      c = h[2],
      d = h[3],
      e = h[4],
      f = h[5],
      g = h[6],
      hh = h[7];
    for (let t = 0; t < 64; t++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[t] + w[t]) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & bb) ^ (a & c) ^ (bb & c);
      const t2 = (S0 + maj) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = bb;
      bb = a;
      a = (t1 + t2) | 0;
    }
    h[0] += a;
    h[1] += bb;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
}

/** SHA-256 of the UTF-8 bytes of `s`, 64 lowercase hex digits. */
export function sha256Hex(s: string): string {
  return new Sha256().update(s).hex();
}

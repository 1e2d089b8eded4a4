import { createHash } from "crypto";
import { Sha256, sha256Hex } from "../../src/core/sha256";

const node = (s: string | Buffer) => createHash("sha256").update(s).digest("hex");

describe("sha256 (pure, held to node:crypto)", () => {
  it("FIPS 180-4 examples", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    );
  });

  it("every length around the block and padding edges (55, 56, 63, 64, 65 … bytes)", () => {
    for (let n = 0; n <= 200; n++) {
      const s = "x".repeat(n);
      expect(sha256Hex(s)).toBe(node(s));
    }
  });

  it("UTF-8: Chinese, 4-byte characters, a lone surrogate as U+FFFD", () => {
    for (const s of ["等级汇总", "客户经理\t王强\n", "😀𠀀a", "é", "\u07ff\u0800\uffff"])
      expect(sha256Hex(s)).toBe(node(s));
    expect(sha256Hex("a\ud800b")).toBe(node(Buffer.from("a\ufffdb", "utf8")));
    expect(sha256Hex("a\udc00")).toBe(node(Buffer.from("a\ufffd", "utf8")));
  });

  it("incremental updates give the digest of the whole, however split", () => {
    const text = "政策年度 2025｜" + "贷款台账,".repeat(97) + "😀";
    for (const cut of [0, 1, 7, 63, 64, 100, text.length]) {
      const h = new Sha256().update(text.slice(0, cut)).update(text.slice(cut)).hex();
      expect(h).toBe(node(text));
    }
    const bytes = new Uint8Array(1000).map((_, i) => (i * 31) & 255);
    expect(
      new Sha256().updateBytes(bytes.subarray(0, 300)).updateBytes(bytes.subarray(300)).hex()
    ).toBe(node(Buffer.from(bytes)));
  });

  it("random texts agree with node:crypto", () => {
    let seed = 12345;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let k = 0; k < 50; k++) {
      let s = "";
      const n = Math.floor(rnd() * 300);
      for (let i = 0; i < n; i++) s += String.fromCharCode(Math.floor(rnd() * 0xd7ff));
      expect(sha256Hex(s)).toBe(node(s));
    }
  });

  it("texts longer than the 16 KB encoding buffer, characters of every width across its edge", () => {
    for (const pad of [16380, 16381, 16382, 16383, 16384, 16385]) {
      for (const c of ["a", "é", "等", "😀", "\ud800"]) {
        const s = "x".repeat(pad) + c + "客户经理".repeat(5000) + c;
        const expected =
          c === "\ud800" ? node(Buffer.from(s.replace(/\ud800/g, "\ufffd"), "utf8")) : node(s);
        expect(sha256Hex(s)).toBe(expected);
      }
    }
  });

  it("is finished after hex()", () => {
    const h = new Sha256().update("a");
    h.hex();
    expect(() => h.update("b")).toThrow();
    expect(() => h.hex()).toThrow();
  });
});

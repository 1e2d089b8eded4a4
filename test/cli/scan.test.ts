/**
 * The byte-level XML scanner of the CLI reader (src/cli/xlsx/scan.ts): the same events whatever
 * the chunk boundaries (also inside a multi-byte character, a tag, a comment or CDATA), names
 * without prefixes, attributes found by their local name, quotes respected.
 */
import { ByteXmlScanner, attrValue, digitsAt } from "../../src/cli/xlsx/scan";

/** The raw value of attribute `name` (latin1), or undefined: where attrValue found it. */
function attrRaw(buf: Buffer, start: number, end: number, name: string): string | undefined {
  const at = attrValue(buf, start, end, name);
  return at === null ? undefined : buf.toString("latin1", at.start, at.end);
}

const XML =
  '<?xml version="1.0" encoding="UTF-8"?>\n<!-- a comment with <c> inside -->' +
  '<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="2" spans="1:3">' +
  '<x:c r="B2" t="s"><x:v>12</x:v></x:c><x:c r="C2" t="inlineStr"><x:is><x:t>客户经理 &amp; “张三”</x:t></x:is></x:c>' +
  '<x:c r="D2" x:t="str" note="a>b"><x:f>A1&amp;"x"</x:f><x:v><![CDATA[<文本>&]]></x:v></x:c><x:c r="E2"/></x:row></x:sheetData></x:worksheet>';

function events(chunks: Buffer[]): string[] {
  const out: string[] = [];
  let text = "";
  const flush = () => {
    if (text !== "") out.push(`text:${text}`);
    text = "";
  };
  const s = new ByteXmlScanner({
    open(name, buf, start, end, selfClosing) {
      flush();
      out.push(
        `open:${name}${selfClosing ? "/" : ""} r=${attrRaw(buf, start, end, "r") ?? "-"} t=${attrRaw(buf, start, end, "t") ?? "-"}`
      );
    },
    close(name) {
      flush();
      out.push(`close:${name}`);
    },
    text(buf, start, end) {
      text += buf.toString("utf8", start, end);
    },
  });
  for (const c of chunks) s.feed(Buffer.from(c));
  s.end();
  flush();
  return out;
}

describe("ByteXmlScanner", () => {
  const whole = Buffer.from(XML, "utf8");
  const expected = events([whole]);

  test("reports tags, local names, attributes and text", () => {
    expect(expected).toEqual([
      "text:\n",
      "open:worksheet r=- t=-",
      "open:sheetData r=- t=-",
      "open:row r=2 t=-",
      "open:c r=B2 t=s",
      "open:v r=- t=-",
      "text:12",
      "close:v",
      "close:c",
      "open:c r=C2 t=inlineStr",
      "open:is r=- t=-",
      "open:t r=- t=-",
      "text:客户经理 &amp; “张三”",
      "close:t",
      "close:is",
      "close:c",
      "open:c r=D2 t=str",
      "open:f r=- t=-",
      'text:A1&amp;"x"',
      "close:f",
      "open:v r=- t=-",
      "text:&lt;文本>&amp;",
      "close:v",
      "close:c",
      "open:c/ r=E2 t=-",
      "close:c",
      "close:row",
      "close:sheetData",
      "close:worksheet",
    ]);
  });

  test("the same events for every split of the part in two, and in one-byte chunks", () => {
    for (let i = 1; i < whole.length; i++) {
      expect(events([whole.subarray(0, i), whole.subarray(i)])).toEqual(expected);
    }
    const bytes: Buffer[] = [];
    for (let i = 0; i < whole.length; i++) bytes.push(whole.subarray(i, i + 1));
    expect(events(bytes)).toEqual(expected);
  });

  test("a part cut short is an error at the end", () => {
    const s = new ByteXmlScanner({
      open: () => undefined,
      close: () => undefined,
      text: () => undefined,
    });
    s.feed(Buffer.from("<a><b attr='x"));
    expect(() => s.end()).toThrow(/truncated XML/);
  });
});

describe("attributes and digits", () => {
  test("attrValue finds a value by its local name and returns where it is", () => {
    const b = Buffer.from('<c  r = "AB12"  t=\'n\' x:s="3"/>');
    const at = attrValue(b, 0, b.length - 1, "r")!;
    expect(b.toString("latin1", at.start, at.end)).toBe("AB12");
    expect(attrRaw(b, 0, b.length - 1, "t")).toBe("n");
    expect(attrRaw(b, 0, b.length - 1, "s")).toBe("3");
    expect(attrRaw(b, 0, b.length - 1, "x")).toBeUndefined();
    expect(attrValue(b, 0, b.length - 1, "rr")).toBeNull();
  });

  test("digitsAt reads whole numbers only", () => {
    const d = (s: string) => digitsAt(Buffer.from(s), 0, Buffer.byteLength(s));
    expect(d("12")).toBe(12);
    expect(d(" 007 ")).toBe(7);
    expect(d("123456789012345")).toBe(123456789012345);
    expect(d("1234567890123456")).toBe(-1);
    expect(d("1.5")).toBe(-1);
    expect(d("-1")).toBe(-1);
    expect(d("1E3")).toBe(-1);
    expect(d("")).toBe(-1);
    expect(d("１２")).toBe(-1);
  });
});

describe("decimalAt", () => {
  const { decimalAt } =
    require("../../src/cli/xlsx/scan") as typeof import("../../src/cli/xlsx/scan");
  const at = (s: string) => decimalAt(Buffer.from(s), 0, Buffer.byteLength(s));

  test("the same double as Number() of the text, for plain decimals of up to 15 digits", () => {
    const fc = require("fast-check") as typeof import("fast-check");
    const text = fc
      .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,15}$/), fc.integer({ min: 0, max: 15 }))
      .filter(([, d, k]) => k <= d.length)
      .map(
        ([neg, d, k]) =>
          `${neg ? "-" : ""}${k === 0 ? d : `${d.slice(0, d.length - k)}.${d.slice(d.length - k)}`}`
      );
    fc.assert(
      fc.property(text, (s) => Object.is(at(s), Number(s))),
      { seed: 11, numRuns: 30_000 }
    );
    for (const s of [
      "123456.78",
      "0.1",
      "-0",
      "0.30000000000000",
      ".5",
      "5.",
      "999999999999999",
      "0.00000000000001",
      " 12.5 ",
    ])
      expect(Object.is(at(s), Number(s))).toBe(true);
  });

  test("anything else is NaN (the text is then read by Number())", () => {
    for (const s of [
      "",
      "-",
      ".",
      "1e5",
      "1.2.3",
      "+1",
      "1,234",
      "１２",
      "1234567890123456",
      "0.1234567890123456",
      "0.000000000000001",
      "12a",
    ])
      expect(at(s)).toBeNaN();
  });
});

describe("cellAttrs", () => {
  const { cellAttrs } =
    require("../../src/cli/xlsx/scan") as typeof import("../../src/cli/xlsx/scan");
  test("finds r and t in one pass, as attrValue finds them", () => {
    for (const tag of [
      '<c r="B2" s="3" t="s">',
      "<c t='inlineStr' r = 'AA10'/>",
      '<c s="1">',
      '<x:c x:r="C3" x:t="b" cm="1">',
      '<c rr="Z9" tt="q" r="D4">',
      "<c/>",
    ]) {
      const b = Buffer.from(tag);
      const a = cellAttrs(b, 0, b.length - 1);
      const got = (s: number, e: number) => (s < 0 ? undefined : b.toString("latin1", s, e));
      expect([got(a.r, a.rEnd), got(a.t, a.tEnd)]).toEqual([
        attrRaw(b, 0, b.length - 1, "r"),
        attrRaw(b, 0, b.length - 1, "t"),
      ]);
    }
  });
});

describe("results are return values (issue 20)", () => {
  const mod = require("../../src/cli/xlsx/scan") as Record<string, unknown>;
  const { cellAttrs } = mod as unknown as typeof import("../../src/cli/xlsx/scan");

  test("a call's result does not change when the next call is made", () => {
    const a = Buffer.from('<c r="B2" t="s" s="4">');
    const b = Buffer.from("<c/>");
    const first = cellAttrs(a, 0, a.length - 1);
    const second = cellAttrs(b, 0, b.length - 1);
    expect(first).toEqual({ r: 6, rEnd: 8, t: 13, tEnd: 14, s: 19, sEnd: 20 });
    expect(second).toEqual({ r: -1, rEnd: -1, t: -1, tEnd: -1, s: -1, sEnd: -1 });
    const r1 = attrValue(a, 0, a.length - 1, "s");
    const r2 = attrValue(a, 0, a.length - 1, "r");
    expect([r1, r2]).toEqual([
      { start: 19, end: 20 },
      { start: 6, end: 8 },
    ]);
  });

  test("nothing the module exports changes while it scans: no shared cursor to read", () => {
    const values = () =>
      Object.entries(mod)
        .filter(([, v]) => typeof v !== "function")
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`);
    const before = values();
    const c = Buffer.from('<row r="7"><c r="C7" t="n" s="2"><v>1</v></c></row>');
    cellAttrs(c, 10, c.indexOf(">", 10));
    attrValue(c, 0, c.indexOf(">"), "r");
    new ByteXmlScanner({
      open: () => undefined,
      close: () => undefined,
      text: () => undefined,
    }).feed(c);
    expect(values()).toEqual(before);
  });

  test("two scanners fed in turns, each with a tag cut inside a quoted '>', keep their own quote state", () => {
    const seen: string[][] = [[], []];
    const scanners = [0, 1].map(
      (k) =>
        new ByteXmlScanner({
          open(name, buf, start, end) {
            seen[k].push(`${name}:${attrRaw(buf, start, end, "v")}`);
          },
          close: () => undefined,
          text: () => undefined,
        })
    );
    scanners[0].feed(Buffer.from("<a v='x>"));
    scanners[1].feed(Buffer.from('<b v="y>'));
    scanners[0].feed(Buffer.from("y'/>"));
    scanners[1].feed(Buffer.from('z"/>'));
    scanners.forEach((s) => s.end());
    expect(seen).toEqual([["a:x>y"], ["b:y>z"]]);
  });
});

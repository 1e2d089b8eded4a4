/**
 * The quick construction of Decimals from numbers (src/core/money.ts decimalOfCents, used by dec
 * and compactDec): exactly what decimal.js builds — sign, exponent, digit words, text — for
 * amounts with 分, integers, and every other kind of number (which take the library's path).
 */
import fc from "fast-check";
import { compactDec, D, dec, FAST_DECIMALS } from "../../src/core/money";

type Fields = { s: number; e: number; d: number[] | null };
const fields = (x: unknown) => {
  const f = x as Fields;
  return { s: f.s, e: f.e, d: f.d === null ? null : [...f.d] };
};

function agrees(x: number): boolean {
  const lib = new D(x);
  for (const made of [compactDec(x), dec(x)]) {
    if (JSON.stringify(fields(made)) !== JSON.stringify(fields(lib))) return false;
    if (made.toString() !== lib.toString() || !made.eq(lib)) return false;
  }
  return true;
}

describe("Decimals made quickly from numbers", () => {
  test("the quick path is in use with this decimal.js", () => {
    expect(FAST_DECIMALS).toBe(true);
  });

  test("amounts with 分 and whole numbers, at every magnitude", () => {
    const cents = fc
      .integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 })
      .map((c) => c / 100);
    fc.assert(fc.property(cents, agrees), { seed: 20251231, numRuns: 20_000 });
    fc.assert(fc.property(fc.integer({ min: -(2 ** 53), max: 2 ** 53 }), agrees), {
      seed: 1,
      numRuns: 5_000,
    });
    for (let p = 0; p <= 16; p++)
      for (const m of [1, 9, 10, 11, 99, 123, 1234567, 10000001])
        for (const s of [1, -1])
          expect(agrees(s * m * 10 ** p) && agrees((s * m * 10 ** p) / 100)).toBe(true);
  });

  test("any other number takes the library's path, with the same result", () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), agrees), {
      seed: 7,
      numRuns: 20_000,
    });
    for (const x of [
      0.1 + 0.2,
      0.005,
      1e-7,
      1e13,
      9999999999999.99,
      1e13 - 0.01,
      5e-324,
      Number.MAX_VALUE,
      0,
      -0,
      0.07,
      1.005,
      123456.785,
    ])
      expect(agrees(x)).toBe(true);
  });
});

describe("Decimals to numbers quickly (toNum)", () => {
  // imported here so the block reads on its own
  const { toNum } = require("../../src/core/money") as typeof import("../../src/core/money");
  const same = (x: InstanceType<typeof D>) => Object.is(toNum(x), x.toNumber());

  test("the nearest double, as x.toNumber() gives, for every kind of Decimal", () => {
    const cents = fc
      .integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 })
      .map((c) => new D(c).div(100));
    fc.assert(fc.property(cents, same), { seed: 3, numRuns: 20_000 });
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => same(new D(v))),
      { seed: 4, numRuns: 20_000 }
    );
    const text = fc
      .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: -40, max: 20 }))
      .map(([m, e]) => new D(`${m}e${e}`));
    fc.assert(fc.property(text, same), { seed: 5, numRuns: 20_000 });
    for (const s of [
      "0",
      "-0",
      "0.01",
      "-0.01",
      "9999999999999.99",
      "10000000000000",
      "1e-3",
      "123456.785",
      "1234567.8",
      "0.1",
      "12345678901234.5",
    ])
      expect(same(new D(s))).toBe(true);
  });
});

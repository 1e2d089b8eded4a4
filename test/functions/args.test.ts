/**
 * The ONE argument conversion (src/functions/args.ts) reads every number Excel passes — a
 * scalar, a 1×1 range, each cell of a column or row — as Excel shows it: to 15 significant
 * digits (core/parse excelNumber). =89.99+0.005 arrives as 89.99499999999999 and is 89.995.
 */
import type { Dec } from "../../src/core/money";
import { ArgCellError, ArgSpec, convertArgs } from "../../src/functions/args";
import { defaultPolicy } from "../../src/policy/defaults";

const P = defaultPolicy(2025);
const P_WAN = { ...P, amountUnit: "万元" as const };

function one(spec: Omit<ArgSpec, "name" | "zh">, raw: unknown, policy = P): unknown {
  const full = { name: "x", zh: "参数", ...spec } as ArgSpec;
  return (convertArgs([full] as const, [raw], policy) as Record<string, unknown>).x;
}

describe("convertArgs: numbers as Excel shows them", () => {
  test.each([
    [89.99499999999999, 89.995],
    [0.7999999999999999, 0.8],
    [0.30000000000000004, 0.3],
    [123456789012.345, 123456789012.345],
    [123456789.012345, 123456789.012345], // typed with 15 digits: unchanged
    [1e-7, 1e-7],
    [2 ** 53, 9007199254740990],
    [1e300, 1e300],
    [Number.MAX_VALUE, Number.MAX_VALUE],
  ])("number %p → %p", (raw, v) => {
    expect(one({ type: "number" }, raw)).toBe(v);
    expect(one({ type: "number" }, [[raw]])).toBe(v); // a 1×1 range
  });

  test("−0 is 0", () => {
    expect(Object.is(one({ type: "number" }, -0), 0)).toBe(true);
    expect(Object.is(one({ type: "number", min: 0 }, [[-0]]), 0)).toBe(true);
  });

  test("min/max and the whole-number check see the shown value", () => {
    expect(one({ type: "number", max: 100 }, 100.00000000000001)).toBe(100);
    expect(one({ type: "number", min: 0.8 }, 0.7999999999999999)).toBe(0.8);
    expect(one({ type: "int", min: 0 }, 3.0000000000000004)).toBe(3);
  });

  test("amounts: the shown number, then the workbook unit", () => {
    expect((one({ type: "amount" }, 999999.9999999999) as Dec).toString()).toBe("1000000");
    expect((one({ type: "amount" }, 99.99999999999999, P_WAN) as Dec).toString()).toBe("1000000");
    expect((one({ type: "amount" }, 1234.56) as Dec).toString()).toBe("1234.56");
  });

  test("every cell of a column or a row, and a row given as a flat array", () => {
    const col = [[89.99499999999999], [null], [0.30000000000000004], [12.5]];
    expect(one({ type: "number", range: true }, col)).toEqual([89.995, null, 0.3, 12.5]);
    expect(one({ type: "number", range: true }, [[0.7999999999999999, 1e-7, 2 ** 53]])).toEqual([
      0.8, 1e-7, 9007199254740990,
    ]);
    expect(one({ type: "number", range: true }, [0.7999999999999999, 5])).toEqual([0.8, 5]);
    expect(one({ type: "int", range: true }, [[3.0000000000000004], [2]])).toEqual([3, 2]);
    const amounts = one({ type: "amount", range: true }, [
      [999999.9999999999],
      [0.1 + 0.2],
    ]) as Dec[];
    expect(amounts.map((a) => a.toString())).toEqual(["1000000", "0.3"]);
  });

  test("dates, 是/否, years and text given as numbers", () => {
    expect(one({ type: "date" }, 45658.99999999999)).toBe("2025-01-02");
    expect(one({ type: "yesno" }, 1.0000000000000002)).toBe(true);
    expect(one({ type: "year" }, 2019.0000000000002)).toBe(2019);
    expect(one({ type: "text" }, 0.30000000000000004)).toBe("0.3");
  });

  test("text numbers are taken as written", () => {
    expect(one({ type: "number" }, "89.99499999999999")).toBe(89.99499999999999);
    expect(one({ type: "number" }, "1,234.5")).toBe(1234.5);
  });
});

describe("convertArgs: a perCell range keeps each bad cell as its error, in its place", () => {
  test("good cells typed, blanks null, a bad cell an ArgCellError naming the argument and the item", () => {
    const v = one({ type: "int", min: 0, range: true, perCell: true }, [
      [3],
      [null],
      ["两"],
      [-1],
    ]) as unknown[];
    expect(v.slice(0, 2)).toEqual([3, null]);
    expect(v[2]).toBeInstanceOf(ArgCellError);
    expect((v[2] as ArgCellError).zh).toContain("参数 x（参数） 第 3 个值");
    expect((v[3] as ArgCellError).zh).toContain("不能小于 0");
    expect((v[3] as ArgCellError).kind).toBe("value");
  });

  test("without perCell the same range fails the call on its first bad cell", () => {
    expect(() => one({ type: "int", min: 0, range: true }, [[3], ["两"]])).toThrow(/第 2 个值/);
  });

  test("amounts of a perCell range are converted from the workbook's unit", () => {
    const v = one({ type: "amount", range: true, perCell: true }, [[1.5]], P_WAN) as Dec[];
    expect(v[0].toString()).toBe("15000");
  });
});

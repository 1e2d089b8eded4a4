import fc from "fast-check";
import * as F from "../../../src/functions/c";

/** Excel passes null for omitted optionals and any cell value anywhere: call the wrappers untyped. */
type Loose = (...args: unknown[]) => any;
const { erroritem, errorpoints } = F as unknown as Record<string, Loose>;
import { defaultPolicy } from "../../../src/policy/defaults";
import { clearWorkbookPolicies, setWorkbookPolicy } from "../../../src/policy/store";

const isErr = (x: unknown): x is CustomFunctions.Error => x instanceof CustomFunctions.Error;
const col = (...xs: unknown[]) => xs.map((x) => [x]);

beforeEach(() => setWorkbookPolicy(defaultPolicy(2025)));
afterEach(() => clearWorkbookPolicies());

function err(r: unknown): CustomFunctions.Error {
  expect(isErr(r)).toBe(true);
  return r as CustomFunctions.Error;
}

describe("CM.ERRORPOINTS", () => {
  test("points × count (+ aggravation once per entry); blank count = 1", () => {
    expect(errorpoints(col("3.2b", "3.15/3.3", "1.5"), col(2, null, 1), null)).toBe(25);
    expect(errorpoints(col("3.2b", "3.15/3.3"), col(2, null), col(3, null), null)).toBe(28);
    expect(errorpoints(col("4.1b"), col("2"))).toBe(40);
    expect(errorpoints([["1.1", "1.3"]])).toBe(15);
    expect(errorpoints("2.1")).toBe(1);
  });
  test("blank cells of the selection are skipped; numbers are item codes", () => {
    expect(errorpoints(col("1.1", null, ""), null, null)).toBe(10);
    expect(errorpoints(col(1.1, 2.3))).toBe(12);
    // a code computed as =1.1*3 (3.3000000000000003) is 3.3, as Excel shows it
    expect(errorpoints(col(1.1 * 3))).toBe(errorpoints(col("3.3")));
    expect(erroritem(1.1 * 3)[1][0]).toBe("3.3");
    // a selection with no entry at all: no error recorded, so nothing is deducted
    expect(errorpoints(col(null, null))).toBe(0);
  });
  test("3.15 alone, an unknown or ambiguous code → #VALUE! naming the argument and the entry", () => {
    let e = err(errorpoints(col("1.1", "3.15")));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("items（条款）第 2 个值");
    expect(e.message).toContain("3.15/所违反条款");
    e = err(errorpoints(col(3.1)));
    expect(e.message).toContain("3.10");
    e = err(errorpoints(col("5.5")));
    expect(e.message).toContain("不是差错积分");
  });
  test("bad counts / aggravation → #VALUE! naming the argument", () => {
    expect(err(errorpoints(col("1.1"), col(1.5))).message).toContain("counts（次数）");
    expect(err(errorpoints(col("1.1"), col("两次"))).message).toContain("counts（次数）");
    expect(err(errorpoints(col("1.1"), null, col(-1))).message).toContain(
      "aggravation（加重扣分）"
    );
    expect(err(errorpoints(col("1.1", "1.2"), col(1, 2, 3))).message).toContain("counts");
    expect(err(errorpoints(col(null, "1.2"), col(1, 2))).message).toContain("第 1 个值为空");
  });
  test("the policy's points apply", () => {
    const p = defaultPolicy(2025);
    setWorkbookPolicy({ ...p, c: { points: { ...p.c.points, "3.3": 8 } } });
    expect(errorpoints(col("3.15/3.3"), col(2))).toBe(16);
  });
});

describe("CM.ERRORITEM", () => {
  const H = ["条款", "按条款计分", "内容", "扣分", "计分方式", "取消资格", "可加重处罚"];
  test("a plain item", () => {
    expect(erroritem("3.2B")).toEqual([
      H,
      ["3.2b", "3.2b", "抵(质)押登记或手续不齐全", 10, "每次", "否", "是"],
    ]);
    expect(erroritem("4.1a")[1][4]).toBe("每户");
    expect(erroritem("1.7b")[1][4]).toBe("每条");
  });
  test("a disqualifying item", () => {
    expect(erroritem("1.5")).toEqual([
      H,
      ["1.5", "1.5", "与客户串通弄虚作假、欺骗银行", "—", "直接取消资格", "是", "否"],
    ]);
  });
  test("3.15/X", () => {
    const r = erroritem("3.15/3.3");
    expect(r[1].slice(0, 2)).toEqual(["3.15/3.3", "3.3"]);
    expect(r[1][2]).toContain("按 3.3");
    expect(r[1][3]).toBe(5);
    expect(err(erroritem("3.15")).code).toBe("#VALUE!");
  });
  test("blank → #VALUE! naming the argument", () => {
    expect(err(erroritem(null)).message).toContain("item（条款）");
  });
});

test("the wrappers never throw", () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.string(),
    fc.double(),
    fc.boolean(),
    fc.constantFrom("1.1", "3.15/3.3", "3.15", "9")
  );
  const arg = fc.oneof(
    cell,
    fc.array(fc.array(cell, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 4 })
  );
  fc.assert(
    fc.property(fc.array(arg, { maxLength: 4 }), (args) => {
      const r = errorpoints(...args);
      if (typeof r === "number") expect(Number.isFinite(r)).toBe(true);
      erroritem(...args);
    }),
    { numRuns: 300 }
  );
});

describe("rev 2: CM.ERRORITEM / CM.ERRORPOINTS know 1.1b and 1.2b (✕)", () => {
  test("1.1b, 1.2b: disqualifying, no points; 1.1/1.2 keep 10 per time", () => {
    expect(erroritem("1.1b")[1]).toEqual([
      "1.1b",
      "1.1b",
      "违规操作，情节恶劣",
      "—",
      "直接取消资格",
      "是",
      "否",
    ]);
    expect(erroritem("1.2B")[1]).toEqual([
      "1.2b",
      "1.2b",
      "怠慢客户、越权允诺、蒙骗客户，情节恶劣",
      "—",
      "直接取消资格",
      "是",
      "否",
    ]);
    expect(errorpoints(col("1.1b", "1.2b", "1.1", "1.2"))).toBe(20);
  });
});

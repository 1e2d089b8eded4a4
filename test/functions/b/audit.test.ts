/**
 * Audit of CM.LEVEL / CM.LEVELCHECK against RULES.md B2 (hand-derived cases not covered by b.test.ts).
 */
import * as F from "../../../src/functions/b";
import { defaultPolicy } from "../../../src/policy/defaults";
import { clearWorkbookPolicies, setWorkbookPolicy } from "../../../src/policy/store";

type Loose = (...args: unknown[]) => any;
const { level, levelcheck } = F as unknown as Record<string, Loose>;
const isErr = (x: unknown): x is CustomFunctions.Error => x instanceof CustomFunctions.Error;
const col = (...xs: unknown[]) => xs.map((x) => [x]);

beforeEach(() => setWorkbookPolicy(defaultPolicy(2025)));
afterEach(() => clearWorkbookPolicies());

describe("CM.LEVEL: condition (2) flags count on every customer row", () => {
  test("a row whose amounts are blank but that flags 欠息 is not skipped as an empty selection tail", () => {
    // Row 1 qualifies 四级 by a (20,000,000). Row 2 has no amounts but 欠息 = 是: condition (2)
    // looks at ALL customers, so the row cannot be dropped silently. Its deposit is blank, and a
    // blank deposit cannot be placed against the exclusion line → #VALUE! naming the row.
    const r = level(
      col(20000000, null),
      col(0, null),
      col(0, null),
      col(0, null),
      98,
      97,
      null,
      col("否", "是")
    );
    expect(isErr(r)).toBe(true);
    expect((r as CustomFunctions.Error).code).toBe("#VALUE!");
    expect((r as CustomFunctions.Error).message).toContain("第 2 行");
    expect((r as CustomFunctions.Error).message).toContain("日均存款为空");
    // the same flag on a customer with a deposit (even far below every exclusion line) fails (2) → 见习
    expect(
      level(col(20000000, 1), col(0, 0), col(0, 0), col(0, 0), 98, 97, null, col("否", "是"))
    ).toBe("见习");
    // trailing rows whose flags are all 否 (or blank) are still an empty selection tail
    expect(
      level(
        col(20000000, null),
        col(0, null),
        col(0, null),
        col(0, null),
        98,
        97,
        col("否", "否"),
        col("否", null),
        col("否", "否")
      )
    ).toBe("四级");
  });
});

describe("CM.LEVEL / CM.LEVELCHECK with the USD→CNY rate unset (RULES.md B2 四级 c, POLICY)", () => {
  test("when the qualified level depends on the rate: #N/A naming 美元兑人民币汇率 (never a silent 见习)", () => {
    const r = level(col(12000000), col(0), col(3000000), col(0), 98, 97);
    expect(isErr(r)).toBe(true);
    expect((r as CustomFunctions.Error).code).toBe("#N/A");
    expect((r as CustomFunctions.Error).message).toContain("美元兑人民币汇率");
    const ch = levelcheck(
      "四级",
      col(12000000),
      col(0),
      col(3000000),
      col(0),
      98,
      97
    ) as unknown[][];
    expect(ch[1][7]).toBe("汇率未设置");
    expect(ch[1][14]).toBe("汇率未设置");
  });
  test("not depending on it: the level as usual", () => {
    expect(level(col(12000000), col(0), col(0), col(0), 98, 97)).toBe("见习");
    expect(level(col(15000000), col(0), col(3000000), col(0), 98, 97)).toBe("四级");
    expect(
      (levelcheck("四级", col(12000000), col(0), col(0), col(0), 98, 97) as unknown[][])[1][14]
    ).toBe("未达标");
  });
  test("with the rate set: 1,388,888.89 USD × 7.2 ≥ 10,000,000 元 → 四级; 1,388,888.88 → 见习", () => {
    setWorkbookPolicy({ ...defaultPolicy(2025), usdCnyRate: 7.2 });
    expect(level(col(12000000), col(0), col(1388888.89), col(0), 98, 97)).toBe("四级");
    expect(level(col(12000000), col(0), col(1388888.88), col(0), 98, 97)).toBe("见习");
  });
});

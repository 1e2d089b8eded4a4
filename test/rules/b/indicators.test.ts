import { CustomerInput, assessLevel, checkLevel, computeIndicators } from "../../../src/rules/b";
import { renderSteps } from "../../../src/rules/explain";
import type { CorpLevel } from "../../../src/policy/types";
import { cust, GOOD, policy } from "./helpers";

/** RULES.md B2, written out here (so the defaults are checked against the spec too). */
const TABLE: {
  level: Exclude<CorpLevel, "见习">;
  line: number;
  a: number;
  aOne: number | null;
  b: number;
  bOne: number | null;
  c: number;
  cny: boolean;
  d: number;
  need: number;
}[] = [
  {
    level: "高级",
    line: 5000000,
    a: 250000000,
    aOne: 100000000,
    b: 350000000,
    bOne: 150000000,
    c: 30000000,
    cny: false,
    d: 50000000,
    need: 2,
  },
  {
    level: "一级",
    line: 3000000,
    a: 150000000,
    aOne: 30000000,
    b: 200000000,
    bOne: 75000000,
    c: 20000000,
    cny: false,
    d: 30000000,
    need: 2,
  },
  {
    level: "二级",
    line: 1000000,
    a: 75000000,
    aOne: 25000000,
    b: 180000000,
    bOne: 50000000,
    c: 10000000,
    cny: false,
    d: 25000000,
    need: 1,
  },
  {
    level: "三级",
    line: 500000,
    a: 38000000,
    aOne: null,
    b: 72000000,
    bOne: null,
    c: 5000000,
    cny: false,
    d: 15000000,
    need: 1,
  },
  {
    level: "四级",
    line: 500000,
    a: 15000000,
    aOne: null,
    b: 36000000,
    bOne: null,
    c: 10000000,
    cny: true,
    d: 15000000,
    need: 1,
  },
];

const RATE = 8;
const P = policy({ usdCnyRate: RATE });

function cond(level: CorpLevel, customers: CustomerInput[], key: string, p = P) {
  const ch = checkLevel(level, customers, GOOD, p);
  return ch.business.find((c) => c.key === key)!;
}

describe.each(TABLE)("B2 table row $level", (row) => {
  test("policy defaults equal the table", () => {
    const r = P.b.levels.find((x) => x.level === row.level)!;
    expect([
      r.exclusionLine,
      r.depositMin,
      r.depositOneMin,
      r.loanMin,
      r.loanOneMin,
      r.settlementMin,
      r.newDepositMin,
      r.conditionsNeeded,
    ]).toEqual([row.line, row.a, row.aOne, row.b, row.bOne, row.c, row.d, row.need]);
    expect(r.settlementCurrency).toBe(row.cny ? "CNY" : "USD");
  });

  test("a: total exactly at the line (with the one-customer minimum) is met; 0.01 less is not", () => {
    const one = row.aOne ?? row.a;
    const exact = row.aOne === null ? [cust(row.a)] : [cust(row.aOne), cust(row.a - row.aOne)];
    expect(cond(row.level, exact, "a").met).toBe(true);
    const short =
      row.aOne === null ? [cust(row.a - 0.01)] : [cust(row.aOne), cust(row.a - row.aOne - 0.01)];
    expect(cond(row.level, short, "a").met).toBe(false);
    if (row.aOne !== null) {
      // enough in total, but no single customer reaches the one-customer minimum
      const n = Math.ceil(row.a / (one - 0.01));
      const many = Array.from({ length: n }, () => cust(one - 0.01));
      expect(cond(row.level, many, "a").met).toBe(false);
    }
  });

  test("b: loans exactly at the line on customers exactly on the exclusion line are met; 0.01 less is not", () => {
    const exact =
      row.bOne === null
        ? [cust(row.line, { loans: row.b })]
        : [cust(row.line, { loans: row.bOne }), cust(row.line, { loans: row.b - row.bOne })];
    expect(cond(row.level, exact, "b").met).toBe(true);
    const short =
      row.bOne === null
        ? [cust(row.line, { loans: row.b - 0.01 })]
        : [cust(row.line, { loans: row.bOne }), cust(row.line, { loans: row.b - row.bOne - 0.01 })];
    expect(cond(row.level, short, "b").met).toBe(false);
    if (row.bOne !== null) {
      const n = Math.ceil(row.b / (row.bOne - 0.01));
      expect(
        cond(
          row.level,
          Array.from({ length: n }, () => cust(row.line, { loans: row.bOne! - 0.01 })),
          "b"
        ).met
      ).toBe(false);
    }
  });

  test("the exclusion line applies to every indicator: a customer 0.01 below it adds nothing", () => {
    const below = row.line - 0.01;
    const all = { loans: row.b, usd: row.cny ? row.c / RATE : row.c, newDeposits: row.d };
    const on = checkLevel(row.level, [cust(row.line, all)], GOOD, P);
    expect(on.indicators.included).toBe(1);
    expect(on.business.filter((c) => c.key !== "a").every((c) => c.met)).toBe(true);
    const off = checkLevel(row.level, [cust(below, all)], GOOD, P);
    expect(off.indicators.included).toBe(0);
    expect(off.indicators.excluded).toBe(1);
    expect(off.business.every((c) => !c.met)).toBe(true);
  });

  test("c: international settlement exactly at the line is met; less is not", () => {
    const usd = row.cny ? row.c / RATE : row.c;
    expect(cond(row.level, [cust(row.line, { usd })], "c").met).toBe(true);
    expect(cond(row.level, [cust(row.line, { usd: usd - 0.01 })], "c").met).toBe(false);
  });

  test("d: new deposits exactly at the line are met; 0.01 less is not", () => {
    expect(cond(row.level, [cust(row.line, { newDeposits: row.d })], "d").met).toBe(true);
    expect(cond(row.level, [cust(row.line, { newDeposits: row.d - 0.01 })], "d").met).toBe(false);
  });

  test(`exactly ${row.need} condition(s) needed`, () => {
    // d alone, then d + c
    const dOnly = checkLevel(row.level, [cust(row.line, { newDeposits: row.d })], GOOD, P);
    expect(dOnly.businessMet).toBe(1);
    expect(dOnly.qualifies).toBe(row.need <= 1);
    const usd = row.cny ? row.c / RATE : row.c;
    const two = checkLevel(row.level, [cust(row.line, { newDeposits: row.d, usd })], GOOD, P);
    expect(two.businessMet).toBe(2);
    expect(two.qualifies).toBe(true);
    const none = checkLevel(row.level, [cust(row.line)], GOOD, P);
    expect(none.businessMet).toBe(0);
    expect(none.qualifies).toBe(false);
  });
});

describe("四级 c in CNY", () => {
  test("rate unset: that condition only is 汇率未设置 (not met, warning), the level still qualifies through another", () => {
    const p = policy();
    expect(p.usdCnyRate).toBeNull();
    const ch = checkLevel("四级", [cust(15000000, { usd: 99999999 })], GOOD, p);
    const c = ch.business.find((x) => x.key === "c")!;
    expect(c).toEqual({ key: "c", met: false, status: "汇率未设置" });
    expect(ch.business.find((x) => x.key === "a")!.met).toBe(true);
    expect(ch.qualifies).toBe(true);
    expect(ch.steps.some((s) => s.kind === "warning" && s.code === "B_RATE_UNSET")).toBe(true);
    expect(renderSteps(ch.steps)).toContain("汇率未设置");
    // 三级 c (USD) is not affected by the rate
    expect(
      checkLevel("三级", [cust(500000, { usd: 5000000 })], GOOD, p).business.find(
        (x) => x.key === "c"
      )!.met
    ).toBe(true);
  });

  test("with a rate, USD × rate is compared with the CNY line", () => {
    expect(cond("四级", [cust(500000, { usd: 1250000 })], "c", policy({ usdCnyRate: 8 })).met).toBe(
      true
    );
    expect(
      cond("四级", [cust(500000, { usd: 1250000 })], "c", policy({ usdCnyRate: 7.99 })).met
    ).toBe(false);
  });
});

describe("condition (2): quality over ALL customers", () => {
  const big = (more = {}) => cust(50000000, { ...more });
  test("a 后三类 / 欠息 / 垫款 flag on a customer below every exclusion line still fails (2)", () => {
    for (const flag of ["bad", "arrears", "advances"] as const) {
      const ch = checkLevel("四级", [big(), cust(100, { [flag]: true })], GOOD, P);
      expect(ch.quality!.met).toBe(false);
      expect(ch.qualifies).toBe(false);
    }
  });
  // rev 2 (RULES.md B2): the share must RISE ("要进一步提高"); equal no longer passes, except at 100%
  test("normal share: higher passes, equal fails (rev 2), lower fails; 100% passes (Interpretation)", () => {
    const q = (normalShare: number, normalSharePrev: number) =>
      checkLevel("四级", [big({ loans: 1000000 })], { ...GOOD, normalShare, normalSharePrev }, P);
    expect(q(97.01, 97).quality!.met).toBe(true);
    expect(q(97, 97).quality).toEqual({ key: "quality", met: false, status: "未达标" });
    expect(q(96.99, 97).quality!.met).toBe(false);
    const full = q(100, 100);
    expect(full.quality!.met).toBe(true);
    expect(
      full.steps.some((s) => s.kind === "interpretation" && s.code === "B_INTERP_SHARE_FULL")
    ).toBe(true);
    expect(renderSteps(full.steps)).toContain("解释");
    expect(q(100, 99).quality!.met).toBe(true);
    // a share written as a fraction beside last year's fraction: 1 is 100%
    expect(q(1, 1).quality!.met).toBe(true);
    expect(q(0.98, 0.98).quality!.met).toBe(false);
    expect(renderSteps(q(97, 97).steps)).toMatch(/须高于上年/);
  });
  test("no credit customer at all (every customer's daily average loans 0, no flag): the share passes (Interpretation), even blank", () => {
    const none = checkLevel(
      "四级",
      [big({ loans: 0 })],
      { ...GOOD, normalShare: null, normalSharePrev: null },
      P
    );
    expect(none.quality).toEqual({ key: "quality", met: true, status: "达标" });
    expect(
      none.steps.some((s) => s.kind === "interpretation" && s.code === "B_INTERP_NO_CREDIT")
    ).toBe(true);
    expect(
      checkLevel("四级", [], { ...GOOD, normalShare: 90, normalSharePrev: 95 }, P).quality!.met
    ).toBe(true);
    expect(
      checkLevel("四级", [big({ loans: 0 })], { ...GOOD, normalShare: 97, normalSharePrev: 97 }, P)
        .quality!.met
    ).toBe(true);
    // one credit customer (loans 0.01, even below the exclusion line) → the share decides
    expect(
      checkLevel(
        "四级",
        [big({ loans: 0 }), cust(100, { loans: 0.01 })],
        { ...GOOD, normalShare: 97, normalSharePrev: 97 },
        P
      ).quality!.met
    ).toBe(false);
    // a blank loan figure is not "no credit": the share is needed
    expect(
      checkLevel("四级", [big({ loans: null })], { ...GOOD, normalShare: null }, P).quality
    ).toEqual({ key: "quality", met: false, status: "数据缺失" });
  });
  test("a blank share cannot be confirmed: 数据缺失, not met, with a warning", () => {
    // rev 2: a CM with credit customers (a CM with none passes, see above)
    const ch = checkLevel("四级", [big({ loans: 1000000 })], { ...GOOD, normalShare: null }, P);
    expect(ch.quality).toEqual({ key: "quality", met: false, status: "数据缺失" });
    expect(ch.steps.some((s) => s.code === "B_QUALITY_SHARE_MISSING")).toBe(true);
  });
  test("见习 has no condition (2)", () => {
    const ch = checkLevel(
      "见习",
      [cust(10000000, { bad: true })],
      { ...GOOD, normalShare: null },
      P
    );
    expect(ch.quality).toBeNull();
    expect(ch.qualifies).toBe(true);
  });
});

describe("tenure (素质要求)", () => {
  const data = [cust(300000000, { newDeposits: 60000000 })];
  test("高级 and 一级 need 3 years: exactly 3 full years from 首次任职日期 to the assessment date pass", () => {
    const m = { ...GOOD, marketingYears: null, firstAppointed: "2022-12-31" };
    const ch = checkLevel("高级", data, m, P);
    expect(ch.tenure!.met).toBe(true);
    expect(checkLevel("高级", data, { ...m, firstAppointed: "2023-01-01" }, P).tenure!.met).toBe(
      false
    );
  });
  test("the 连续营销年限 column wins over the appointment date", () => {
    const ch = checkLevel(
      "一级",
      data,
      { ...GOOD, marketingYears: 2.9, firstAppointed: "2000-01-01" },
      P
    );
    expect(ch.tenure!.met).toBe(false);
    expect(
      checkLevel("一级", data, { ...GOOD, marketingYears: 3, firstAppointed: null }, P).tenure!.met
    ).toBe(true);
  });
  test("二级 needs 1 year; 三级 and 四级 none; both blank → 数据缺失", () => {
    expect(checkLevel("二级", data, { ...GOOD, marketingYears: 0.5 }, P).tenure!.met).toBe(false);
    expect(checkLevel("二级", data, { ...GOOD, marketingYears: 1 }, P).tenure!.met).toBe(true);
    expect(checkLevel("三级", data, { ...GOOD, marketingYears: null }, P).tenure).toEqual({
      key: "tenure",
      met: true,
      status: "不要求",
    });
    expect(
      checkLevel("二级", data, { ...GOOD, marketingYears: null, firstAppointed: null }, P).tenure!
        .status
    ).toBe("数据缺失");
  });
});

describe("见习 and the qualified level", () => {
  test("见习: ≥ 10,000,000 over customers with ≥ 500,000 each", () => {
    expect(checkLevel("见习", [cust(10000000)], GOOD, P).qualifies).toBe(true);
    expect(checkLevel("见习", [cust(9999999.99)], GOOD, P).qualifies).toBe(false);
    expect(
      checkLevel("见习", [cust(9600000), cust(499999.99), cust(400000.01)], GOOD, P).qualifies
    ).toBe(false);
  });
  test("the qualified level is the highest level all of whose conditions hold", () => {
    // 二级 by a (75M with a 25M customer), not 一级 (needs 2 conditions)
    const r = assessLevel([cust(25000000), cust(50000000)], GOOD, P);
    expect(r.qualified).toBe("二级");
    expect(r.checks.map((c) => c.level)).toEqual(["高级", "一级", "二级", "三级", "四级", "见习"]);
    expect(r.steps[r.steps.length - 1]).toMatchObject({
      kind: "result",
      code: "B_QUALIFIED",
      params: { level: "二级" },
    });
  });
  test("none → 无", () => {
    expect(assessLevel([cust(100000)], GOOD, P).qualified).toBe("无");
    expect(assessLevel([], GOOD, P).qualified).toBe("无");
  });
  test("quality failing leaves 见习 as the qualified level (见习 has no condition (2))", () => {
    expect(assessLevel([cust(80000000, { arrears: true })], GOOD, P).qualified).toBe("见习");
  });
  test("高级 needs two conditions and 3 years", () => {
    const c = [cust(100000000, { loans: 150000000 }), cust(150000000, { loans: 200000000 })];
    expect(assessLevel(c, GOOD, P).qualified).toBe("高级");
    expect(assessLevel(c, { ...GOOD, marketingYears: 2 }, P).qualified).toBe("二级");
  });
});

describe("blank figures", () => {
  test("a blank deposit is an error naming the customer", () => {
    expect(() => assessLevel([cust(null, { name: "甲公司" })], GOOD, P)).toThrow(
      /甲公司.*日均存款为空/
    );
  });
  test("blank loans / settlement / new deposits add nothing and are reported", () => {
    const ind = computeIndicators(
      [cust(1000000, { loans: null, usd: null, newDeposits: null }), cust(1000000, { loans: 5 })],
      500000
    );
    expect(ind.loans.toNumber()).toBe(5);
    expect([ind.blankLoans, ind.blankSettlement, ind.blankNewDeposits]).toEqual([1, 1, 1]);
    const ch = checkLevel("四级", [cust(1000000, { loans: null })], GOOD, P);
    expect(ch.steps.some((s) => s.code === "B_BLANKS" && s.kind === "warning")).toBe(true);
  });
});

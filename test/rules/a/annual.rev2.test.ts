/** A12 rev 2: every formation year from 1999; 2011+ on the balance after 免责金额 (第三十三、三十六条). */
import {
  annualBase,
  annualCompensation,
  annualCompensationAmount,
  annualCompensationYear,
  ratioKey,
} from "../../../src/rules/a/annual";
import { dec, Dec } from "../../../src/core/money";
import { isRuleError, RuleError } from "../../../src/core/errors";
import { defaultPolicy } from "../../../src/policy/defaults";
import { paramByKey } from "../../../src/policy/schema";
import { readPolicyFromGrid } from "../../../src/policy/sheet";
import type { Policy } from "../../../src/policy/types";
import { renderSteps } from "../../../src/rules/explain";
import * as A from "../../../src/functions/a";
import { clearWorkbookPolicies, setWorkbookPolicy } from "../../../src/policy/store";
import { loan } from "./helpers";

const s = (x: Dec | null) => (x === null ? null : x.toFixed(2));
const withRatios = (year: number, ratios: Record<string, number>): Policy => {
  const p: Policy = JSON.parse(JSON.stringify(defaultPolicy(year)));
  p.a.annualCompRatios = ratios;
  return p;
};
const catchErr = (f: () => unknown): RuleError => {
  try {
    f();
  } catch (e) {
    if (isRuleError(e)) return e;
    throw e;
  }
  throw new Error("no error");
};
const npl = (
  loanId: string,
  nplYear: number,
  balance: number,
  over: Parameters<typeof loan>[0] extends infer T ? Partial<T> : never = {}
) =>
  loan({
    loanId,
    nplYear,
    balance,
    fiveClass: "损失",
    overdueDays: 4000,
    granted: "2005-01-01",
    ...over,
  });

afterEach(() => clearWorkbookPolicies());

describe("A12 formation years (rev 2)", () => {
  it("2025 buys out 2014; 2022 buys out 2011; 2021 buys out 2010; 2010 buys out 1999; 2009 (→ 1998) is refused", () => {
    const p = withRatios(2025, { "1999": 0.1, "2010": 0.2, "2011": 0.3, "2014": 0.4 });
    expect(
      [2025, 2022, 2021, 2010].map((y) => [
        annualCompensationYear(y, p).formationYear,
        annualCompensationYear(y, p).ratio,
      ])
    ).toEqual([
      [2014, 0.4],
      [2011, 0.3],
      [2010, 0.2],
      [1999, 0.1],
    ]);
    expect(catchErr(() => annualCompensationYear(2009, p)).kind).toBe("value");
  });

  it("ratios stay unset in the built-in policy: #N/A naming the year and the key to set", () => {
    const e = catchErr(() => annualCompensationYear(2025, defaultPolicy(2025)));
    expect(e.kind).toBe("na");
    expect(e.zh).toContain("2014 年形成");
    expect(e.zh).toContain("A.年度补偿.比例.2014");
    expect(ratioKey(2014)).toBe("A.年度补偿.比例.2014");
  });

  it("the policy has a ratio key for every formation year from 1999, open-ended (2011, 2014, 2050 …)", () => {
    for (const y of [1999, 2010, 2011, 2014, 2050]) {
      const d = paramByKey(`A.年度补偿.比例.${y}`);
      expect(d?.path).toEqual(["a", "annualCompRatios", String(y)]);
      expect(d?.nullable).toBe(true);
    }
    expect(paramByKey("A.年度补偿.比例.1998")).toBeUndefined();
  });
});

describe("A12 base (第三十六条, rev 2)", () => {
  const P = defaultPolicy(2025);
  it("formed 2010 or before: the balance, whatever the exemption", () => {
    const b = annualBase(dec(100000), dec(30000), 2010, P);
    expect([s(b.base), b.afterExemption]).toEqual(["100000.00", false]);
  });
  it("formed 2011 or later: balance − 免责金额; blank = none; equal → 0; above the balance → #VALUE!", () => {
    expect(s(annualBase(dec(100000), dec(30000), 2011, P).base)).toBe("70000.00");
    expect(s(annualBase(dec(100000), null, 2014, P).base)).toBe("100000.00");
    expect(s(annualBase(dec(100000), dec(100000), 2014, P).base)).toBe("0.00");
    const e = catchErr(() => annualBase(dec(100000), dec(100000.01), 2014, P, "X1"));
    expect(e.kind).toBe("value");
    expect(e.zh).toContain("X1");
    expect(e.zh).toContain("免责金额 100,000.01 元大于贷款余额 100,000.00 元");
  });
  it("amounts: 2014 at 40%: (100,000 − 30,000) × 40% = 28,000.00; 2010 at 20%: 100,000 × 20% = 20,000.00", () => {
    const p = withRatios(2025, { "2010": 0.2, "2014": 0.4 });
    const r = annualCompensationAmount(dec(100000), p, null, dec(30000));
    expect([s(r.value), r.formationYear, s(r.base)]).toEqual(["28000.00", 2014, "70000.00"]);
    expect(renderSteps(r.steps)).toContain("[第三十六条]");
    expect(renderSteps(r.steps)).toContain("免责后");
    const old = annualCompensationAmount(dec(100000), p, 2010, dec(30000));
    expect(s(old.value)).toBe("20000.00");
    expect(renderSteps(old.steps)).toContain("免责金额不适用");
  });
  it("rounded once, half up: 33,333.33 × 15% = 4,999.9995 → 5,000.00", () => {
    expect(
      s(annualCompensationAmount(dec(33333.33), withRatios(2025, { "2014": 0.15 })).value)
    ).toBe("5000.00");
  });
});

describe("A12 over the ledger", () => {
  const loans = [
    npl("a", 2014, 100000, { exempted: 30000 }),
    npl("b", 2014, 50000),
    npl("c", 2014, 80000, { firstResponsible: "E2", exempted: 80000 }),
    npl("d", 2013, 70000),
    npl("e", 2014, 10000, { exempted: 10000.01 }),
    npl("f", 2014, 5000, { fiveClass: "正常", overdueDays: 0 }),
  ];
  it("per CM the loans of 2014 on their bases; an exemption above the balance is an error for that loan", () => {
    const r = annualCompensation(loans, 2025, withRatios(2025, { "2014": 0.4 }));
    expect([r.formationYear, r.ratio, r.ratioError]).toEqual([2014, 0.4, null]);
    expect(
      r.rows.map((x) => [x.employeeId, x.loanIds, s(x.balance), s(x.base), s(x.amount)])
    ).toEqual([
      // E1: 70,000 + 50,000 = 120,000 → 48,000.00
      ["E1", ["a", "b"], "150000.00", "120000.00", "48000.00"],
      // E2: fully exempted → 0.00
      ["E2", ["c"], "80000.00", "0.00", "0.00"],
    ]);
    expect(r.rows[0].loans.map((l) => s(l.amount))).toEqual(["28000.00", "20000.00"]);
    expect(r.errors.map((e) => e.loanId)).toEqual(["e"]);
  });
  it("ratio unset: the loans are still listed, amounts null, the error names the year", () => {
    const r = annualCompensation(loans, 2025, defaultPolicy(2025));
    expect(r.ratio).toBeNull();
    expect(r.ratioError?.zh).toContain("A.年度补偿.比例.2014");
    expect(r.rows.map((x) => [x.employeeId, s(x.base), x.amount])).toEqual([
      ["E1", "120000.00", null],
      ["E2", "0.00", null],
    ]);
  });
});

describe("CM.ANNUALCOMP (rev 2)", () => {
  it("the exemption argument: (100,000 − 30,000) × 40% in 2025; blank exemption; above the balance #VALUE!; ratio unset #N/A naming 2014", () => {
    const e = A.annualcomp(100000, null, 30000, 2025) as CustomFunctions.Error;
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("2014");
    setWorkbookPolicy(withRatios(2025, { "2014": 0.4, "2008": 0.5 }));
    expect(A.annualcomp(100000, null, 30000)).toBe(28000);
    expect(A.annualcomp(100000)).toBe(40000);
    expect(A.annualcomp(100000, 2008, 30000)).toBe(50000);
    expect((A.annualcomp(100000, null, 100000.01) as CustomFunctions.Error).code).toBe("#VALUE!");
  });
  it("万元 workbook: 10 万元 − 3 万元 at 40% = 2.8 万元", () => {
    const p = withRatios(2025, { "2014": 0.4 });
    p.amountUnit = "万元";
    setWorkbookPolicy(p);
    expect(A.annualcomp(10, null, 3)).toBe(2.8);
  });
});

describe("A12 ratios in the 政策参数 sheet", () => {
  const sheet = (rows: unknown[][]) => ({
    sheets: [
      {
        name: "政策参数",
        rowOffset: 0,
        colOffset: 0,
        values: [["参数", "值"], ["年度", 2025], ...rows] as never,
      },
    ],
  });
  it("A.年度补偿.比例.2014 is read; absent ratio rows are simply unset (no 'missing parameters' notice about them)", () => {
    const r = readPolicyFromGrid(sheet([["A.年度补偿.比例.2014", "40%"]]), 2025);
    expect(r.policy.a.annualCompRatios).toEqual({ "2014": 0.4 });
    expect(annualCompensationYear(2025, r.policy).ratio).toBe(0.4);
    const missing = r.issues.filter((i) => i.rule === "POLICY.default");
    expect(missing.every((i) => !i.message.includes("年度补偿.比例"))).toBe(true);
  });
});

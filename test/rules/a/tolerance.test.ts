import { overToleranceShare, toleranceAmount } from "../../../src/rules/a/tolerance";
import {
  annualCompensation,
  annualCompensationAmount,
  annualCompensationYear,
} from "../../../src/rules/a/annual";
import { dec } from "../../../src/core/money";
import type { RuleError } from "../../../src/core/errors";
import { defaultPolicy } from "../../../src/policy/defaults";
import type { Policy } from "../../../src/policy/types";
import { renderSteps } from "../../../src/rules/explain";
import { loan } from "./helpers";

const P = defaultPolicy(2025);

describe("A9 tolerance amount (第四十七条)", () => {
  it("RULES.md example: 180,000.00 and 108,000.00 urban", () => {
    expect(toleranceAmount(dec(800000), dec(2000000), false, P).value.toFixed(2)).toBe("180000.00");
    const u = toleranceAmount(dec(800000), dec(2000000), true, P);
    expect(u.value.toFixed(2)).toBe("108000.00");
    expect(renderSteps(u.steps)).toContain("48,000.00 + 60,000.00 = 108,000.00 元");
  });

  it("rounds half-up once", () => {
    expect(toleranceAmount(dec(0.05), dec(0.1), false, P).value.toFixed(2)).toBe("0.01");
  });

  it("policy figures are read", () => {
    const q: Policy = JSON.parse(JSON.stringify(P));
    q.a.toleranceNaturalRate = 0.2;
    expect(toleranceAmount(dec(100), dec(0), false, q).value.toNumber()).toBe(20);
    q.a.toleranceEnterpriseRate = 0.1;
    expect(toleranceAmount(dec(0), dec(100), false, q).value.toNumber()).toBe(10);
    q.a.toleranceUrbanFactor = 0.5;
    expect(toleranceAmount(dec(0), dec(100), true, q).value.toNumber()).toBe(5);
  });
});

describe("A10 share beyond tolerance (第四十八条 2)", () => {
  const share = (npl: number, tol: number, done = 0.8, p = P) =>
    overToleranceShare(dec(npl), dec(tol), done, p);
  it("bands: ≤ 20% → 80%, ≤ 50% → 50%, more → 0", () => {
    expect(share(120, 100).share).toBe(0.8);
    expect(share(120.01, 100).share).toBe(0.5);
    expect(share(150, 100).share).toBe(0.5);
    expect(share(150.01, 100).share).toBe(0);
    expect(share(101, 100).over!.toNumber()).toBe(0.01);
  });
  it("the over-tolerance share shown never contradicts the band (216,000.01 over 180,000 is not shown as 20%)", () => {
    const r = share(216000.01, 180000);
    expect(r.share).toBe(0.5);
    expect(renderSteps(r.steps)).toContain("超容忍度 20.00001%（不超过 50%）");
    expect(renderSteps(share(216000, 180000).steps)).toContain(
      "超容忍度 20%（不超过 20%）：享受柜员平均业务量绩效的 80%"
    );
  });
  it("within tolerance: not applicable", () => {
    expect(share(100, 100)).toMatchObject({ applies: false, share: null });
    expect(share(0, 0)).toMatchObject({ applies: false, share: null });
  });
  it("under 80% collection done: 0%", () => {
    expect(share(110, 100, 0.7999).share).toBe(0);
    expect(share(110, 100, 0.8).share).toBe(0.8);
  });
  it("a computed 80% (=0.7+0.1, the double 0.7999999999999999) counts as 80%, as Excel shows it", () => {
    expect(share(110, 100, 0.7 + 0.1).share).toBe(0.8);
  });
  it("tolerance 0 with any NPL: beyond the last band", () => {
    expect(share(0.01, 0)).toMatchObject({ applies: true, share: 0, over: null });
  });
  it("bad collection figure → error", () => {
    expect(() => share(110, 100, -0.1)).toThrow(/清收任务完成比例/);
  });
  it("policy figures are read", () => {
    const q: Policy = JSON.parse(JSON.stringify(P));
    q.a.overTolBands = [
      { maxOver: 0.1, share: 0.9 },
      { maxOver: 0.3, share: 0.6 },
    ];
    q.a.overTolBeyondShare = 0.1;
    q.a.overTolCollectionMin = 0.5;
    expect(share(110, 100, 0.5, q).share).toBe(0.9);
    expect(share(125, 100, 0.5, q).share).toBe(0.6);
    expect(share(140, 100, 0.5, q).share).toBe(0.1);
  });
});

describe("A12 annual compensation (第三十三、三十六条)", () => {
  it("2012 buys out 2001; ratio unset → clear #N/A", () => {
    const p12 = defaultPolicy(2012);
    expect(() => annualCompensationYear(2012, p12)).toThrow(/买断比例未设置（第三十三条）/);
    const q: Policy = JSON.parse(JSON.stringify(p12));
    q.a.annualCompRatios = { "2001": 0.3 };
    const y = annualCompensationYear(2012, q);
    expect([y.formationYear, y.ratio]).toEqual([2001, 0.3]);
    expect(annualCompensationAmount(dec(1000), q).value.toNumber()).toBe(300);
  });
  // rev 2 (A12 covers every formation year from 1999): the old "outside 1999–2010" refusals became these
  it("rev 2: formation years after 2010 are covered; only years before 1999 are refused", () => {
    expect(() => annualCompensationYear(2025, P)).toThrow(/买断比例未设置（第三十三条）：2014 年/);
    expect(() => annualCompensationYear(2009, defaultPolicy(2009))).toThrow(
      /1998 年形成.*不在 1999 年及以后的范围内/
    );
  });
  it("built-in policy (no ratio at all): 'ratio not set' #N/A naming the year and its key, with the range note before 1999", () => {
    const catchErr = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as RuleError;
      }
      throw new Error("no error");
    };
    const e = catchErr(() => annualCompensationYear(2025, P));
    expect(e.kind).toBe("na");
    expect(e.zh).toBe(
      "买断比例未设置（第三十三条）：2014 年形成的不良贷款的赔偿比例由总行确定，请在政策参数“A.年度补偿.比例.2014”中设置"
    );
    expect(catchErr(() => annualCompensationAmount(dec(1), P, 2011)).kind).toBe("na");
    expect(catchErr(() => annualCompensationYear(2009, defaultPolicy(2009))).zh).toContain(
      "（另：2009 年应买断 1998 年形成的不良贷款，不在 1999 年及以后的范围内（第三十三条））"
    );
    // once ratios are set, a year before the first is bad input (#VALUE!), a year without its ratio #N/A
    const q: Policy = JSON.parse(JSON.stringify(P));
    q.a.annualCompRatios = { "2001": 0.3 };
    expect(catchErr(() => annualCompensationAmount(dec(1), q, 1998))).toMatchObject({
      kind: "value",
      zh: "形成年份 1998 不在 1999 年及以后的范围内（第三十三条）",
    });
    expect(catchErr(() => annualCompensationYear(2025, q))).toMatchObject({ kind: "na" });
    expect(catchErr(() => annualCompensationAmount(dec(1), q, 2002))).toMatchObject({ kind: "na" });
  });
  it("the first formation year is read from the policy", () => {
    const q: Policy = JSON.parse(JSON.stringify(defaultPolicy(2023)));
    q.a.annualCompRatios = { "2012": 0.4 };
    expect(annualCompensationYear(2023, q).ratio).toBe(0.4);
    q.a.annualCompFirstYear = 2012;
    q.a.annualCompRatios["2011"] = 0.1;
    expect(() => annualCompensationAmount(dec(1), q, 2011)).toThrow(/不在 2012 年及以后的范围内/);
  });
  it("over the ledger: responsible NPL formed in Y − 11 per person", () => {
    const q: Policy = JSON.parse(JSON.stringify(defaultPolicy(2015)));
    q.a.annualCompRatios = { "2004": 0.25 };
    const loans = [
      loan({ loanId: "a", nplYear: 2004, balance: 1000, fiveClass: "损失", granted: "2002-01-01" }),
      loan({
        loanId: "b",
        nplYear: 2004,
        balance: 3000,
        fiveClass: "损失",
        granted: "2002-01-01",
        firstResponsible: "E2",
      }),
      loan({ loanId: "c", nplYear: 2005, balance: 3000, fiveClass: "损失", granted: "2002-01-01" }),
      loan({ loanId: "d", nplYear: 2004, balance: 3000, fiveClass: "损失", granted: "1998-01-01" }),
    ];
    const r = annualCompensation(loans, 2015, q);
    expect(r.rows.map((x) => [x.employeeId, x.balance.toNumber(), x.amount!.toNumber()])).toEqual([
      ["E1", 1000, 250],
      ["E2", 3000, 750],
    ]);
    q.a.annualCompLag = 10;
    q.a.annualCompRatios["2005"] = 0.5;
    expect(annualCompensation(loans, 2015, q).rows.map((x) => x.amount!.toNumber())).toEqual([
      1500,
    ]);
  });
});

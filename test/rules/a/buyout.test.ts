import fc from "fast-check";
import { buyoutRate, buyoutSchedule, BuyoutFunds, FUND_ORDER } from "../../../src/rules/a/buyout";
import { D, dec, Dec } from "../../../src/core/money";
import { defaultPolicy } from "../../../src/policy/defaults";
import type { Policy } from "../../../src/policy/types";
import { renderSteps } from "../../../src/rules/explain";
import { exampleLoans, loan } from "./helpers";

const P = defaultPolicy(2025);
const funds = (r: number, p: number, pay: number): BuyoutFunds => ({
  riskFund: dec(r),
  postRiskFund: dec(p),
  retirementPay: dec(pay),
});
const s = (x: Dec | null) => (x === null ? null : x.toFixed(2));

describe("A11 RULES.md worked example", () => {
  it("order, obligations, funds, escrow (pay 40,000)", () => {
    const r = buyoutSchedule(
      {
        employeeId: "E1",
        year: 2025,
        tolerance: dec(180000),
        funds: funds(50000, 30000, 40000),
        loans: exampleLoans(),
      },
      P
    );
    expect(r.rows.map((x) => x.loanId)).toEqual(["L1", "L3", "L2", "L4"]);
    expect(r.rows.map((x) => x.order)).toEqual([1, 2, 3, 4]);
    expect(r.rows.map((x) => s(x.obligation))).toEqual([
      "10000.00",
      "7500.00",
      "30000.00",
      "67500.00",
    ]);
    expect(r.rows.map((x) => x.bucket)).toEqual([
      "2005年及以前",
      "2011年以后·容忍度内",
      "2006–2010年",
      "2011年以后·容忍度内/超出部分",
    ]);
    expect(r.rows.map((x) => x.rateText)).toEqual(["5%", "5%", "10%", "5%/30%"]);
    const l4 = r.rows[3];
    expect(s(l4.withinTolerance)).toBe("30000.00");
    expect(s(l4.aboveTolerance)).toBe("220000.00");
    expect(l4.rate).toBeNull();
    expect(s(r.totals.obligation)).toBe("115000.00");
    expect(s(r.totals.byFund!.riskFund)).toBe("50000.00");
    expect(s(r.totals.byFund!.postRiskFund)).toBe("30000.00");
    expect(s(r.totals.byFund!.retirementPay)).toBe("35000.00");
    expect(s(r.totals.shortfall)).toBe("0.00");
    expect(r.rows.map((x) => x.escrow)).toEqual([false, false, false, true]);
    expect(s(l4.paid)).toBe("67500.00");
    expect(l4.fundSources).toBe(
      "风险考核基金 2,500.00；岗位风险金 30,000.00；退休当年效益工资 35,000.00"
    );
    expect(r.rows[0].fundSources).toBe("风险考核基金 10,000.00");
    expect(s(r.toleranceUsed)).toBe("180000.00");
    const text = renderSteps(r.steps.concat(...r.rows.map((x) => x.steps)));
    expect(text).toContain("[第五十一条]");
    expect(text).toContain("解释：按第五十条顺序");
    expect(text).not.toMatch(/\{\w+\}/);
  });

  it("with pay 20,000: L4 gets 52,500.00 and the shortfall is 15,000.00", () => {
    const r = buyoutSchedule(
      {
        employeeId: "E1",
        year: 2025,
        tolerance: dec(180000),
        funds: funds(50000, 30000, 20000),
        loans: exampleLoans(),
      },
      P
    );
    const l4 = r.rows[3];
    expect(s(l4.paid)).toBe("52500.00");
    expect(s(l4.shortfall)).toBe("15000.00");
    expect(l4.escrow).toBe(true);
    expect(r.rows.slice(0, 3).every((x) => x.shortfall!.isZero())).toBe(true);
    expect(s(r.totals.shortfall)).toBe("15000.00");
    expect(s(r.totals.paid)).toBe("100000.00");
    expect(s(r.totals.escrow)).toBe("52500.00");
  });

  it("without funds: obligations only, with a warning", () => {
    const r = buyoutSchedule(
      { employeeId: "E1", year: 2025, tolerance: dec(180000), funds: null, loans: exampleLoans() },
      P
    );
    expect(s(r.totals.obligation)).toBe("115000.00");
    expect(r.totals.paid).toBeNull();
    expect(r.rows.every((x) => x.paid === null && x.shortfall === null)).toBe(true);
    expect(r.steps.some((x) => x.code === "A_BUYOUT_NO_FUNDS" && x.kind === "warning")).toBe(true);
  });
});

describe("A11 boundaries", () => {
  const one = (nplYear: number, balance = 100000) =>
    loan({
      loanId: "X",
      nplYear,
      balance,
      fiveClass: "次级",
      overdueDays: 400,
      granted: "2001-01-01",
    });
  it.each([
    [2005, "5%", "5000.00"],
    [2006, "10%", "10000.00"],
    [2010, "10%", "10000.00"],
    [2011, "5%", "5000.00"],
  ])("formed %i → %s", (y, rate, ob) => {
    const r = buyoutSchedule(
      { employeeId: "E1", year: 2025, tolerance: dec(1000000), funds: null, loans: [one(y)] },
      P
    );
    expect(r.rows[0].rateText).toBe(rate);
    expect(s(r.rows[0].obligation)).toBe(ob);
  });

  it("2011 with no tolerance: all above (30%)", () => {
    const r = buyoutSchedule(
      { employeeId: "E1", year: 2025, tolerance: dec(0), funds: null, loans: [one(2011)] },
      P
    );
    expect(r.rows[0].rateText).toBe("30%");
    expect(r.rows[0].bucket).toBe("2011年以后·超出部分");
    expect(s(r.rows[0].obligation)).toBe("30000.00");
  });

  it("tolerance used up exactly at a loan boundary", () => {
    const loans = [
      loan({
        loanId: "A",
        nplYear: 2015,
        balance: 100000,
        fiveClass: "次级",
        overdueDays: 400,
        granted: "2014-01-01",
      }),
      loan({
        loanId: "B",
        nplYear: 2016,
        balance: 50000,
        fiveClass: "次级",
        overdueDays: 400,
        granted: "2015-01-01",
      }),
    ];
    const r = buyoutSchedule(
      { employeeId: "E1", year: 2025, tolerance: dec(100000), funds: null, loans },
      P
    );
    expect(r.rows.map((x) => x.rateText)).toEqual(["5%", "30%"]);
    expect(r.rows.map((x) => s(x.obligation))).toEqual(["5000.00", "15000.00"]);
    expect(s(r.rows[0].aboveTolerance)).toBe("0.00");
    expect(s(r.rows[1].withinTolerance)).toBe("0.00");
  });

  it("funds exhausted exactly", () => {
    const r = buyoutSchedule(
      {
        employeeId: "E1",
        year: 2025,
        tolerance: dec(180000),
        funds: funds(50000, 30000, 35000),
        loans: exampleLoans(),
      },
      P
    );
    expect(s(r.totals.shortfall)).toBe("0.00");
    expect(r.rows[3].deductions.map((d) => [d.fund, s(d.amount)])).toEqual([
      ["riskFund", "2500.00"],
      ["postRiskFund", "30000.00"],
      ["retirementPay", "35000.00"],
    ]);
    const short = buyoutSchedule(
      {
        employeeId: "E1",
        year: 2025,
        tolerance: dec(180000),
        funds: funds(50000, 30000, 34999.99),
        loans: exampleLoans(),
      },
      P
    );
    expect(s(short.totals.shortfall)).toBe("0.01");
  });

  it("risk fund exhausted exactly at a loan boundary: next loan from the post fund", () => {
    const r = buyoutSchedule(
      {
        employeeId: "E1",
        year: 2025,
        tolerance: dec(180000),
        funds: funds(17500, 100000, 0),
        loans: exampleLoans(),
      },
      P
    );
    expect(r.rows[1].deductions.map((d) => d.fund)).toEqual(["riskFund"]);
    expect(r.rows[2].deductions.map((d) => d.fund)).toEqual(["postRiskFund"]);
  });

  it("relatives at 100% never use the tolerance", () => {
    const loans = [
      loan({
        loanId: "R",
        nplYear: 2015,
        balance: 80000,
        fiveClass: "次级",
        overdueDays: 400,
        granted: "2013-01-01",
        staffRelative: true,
        security: "信用",
      }),
      loan({
        loanId: "S",
        nplYear: 2015,
        balance: 100000,
        fiveClass: "次级",
        overdueDays: 400,
        granted: "2014-01-01",
      }),
    ];
    const r = buyoutSchedule(
      { employeeId: "E1", year: 2025, tolerance: dec(100000), funds: null, loans },
      P
    );
    expect(r.rows.map((x) => [x.loanId, x.bucket, x.rateText, s(x.obligation)])).toEqual([
      ["R", "职工直系亲属", "100%", "80000.00"],
      ["S", "2011年以后·容忍度内", "5%", "5000.00"],
    ]);
  });

  it("undue loans: with a successor they leave, without one they are formed in Y", () => {
    const loans = [
      loan({
        loanId: "U1",
        balance: 100000,
        maturity: "2026-06-30",
        fiveClass: "正常",
        overdueDays: 0,
        granted: "2025-06-30",
      }),
      loan({
        loanId: "U2",
        balance: 100000,
        maturity: "2026-06-30",
        fiveClass: "正常",
        overdueDays: 0,
        granted: "2025-07-30",
        successor: "E9",
      }),
      loan({
        loanId: "D",
        balance: 100000,
        maturity: "2025-06-30",
        fiveClass: "关注",
        overdueDays: 100,
        granted: "2024-06-30",
        security: "抵押",
      }),
    ];
    const r = buyoutSchedule(
      { employeeId: "E1", year: 2025, tolerance: dec(40000), funds: null, loans },
      P
    );
    expect(r.rows.map((x) => [x.loanId, x.kind, x.formedYear, s(x.obligation)])).toEqual([
      ["U1", "undue", 2025, "20000.00"],
    ]);
    expect(r.excluded.map((x) => [x.loanId, x.reasonCode])).toEqual([
      ["U2", "successor"],
      ["D", "notNplNotUndue"],
    ]);
  });

  it("pre-1999 loans are dropped; staff-introduced loans move to the introducer", () => {
    const loans = [
      loan({
        loanId: "OLD",
        balance: 100000,
        granted: "1998-12-31",
        nplYear: 2000,
        fiveClass: "损失",
        overdueDays: 5000,
      }),
      loan({
        loanId: "I1",
        balance: 100000,
        granted: "2007-12-31",
        nplYear: 2009,
        fiveClass: "损失",
        overdueDays: 5000,
        introducer: "S7",
      }),
      loan({
        loanId: "I2",
        balance: 100000,
        granted: "2008-01-01",
        nplYear: 2009,
        fiveClass: "损失",
        overdueDays: 5000,
        introducer: "S7",
      }),
      loan({
        loanId: "I3",
        balance: 100000,
        granted: "2007-06-01",
        nplYear: 2014,
        fiveClass: "损失",
        overdueDays: 3000,
        introducer: "S7",
      }),
    ];
    const own = buyoutSchedule(
      { employeeId: "E1", year: 2025, tolerance: dec(0), funds: null, loans },
      P
    );
    expect(own.rows).toEqual([]);
    expect(own.excluded.map((x) => [x.loanId, x.reasonCode])).toEqual([
      ["OLD", "preResponsibility"],
      ["I1", "introducer"],
      ["I2", "introducer"],
      ["I3", "introducer"],
    ]);
    const intro = buyoutSchedule(
      {
        employeeId: "S7",
        year: 2025,
        tolerance: dec(50000),
        funds: null,
        loans,
        scope: "introduced",
      },
      P
    );
    expect(intro.rows.map((x) => [x.loanId, x.bucket, x.rateText, s(x.obligation)])).toEqual([
      ["I3", "2011年以后·容忍度内/超出部分（介绍担保）", "5%/30%", "17500.00"],
      ["I1", "2006–2010年（介绍担保）", "10%", "10000.00"],
      ["I2", "介绍担保", "100%", "100000.00"],
    ]);
    expect(intro.rows.every((x) => x.introduced)).toBe(true);
  });

  it("a missing formation year or security is an error naming the loan", () => {
    const l = exampleLoans();
    l[2] = { ...l[2], nplYear: null };
    expect(() =>
      buyoutSchedule({ employeeId: "E1", year: 2025, tolerance: dec(0), funds: null, loans: l }, P)
    ).toThrow(/L3 的形成不良年份/);
    const m = exampleLoans();
    m[0] = { ...m[0], security: null };
    expect(() =>
      buyoutSchedule({ employeeId: "E1", year: 2025, tolerance: dec(0), funds: null, loans: m }, P)
    ).toThrow(/L1 的担保方式/);
  });

  it("blank yes/no flags are read as no, and the result says so", () => {
    const l = exampleLoans().map((x) => ({ ...x, staffRelative: null }));
    const r = buyoutSchedule(
      { employeeId: "E1", year: 2025, tolerance: dec(180000), funds: null, loans: l },
      P
    );
    expect(s(r.totals.obligation)).toBe("115000.00");
    expect(renderSteps(r.steps)).toContain("L1:职工直系亲属");
  });
});

describe("A11 rate of one loan", () => {
  it("buckets, split parts, relatives, introducers", () => {
    expect(buyoutRate({ formedYear: 2005 }, P).rate).toBe(0.05);
    expect(buyoutRate({ formedYear: 2006 }, P).rate).toBe(0.1);
    expect(buyoutRate({ formedYear: 2011, part: "within" }, P).rate).toBe(0.05);
    expect(buyoutRate({ formedYear: 2011, part: "above" }, P).rate).toBe(0.3);
    expect(() => buyoutRate({ formedYear: 2011 }, P)).toThrow(/容忍度内或超出部分/);
    expect(buyoutRate({ formedYear: 2011, relative: true }, P).rate).toBe(1);
    expect(buyoutRate({ formedYear: 2009, introduced: true, granted: "2008-01-01" }, P).rate).toBe(
      1
    );
    expect(buyoutRate({ formedYear: 2009, introduced: true, granted: "2007-12-31" }, P).rate).toBe(
      0.1
    );
  });
});

describe("A11 policy is read", () => {
  it("every A11 figure moves the result", () => {
    const base = buyoutSchedule(
      { employeeId: "E1", year: 2025, tolerance: dec(180000), funds: null, loans: exampleLoans() },
      P
    ).totals.obligation;
    const variants: ((q: Policy) => void)[] = [
      (q) => (q.a.buyoutBuckets[0].rate = 0.06),
      (q) => (q.a.buyoutBuckets[1].rate = 0.12),
      (q) => (q.a.buyoutBuckets[0].lastYear = 2003),
      (q) => (q.a.buyoutBuckets[1].lastYear = 2015),
      (q) => (q.a.buyoutWithinTolRate = 0.06),
      (q) => (q.a.buyoutAboveTolRate = 0.4),
      (q) => (q.a.responsibilityStart = "2004-01-01"),
    ];
    for (const v of variants) {
      const q: Policy = JSON.parse(JSON.stringify(P));
      v(q);
      expect(
        buyoutSchedule(
          {
            employeeId: "E1",
            year: 2025,
            tolerance: dec(180000),
            funds: null,
            loans: exampleLoans(),
          },
          q
        ).totals.obligation.eq(base)
      ).toBe(false);
    }
    const rel = [
      loan({
        loanId: "R",
        nplYear: 2015,
        balance: 1000,
        fiveClass: "次级",
        overdueDays: 400,
        staffRelative: true,
      }),
    ];
    const q: Policy = JSON.parse(JSON.stringify(P));
    q.a.buyoutRelativeRate = 0.9;
    expect(
      s(
        buyoutSchedule(
          { employeeId: "E1", year: 2025, tolerance: dec(0), funds: null, loans: rel },
          q
        ).totals.obligation
      )
    ).toBe("900.00");
    const intro = [
      loan({
        loanId: "I",
        nplYear: 2009,
        balance: 1000,
        fiveClass: "次级",
        overdueDays: 400,
        granted: "2008-05-01",
        introducer: "S",
      }),
    ];
    q.a.introducerLateRate = 0.7;
    expect(
      s(
        buyoutSchedule(
          { employeeId: "S", year: 2025, tolerance: dec(0), funds: null, loans: intro },
          q
        ).totals.obligation
      )
    ).toBe("700.00");
    q.a.introducerCutoff = "2009-01-01";
    expect(
      s(
        buyoutSchedule(
          { employeeId: "S", year: 2025, tolerance: dec(0), funds: null, loans: intro },
          q
        ).totals.obligation
      )
    ).toBe("100.00");
  });
});

describe("A11 properties", () => {
  const arbLoan = fc.record({
    nplYear: fc.integer({ min: 1999, max: 2025 }),
    balance: fc.integer({ min: 0, max: 100000000 }).map((c) => c / 100),
    security: fc.constantFrom("信用", "保证", "抵押", "质押") as fc.Arbitrary<
      "信用" | "保证" | "抵押" | "质押"
    >,
    limitationLost: fc.boolean(),
    staffRelative: fc.boolean(),
    disposal: fc.constantFrom("无", "诉讼", "执行") as fc.Arbitrary<"无" | "诉讼" | "执行">,
    grantedDay: fc.integer({ min: 0, max: 9000 }),
    undue: fc.boolean(),
  });
  it("obligation ≤ balance, paid + shortfall = obligation, funds add up and are never exceeded", () => {
    fc.assert(
      fc.property(
        fc.array(arbLoan, { maxLength: 12 }),
        fc.integer({ min: 0, max: 50000000 }),
        fc.tuple(
          fc.integer({ min: 0, max: 10000000 }),
          fc.integer({ min: 0, max: 10000000 }),
          fc.integer({ min: 0, max: 10000000 })
        ),
        (specs, tol, [f1, f2, f3]) => {
          const loans = specs.map((x, i) => {
            const granted = new Date(Date.UTC(1999, 0, 1) + x.grantedDay * 86400000)
              .toISOString()
              .slice(0, 10);
            return loan({
              loanId: `L${i}`,
              nplYear: x.nplYear,
              balance: x.balance,
              security: x.security,
              limitationLost: x.limitationLost,
              staffRelative: x.staffRelative,
              disposal: x.disposal,
              granted,
              maturity: x.undue ? "2027-01-01" : "2020-01-01",
              fiveClass: x.undue ? "正常" : "损失",
              overdueDays: x.undue ? 0 : 2000,
            });
          });
          const fs = funds(f1 / 100, f2 / 100, f3 / 100);
          const r = buyoutSchedule(
            { employeeId: "E1", year: 2025, tolerance: dec(tol / 100), funds: fs, loans },
            P
          );
          for (const row of r.rows) {
            expect(row.obligation.lte(row.balance)).toBe(true);
            expect(row.paid!.plus(row.shortfall!).eq(row.obligation)).toBe(true);
            expect(D.sum(0, ...row.deductions.map((d) => d.amount)).eq(row.paid!)).toBe(true);
            expect(row.obligation.isFinite()).toBe(true);
          }
          for (const f of FUND_ORDER) {
            expect(r.totals.byFund![f].lte(fs[f])).toBe(true);
            expect(r.totals.byFund![f].gte(0)).toBe(true);
          }
          expect(D.sum(0, ...FUND_ORDER.map((f) => r.totals.byFund![f])).eq(r.totals.paid!)).toBe(
            true
          );
          expect(r.toleranceUsed.lte(tol / 100)).toBe(true);
          // a later loan is paid only when every earlier one is paid in full
          let short = false;
          for (const row of r.rows) {
            if (short) expect(row.paid!.isZero()).toBe(true);
            if (row.shortfall!.gt(0)) short = true;
          }
        }
      )
    );
  });
});

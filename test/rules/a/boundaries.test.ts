/**
 * Boundary cases of RULES.md A4–A11 derived by hand from the spec, not covered elsewhere:
 * a tolerance rate of 0, protection together with the NPL caps, the disposal grace period in
 * every 处置阶段, the 1999-01-01 start in the buyout, the priority order of 第五十条 criterion by
 * criterion, and escrow (暂存) of what was paid, possibly 0.
 */
import { assessGrade } from "../../../src/rules/a/grade";
import { countsAsResponsibleNpl } from "../../../src/rules/a/npl";
import { buyoutSchedule, BuyoutFunds } from "../../../src/rules/a/buyout";
import { dec, Dec } from "../../../src/core/money";
import { defaultPolicy } from "../../../src/policy/defaults";
import type { Policy } from "../../../src/policy/types";
import { renderSteps } from "../../../src/rules/explain";
import { loan } from "./helpers";

const P = defaultPolicy(2025);
const withTol = (pct: number | null): Policy => ({ ...P, nplToleranceRatePct: pct });
const funds = (r: number, p: number, pay: number): BuyoutFunds => ({
  riskFund: dec(r),
  postRiskFund: dec(p),
  retirementPay: dec(pay),
});
const s = (x: Dec | null) => (x === null ? null : x.toFixed(2));

describe("A4 with a tolerance rate of 0", () => {
  it("r = 0 is not above it: no cap; any r > 0 is above 1.5 × 0: at most 三级", () => {
    expect(assessGrade({ score: 95, nplRatePct: 0 }, withTol(0)).finalGrade).toBe("一级");
    const r = assessGrade({ score: 95, nplRatePct: 0.0001 }, withTol(0));
    expect(r.finalGrade).toBe("三级");
    expect(r.caps.map((c) => c.reasonCode)).toEqual(["A_CAP_FAR_OVER_TOL"]);
    expect(r.wageCoefficient).toBe(1.6);
  });
});

describe("A4 tolerance unset", () => {
  it("no NPL cap whatever r, the serious-violation cap still applies, and the warning is in the result", () => {
    const r = assessGrade({ score: 95, seriousViolations: 1, nplRatePct: 99 }, withTol(null));
    expect(r.finalGrade).toBe("二级");
    expect(r.caps.map((c) => c.reasonCode)).toEqual(["A_CAP_SERIOUS"]);
    expect(r.steps.filter((x) => x.kind === "warning").map((x) => x.code)).toEqual(["A_TOL_UNSET"]);
    expect(renderSteps(r.steps, "en")).toContain("the NPL tolerance rate is not set in the policy");
  });
});

describe("A5 protection together with the A4 caps", () => {
  it("protected 取消资格 → 三级, and a cap to 三级 does not lower it further nor turn it back", () => {
    const r = assessGrade({ score: 30, nplRatePct: 5, firstAppointed: "2024-06-01" }, withTol(1));
    expect([r.scoreGrade, r.finalGrade, r.protected, r.wageCoefficient]).toEqual([
      "取消资格",
      "三级",
      true,
      1.6,
    ]);
    expect(r.caps.map((c) => [c.cap, c.lowered])).toEqual([["三级", false]]);
    expect(r.exitReasons).toEqual([]);
  });

  it("protected 一级 is still capped; the previous coefficient is compared with the capped grade's", () => {
    const r = assessGrade(
      { score: 95, nplRatePct: 5, firstAppointed: "2024-06-01", prevCoefficient: 1.7 },
      withTol(1)
    );
    expect([r.finalGrade, r.wageCoefficient]).toEqual(["三级", 1.7]);
  });

  it("the day before the second anniversary is protected, the anniversary itself is not", () => {
    const q: Policy = { ...P, assessmentDate: "2025-06-30" };
    expect(assessGrade({ score: 10, firstAppointed: "2023-07-01" }, q)).toMatchObject({
      protected: true,
      finalGrade: "三级",
    });
    expect(assessGrade({ score: 10, firstAppointed: "2023-06-30" }, q)).toMatchObject({
      protected: false,
      finalGrade: "取消资格",
    });
  });
});

describe("A6 disposal grace period in every 处置阶段", () => {
  const stages = ["无", "诉讼", "执行", "拍卖", "处置"] as const;
  for (const security of ["抵押", "质押"] as const) {
    it.each(stages)(
      `${security}, 损失, stage %s: 364 days overdue does not count, 365 does (rev 2)`,
      (disposal) => {
        const at = (overdueDays: number) =>
          countsAsResponsibleNpl(
            loan({ loanId: "X", security, disposal, fiveClass: "损失", overdueDays }),
            "2025-12-31",
            P
          ).counts;
        expect(at(0)).toBe(false);
        expect(at(364)).toBe(false);
        expect(at(365)).toBe(true);
      }
    );
  }

  it("a guarantee (保证) or credit (信用) loan classed 次级 counts at once, in litigation or not", () => {
    for (const security of ["保证", "信用"] as const) {
      expect(
        countsAsResponsibleNpl(
          loan({ loanId: "X", security, disposal: "诉讼", fiveClass: "次级", overdueDays: 1 }),
          "2025-12-31",
          P
        ).counts
      ).toBe(true);
    }
  });

  it("introduced loans count for the introducer whether granted before or after 2008-01-01", () => {
    for (const granted of ["2007-12-31", "2008-01-01"]) {
      expect(
        countsAsResponsibleNpl(
          loan({ loanId: "X", granted, fiveClass: "可疑", introducer: "S1" }),
          "2025-12-31",
          P
        ).responsible
      ).toBe("S1");
    }
  });
});

describe("A11 boundaries (continued)", () => {
  const npl = (p: Parameters<typeof loan>[0]) =>
    loan({ fiveClass: "损失", overdueDays: 2000, maturity: "2020-01-01", ...p });

  it("a loan granted on 1999-01-01 is bought out; one granted on 1998-12-31 is not", () => {
    const r = buyoutSchedule(
      {
        employeeId: "E1",
        year: 2025,
        tolerance: dec(0),
        funds: null,
        loans: [
          npl({ loanId: "A", granted: "1998-12-31", nplYear: 2001, balance: 1000 }),
          npl({ loanId: "B", granted: "1999-01-01", nplYear: 2001, balance: 1000 }),
        ],
      },
      P
    );
    expect(r.rows.map((x) => [x.loanId, x.rateText, s(x.obligation)])).toEqual([
      ["B", "5%", "50.00"],
    ]);
    expect(r.excluded.map((x) => [x.loanId, x.reasonCode])).toEqual([["A", "preResponsibility"]]);
  });

  it("第五十条 criterion by criterion: lost limitation before credit, credit before an earlier borrowing, then date, then id", () => {
    const loans = [
      npl({ loanId: "D2", security: "保证", granted: "2010-01-01", nplYear: 2012, balance: 100 }),
      npl({ loanId: "D1", security: "保证", granted: "2010-01-01", nplYear: 2012, balance: 100 }),
      npl({ loanId: "C", security: "保证", granted: "2001-01-01", nplYear: 2012, balance: 100 }),
      npl({ loanId: "B", security: "信用", granted: "2015-01-01", nplYear: 2016, balance: 100 }),
      npl({
        loanId: "A",
        security: "抵押",
        granted: "2020-01-01",
        nplYear: 2021,
        balance: 100,
        limitationLost: true,
      }),
    ];
    const r = buyoutSchedule(
      { employeeId: "E1", year: 2025, tolerance: dec(0), funds: null, loans },
      P
    );
    expect(r.rows.map((x) => x.loanId)).toEqual(["A", "B", "C", "D1", "D2"]);
  });

  it("the tolerance goes to the 2011-or-later loans in priority order, not in ledger or formation order", () => {
    const loans = [
      npl({
        loanId: "LATE",
        security: "保证",
        granted: "2016-01-01",
        nplYear: 2017,
        balance: 100000,
      }),
      npl({
        loanId: "CRED",
        security: "信用",
        granted: "2018-01-01",
        nplYear: 2019,
        balance: 100000,
      }),
    ];
    const r = buyoutSchedule(
      { employeeId: "E1", year: 2025, tolerance: dec(100000), funds: null, loans },
      P
    );
    expect(r.rows.map((x) => [x.loanId, x.rateText, s(x.obligation)])).toEqual([
      ["CRED", "5%", "5000.00"],
      ["LATE", "30%", "30000.00"],
    ]);
  });

  it("暂存 marks a mortgage loan in 诉讼/执行/拍卖/处置 whatever was paid, even 0; not (rev 2) a pledge loan, not a guarantee loan, not stage 无", () => {
    const loans = [
      npl({
        loanId: "G",
        security: "信用",
        granted: "2001-01-01",
        nplYear: 2004,
        balance: 20000,
        limitationLost: true,
      }), // 1,000.00, uses up the funds
      npl({
        loanId: "P",
        security: "质押",
        disposal: "拍卖",
        granted: "2002-01-01",
        nplYear: 2004,
        balance: 20000,
      }),
      npl({
        loanId: "M",
        security: "抵押",
        disposal: "执行",
        granted: "2003-01-01",
        nplYear: 2004,
        balance: 20000,
      }),
      npl({
        loanId: "N",
        security: "抵押",
        disposal: "无",
        granted: "2004-01-01",
        nplYear: 2004,
        balance: 20000,
      }),
      npl({
        loanId: "S",
        security: "保证",
        disposal: "诉讼",
        granted: "2005-01-01",
        nplYear: 2005,
        balance: 20000,
      }),
    ];
    const r = buyoutSchedule(
      { employeeId: "E1", year: 2025, tolerance: dec(0), funds: funds(1000, 0, 500), loans },
      P
    );
    expect(r.rows.map((x) => [x.loanId, x.escrow, s(x.paid), s(x.shortfall)])).toEqual([
      ["G", false, "1000.00", "0.00"],
      ["P", false, "500.00", "500.00"],
      ["M", true, "0.00", "1000.00"],
      ["N", false, "0.00", "1000.00"],
      ["S", false, "0.00", "1000.00"],
    ]);
    expect(s(r.totals.escrow)).toBe("0.00");
    expect(s(r.totals.shortfall)).toBe("3500.00");
  });

  it("a relative's undue loan nobody took over is owed in full (100%) and leaves the tolerance to the others", () => {
    const loans = [
      loan({
        loanId: "R",
        balance: 50000,
        maturity: "2026-06-30",
        fiveClass: "正常",
        overdueDays: 0,
        granted: "2025-06-30",
        staffRelative: true,
        security: "保证",
      }),
      npl({ loanId: "X", security: "保证", granted: "2016-01-01", nplYear: 2017, balance: 40000 }),
    ];
    const r = buyoutSchedule(
      { employeeId: "E1", year: 2025, tolerance: dec(40000), funds: null, loans },
      P
    );
    expect(r.rows.map((x) => [x.loanId, x.kind, x.rateText, s(x.obligation)])).toEqual([
      ["X", "npl", "5%", "2000.00"],
      ["R", "undue", "100%", "50000.00"],
    ]);
    expect(s(r.toleranceUsed)).toBe("40000.00");
  });
});

/** A11 rev 2: escrow for 抵押 loans only (第五十一条); 已赔偿金额 credited after the tolerance split (第三十六条). */
import { buyoutSchedule, BuyoutFunds } from "../../../src/rules/a/buyout";
import { dec, Dec } from "../../../src/core/money";
import { isRuleError } from "../../../src/core/errors";
import { defaultPolicy } from "../../../src/policy/defaults";
import { renderSteps } from "../../../src/rules/explain";
import type { LoanRow } from "../../../src/core/rows";
import { exampleLoans } from "./helpers";

const P = defaultPolicy(2025);
const funds = (r: number, p: number, pay: number): BuyoutFunds => ({
  riskFund: dec(r),
  postRiskFund: dec(p),
  retirementPay: dec(pay),
});
const s = (x: Dec | null) => (x === null ? null : x.toFixed(2));
const run = (
  loans: ReturnType<typeof exampleLoans>,
  f: BuyoutFunds | null = funds(50000, 30000, 40000),
  tol = 180000
) => buyoutSchedule({ employeeId: "E1", year: 2025, tolerance: dec(tol), funds: f, loans }, P);
type Over = Partial<Omit<LoanRow, "compensated">> & { compensated?: number };
/** The worked example with loan `id` changed. */
const withL = (id: string, over: Over) =>
  exampleLoans().map((l) => {
    if (l.loanId !== id) return l;
    const { compensated, ...rest } = over;
    return {
      ...l,
      ...rest,
      ...(compensated !== undefined ? { compensated: dec(compensated) } : {}),
    };
  });

describe("A11 escrow (第五十一条, rev 2): 抵押 only", () => {
  it("the worked example still holds: L4 (抵押, 诉讼) is 暂存 with 67,500.00", () => {
    const r = run(exampleLoans());
    expect(r.rows.map((x) => x.escrow)).toEqual([false, false, false, true]);
    expect(s(r.totals.escrow)).toBe("67500.00");
  });

  it("a 质押 loan in litigation is paid like any other: no 暂存, same obligation and payment", () => {
    const r = run(withL("L4", { security: "质押" }));
    const l4 = r.rows.find((x) => x.loanId === "L4")!;
    expect(l4.escrow).toBe(false);
    expect(s(l4.obligation)).toBe("67500.00");
    expect(s(l4.paid)).toBe("67500.00");
    expect(s(r.totals.escrow)).toBe("0.00");
    expect(s(r.totals.obligation)).toBe("115000.00");
    const text = renderSteps(l4.steps);
    expect(text).toContain("质押贷款");
    expect(text).toContain("[第五十一条]");
    expect(text).toContain("只规定抵押贷款");
  });

  it.each(["诉讼", "执行", "拍卖", "处置"] as const)(
    "stage %s: 抵押 → 暂存, 质押/保证/信用 → not",
    (stage) => {
      for (const [security, expected] of [
        ["抵押", true],
        ["质押", false],
        ["保证", false],
        ["信用", false],
      ] as const) {
        const r = run(withL("L4", { security, disposal: stage }), null);
        expect([security, r.rows.find((x) => x.loanId === "L4")!.escrow]).toEqual([
          security,
          expected,
        ]);
      }
    }
  );

  it("抵押 with 处置阶段 无 or blank is not 暂存", () => {
    expect(run(withL("L4", { disposal: "无" })).rows[3].escrow).toBe(false);
    expect(run(withL("L4", { disposal: null })).rows[3].escrow).toBe(false);
  });

  it("a 质押 loan in litigation with funds short: paid in order, no 暂存 (pay 20,000 → shortfall 15,000.00)", () => {
    const r = run(withL("L4", { security: "质押" }), funds(50000, 30000, 20000));
    expect(s(r.rows[3].paid)).toBe("52500.00");
    expect(s(r.rows[3].shortfall)).toBe("15000.00");
    expect(r.rows[3].escrow).toBe(false);
    expect(s(r.totals.escrow)).toBe("0.00");
  });
});

describe("A11 已赔偿金额 credit (第三十六条, rev 2)", () => {
  it("no column / blank: nothing changes (before = after)", () => {
    const r = run(exampleLoans());
    expect(r.rows.map((x) => s(x.obligationBeforeCredit))).toEqual([
      "10000.00",
      "7500.00",
      "30000.00",
      "67500.00",
    ]);
    expect(r.rows.every((x) => x.compensated === null)).toBe(true);
    expect(s(r.totals.credited)).toBe("0.00");
    expect(r.steps.some((x) => x.code === "A_BUYOUT_CREDIT_INTERP")).toBe(false);
  });

  it("credit larger than the obligation → 0.00; the row keeps its place (顺序 1)", () => {
    // L1: 200,000 × 5% = 10,000.00; credit 12,000 → max(0, −2,000) = 0.00
    const r = run(withL("L1", { compensated: 12000 }));
    expect(r.rows.map((x) => x.loanId)).toEqual(["L1", "L3", "L2", "L4"]);
    const l1 = r.rows[0];
    expect(l1.order).toBe(1);
    expect(s(l1.obligationBeforeCredit)).toBe("10000.00");
    expect(s(l1.compensated)).toBe("12000.00");
    expect(s(l1.obligation)).toBe("0.00");
    expect(s(l1.paid)).toBe("0.00");
    expect(l1.deductions).toEqual([]);
    // 7,500 + 30,000 + 67,500 = 105,000.00: risk 50,000, post 30,000, pay 25,000
    expect(s(r.totals.obligation)).toBe("105000.00");
    expect(s(r.totals.obligationBeforeCredit)).toBe("115000.00");
    expect(s(r.totals.credited)).toBe("10000.00");
    expect(s(r.totals.byFund!.retirementPay)).toBe("25000.00");
    expect(s(r.totals.shortfall)).toBe("0.00");
    const text = renderSteps([...l1.steps, ...r.steps]);
    expect(text).toContain("[第三十六条]");
    expect(text).toContain("抵减而非免除");
    expect(text).toContain("已赔偿 12,000.00 元");
  });

  it("a credited 2011+ loan still uses up the tolerance by its balance; credit on the loan straddling T", () => {
    // L3 (2015, 150,000, all within T): 7,500.00, credit 7,500 → 0.00, but T left = 180,000 − 150,000 = 30,000
    // L4 (2019, 250,000): 30,000 × 5% + 220,000 × 30% = 1,500 + 66,000 = 67,500.00, credit 20,000 → 47,500.00
    const loans = withL("L3", { compensated: 7500 }).map((l) =>
      l.loanId === "L4" ? { ...l, compensated: dec(20000) } : l
    );
    const r = run(loans, null);
    const [l1, l3, l2, l4] = r.rows;
    expect([l1.loanId, l3.loanId, l2.loanId, l4.loanId]).toEqual(["L1", "L3", "L2", "L4"]);
    expect(s(l3.withinTolerance)).toBe("150000.00");
    expect(s(l3.obligation)).toBe("0.00");
    expect(s(l4.withinTolerance)).toBe("30000.00");
    expect(s(l4.aboveTolerance)).toBe("220000.00");
    expect(s(l4.obligationBeforeCredit)).toBe("67500.00");
    expect(s(l4.obligation)).toBe("47500.00");
    expect(s(r.toleranceUsed)).toBe("180000.00");
    // 10,000 + 0 + 30,000 + 47,500
    expect(s(r.totals.obligation)).toBe("87500.00");
    expect(s(r.totals.credited)).toBe("27500.00");
  });

  it("funds exactly exhausted after the credits: 50,000 / 30,000 / 7,500 → shortfall 0; 7,499.99 → 0.01 on L4", () => {
    const loans = withL("L3", { compensated: 7500 }).map((l) =>
      l.loanId === "L4" ? { ...l, compensated: dec(20000) } : l
    );
    const r = run(loans, funds(50000, 30000, 7500));
    expect(s(r.totals.paid)).toBe("87500.00");
    expect(s(r.totals.shortfall)).toBe("0.00");
    expect(s(r.totals.byFund!.retirementPay)).toBe("7500.00");
    // L1 10,000 + L2 30,000 from the risk fund; L4: risk 10,000, post 30,000, pay 7,500
    expect(r.rows[3].fundSources).toBe(
      "风险考核基金 10,000.00；岗位风险金 30,000.00；退休当年效益工资 7,500.00"
    );
    expect(s(r.totals.escrow)).toBe("47500.00");
    const short = run(loans, funds(50000, 30000, 7499.99));
    expect(s(short.rows[3].shortfall)).toBe("0.01");
    expect(s(short.totals.shortfall)).toBe("0.01");
    expect(short.rows.slice(0, 3).every((x) => x.shortfall!.isZero())).toBe(true);
  });

  it("credit equal to the obligation → 0.00; one fen less → 0.01", () => {
    expect(s(run(withL("L2", { compensated: 30000 }), null).rows[2].obligation)).toBe("0.00");
    expect(s(run(withL("L2", { compensated: 29999.99 }), null).rows[2].obligation)).toBe("0.01");
  });

  it("a relative's loan (100%) is credited too", () => {
    // L2 as a staff relative's loan: 300,000 × 100% = 300,000.00 − 100,000 = 200,000.00
    const r = run(withL("L2", { staffRelative: true, compensated: 100000 }), null);
    const l2 = r.rows.find((x) => x.loanId === "L2")!;
    expect(s(l2.obligationBeforeCredit)).toBe("300000.00");
    expect(s(l2.obligation)).toBe("200000.00");
  });

  it("a negative credit is #VALUE! naming the loan", () => {
    try {
      run(withL("L2", { compensated: -1 }));
      throw new Error("no error");
    } catch (e) {
      expect(isRuleError(e)).toBe(true);
      expect((e as { zh: string }).zh).toContain("L2");
    }
  });
});

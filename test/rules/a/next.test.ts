import { dec, Dec } from "../../../src/core/money";
import { defaultPolicy } from "../../../src/policy/defaults";
import {
  capLift,
  nextGrade,
  nextGradeText,
  othersOfGroup,
  PeerOthers,
} from "../../../src/rules/a/next";
import { QuantInput, scoreManager } from "../../../src/rules/a/score";

const P = defaultPolicy(2025);
const zero = { examFails: 0, penalties: 0, criticisms: 0, seriousViolations: 0 };
const others = (counts: number[], incomes: number[]): PeerOthers => ({
  count: counts.length,
  sumLoanCount: dec(counts.reduce((s, x) => s + x, 0)),
  sumIncome: dec(incomes.reduce((s, x) => s + x, 0)),
});
/** the score recomputed from scratch, the peer average including the CM's own figures (A2) */
function total(q: QuantInput, o: PeerOthers): number {
  const n = o.count + 1;
  return scoreManager(
    q,
    zero,
    {
      branchType: null,
      avgLoanCount: o.sumLoanCount.plus(q.loanCount).div(n),
      avgIncome: o.sumIncome.plus(q.interestIncome).div(n),
    },
    P
  ).total;
}
const q = (loanCount: number, income: number, npl: number, managed = 1000000): QuantInput => ({
  loanCount,
  interestIncome: dec(income),
  newNpl: dec(npl),
  managedLoans: dec(managed),
});

describe("next grade (issue 18, A1 第十条 + A2 第十一条)", () => {
  // hand-worked: one peer (100 loans, 1,000,000 元); the CM 100 loans, 500,000 元, r = 1 %
  // count 20 + income 50 × 500000 ÷ 750000 = 33.33 + quality 30 = 83.33 → 二级, 一级 needs 6.67
  const o = others([100], [1000000]);
  const cm = q(100, 500000, 10000);
  const r = nextGrade(cm, zero, o, P);

  it("targets 一级 from 83.33", () => {
    expect(r.score).toBe(83.33);
    expect(r.target).toBe("一级");
    expect(r.targetScore).toBe(90);
  });

  it("loans: 400 more (500 vs avg 300 → d 66.67 → 26.67); 399 more gives 89.99", () => {
    expect(r.extraLoans).toBe(400);
    expect(total(q(500, 500000, 10000), o)).toBe(90);
    expect(total(q(499, 500000, 10000), o)).toBe(89.99);
  });

  it("income: the peer average moves with his own (100y ÷ (1e6 + y) ≥ 39.995 → y ≥ 666,527.79)", () => {
    expect(r.extraIncome!.toFixed(2)).toBe("166527.79");
    expect(total(q(100, 666527.79, 10000), o)).toBe(90);
    expect(total(q(100, 666527.78, 10000), o)).toBe(89.99);
    // with the average held at 750,000 it would be 599,925 — short once the average moves
    expect(total(q(100, 599925, 10000), o)).toBeLessThan(90);
  });

  it("new NPL: at most 3,335.00 (r 0.3335 % → quality 36.665 → 36.67); one cent more falls short", () => {
    expect(r.maxNewNpl!.toFixed(2)).toBe("3335.00");
    expect(total(q(100, 500000, 3335), o)).toBe(90);
    expect(total(q(100, 500000, 3335.01), o)).toBe(89.99);
  });

  it("at the component caps: the count alone cannot lift 36.67 to 60 (count at most 30)", () => {
    // income 200000 vs avg 600000 → 16.67; quality r 5 % → 0; count 20 → 36.67 (取消资格)
    const low = q(100, 200000, 50000);
    const x = nextGrade(low, zero, o, P);
    expect(x.score).toBe(36.67);
    expect(x.target).toBe("三级");
    expect(x.extraLoans).toBeNull();
    // income to 40: 100y ÷ (1e6 + y) ≥ 39.995 as above
    expect(x.extraIncome!.plus(200000).toFixed(2)).toBe("666527.79");
    // quality to 23.33: 30 + 10 (1 − r) ≥ 23.325 → r ≤ 1.6675 % → 16,675.00
    expect(x.maxNewNpl!.toFixed(2)).toBe("16675.00");
    expect(total(q(100, 200000, 16675), o)).toBe(60);
    expect(total(q(100, 200000, 16675.01), o)).toBe(59.99);
  });

  it("alone in his group the count is always the average: no number of loans moves it", () => {
    const alone = nextGrade(q(10, 100000, 10000), zero, others([], []), P);
    expect(alone.score).toBe(100); // 20 + 50 + 30
    expect(alone.target).toBeNull();
    const low = nextGrade(q(10, 100000, 30000), zero, others([], []), P); // quality 10 → 80
    expect(low.target).toBe("一级");
    expect(low.extraLoans).toBeNull();
    expect(low.extraIncome).toBeNull(); // income points stay 50 whatever he earns
    // quality to 20: 30 + 10 (1 − r) ≥ 19.995 → r ≤ 2.0005 % → 20,005.00 (rounded half-up to 20.00)
    expect(low.maxNewNpl!.toFixed(2)).toBe("20005.00");
    expect(total(q(10, 100000, 20005), others([], []))).toBe(90);
    expect(total(q(10, 100000, 20005.01), others([], []))).toBe(89.99);
  });

  it("is minimal on random cases: the amount reaches the target, one unit less does not", () => {
    let seed = 7;
    const rnd = (m: number) => (seed = (seed * 16807) % 2147483647) % m;
    for (let i = 0; i < 40; i++) {
      const o2 = others([rnd(300) + 1, rnd(300) + 1], [rnd(2000000) + 1000, rnd(2000000) + 1000]);
      const c = q(rnd(300), rnd(2000000), rnd(40000), 1000000 + rnd(1000000));
      const x = nextGrade(c, zero, o2, P);
      if (x.target === null) continue;
      const min = x.targetScore!;
      if (x.extraLoans !== null) {
        expect(total({ ...c, loanCount: c.loanCount + x.extraLoans }, o2)).toBeGreaterThanOrEqual(
          min
        );
        if (x.extraLoans > 1)
          expect(total({ ...c, loanCount: c.loanCount + x.extraLoans - 1 }, o2)).toBeLessThan(min);
      }
      if (x.extraIncome !== null) {
        const y: Dec = c.interestIncome.plus(x.extraIncome);
        expect(total({ ...c, interestIncome: y }, o2)).toBeGreaterThanOrEqual(min);
        if (x.extraIncome.gt("0.01"))
          expect(total({ ...c, interestIncome: y.minus("0.01") }, o2)).toBeLessThan(min);
      }
      if (x.maxNewNpl !== null) {
        expect(total({ ...c, newNpl: x.maxNewNpl }, o2)).toBeGreaterThanOrEqual(min);
        if (x.maxNewNpl.plus("0.01").lt(c.newNpl))
          expect(total({ ...c, newNpl: x.maxNewNpl.plus("0.01") }, o2)).toBeLessThan(min);
      }
    }
  });
});

describe("what lifts a cap (issue 18, A4 第十二条)", () => {
  it("over tolerance: the rate must not exceed the tolerance; the balance rounded down to the cent", () => {
    // r = 25,000 ÷ 1,000,000 = 2.5 % over a 2 % tolerance (not over 1.5 × 2 = 3 %)
    const l = capLift(q(100, 500000, 25000), 0, 2, P);
    expect(l.seriousStays).toBe(false);
    expect(l.maxRatePct!.toNumber()).toBe(2);
    expect(l.maxNewNpl!.toFixed(2)).toBe("20000.00");
    expect(l.thenCap).toBeNull();
    // 1,000,000.07 managed × 2 % = 20,000.0014 → 20,000.00, never a cent over
    expect(capLift(q(100, 500000, 25000, 1000000.07), 0, 2, P).maxNewNpl!.toFixed(2)).toBe(
      "20000.00"
    );
  });

  it("far over: back within the tolerance lifts it; within factor × tolerance only to the milder cap", () => {
    const l = capLift(q(100, 500000, 40000), 0, 2, P); // 4 % > 3 %
    expect(l.maxNewNpl!.toFixed(2)).toBe("20000.00");
    expect(l.thenCap).toBe(P.a.capOverTolerance);
  });

  it("at the tolerance exactly there is no cap to lift; a serious violation cannot be undone", () => {
    expect(capLift(q(100, 500000, 20000), 0, 2, P).maxRatePct).toBeNull();
    const s = capLift(q(100, 500000, 10000), 1, 2, P);
    expect(s.seriousStays).toBe(true);
    expect(s.maxRatePct).toBeNull();
  });
});

describe("距上一等级 cell text", () => {
  it("from the group's average: others = average × count − own", () => {
    // group of 2: average 100 loans, 750,000 元 — the hand-worked CM above
    const o = othersOfGroup(
      { count: 2, avgLoanCount: dec(100), avgIncome: dec(750000) },
      100,
      dec(500000)
    );
    expect(o.count).toBe(1);
    expect(o.sumLoanCount.toNumber()).toBe(100);
    expect(o.sumIncome.toNumber()).toBe(1000000);
    // an average that does not divide evenly still gives the exact sum back
    const t = othersOfGroup(
      { count: 3, avgLoanCount: dec(100).div(3), avgIncome: dec("1000000.01").div(3) },
      1,
      dec("0.01")
    );
    expect(t.sumLoanCount.toNumber()).toBe(99);
    expect(t.sumIncome.toFixed(2)).toBe("1000000.00");
    expect(nextGradeText(nextGrade(q(100, 500000, 10000), zero, o, P))).toBe(
      "一级（90 分）：贷款笔数 +400 笔；或利息收入 +166,527.79 元；或新增不良 ≤ 3,335.00 元"
    );
  });

  it("at the top, and a figure capped", () => {
    expect(
      nextGradeText(nextGrade(q(100, 1000000, 10000), zero, others([100], [1000000]), P))
    ).toBe("已是最高等级");
    expect(nextGradeText(nextGrade(q(10, 100000, 30000), zero, others([], []), P))).toBe(
      "一级（90 分）：贷款笔数 不可能（已封顶）；或利息收入 不可能（已封顶）；或新增不良 ≤ 20,005.00 元"
    );
  });
});

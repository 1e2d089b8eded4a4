/**
 * Issue 18 item 2: what lifts a CM's final grade one step — the score figures toward the grade
 * above his final grade, the caps of A4 that hold him (第十二条), the protection period (A5).
 * Hand-worked with the default policy: count 20 + 0.1 × d, income 50 × x ÷ avg, quality
 * 30 + 10 × (1 − r), caps 二级 over 2 %, 三级 over 3 % (1.5 × 2 %), serious → 二级.
 */
import { dec } from "../../../src/core/money";
import { defaultPolicy } from "../../../src/policy/defaults";
import { assessGrade } from "../../../src/rules/a/grade";
import {
  nextGrade,
  nextGradeText,
  nextOfManager,
  nextOfManagerText,
  PeerOthers,
} from "../../../src/rules/a/next";
import { DeductionInput, QuantInput, scoreManager } from "../../../src/rules/a/score";

const P = { ...defaultPolicy(2025), nplToleranceRatePct: 2 };
const zero: DeductionInput = { examFails: 0, penalties: 0, criticisms: 0, seriousViolations: 0 };
const one = (count: number, income: number): PeerOthers => ({
  count: 1,
  sumLoanCount: dec(count),
  sumIncome: dec(income),
});
const alone: PeerOthers = { count: 0, sumLoanCount: dec(0), sumIncome: dec(0) };
const q = (loanCount: number, income: number, npl: number, managed = 1000000): QuantInput => ({
  loanCount,
  interestIncome: dec(income),
  newNpl: dec(npl),
  managedLoans: dec(managed),
});

/** the whole chain as the summary does it: score, grade (caps), then what lifts it */
function next(c: QuantInput, o: PeerOthers, d = zero, firstAppointed: string | null = null) {
  const n = o.count + 1;
  const s = scoreManager(
    c,
    d,
    {
      branchType: null,
      avgLoanCount: o.sumLoanCount.plus(c.loanCount).div(n),
      avgIncome: o.sumIncome.plus(c.interestIncome).div(n),
    },
    P
  );
  const g = assessGrade(
    {
      score: dec(s.total),
      seriousViolations: d.seriousViolations,
      nplRatePct: s.nplRatePct,
      firstAppointed,
    },
    P
  );
  const v = nextOfManager(c, d, o, g, P.nplToleranceRatePct, P);
  return { s, g, v, text: nextOfManagerText(v, P), en: nextOfManagerText(v, P, "en") };
}

describe("nextOfManager (issue 18 item 2)", () => {
  it("uncapped: the text of nextGradeText, the figures of nextGrade", () => {
    const c = q(100, 500000, 10000);
    const o = one(100, 1000000);
    const x = next(c, o);
    expect(x.s.total).toBe(83.33);
    expect(x.text).toBe(nextGradeText(nextGrade(c, zero, o, P)));
    expect(x.text).toBe(
      "一级（90 分）：贷款笔数 +400 笔；或利息收入 +166,527.79 元；或新增不良 ≤ 3,335.00 元"
    );
    expect(x.en).toBe(
      "一级 (90 points): loan count +400 loans; or interest income +166,527.79 yuan; or new NPL ≤ 3,335.00 yuan"
    );
  });

  it("at the top and uncapped: 已是最高等级", () => {
    const x = next(q(100, 1000000, 10000), one(100, 1000000));
    expect(x.g.finalGrade).toBe("一级");
    expect(x.v.goal).toBeNull();
    expect(x.text).toBe("已是最高等级");
  });

  it("capped over the tolerance, the score already enough: only the NPL down to 2 % lifts it", () => {
    // 200 loans vs avg 150 → 23.33; 1,500,000 vs avg 1,250,000 → 60; r 2.5 % → 15 → 98.33 一级, cap 二级
    const x = next(q(200, 1500000, 25000), one(100, 1000000));
    expect(x.s.total).toBe(98.33);
    expect(x.g.finalGrade).toBe("二级");
    expect(x.v.goal).toBe("一级");
    expect(x.v.scoreShort).toBe(false);
    expect(x.v.maxNewNpl!.toFixed(2)).toBe("20000.00");
    expect(x.text).toBe(
      "一级（总分已达 90 分）：贷款笔数 不可能（已封顶）；或利息收入 不可能（已封顶）；或新增不良 ≤ 20,000.00 元；封顶：新增不良率须不超过 2%（第十二条）"
    );
    // at 20,000.00 r = 2 %: within the tolerance, 一级; one cent more: r > 2 %, capped
    expect(next(q(200, 1500000, 20000), one(100, 1000000)).g.finalGrade).toBe("一级");
    expect(next(q(200, 1500000, 20000.01), one(100, 1000000)).g.finalGrade).toBe("二级");
  });

  it("far over (4 % > 3 %): 二级 needs only r ≤ 1.5 × 2 % = 3 %", () => {
    // quality 30 + 10 × (1 − 4) < 0 → 0: 83.33 → 二级 by score, far-over cap 三级
    const x = next(q(200, 1500000, 40000), one(100, 1000000));
    expect(x.s.total).toBe(83.33);
    expect(x.g.finalGrade).toBe("三级");
    expect(x.v.goal).toBe("二级");
    expect(x.v.maxRatePct!.toString()).toBe("3");
    expect(x.text).toBe(
      "二级（总分已达 75 分）：贷款笔数 不可能（已封顶）；或利息收入 不可能（已封顶）；或新增不良 ≤ 30,000.00 元；封顶：新增不良率须不超过 3%（第十二条）"
    );
    expect(next(q(200, 1500000, 30000), one(100, 1000000)).g.finalGrade).toBe("二级");
    expect(next(q(200, 1500000, 30000.01), one(100, 1000000)).g.finalGrade).toBe("三级");
  });

  it("a serious violation: nothing alone lifts it, said so", () => {
    // 98.33 with r 1 % → quality 30: 113.33 − 10 = 103.33 → 一级, serious → 二级
    const x = next(q(200, 1500000, 10000), one(100, 1000000), { ...zero, seriousViolations: 1 });
    expect(x.s.total).toBe(103.33);
    expect(x.g.finalGrade).toBe("二级");
    expect(x.v.seriousBlocks).toBe(true);
    expect(x.v.maxNewNpl).toBeNull();
    expect(x.text).toBe(
      "一级（总分已达 90 分）：贷款笔数 不可能（已封顶）；或利息收入 不可能（已封顶）；或新增不良 不可能（已封顶）；封顶：严重违规 1 次，最高二级，当年不能撤销（第十二条）"
    );
    expect(x.en).toContain("cannot be undone in the year (Art. 12)");
  });

  it("score short and capped: the NPL must meet both, the lower bound wins", () => {
    // 20 + 50 + 15 = 85 二级, cap 二级 not lowering; 一级 needs quality 20 → r ≤ 2.0005 % but the cap r ≤ 2 %
    const a = next(q(100, 1000000, 25000), one(100, 1000000));
    expect(a.s.total).toBe(85);
    expect(a.g.finalGrade).toBe("二级");
    expect(a.v.maxNewNpl!.toFixed(2)).toBe("20000.00");
    expect(a.v.extraLoans).toBeNull();
    expect(a.text).toContain("或新增不良 ≤ 20,000.00 元；封顶：新增不良率须不超过 2%（第十二条）");
    // 900,000 vs avg 950,000 → 47.37: 82.37; quality 22.63 → r ≤ 1.7375 % → 17,375.00 (< 20,000)
    const b = next(q(100, 900000, 25000), one(100, 1000000));
    expect(b.s.total).toBe(82.37);
    expect(b.v.maxNewNpl!.toFixed(2)).toBe("17375.00");
    expect(next(q(100, 900000, 17375), one(100, 1000000)).g.finalGrade).toBe("一级");
    expect(next(q(100, 900000, 17375.01), one(100, 1000000)).g.finalGrade).toBe("二级");
  });

  it("protected (A5): 取消资格 by score is 三级, so the goal is 二级 (75), not 三级", () => {
    // alone: 20 + 50 + 0 (r 6 %) − 15 (5 exams) = 55 → 三级 in the protection period
    const d = { ...zero, examFails: 5 };
    const x = next(q(10, 100000, 60000), alone, d, "2025-01-01");
    expect(x.s.total).toBe(55);
    expect(x.g.finalGrade).toBe("三级");
    expect(x.v.goal).toBe("二级");
    // r 6 % > 3 %: the far-over cap 三级 holds him below 二级 → r ≤ 3 % (30,000.00); quality to 20:
    // r ≤ 2.0005 % → 20,005.00, the lower bound; r 2.0005 % > 2 % caps at 二级, the goal itself
    expect(x.v.maxRatePct!.toString()).toBe("3");
    expect(x.v.maxNewNpl!.toFixed(2)).toBe("20005.00");
    expect(x.text).toBe(
      "二级（75 分）：贷款笔数 不可能（已封顶）；或利息收入 不可能（已封顶）；或新增不良 ≤ 20,005.00 元；封顶：新增不良率须不超过 3%（第十二条）"
    );
    const at = next(q(10, 100000, 20005), alone, d, "2025-01-01");
    expect(at.s.total).toBe(75);
    expect(at.g.finalGrade).toBe("二级");
    expect(next(q(10, 100000, 20005.01), alone, d, "2025-01-01").g.finalGrade).toBe("三级");
  });
});

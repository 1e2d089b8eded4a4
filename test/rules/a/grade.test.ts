import fc from "fast-check";
import {
  assessGrade,
  gradeOfScore,
  inProtection,
  protectionEnd,
  wageCoefficient,
} from "../../../src/rules/a/grade";
import { gradeRank } from "../../../src/rules/a/common";
import { dec } from "../../../src/core/money";
import { defaultPolicy } from "../../../src/policy/defaults";
import type { Policy } from "../../../src/policy/types";
import { renderSteps } from "../../../src/rules/explain";

const P = defaultPolicy(2025);
const withTol = (pct: number | null): Policy => ({ ...P, nplToleranceRatePct: pct });

describe("A1 grade from total score (第十条)", () => {
  it.each([
    [59.99, "取消资格", null],
    [60, "三级", 1.6],
    [74.99, "三级", 1.6],
    [75, "二级", 1.8],
    [89.99, "二级", 1.8],
    [89.994, "二级", 1.8],
    [89.995, "一级", 2.0],
    [90, "一级", 2.0],
    [74.995, "二级", 1.8],
    [59.995, "三级", 1.6],
    [120, "一级", 2.0],
    [-5, "取消资格", null],
    [0, "取消资格", null],
  ])("score %p → %s", (score, grade, coef) => {
    const r = assessGrade({ score }, P);
    expect(r.scoreGrade).toBe(grade);
    expect(r.finalGrade).toBe(grade);
    expect(r.wageCoefficient).toBe(coef);
    expect(r.protected).toBe(false);
  });

  it("rounds 89.995 half-up and says so", () => {
    const r = assessGrade({ score: 89.995 }, P);
    expect(r.score).toBe(90);
    expect(r.steps.some((s) => s.code === "A_SCORE_ROUNDED" && s.kind === "interpretation")).toBe(
      true
    );
    expect(renderSteps(r.steps)).toContain("89.995 四舍五入为 90.00");
  });

  it("a computed score is read as Excel shows it (15 significant digits): =89.99+0.005 → 89.995 → 90.00 → 一级", () => {
    expect(89.99 + 0.005).toBe(89.99499999999999); // the double Excel shows as 89.995
    const r = assessGrade({ score: 89.99 + 0.005 }, P);
    expect([r.score, r.finalGrade]).toEqual([90, "一级"]);
    expect(assessGrade({ score: 74.99 + 0.005 }, P).finalGrade).toBe("二级");
    expect(renderSteps(r.steps)).toContain("89.995 四舍五入为 90.00");
  });

  it("a negative score is valid: 取消资格 with an exit reason beside it", () => {
    const r = assessGrade({ score: -12.5 }, P);
    expect(r.finalGrade).toBe("取消资格");
    expect(r.exitReasons).toEqual(["考核等级为取消资格（第四十一条）"]);
  });

  it("rejects a non-finite score", () => {
    expect(() => assessGrade({ score: NaN }, P)).toThrow(/总分/);
    expect(() => assessGrade({ score: Infinity }, P)).toThrow(/总分/);
  });
});

describe("A4 caps (第十二条)", () => {
  it("serious violation caps 一级 at 二级 but never raises", () => {
    expect(assessGrade({ score: 95, seriousViolations: 1 }, P).finalGrade).toBe("二级");
    expect(assessGrade({ score: 95, seriousViolations: 1 }, P).caps).toEqual([
      { cap: "二级", reasonCode: "A_CAP_SERIOUS", reason: "严重违规 1 次", lowered: true },
    ]);
    const low = assessGrade({ score: 65, seriousViolations: 2 }, P);
    expect(low.finalGrade).toBe("三级");
    expect(low.caps[0].lowered).toBe(false);
    const out = assessGrade({ score: 50, seriousViolations: 1 }, P);
    expect(out.finalGrade).toBe("取消资格");
    expect(out.wageCoefficient).toBeNull();
  });

  it("NPL rate exactly at tolerance: no cap; just above: 二级", () => {
    expect(assessGrade({ score: 95, nplRatePct: 1.2 }, withTol(1.2)).finalGrade).toBe("一级");
    expect(assessGrade({ score: 95, nplRatePct: 1.2001 }, withTol(1.2)).finalGrade).toBe("二级");
  });

  it("computed rates are read as Excel shows them: =0.68+1.12 (1.8000000000000003) is 1.8, not above 1.5 × 1.2", () => {
    expect(0.68 + 1.12).toBe(1.8000000000000003);
    const r = assessGrade({ score: 95, nplRatePct: 0.68 + 1.12 }, withTol(1.2));
    expect(r.finalGrade).toBe("二级");
    expect(r.caps[0].reason).toBe("新增不良率 1.8% 超过容忍度 1.2%");
    expect(renderSteps(r.steps)).toContain("新增不良率 1.8% 高于不良容忍度 1.2%：等级最高为 二级");
    expect(0.6 * 3).toBe(1.7999999999999998);
    expect(assessGrade({ score: 95, nplRatePct: 1.8 }, withTol(0.6 * 3)).finalGrade).toBe("一级"); // 1.8 is not above a tolerance shown as 1.8
    expect(assessGrade({ score: 95, nplRatePct: 2 }, withTol(0.6 * 3)).caps[0].reason).toBe(
      "新增不良率 2% 超过容忍度 1.8%"
    );
  });

  it("NPL rate exactly at 1.5 × tolerance: 二级; above: 三级", () => {
    expect(assessGrade({ score: 95, nplRatePct: 1.8 }, withTol(1.2)).finalGrade).toBe("二级");
    const r = assessGrade({ score: 95, nplRatePct: 1.81 }, withTol(1.2));
    expect(r.finalGrade).toBe("三级");
    expect(r.caps.map((c) => c.reasonCode)).toEqual(["A_CAP_FAR_OVER_TOL"]);
    expect(r.wageCoefficient).toBe(1.6);
  });

  it("the rate shown in the cap reason never contradicts the decision (1.50004% vs 1.5 × 1%)", () => {
    const r = assessGrade({ score: 95, nplRatePct: 1.50004 }, withTol(1));
    expect(r.finalGrade).toBe("三级");
    expect(r.caps[0].reason).toBe("新增不良率 1.50004% 超过容忍度 1% 的 1.5 倍");
    expect(renderSteps(r.steps)).toContain("新增不良率 1.50004% 超过不良容忍度 1% 的 1.5 倍");
    const w = assessGrade({ score: 95, nplRatePct: 1.00004 }, withTol(1));
    expect(w.caps[0].reason).toBe("新增不良率 1.00004% 超过容忍度 1%");
    expect(assessGrade({ score: 95, nplRatePct: 1.23456 }, withTol(1)).caps[0].reason).toBe(
      "新增不良率 1.2346% 超过容忍度 1%"
    );
  });

  it("the lowest cap wins", () => {
    const r = assessGrade({ score: 95, seriousViolations: 1, nplRatePct: 2 }, withTol(1));
    expect(r.finalGrade).toBe("三级");
    expect(r.caps.map((c) => [c.cap, c.lowered])).toEqual([
      ["二级", true],
      ["三级", true],
    ]);
  });

  it("tolerance unset → the NPL caps are not applied, with a warning", () => {
    const r = assessGrade({ score: 95, nplRatePct: 50 }, P);
    expect(r.finalGrade).toBe("一级");
    expect(r.steps.find((s) => s.code === "A_TOL_UNSET")?.kind).toBe("warning");
    expect(renderSteps(r.steps)).toContain("未设置不良容忍度");
  });

  it("an explicit tolerance overrides the policy", () => {
    expect(assessGrade({ score: 95, nplRatePct: 2, toleranceRatePct: 1.5 }, P).finalGrade).toBe(
      "二级"
    );
  });

  it("NPL rate missing with tolerance set → warning, no cap", () => {
    const r = assessGrade({ score: 95 }, withTol(1));
    expect(r.finalGrade).toBe("一级");
    expect(r.steps.some((s) => s.code === "A_NPL_RATE_MISSING")).toBe(true);
  });

  it("rejects a negative NPL rate (bad input, never read as within tolerance)", () => {
    expect(() => assessGrade({ score: 95, nplRatePct: -1 }, withTol(1))).toThrow(
      /新增不良贷款率应为非负数/
    );
    expect(() => assessGrade({ score: 95, nplRatePct: -1 }, P)).toThrow(/新增不良贷款率应为非负数/); // tolerance unset too
    expect(() => assessGrade({ score: 95, nplRatePct: NaN }, P)).toThrow(
      /新增不良贷款率不是有限数值/
    );
  });

  it("rejects a negative or fractional violation count", () => {
    expect(() => assessGrade({ score: 95, seriousViolations: -1 }, P)).toThrow(/严重违规次数/);
    expect(() => assessGrade({ score: 95, seriousViolations: 1.5 }, P)).toThrow(/严重违规次数/);
  });
});

describe("A5 protection period (第七条、第十五条)", () => {
  it("appointed 2023-12-31, assessed 2025-12-31: not protected", () => {
    expect(protectionEnd("2023-12-31", P)).toBe("2025-12-31");
    expect(inProtection("2023-12-31", "2025-12-31", P)).toBe(false);
    const r = assessGrade({ score: 40, firstAppointed: "2023-12-31" }, P);
    expect(r.protected).toBe(false);
    expect(r.finalGrade).toBe("取消资格");
  });

  it("appointed 2024-01-01, assessed 2025-12-31: protected → 三级 instead of 取消资格", () => {
    const r = assessGrade({ score: 40, firstAppointed: "2024-01-01" }, P);
    expect(r.protected).toBe(true);
    expect(r.scoreGrade).toBe("取消资格");
    expect(r.finalGrade).toBe("三级");
    expect(r.exitReasons).toEqual([]);
    expect(r.wageCoefficient).toBe(1.6);
  });

  it("29 February start: anniversary on 28 February", () => {
    expect(protectionEnd("2024-02-29", P)).toBe("2026-02-28");
    expect(inProtection("2024-02-29", "2026-02-27", P)).toBe(true);
    expect(inProtection("2024-02-29", "2026-02-28", P)).toBe(false);
  });

  it("previous coefficient: the larger, only within protection, for every grade", () => {
    expect(
      assessGrade({ score: 95, firstAppointed: "2025-03-01", prevCoefficient: 2.2 }, P)
        .wageCoefficient
    ).toBe(2.2);
    expect(
      assessGrade({ score: 95, firstAppointed: "2025-03-01", prevCoefficient: 1.5 }, P)
        .wageCoefficient
    ).toBe(2.0);
    expect(
      assessGrade({ score: 10, firstAppointed: "2025-03-01", prevCoefficient: 1.7 }, P)
        .wageCoefficient
    ).toBe(1.7);
    expect(
      assessGrade({ score: 95, firstAppointed: "2020-03-01", prevCoefficient: 2.2 }, P)
        .wageCoefficient
    ).toBe(2.0);
  });

  it("first appointment after the assessment date is an error", () => {
    expect(() => assessGrade({ score: 95, firstAppointed: "2026-01-01" }, P)).toThrow(
      /晚于评定日期/
    );
  });
});

describe("wage coefficient", () => {
  it("per grade, none for 取消资格", () => {
    expect(wageCoefficient("一级", P).value).toBe(2);
    expect(wageCoefficient("二级", P).value).toBe(1.8);
    expect(wageCoefficient("三级", P).value).toBe(1.6);
    expect(wageCoefficient("取消资格", P).value).toBeNull();
    expect(
      wageCoefficient("三级", P, { firstAppointed: "2025-01-01", prevCoefficient: 1.9 }).value
    ).toBe(1.9);
  });
});

describe("policy is read, not literals", () => {
  it("moving the grade thresholds, coefficients, caps and protection moves the result", () => {
    const q: Policy = JSON.parse(JSON.stringify(P));
    q.a.grades = [
      { grade: "一级", minScore: 95, wageCoefficient: 2.5 },
      { grade: "二级", minScore: 80, wageCoefficient: 2.1 },
      { grade: "三级", minScore: 65, wageCoefficient: 1.3 },
    ];
    expect(assessGrade({ score: 92 }, q).finalGrade).toBe("二级");
    expect(assessGrade({ score: 96 }, q).wageCoefficient).toBe(2.5);
    expect(assessGrade({ score: 62 }, q).finalGrade).toBe("取消资格");
    q.a.capSeriousViolation = "三级";
    expect(assessGrade({ score: 96, seriousViolations: 1 }, q).finalGrade).toBe("三级");
    q.nplToleranceRatePct = 1;
    q.a.farOverToleranceFactor = 2;
    expect(assessGrade({ score: 96, nplRatePct: 1.9 }, q).finalGrade).toBe("二级");
    expect(assessGrade({ score: 96, nplRatePct: 2.1 }, q).finalGrade).toBe("三级");
    q.a.capOverTolerance = "三级";
    expect(assessGrade({ score: 96, nplRatePct: 1.5 }, q).finalGrade).toBe("三级");
    q.a.capFarOverTolerance = "二级";
    q.a.capOverTolerance = "二级";
    expect(assessGrade({ score: 96, nplRatePct: 2.1 }, q).finalGrade).toBe("二级");
    q.a.protectionYears = 3;
    expect(inProtection("2023-06-01", "2025-12-31", q)).toBe(true);
    q.a.protectedGrade = "二级";
    expect(assessGrade({ score: 10, firstAppointed: "2023-06-01" }, q).finalGrade).toBe("二级");
  });
});

describe("properties", () => {
  it("grade is monotone in score", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(gradeRank(gradeOfScore(dec(hi).toDecimalPlaces(2), P))).toBeLessThanOrEqual(
            gradeRank(gradeOfScore(dec(lo).toDecimalPlaces(2), P))
          );
          expect(gradeRank(assessGrade({ score: hi }, P).finalGrade)).toBeLessThanOrEqual(
            gradeRank(assessGrade({ score: lo }, P).finalGrade)
          );
        }
      )
    );
  });

  it("no NaN/Infinity for any finite input", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.nat(5),
        fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
        fc.option(fc.double({ min: 0, max: 10, noNaN: true })),
        fc.option(fc.double({ min: 0.1, max: 5, noNaN: true })),
        (score, sv, rate, tol, prev) => {
          const r = assessGrade(
            {
              score,
              seriousViolations: sv,
              nplRatePct: rate,
              toleranceRatePct: tol,
              prevCoefficient: prev,
              firstAppointed: "2024-06-01",
            },
            P
          );
          expect(Number.isFinite(r.score)).toBe(true);
          if (r.wageCoefficient !== null) expect(Number.isFinite(r.wageCoefficient)).toBe(true);
          expect(renderSteps(r.steps)).not.toMatch(/NaN|Infinity/);
        }
      )
    );
  });
});

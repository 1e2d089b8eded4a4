/** A10 rev 2 (第四十八条 2): the band boundaries as the article words them — 超20%(含)以内 80%, 超20%–50%(含) 50%, 50%以上 0. */
import { overToleranceShare } from "../../../src/rules/a/tolerance";
import { renderSteps } from "../../../src/rules/explain";
import { dec } from "../../../src/core/money";
import { defaultPolicy } from "../../../src/policy/defaults";
import * as A from "../../../src/functions/a";

const P = defaultPolicy(2025);
const share = (npl: number | string, tol: number | string, done: number) =>
  overToleranceShare(dec(npl as number), dec(tol as number), done, P);

describe("A10 band boundaries", () => {
  it.each([
    // responsible NPL, tolerance, collection done, share (hand-computed over = (npl − tol) ÷ tol)
    [180000, 150000, 0.8, 0.8], // over = 30,000 ÷ 150,000 = 20% exactly → 80%
    [180000.01, 150000, 0.8, 0.5], // 20.0000067% → 50%
    [225000, 150000, 0.8, 0.5], // 50% exactly → 50% (含)
    [225000.01, 150000, 1, 0], // 50.0000067% → 0
    [150000.01, 150000, 0.8, 0.8], // just over tolerance
    [180000, 150000, 0.7999, 0], // collection under 80% → 0
    [180000, 150000, 0.7 + 0.1, 0.8], // =0.7+0.1 (0.7999999999999999) is 80% as Excel shows it
    [225000, 150000, 0.7 + 0.1, 0.5],
    [1, 0, 1, 0], // tolerance 0 with NPL → over > 50%
  ])("npl %p tol %p done %p → %p", (npl, tol, done, expected) => {
    expect(share(npl, tol, done).share).toBe(expected);
  });

  it("within tolerance (npl = tolerance) the rule does not apply", () => {
    expect(share(150000, 150000, 1)).toMatchObject({ applies: false, share: null });
    expect(share(0, 0, 1)).toMatchObject({ applies: false, share: null });
  });

  it("explanations quote the article's (含) at an exact band limit and name 第四十八条", () => {
    const at20 = share(180000, 150000, 0.8);
    const t = renderSteps(at20.steps, "zh", "；");
    expect(t).toContain("20%（含）以内");
    expect(
      at20.steps.some((s) => s.kind === "interpretation" && s.article === "第四十八条 2")
    ).toBe(true);
    const at50 = renderSteps(share(225000, 150000, 0.8).steps, "zh", "；");
    expect(at50).toContain("50%（含）");
    expect(renderSteps(share(225000.01, 150000, 0.8).steps, "zh", "；")).toContain("50%以上");
    expect(renderSteps(share(1, 0, 1).steps, "zh", "；")).toContain("容忍额度为 0");
  });

  it("CM.OVERTOLSHARE with computed inputs (=0.1+0.2 over 0.25 is 20% exactly; =0.7+0.1 done)", () => {
    expect(A.overtolshare(0.1 + 0.2, 0.25, 0.8)).toBe(0.8);
    expect(A.overtolshare(180000, 150000, 0.7 + 0.1)).toBe(0.8);
    expect(A.overtolshare(225000, 150000, 0.8)).toBe(0.5);
    expect(A.overtolshare(225000.01, 150000, 0.8)).toBe(0);
  });
});

/** A1 rev 2 (第十三条): branch heads are graded, their coefficient is their post's; A9: 支行长 at 60%; A5: 第七条 performance-pay note. */
import { assessGrade, wageCoefficient } from "../../../src/rules/a/grade";
import { toleranceAmount } from "../../../src/rules/a/tolerance";
import { assessCreditManagers } from "../../../src/rules/a/assess";
import { POST_COEFFICIENT_TEXT } from "../../../src/rules/a/common";
import { renderSteps } from "../../../src/rules/explain";
import { dec } from "../../../src/core/money";
import { defaultPolicy } from "../../../src/policy/defaults";
import * as A from "../../../src/functions/a";
import { manager } from "./helpers";

const P = defaultPolicy(2025);

describe("A1 branch heads (第十三条)", () => {
  it("the text", () => {
    expect(POST_COEFFICIENT_TEXT).toBe("按岗位职务系数（第十三条）");
  });

  it.each(["支行长", "副行长", "分理处主任"] as const)(
    "%s: graded, no number as coefficient",
    (post) => {
      const g = assessGrade({ score: 92, post }, P);
      expect(g.finalGrade).toBe("一级");
      expect(g.wageCoefficient).toBeNull();
      expect(g.postCoefficient).toBe(true);
      const t = renderSteps(g.steps, "zh", "；");
      expect(t).toContain(POST_COEFFICIENT_TEXT);
      expect(t).toContain(post);
      expect(g.steps.some((s) => s.article === "第十三条")).toBe(true);
    }
  );

  it("客户经理 and blank post: the grade's coefficient", () => {
    expect(assessGrade({ score: 92, post: "客户经理" }, P)).toMatchObject({
      wageCoefficient: 2,
      postCoefficient: false,
    });
    expect(assessGrade({ score: 80, post: null }, P)).toMatchObject({
      wageCoefficient: 1.8,
      postCoefficient: false,
    });
    expect(assessGrade({ score: 80 }, P)).toMatchObject({
      wageCoefficient: 1.8,
      postCoefficient: false,
    });
  });

  it("a branch head below 60 is 取消资格 as anyone (grade shown); in protection the protected grade, still the post's coefficient", () => {
    expect(assessGrade({ score: 59.99, post: "支行长" }, P)).toMatchObject({
      finalGrade: "取消资格",
      wageCoefficient: null,
    });
    const g = assessGrade(
      { score: 50, post: "副行长", firstAppointed: "2025-01-01", prevCoefficient: 2.2 },
      P
    );
    expect(g).toMatchObject({ finalGrade: "三级", wageCoefficient: null, postCoefficient: true });
  });

  it("wageCoefficient with a post", () => {
    expect(wageCoefficient("二级", P, { post: "分理处主任" })).toMatchObject({
      value: null,
      postCoefficient: true,
    });
    expect(wageCoefficient("二级", P, { post: "客户经理" })).toMatchObject({
      value: 1.8,
      postCoefficient: false,
    });
  });

  it("CM.WAGECOEF(grade,,,post) → #N/A 按岗位职务系数（第十三条）; 客户经理/blank → the number", () => {
    const e = A.wagecoef("一级", null, null, "支行长") as CustomFunctions.Error;
    expect(e).toBeInstanceOf(CustomFunctions.Error);
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("按岗位职务系数（第十三条）");
    expect(A.wagecoef("一级", null, null, "客户经理")).toBe(2);
    expect(A.wagecoef("一级", null, null, null)).toBe(2);
    expect(A.wagecoef("二级", null, null, null, 2025)).toBe(1.8);
    expect((A.wagecoef("二级", null, null, "行长") as CustomFunctions.Error).code).toBe("#VALUE!");
  });

  it("the roster: 职务 carried into the assessment", () => {
    const r = assessCreditManagers(
      [manager({ id: "E1", post: "支行长" }), manager({ id: "E2" })],
      P
    );
    const [a, b] = r.rows;
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) {
      expect(a.wageCoefficient).toBeNull();
      expect(a.postCoefficient).toBe(true);
      expect(b.postCoefficient).toBe(false);
      expect(typeof b.wageCoefficient).toBe("number");
    }
  });
});

describe("A5 第七条 performance-pay note", () => {
  it("in the protection period the explanation states it; outside it does not", () => {
    const inP = renderSteps(
      assessGrade({ score: 80, firstAppointed: "2025-01-01" }, P).steps,
      "zh",
      "；"
    );
    expect(inP).toContain("绩效");
    expect(inP).toContain("第七条");
    const out = renderSteps(
      assessGrade({ score: 80, firstAppointed: "2020-01-01" }, P).steps,
      "zh",
      "；"
    );
    expect(out).not.toContain("绩效工资不低于");
  });
});

describe("A9 支行长 at 60% (第四十七条)", () => {
  it("职务 = 支行长 → 6% and 3%: 800,000 and 2,000,000 → 108,000.00", () => {
    expect(toleranceAmount(dec(800000), dec(2000000), false, P, "支行长").value.toFixed(2)).toBe(
      "108000.00"
    );
    expect(toleranceAmount(dec(800000), dec(2000000), true, P, null).value.toFixed(2)).toBe(
      "108000.00"
    );
    expect(toleranceAmount(dec(800000), dec(2000000), false, P, "副行长").value.toFixed(2)).toBe(
      "180000.00"
    );
    expect(
      toleranceAmount(dec(800000), dec(2000000), false, P, "分理处主任").value.toFixed(2)
    ).toBe("180000.00");
    expect(toleranceAmount(dec(800000), dec(2000000), false, P, "客户经理").value.toFixed(2)).toBe(
      "180000.00"
    );
    const t = renderSteps(
      toleranceAmount(dec(800000), dec(2000000), false, P, "支行长").steps,
      "zh",
      "；"
    );
    expect(t).toContain("支行长");
    expect(t).toContain("60%");
  });

  it("CM.TOLERANCE(np, ent, urban, post)", () => {
    expect(A.tolerance(800000, 2000000, null, "支行长")).toBe(108000);
    expect(A.tolerance(800000, 2000000, "否", "副行长")).toBe(180000);
    expect(A.tolerance(800000, 2000000, "是", "副行长")).toBe(108000);
    expect(A.tolerance(800000, 2000000, null, null, 2025)).toBe(180000);
  });
});

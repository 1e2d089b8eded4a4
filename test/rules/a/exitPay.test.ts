/** A10b (第四十五、四十七、四十八条1, rev 2): the post-exit pay basis of a CM leaving by age. */
import { exitPayBasis } from "../../../src/rules/a/exitPay";
import { renderSteps } from "../../../src/rules/explain";
import { dec } from "../../../src/core/money";
import { defaultPolicy } from "../../../src/policy/defaults";
import type { Policy } from "../../../src/policy/types";

const P = defaultPolicy(2025);
const withTellers: Policy = { ...P, a: { ...P.a, tellerAvgPay: 60000, tellerAvgCoefficient: 1.4 } };
const base = {
  exitDate: "2025-06-16",
  extended: false,
  grade: "二级" as const,
  post: null,
  tolerance: dec(180000),
};

describe("A10b exit pay basis", () => {
  it("within tolerance (balance = tolerance): the grade's coefficient at exit, 第四十七条", () => {
    const r = exitPayBasis({ ...base, balance: dec(180000) }, P);
    expect(r).toMatchObject({ within: true, coefficient: 1.8, share: null, over: null });
    expect(r.basisZh).toContain("第四十五条");
    expect(r.basisZh).toContain("第四十七条");
    expect(r.basisZh).toContain("柜员平均业务量绩效");
    expect(r.tellerPayText).toBe("未设置");
    expect(r.tellerCoefText).toBe("未设置");
  });

  it("beyond tolerance by exactly 20%: 第四十八条, tellers' coefficient, A10 share 80% when ≥ 80% collected", () => {
    const r = exitPayBasis({ ...base, balance: dec(216000) }, withTellers);
    expect(r.within).toBe(false);
    expect(r.over?.toNumber()).toBe(0.2);
    expect(r.share).toBe(0.8);
    expect(r.coefficient).toBe(1.4);
    expect(r.basisZh).toContain("第四十八条");
    expect(r.basisZh).toContain("季度清收任务");
    expect(r.basisZh).toContain("80%");
    expect(r.tellerPayText).toBe("60,000.00 元");
    expect(r.tellerCoefText).toBe("1.4");
  });

  it("beyond by 50% → 50%; by 50.01% → 0; tolerance 0 with NPL → 0", () => {
    expect(exitPayBasis({ ...base, balance: dec(270000) }, P).share).toBe(0.5);
    expect(exitPayBasis({ ...base, balance: dec(270018) }, P).share).toBe(0);
    expect(exitPayBasis({ ...base, tolerance: dec(0), balance: dec(1) }, P)).toMatchObject({
      within: false,
      share: 0,
      over: null,
    });
  });

  it("beyond with the tellers' coefficient unset: text, never a number", () => {
    const r = exitPayBasis({ ...base, balance: dec(200000) }, P);
    expect(r.coefficient).toBeNull();
    expect(r.coefficientText).toContain("柜员平均工资系数");
    expect(r.coefficientText).toContain("未设置");
  });

  it("branch heads within tolerance: 按岗位职务系数（第十三条）; 取消资格 / no grade: said", () => {
    expect(exitPayBasis({ ...base, post: "支行长", balance: dec(0) }, P)).toMatchObject({
      coefficient: null,
      coefficientText: "按岗位职务系数（第十三条）",
    });
    expect(
      exitPayBasis({ ...base, grade: "取消资格", balance: dec(0) }, P).coefficientText
    ).toContain("取消资格");
    expect(exitPayBasis({ ...base, grade: null, balance: dec(0) }, P).coefficientText).toContain(
      "未评定"
    );
    expect(exitPayBasis({ ...base, grade: "一级", balance: dec(0) }, P).coefficient).toBe(2);
  });

  it("explanations name the articles and the interpretations", () => {
    const r = exitPayBasis({ ...base, balance: dec(216000) }, P);
    const t = renderSteps(r.steps, "zh", "；");
    expect(t).toContain("第四十八条");
    expect(r.steps.some((s) => s.kind === "interpretation")).toBe(true);
    expect(t).toContain("不计算工资");
  });
});

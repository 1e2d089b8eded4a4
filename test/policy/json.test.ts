import { defaultPolicy } from "../../src/policy/defaults";
import {
  policyFromJson,
  policyFromJsonWithIssues,
  policyJsonYear,
  PolicyJsonError,
  policyToJson,
} from "../../src/policy/json";
import { POLICY_SCHEMA, shownParams } from "../../src/policy/schema";
import { everyFieldChanged } from "./helpers";

const base = defaultPolicy(2025);

function errorOf(f: () => unknown): PolicyJsonError {
  try {
    f();
  } catch (e) {
    if (e instanceof PolicyJsonError) return e;
    throw e;
  }
  throw new Error("expected a PolicyJsonError");
}

describe("policyToJson", () => {
  test("the sheet's keys in the sheet's order, unset as null, lists as arrays", () => {
    const o = JSON.parse(policyToJson(base));
    expect(Object.keys(o)).toEqual(shownParams(base).map((d) => d.key));
    expect(o["不良容忍度"]).toBeNull();
    expect(o["A.责任不良.五级分类"]).toEqual(["次级", "可疑", "损失"]);
    expect(o["A.末位.黄牌金额"]).toBe(1000000);
  });

  test("round trip JSON → policy for the defaults and for a policy with every field changed", () => {
    expect(policyFromJson(policyToJson(base), base)).toEqual(base);
    const p = everyFieldChanged(2025);
    expect(policyFromJson(policyToJson(p), base)).toEqual(p);
  });
});

describe("policyFromJson: a partial override", () => {
  test("sheet keys", () => {
    const p = policyFromJson(
      JSON.stringify({
        不良容忍度: 1.2,
        "A.一级.最低分": 88,
        "A.容忍度.自然人比例": "12%",
        "D.大额起点": "600万",
      }),
      base
    );
    expect(p.nplToleranceRatePct).toBe(1.2);
    expect(p.a.grades[0].minScore).toBe(88);
    expect(p.a.toleranceNaturalRate).toBe(0.12);
    expect(p.d.largeAmount).toBe(6000000);
    expect(p.a.grades[1]).toEqual(base.a.grades[1]);
    expect(base.a.grades[0].minScore).toBe(90); // base untouched
  });

  test("the Policy object shape, arrays by position, records by key", () => {
    const p = policyFromJson(
      JSON.stringify({
        nplToleranceRatePct: 1.5,
        a: { grades: [{ grade: "一级", minScore: 92 }], annualCompRatios: { "2001": 0.3 } },
        c: { points: { "3.2a": 6 } },
      }),
      base
    );
    expect(p.nplToleranceRatePct).toBe(1.5);
    expect(p.a.grades[0].minScore).toBe(92);
    expect(p.a.annualCompRatios).toEqual({ "2001": 0.3 });
    expect(p.c.points["3.2a"]).toBe(6);
  });

  test("null unsets a nullable parameter", () => {
    const p = policyFromJson(JSON.stringify({ "A.质量.最高分": 40 }), base);
    expect(policyFromJson(JSON.stringify({ "A.质量.最高分": null }), p).a.qualityMax).toBeNull();
  });

  test("errors are collected into one CLI-ready line", () => {
    const e = errorOf(() =>
      policyFromJson(
        JSON.stringify({
          "A.一级.最低分": "abc",
          未知参数: 1,
          "A.笔数.最高分": null,
          a: { grades: [{ grade: "二级" }] },
        }),
        base
      )
    );
    expect(e.issues).toHaveLength(4);
    expect(e.message).not.toContain("\n");
    expect(e.message).toContain("未知参数“未知参数”");
    expect(e.message).toContain("不是数值");
    expect(e.message).toContain("不能为空");
    expect(e.message).toContain("应为 一级");
  });

  test("a rate typed ×100 is an error in a batch run, naming the likely value", () => {
    const e = errorOf(() => policyFromJson(JSON.stringify({ 不良容忍度: 120 }), base));
    expect(e.message).toContain("可能应为 1.2");
  });

  test("a figure outside its usual range is accepted with a warning", () => {
    const r = policyFromJsonWithIssues(JSON.stringify({ 不良容忍度: 0.012 }), base);
    expect(r.policy.nplToleranceRatePct).toBe(0.012);
    expect(r.issues).toMatchObject([{ severity: "warning", rule: "POLICY.scale" }]);
  });

  test("disordered thresholds, a key given twice, a year other than the base's, bad JSON", () => {
    expect(
      errorOf(() => policyFromJson(JSON.stringify({ "A.二级.最低分": 95 }), base)).message
    ).toContain("从高到低");
    expect(
      errorOf(() =>
        policyFromJson(
          JSON.stringify({ "A.一级.最低分": 91, a: { grades: [{ minScore: 92 }] } }),
          base
        )
      ).message
    ).toContain("出现两次");
    expect(errorOf(() => policyFromJson(JSON.stringify({ 年度: 2024 }), base)).message).toContain(
      "不一致"
    );
    expect(errorOf(() => policyFromJson("{not json", base)).message).toContain("不是有效的 JSON");
    expect(errorOf(() => policyFromJson("[1,2]", base)).message).toContain("顶层须为对象");
  });

  test("policyJsonYear reads 年度 or year", () => {
    expect(policyJsonYear('{"年度": 2024}')).toBe(2024);
    expect(policyJsonYear('{"year": "2023"}')).toBe(2023);
    expect(policyJsonYear('{"不良容忍度": 1}')).toBeNull();
    expect(() => policyJsonYear('{"年度": "去年"}')).toThrow(PolicyJsonError);
  });
});

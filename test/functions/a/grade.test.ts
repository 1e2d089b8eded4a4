import fc from "fast-check";
import { grade, wagecoef } from "../../../src/functions/a";
import { clearWorkbookPolicies, setWorkbookPolicy } from "../../../src/policy/store";
import { defaultPolicy } from "../../../src/policy/defaults";

const isErr = (x: unknown): x is CustomFunctions.Error => x instanceof CustomFunctions.Error;

afterEach(() => clearWorkbookPolicies());

describe("CM.GRADE", () => {
  it.each([
    [59.99, "取消资格"],
    [60, "三级"],
    [74.99, "三级"],
    [75, "二级"],
    [89.99, "二级"],
    [89.995, "一级"],
    [90, "一级"],
    [-3, "取消资格"],
    ["８９.９９５", "一级"],
    ["90", "一级"],
    [[[75]], "二级"],
  ])("%p → %s", (score, expected) => {
    expect(grade(score)).toBe(expected);
  });

  it("omitted optionals arrive as null", () => {
    expect(grade(95, null, null, null, null, null, null)).toBe("一级");
  });

  it("blank score → #VALUE! naming the argument", () => {
    for (const blank of [null, "", "  ", [[null]]]) {
      const r = grade(blank);
      expect(isErr(r)).toBe(true);
      expect((r as CustomFunctions.Error).code).toBe("#VALUE!");
      expect((r as CustomFunctions.Error).message).toContain("score（总分）");
      expect((r as CustomFunctions.Error).message).toContain("不能为空");
    }
  });

  it("text score → #VALUE! naming the argument", () => {
    const r = grade("优秀") as CustomFunctions.Error;
    expect(r.code).toBe("#VALUE!");
    expect(r.message).toContain("score（总分）");
  });

  it("a range of several cells → #VALUE!", () => {
    const r = grade([[1], [2]]) as CustomFunctions.Error;
    expect(r.code).toBe("#VALUE!");
  });

  it("serious violations, NPL rate and tolerance", () => {
    expect(grade(95, 1)).toBe("二级");
    expect(grade(95, "1")).toBe("二级");
    expect(grade(95, 0, 1.8, 1.2)).toBe("二级");
    expect(grade(95, 0, 1.81, 1.2)).toBe("三级");
    expect(grade(95, 0, 1.2, 1.2)).toBe("一级");
    expect(grade(95, 0, 5)).toBe("一级"); // tolerance unset in the default policy
    const bad = grade(95, 1.5) as CustomFunctions.Error;
    expect(bad.code).toBe("#VALUE!");
    expect(bad.message).toContain("严重违规次数");
  });

  it("tolerance from the workbook policy", () => {
    const p = defaultPolicy(2025);
    p.nplToleranceRatePct = 1;
    setWorkbookPolicy(p);
    expect(grade(95, 0, 1.2)).toBe("二级");
    expect(grade(95, 0, 1.6)).toBe("三级");
  });

  it("protection with the date as serial and as text", () => {
    // 2024-06-01 = serial 45444; default policy year = the current year
    const thisYear = new Date().getFullYear();
    expect(grade(40, 0, null, null, `${thisYear}-01-01`)).toBe("三级");
    expect(grade(40, 0, null, null, "2023-12-31", null, 2025)).toBe("取消资格");
    expect(grade(40, 0, null, null, "2024年1月1日", null, 2025)).toBe("三级");
    expect(grade(40, 0, null, null, 45444, null, 2025)).toBe("三级");
    const bad = grade(40, 0, null, null, "明天", null, 2025) as CustomFunctions.Error;
    expect(bad.message).toContain("firstAppointed（首次任职日期）");
  });

  it("never throws for arbitrary input", () => {
    const cell = fc.oneof(
      fc.double(),
      fc.string(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.date({ noInvalidDate: false })
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(cell, fc.array(fc.array(cell, { maxLength: 2 }), { maxLength: 2 })), {
          maxLength: 7,
        }),
        (args) => {
          const r = grade(...(args as [any]));
          expect(typeof r === "string" || isErr(r)).toBe(true);
          const w = wagecoef(...(args.slice(0, 4) as [any]));
          expect((typeof w === "number" && Number.isFinite(w)) || isErr(w)).toBe(true);
        }
      )
    );
  });
});

describe("CM.WAGECOEF", () => {
  it("per grade; 取消资格 → #N/A with a message", () => {
    expect(wagecoef("一级")).toBe(2);
    expect(wagecoef(" 二级 ")).toBe(1.8);
    expect(wagecoef("3级")).toBe(1.6);
    const r = wagecoef("取消资格") as CustomFunctions.Error;
    expect(r.code).toBe("#N/A");
    expect(r.message).toContain("无工资系数");
  });

  it("unknown grade → #VALUE! naming the argument", () => {
    const r = wagecoef("四级") as CustomFunctions.Error;
    expect(r.code).toBe("#VALUE!");
    expect(r.message).toContain("grade（等级）");
    expect((wagecoef(null) as CustomFunctions.Error).message).toContain("不能为空");
  });

  it("protection period: larger of the two coefficients", () => {
    expect(wagecoef("三级", "2024-06-01", 1.9, null, 2025)).toBe(1.9);
    expect(wagecoef("三级", "2020-06-01", 1.9, null, 2025)).toBe(1.6);
    expect(wagecoef("一级", "2024-06-01", "1.5", null, 2025)).toBe(2);
  });

  it("the year picks the workbook policy", () => {
    const p = defaultPolicy(2024);
    p.a.grades = p.a.grades.map((g) => ({ ...g, wageCoefficient: g.wageCoefficient + 0.1 }));
    setWorkbookPolicy(p);
    expect(wagecoef("一级", null, null, null, 2024)).toBeCloseTo(2.1, 10);
    expect(wagecoef("一级", null, null, null, 2025)).toBe(2);
  });
});

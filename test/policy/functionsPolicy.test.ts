/**
 * The custom functions use the workbook's policy: after the 政策参数 sheet is read and registered
 * (as loadWorkbookPolicy / writePolicySheet do), CM.GRADE and any defineFunction wrapper compute
 * with the new figures; the optional last `year` argument selects another year's policy.
 */
import { grade, wagecoef } from "../../src/functions/a";
import { defineFunction, YEAR_ARG } from "../../src/functions/args";
import { defaultPolicy } from "../../src/policy/defaults";
import { readPolicyFromGrid } from "../../src/policy/sheet";
import { policySheetModel } from "../../src/summary/policySheet";
import {
  activePolicy,
  clearWorkbookPolicies,
  currentYear,
  setWorkbookPolicy,
} from "../../src/policy/store";
import { modelGrid } from "./helpers";

afterEach(() => clearWorkbookPolicies());

/** A policy-reading wrapper: the yellow-card amount in the workbook's unit, and an amount input converted to 元. */
const YELLOW = defineFunction(
  { id: "TESTYELLOW", params: [{ name: "x", zh: "金额", type: "amount" }, YEAR_ARG] as const },
  (a, ctx) => [[ctx.policy.year, ctx.amountOut(ctx.policy.a.yellowCardAmount), a.x.toNumber()]]
);

function sheetPolicy(year: number, edit: Record<string, number | string>) {
  const g = modelGrid(policySheetModel(defaultPolicy(year)));
  for (const [k, v] of Object.entries(edit)) g.sheets[0].values.find((r) => r[0] === k)![1] = v;
  const r = readPolicyFromGrid(g, year);
  expect(r.issues).toEqual([]);
  return r.policy;
}

describe("CM.* functions read the workbook policy", () => {
  test("CM.GRADE moves when the sheet changes a grade threshold", () => {
    expect(grade(85)).toBe("二级");
    setWorkbookPolicy(sheetPolicy(2025, { "A.一级.最低分": 85 }));
    expect(grade(85)).toBe("一级");
    expect(grade(84.99)).toBe("二级");
  });

  test("CM.GRADE applies the sheet's 不良容忍度 cap and CM.WAGECOEF the sheet's coefficient", () => {
    expect(grade(95, 0, 2)).toBe("一级"); // tolerance unset: no NPL cap
    setWorkbookPolicy(sheetPolicy(2025, { 不良容忍度: 1.2, "A.一级.工资系数": 2.2 }));
    expect(grade(95, 0, 1.5)).toBe("二级");
    expect(grade(95, 0, 2)).toBe("三级");
    expect(wagecoef("一级")).toBe(2.2);
  });

  test("the optional last argument selects another year's policy", () => {
    setWorkbookPolicy(sheetPolicy(2025, { "A.一级.最低分": 85 }));
    expect(grade(85, null, null, null, null, null, 2025)).toBe("一级");
    expect(grade(85, null, null, null, null, null, 2024)).toBe("二级"); // 2024: built-in defaults
    expect(YELLOW(1, 2024)).toEqual([[2024, 1000000, 1]]);
    expect(YELLOW(1)).toEqual([[2025, 1000000, 1]]);
  });

  test("the amount unit of the sheet applies to inputs and outputs, also for another year", () => {
    setWorkbookPolicy(sheetPolicy(2025, { 金额单位: "万元", "A.末位.黄牌金额": 2000000 }));
    expect(YELLOW(3)).toEqual([[2025, 200, 30000]]);
    expect(YELLOW(3, 2024)).toEqual([[2024, 100, 30000]]);
    expect(activePolicy(2024).amountUnit).toBe("万元");
  });

  test("without a workbook policy: the current year's defaults", () => {
    expect(YELLOW(1)).toEqual([[currentYear(), 1000000, 1]]);
  });
});

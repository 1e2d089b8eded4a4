import { recordOf } from "../../src/core/record";
import { SUMMARY_SHEET_NAMES, withoutCopySuffix } from "../../src/core/sheetNames";
import { isOwnSheet } from "../../src/reader/find";
import { SUMMARIES } from "../../src/summary/common";
import { FIVE_CLASSES } from "../../src/core/rows";
import { CREDIT_GRADES } from "../../src/policy/types";
import { defaultPolicy } from "../../src/policy/defaults";
import { FIVE_CLASS_VALUES as POLICY_FIVE_CLASSES, GRADE_VALUES } from "../../src/policy/schema";
import { FIVE_CLASS_VALUES as READER_FIVE_CLASSES } from "../../src/reader/schema";

describe("recordOf and the registries derived from one list", () => {
  test("recordOf keys each value by its key, in order, with its index", () => {
    const r = recordOf(["a", "b", "c"] as const, (k, i) => `${k}${i}`);
    expect(r).toEqual({ a: "a0", b: "b1", c: "c2" });
    expect(Object.keys(r)).toEqual(["a", "b", "c"]);
  });

  test("the grades of the policy schema and the default policy are CREDIT_GRADES, best first", () => {
    expect(CREDIT_GRADES).toEqual(["一级", "二级", "三级"]);
    expect(GRADE_VALUES).toBe(CREDIT_GRADES);
    expect(defaultPolicy(2025).a.grades.map((g) => g.grade)).toEqual([...CREDIT_GRADES]);
  });

  test("the five classes of the policy and the reader come from FIVE_CLASSES (the reader also accepts 正常类 …)", () => {
    expect(POLICY_FIVE_CLASSES).toBe(FIVE_CLASSES);
    expect(READER_FIVE_CLASSES).toEqual({
      正常: ["正常类"],
      关注: ["关注类"],
      次级: ["次级类"],
      可疑: ["可疑类"],
      损失: ["损失类"],
    });
  });
});

describe("sheet names from one list (core/sheetNames)", () => {
  test("every summary's sheet, and the policy sheet, is never an input table (also with a copy suffix)", () => {
    expect(SUMMARIES.map((s) => s.name)).toEqual(Object.values(SUMMARY_SHEET_NAMES));
    for (const s of SUMMARIES) {
      expect(isOwnSheet(s.name)).toBe(true);
      expect(isOwnSheet(`${s.name} (2)`)).toBe(true);
    }
    expect(isOwnSheet("政策参数 (3)")).toBe(true);
    expect(isOwnSheet("客户经理")).toBe(false);
    expect(isOwnSheet("等级汇总表")).toBe(false);
  });

  test("withoutCopySuffix removes only a trailing (n)", () => {
    expect(withoutCopySuffix("等级汇总 (2)")).toBe("等级汇总");
    expect(withoutCopySuffix("等级汇总(12)")).toBe("等级汇总");
    expect(withoutCopySuffix("(2) 等级汇总")).toBe("(2) 等级汇总");
  });
});

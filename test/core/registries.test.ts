import { CORP_LEVELS } from "../../src/core/rows";
import { CORP_LEVEL_VALUES } from "../../src/reader/schema";
import { LEVELS_ASCENDING, LEVELS_DESCENDING, levelArticle } from "../../src/rules/b/levels";
import { DISQUALIFIED, FINAL_GRADES, gradeRank } from "../../src/rules/a/common";
import { BRANCH_GRADES } from "../../src/summary/branches";
import { CREDIT_GRADES } from "../../src/policy/types";
import { defaultPolicy } from "../../src/policy/defaults";

describe("the corporate levels and the final grades, each from one list", () => {
  test("CORP_LEVELS is B 第三条's order, highest first; the rules, the reader and the policy follow it", () => {
    expect(CORP_LEVELS).toEqual(["高级", "一级", "二级", "三级", "四级", "见习"]);
    expect(LEVELS_DESCENDING).toEqual([...CORP_LEVELS]);
    expect(LEVELS_ASCENDING).toEqual(["见习", "四级", "三级", "二级", "一级", "高级"]);
    expect(Object.keys(CORP_LEVEL_VALUES)).toEqual([...CORP_LEVELS]);
    expect(Object.values(CORP_LEVEL_VALUES).every((v) => v.length === 0)).toBe(true);
    // the policy states the figures of every level but 见习 (whose period is its own, 第六条)
    expect(defaultPolicy(2025).b.levels.map((l) => l.level)).toEqual(CORP_LEVELS.slice(0, 5));
  });

  test("levelArticle numbers 第十一条 二 1–6 by that order", () => {
    expect(levelArticle("高级")).toBe("第十一条 二 1");
    expect(levelArticle("三级")).toBe("第十一条 二 4");
    expect(levelArticle("见习")).toBe("第十一条 二 6");
  });

  test("the final grades are CREDIT_GRADES then 取消资格; 等级汇总's branch block counts them", () => {
    expect(FINAL_GRADES).toEqual([...CREDIT_GRADES, DISQUALIFIED]);
    expect(BRANCH_GRADES).toEqual(["一级", "二级", "三级", "取消资格"]);
    expect(gradeRank("取消资格")).toBe(3);
    expect(gradeRank("二级")).toBe(1);
  });
});

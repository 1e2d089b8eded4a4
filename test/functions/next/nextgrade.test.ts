/**
 * CM.NEXTGRADE (issue 18 item 2): the spilled row, the peers from averages + count or from whole
 * columns (the CM among them, A2), the caps (A4), the errors of CM.SCORE. Hand-worked values as
 * in test/rules/a/next.test.ts and nextManager.test.ts (default policy, tolerance given).
 */
import * as A from "../../../src/functions/a";
import * as N from "../../../src/functions/next";
import { clearWorkbookPolicies, setWorkbookPolicy } from "../../../src/policy/store";
import { defaultPolicy } from "../../../src/policy/defaults";

const err = (x: unknown) => x as CustomFunctions.Error;
const col = (...xs: unknown[]) => xs.map((x) => [x]);
const next = N.nextgrade as (...a: unknown[]) => unknown;
const score = A.score as (...a: unknown[]) => unknown;
const NO = "不可能（已封顶）";
/** the arguments after the peers up to toleranceRate: branchType, peerBranchTypes, the four counts */
const none = [null, null, 0, 0, 0, 0];

afterEach(() => clearWorkbookPolicies());

describe("CM.NEXTGRADE", () => {
  it("with averages and the number of peers: target, +loans, +income, new NPL at most", () => {
    // the CM 100 loans, 500,000 元, r 1 % in a group of 2 averaging 100 loans and 750,000 元: 83.33
    expect(score(100, 500000, 10000, 1000000, 100, 750000)).toEqual([[20, 33.33, 30, 0, 83.33]]);
    expect(next(100, 500000, 10000, 1000000, 100, 750000, ...none, null, null, 2)).toEqual([
      ["一级", 400, 166527.79, 3335, "", ""],
    ]);
  });

  it("with whole columns (the CM included) the count is the rows'; branch types filter", () => {
    const counts = col(100, 100, 7);
    const incomes = col(500000, 1000000, 1);
    const types = col("一类行", "一类行", "二类行");
    const row = [["一级", 400, 166527.79, 3335, "", ""]];
    expect(next(100, 500000, 10000, 1000000, counts.slice(0, 2), incomes.slice(0, 2))).toEqual(row);
    expect(next(100, 500000, 10000, 1000000, counts, incomes, "一类行", types)).toEqual(row);
    expect(
      next(100, 500000, 10000, 1000000, counts, incomes, "一类行", types, 0, 0, 0, 0, null, null, 2)
    ).toEqual(row);
  });

  it("at the top uncapped: 已是最高等级, not an error; with headers", () => {
    expect(next(100, 1000000, 10000, 1000000, 100, 1000000, ...none, null, null, 2)).toEqual([
      ["已是最高等级", "", "", "", "", ""],
    ]);
    expect(next(100, 500000, 10000, 1000000, 100, 750000, ...none, null, null, 2, true)).toEqual([
      [
        "目标等级",
        "增加贷款笔数",
        "增加利息收入",
        "新增不良不超过",
        "新增不良率不超过（%）",
        "封顶",
      ],
      ["一级", 400, 166527.79, 3335, "", ""],
    ]);
  });

  it("capped over the tolerance (2.5 % > 2 %): only the NPL, down to the rate, lifts it", () => {
    // 200 loans, 1,500,000 元 vs a peer of 100, 1,000,000: 23.33 + 60 + 15 = 98.33, capped 二级
    expect(
      next(200, 1500000, 25000, 1000000, col(200, 100), col(1500000, 1000000), ...none, 2)
    ).toEqual([["一级", NO, NO, 20000, 2, "封顶：新增不良率须不超过 2%（第十二条）"]]);
  });

  it("a serious violation: nothing lifts it in the year, said so", () => {
    const args = [null, null, 0, 0, 0, 1, 2];
    expect(
      next(200, 1500000, 10000, 1000000, col(200, 100), col(1500000, 1000000), ...args)
    ).toEqual([
      ["一级", NO, NO, NO, "", "封顶：严重违规 1 次，最高二级，当年不能撤销（第十二条）"],
    ]);
  });

  it("the protection period (A5): 55 → 三级, the goal is 二级", () => {
    // alone, 5 failed exams: 20 + 50 + 0 − 15 = 55; far over 3 % → the rate to 3 %, quality to 20 → 20,005.00
    expect(
      next(10, 100000, 60000, 1000000, 10, 100000, null, null, 5, 0, 0, 0, 2, "2025-01-01", 1)
    ).toEqual([["二级", NO, NO, 20005, 3, "封顶：新增不良率须不超过 3%（第十二条）"]]);
  });

  it("amounts in 万元 workbooks: in the unit, exact to the 分 (never rounded short)", () => {
    const p = defaultPolicy(2025);
    p.amountUnit = "万元";
    setWorkbookPolicy(p);
    expect(next(100, 50, 1, 100, 100, 75, ...none, null, null, 2)).toEqual([
      ["一级", 400, 16.652779, 0.3335, "", ""],
    ]);
  });

  it("bad input → the typed errors of CM.SCORE; averages need the count; peers include the CM", () => {
    expect(err(next(null, 1, 1, 1, 1, 1)).message).toContain("loanCount（当年发放贷款笔数）");
    expect(err(next(1, -1, 1, 1, 1, 1, ...none, null, null, 1)).message).toContain(
      "interestIncome（当年贷款利息收入）"
    );
    expect(err(next(1, 1, 1, 0, 1, 1, ...none, null, null, 1)).message).toContain(
      "年末管理贷款总额为 0"
    );
    expect(err(next(1, 1, 1, 1, col(1, null), col(1, 2))).message).toContain(
      "同类行第 2 行缺少贷款笔数"
    );
    const noCount = err(next(100, 500000, 10000, 1000000, 100, 750000));
    expect(noCount.code).toBe("#VALUE!");
    expect(noCount.message).toContain("peerCount");
    expect(
      err(
        next(
          100,
          500000,
          10000,
          1000000,
          col(100, 100),
          col(500000, 1000000),
          ...none,
          null,
          null,
          3
        )
      ).message
    ).toContain("同类行人数（3）与同类行数据的行数（2）不一致");
    expect(
      err(next(300, 500000, 10000, 1000000, 100, 750000, ...none, null, null, 2)).message
    ).toContain("同类行应含本人");
    expect(
      err(next(100, 500000, 10000, 1000000, 100, 750000, ...none, null, null, 0)).message
    ).toContain("peerCount（同类行人数）");
  });
});

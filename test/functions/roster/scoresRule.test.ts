/**
 * (issue 20 item 3) CM.SCORES scores each row with the roster's rule (rules/a/assess.ts
 * scoreCreditManager, the 等级汇总 code): the function layer parses the columns and formats.
 */
import * as R from "../../../src/functions/roster";
import { clearWorkbookPolicies } from "../../../src/policy/store";

afterEach(() => clearWorkbookPolicies());

const scores = R.scores as (...a: unknown[]) => unknown;
const col = (xs: unknown[]) => xs.map((x) => [x]);

describe("CM.SCORES through the roster rule", () => {
  // two 一类行 CMs (peer averages 100 loans, 600 000 income)
  const ids = col(["E1", "E2"]);
  const types = col(["一类行", "一类行"]);
  const counts = col([120, 80]);
  const incomes = col([660_000, 540_000]);
  const managed = col([10_000_000, 10_000_000]);

  test("a row that lacks 新增不良贷款余额 is #N/A naming the CM and the figure", () => {
    const r = scores(ids, types, counts, incomes, col([0, null]), managed) as CustomFunctions.Error;
    expect(r).toBeInstanceOf(CustomFunctions.Error);
    expect(r.code).toBe(CustomFunctions.ErrorCode.notAvailable);
    expect(r.message).toBe("E2 缺少新增不良贷款余额");
  });

  test("a row that lacks the loan count: the peer group's error comes first (the average cannot be made)", () => {
    const r = scores(ids, types, col([120, null]), incomes, col([0, 0]), managed);
    expect((r as CustomFunctions.Error).message).toContain(
      "一类行客户经理 E2 缺少当年发放贷款笔数，无法计算一类行平均值"
    );
  });

  test("a row with no 行别类型 stays #VALUE!", () => {
    const r = scores(ids, col(["一类行", null]), counts, incomes, col([0, 0]), managed);
    expect((r as CustomFunctions.Error).code).toBe(CustomFunctions.ErrorCode.invalidValue);
    expect((r as CustomFunctions.Error).message).toBe("E2 缺少行别类型");
  });
});

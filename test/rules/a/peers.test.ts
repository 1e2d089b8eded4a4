import { dec } from "../../../src/core/money";
import { peerFiguresOfColumns, peerMeans } from "../../../src/rules/a/peers";

describe("A2 peer averages (第十一条), one averaging for the roster and CM.SCORE", () => {
  test("exact means; an empty group has none", () => {
    const m = peerMeans([dec(10), dec(20), dec(31)], [dec(1), dec(2)]);
    expect(m.avgLoanCount!.toDecimalPlaces(12).toString()).toBe("20.333333333333");
    expect(m.avgIncome!.toString()).toBe("1.5");
    expect(peerMeans([], [])).toEqual({ avgLoanCount: null, avgIncome: null });
  });

  test("columns filtered by branch type; a row blank in both figures is skipped", () => {
    const f = peerFiguresOfColumns(
      [10, 30, null, 99],
      [dec(100), dec(300), null, dec(1)],
      "一类行",
      ["一类行", "一类行", "一类行", "二类行"]
    );
    expect(f.branchType).toBe("一类行");
    expect(f.avgLoanCount.toNumber()).toBe(20);
    expect(f.avgIncome.toNumber()).toBe(200);
  });

  test("one figure missing, or no peer left: #N/A naming it", () => {
    expect(() => peerFiguresOfColumns([10, null], [dec(1), dec(2)], null, [])).toThrow(
      /同类行第 2 行缺少贷款笔数/
    );
    expect(() => peerFiguresOfColumns([10], [dec(1)], "三类行", ["一类行"])).toThrow(
      /没有三类行客户经理的数据/
    );
  });
});

/** (issue 18 item 3) 等级汇总's what-if inputs in the summaries' result: what the pane recomputes from. */
import { buildSummaries } from "../../src/summary/build";
import { figuresOf, whatIfAssess } from "../../src/rules/a/whatif";
import { build, grid, model, NOW, pick, policy2025, Rows } from "./helpers";

const MANAGERS: Rows = [
  [
    "员工号",
    "姓名",
    "行别类型",
    "首次任职日期",
    "当年发放贷款笔数",
    "当年贷款利息收入",
    "新增不良贷款余额",
    "年末管理贷款总额",
    "考试不合格次数",
    "经济处罚次数",
    "通报批评次数",
    "严重违规次数",
  ],
  ["E1", "甲", "一类行", "2010-01-01", 100, 50, 1, 100, 0, 0, 0, 0],
  ["E2", "乙", "一类行", "2010-01-01", 100, 100, 0, 100, 0, 0, 0, 0],
  ["E3", "丙", "一类行", "2010-01-01", 40, 30, null, 100, 0, 0, 0, 0],
];

describe("SummariesResult.whatIf", () => {
  // a 万元 workbook: the inputs are kept in 元
  const r = build({ 客户经理: MANAGERS }, { unit: "万元" });

  test("per assessable CM of 等级汇总: his figures in 元 and the rest of his group", () => {
    expect(Object.keys(r.whatIf!).sort()).toEqual(["E1", "E2"]);
    const w = r.whatIf!.E1;
    expect([w.interestIncome, w.newNpl, w.managedLoans]).toEqual(["500000", "10000", "1000000"]);
    // E3 has no new NPL (his row is not assessed) but is one of the group's three for the averages
    expect(w.others).toEqual({ count: 2, sumLoanCount: "140", sumIncome: "1300000" });
  });

  test("unchanged figures recompute the row's 总分 and 最终等级", () => {
    const w = r.whatIf!.E1;
    const x = whatIfAssess(w, figuresOf(w), r.policy);
    expect(pick(model(r, "等级汇总"), 0, ["总分", "最终等级"])).toEqual([x.total, x.finalGrade]);
  });

  test("not kept without the explanations (the CLI)", () => {
    const cli = buildSummaries(grid({ 客户经理: MANAGERS }), policy2025("万元"), {
      now: NOW,
      explanations: false,
    });
    expect(cli.whatIf).toBeUndefined();
  });
});

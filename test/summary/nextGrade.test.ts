/**
 * 等级汇总 column 距上一等级 (issue 18 item 2): the last column, per CM what lifts his final grade
 * one step — hand-worked with the test policy (不良容忍度 1.5 %): count 20 + 0.1 × d, income
 * 50 × x ÷ avg, quality 30 + 10 × (1 − r); the peer average moves with his own figures (A2).
 */
import { isNextStep } from "../../src/rules/a/next";
import { renderSteps } from "../../src/rules/explain";
import { build, model, pick, Rows, toWan } from "./helpers";

const HEADER = [
  "员工号",
  "姓名",
  "行别类型",
  "当年发放贷款笔数",
  "当年贷款利息收入",
  "新增不良贷款余额",
  "年末管理贷款总额",
  "考试不合格次数",
  "经济处罚次数",
  "通报批评次数",
  "严重违规次数",
];
const MANAGERS: Rows = [
  HEADER,
  // 一类行 average 100 loans, 750,000: E01 20 + 33.33 + 30 = 83.33 二级; E02 20 + 66.67 + 30 一级
  ["E01", "张一", "一类行", 100, 500000, 10000, 1000000, 0, 0, 0, 0],
  ["E02", "李二", "一类行", 100, 1000000, 10000, 1000000, 0, 0, 0, 0],
  // alone in 二类行: 20 + 50 + 20 (r 2 %) = 90 一级, r > 1.5 % → 二级
  ["E03", "王三", "二类行", 100, 1000000, 20000, 1000000, 0, 0, 0, 0],
  // a row that cannot be assessed
  ["E04", "赵四", "三类行", 10, null, 0, 1000000, 0, 0, 0, 0],
];

describe("等级汇总 距上一等级", () => {
  const r = build({ 客户经理: MANAGERS });
  const m = model(r, "等级汇总");
  const col = m.columns.map((c) => c.header);

  it("is the last column, after the existing ones", () => {
    expect(col[col.length - 1]).toBe("距上一等级");
    expect(col.indexOf("退出日期")).toBe(col.length - 2);
    for (const row of m.rows) expect(row).toHaveLength(col.length);
  });

  it("below 一级: +loans, +income (the average moving with his own), or new NPL at most", () => {
    // one peer (100, 1,000,000): count to 26.67 needs 500 loans (avg 300, d 66.67); income
    // 100y ÷ (1,000,000 + y) ≥ 39.995 → 666,527.79; quality 36.67 → r ≤ 0.3335 % → 3,335.00
    expect(pick(m, 0, ["员工号", "最终等级", "距上一等级"])).toEqual([
      "E01",
      "二级",
      "一级（90 分）：贷款笔数 +400 笔；或利息收入 +166,527.79 元；或新增不良 ≤ 3,335.00 元",
    ]);
  });

  it("empty at 一级 uncapped; capped: what lifts the cap", () => {
    expect(pick(m, 1, ["员工号", "最终等级", "距上一等级"])).toEqual(["E02", "一级", null]);
    expect(pick(m, 2, ["员工号", "分数等级", "最终等级", "距上一等级"])).toEqual([
      "E03",
      "一级",
      "二级",
      "一级（总分已达 90 分）：贷款笔数 不可能（已封顶）；或利息收入 不可能（已封顶）；或新增不良 ≤ 15,000.00 元；封顶：新增不良率须不超过 1.5%（第十二条）",
    ]);
    expect(pick(m, 3, ["员工号", "距上一等级"])).toEqual(["E04", null]);
  });

  it("the row's explanation carries it after its steps (the pane shows it), not the 说明 cell", () => {
    const steps = r.explanations.grades!["E01"];
    const next = steps.filter(isNextStep);
    expect(next.length).toBeGreaterThan(0);
    expect(steps.slice(-next.length)).toEqual(next);
    const said = pick(m, 0, ["说明"])[0] as string;
    expect(said).toBe(
      renderSteps(
        steps.filter((s) => !isNextStep(s)),
        "zh",
        "；"
      )
    );
    expect(said).not.toContain("贷款笔数 +400");
  });

  it("in 万元 workbooks the same amounts, in 元 as the text says", () => {
    const w = model(build({ 客户经理: toWan(MANAGERS, [4, 5, 6]) }, { unit: "万元" }), "等级汇总");
    expect(pick(w, 0, ["距上一等级"])).toEqual(pick(m, 0, ["距上一等级"]));
    expect(pick(w, 2, ["距上一等级"])).toEqual(pick(m, 2, ["距上一等级"]));
  });
});

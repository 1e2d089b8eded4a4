import { isRuleError } from "../../../src/core/errors";
import { dec } from "../../../src/core/money";
import { defaultPolicy } from "../../../src/policy/defaults";
import { assessCreditManagers } from "../../../src/rules/a/assess";
import {
  figuresOf,
  whatIfAssess,
  whatIfInputOf,
  whatIfInputs,
  WhatIfFigures,
} from "../../../src/rules/a/whatif";
import { renderSteps } from "../../../src/rules/explain";
import { manager } from "./helpers";

const P = defaultPolicy(2025);
// hand-worked (as test/rules/a/next.test.ts): E1 100 loans, 500,000 元, r = 1 %; his one peer E2
// 100 loans, 1,000,000 元 → 20 + 50 × 500000 ÷ 750000 = 33.33 + 30 = 83.33 → 二级
const E1 = manager({
  id: "E1",
  loanCount: 100,
  interestIncome: 500000,
  newNpl: 10000,
  managedLoans: 1000000,
});
const E2 = manager({
  id: "E2",
  loanCount: 100,
  interestIncome: 1000000,
  newNpl: 0,
  managedLoans: 1000000,
});
const roster = assessCreditManagers([E1, E2], P);
const input = whatIfInputOf(E1, roster.peers)!;
const base = figuresOf(input);
const run = (patch: Partial<WhatIfFigures>) => whatIfAssess(input, { ...base, ...patch }, P);

describe("what-if of a 等级汇总 row (issue 18 item 3, A2–A4)", () => {
  it("keeps the rest of his group: one other CM, 100 loans, 1,000,000 元", () => {
    expect(input.others).toEqual({ count: 1, sumLoanCount: "100", sumIncome: "1000000" });
    expect([input.loanCount, input.interestIncome, input.newNpl]).toEqual([100, "500000", "10000"]);
  });

  it("unchanged figures give the row's own result (83.33, 二级, 1.8)", () => {
    const row = roster.rows[0];
    const r = run({});
    expect(row.ok && row.total).toBe(83.33);
    expect([r.total, r.finalGrade, r.wageCoefficient]).toEqual([83.33, "二级", 1.8]);
    expect(row.ok && [row.finalGrade, row.wageCoefficient]).toEqual(["二级", 1.8]);
  });

  it("income: the peer average moves with it — 666,527.79 reaches 90 (一级, 2.0), a 分 less 89.99", () => {
    const r = run({ interestIncome: dec("666527.79") });
    expect([r.total, r.finalGrade, r.wageCoefficient]).toEqual([90, "一级", 2]);
    expect(r.avgIncome.toFixed(3)).toBe("833263.895");
    const less = run({ interestIncome: dec("666527.78") });
    expect([less.total, less.finalGrade]).toEqual([89.99, "二级"]);
  });

  it("loan count 0: average 50, d = −100 → 10 points; 73.33 → 三级 (1.6)", () => {
    const r = run({ loanCount: 0 });
    expect([r.countPoints, r.total, r.finalGrade, r.wageCoefficient]).toEqual([
      10,
      73.33,
      "三级",
      1.6,
    ]);
  });

  it("new NPL 0: quality 30 + 10 × 1 = 40 → 93.33 一级", () => {
    const r = run({ newNpl: dec(0) });
    expect([r.qualityPoints, r.total, r.finalGrade]).toEqual([40, 93.33, "一级"]);
  });

  it("deductions: one failed exam −3 → 80.33; a serious violation caps the grade at 二级 (A4)", () => {
    expect(run({ examFails: 1 }).total).toBe(80.33);
    // 2,000,000 元 → average 1,500,000 → 66.67; 20 + 66.67 + 30 − 10 = 106.67 → 一级 by score, capped 二级
    const r = run({ interestIncome: dec(2000000), seriousViolations: 1 });
    expect([r.total, r.scoreGrade, r.finalGrade, r.wageCoefficient]).toEqual([
      106.67,
      "一级",
      "二级",
      1.8,
    ]);
    expect(r.caps.some((c) => c.lowered && c.cap === "二级")).toBe(true);
  });

  it("a peer average of 0 is an error naming it, never a number", () => {
    const Z1 = manager({ id: "Z1", loanCount: 5, interestIncome: 1, newNpl: 0, managedLoans: 1 });
    const Z2 = manager({ id: "Z2", loanCount: 0, interestIncome: 1, newNpl: 0, managedLoans: 1 });
    const rz = assessCreditManagers([Z1, Z2], P);
    const w = whatIfInputOf(Z1, rz.peers)!;
    let err: unknown = null;
    try {
      whatIfAssess(w, { ...figuresOf(w), loanCount: 0 }, P);
    } catch (e) {
      err = e;
    }
    expect(isRuleError(err)).toBe(true);
    expect((err as Error).message + String((err as { zh: string }).zh)).toContain(
      "平均贷款笔数为 0"
    );
  });

  it("a CM whose row cannot be assessed has no what-if input", () => {
    const E3 = manager({ id: "E3", newNpl: null });
    const r = assessCreditManagers([E1, E2, E3], P);
    expect(whatIfInputOf(E3, r.peers)).toBeNull();
    expect(
      Object.keys(whatIfInputs([E1, E2, E3], assessCreditManagers([E1, E2], P).peers))
    ).toEqual(["E1", "E2"]);
  });

  it("the explanation says it is a what-if, then the row's own steps with their articles", () => {
    const text = renderSteps(run({ interestIncome: dec("666527.79") }).steps);
    expect(text.split("\n")[0]).toContain("假设分析（未写入工作表）：客户经理 E1");
    expect(text).toContain("[第十一条 2]");
    expect(text).toContain("一级");
    expect(renderSteps(run({}).steps, "en")).toContain("What-if (nothing written to the sheet)");
  });
});

/** A6 rev 2 (第四十条 "以五级分类形态和贷款是否到期为准"): overdue credit/guaranteed loans count; 365 days counts whatever the security. */
import { countsAsResponsibleNpl, responsibleNplBalances } from "../../../src/rules/a/npl";
import { renderSteps } from "../../../src/rules/explain";
import { defaultPolicy } from "../../../src/policy/defaults";
import type { Policy } from "../../../src/policy/types";
import { loan } from "./helpers";

const P = defaultPolicy(2025);
const D8 = "2025-12-31";
const off: Policy = { ...P, a: { ...P.a, nplOverdueCounts: "否" } };
const counts = (p: Parameters<typeof loan>[0], policy: Policy = P) =>
  countsAsResponsibleNpl(loan(p), D8, policy).counts;

describe("A6 rev 2: overdue", () => {
  it("the switch defaults to 是", () => {
    expect(P.a.nplOverdueCounts).toBe("是");
  });

  it.each([
    // [security, class, overdue days, counts with 是, counts with 否]
    ["抵押", "正常", 365, true, true],
    ["质押", "损失", 365, true, true],
    ["抵押", "损失", 364, false, false],
    ["质押", "次级", 364, false, false],
    ["抵押", "正常", 1, false, false],
    ["信用", "正常", 1, true, false],
    ["保证", "关注", 1, true, false],
    ["信用", "正常", 0, false, false],
    ["保证", "关注", 0, false, false],
    ["保证", "正常", 364, true, false],
    ["保证", "正常", 365, true, true],
    ["信用", "次级", 0, true, true],
    ["保证", "可疑", 0, true, true],
  ] as const)(
    "%s %s overdue %d days → 是 %p, 否 %p",
    (security, fiveClass, overdueDays, on, offExpected) => {
      expect(counts({ loanId: "X", security, fiveClass, overdueDays })).toBe(on);
      expect(counts({ loanId: "X", security, fiveClass, overdueDays }, off)).toBe(offExpected);
    }
  );

  it("a secured loan overdue < 365 days is in grace whatever its class and stage", () => {
    for (const disposal of ["无", "诉讼", "执行", "拍卖", "处置"] as const) {
      expect(
        counts({ loanId: "X", security: "质押", fiveClass: "损失", disposal, overdueDays: 364 })
      ).toBe(false);
      expect(
        counts({ loanId: "X", security: "质押", fiveClass: "损失", disposal, overdueDays: 365 })
      ).toBe(true);
    }
  });

  it("explanations name 第四十条, the 365-day boundary (以上 includes) and the interpretation with the switch", () => {
    const at365 = countsAsResponsibleNpl(
      loan({ loanId: "X", security: "抵押", fiveClass: "正常", overdueDays: 365 }),
      D8,
      P
    );
    expect(renderSteps(at365.steps, "zh", "；")).toContain("逾期 365 天，达到 365 天");
    expect(at365.steps[0].article).toBe("第四十条");
    const credit = countsAsResponsibleNpl(
      loan({ loanId: "X", security: "信用", fiveClass: "关注", overdueDays: 1 }),
      D8,
      P
    );
    const text = renderSteps(credit.steps, "zh", "；");
    expect(credit.steps.some((s) => s.kind === "interpretation" && s.article === "第四十条")).toBe(
      true
    );
    expect(text).toContain("是否到期");
    expect(text).toContain("A.责任不良.逾期即计入");
    const credOff = countsAsResponsibleNpl(
      loan({ loanId: "X", security: "信用", fiveClass: "关注", overdueDays: 1 }),
      D8,
      off
    );
    expect(renderSteps(credOff.steps, "zh", "；")).toContain("A.责任不良.逾期即计入");
    const grace = countsAsResponsibleNpl(
      loan({ loanId: "X", security: "抵押", fiveClass: "正常", overdueDays: 30 }),
      D8,
      P
    );
    expect(renderSteps(grace.steps, "zh", "；")).toContain("宽限期");
  });

  it("a secured loan in grace needs no five-class; an unsecured overdue one neither", () => {
    expect(counts({ loanId: "X", security: "抵押", fiveClass: null, overdueDays: 30 })).toBe(false);
    expect(counts({ loanId: "X", security: "保证", fiveClass: null, overdueDays: 30 })).toBe(true);
    expect(() =>
      counts({ loanId: "X", security: "保证", fiveClass: null, overdueDays: 0 })
    ).toThrow(/五级分类/);
    expect(() =>
      counts({ loanId: "X", security: null, fiveClass: "正常", overdueDays: 30 })
    ).toThrow(/担保方式/);
  });

  it("overdue derived from the maturity: 2024-12-31 → 365 days at 2025-12-31 counts for a mortgage", () => {
    expect(
      counts({
        loanId: "X",
        security: "抵押",
        fiveClass: "正常",
        overdueDays: null,
        maturity: "2024-12-31",
      })
    ).toBe(true);
    expect(
      counts({
        loanId: "X",
        security: "抵押",
        fiveClass: "正常",
        overdueDays: null,
        maturity: "2025-01-01",
      })
    ).toBe(false);
    expect(
      counts({
        loanId: "X",
        security: "信用",
        fiveClass: "正常",
        overdueDays: null,
        maturity: "2025-12-30",
      })
    ).toBe(true);
    expect(
      counts({
        loanId: "X",
        security: "信用",
        fiveClass: "正常",
        overdueDays: null,
        maturity: "2025-12-31",
      })
    ).toBe(false);
  });

  it("balances: an overdue 关注 credit loan is in its first responsible person's balance", () => {
    const r = responsibleNplBalances(
      [
        loan({ loanId: "1", balance: 100, security: "信用", fiveClass: "关注", overdueDays: 10 }),
        loan({ loanId: "2", balance: 200, security: "抵押", fiveClass: "次级", overdueDays: 364 }),
        loan({ loanId: "3", balance: 300, security: "抵押", fiveClass: "正常", overdueDays: 365 }),
      ],
      P
    );
    expect(r.balances.map((b) => [b.employeeId, b.balance.toNumber(), b.loanIds])).toEqual([
      ["E1", 400, ["1", "3"]],
    ]);
  });
});

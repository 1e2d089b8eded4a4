import { countsAsResponsibleNpl, responsibleNplBalances } from "../../../src/rules/a/npl";
import { bottomList } from "../../../src/rules/a/bottom";
import { dec } from "../../../src/core/money";
import { defaultPolicy } from "../../../src/policy/defaults";
import type { Policy } from "../../../src/policy/types";
import { loan } from "./helpers";

const P = defaultPolicy(2025);
const D8 = "2025-12-31";

describe("A6 responsible NPL (第四十条)", () => {
  it.each([
    ["overdue 366 days, 正常", { overdueDays: 366, fiveClass: "正常" }, true],
    [
      "overdue 365 days, 关注 (rev 2: 以上 includes 365)",
      { overdueDays: 365, fiveClass: "关注" },
      true,
    ],
    [
      "overdue 364 days, 关注, mortgage",
      { overdueDays: 364, fiveClass: "关注", security: "抵押" },
      false,
    ],
    ["次级, not overdue", { overdueDays: 0, fiveClass: "次级" }, true],
    ["可疑", { overdueDays: 10, fiveClass: "可疑" }, true],
    ["损失", { overdueDays: 10, fiveClass: "损失" }, true],
    [
      "mortgage 损失 overdue 364 days: grace",
      { overdueDays: 364, fiveClass: "损失", security: "抵押" },
      false,
    ],
    [
      "mortgage 损失 overdue 365 days (rev 2): counts",
      { overdueDays: 365, fiveClass: "损失", security: "抵押" },
      true,
    ],
    [
      "pledge 次级 overdue 100 days in 诉讼: grace whatever the stage",
      { overdueDays: 100, fiveClass: "次级", security: "质押", disposal: "诉讼" },
      false,
    ],
    ["mortgage overdue 366 days", { overdueDays: 366, fiveClass: "正常", security: "抵押" }, true],
    ["credit 次级", { overdueDays: 0, fiveClass: "次级", security: "信用" }, true],
  ] as const)("%s → %p", (_n, p, expected) => {
    expect(countsAsResponsibleNpl(loan({ loanId: "X", balance: 1, ...p }), D8, P).counts).toBe(
      expected
    );
  });

  it("loans granted before 1999-01-01 count for nobody", () => {
    const d = countsAsResponsibleNpl(
      loan({ loanId: "X", granted: "1998-12-31", fiveClass: "损失", overdueDays: 9000 }),
      D8,
      P
    );
    expect(d).toMatchObject({ counts: false, responsible: null });
    expect(
      countsAsResponsibleNpl(
        loan({ loanId: "X", granted: "1999-01-01", fiveClass: "损失", overdueDays: 9000 }),
        D8,
        P
      ).counts
    ).toBe(true);
  });

  it("staff-introduced loans count for the introducer (第三十七条)", () => {
    const d = countsAsResponsibleNpl(
      loan({ loanId: "X", fiveClass: "损失", introducer: "S1" }),
      D8,
      P
    );
    expect(d.responsible).toBe("S1");
    expect(
      countsAsResponsibleNpl(loan({ loanId: "X", fiveClass: "损失" }), D8, P).responsible
    ).toBe("E1");
  });

  it("blank overdue days: derived from the maturity, with an interpretation step; both blank → error", () => {
    const d = countsAsResponsibleNpl(
      loan({ loanId: "X", overdueDays: null, maturity: "2024-12-30", fiveClass: "正常" }),
      D8,
      P
    );
    expect(d.overdueDays).toBe(366);
    expect(d.counts).toBe(true);
    expect(
      d.steps.some((s) => s.kind === "interpretation" && s.code === "A_NPL_OVERDUE_DERIVED")
    ).toBe(true);
    expect(() =>
      countsAsResponsibleNpl(loan({ loanId: "X", overdueDays: null, maturity: null }), D8, P)
    ).toThrow(/X 的逾期天数/);
    expect(() => countsAsResponsibleNpl(loan({ loanId: "X", fiveClass: null }), D8, P)).toThrow(
      /X 的五级分类/
    );
    expect(() => countsAsResponsibleNpl(loan({ loanId: "X", granted: null }), D8, P)).toThrow(
      /X 的发放日期/
    );
  });

  it("policy figures are read", () => {
    const q: Policy = JSON.parse(JSON.stringify(P));
    q.a.nplOverdueDays = 180;
    expect(countsAsResponsibleNpl(loan({ loanId: "X", overdueDays: 200 }), D8, q).counts).toBe(
      true
    );
    q.a.nplClasses = ["可疑", "损失"];
    expect(countsAsResponsibleNpl(loan({ loanId: "X", fiveClass: "次级" }), D8, q).counts).toBe(
      false
    );
    q.a.responsibilityStart = "2000-01-01";
    expect(
      countsAsResponsibleNpl(loan({ loanId: "X", granted: "1999-06-01", fiveClass: "损失" }), D8, q)
        .counts
    ).toBe(false);
  });

  it("balances per employee; bad loans reported, others summed", () => {
    const loans = [
      loan({ loanId: "1", balance: 100, fiveClass: "损失" }),
      loan({ loanId: "2", balance: 50, fiveClass: "次级", firstResponsible: "E2" }),
      loan({ loanId: "3", balance: 70, fiveClass: "可疑" }),
      loan({ loanId: "4", balance: 999, fiveClass: "正常" }),
      loan({ loanId: "5", balance: 5, fiveClass: "损失", firstResponsible: null }),
      loan({ loanId: "6", balance: 5, fiveClass: null, firstResponsible: "E3" }),
    ];
    const r = responsibleNplBalances(loans, P);
    expect(r.balances.map((b) => [b.employeeId, b.balance.toNumber(), b.loanIds])).toEqual([
      ["E1", 170, ["1", "3"]],
      ["E2", 50, ["2"]],
    ]);
    expect(r.unattributed).toEqual(["5"]);
    expect(r.errors.map((e) => e.loanId)).toEqual(["6"]);
    expect(r.incomplete).toEqual(["E3"]);
  });
});

describe("A7 bottom list (第三十九条)", () => {
  const bal = (id: string, x: number) => ({ employeeId: id, balance: dec(x) });

  it("competition rank; ties at the 10th place all included; zero never listed", () => {
    const list = [
      bal("a", 900),
      bal("b", 800),
      bal("c", 800),
      bal("d", 700),
      bal("e", 600),
      bal("f", 500),
      bal("g", 400),
      bal("h", 300),
      bal("i", 200),
      bal("j", 100),
      bal("k", 100),
      bal("l", 100),
      bal("m", 50),
      bal("z", 0),
    ];
    const r = bottomList(list, P);
    expect(r.map((x) => [x.employeeId, x.rank])).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 2],
      ["d", 4],
      ["e", 5],
      ["f", 6],
      ["g", 7],
      ["h", 8],
      ["i", 9],
      ["j", 10],
      ["k", 10],
      ["l", 10],
    ]);
    expect(r.every((x) => !x.yellowCard)).toBe(true);
  });

  it("ties across the 10th place push the next rank out", () => {
    const list = [...Array(9)]
      .map((_, i) => bal(`x${i}`, 1000 - i))
      .concat([bal("t1", 10), bal("t2", 10), bal("u", 5)]);
    expect(bottomList(list, P).map((x) => x.employeeId)).toEqual([
      "x0",
      "x1",
      "x2",
      "x3",
      "x4",
      "x5",
      "x6",
      "x7",
      "x8",
      "t1",
      "t2",
    ]);
    const list2 = [...Array(8)]
      .map((_, i) => bal(`x${i}`, 1000 - i))
      .concat([bal("t1", 10), bal("t2", 10), bal("t3", 10), bal("u", 5)]);
    expect(
      bottomList(list2, P)
        .map((x) => [x.employeeId, x.rank])
        .slice(-3)
    ).toEqual([
      ["t1", 9],
      ["t2", 9],
      ["t3", 9],
    ]);
    expect(bottomList(list2, P).some((x) => x.employeeId === "u")).toBe(false);
  });

  it("above 1,000,000 元: yellow card and collection plan, even outside the 10", () => {
    const list = [...Array(12)].map((_, i) => bal(`x${i}`, 2000000 - i));
    const r = bottomList(list, P);
    expect(r.length).toBe(12);
    expect(r[11]).toMatchObject({
      employeeId: "x11",
      rank: 12,
      yellowCard: true,
      collectionPlan: true,
      reasonCodes: ["amount"],
    });
    expect(r[0].reasonCodes).toEqual(["top", "amount"]);
    const at = bottomList([bal("e", 1000000)], P)[0];
    expect(at.yellowCard).toBe(false);
    expect(bottomList([bal("e", 1000000.01)], P)[0].yellowCard).toBe(true);
  });

  it("a negative or non-finite balance is bad input → #VALUE!, never silently left off the list", () => {
    expect(() => bottomList([bal("a", 100), bal("b", -5)], P)).toThrow(
      /b 的责任不良贷款余额应为非负金额/
    );
    expect(() => bottomList([{ employeeId: "c", balance: dec(NaN) }], P)).toThrow(
      /c 的责任不良贷款余额应为非负金额/
    );
  });

  it("policy figures are read", () => {
    const q: Policy = JSON.parse(JSON.stringify(P));
    q.a.bottomListSize = 2;
    q.a.yellowCardAmount = 50;
    const r = bottomList([bal("a", 100), bal("b", 90), bal("c", 80), bal("d", 40)], q);
    expect(r.map((x) => [x.employeeId, x.yellowCard])).toEqual([
      ["a", true],
      ["b", true],
      ["c", true],
    ]);
  });
});

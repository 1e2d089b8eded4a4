import { checkLedger } from "../../../src/rules/a/ledgerCompliance";
import { defaultPolicy } from "../../../src/policy/defaults";
import type { Policy } from "../../../src/policy/types";
import { loan } from "./helpers";

const P = defaultPolicy(2025);
const rules = (l: ReturnType<typeof loan>[], p = P) =>
  checkLedger(l, p).map((f) => [f.loanIndex, f.field, f.severity, f.rule]);

describe("A13 ledger rules", () => {
  it("clean loans have no findings", () => {
    expect(
      rules([
        loan({ loanId: "1", balance: 5 }),
        loan({ loanId: "2", borrowerType: "自然人", amount: 50000, familyGuarantor: true }),
      ])
    ).toEqual([]);
  });
  it("第十九/二十七条: responsible persons missing → warnings", () => {
    expect(rules([loan({ loanId: "1", firstResponsible: null, manager: null })])).toEqual([
      [0, "firstResponsible", "warning", "A13.第二十七条"],
      [0, "manager", "warning", "A13.第二十七条"],
    ]);
    expect(rules([loan({ loanId: "1", firstResponsible: null, granted: "1998-12-31" })])).toEqual(
      []
    );
  });
  it("第二十四条: natural person ≥ 10,000 without a family guarantor → finding (rev 2: a warning, not an error)", () => {
    expect(
      rules([loan({ loanId: "1", borrowerType: "自然人", amount: 10000, familyGuarantor: false })])
    ).toEqual([[0, "familyGuarantor", "warning", "A13.第二十四条"]]);
    expect(
      rules([loan({ loanId: "1", borrowerType: "自然人", amount: 10000, familyGuarantor: null })])
    ).toEqual([[0, "familyGuarantor", "warning", "A13.第二十四条"]]);
    expect(
      rules([
        loan({ loanId: "1", borrowerType: "自然人", amount: 9999.99, familyGuarantor: false }),
      ])
    ).toEqual([]);
    expect(
      rules([loan({ loanId: "1", borrowerType: "企业", amount: 100000, familyGuarantor: false })])
    ).toEqual([]);
    const q: Policy = JSON.parse(JSON.stringify(P));
    q.a.familyGuarantorMinAmount = 5000;
    expect(
      rules(
        [loan({ loanId: "1", borrowerType: "自然人", amount: 9999.99, familyGuarantor: false })],
        q
      )
    ).toHaveLength(1);
  });
  it("第二十六条: credit loan to a staff member's relative → finding (rev 2: 原则上不发放, a warning)", () => {
    const f = checkLedger([loan({ loanId: "R", security: "信用", staffRelative: true })], P);
    expect(f.map((x) => [x.field, x.severity, x.rule])).toEqual([
      ["security", "warning", "A13.第二十六条"],
    ]);
    expect(f[0].zh).toContain("职工直系亲属");
    expect(rules([loan({ loanId: "R", security: "保证", staffRelative: true })])).toEqual([]);
  });
  it("第三十一条: a new loan in the policy year to a sued borrower → warning", () => {
    expect(rules([loan({ loanId: "1", sued: true, granted: "2025-03-01" })])).toEqual([
      [0, "granted", "warning", "A13.第三十一条"],
    ]);
    expect(rules([loan({ loanId: "1", sued: true, granted: "2024-03-01" })])).toEqual([]);
  });

  it("rev 2: every finding is a warning (合规提示), never an error", () => {
    const all = checkLedger(
      [
        loan({ loanId: "1", firstResponsible: null, manager: null }),
        loan({ loanId: "2", borrowerType: "自然人", amount: 10000, familyGuarantor: false }),
        loan({ loanId: "3", security: "信用", staffRelative: true }),
        loan({ loanId: "4", sued: true, granted: "2025-01-01" }),
      ],
      P
    );
    expect(all).toHaveLength(5);
    expect(all.every((f) => f.severity === "warning" && f.zh.startsWith("合规提示"))).toBe(true);
  });
  it("第二十四条 boundaries: 9,999.99 vs 10,000.00 元; 无配偶证明 = 是 waives it; 否/blank does not", () => {
    const np = (amount: number, over: Partial<Parameters<typeof loan>[0]> = {}) =>
      rules([
        loan({ loanId: "1", borrowerType: "自然人", amount, familyGuarantor: false, ...over }),
      ]);
    expect(np(9999.99)).toEqual([]);
    expect(np(10000)).toEqual([[0, "familyGuarantor", "warning", "A13.第二十四条"]]);
    expect(np(10000, { noSpouseCertificate: true })).toEqual([]);
    expect(np(10000, { noSpouseCertificate: false })).toHaveLength(1);
    expect(np(10000, { noSpouseCertificate: null })).toHaveLength(1);
    expect(np(10000, { familyGuarantor: true })).toEqual([]);
    const f = checkLedger(
      [loan({ loanId: "N1", borrowerType: "自然人", amount: 10000, familyGuarantor: false })],
      P
    )[0];
    expect(f.zh).toContain("10,000.00 元");
    expect(f.zh).toContain("第二十四条");
    expect(f.zh).toContain("无配偶证明");
  });
  it("第二十六条 is worded 原则上不发放", () => {
    const f = checkLedger([loan({ loanId: "R", security: "信用", staffRelative: true })], P)[0];
    expect(f.zh).toContain("原则上不发放");
    expect(f.en).toContain("in principle");
  });
  it("第十九、二十七条: granted 1998-12-31 → no first-responsible finding, 1999-01-01 → finding with the 第十九条 restructuring note", () => {
    expect(rules([loan({ loanId: "1", firstResponsible: null, granted: "1998-12-31" })])).toEqual(
      []
    );
    const f = checkLedger(
      [loan({ loanId: "1", firstResponsible: null, granted: "1999-01-01" })],
      P
    );
    expect(f.map((x) => x.field)).toEqual(["firstResponsible"]);
    expect(f[0].zh).toContain("第十九条、第二十七条");
    expect(f[0].zh).toContain("退休后重组");
    // a missing 管理责任人 is a finding whatever the grant date
    const m = checkLedger([loan({ loanId: "2", manager: null, granted: "1998-12-31" })], P);
    expect(m.map((x) => [x.field, x.rule])).toEqual([["manager", "A13.第二十七条"]]);
  });
  it("第三十一条: the policy year's first and last days count, the years around do not", () => {
    expect(rules([loan({ loanId: "1", sued: true, granted: "2025-01-01" })])).toHaveLength(1);
    expect(rules([loan({ loanId: "1", sued: true, granted: "2025-12-31" })])).toHaveLength(1);
    expect(rules([loan({ loanId: "1", sued: true, granted: "2026-01-01" })])).toEqual([]);
    expect(rules([loan({ loanId: "1", sued: false, granted: "2025-06-01" })])).toEqual([]);
    expect(
      checkLedger([loan({ loanId: "1", sued: true, granted: "2025-06-01" })], P)[0].zh
    ).toContain("第三十一条");
  });
});

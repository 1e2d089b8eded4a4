import { checkLedger } from "../../../src/rules/a/ledger";
import { defaultPolicy } from "../../../src/policy/defaults";
import type { Policy } from "../../../src/policy/types";
import { loan } from "./helpers";

const P = defaultPolicy(2025);
const rules = (l: ReturnType<typeof loan>[], p = P) => checkLedger(l, p).map((f) => [f.loanIndex, f.field, f.severity, f.rule]);

describe("A13 ledger rules", () => {
  it("clean loans have no findings", () => {
    expect(rules([loan({ loanId: "1", balance: 5 }), loan({ loanId: "2", borrowerType: "自然人", amount: 50000, familyGuarantor: true })])).toEqual([]);
  });
  it("第十九/二十七条: responsible persons missing → warnings", () => {
    expect(rules([loan({ loanId: "1", firstResponsible: null, manager: null })])).toEqual([
      [0, "firstResponsible", "warning", "A13.第二十七条"],
      [0, "manager", "warning", "A13.第二十七条"],
    ]);
    expect(rules([loan({ loanId: "1", firstResponsible: null, granted: "1998-12-31" })])).toEqual([]);
  });
  it("第二十四条: natural person ≥ 10,000 without a family guarantor → error", () => {
    expect(rules([loan({ loanId: "1", borrowerType: "自然人", amount: 10000, familyGuarantor: false })])).toEqual([[0, "familyGuarantor", "error", "A13.第二十四条"]]);
    expect(rules([loan({ loanId: "1", borrowerType: "自然人", amount: 10000, familyGuarantor: null })])).toEqual([[0, "familyGuarantor", "error", "A13.第二十四条"]]);
    expect(rules([loan({ loanId: "1", borrowerType: "自然人", amount: 9999.99, familyGuarantor: false })])).toEqual([]);
    expect(rules([loan({ loanId: "1", borrowerType: "企业", amount: 100000, familyGuarantor: false })])).toEqual([]);
    const q: Policy = JSON.parse(JSON.stringify(P));
    q.a.familyGuarantorMinAmount = 5000;
    expect(rules([loan({ loanId: "1", borrowerType: "自然人", amount: 9999.99, familyGuarantor: false })], q)).toHaveLength(1);
  });
  it("第二十六条: credit loan to a staff member's relative → error", () => {
    const f = checkLedger([loan({ loanId: "R", security: "信用", staffRelative: true })], P);
    expect(f.map((x) => [x.field, x.severity, x.rule])).toEqual([["security", "error", "A13.第二十六条"]]);
    expect(f[0].zh).toContain("职工直系亲属");
    expect(rules([loan({ loanId: "R", security: "保证", staffRelative: true })])).toEqual([]);
  });
  it("第三十一条: a new loan in the policy year to a sued borrower → warning", () => {
    expect(rules([loan({ loanId: "1", sued: true, granted: "2025-03-01" })])).toEqual([[0, "granted", "warning", "A13.第三十一条"]]);
    expect(rules([loan({ loanId: "1", sued: true, granted: "2024-03-01" })])).toEqual([]);
  });
});

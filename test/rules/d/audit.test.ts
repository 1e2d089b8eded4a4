/** Audit of rule set D against RULES.md D: the band lines and "found later" on both sides, hand-derived. */
import { dec } from "../../../src/core/money";
import { defaultPolicy } from "../../../src/policy/defaults";
import { branchDeadline, judge, officeDeadline, warningTimeliness } from "../../../src/rules/d";

const P = defaultPolicy(2025);
// maturity 2025-06-30: M − 25 = 2025-06-05, M − 30 = 2025-05-31
const M = "2025-06-30";
const due = (amount: number, found: string | null) =>
  branchDeadline({ type: "到期", level: "橙色", amount: dec(amount), maturity: M, found }, P)
    .deadline;

describe("到期: every band line, found early / on the tie / later", () => {
  test.each<[number, string | null, string]>([
    // < 1,000,000: M − 25 whatever the discovery day (no found-later clause)
    [999999.99, null, "2025-06-05"],
    [999999.99, "2025-05-01", "2025-06-05"],
    [999999.99, "2025-06-20", "2025-06-05"],
    // 1,000,000 ≤ amount < 5,000,000: max(M − 30, F + 2)
    [1000000, "2025-05-01", "2025-05-31"],
    [1000000, "2025-05-29", "2025-05-31"], // F + 2 = M − 30: the tie
    [1000000, "2025-05-30", "2025-06-01"],
    [4999999.99, "2025-05-29", "2025-05-31"],
    [4999999.99, "2025-06-20", "2025-06-22"],
    // ≥ 5,000,000: max(M − 30, F + 1)
    [5000000, "2025-05-30", "2025-05-31"], // F + 1 = M − 30: the tie
    [5000000, "2025-05-31", "2025-06-01"],
    [5000000, "2025-06-20", "2025-06-21"],
  ])("amount %p found %p → %s", (amount, found, expected) => {
    expect(due(amount, found)).toBe(expected);
  });
  test("on the deadline day → 按时, the day after → 迟报, in every band", () => {
    for (const [amount, found] of [
      [999999.99, "2025-06-01"],
      [1000000, "2025-06-10"],
      [5000000, "2025-06-10"],
    ] as const) {
      const dl = due(amount, found);
      expect(judge(dl, dl)).toBe("按时");
      const next = new Date(`${dl}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      expect(judge(next.toISOString().slice(0, 10), dl)).toBe("迟报");
    }
  });
});

describe("other types and the head-office stage", () => {
  test.each([
    ["欠息", "2025-12-31", "2026-01-02"],
    ["重大事项", "2025-12-31", "2026-01-01"],
    ["关联企业", "2024-02-28", "2024-03-01"],
    ["财务异常", "2025-02-27", "2025-03-01"],
  ] as const)("%s found %s → by %s, the amount does not matter", (type, found, expected) => {
    for (const amount of [null, dec(10), dec(9000000)]) {
      expect(
        branchDeadline({ type, level: "黄色", amount, maturity: null, found }, P).deadline
      ).toBe(expected);
    }
  });
  test("branch office → head office: 999,999.99 none; 1,000,000 and 4,999,999.99 + 2 days; 5,000,000 + 1 day, from the branch report", () => {
    expect(officeDeadline(dec(999999.99), "2025-12-30", P)).toMatchObject({
      deadline: null,
      notApplicable: true,
    });
    expect(officeDeadline(dec(1000000), "2025-12-30", P).deadline).toBe("2026-01-01");
    expect(officeDeadline(dec(4999999.99), "2025-12-30", P).deadline).toBe("2026-01-01");
    expect(officeDeadline(dec(5000000), "2025-12-30", P).deadline).toBe("2025-12-31");
  });
  test("the summary's result judges the branch report; a late branch report moves the office deadline with it", () => {
    const [r] = warningTimeliness(
      [
        {
          src: { sheet: "风险预警", row: 1 },
          loanId: "L",
          type: "到期",
          level: "橙色",
          amount: dec(5000000),
          maturity: M,
          found: "2025-06-10",
          branchReported: "2025-06-12",
          officeReported: "2025-06-13",
        },
      ],
      P
    );
    expect(r).toMatchObject({
      ok: true,
      deadline: "2025-06-11",
      result: "迟报",
      officeDeadline: "2025-06-13",
      officeResult: "按时",
    });
  });
});

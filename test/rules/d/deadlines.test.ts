import { dec } from "../../../src/core/money";
import type { WarningRow } from "../../../src/core/rows";
import { defaultPolicy } from "../../../src/policy/defaults";
import type { Policy } from "../../../src/policy/types";
import {
  branchDeadline,
  DeadlineInput,
  judge,
  officeDeadline,
  warningTimeliness,
} from "../../../src/rules/d";
import { renderSteps } from "../../../src/rules/explain";

const P = defaultPolicy(2025);

function w(patch: Partial<DeadlineInput> & { amount?: any } = {}): DeadlineInput {
  return {
    type: "到期",
    level: "黄色",
    amount: dec(500000),
    maturity: "2025-06-30",
    found: "2025-05-20",
    ...patch,
  };
}
const dl = (patch: Partial<DeadlineInput>, p: Policy = P) => branchDeadline(w(patch), p).deadline;

describe("到期 warnings: branch → branch office (第十一条（一）1)", () => {
  test("< 1,000,000 → M − 25 days", () => {
    expect(dl({ amount: dec(999999.99) })).toBe("2025-06-05");
  });
  test("< 1,000,000 found after M − 25: still M − 25, so late (literal reading, Interpretation)", () => {
    const r = branchDeadline(w({ amount: dec(10), found: "2025-06-10" }), P);
    expect(r.deadline).toBe("2025-06-05");
    expect(
      r.steps.some((s) => s.kind === "interpretation" && s.code === "D_INTERP_SMALL_LATE")
    ).toBe(true);
    expect(judge("2025-06-11", r.deadline)).toBe("迟报");
  });
  test("< 1,000,000 does not need the discovery date", () => {
    expect(dl({ found: null })).toBe("2025-06-05");
  });
  test("exactly 1,000,000 is the middle band: M − 30, or F + 2 when found later (the later of the two)", () => {
    expect(dl({ amount: dec(1000000), found: "2025-05-20" })).toBe("2025-05-31");
    expect(dl({ amount: dec(1000000), found: "2025-05-29" })).toBe("2025-05-31");
    expect(dl({ amount: dec(1000000), found: "2025-05-30" })).toBe("2025-06-01");
    const r = branchDeadline(w({ amount: dec(4999999.99), found: "2025-06-10" }), P);
    expect(r).toMatchObject({ deadline: "2025-06-12", band: "mid" });
    expect(
      r.steps.some((s) => s.kind === "interpretation" && s.code === "D_INTERP_FOUND_LATER")
    ).toBe(true);
  });
  test("exactly 5,000,000 is the top band: M − 30, or F + 1 day (24 hours) when found later", () => {
    expect(branchDeadline(w({ amount: dec(5000000), found: "2025-05-20" }), P)).toMatchObject({
      deadline: "2025-05-31",
      band: "large",
    });
    expect(dl({ amount: dec(5000000), found: "2025-05-30" })).toBe("2025-05-31");
    expect(dl({ amount: dec(5000000), found: "2025-06-10" })).toBe("2025-06-11");
  });
  test("the middle and top bands need the discovery date; every 到期 warning needs amount and maturity", () => {
    expect(() => branchDeadline(w({ amount: dec(1000000), found: null }), P)).toThrow(
      /发现日期为空/
    );
    expect(() => branchDeadline(w({ amount: null }), P)).toThrow(/风险金额为空/);
    expect(() => branchDeadline(w({ maturity: null }), P)).toThrow(/到期日期为空/);
    expect(() => branchDeadline(w({ type: null }), P)).toThrow(/预警类型为空/);
  });
});

describe("other warning types (第十一条（一）3–6)", () => {
  test.each([
    ["欠息", "2025-03-03"],
    ["重大事项", "2025-03-02"],
    ["关联企业", "2025-03-03"],
    ["财务异常", "2025-03-03"],
  ] as const)("%s: from the discovery day → %s", (type, expected) => {
    expect(dl({ type, found: "2025-03-01", maturity: null, amount: null })).toBe(expected);
  });
  test("they need the discovery date", () => {
    expect(() => branchDeadline(w({ type: "欠息", found: null }), P)).toThrow(/发现日期为空/);
  });
  test("a major event is always 红色", () => {
    const r = branchDeadline(w({ type: "重大事项", level: "黄色", found: "2025-03-01" }), P);
    expect(r.level).toBe("红色");
    expect(r.steps.some((s) => s.kind === "warning" && s.code === "D_MAJOR_RED")).toBe(true);
    expect(branchDeadline(w({ type: "重大事项", level: null, found: "2025-03-01" }), P).level).toBe(
      "红色"
    );
  });
  test("month and year ends roll over", () => {
    expect(dl({ type: "欠息", found: "2025-12-30" })).toBe("2026-01-01");
    expect(dl({ type: "欠息", found: "2024-02-28" })).toBe("2024-03-01");
  });
});

describe("branch office → head office (第十二条（一）1)", () => {
  test("below 1,000,000: none", () => {
    expect(officeDeadline(dec(999999.99), "2025-05-01", P)).toMatchObject({
      deadline: null,
      notApplicable: true,
    });
  });
  test("exactly 1,000,000: within 2 days; exactly 5,000,000: within 1 day", () => {
    expect(officeDeadline(dec(1000000), "2025-05-01", P).deadline).toBe("2025-05-03");
    expect(officeDeadline(dec(4999999.99), "2025-05-01", P).deadline).toBe("2025-05-03");
    expect(officeDeadline(dec(5000000), "2025-05-01", P).deadline).toBe("2025-05-02");
  });
  test("no branch report or no amount: cannot be told (warning)", () => {
    expect(officeDeadline(dec(5000000), null, P)).toMatchObject({
      deadline: null,
      notApplicable: false,
    });
    expect(officeDeadline(null, "2025-05-01", P).steps[0].kind).toBe("warning");
  });
});

describe("judge (第十八条)", () => {
  test("a report on the deadline day is on time; the day after is late; none is 未上报", () => {
    expect(judge("2025-05-31", "2025-05-31")).toBe("按时");
    expect(judge("2025-05-01", "2025-05-31")).toBe("按时");
    expect(judge("2025-06-01", "2025-05-31")).toBe("迟报");
    expect(judge(null, "2025-05-31")).toBe("未上报");
  });
});

function row(patch: Partial<WarningRow>): WarningRow {
  return {
    src: { sheet: "风险预警", row: 1 },
    loanId: "L1",
    type: "到期",
    level: "橙色",
    amount: dec(2000000),
    maturity: "2025-06-30",
    found: "2025-05-20",
    branchReported: "2025-05-31",
    officeReported: "2025-06-02",
    ...patch,
  };
}

describe("warningTimeliness", () => {
  test("per warning: deadline, result of the branch report, office deadline and result", () => {
    const r = warningTimeliness(
      [
        row({}),
        row({ loanId: "L2", branchReported: "2025-06-01", officeReported: "2025-06-04" }),
        row({ loanId: "L3", amount: dec(300000), branchReported: null, officeReported: null }),
        row({ loanId: "L4", type: null }),
      ],
      P
    );
    expect(r[0]).toMatchObject({
      ok: true,
      deadline: "2025-05-31",
      result: "按时",
      officeDeadline: "2025-06-02",
      officeResult: "按时",
    });
    expect(r[1]).toMatchObject({
      ok: true,
      result: "迟报",
      officeDeadline: "2025-06-03",
      officeResult: "迟报",
    });
    expect(r[2]).toMatchObject({
      ok: true,
      deadline: "2025-06-05",
      result: "未上报",
      officeDeadline: null,
      officeResult: "不适用",
    });
    expect(r[3]).toMatchObject({ ok: false, loanId: "L4" });
    expect(!r[3].ok && r[3].error.zh).toMatch(/贷款 L4.*预警类型为空/);
    const text = renderSteps(r[1].ok ? r[1].steps : []);
    expect(text).toContain("迟报");
    expect(text).not.toMatch(/D_[A-Z_]+ \{/);
    expect(renderSteps(r[1].ok ? r[1].steps : [], "en")).toContain("late");
  });
});

describe("every D figure is read from the policy", () => {
  const withD = (patch: Partial<Policy["d"]>): Policy => ({ ...P, d: { ...P.d, ...patch } });
  test.each([
    ["smallDaysBefore", { amount: dec(10) }, 20],
    ["midDaysBefore", { amount: dec(2000000), found: "2025-05-01" }, 40],
    ["midFoundDays", { amount: dec(2000000), found: "2025-06-10" }, 5],
    ["largeFoundDays", { amount: dec(6000000), found: "2025-06-10" }, 3],
    ["midAmount", { amount: dec(1000000), found: "2025-05-01" }, 1000001],
    ["largeAmount", { amount: dec(5000000), found: "2025-06-10" }, 5000001],
    ["arrearsDays", { type: "欠息" }, 5],
    ["majorEventDays", { type: "重大事项" }, 5],
    ["groupDays", { type: "关联企业" }, 5],
    ["financialDays", { type: "财务异常" }, 5],
  ] as const)("%s", (key, patch, value) => {
    expect(dl(patch as Partial<DeadlineInput>, withD({ [key]: value }))).not.toBe(
      dl(patch as Partial<DeadlineInput>)
    );
  });
  test("officeMidDays / officeLargeDays", () => {
    expect(officeDeadline(dec(1000000), "2025-05-01", withD({ officeMidDays: 3 })).deadline).toBe(
      "2025-05-04"
    );
    expect(officeDeadline(dec(5000000), "2025-05-01", withD({ officeLargeDays: 2 })).deadline).toBe(
      "2025-05-03"
    );
  });
  test("dueWithinDays: the early-discovery note follows it", () => {
    const early = (p: Policy) =>
      branchDeadline(w({ amount: dec(2000000), found: "2025-05-25" }), p).steps.some(
        (s) => s.code === "D_FOUND_EARLY"
      );
    expect(early(P)).toBe(true);
    expect(early(withD({ dueWithinDays: 40 }))).toBe(false);
  });
});

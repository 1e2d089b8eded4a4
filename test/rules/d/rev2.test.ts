import { dec } from "../../../src/core/money";
import type { WarningRow } from "../../../src/core/rows";
import { defaultPolicy } from "../../../src/policy/defaults";
import type { Policy } from "../../../src/policy/types";
import {
  branchDeadline,
  DeadlineInput,
  isManagementWarning,
  warningDeadline,
  warningTimeliness,
} from "../../../src/rules/d";
import { renderSteps } from "../../../src/rules/explain";

const P = defaultPolicy(2025);
const withD = (patch: Partial<Policy["d"]>): Policy => ({ ...P, d: { ...P.d, ...patch } });

function w(patch: Partial<DeadlineInput> = {}): DeadlineInput {
  return {
    type: "后三类预测",
    level: "橙色",
    amount: dec(2000000),
    maturity: null,
    found: "2025-05-31",
    ...patch,
  };
}

describe("rev 2: 后三类预测 (第十一条（一）2): by the last day of F's month", () => {
  test.each([
    ["2025-05-01", "2025-05-31"],
    ["2025-05-31", "2025-05-31"], // found on the last day: that same day
    ["2025-06-01", "2025-06-30"],
    ["2025-02-10", "2025-02-28"],
    ["2024-02-10", "2024-02-29"], // leap year
    ["2025-12-15", "2025-12-31"],
  ])("found %s → by %s", (found, deadline) => {
    expect(branchDeadline(w({ found }), P).deadline).toBe(deadline);
  });
  test("needs the discovery date (a month-end forecast is dated), not the amount or maturity", () => {
    expect(() => branchDeadline(w({ found: null }), P)).toThrow(/发现日期为空/);
    expect(branchDeadline(w({ amount: null }), P).deadline).toBe("2025-05-31");
    const text = renderSteps(branchDeadline(w({ found: "2025-05-20" }), P).steps);
    expect(text).toContain("第十一条（一）2");
    expect(text).toContain("2025-05-31");
  });
  test("it is a branch warning: judged on 支行上报日期; on the last day on time, the 1st of next month late", () => {
    const [a, b] = warningTimeliness(
      [
        row({ type: "后三类预测", branchReported: "2025-05-31" }),
        row({ type: "后三类预测", branchReported: "2025-06-01" }),
      ],
      P
    );
    expect(a).toMatchObject({ ok: true, stage: "支行", deadline: "2025-05-31", result: "按时" });
    expect(b).toMatchObject({ ok: true, stage: "支行", deadline: "2025-05-31", result: "迟报" });
    // the branch office → head office stage still applies by amount (≥ 1,000,000 within 2 days of the branch report)
    expect(b).toMatchObject({ officeDeadline: "2025-06-03" });
  });
});

describe("rev 2: management warnings (第十二条（一）2) go from the branch office to the head office", () => {
  test("越权放贷: F + 1 day (24 hours); 未落实贷款条件: F + 2 days; month ends roll over", () => {
    expect(warningDeadline(w({ type: "越权放贷", found: "2025-03-01" }), P)).toMatchObject({
      stage: "分行",
      deadline: "2025-03-02",
    });
    expect(warningDeadline(w({ type: "越权放贷", found: "2025-12-31" }), P)).toMatchObject({
      stage: "分行",
      deadline: "2026-01-01",
    });
    expect(warningDeadline(w({ type: "未落实贷款条件", found: "2025-03-01" }), P)).toMatchObject({
      stage: "分行",
      deadline: "2025-03-03",
    });
    expect(warningDeadline(w({ type: "未落实贷款条件", found: "2025-02-27" }), P)).toMatchObject({
      stage: "分行",
      deadline: "2025-03-01",
    });
    expect(isManagementWarning("越权放贷")).toBe(true);
    expect(isManagementWarning("未落实贷款条件")).toBe(true);
    expect(isManagementWarning("后三类预测")).toBe(false);
    expect(isManagementWarning("到期")).toBe(false);
  });
  test("whatever the amount (no band), and no amount needed", () => {
    expect(
      warningDeadline(w({ type: "越权放贷", amount: dec(10), found: "2025-03-01" }), P).deadline
    ).toBe("2025-03-02");
    expect(
      warningDeadline(w({ type: "越权放贷", amount: null, found: "2025-03-01" }), P).deadline
    ).toBe("2025-03-02");
    expect(
      warningDeadline(w({ type: "未落实贷款条件", amount: dec(9000000), found: "2025-03-01" }), P)
        .deadline
    ).toBe("2025-03-03");
  });
  test("they have no branch deadline: branchDeadline says so", () => {
    expect(() => branchDeadline(w({ type: "越权放贷" }), P)).toThrow(/无支行上报时限/);
  });
  test("need the discovery date", () => {
    expect(() => warningDeadline(w({ type: "未落实贷款条件", found: null }), P)).toThrow(
      /发现日期为空/
    );
  });
  test("judged on 分行上报日期: on the deadline day on time, the day after late, blank 未上报; 支行上报日期 is ignored", () => {
    const r = warningTimeliness(
      [
        row({
          loanId: "M1",
          type: "越权放贷",
          found: "2025-03-01",
          branchReported: null,
          officeReported: "2025-03-02",
        }),
        row({
          loanId: "M2",
          type: "越权放贷",
          found: "2025-03-01",
          branchReported: "2025-03-01",
          officeReported: "2025-03-03",
        }),
        row({
          loanId: "M3",
          type: "未落实贷款条件",
          found: "2025-03-01",
          branchReported: "2025-03-01",
          officeReported: "2025-03-03",
        }),
        row({
          loanId: "M4",
          type: "未落实贷款条件",
          found: "2025-03-01",
          branchReported: "2025-03-02",
          officeReported: "2025-03-04",
        }),
        row({
          loanId: "M5",
          type: "未落实贷款条件",
          found: "2025-03-01",
          branchReported: "2025-03-02",
          officeReported: null,
        }),
      ],
      P
    );
    expect(r.map((x) => x.ok && [x.stage, x.deadline, x.result])).toEqual([
      ["分行", "2025-03-02", "按时"],
      ["分行", "2025-03-02", "迟报"],
      ["分行", "2025-03-03", "按时"],
      ["分行", "2025-03-03", "迟报"],
      ["分行", "2025-03-03", "未上报"],
    ]);
    // the office columns carry the same judgement (no second, business-warning stage)
    expect(r[1]).toMatchObject({ officeDeadline: "2025-03-02", officeResult: "迟报" });
    const text = renderSteps(r[1].ok ? r[1].steps : []);
    expect(text).toContain("第十二条（一）2");
    expect(text).toContain("分行");
    expect(text).toMatch(/无支行上报时限/);
  });
  test("the day figures are the policy's", () => {
    expect(
      warningDeadline(w({ type: "越权放贷", found: "2025-03-01" }), withD({ overstepDays: 3 }))
        .deadline
    ).toBe("2025-03-04");
    expect(
      warningDeadline(
        w({ type: "未落实贷款条件", found: "2025-03-01" }),
        withD({ unmetConditionsDays: 5 })
      ).deadline
    ).toBe("2025-03-06");
  });
});

function row(patch: Partial<WarningRow>): WarningRow {
  return {
    src: { sheet: "风险预警", row: 1 },
    loanId: "L1",
    type: "后三类预测",
    level: "橙色",
    amount: dec(2000000),
    maturity: null,
    found: "2025-05-20",
    branchReported: null,
    officeReported: null,
    ...patch,
  };
}

describe("rev 2: a management warning in a log without the 分行上报日期 column", () => {
  test("cannot be judged (never 未上报); the other types are judged as usual", () => {
    const r = warningTimeliness(
      [
        row({ loanId: "M1", type: "越权放贷", found: "2025-03-01" }),
        row({ loanId: "F1", type: "后三类预测", branchReported: "2025-05-31" }),
      ],
      P,
      false
    );
    expect(r[0]).toMatchObject({ ok: false, loanId: "M1" });
    expect(!r[0].ok && r[0].error.zh).toMatch(/分行上报日期/);
    expect(r[1]).toMatchObject({ ok: true, result: "按时" });
  });
});

test("rev 2 D explanations render in both languages without a missing parameter", () => {
  const r = warningTimeliness(
    [
      row({ type: "后三类预测", branchReported: "2025-05-31" }),
      row({ type: "越权放贷", found: "2025-03-01", officeReported: "2025-03-02" }),
    ],
    P
  );
  for (const x of r) {
    expect(x.ok).toBe(true);
    for (const lang of ["zh", "en"] as const) {
      const text = renderSteps(x.ok ? x.steps : [], lang);
      expect(text).not.toMatch(/D_[A-Z_]+|\{[a-zA-Z]+\}|undefined|NaN/);
    }
  }
});

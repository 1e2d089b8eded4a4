/** A8 rev 2 (第四十一条): exit reasons 2–8 from the columns and rule set C's ✕ items; 延长任职至; a missing column said once. */
import { disqualifyingItemsByManager, exitReasons, exitDateOf } from "../../../src/rules/a/exit";
import { assessCreditManagers } from "../../../src/rules/a/assess";
import { renderSteps } from "../../../src/rules/explain";
import { defaultPolicy } from "../../../src/policy/defaults";
import type { ErrorLogRow } from "../../../src/core/rows";
import * as A from "../../../src/functions/a";
import { manager } from "./helpers";

const P = defaultPolicy(2025);
/** every column known, every flag blank (= 否) */
const KNOWN = {
  examFailsTwice: null,
  branchAssessmentFailed: null,
  headOfficeFailed: null,
  illness: null,
  majorViolation: null,
  extendedUntil: null,
  disqualifyingItems: [],
};

describe("A8 exit reasons 2–8", () => {
  it("blank flags mean 否: no reason, and no 'cannot be judged'", () => {
    const r = exitReasons({ ...KNOWN, grade: "二级", sex: "男", birth: "1980-01-01" }, P);
    expect(r.codes).toEqual([]);
    expect(renderSteps(r.steps, "zh", "；")).not.toContain("无法判断");
  });

  it.each([
    ["examFailsTwice", "examFails", "连续两次资格考试"],
    ["branchAssessmentFailed", "branchAssessment", "支行考核不合格"],
    ["headOfficeFailed", "headOfficeQualification", "总行资格"],
    ["illness", "illness", "因病"],
    ["majorViolation", "violation", "重大违规"],
  ] as const)("%s = 是 → reason %s", (flag, code, text) => {
    const r = exitReasons({ ...KNOWN, sex: "男", birth: "1980-01-01", [flag]: true }, P);
    expect(r.codes).toEqual([code]);
    expect(r.reasons[0]).toContain(text);
    expect(r.reasons[0]).toContain("第四十一条");
    expect(
      exitReasons({ ...KNOWN, sex: "男", birth: "1980-01-01", [flag]: false }, P).codes
    ).toEqual([]);
  });

  it("reason 8: a ✕ item of rule set C in the year, naming the item", () => {
    const r = exitReasons(
      {
        ...KNOWN,
        sex: "男",
        birth: "1980-01-01",
        disqualifyingItems: [
          { code: "1.5", zh: "与客户串通弄虚作假、欺骗银行", date: "2025-03-01" },
        ],
      },
      P
    );
    expect(r.codes).toEqual(["errorItem"]);
    expect(r.reasons[0]).toContain("1.5");
    expect(r.reasons[0]).toContain("与客户串通弄虚作假、欺骗银行");
  });

  it("every reason, in the order of 第四十一条 (1–8)", () => {
    const r = exitReasons(
      {
        grade: "取消资格",
        examFailsTwice: true,
        branchAssessmentFailed: true,
        headOfficeFailed: true,
        illness: true,
        majorViolation: true,
        sex: "女",
        birth: "1960-01-01",
        extendedUntil: null,
        disqualifyingItems: [{ code: "1.6", zh: "违法乱纪", date: "2025-01-02" }],
      },
      P
    );
    expect(r.codes).toEqual([
      "grade",
      "examFails",
      "branchAssessment",
      "headOfficeQualification",
      "age",
      "illness",
      "violation",
      "errorItem",
    ]);
    expect(r.reasons).toHaveLength(8);
  });

  it("a missing column (undefined) → said once that the reason cannot be judged, never 'no reason'", () => {
    const r = exitReasons({ grade: "二级", sex: "男", birth: "1980-01-01" }, P);
    expect(r.codes).toEqual([]);
    expect(r.unknown).toEqual([
      "examFails",
      "branchAssessment",
      "headOfficeQualification",
      "illness",
      "violation",
      "errorItem",
    ]);
    const warn = r.steps.filter((s) => s.code === "A_EXIT_UNKNOWN");
    expect(warn).toHaveLength(1);
    expect(warn[0].kind).toBe("warning");
    const t = renderSteps(r.steps, "zh", "；");
    expect(t).toContain("无法判断");
    expect(t).toContain("支行考核不合格");
    expect(t).not.toMatch(/无退出原因|没有退出原因/);
    // only some missing
    const s = exitReasons({ ...KNOWN, illness: undefined, sex: "男", birth: "1980-01-01" }, P);
    expect(s.unknown).toEqual(["illness"]);
  });

  it("延长任职至 replaces the age exit date (exact boundaries)", () => {
    // male born 1970-06-15: age exit 2025-06-16
    expect(exitReasons({ ...KNOWN, sex: "男", birth: "1970-06-15" }, P)).toMatchObject({
      codes: ["age"],
      exitDate: "2025-06-16",
    });
    const ext = exitReasons(
      { ...KNOWN, sex: "男", birth: "1970-06-15", extendedUntil: "2026-06-30" },
      P
    );
    expect(ext).toMatchObject({ codes: [], exitDate: "2026-06-30" });
    expect(renderSteps(ext.steps, "zh", "；")).toContain("延长任职至 2026-06-30");
    expect(
      exitReasons({ ...KNOWN, sex: "男", birth: "1970-06-15", extendedUntil: "2025-12-31" }, P)
    ).toMatchObject({ codes: ["age"], exitDate: "2025-12-31" });
    expect(
      exitReasons({ ...KNOWN, sex: "男", birth: "1970-06-15", extendedUntil: "2026-01-01" }, P)
    ).toMatchObject({ codes: [], exitDate: "2026-01-01" });
    // no sex/birth but an extension: the extension is the exit date
    expect(exitReasons({ ...KNOWN, extendedUntil: "2025-06-30" }, P)).toMatchObject({
      codes: ["age"],
      exitDate: "2025-06-30",
    });
    expect(exitDateOf("男", "1970-06-15", "2026-06-30", P).value).toBe("2026-06-30");
    expect(exitDateOf("男", "1970-06-15", null, P).value).toBe("2025-06-16");
  });

  it("三级以下 = below 三级: 三级 is not an exit reason, 取消资格 is", () => {
    expect(
      exitReasons({ ...KNOWN, grade: "三级", sex: "男", birth: "1980-01-01" }, P).codes
    ).toEqual([]);
    expect(
      exitReasons({ ...KNOWN, grade: "取消资格", sex: "男", birth: "1980-01-01" }, P).codes
    ).toEqual(["grade"]);
  });
});

describe("✕ items per CM from the error log", () => {
  const row = (employeeId: string, date: string | null, item: string): ErrorLogRow => ({
    src: { sheet: "差错记录", row: 1 },
    employeeId,
    date,
    item,
    count: 1,
    aggravation: null,
    note: null,
  });
  it("only ✕ items dated in the policy year; 3.15/X follows X", () => {
    const m = disqualifyingItemsByManager(
      [
        row("E1", "2025-03-01", "1.5"),
        row("E1", "2024-12-31", "1.6"),
        row("E2", "2025-05-01", "3.3"),
        row("E3", "2025-01-01", "3.15/3.1b"),
        row("E4", "2025-12-31", "3.14b"),
        row("E5", "2025-02-02", "坏"),
      ],
      P
    );
    expect(m.get("E1")?.map((x) => x.code)).toEqual(["1.5"]);
    expect(m.has("E2")).toBe(false);
    expect(m.get("E3")?.map((x) => x.code)).toEqual(["3.15/3.1b"]);
    expect(m.get("E4")?.map((x) => [x.code, x.date])).toEqual([["3.14b", "2025-12-31"]]);
    expect(m.has("E5")).toBe(false);
  });
});

describe("the roster", () => {
  it("columns present: flags read, blank = 否; ✕ items given → reason 8", () => {
    const items = new Map([["E2", [{ code: "1.6", zh: "违法乱纪", date: "2025-04-01" }]]]);
    const r = assessCreditManagers(
      [manager({ id: "E1", illness: true }), manager({ id: "E2" })],
      P,
      {
        present: new Set([
          "examFailsTwice",
          "branchAssessmentFailed",
          "headOfficeFailed",
          "illness",
          "majorViolation",
          "extendedUntil",
          "sex",
          "birth",
        ]),
        disqualifyingItems: items,
      }
    );
    const [a, b] = r.rows;
    expect(a.ok && a.exitReasons).toEqual([expect.stringContaining("因病")]);
    expect(b.ok && b.exitReasons).toEqual([expect.stringContaining("1.6")]);
    if (a.ok) expect(renderSteps(a.steps, "zh", "；")).not.toContain("无法判断");
  });

  it("columns absent: the explanation says once which reasons cannot be judged", () => {
    const r = assessCreditManagers([manager({ id: "E1" })], P, {
      present: new Set(["sex", "birth"]),
      disqualifyingItems: null,
    });
    const a = r.rows[0];
    expect(a.ok).toBe(true);
    if (a.ok) {
      expect(a.exitReasons).toEqual([]);
      expect(a.exitUnknown).toHaveLength(6);
      expect(a.steps.filter((s) => s.code === "A_EXIT_UNKNOWN")).toHaveLength(1);
    }
  });
});

describe("CM.EXITDATE with 延长任职至", () => {
  it("the extension date replaces the age exit date", () => {
    expect(A.exitdate("男", "1970-06-15")).toBe(45824); // 2025-06-16
    expect(A.exitdate("男", "1970-06-15", "2026-06-30")).toBe(46203); // 2026-06-30
    expect(A.exitdate("男", "1970-06-15", null, 2025)).toBe(45824);
  });
});

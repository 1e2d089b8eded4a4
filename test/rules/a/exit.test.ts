import { exitDate, exitReasons, transitionLimits } from "../../../src/rules/a/exit";
import { dec } from "../../../src/core/money";
import { defaultPolicy } from "../../../src/policy/defaults";
import type { Policy } from "../../../src/policy/types";

const P = defaultPolicy(2025);

describe("A8 exit (第四十一条)", () => {
  it("exit date: the day after the 55th / 45th birthday", () => {
    expect(exitDate("男", "1970-06-15", P).value).toBe("2025-06-16");
    expect(exitDate("女", "1980-12-31", P).value).toBe("2026-01-01");
  });

  it("29 February birthday: birthday taken as 28 February, exit on 1 March", () => {
    expect(exitDate("男", "1972-02-29", P).value).toBe("2027-03-01");
    expect(exitDate("女", "1980-02-29", P).value).toBe("2025-03-01");
    expect(exitDate("男", "1968-02-29", P).value).toBe("2023-03-01"); // 2023 is not leap
    expect(exitDate("女", "1979-02-28", P).value).toBe("2024-02-29"); // born 28 Feb: the day after in a leap year is 29 Feb
  });

  it("age reason at the assessment date (exact)", () => {
    expect(exitReasons({ sex: "男", birth: "1970-12-30" }, P).codes).toEqual(["age"]);
    expect(exitReasons({ sex: "男", birth: "1970-12-31" }, P).codes).toEqual([]); // exit date 2026-01-01
    expect(exitReasons({ sex: "女", birth: "1980-12-30" }, P).codes).toEqual(["age"]);
  });

  it("every reason listed, in article order", () => {
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
    ]);
    expect(r.reasons[0]).toBe("考核等级为取消资格（第四十一条）");
  });

  it("unknown sex or birth: a warning, not silence", () => {
    const r = exitReasons({ grade: "三级" }, P);
    expect(r.codes).toEqual([]);
    expect(r.steps.some((s) => s.code === "A_EXIT_AGE_UNKNOWN" && s.kind === "warning")).toBe(true);
  });

  it("transition (第四十三–四十四条): half after a year, nothing after two", () => {
    const t = transitionLimits("2025-06-16", dec(1234567.89), P);
    expect(t.limits.map((l) => [l.from, l.maxBalance.toFixed(2)])).toEqual([
      ["2026-06-16", "617283.95"],
      ["2027-06-16", "0.00"],
    ]);
  });

  it("policy figures are read", () => {
    const q: Policy = JSON.parse(JSON.stringify(P));
    q.a.exitAgeMale = 60;
    q.a.exitAgeFemale = 50;
    expect(exitDate("男", "1970-06-15", q).value).toBe("2030-06-16");
    expect(exitDate("女", "1970-06-15", q).value).toBe("2020-06-16");
    q.a.transitionYears = 3;
    q.a.transitionFirstYearShare = 0.25;
    expect(
      transitionLimits("2025-01-01", dec(100), q).limits.map((l) => [
        l.from,
        l.maxBalance.toNumber(),
      ])
    ).toEqual([
      ["2026-01-01", 25],
      ["2028-01-01", 0],
    ]);
  });
});

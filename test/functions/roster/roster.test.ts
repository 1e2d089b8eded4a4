/**
 * CM.SCORES / CM.GRADES / CM.PEERAVG: the O(n) roster forms agree with the rules' roster code
 * (assessCreditManagers, the 等级汇总 code) and with CM.SCORE given the peer averages as scalars;
 * blank rows never count as peers, whatever Excel passes for an empty cell (null, "", 0).
 */
import * as A from "../../../src/functions/a";
import * as R from "../../../src/functions/roster";
import type { ManagerRow } from "../../../src/core/rows";
import { assessCreditManagers } from "../../../src/rules/a/assess";
import { activePolicy, clearWorkbookPolicies } from "../../../src/policy/store";
import { manager } from "../../rules/a/helpers";

afterEach(() => clearWorkbookPolicies());

const TYPES = ["一类行", "二类行", "三类行"] as const;
/** A roster of n CMs with varied figures (hand-checkable ones at the start). */
function roster(n: number): ManagerRow[] {
  return Array.from({ length: n }, (_, i) =>
    manager({
      id: `E${i + 1}`,
      branchType: TYPES[i % 3],
      loanCount: 80 + ((i * 37) % 90),
      interestIncome: 500_000 + ((i * 7919) % 900_000),
      newNpl: (i * 131) % 20_000,
      managedLoans: 8_000_000 + ((i * 104729) % 9_000_000),
      examFails: i % 11 === 0 ? 1 : 0,
      penalties: i % 13 === 0 ? 1 : 0,
      criticisms: 0,
      seriousViolations: i % 17 === 0 ? 1 : 0,
      firstAppointed: i % 5 === 0 ? "2024-07-01" : "2010-01-01",
      prevCoefficient: i % 5 === 0 ? 1.9 : null,
    })
  );
}
const col = (xs: unknown[]) => xs.map((x) => [x]);
function columns(ms: ManagerRow[], blankRows: number[] = [], blank: unknown = null) {
  const cell = (i: number, v: unknown) => (blankRows.includes(i) ? blank : v);
  // a blank row: every cell of it arrives as `blank`, the id cell too
  const idCell = cell;
  return [
    col(ms.map((m, i) => idCell(i, m.id))),
    col(ms.map((m, i) => cell(i, m.branchType))),
    col(ms.map((m, i) => cell(i, m.loanCount))),
    col(ms.map((m, i) => cell(i, m.interestIncome!.toNumber()))),
    col(ms.map((m, i) => cell(i, m.newNpl!.toNumber()))),
    col(ms.map((m, i) => cell(i, m.managedLoans!.toNumber()))),
    col(ms.map((m, i) => cell(i, m.examFails))),
    col(ms.map((m, i) => cell(i, m.penalties))),
    col(ms.map((m, i) => cell(i, m.criticisms))),
    col(ms.map((m, i) => cell(i, m.seriousViolations))),
  ];
}
const scores = R.scores as (...a: unknown[]) => unknown[][];
const grades = R.grades as (...a: unknown[]) => unknown[][];
const peerAvg = R.peerAvg as (...a: unknown[]) => unknown[][];
const score = A.score as (...a: unknown[]) => unknown[][];

describe("CM.SCORES and CM.GRADES", () => {
  test("every row as the roster code computes it (the 等级汇总 figures)", () => {
    const ms = roster(300);
    const want = assessCreditManagers(ms, activePolicy()).rows;
    const s = scores(...columns(ms));
    const g = grades(
      ...columns(ms),
      col(ms.map((m) => m.firstAppointed)),
      col(ms.map((m) => m.prevCoefficient))
    );
    expect(s).toHaveLength(300);
    want.forEach((w, i) => {
      if (!w.ok) throw w.error;
      expect([i, ...s[i]]).toEqual([
        i,
        w.countPoints,
        w.incomePoints,
        w.qualityPoints,
        w.deductions,
        w.total,
      ]);
      expect([i, ...g[i]]).toEqual([i, w.total, w.finalGrade, w.wageCoefficient ?? ""]);
    });
  });

  test("hand-computed: two 一类行 CMs, averages 100 loans and 1,000,000 元", () => {
    // E1: 120 loans → d = 20 → 20 + 0.1 × 20 = 22.00; income 1,200,000 → 50 × 1.2 = 60.00;
    // newNpl 0 → quality 30 + 10 × 1 = 40.00; total 122.00. E2: 80 → 18.00; 800,000 → 40.00; 40.00; 98.00
    const ms = [
      manager({
        id: "E1",
        loanCount: 120,
        interestIncome: 1_200_000,
        newNpl: 0,
        managedLoans: 10_000_000,
      }),
      manager({
        id: "E2",
        loanCount: 80,
        interestIncome: 800_000,
        newNpl: 0,
        managedLoans: 10_000_000,
      }),
    ];
    expect(scores(...columns(ms))).toEqual([
      [22, 60, 40, 0, 122],
      [18, 40, 40, 0, 98],
    ]);
    expect(peerAvg(...columns(ms).slice(0, 4))).toEqual([
      ["一类行", 2, 100, 1_000_000],
      ["二类行", 0, "", ""],
      ["三类行", 0, "", ""],
    ]);
  });

  test.each([
    ["null", null],
    ["empty text", ""],
    ["0 (some Excel builds)", 0],
  ])("blank rows (cells arriving as %s) are no peers and give blank rows", (_, blank) => {
    const ms = roster(30);
    const base = scores(...columns(ms));
    // the same roster with blank rows inserted at 0, 10 and the end
    const withBlanks = [
      manager({ id: "X" }),
      ...ms.slice(0, 10),
      manager({ id: "X" }),
      ...ms.slice(10),
      manager({ id: "X" }),
    ];
    const out = scores(...columns(withBlanks, [0, 11, 32], blank));
    expect(out).toHaveLength(33);
    for (const i of [0, 11, 32]) expect(out[i]).toEqual(["", "", "", "", ""]);
    expect([...out.slice(1, 11), ...out.slice(12, 32)]).toEqual(base);
    const avg = peerAvg(...columns(withBlanks, [0, 11, 32], blank).slice(0, 4));
    expect(avg.map((r) => r[1])).toEqual([10, 10, 10]);
  });

  test("PEERAVG once, passed as scalars to CM.SCORE: the same scores as CM.SCORES", () => {
    const ms = roster(60);
    const cols = columns(ms);
    const avg = peerAvg(...cols.slice(0, 4));
    const s = scores(...cols);
    ms.forEach((m, i) => {
      const row = avg.find((r) => r[0] === m.branchType)!;
      const one = score(
        m.loanCount,
        m.interestIncome!.toNumber(),
        m.newNpl!.toNumber(),
        m.managedLoans!.toNumber(),
        row[2],
        row[3],
        undefined,
        undefined,
        m.examFails,
        m.penalties,
        m.criticisms,
        m.seriousViolations
      );
      expect([i, ...one[0]]).toEqual([i, ...s[i]]);
    });
  });

  test("a row lacking a figure: #N/A naming the row and the CM (its branch type's peers cannot be averaged)", () => {
    const ms = roster(6);
    const cols = columns(ms);
    cols[3][1] = [null];
    const e = scores(...cols) as unknown as CustomFunctions.Error;
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("E2");
    expect(e.message).toContain("当年贷款利息收入");
    // a bad cell: #VALUE! naming it
    cols[3][1] = ["十万"];
    const v = scores(...cols) as unknown as CustomFunctions.Error;
    expect(v.code).toBe("#VALUE!");
    expect(v.message).toContain("第 2 行");
  });

  test("columns of different lengths: #VALUE! naming the column", () => {
    const cols = columns(roster(5));
    cols[2] = cols[2].slice(0, 4);
    const e = scores(...cols) as unknown as CustomFunctions.Error;
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("当年发放贷款笔数列");
  });

  test("linear in the rows: 4× the rows take well under 16× the time (O(n²) would)", () => {
    const time = (n: number) => {
      const cols = columns(roster(n));
      scores(...cols); // warm
      const t0 = process.hrtime.bigint();
      const out = scores(...cols);
      expect(out).toHaveLength(n);
      return Number(process.hrtime.bigint() - t0);
    };
    const small = time(1000);
    const large = time(4000);
    expect(large / small).toBeLessThan(10);
  });
});

describe("the roster's columns are converted once, by the shared argument code (args.ts perCell)", () => {
  const err = (x: unknown) => x as unknown as CustomFunctions.Error;
  test("a bad date, coefficient or branch type: #VALUE! naming the row and the column", () => {
    const ms = roster(6);
    const dates = col(ms.map((m) => m.firstAppointed));
    const coefs = col(ms.map((m) => m.prevCoefficient));
    dates[3] = ["去年"];
    const d = err(grades(...columns(ms), dates, coefs));
    expect(d.code).toBe("#VALUE!");
    expect(d.message).toContain("第 4 行");
    expect(d.message).toContain("首次聘任日期列");
    dates[3] = [ms[3].firstAppointed];
    coefs[0] = [-1.9];
    const c = err(grades(...columns(ms), dates, coefs));
    expect(c.code).toBe("#VALUE!");
    expect(c.message).toContain("原岗位工资系数列");
    const cols = columns(ms);
    cols[1][2] = ["四类行"];
    const t = err(scores(...cols));
    expect(t.code).toBe("#VALUE!");
    expect(t.message).toContain("第 3 行");
    expect(t.message).toContain("行别类型列");
  });

  test("a negative or fractional count in a deduction column: #VALUE!, never read as 0", () => {
    const cols = columns(roster(6));
    cols[7][1] = [1.5];
    expect(err(scores(...cols)).message).toContain("经济处罚次数列");
    cols[7][1] = [-1];
    expect(err(scores(...cols)).code).toBe("#VALUE!");
  });
});

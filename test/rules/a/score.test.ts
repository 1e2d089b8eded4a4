import {
  assessCreditManagers,
  capReasons,
  peerAverages,
  peerDisplay,
} from "../../../src/rules/a/assess";
import {
  countPoints,
  deductionPoints,
  incomePoints,
  qualityPoints,
  scoreManager,
  PeerFigures,
} from "../../../src/rules/a/score";
import { dec } from "../../../src/core/money";
import { defaultPolicy } from "../../../src/policy/defaults";
import type { Policy } from "../../../src/policy/types";
import { renderSteps } from "../../../src/rules/explain";
import { manager } from "./helpers";
import fc from "fast-check";

const P = defaultPolicy(2025);
const peers = (count: number, income: number): PeerFigures => ({
  branchType: "一类行",
  avgLoanCount: dec(count),
  avgIncome: dec(income),
});
const zero = { examFails: 0, penalties: 0, criticisms: 0, seriousViolations: 0 };

describe("A2 components (第十一条)", () => {
  it("loan count: 20 + 0.1 × d within [0, 30], linear", () => {
    expect(countPoints(120, peers(100, 1), P).toNumber()).toBe(22);
    expect(countPoints(100, peers(100, 1), P).toNumber()).toBe(20);
    expect(countPoints(0, peers(100, 1), P).toNumber()).toBe(10);
    expect(countPoints(200, peers(100, 1), P).toNumber()).toBe(30);
    expect(countPoints(250, peers(100, 1), P).toNumber()).toBe(30);
    expect(countPoints(101, peers(300, 1), P).toNumber()).toBe(13.37); // d = −66.333…, 13.3667
    expect(countPoints(1, peers(3, 1), P).toNumber()).toBe(13.33);
  });

  it("interest income: 50 × income ÷ average within [0, 70]", () => {
    expect(incomePoints(dec(800000), peers(1, 1000000), P).toNumber()).toBe(40);
    expect(incomePoints(dec(1400000), peers(1, 1000000), P).toNumber()).toBe(70);
    expect(incomePoints(dec(1500000), peers(1, 1000000), P).toNumber()).toBe(70);
    expect(incomePoints(dec(0), peers(1, 1000000), P).toNumber()).toBe(0);
    expect(incomePoints(dec(1), peers(1, 3), P).toNumber()).toBe(16.67);
  });

  it("quality: 30 + 10 × (1 − r), at least 0, r = 0 gives 40", () => {
    expect(qualityPoints(dec(10000), dec(1000000), P).points.toNumber()).toBe(30);
    expect(qualityPoints(dec(9000), dec(1000000), P).points.toNumber()).toBe(31);
    expect(qualityPoints(dec(11000), dec(1000000), P).points.toNumber()).toBe(29);
    expect(qualityPoints(dec(0), dec(1000000), P).points.toNumber()).toBe(40);
    expect(qualityPoints(dec(50000), dec(1000000), P).points.toNumber()).toBe(0);
    expect(qualityPoints(dec(1), dec(3000), P).ratePct.toDecimalPlaces(6).toNumber()).toBe(
      0.033333
    );
  });

  it("peer average of 0 and managed loans of 0: clear errors, never Infinity", () => {
    expect(() =>
      countPoints(5, { branchType: "二类行", avgLoanCount: dec(0), avgIncome: dec(1) }, P)
    ).toThrow(/二类行客户经理平均贷款笔数为 0/);
    expect(() =>
      incomePoints(dec(5), { branchType: "三类行", avgLoanCount: dec(1), avgIncome: dec(0) }, P)
    ).toThrow(/三类行客户经理平均贷款利息收入为 0/);
    expect(() => qualityPoints(dec(0), dec(0), P)).toThrow(/年末管理贷款总额为 0/);
  });

  it("A3 deductions and total (S may be negative)", () => {
    expect(
      deductionPoints(
        { examFails: 1, penalties: 1, criticisms: 1, seriousViolations: 1 },
        P
      ).toNumber()
    ).toBe(20);
    const r = scoreManager(
      { loanCount: 0, interestIncome: dec(0), newNpl: dec(100000), managedLoans: dec(1000000) },
      { examFails: 2, penalties: 0, criticisms: 1, seriousViolations: 1 },
      peers(100, 1000000),
      P
    );
    expect([r.countPoints, r.incomePoints, r.qualityPoints, r.deductions, r.total]).toEqual([
      10, 0, 0, 21, -11,
    ]);
  });

  it("components are rounded, then summed", () => {
    const r = scoreManager(
      { loanCount: 1, interestIncome: dec(1), newNpl: dec(1), managedLoans: dec(3000) },
      zero,
      peers(3, 3),
      P
    );
    expect([r.countPoints, r.incomePoints, r.qualityPoints]).toEqual([13.33, 16.67, 39.67]);
    expect(r.total).toBe(69.67);
  });
});

describe("roster (assessCreditManagers)", () => {
  const roster = () => [
    manager({
      id: "A",
      loanCount: 120,
      interestIncome: 1200000,
      newNpl: 5000,
      managedLoans: 1000000,
    }),
    manager({
      id: "B",
      loanCount: 80,
      interestIncome: 800000,
      newNpl: 20000,
      managedLoans: 1000000,
    }),
    manager({
      id: "C",
      branchType: "二类行",
      loanCount: 50,
      interestIncome: 300000,
      newNpl: 0,
      managedLoans: 500000,
    }),
    manager({
      id: "K",
      branchType: null,
      loanCount: null,
      interestIncome: null,
      newNpl: null,
      managedLoans: null,
    }),
  ];

  it("peer averages per branch type, the CM included", () => {
    const p = peerAverages(roster(), P);
    expect(peerDisplay(p["一类行"])).toEqual({
      branchType: "一类行",
      count: 2,
      avgLoanCount: 100,
      avgIncome: 1000000,
    });
    expect(peerDisplay(p["二类行"])).toEqual({
      branchType: "二类行",
      count: 1,
      avgLoanCount: 50,
      avgIncome: 300000,
    });
    expect(p["三类行"].count).toBe(0);
  });

  it("scores, grades and skipped non-credit CMs", () => {
    const r = assessCreditManagers(roster(), P);
    expect(r.skipped.map((x) => x.employeeId)).toEqual(["K"]);
    const a = r.rows[0];
    if (!a.ok) throw a.error;
    // 22 + 60 + 35 = 117
    expect([
      a.countPoints,
      a.incomePoints,
      a.qualityPoints,
      a.total,
      a.finalGrade,
      a.wageCoefficient,
    ]).toEqual([22, 60, 35, 117, "一级", 2]);
    const b = r.rows[1];
    if (!b.ok) throw b.error;
    // 18 + 40 + 20 = 78
    expect([b.total, b.finalGrade]).toEqual([78, "二级"]);
    const c = r.rows[2];
    if (!c.ok) throw c.error;
    expect([c.countPoints, c.incomePoints, c.qualityPoints, c.total]).toEqual([20, 50, 40, 110]);
    expect(renderSteps(a.steps)).toContain("[第十一条 1]");
  });

  it("a missing figure is a per-row error; the others go on", () => {
    const list = roster();
    list[2] = { ...list[2], managedLoans: null };
    const r = assessCreditManagers(list, P);
    expect(r.rows[0].ok && r.rows[1].ok).toBe(true);
    const c = r.rows[2];
    expect(c.ok).toBe(false);
    if (!c.ok) {
      expect(c.error.kind).toBe("na");
      expect(c.error.zh).toContain("缺少年末管理贷款总额");
    }
  });

  it("a peer lacking a figure makes the type's average unavailable (named), never guessed", () => {
    const list = roster();
    list[1] = { ...list[1], loanCount: null };
    const r = assessCreditManagers(list, P);
    const [a, b] = r.rows;
    expect(a.ok || b.ok).toBe(false);
    if (!a.ok)
      expect(a.error.zh).toContain("一类行客户经理 B 缺少当年发放贷款笔数，无法计算一类行平均值");
    if (!b.ok) expect(b.error.zh).toBe("B 姓名B：缺少当年发放贷款笔数");
    expect(r.rows[2].ok).toBe(true);
  });

  it("a blank deduction count is an error, never 0", () => {
    const list = roster();
    list[0] = { ...list[0], criticisms: null };
    const r = assessCreditManagers(list, P);
    expect(r.rows[0].ok).toBe(false);
    if (!r.rows[0].ok) expect(r.rows[0].error.zh).toContain("缺少通报批评次数");
  });

  it("peer average of 0 → a clear error naming the type", () => {
    const list = [manager({ id: "Z", branchType: "三类行", loanCount: 0, interestIncome: 0 })];
    const r = assessCreditManagers(list, P);
    expect(r.rows[0].ok).toBe(false);
    if (!r.rows[0].ok) expect(r.rows[0].error.zh).toContain("三类行客户经理平均贷款笔数为 0");
  });

  it("caps with the NPL rate of A2.3 and the policy tolerance; exit reasons beside the grade", () => {
    const q: Policy = { ...P, nplToleranceRatePct: 1 };
    const list = [
      manager({
        id: "A",
        loanCount: 200,
        interestIncome: 2000000,
        newNpl: 15000,
        managedLoans: 1000000,
        seriousViolations: 0,
      }),
      manager({
        id: "B",
        loanCount: 0,
        interestIncome: 0,
        newNpl: 0,
        managedLoans: 1000000,
        sex: "女",
        birth: "1980-01-01",
      }),
    ];
    const r = assessCreditManagers(list, q);
    const a = r.rows[0];
    if (!a.ok) throw a.error;
    expect(a.nplRatePct).toBe(1.5);
    expect(a.finalGrade).toBe("二级"); // r = 1.5 = exactly 1.5 × tolerance → 二级 only
    expect(capReasons(a.caps)).toBe("新增不良率 1.5% 超过容忍度 1%，最高二级");
    const b = r.rows[1];
    if (!b.ok) throw b.error;
    expect(b.finalGrade).toBe("取消资格");
    expect(b.exitReasons).toEqual([
      "考核等级为取消资格（第四十一条）",
      "达到退出年龄（第四十一条）",
    ]);
    expect(b.exitDate).toBe("2025-01-02");
  });

  it("the 新增不良率 shown is precise enough never to contradict the cap (1.50004% > 1.5 × 1%)", () => {
    const q: Policy = { ...P, nplToleranceRatePct: 1 };
    const r = assessCreditManagers(
      [manager({ id: "A", newNpl: 15000.4, managedLoans: 1000000 })],
      q
    );
    const a = r.rows[0];
    if (!a.ok) throw a.error;
    expect([a.nplRatePct, a.finalGrade, capReasons(a.caps)]).toEqual([
      1.50004,
      "三级",
      "新增不良率 1.50004% 超过容忍度 1% 的 1.5 倍，最高三级",
    ]);
  });

  it("policy figures move the components", () => {
    const m = {
      loanCount: 120,
      interestIncome: dec(800000),
      newNpl: dec(9000),
      managedLoans: dec(1000000),
    };
    const base = scoreManager(m, zero, peers(100, 1000000), P);
    const variants: [keyof Policy["a"], number][] = [
      ["countBase", 25],
      ["countPerPct", 0.2],
      ["countMax", 21],
      ["countMin", 23],
      ["incomeBase", 60],
      ["incomeMax", 30],
      ["incomeMin", 45],
      ["qualityBase", 20],
      ["qualityPerPct", 20],
      ["qualityPivotPct", 2],
      ["qualityMin", 35],
    ];
    for (const [k, v] of variants) {
      const q: Policy = JSON.parse(JSON.stringify(P));
      (q.a as unknown as Record<string, number>)[k] = v;
      expect([k, scoreManager(m, zero, peers(100, 1000000), q).total]).not.toEqual([k, base.total]);
    }
    const q: Policy = JSON.parse(JSON.stringify(P));
    q.a.qualityMax = 30.5;
    expect(scoreManager(m, zero, peers(100, 1000000), q).qualityPoints).toBe(30.5);
    for (const [k, field] of [
      ["deductExamFail", "examFails"],
      ["deductPenalty", "penalties"],
      ["deductCriticism", "criticisms"],
      ["deductSeriousViolation", "seriousViolations"],
    ] as const) {
      const q2: Policy = JSON.parse(JSON.stringify(P));
      q2.a[k] = 7;
      expect(deductionPoints({ ...zero, [field]: 1 }, q2).toNumber()).toBe(7);
    }
  });

  it("no NaN/Infinity for any finite input", () => {
    fc.assert(
      fc.property(
        fc.nat(10000),
        fc.double({ min: 0, max: 1e10, noNaN: true }),
        fc.double({ min: 0, max: 1e10, noNaN: true }),
        fc.double({ min: 0.01, max: 1e10, noNaN: true }),
        fc.double({ min: 0.01, max: 1e5, noNaN: true }),
        fc.double({ min: 0.01, max: 1e10, noNaN: true }),
        (count, income, npl, managed, avgC, avgI) => {
          const r = scoreManager(
            {
              loanCount: count,
              interestIncome: dec(income),
              newNpl: dec(npl),
              managedLoans: dec(managed),
            },
            zero,
            peers(avgC, avgI),
            P
          );
          for (const v of [r.countPoints, r.incomePoints, r.qualityPoints, r.total])
            expect(Number.isFinite(v)).toBe(true);
        }
      )
    );
  });
});

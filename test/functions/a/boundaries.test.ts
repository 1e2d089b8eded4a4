/** RULES.md A boundaries through the CM.* wrappers (the rule-level cases are in test/rules/a). */
import * as A from "../../../src/functions/a";
import { clearWorkbookPolicies } from "../../../src/policy/store";

const err = (x: unknown) => x as CustomFunctions.Error;
const col = (...xs: unknown[]) => xs.map((x) => [x]);
const buyout = A.buyout as (...a: unknown[]) => unknown;

afterEach(() => clearWorkbookPolicies());

describe("CM.GRADE boundaries", () => {
  it("a computed 89.995 (=89.99+0.005, the double 89.99499999999999) → 一级, as Excel shows 90.00", () => {
    expect(A.grade(89.99 + 0.005)).toBe("一级");
    expect(A.grade([[74.99 + 0.005]])).toBe("二级");
  });
  it("the doubles Excel passes are read as it shows them, in every argument: 89.99499999999999 → 一级; =0.68+1.12 is not above 1.5 × a tolerance of =0.6*3", () => {
    expect(A.grade(89.99499999999999)).toBe("一级");
    expect(A.grade([[89.99499999999999]])).toBe("一级");
    expect(A.grade(89.99499999999999 - 1e-12)).toBe("二级"); // 89.994999999999 is shown as such
    expect(A.explain(89.99499999999999, 1) as string).toContain("89.995 四舍五入为 90.00");
    expect(A.grade(95, 0, 2.7, 1.7999999999999998)).toBe("二级"); // 2.7 = 1.5 × 1.8, not above
    expect(A.grade(95, 0, 1.8000000000000003, 1.2)).toBe("二级"); // 1.8 = 1.5 × 1.2, not above
    expect(A.grade(95, 0, 1.2000000000000002, 1.2)).toBe("一级"); // 1.2 is not above 1.2
  });
  it("74.995 and 59.995 round up into the grade above", () => {
    expect(A.grade(74.995)).toBe("二级");
    expect(A.grade(59.995)).toBe("三级");
    expect(A.grade(59.994)).toBe("取消资格");
  });
  it("a tolerance rate of 0: r = 0 keeps 一级, any r above it caps at 三级", () => {
    expect(A.grade(95, 0, 0, 0)).toBe("一级");
    expect(A.grade(95, 0, 0.01, 0)).toBe("三级");
  });
  it("a negative NPL rate → #VALUE! naming the argument", () => {
    const e = err(A.grade(95, 0, -1, 1));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("nplRate");
  });
});

describe("CM.NPLCOUNTS boundaries", () => {
  it("pledge 损失 overdue 364 → FALSE, 365 → TRUE (rev 2); 保证 overdue 1 → TRUE, 0 → FALSE; granted 1999-01-01 counts, 1998-12-31 does not", () => {
    expect(A.nplcounts("2018-01-10", "损失", "质押", 364)).toBe(false);
    expect(A.nplcounts("2018-01-10", "损失", "质押", 365)).toBe(true);
    expect(A.nplcounts("2018-01-10", "正常", "保证", 0)).toBe(false);
    expect(A.nplcounts("2018-01-10", "正常", "保证", 1)).toBe(true);
    expect(A.nplcounts("1999-01-01", "损失", "信用", 0)).toBe(true);
    expect(A.nplcounts("1998-12-31", "损失", "信用", 9000)).toBe(false);
  });
});

describe("CM.OVERTOLSHARE boundaries", () => {
  it("over exactly 50% → 50%, just above → 0; tolerance 0 with NPL → 0", () => {
    expect(A.overtolshare(270000, 180000, 0.8)).toBe(0.5);
    expect(A.overtolshare(270000.01, 180000, 0.8)).toBe(0);
    expect(A.overtolshare(0.01, 0, 1)).toBe(0);
  });
  it("a computed 80% (=0.7+0.1, the double 0.7999999999999999) is 80%: the band share, not 0", () => {
    expect(A.overtolshare(110, 100, 0.7999999999999999)).toBe(0.8);
    expect(A.overtolshare(110, 100, [[0.7999999999999999]])).toBe(0.8);
    expect(A.overtolshare(110, 100, 0.7999999)).toBe(0);
  });
});

describe("CM.EXITDATE boundaries", () => {
  it("女: the day after the 45th birthday", () => {
    expect(A.exitdate("女", "1980-06-15")).toBe(45824); // 2025-06-16
    expect(A.exitdate("女", "1980-12-31")).toBe(46023); // 2026-01-01
  });
});

describe("CM.BUYOUT boundaries", () => {
  const ledger = {
    ids: col("L1", "L2", "L3", "L4"),
    first: col("E1", "E1", "E1", "E1"),
    granted: col("2003-05-01", "2007-03-01", "2014-06-01", "2018-01-10"),
    maturity: col("2004-05-01", "2008-03-01", "2015-06-01", "2019-01-10"),
    balance: col(200000, 300000, 150000, 250000),
    security: col("信用", "保证", "信用", "抵押"),
    cls: col("损失", "可疑", "次级", "可疑"),
    overdue: col(7000, 6000, 3800, 2500),
    year: col(2004, 2008, 2015, 2019),
    lost: col("是", "否", "否", "否"),
    disposal: col("无", "无", "无", "诉讼"),
  };
  const call = (pay: number) =>
    buyout(
      "E1",
      ledger.ids,
      ledger.first,
      ledger.granted,
      ledger.maturity,
      ledger.balance,
      ledger.security,
      ledger.cls,
      ledger.overdue,
      ledger.year,
      ledger.lost,
      180000,
      50000,
      30000,
      pay,
      true,
      null,
      null,
      ledger.disposal,
      null,
      null,
      2025
    ) as unknown[][];

  it("funds exactly exhausted (pay 35,000): shortfall 0; one cent less: shortfall 0.01 on L4", () => {
    expect(call(35000)[5].slice(5)).toEqual([
      115000,
      115000,
      "风险考核基金 50,000.00；岗位风险金 30,000.00；退休当年效益工资 35,000.00",
      "暂存 67,500.00",
      0,
    ]);
    const t = call(34999.99);
    expect([t[4][1], t[4][9], t[5][9]]).toEqual(["L4", 0.01, 0.01]);
  });

  it("tolerance exactly used up by L3 (T = 150,000): L4 all above → 75,000.00", () => {
    const r = buyout(
      "E1",
      ledger.ids,
      ledger.first,
      ledger.granted,
      ledger.maturity,
      ledger.balance,
      ledger.security,
      ledger.cls,
      ledger.overdue,
      ledger.year,
      ledger.lost,
      150000,
      null,
      null,
      null,
      true,
      null,
      null,
      ledger.disposal,
      null,
      null,
      2025
    ) as unknown[][];
    expect(r.slice(1, 5).map((x) => [x[1], x[2], x[3], x[5]])).toEqual([
      ["L1", "2005年及以前", "5%", 10000],
      ["L3", "2011年以后·容忍度内", "5%", 7500],
      ["L2", "2006–2010年", "10%", 30000],
      ["L4", "2011年以后·超出部分", "30%", 75000],
    ]);
  });
});

describe("CM.ANNUALCOMP with the built-in policy", () => {
  it("no ratio set: #N/A 'ratio not set' in any year, also the default one", () => {
    for (const e of [
      A.annualcomp(100000),
      A.annualcomp(100000, null, null, 2025),
      A.annualcomp(100000, 2001),
      A.annualcomp(100000, null, null, 2012),
    ].map(err)) {
      expect(e.code).toBe("#N/A");
      expect(e.message).toContain("买断比例未设置（第三十三条）");
    }
  });
});

describe("CM.NPLCOUNTS rev 2: overdue credit/guaranteed loans and the switch", () => {
  it("信用 关注 overdue 1 day → TRUE, 0 → FALSE; with 逾期即计入 = 否 → FALSE unless 后三类 or 365 days", () => {
    expect(A.nplcounts("2018-01-10", "关注", "信用", 1)).toBe(true);
    expect(A.nplcounts("2018-01-10", "关注", "信用", 0)).toBe(false);
    expect(A.nplcounts("2018-01-10", "关注", "信用", 1, null, "否")).toBe(false);
    expect(A.nplcounts("2018-01-10", "关注", "信用", 364, null, "否")).toBe(false);
    expect(A.nplcounts("2018-01-10", "关注", "信用", 365, null, "否")).toBe(true);
    expect(A.nplcounts("2018-01-10", "次级", "保证", 0, null, "否")).toBe(true);
    expect(A.nplcounts("2018-01-10", "关注", "保证", 30, null, "是")).toBe(true);
    expect(A.nplcounts("2018-01-10", "损失", "抵押", 364, null, "是")).toBe(false);
    expect(A.nplcounts("2018-01-10", "关注", "信用", 1, null, null, 2025)).toBe(true);
  });
});

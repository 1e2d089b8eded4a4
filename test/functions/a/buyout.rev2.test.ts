/** CM.BUYOUT rev 2: the 已赔偿金额 column (第三十六条) and escrow for 抵押 only (第五十一条). */
import * as A from "../../../src/functions/a";
import { HELP_EN_A } from "../../../src/functions/a.en";
import { clearWorkbookPolicies, setWorkbookPolicy } from "../../../src/policy/store";
import { defaultPolicy } from "../../../src/policy/defaults";

const col = (...xs: unknown[]) => xs.map((x) => [x]);
const buyout = A.buyout as (...a: unknown[]) => unknown;
const err = (x: unknown) => x as CustomFunctions.Error;

afterEach(() => clearWorkbookPolicies());

const L = {
  ids: col("L1", "L2", "L3", "L4"),
  first: col("E1", "E1", "E1", "E1"),
  granted: col("2003-05-01", "2007-03-01", "2014-06-01", "2018-01-10"),
  maturity: col("2004-05-01", "2008-03-01", "2015-06-01", "2019-01-10"),
  balance: col(200000, 300000, 150000, 250000),
  cls: col("损失", "可疑", "次级", "可疑"),
  overdue: col(7000, 6000, 3800, 2500),
  year: col(2004, 2008, 2015, 2019),
  lost: col("是", "否", "否", "否"),
  disposal: col("无", "无", "无", "诉讼"),
};
const call = (o: {
  security?: unknown[][];
  comp?: unknown[][];
  funds?: unknown[];
  schedule?: unknown;
}) =>
  buyout(
    "E1",
    L.ids,
    L.first,
    L.granted,
    L.maturity,
    L.balance,
    o.security ?? col("信用", "保证", "信用", "抵押"),
    L.cls,
    L.overdue,
    L.year,
    L.lost,
    180000,
    ...(o.funds ?? [50000, 30000, 40000]),
    o.schedule ?? null,
    null,
    null,
    L.disposal,
    null,
    o.comp ?? null,
    2025
  );

describe("CM.BUYOUT 已赔偿金额 (第三十六条)", () => {
  it("without the column: the worked example, 115,000.00, ten columns", () => {
    expect(call({})).toEqual([[115000]]);
    expect((call({ schedule: true }) as unknown[][])[0]).toHaveLength(10);
  });

  it("credit larger than the obligation → 0 (L1 10,000 − 12,000); credit on L4 straddling T (67,500 − 20,000)", () => {
    expect(call({ comp: col(12000, null, null, 20000) })).toEqual([
      [10000 + 7500 + 30000 + 67500 - 10000 - 20000],
    ]);
    const t = call({ comp: col(12000, null, null, 20000), schedule: true }) as unknown[][];
    expect(t[0].slice(10)).toEqual(["抵减前应买断", "已赔偿金额"]);
    // rows in order L1, L3, L2, L4: 应买断金额 after the credit, then before it and the credit
    expect(t.slice(1, 5).map((r) => [r[0], r[1], r[5], r[10], r[11]])).toEqual([
      [1, "L1", 0, 10000, 12000],
      [2, "L3", 7500, 7500, ""],
      [3, "L2", 30000, 30000, ""],
      [4, "L4", 47500, 67500, 20000],
    ]);
    expect(t[5].slice(0, 1).concat(t[5].slice(5, 6), t[5].slice(9))).toEqual([
      "合计",
      85000,
      0,
      115000,
      32000,
    ]);
  });

  it("funds exactly exhausted after the credits: 87,500 = 50,000 + 30,000 + 7,500", () => {
    const comp = col(null, null, 7500, 20000);
    const t = call({ comp, funds: [50000, 30000, 7500], schedule: true }) as unknown[][];
    expect(t[5][5]).toBe(87500);
    expect(t[5][6]).toBe(87500);
    expect(t[5][9]).toBe(0);
    const short = call({ comp, funds: [50000, 30000, 7499.99], schedule: true }) as unknown[][];
    expect(short[5][9]).toBe(0.01);
  });

  it("in a 万元 workbook the column is in 万元 like every amount", () => {
    const p = defaultPolicy(2025);
    p.amountUnit = "万元";
    setWorkbookPolicy(p);
    const r = buyout(
      "E1",
      L.ids,
      L.first,
      L.granted,
      L.maturity,
      col(20, 30, 15, 25),
      col("信用", "保证", "信用", "抵押"),
      L.cls,
      L.overdue,
      L.year,
      L.lost,
      18,
      5,
      3,
      4,
      null,
      null,
      null,
      L.disposal,
      null,
      col(1.2, null, null, 2),
      2025
    );
    // 万元: 11.5 − 1 (L1 capped at 0) − 2 = 8.5
    expect(r).toEqual([[8.5]]);
  });

  it("a negative credit is #VALUE!; a column of the wrong length says so", () => {
    expect(err(call({ comp: col(-1, null, null, null) })).code).toBe("#VALUE!");
    expect(err(call({ comp: col(1, 2) })).message).toContain("已赔偿金额列");
  });

  it("a 质押 loan in litigation is not 暂存", () => {
    const t = call({
      security: col("信用", "保证", "信用", "质押"),
      schedule: true,
    }) as unknown[][];
    expect(t[4][8]).toBe("否");
    expect(t[5][8]).toBe("");
    expect((call({ schedule: true }) as unknown[][])[4][8]).toBe("是");
  });

  it("help names the article and the interpretation in both languages", () => {
    expect(HELP_EN_A.BUYOUT.params.compensated).toContain("已赔偿金额");
    expect(HELP_EN_A.BUYOUT.description).toContain("Art. 36");
    expect(HELP_EN_A.BUYOUT.description).toContain("Interpretation: a credit, not an exemption");
    expect(HELP_EN_A.BUYOUT.description).toContain("pledge loan is paid like any other");
  });
});

import fc from "fast-check";
import * as A from "../../../src/functions/a";
import { HELP_EN_A } from "../../../src/functions/a.en";
import { clearWorkbookPolicies, setWorkbookPolicy } from "../../../src/policy/store";
import { defaultPolicy } from "../../../src/policy/defaults";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as path from "path";

const isErr = (x: unknown): x is CustomFunctions.Error => x instanceof CustomFunctions.Error;
const err = (x: unknown) => x as CustomFunctions.Error;
const col = (...xs: unknown[]) => xs.map((x) => [x]);
/** Called as the runtime would, plus raw scalars where Excel would pass [[value]] (the conversion accepts both). */
const score = A.score as (...a: unknown[]) => unknown;
const buyout = A.buyout as (...a: unknown[]) => unknown;

afterEach(() => clearWorkbookPolicies());

describe("CM.SCORE", () => {
  it("with averages: one row of five numbers", () => {
    expect(score(120, 1200000, 5000, 1000000, 100, 1000000)).toEqual([[22, 60, 35, 0, 117]]);
    expect(
      score(120, 1200000, 5000, 1000000, [[100]], [[1000000]], null, null, 1, 1, 1, 1, true)
    ).toEqual([
      ["笔数得分", "利息得分", "质量得分", "扣分", "总分"],
      [22, 60, 35, 20, 97],
    ]);
  });

  it("with peer columns and branch types (the CM included), blank rows skipped", () => {
    const counts = col(120, 80, 50, null);
    const incomes = col(1200000, 800000, 300000, null);
    const types = col("一类行", "城关区", "二类行", null);
    expect(score(120, 1200000, 5000, 1000000, counts, incomes, "一类行", types)).toEqual([
      [22, 60, 35, 0, 117],
    ]);
    expect(score(50, 300000, 0, 500000, counts, incomes, "乡镇区", types)).toEqual([
      [20, 50, 40, 0, 110],
    ]);
    // without types: all rows
    expect(score("９０", "1,000,000", 0, 1000000, counts.slice(0, 2), incomes.slice(0, 2))).toEqual(
      [[19, 50, 40, 0, 109]]
    );
  });

  it("bad input → #VALUE!/#N/A with a Chinese message naming the argument or figure", () => {
    expect(err(score(null, 1, 1, 1, 1, 1)).message).toContain("loanCount（当年发放贷款笔数）");
    expect(err(score(1.5, 1, 1, 1, 1, 1)).message).toContain("应为整数");
    expect(err(score(1, -1, 1, 1, 1, 1)).message).toContain("interestIncome（当年贷款利息收入）");
    expect(err(score(1, 1, 1, 0, 1, 1)).message).toContain("年末管理贷款总额为 0");
    expect(err(score(1, 1, 1, 1, 0, 1)).message).toContain("平均贷款笔数为 0");
    expect(err(score(1, 1, 1, 1, col(1, null), col(1, 2))).message).toContain(
      "同类行第 2 行缺少贷款笔数"
    );
    expect(err(score(1, 1, 1, 1, col(1), col(1), "四类行", col("一类行"))).message).toContain(
      "branchType（本人行别类型）"
    );
    expect(err(score(1, 1, 1, 1, col(1), col(1), null, col("一类行"))).message).toContain(
      "缺少本人的行别类型"
    );
    expect(err(score(1, 1, 1, 1, col(1), col(1), "三类行", col("一类行"))).code).toBe("#N/A");
    expect(
      err(
        score(
          1,
          1,
          1,
          1,
          [
            [1, 2],
            [3, 4],
          ],
          1
        )
      ).message
    ).toContain("应为一列或一行");
  });

  it("amounts in 万元 workbooks are converted", () => {
    const p = defaultPolicy(2025);
    p.amountUnit = "万元";
    setWorkbookPolicy(p);
    expect(score(120, 120, 0.5, 100, 100, 100)).toEqual([[22, 60, 35, 0, 117]]);
  });
});

describe("CM.EXPLAIN", () => {
  it("Chinese by default, English on request, with articles and interpretations", () => {
    const zh = A.explain(89.995, 1) as string;
    expect(zh).toContain("[第十条] 总分 90.00 → 分数等级 一级");
    expect(zh).toContain("解释：等级按显示到 0.01 的总分评定");
    expect(zh).toContain("[第十二条] 严重违规 1 次：等级最高为 二级");
    expect(zh).toContain("未设置不良容忍度");
    expect(zh).not.toMatch(/\{\w+\}|NaN|undefined/);
    const en = A.explain(89.995, 1, null, null, null, null, "英文") as string;
    expect(en).toContain("Interpretation: the grade is read from the total shown to 0.01");
    expect(en).not.toMatch(/\{\w+\}|NaN|undefined/);
    expect(err(A.explain(90, null, null, null, null, null, "法语")).message).toContain(
      "lang（语言）"
    );
  });
});

describe("CM.NPLCOUNTS", () => {
  it("A6 through the arguments", () => {
    expect(A.nplcounts("2018-01-10", "次级", "抵押", 200)).toBe(false);
    expect(A.nplcounts("2018-01-10", "次级", "抵押", 366)).toBe(true);
    expect(A.nplcounts("2018-01-10", "次级类", "信用", 0)).toBe(true);
    expect(A.nplcounts("1998-12-31", "损失", "信用", 999)).toBe(false);
    expect(A.nplcounts(43101, "关注", "保证", null, "2020-01-01", null, 2025)).toBe(true);
    expect(err(A.nplcounts("2018-01-10", null, "信用", 0)).message).toContain("五级分类");
    expect(err(A.nplcounts("2018-01-10", "坏", "信用", 10)).message).toContain(
      "fiveClass（五级分类）"
    );
  });
});

describe("CM.TOLERANCE and CM.OVERTOLSHARE", () => {
  it("RULES.md example", () => {
    expect(A.tolerance(800000, 2000000)).toBe(180000);
    expect(A.tolerance(800000, 2000000, "是")).toBe(108000);
    expect(A.tolerance("80万".replace("万", "0000"), 2000000, "否")).toBe(180000);
    expect(err(A.tolerance(800000, 2000000, "也许")).message).toContain(
      "urban（支行长或城区客户经理）"
    );
  });
  it("万元 in and out", () => {
    const p = defaultPolicy(2025);
    p.amountUnit = "万元";
    setWorkbookPolicy(p);
    expect(A.tolerance(80, 200, true)).toBe(10.8);
  });
  it("shares and the within-tolerance #N/A", () => {
    expect(A.overtolshare(220000, 180000, 0.9)).toBe(0.5);
    expect(A.overtolshare(216000, 180000, 0.8)).toBe(0.8);
    expect(A.overtolshare(216000, 180000, 0.79)).toBe(0);
    const w = err(A.overtolshare(180000, 180000, 1));
    expect(w.code).toBe("#N/A");
    expect(w.message).toContain("第四十七条");
  });
});

describe("CM.EXITDATE", () => {
  it("returns a date serial", () => {
    expect(A.exitdate("男", "1970-06-15")).toBe(45824); // 2025-06-16
    expect(A.exitdate("女", "1980-02-29")).toBe(45717); // 2025-03-01
    expect(A.exitdate("M", 25734)).toBe(45824);
    expect(err(A.exitdate("未知", "1970-06-15")).message).toContain("sex（性别）");
  });
});

describe("CM.BUYOUT", () => {
  const ledger = {
    ids: col("L1", "L2", "L3", "L4", "L5", null),
    first: col("E1", "E1", "E1", "E1", "E2", null),
    granted: col("2003-05-01", "2007-03-01", "2014-06-01", "2018-01-10", "2015-01-01", null),
    maturity: col("2004-05-01", "2008-03-01", "2015-06-01", "2019-01-10", "2016-01-01", null),
    balance: col(200000, 300000, 150000, 250000, 99, null),
    security: col("信用", "保证", "信用", "抵押", "信用", null),
    cls: col("损失", "可疑", "次级", "可疑", "损失", null),
    overdue: col(7000, 6000, 3800, 2500, 3000, null),
    year: col(2004, 2008, 2015, 2019, 2016, null),
    lost: col("是", "否", "否", "否", null, null),
    disposal: col("无", "无", "无", "诉讼", null, null),
  };
  const call = (funds: unknown[], schedule: unknown, extra: unknown[] = []) =>
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
      funds[0],
      funds[1],
      funds[2],
      schedule,
      extra[0] as any,
      extra[1] as any,
      (extra[2] ?? ledger.disposal) as any,
      extra[3] as any,
      null,
      2025
    );

  it("RULES.md worked example: total 115,000.00", () => {
    expect(call([50000, 30000, 40000], null)).toEqual([[115000]]);
    expect(call([null, null, null], "否")).toEqual([[115000]]);
  });

  it("the schedule with headers and a total row", () => {
    const t = call([50000, 30000, 20000], true) as unknown[][];
    expect(t[0]).toEqual([
      "顺序",
      "贷款编号",
      "类别",
      "比例",
      "贷款余额",
      "应买断金额",
      "已扣金额",
      "资金来源",
      "暂存",
      "未足额",
    ]);
    expect(t.slice(1, 5).map((r) => [r[0], r[1], r[3], r[5], r[6], r[8], r[9]])).toEqual([
      [1, "L1", "5%", 10000, 10000, "否", 0],
      [2, "L3", "5%", 7500, 7500, "否", 0],
      [3, "L2", "10%", 30000, 30000, "否", 0],
      [4, "L4", "5%/30%", 67500, 52500, "是", 15000],
    ]);
    expect(t[4][7]).toBe("风险考核基金 2,500.00；岗位风险金 30,000.00；退休当年效益工资 20,000.00");
    expect(t[5]).toEqual([
      "合计",
      "",
      "",
      "",
      900000,
      115000,
      100000,
      "风险考核基金 50,000.00；岗位风险金 30,000.00；退休当年效益工资 20,000.00",
      "暂存 52,500.00",
      15000,
    ]);
  });

  it("without funds the paid columns are blank, never 0", () => {
    const t = call([null, null, null], true) as unknown[][];
    expect(t[1][6]).toBe("");
    expect(t[1][9]).toBe("");
  });

  it("errors: partial funds, mismatched columns, missing loan id, bad cells", () => {
    expect(err(call([50000, null, null], null)).message).toContain("三项资金");
    const short = buyout(
      "E1",
      ledger.ids,
      col("E1"),
      ledger.granted,
      ledger.maturity,
      ledger.balance,
      ledger.security,
      ledger.cls,
      ledger.overdue,
      ledger.year,
      ledger.lost,
      180000
    );
    expect(err(short).message).toContain("第一责任人列的行数（1）与贷款编号的行数（6）不一致");
    const noId = buyout(
      "E1",
      col(null),
      col("E1"),
      col("2010-01-01"),
      col(null),
      col(null),
      col(null),
      col(null),
      col(null),
      col(null),
      col(null),
      0
    );
    expect(err(noId).message).toContain("第 1 行缺少贷款编号");
    const badCell = buyout(
      "E1",
      ledger.ids,
      ledger.first,
      ledger.granted,
      ledger.maturity,
      col(1, 2, "三千", 4, 5, null),
      ledger.security,
      ledger.cls,
      ledger.overdue,
      ledger.year,
      ledger.lost,
      0
    );
    expect(err(badCell).message).toContain("balances（贷款余额列） 第 3 个值");
    const noYear = buyout(
      "E1",
      ledger.ids,
      ledger.first,
      ledger.granted,
      ledger.maturity,
      ledger.balance,
      ledger.security,
      ledger.cls,
      ledger.overdue,
      col(null, 2008, 2015, 2019, 2016, null),
      ledger.lost,
      0
    );
    expect(err(noYear).message).toContain("缺少贷款 L1 的形成不良年份");
  });

  it("relatives, introducers and successors through the optional columns", () => {
    const rel = col(null, null, "是", null, null, null);
    expect(call([null, null, null], null, [undefined, undefined, undefined, rel])).toEqual([
      [10000 + 150000 + 30000 + (180000 * 0.05 + 70000 * 0.3)],
    ]); // L3 at 100% leaves the whole tolerance to L4
    const intro = col(null, "S9", null, null, null, null);
    expect(call([null, null, null], null, [intro])).toEqual([[85000]]);
    expect(
      buyout(
        "S9",
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
        0,
        null,
        null,
        null,
        null,
        intro
      )
    ).toEqual([[30000]]);
  });
});

describe("CM.BUYOUTRATE and CM.ANNUALCOMP", () => {
  it("rates", () => {
    expect(A.buyoutrate(2005)).toBe(0.05);
    expect(A.buyoutrate("2006年")).toBe(0.1);
    expect(A.buyoutrate(2010)).toBe(0.1);
    expect(A.buyoutrate(2011, "容忍度内")).toBe(0.05);
    expect(A.buyoutrate(2011, "超出部分")).toBe(0.3);
    expect(err(A.buyoutrate(2011)).message).toContain("请指明容忍度内或超出部分");
    expect(A.buyoutrate(2011, null, "是")).toBe(1);
    expect(A.buyoutrate(2009, null, null, "是", "2008-01-01")).toBe(1);
    expect(A.buyoutrate(2009, null, null, "是", "2007-12-31")).toBe(0.1);
    expect(err(A.buyoutrate(2009, null, null, "是")).message).toContain("发放日期");
  });
  it("annual compensation: ratio not set → #N/A; set → amount", () => {
    const e = err(A.annualcomp(100000, null, null, 2012));
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("买断比例未设置（第三十三条）");
    const p = defaultPolicy(2012);
    p.a.annualCompRatios = { "2001": 0.35 };
    setWorkbookPolicy(p);
    expect(A.annualcomp(100000)).toBe(35000);
    expect(A.annualcomp(100000, 2001, null, 2012)).toBe(35000);
    expect(err(A.annualcomp(100000, 2002, null, 2012)).message).toContain("2002 年形成");
  });
});

describe("every rule-set-A function", () => {
  const fns: Record<string, (...a: any[]) => unknown> = {
    GRADE: A.grade,
    WAGECOEF: A.wagecoef,
    SCORE: A.score,
    EXPLAIN: A.explain,
    NPLCOUNTS: A.nplcounts,
    TOLERANCE: A.tolerance,
    OVERTOLSHARE: A.overtolshare,
    EXITDATE: A.exitdate,
    BUYOUT: A.buyout,
    BUYOUTRATE: A.buyoutrate,
    ANNUALCOMP: A.annualcomp,
  };

  it("has zh-CN metadata and English help for every parameter", async () => {
    const gen = await generateCustomFunctionsMetadata(
      [path.resolve(__dirname, "../../../src/functions/a.ts")],
      false
    );
    expect(gen.errors).toEqual([]);
    const meta = JSON.parse(gen.metadataJson).functions as {
      id: string;
      description: string;
      parameters: { name: string; description: string }[];
    }[];
    expect(meta.map((m) => m.id).sort()).toEqual(Object.keys(fns).sort());
    for (const m of meta) {
      expect(m.description.length).toBeGreaterThan(20);
      const help = HELP_EN_A[m.id];
      expect(help).toBeDefined();
      expect(Object.keys(help.params).sort()).toEqual(m.parameters.map((p) => p.name).sort());
      expect(m.parameters[m.parameters.length - 1].name).toBe("year");
      expect(help.example).toMatch(new RegExp(`^=CM\\.${m.id}\\(`));
    }
  });

  it("never throws and never returns NaN/Infinity, for arbitrary input", () => {
    const cell = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.string(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.constantFrom(
        "是",
        "否",
        "一级",
        "信用",
        "抵押",
        "次级",
        "男",
        "2020-01-01",
        "１２３",
        "1,234.5",
        "#N/A"
      )
    );
    const arg = fc.oneof(
      cell,
      fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 })
    );
    const ok = (v: unknown): boolean =>
      isErr(v) ||
      typeof v === "string" ||
      typeof v === "boolean" ||
      (typeof v === "number" && Number.isFinite(v)) ||
      (Array.isArray(v) && v.every((r) => Array.isArray(r) && r.every(ok)));
    for (const [id, f] of Object.entries(fns)) {
      fc.assert(
        fc.property(fc.array(arg, { maxLength: 22 }), (args) => {
          const v = f(...args);
          expect([id, ok(v)]).toEqual([id, true]);
        }),
        { numRuns: 150 }
      );
    }
  });

  it("an error value passed in is passed on", () => {
    const e = new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero);
    expect(A.tolerance(e, 1)).toBe(e);
    expect(score(1, 1, 1, 1, [[e]], 1)).toBe(e);
  });
});

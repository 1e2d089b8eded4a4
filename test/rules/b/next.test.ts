import { assessLevel, checkLevel } from "../../../src/rules/b";
import type { CustomerInput, LevelManagerInput } from "../../../src/rules/b";
import { nextLevel, nextLevelText } from "../../../src/rules/b/next";
import { renderSteps } from "../../../src/rules/explain";
import { CATALOG } from "../../../src/rules/messages";
import { cust, GOOD, policy } from "./helpers";

const P = policy();
const gapOf = (r: ReturnType<typeof nextLevel>, key: string) =>
  r.business.find((g) => g.key === key)!;
const money = (x: { toFixed(n: number): string } | null) => (x === null ? null : x.toFixed(2));

describe("next level of a corporate CM (issue 18, B2 第十一条)", () => {
  it("高级 is the top: no level above", () => {
    const r = nextLevel("高级", [cust(1000000)], GOOD, P);
    expect(r.target).toBeNull();
    expect(nextLevelText(r)).toBe("已是最高级别");
    expect(renderSteps(r.steps)).toContain("已是最高级别");
  });

  // 三级 → 二级 (line 1,000,000; a 75,000,000 one 25,000,000; b 180,000,000 one 50,000,000;
  // c USD 10,000,000; d 25,000,000; 1 of 4; tenure 1 year)
  const base = (newDeposits: number): CustomerInput[] => [
    cust(30000000, { loans: 10000000, newDeposits }),
    // below the 二级 exclusion line: its 9,000,000 new deposits do not count
    cust(800000, { newDeposits: 9000000 }),
  ];

  it("三级 → 二级: every gap of a–d, hand-worked", () => {
    const r = nextLevel("三级", base(20000000), GOOD, P);
    expect(r.target).toBe("二级");
    expect([r.needed, r.businessMet, r.short, r.qualifies]).toEqual([1, 0, 1, false]);
    expect(money(gapOf(r, "a").missing)).toBe("45000000.00");
    expect(money(gapOf(r, "a").oneMissing)).toBe("0.00");
    expect(money(gapOf(r, "b").missing)).toBe("170000000.00");
    expect(money(gapOf(r, "b").oneMissing)).toBe("40000000.00");
    expect(money(gapOf(r, "c").missing)).toBe("10000000.00");
    expect(money(gapOf(r, "d").missing)).toBe("5000000.00");
    expect(gapOf(r, "d").oneMissing).toBeNull();
    expect(r.quality!.met).toBe(true);
    expect(r.tenure!.met).toBe(true);
    expect(nextLevelText(r)).toBe(
      "二级：a–d 还需 1 项（0/1）：a 日均存款 差 45,000,000.00 元；" +
        "b 日均贷款 差 170,000,000.00 元，单户最高差 40,000,000.00 元；" +
        "c 国际结算 差 10,000,000.00 美元；d 新增日均存款 差 5,000,000.00 元"
    );
  });

  it("d: adding the missing amount reaches 二级 (levels code), one 分 less does not", () => {
    expect(checkLevel("二级", base(25000000), GOOD, P).qualifies).toBe(true);
    expect(assessLevel(base(25000000), GOOD, P).qualified).toBe("二级");
    expect(checkLevel("二级", base(24999999.99), GOOD, P).qualifies).toBe(false);
  });

  it("exactly meeting a condition: 0 missing, the level's conditions all hold", () => {
    const r = nextLevel("三级", base(25000000), GOOD, P);
    expect(money(gapOf(r, "d").missing)).toBe("0.00");
    expect(gapOf(r, "d").met).toBe(true);
    expect([r.short, r.qualifies]).toEqual([0, true]);
    expect(nextLevelText(r)).toBe("二级：条件均已满足");
  });

  it("a fraction of a 分 short rounds the gap up: 4,999,999.996 → 5,000,000.00", () => {
    const r = nextLevel("三级", base(20000000.004), GOOD, P);
    expect(money(gapOf(r, "d").missing)).toBe("5000000.00");
    expect(checkLevel("二级", base(25000000.004), GOOD, P).qualifies).toBe(true);
    expect(checkLevel("二级", base(24999999.994), GOOD, P).qualifies).toBe(false);
  });

  it("a: the total is met but the largest customer is short of the one-customer minimum", () => {
    const four = (top: number) => [cust(top), cust(20000000), cust(20000000), cust(20000000)];
    const r = nextLevel("三级", four(20000000), GOOD, P);
    const a = gapOf(r, "a");
    expect([a.met, money(a.missing), money(a.oneMissing)]).toEqual([false, "0.00", "5000000.00"]);
    expect(nextLevelText(r)).toContain("a 日均存款 单户最高差 5,000,000.00 元");
    expect(checkLevel("二级", four(25000000), GOOD, P).qualifies).toBe(true);
    expect(checkLevel("二级", four(24999999.99), GOOD, P).qualifies).toBe(false);
  });

  // 二级 → 一级 (line 3,000,000; a 150,000,000 one 30,000,000; c USD 20,000,000; 2 of 4; 3 years)
  const two = (second: number) => [
    cust(100000000, { usd: 25000000 }),
    cust(second),
    cust(2999999.99, { loans: 500000000 }), // under the 一级 line: its loans do not count
  ];

  it("二级 → 一级: c met, one more of a, b, d needed; a's gap closes it", () => {
    const r = nextLevel("二级", two(20000000), GOOD, P);
    expect(r.target).toBe("一级");
    expect([r.needed, r.businessMet, r.short]).toEqual([2, 1, 1]);
    expect(money(gapOf(r, "a").missing)).toBe("30000000.00");
    expect(money(gapOf(r, "a").oneMissing)).toBe("0.00");
    expect(money(gapOf(r, "b").missing)).toBe("200000000.00");
    expect(money(gapOf(r, "b").oneMissing)).toBe("75000000.00");
    expect(money(gapOf(r, "c").missing)).toBe("0.00");
    expect(money(gapOf(r, "d").missing)).toBe("30000000.00");
    expect(nextLevelText(r)).toMatch(
      /^一级：a–d 还需 1 项（1\/2）：a 日均存款 差 30,000,000\.00 元；b/
    );
    expect(nextLevelText(r)).not.toContain("c 国际结算");
    expect(checkLevel("一级", two(50000000), GOOD, P).qualifies).toBe(true);
    expect(checkLevel("一级", two(49999999.99), GOOD, P).qualifies).toBe(false);
  });

  it("tenure from the 连续营销年限 column: 2.5 of 3 years → 0.5 year short", () => {
    const mgr: LevelManagerInput = { ...GOOD, marketingYears: 2.5 };
    const r = nextLevel("二级", two(50000000), mgr, P);
    expect(r.qualifies).toBe(false);
    expect(r.short).toBe(0);
    expect(r.tenure!.missingYears).toBe(0.5);
    expect(nextLevelText(r)).toBe("一级：a–d 已满足（2/2）；年限：差 0.5 年（须满 3 年）");
  });

  it("tenure from 首次任职日期: 2023-03-15 + 3 years = 2026-03-15, 3 months after 2025-12-31", () => {
    const mgr: LevelManagerInput = { ...GOOD, marketingYears: null, firstAppointed: "2023-03-15" };
    const r = nextLevel("二级", two(50000000), mgr, P);
    expect(r.tenure!.years).toBe(2);
    expect([r.tenure!.missingMonths, r.tenure!.reachDate]).toEqual([3, "2026-03-15"]);
    expect(nextLevelText(r)).toBe("一级：a–d 已满足（2/2）；年限：差 3 个月（2026-03-15 满 3 年）");
    // on that day the levels code finds the tenure met; the day before it does not
    const on = policy({ assessmentDate: "2026-03-15" });
    expect(checkLevel("一级", two(50000000), mgr, on).qualifies).toBe(true);
    expect(
      checkLevel("一级", two(50000000), mgr, policy({ assessmentDate: "2026-03-14" })).qualifies
    ).toBe(false);
    expect(nextLevel("二级", two(50000000), mgr, on).qualifies).toBe(true);
  });

  it("tenure with both columns blank: the requirement named, no figure invented", () => {
    const mgr: LevelManagerInput = { ...GOOD, marketingYears: null, firstAppointed: null };
    const r = nextLevel("二级", two(50000000), mgr, P);
    expect([r.tenure!.missingYears, r.tenure!.missingMonths]).toEqual([null, null]);
    expect(nextLevelText(r)).toContain("年限：须满 3 年（连续营销年限与首次任职日期均未填写）");
  });

  it("condition (2): the flagged customers and the share that must rise", () => {
    const cs = [
      cust(30000000, { newDeposits: 25000000, loans: 1000, arrears: true, name: "甲公司" }),
    ];
    const mgr: LevelManagerInput = { ...GOOD, normalShare: 96, normalSharePrev: 97 };
    const r = nextLevel("三级", cs, mgr, P);
    expect(r.short).toBe(0);
    expect(r.quality!.flagged).toBe("甲公司");
    expect(r.quality!.shareShort).toBe(true);
    expect(nextLevelText(r)).toBe(
      "二级：a–d 已满足（1/1）；条件(2)：有后三类/欠息/垫款：甲公司，正常类贷款占比须高于上年 97%（现 96%）"
    );
    const blank = nextLevel("三级", cs, { ...GOOD, normalShare: null }, P);
    expect(blank.quality!.shareMissing).toBe(true);
    expect(nextLevelText(blank)).toContain("正常类贷款占比或上年占比未填写");
  });

  // 见习 → 四级: c is 10,000,000 元 (CNY), converted with the policy's rate; no tenure
  const trainee = (usd: number) => [cust(5000000, { usd })];

  it("见习 → 四级, c in 元 at rate 7.1: 2,900,000 元 short = USD 408,450.71; a cent less falls short", () => {
    const p = policy({ usdCnyRate: 7.1 });
    const r = nextLevel("见习", trainee(1000000), GOOD, p);
    expect(r.target).toBe("四级");
    expect(r.tenure!.status).toBe("不要求");
    const c = gapOf(r, "c");
    expect([money(c.missing), money(c.missingCny)]).toEqual(["408450.71", "2900000.00"]);
    expect(nextLevelText(r)).toContain("c 国际结算 差 408,450.71 美元（折 2,900,000.00 元）");
    expect(checkLevel("四级", trainee(1408450.71), GOOD, p).qualifies).toBe(true);
    expect(checkLevel("四级", trainee(1408450.7), GOOD, p).qualifies).toBe(false);
  });

  it("c in 元 with the rate unset: the gap is not guessed", () => {
    const r = nextLevel("见习", trainee(1000000), GOOD, P);
    expect(gapOf(r, "c").missing).toBeNull();
    expect(nextLevelText(r)).toContain("c 国际结算 无法计算（汇率未设置）");
    expect(renderSteps(r.steps)).toContain("美元兑人民币汇率");
  });

  it("every figure comes from the policy: a lower d minimum shrinks the gap", () => {
    const p = policy();
    p.b = {
      ...p.b,
      levels: p.b.levels.map((l) => (l.level === "二级" ? { ...l, newDepositMin: 21000000 } : l)),
    };
    const r = nextLevel("三级", base(20000000), GOOD, p);
    expect(money(gapOf(r, "d").missing)).toBe("1000000.00");
  });

  it("explanation: articles cited, every step has a zh and an en template", () => {
    const mgr: LevelManagerInput = { ...GOOD, marketingYears: null, firstAppointed: "2023-03-15" };
    const all = [
      nextLevel("二级", two(20000000), mgr, P),
      nextLevel("见习", trainee(1000000), GOOD, P),
      nextLevel("见习", trainee(1000000), GOOD, policy({ usdCnyRate: 7.1 })),
      nextLevel(
        "三级",
        [cust(30000000, { loans: 1, bad: true })],
        { ...GOOD, normalShare: null },
        P
      ),
      nextLevel("二级", two(50000000), { ...GOOD, marketingYears: 1 }, P),
      nextLevel("二级", two(50000000), { ...GOOD, marketingYears: null }, P),
    ];
    for (const r of all)
      for (const s of r.steps) {
        expect([s.code, typeof CATALOG[s.code]?.zh, typeof CATALOG[s.code]?.en]).toEqual([
          s.code,
          "string",
          "string",
        ]);
        expect(s.article).not.toBe("");
      }
    const text = renderSteps(all[0].steps);
    expect(text).toContain("[第三条] 上一级别：现等级 二级 之上为 一级");
    expect(text).toContain("[第十一条 二 2] 一级 条件 a：计入客户合计还差 30,000,000.00 元");
    expect(text).toContain("[第十一条 一] 一级：连续营销年限须满 3 年，2026-03-15 满");
    expect(text).toContain("第十九条");
    expect(renderSteps(all[0].steps, "en")).toContain("30,000,000.00 yuan short");
  });
});

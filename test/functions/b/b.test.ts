import fc from "fast-check";
import { toSerial } from "../../../src/core/dates";
import * as F from "../../../src/functions/b";

/** Excel passes null for omitted optionals and any cell value anywhere: call the wrappers untyped. */
type Loose = (...args: unknown[]) => any;
const { allowanceFn, decision, level, levelcheck, passline, warnings } = F as unknown as Record<
  string,
  Loose
>;
import { defaultPolicy } from "../../../src/policy/defaults";
import { clearWorkbookPolicies, setWorkbookPolicy } from "../../../src/policy/store";

const isErr = (x: unknown): x is CustomFunctions.Error => x instanceof CustomFunctions.Error;
const col = (...xs: unknown[]) => xs.map((x) => [x]);

beforeEach(() => setWorkbookPolicy(defaultPolicy(2025)));
afterEach(() => clearWorkbookPolicies());

function expectValueError(r: unknown, ...parts: string[]) {
  expect(isErr(r)).toBe(true);
  const e = r as CustomFunctions.Error;
  expect(e.code).toBe("#VALUE!");
  for (const p of parts) expect(e.message).toContain(p);
}

describe("CM.LEVEL", () => {
  test("2-D columns → the qualified level", () => {
    expect(
      level(col(25000000, 50000000), col(0, 0), col(0, 0), col(0, 0), 98, 97, null, null, null, 1)
    ).toBe("二级");
    expect(
      level(
        col(25000000, 50000000),
        col(0, 0),
        col(0, 0),
        col(0, 0),
        98,
        97,
        null,
        null,
        null,
        1,
        null,
        null
      )
    ).toBe("二级");
    // no tenure given: 二级 needs 1 year, so it cannot be confirmed (数据缺失) → 三级
    expect(level(col(25000000, 50000000), col(0, 0), col(0, 0), col(0, 0), 98, 97)).toBe("三级");
  });
  test("text numbers, a blank selection tail, and a row instead of a column", () => {
    expect(
      level(
        col("25,000,000", "５０000000", null, ""),
        col(null, null, null, null),
        col(null, null, null, null),
        col(null, null, null, null),
        "98",
        97,
        null,
        null,
        null,
        "1"
      )
    ).toBe("二级");
    expect(
      level([[25000000, 50000000]], [[0, 0]], [[0, 0]], [[0, 0]], 98, 97, null, null, null, 1)
    ).toBe("二级");
  });
  test("amounts in the workbook unit (万元)", () => {
    setWorkbookPolicy({ ...defaultPolicy(2025), amountUnit: "万元" });
    expect(
      level(col(2500, 5000), col(0, 0), col(0, 0), col(0, 0), 98, 97, null, null, null, 3)
    ).toBe("二级");
  });
  test("quality flags (per customer) and tenure", () => {
    expect(
      level(col(25000000, 50000000), col(0, 0), col(0, 0), col(0, 0), 98, 97, col("否", "是"))
    ).toBe("见习");
    expect(
      level(col(25000000, 50000000), col(0, 0), col(0, 0), col(0, 0), 98, 97, null, null, null, 0.5)
    ).toBe("三级");
    expect(
      level(
        col(25000000, 50000000),
        col(0, 0),
        col(0, 0),
        col(0, 0),
        98,
        97,
        null,
        null,
        null,
        null,
        "2024-12-31"
      )
    ).toBe("二级");
    expect(
      level(
        col(25000000, 50000000),
        col(0, 0),
        col(0, 0),
        col(0, 0),
        98,
        97,
        null,
        null,
        null,
        null,
        toSerial("2025-01-01")
      )
    ).toBe("三级");
    expect(level(col(100000), col(0), col(0), col(0), 98, 97)).toBe("无");
  });
  test("bad input → #VALUE! with a Chinese message naming the argument", () => {
    expectValueError(
      level(col("很多"), col(0), col(0), col(0), 98, 97),
      "deposits（各客户日均存款）",
      "第 1 个值"
    );
    expectValueError(level(col(-5), col(0), col(0), col(0), 98, 97), "deposits", "负数");
    expectValueError(level(col(1, 2), col(0, 0, 0), col(0, 0), col(0, 0), 98, 97), "loans", "行数");
    expectValueError(
      level(col(1), col(0), col(0), col(0), null, 97),
      "normalShare（正常类贷款占比）",
      "不能为空"
    );
    expectValueError(level(col(1), col(0), col(0), col(0), 98, "高"), "normalSharePrev");
    expectValueError(
      level(col(null, 5), col(3, 0), col(0, 0), col(0, 0), 98, 97),
      "第 1 行",
      "日均存款为空"
    );
    expectValueError(
      level(
        [
          [1, 2],
          [3, 4],
        ],
        col(0),
        col(0),
        col(0),
        98,
        97
      ),
      "deposits",
      "一列或一行"
    );
    expectValueError(level(col(1), col(0), col(0), col(0), 98, 97, col("也许")), "badLoans");
  });
  test("an error value in a range is passed on", () => {
    const e = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable);
    expect(level(col(1, e), col(0, 0), col(0, 0), col(0, 0), 98, 97)).toBe(e);
  });
});

describe("CM.LEVELCHECK", () => {
  test("a spilled row with headers", () => {
    // rev 2 (B2): the share must rise (98 after 97; an equal 98 after 98 no longer passes, see below)
    const r = levelcheck(
      "四级",
      col(15000000, 400000),
      col(0, 9e9),
      col(2000000, 0),
      col(0, 0),
      98,
      97
    ) as unknown[][];
    expect(r).toHaveLength(2);
    expect(r[0]).toEqual([
      "等级",
      "计入客户数",
      "日均存款",
      "条件a",
      "日均贷款",
      "条件b",
      "国际结算美元",
      "条件c",
      "新增日均存款",
      "条件d",
      "满足项数",
      "需满足项数",
      "条件(2)资产质量",
      "任职年限",
      "结论",
    ]);
    expect(r[1]).toEqual([
      "四级",
      1,
      15000000,
      "达标",
      0,
      "未达标",
      2000000,
      "汇率未设置",
      0,
      "未达标",
      1,
      1,
      "达标",
      "不要求",
      "达标",
    ]);
  });
  test("rev 2: an equal share fails condition (2) for a CM with credit customers; 100% and no credit customer pass", () => {
    const q = (loans: number[], share: number, prev: number) =>
      (
        levelcheck(
          "四级",
          col(15000000, 400000),
          col(...loans),
          col(0, 0),
          col(0, 0),
          share,
          prev
        ) as unknown[][]
      )[1][12];
    expect(q([0, 9e9], 98, 98)).toBe("未达标");
    expect(q([0, 9e9], 98.01, 98)).toBe("达标");
    expect(q([0, 9e9], 100, 100)).toBe("达标");
    expect(q([0, 0], 98, 98)).toBe("达标");
  });
  test("with the rate set, and amounts back in the workbook unit", () => {
    setWorkbookPolicy({ ...defaultPolicy(2025), usdCnyRate: 7.1, amountUnit: "万元" });
    const r = levelcheck("四级", col(1500), col(0), col(2000000), col(0), 98, 98) as unknown[][];
    expect(r[1].slice(0, 4)).toEqual(["四级", 1, 1500, "达标"]);
    expect(r[1][7]).toBe("达标");
  });
  test("见习: b–d and (2) are 不适用", () => {
    const r = levelcheck(
      "见习客户经理",
      col(10000000),
      col(0),
      col(0),
      col(0),
      1,
      2
    ) as unknown[][];
    expect(r[1]).toEqual([
      "见习",
      1,
      10000000,
      "达标",
      0,
      "不适用",
      0,
      "不适用",
      0,
      "不适用",
      1,
      1,
      "不适用",
      "不适用",
      "达标",
    ]);
  });
  test("unknown level → #VALUE!", () => {
    expectValueError(
      levelcheck("五级", col(1), col(0), col(0), col(0), 1, 1),
      "level（要检查的等级）"
    );
  });
});

describe("CM.PASSLINE / CM.DECISION / CM.ALLOWANCE", () => {
  test("PASSLINE", () => {
    expect(passline(col(14500000, 500000, null), "三级")).toBe(true);
    expect(passline(col(14500000, 499999.99), "三级")).toBe(false);
    expect(passline(col(10000000), "见习")).toBe(true);
    expectValueError(passline(col(1), ""), "level（现等级）", "不能为空");
  });
  test("DECISION: a row with headers", () => {
    expect(decision("三级", "一级", "优秀", true, null, null, true, null)).toEqual([
      ["决定", "次年等级", "破格"],
      ["晋升", "二级", "是"],
    ]);
    expect(decision("三级", "三级", "称职", "是")).toEqual([
      ["决定", "次年等级", "破格"],
      ["续聘", "三级", "否"],
    ]);
    expect(decision("三级", "无", "称职", false)).toEqual([
      ["决定", "次年等级", "破格"],
      ["退出", "退出", "否"],
    ]);
    // rev 2: a trainee needs the period end (or first appointment) and, after it, the trainee exam
    expect(
      decision("见习", "二级", "称职", true, null, null, null, null, "2025-06-30", true)
    ).toEqual([
      ["决定", "次年等级", "破格"],
      ["定级", "二级", "否"],
    ]);
    expect(decision("三级", "三级", "称职", true, "否")[1]).toEqual(["低聘", "四级", "否"]);
    expectValueError(decision("三级", "三级", "良好", true), "assessment（年度考核结果）");
    expectValueError(decision("三级", "三级", "称职", null), "passLine", "不能为空");
  });
  test("ALLOWANCE: in 元 whatever the unit; halved under 诫勉; 0 after 退出", () => {
    expect(allowanceFn("高级")).toBe(300);
    expect(allowanceFn("一级", null, null)).toBe(260);
    expect(allowanceFn("三级", "是")).toBe(80);
    expect(allowanceFn("退出", true)).toBe(0);
    setWorkbookPolicy({ ...defaultPolicy(2025), amountUnit: "万元" });
    expect(allowanceFn("二级")).toBe(200);
    expectValueError(allowanceFn(42), "level（决定后的等级）");
  });
});

describe("CM.DECISION (rev 2): step 0, the trainee path", () => {
  const D = (...rest: unknown[]) => (decision(...rest) as string[][])[1];
  test("a ✕ item among the year's error items → 退出; other items do not count; a bad code → #VALUE!", () => {
    expect(D("三级", "一级", "优秀", true, null, null, true, col("1.1", "1.1b"))).toEqual([
      "退出",
      "退出",
      "否",
    ]);
    expect(D("三级", "三级", "称职", true, null, null, null, col("3.15/3.14b"))).toEqual([
      "退出",
      "退出",
      "否",
    ]);
    expect(D("三级", "三级", "称职", true, null, null, null, col("1.1", "1.2", null))).toEqual([
      "续聘",
      "三级",
      "否",
    ]);
    expectValueError(
      decision("三级", "三级", "称职", true, null, null, null, col("9.9")),
      "errorItems",
      "第 1 个值"
    );
  });
  test("trainee: the period runs before 见习期满日期 (assessment date 2025-12-31): 2026-01-01 → 见习中; 2025-12-31 → ended", () => {
    expect(D("见习", "四级", "称职", true, null, null, null, null, "2026-01-01")).toEqual([
      "见习中",
      "见习",
      "否",
    ]);
    expect(D("见习", "四级", "称职", true, null, null, null, null, "2025-12-31", true)).toEqual([
      "定级",
      "四级",
      "否",
    ]);
    expect(D("见习", "四级", "称职", true, null, null, null, null, "2025-12-30", false)).toEqual([
      "退出",
      "退出",
      "否",
    ]);
    // blank end: first appointment + 1 year
    expect(
      D("见习", "四级", "称职", true, null, null, null, null, null, null, null, "2025-01-01")
    ).toEqual(["见习中", "见习", "否"]);
    expect(
      D("见习", "四级", "称职", true, null, null, null, null, null, true, null, "2024-12-31")
    ).toEqual(["定级", "四级", "否"]);
  });
  test("trainee passed: 原行员等级 套改 (5等 高级 … 9等 四级), else the qualified level or 四级", () => {
    for (const [g, l] of [
      ["5等", "高级"],
      ["6等", "一级"],
      ["七等", "二级"],
      [8, "三级"],
      ["9等", "四级"],
    ] as const) {
      expect(D("见习", "无", "称职", true, null, null, null, null, "2025-06-30", true, g)).toEqual([
        "定级",
        l,
        "否",
      ]);
    }
    expect(D("见习", "见习", "称职", true, null, null, null, null, "2025-06-30", true)).toEqual([
      "定级",
      "四级",
      "否",
    ]);
    expectValueError(
      decision("见习", "见习", "称职", true, null, null, null, null, "2025-06-30", true, "4等"),
      "formerStaffGrade"
    );
  });
  test("missing trainee input → #N/A naming the column", () => {
    const e1 = decision("见习", "四级", "称职", true) as unknown as CustomFunctions.Error;
    expect(e1.code).toBe("#N/A");
    expect(e1.message).toContain("见习期满日期");
    const e2 = decision(
      "见习",
      "四级",
      "称职",
      true,
      null,
      null,
      null,
      null,
      "2025-06-30"
    ) as unknown as CustomFunctions.Error;
    expect(e2.code).toBe("#N/A");
    expect(e2.message).toContain("见习考试合格");
  });
  test("基本称职 with the conditions met → 低聘 (Interpretation)", () => {
    expect(D("三级", "二级", "基本称职", true)).toEqual(["低聘", "四级", "否"]);
  });
});

describe("CM.WARNINGS", () => {
  test("nothing → all 否", () => {
    expect(warnings()).toEqual([
      ["诫勉", "黄牌警告", "解聘", "依据"],
      ["否", "否", "否", "无"],
    ]);
  });
  test("quarters, flags and reasons", () => {
    const r = warnings(
      "不称职",
      true,
      col(70, 75, null),
      col(100, 100, null),
      null,
      null,
      null,
      null,
      null,
      1
    ) as string[][];
    expect(r[1].slice(0, 3)).toEqual(["是", "是", "是"]);
    expect(r[1][3]).toContain("第二十条 三");
    expect(r[1][3]).toContain("年度考核不称职");
    expect(r[1][3]).toContain("解聘");
  });
  test("rev 2: overdue / arrears 1 month included — months ≥ 1, or a start date one calendar month before the assessment date (EDATE clamp)", () => {
    const w = (...args: unknown[]) => (warnings(...args) as string[][])[1][0];
    expect(w(null, null, null, null, null, null, 1)).toBe("是");
    expect(w(null, null, null, null, null, null, 0.5)).toBe("否");
    expect(w(null, null, null, null, null, null, null, 1)).toBe("是");
    // 2025 policy: assessment date 2025-12-31; 11-30 + 1 month = 12-30; 12-01 + 1 month = 2026-01-01
    expect(w(null, null, null, null, null, null, null, null, null, null, null, "2025-11-30")).toBe(
      "是"
    );
    expect(w(null, null, null, null, null, null, null, null, null, null, null, "2025-12-01")).toBe(
      "否"
    );
    expect(
      w(null, null, null, null, null, null, null, null, null, null, null, null, "2025-11-30")
    ).toBe("是");
    setWorkbookPolicy({ ...defaultPolicy(2025), assessmentDate: "2025-02-28" });
    expect(w(null, null, null, null, null, null, null, null, null, null, null, "2025-01-31")).toBe(
      "是"
    );
    expect(w(null, null, null, null, null, null, null, null, null, null, null, "2025-02-01")).toBe(
      "否"
    );
    const r = warnings(
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      "2025-01-31"
    ) as string[][];
    expect(r[1][3]).toContain("2025-02-28");
    expectValueError(
      warnings(null, null, null, null, null, null, null, null, null, null, null, "2025-03-01"),
      "晚于"
    );
  });
  test("a gap inside the quarters, mismatched ranges, or a plan of 0 → #VALUE!", () => {
    expectValueError(
      warnings(null, null, col(70, null, 80), col(100, 100, 100)),
      "第 2 个季度",
      "quarterActual"
    );
    expectValueError(warnings(null, null, col(70, 80), col(100)), "quarterPlan");
    expectValueError(warnings(null, null, col(70), col(0)), "计划");
  });
});

describe("wrappers never throw", () => {
  test("arbitrary arguments give a value or a CustomFunctions.Error", () => {
    const cell = fc.oneof(fc.constant(null), fc.string(), fc.double(), fc.boolean(), fc.integer());
    const arg = fc.oneof(
      cell,
      fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 })
    );
    fc.assert(
      fc.property(fc.array(arg, { maxLength: 13 }), (args) => {
        for (const f of [level, levelcheck, passline, decision, allowanceFn, warnings]) {
          const r = f(...args);
          if (typeof r === "number") expect(Number.isFinite(r)).toBe(true);
          if (Array.isArray(r))
            for (const row of r)
              for (const c of row) if (typeof c === "number") expect(Number.isFinite(c)).toBe(true);
        }
      }),
      { numRuns: 300 }
    );
  });
});

/**
 * (issue 18) 本年后三名 (optional 客户经理 column) on 公司客户经理等级 and, with last year's
 * 公司客户经理等级 read back, 连续两年后三名 derived (RULES.md B4 step 2: 低聘). Hand-worked on the
 * K2 of previous.test.ts: 二级, 称职, 正常类贷款占比 97 → 98 (risen): 续聘 二级 unless the bottom
 * three two years running, then 低聘 to 三级 (第十九条 三).
 */
import { readPrevious } from "../../src/reader/previous";
import { bottom3TwoYearsOf, deriveFromLastYear } from "../../src/rules/previous";
import type { LastYear, PrevAt } from "../../src/rules/previous";
import type { ManagerRow } from "../../src/core/rows";
import { build, CUSTOMER_HEADER, grid, model, pick, policy2025, Rows } from "./helpers";
import { withLastYearFingerprint } from "../../src/summary/fingerprint";

const AT: PrevAt = { sheet: "s", cell: "E2" };

test("连续两年后三名 of the two years: 是 only when both 是; 否 when either 否; else unknown", () => {
  expect(bottom3TwoYearsOf(true, true)).toBe(true);
  expect(bottom3TwoYearsOf(true, false)).toBe(false);
  expect(bottom3TwoYearsOf(false, true)).toBe(false);
  expect(bottom3TwoYearsOf(false, null)).toBe(false);
  expect(bottom3TwoYearsOf(null, false)).toBe(false);
  expect(bottom3TwoYearsOf(true, null)).toBeNull();
  expect(bottom3TwoYearsOf(null, true)).toBeNull();
  expect(bottom3TwoYearsOf(undefined, true)).toBeNull();
});

describe("deriveFromLastYear: 连续两年后三名", () => {
  const row = (over: Partial<ManagerRow>): ManagerRow =>
    ({
      src: { sheet: "客户经理", row: 1 },
      id: "E1",
      name: "甲",
      level: "二级",
      normalSharePrev: null,
      examFails: 0,
      bottom3TwoYears: null,
      bottom3ThisYear: true,
      ...over,
    }) as ManagerRow;
  const last = (bottom3?: { value: boolean | null; at: PrevAt } | null): LastYear => ({
    source: "上年汇总文件",
    grades: null,
    bottom: null,
    managers: null,
    corporate: new Map([
      [
        "E1",
        {
          name: null,
          level: "二级",
          decision: "续聘",
          readable: true,
          at: AT,
          ...(bottom3 === undefined ? {} : { bottom3 }),
        },
      ],
    ]),
    sheets: {},
  });
  const opts = {
    present: new Set(["level", "bottom3TwoYears", "bottom3ThisYear"]),
    unreadable: () => false,
    cellOf: () => "H2",
  };

  test("是 last year and this year → 是; 否 last year → 否; blank last year → nothing", () => {
    const yes = deriveFromLastYear([row({})], last({ value: true, at: AT }), opts);
    expect(yes.managers[0].bottom3TwoYears).toBe(true);
    expect(yes.filled.bottom3TwoYears).toBe(1);
    expect(yes.issues.map((i) => i.message)).toEqual([
      "由上年汇总文件补入本表空白的：连续两年后三名 1 人（填写的值不被替换）",
    ]);
    const no = deriveFromLastYear([row({})], last({ value: false, at: AT }), opts);
    expect(no.managers[0].bottom3TwoYears).toBe(false);
    const blank = deriveFromLastYear([row({})], last({ value: null, at: AT }), opts);
    expect(blank.managers[0].bottom3TwoYears).toBeNull();
    expect(blank.issues).toEqual([]);
  });

  test("last year's table without 本年后三名, or its cell unreadable: nothing derived (even this year's 否)", () => {
    for (const l of [last(undefined), last(null)]) {
      const d = deriveFromLastYear([row({ bottom3ThisYear: false })], l, opts);
      expect(d.managers[0].bottom3TwoYears).toBeNull();
      expect(d.issues).toEqual([]);
    }
  });

  test("this year's cell unreadable: never filled", () => {
    const d = deriveFromLastYear([row({})], last({ value: true, at: AT }), {
      ...opts,
      unreadable: (_m, key) => key === "bottom3TwoYears",
    });
    expect(d.managers[0].bottom3TwoYears).toBeNull();
  });

  test("typed 否, derived 是: PREV.disagree naming both values; the typed value kept", () => {
    const d = deriveFromLastYear(
      [row({ bottom3TwoYears: false })],
      last({ value: true, at: AT }),
      opts
    );
    expect(d.managers[0].bottom3TwoYears).toBe(false);
    expect(d.issues).toHaveLength(1);
    expect(d.issues[0]).toMatchObject({ cell: "H2", severity: "warning", rule: "PREV.disagree" });
    expect(d.issues[0].message).toBe(
      "甲（E1）连续两年后三名：本表填写“否”，上年汇总文件的“本年后三名”（上年“是”，本年“是”）（s!E2）为“是”；按填写的“否”计算，请核对"
    );
  });
});

describe("公司客户经理等级 · 本年后三名 and 连续两年后三名 from last year's", () => {
  const HEAD = [
    "员工号",
    "姓名",
    "现等级",
    "年度考核结果",
    "连续营销年限",
    "升等考试通过",
    "完成主要业务指标",
    "正常类贷款占比",
  ];
  const K2 = ["K2", "乙", "二级", "称职", 5, "否", "是", 98];
  const managers = (extra: string[] = [], values: (string | null)[] = []): Rows => [
    [...HEAD, ...extra],
    [...K2, ...values],
  ];
  const CUSTOMERS: Rows = [
    [...CUSTOMER_HEADER],
    ["乙一公司", "K2", 80000000, 60000000, 0, 26000000, "否", "否", "否"],
  ];
  const LAST_MANAGERS: Rows = [
    ["员工号", "姓名", "正常类贷款占比"],
    ["K2", "乙", 97],
  ];
  const lastCorp = (bottom3?: string | null): Rows =>
    bottom3 === undefined
      ? [
          ["员工号", "姓名", "决定", "新等级"],
          ["K2", "乙", "续聘", "二级"],
        ]
      : [
          ["员工号", "姓名", "决定", "新等级", "本年后三名"],
          ["K2", "乙", "续聘", "二级", bottom3],
        ];
  const run = (m: Rows, corp: Rows) =>
    build({
      客户经理: m,
      公司客户: CUSTOMERS,
      上年客户经理: LAST_MANAGERS,
      上年公司客户经理等级: corp,
    });

  test("without the input column: no 本年后三名 column (the summary as before)", () => {
    const r = run(managers(), lastCorp("是"));
    const m = model(r, "公司客户经理等级");
    expect(m.columns.map((c) => c.header)).not.toContain("本年后三名");
    expect(pick(m, 0, ["决定", "新等级"])).toEqual(["续聘", "二级"]);
  });

  test("是 last year, 是 this year: 连续两年后三名 derived 是 → 低聘 三级 (B4 step 2); the column right after 黄牌", () => {
    const r = run(managers(["本年后三名"], ["是"]), lastCorp("是"));
    const m = model(r, "公司客户经理等级");
    const headers = m.columns.map((c) => c.header);
    expect(headers[headers.indexOf("黄牌") + 1]).toBe("本年后三名");
    expect(pick(m, 0, ["决定", "新等级", "本年后三名"])).toEqual(["低聘", "三级", "是"]);
    expect(r.issues.find((i) => i.rule === "PREV.derived")?.message).toBe(
      "由本工作簿的上年表补入本表空白的：上年正常类贷款占比 1 人、连续两年后三名 1 人（填写的值不被替换）"
    );
  });

  test("否 last year: derived 否 → 续聘 二级, no blank-bottom3 warning in the explanation", () => {
    const r = run(managers(["本年后三名"], ["是"]), lastCorp("否"));
    const m = model(r, "公司客户经理等级");
    expect(pick(m, 0, ["决定", "新等级", "本年后三名"])).toEqual(["续聘", "二级", "是"]);
    expect(r.explanations.corporate?.K2?.some((s) => s.code === "B_DEC_BLANK_BOTTOM3")).toBe(false);
  });

  test("typed 否 against derived 是: warned at the typed cell, the typed 否 decides", () => {
    const r = run(managers(["连续两年后三名", "本年后三名"], ["否", "是"]), lastCorp("是"));
    expect(pick(model(r, "公司客户经理等级"), 0, ["决定", "新等级"])).toEqual(["续聘", "二级"]);
    const w = r.issues.filter((i) => i.rule === "PREV.disagree");
    expect(w.map((i) => [i.sheet, i.cell])).toEqual([["客户经理", "I2"]]);
    expect(w[0].message).toBe(
      "乙（K2）连续两年后三名：本表填写“否”，本工作簿的上年表的“本年后三名”（上年“是”，本年“是”）（上年公司客户经理等级!E2）为“是”；按填写的“否”计算，请核对"
    );
  });

  test("last year's table without the column: nothing derived (续聘 二级), this year's column still shown", () => {
    const r = run(managers(["本年后三名"], ["是"]), lastCorp());
    const m = model(r, "公司客户经理等级");
    expect(pick(m, 0, ["决定", "新等级", "本年后三名"])).toEqual(["续聘", "二级", "是"]);
    expect(r.issues.find((i) => i.rule === "PREV.derived")?.message).toBe(
      "由本工作簿的上年表补入本表空白的：上年正常类贷款占比 1 人（填写的值不被替换）"
    );
  });
});

test("readPrevious: 本年后三名 read when there (blank → unknown), a bad cell an issue", () => {
  const r = readPrevious(
    grid({
      公司客户经理等级: [
        ["员工号", "姓名", "决定", "新等级", "本年后三名"],
        ["K2", "乙", "续聘", "二级", "是"],
        ["K3", "丙", "续聘", "三级", null],
        ["K4", "丁", "续聘", "三级", "也许"],
      ],
    }),
    policy2025(),
    { inWorkbook: false, source: "last.xlsx" }
  );
  const c = r.lastYear!.corporate!;
  expect(c.get("K2")!.bottom3).toEqual({
    value: true,
    at: { sheet: "[last.xlsx]公司客户经理等级", cell: "E2" },
  });
  expect(c.get("K3")!.bottom3?.value).toBeNull();
  expect(c.get("K4")!.bottom3).toBeNull();
  expect(r.issues.map((i) => [i.cell, i.rule])).toEqual([["E4", "PREV.cell"]]);
});

test("数据指纹 follows last year's 本年后三名 (it decides 连续两年后三名)", () => {
  const last = (bottom3?: { value: boolean | null; at: PrevAt }): LastYear => ({
    source: "x",
    grades: null,
    bottom: null,
    managers: null,
    corporate: new Map([
      [
        "E1",
        {
          name: null,
          level: "二级",
          decision: "续聘",
          readable: true,
          at: AT,
          ...(bottom3 ? { bottom3 } : {}),
        },
      ],
    ]),
    sheets: {},
  });
  const fp = (l: LastYear) => withLastYearFingerprint("0123456789ab", l);
  const yes = fp(last({ value: true, at: AT }));
  expect(fp(last({ value: false, at: AT }))).not.toBe(yes);
  expect(fp(last({ value: null, at: AT }))).not.toBe(yes);
  expect(fp(last())).not.toBe(yes);
  // where it was read does not count
  expect(fp(last({ value: true, at: { sheet: "t", cell: "Z9" } }))).toBe(yes);
});

/**
 * (issue 18) Last year's tables on small hand-made workbooks: the reader (which sheets, where a
 * table ends, repeated ids, bad cells), ↑ ↓ = 新任, derivations where blank only (an unreadable
 * cell is never filled, a column absent this year is filled and its summary made), and the
 * header names held to the summaries' own.
 */
import { readPrevious, PREVIOUS_HEADERS } from "../../src/reader/previous";
import { deriveFromLastYear, gradeChange, levelChange } from "../../src/rules/previous";
import type { LastYear, PrevAt } from "../../src/rules/previous";
import type { ManagerRow } from "../../src/core/rows";
import { GRADES_HEADERS } from "../../src/summary/grades";
import { CORPORATE_HEADERS } from "../../src/summary/corporate";
import { BOTTOM_HEADERS } from "../../src/summary/bottom";
import { build, CUSTOMER_HEADER, grid, model, NOW, pick, policy2025, Rows } from "./helpers";
import { buildSummaries } from "../../src/summary/build";
import { withLastYearFingerprint } from "../../src/summary/fingerprint";

const AT: PrevAt = { sheet: "s", cell: "A1" };

test("the headers read are the summaries' own", () => {
  expect(GRADES_HEADERS).toEqual(expect.arrayContaining(Object.values(PREVIOUS_HEADERS.grades)));
  expect(CORPORATE_HEADERS).toEqual(
    expect.arrayContaining(Object.values(PREVIOUS_HEADERS.corporate))
  );
  expect(BOTTOM_HEADERS).toEqual(expect.arrayContaining(Object.values(PREVIOUS_HEADERS.bottom)));
});

describe("变化", () => {
  const g = (grade: "一级" | "二级" | "三级" | "取消资格" | null, readable = true) => ({
    name: null,
    grade,
    readable,
    at: AT,
  });
  test("等级汇总: 一级 > 二级 > 三级 > 取消资格; 新任; nothing when either is unknown", () => {
    expect(gradeChange(g("二级"), "一级")).toEqual({ prev: "二级", change: "↑" });
    expect(gradeChange(g("一级"), "三级")).toEqual({ prev: "一级", change: "↓" });
    expect(gradeChange(g("三级"), "取消资格")).toEqual({ prev: "三级", change: "↓" });
    expect(gradeChange(g("取消资格"), "三级")).toEqual({ prev: "取消资格", change: "↑" });
    expect(gradeChange(g("二级"), "二级")).toEqual({ prev: "二级", change: "=" });
    expect(gradeChange(undefined, "二级")).toEqual({ prev: null, change: "新任" });
    expect(gradeChange(g(null), "二级")).toEqual({ prev: "未评定", change: null });
    expect(gradeChange(g("二级"), null)).toEqual({ prev: "二级", change: null });
    expect(gradeChange(g(null, false), "二级")).toEqual({ prev: null, change: null });
  });
  test("公司客户经理等级: 高级 > … > 见习; 退出 from a level is ↓; last year's 退出 shown", () => {
    const l = (level: "高级" | "二级" | "见习" | null, decision: string | null = "续聘") => ({
      name: null,
      level,
      decision,
      readable: true,
      at: AT,
    });
    expect(levelChange(l("二级"), "一级", "晋升")).toEqual({ prev: "二级", change: "↑" });
    expect(levelChange(l("高级"), "一级", "低聘")).toEqual({ prev: "高级", change: "↓" });
    expect(levelChange(l("见习"), "见习", "见习中")).toEqual({ prev: "见习", change: "=" });
    expect(levelChange(l("二级"), null, "退出")).toEqual({ prev: "二级", change: "↓" });
    expect(levelChange(l(null, "退出"), "四级", "定级")).toEqual({ prev: "退出", change: null });
    expect(levelChange(undefined, "四级", "定级")).toEqual({ prev: null, change: "新任" });
  });
});

describe("deriveFromLastYear", () => {
  const row = (id: string, over: Partial<ManagerRow>): ManagerRow =>
    ({
      src: { sheet: "客户经理", row: 1 },
      id,
      name: id,
      level: null,
      normalSharePrev: null,
      examFails: 0,
      examFailsTwice: null,
      ...over,
    }) as ManagerRow;
  const last: LastYear = {
    source: "上年汇总文件",
    grades: null,
    bottom: null,
    corporate: new Map([
      ["E1", { name: null, level: "三级", decision: "续聘", readable: true, at: AT }],
    ]),
    managers: new Map([
      ["E1", { normalShare: 96.5, examFails: 2, at: { normalShare: AT, examFails: AT } }],
    ]),
    sheets: {},
  };
  const all = new Set(["level", "normalSharePrev", "examFails", "examFailsTwice"]);

  test("blank cells filled, typed ones kept", () => {
    const m = row("E1", { examFails: 1 });
    const d = deriveFromLastYear([m], last, {
      present: all,
      unreadable: () => false,
      cellOf: () => "X2",
    });
    expect(d.managers[0]).toMatchObject({
      level: "三级",
      normalSharePrev: 96.5,
      examFailsTwice: true,
    });
    expect(d.replaced.get(m)).toBe(d.managers[0]);
    expect(d.issues.map((i) => i.rule)).toEqual(["PREV.derived"]);
    expect(d.addedColumns).toEqual([]);
    // the input row is not changed
    expect(m.level).toBeNull();
  });

  test("an unreadable cell is never filled; no 是 without a fail this year; 现等级 only for a corporate CM", () => {
    const m = row("E1", { examFails: 0 });
    const d = deriveFromLastYear([m], last, {
      present: all,
      unreadable: (_m, key) => key === "normalSharePrev",
      cellOf: () => "X2",
      corporate: () => false,
    });
    expect(d.managers[0]).toBe(m);
    expect(d.issues).toEqual([]);
  });

  test("a column absent this year: 上年正常类贷款占比 and 现等级 filled (the column counts as there), the exam flag not", () => {
    const d = deriveFromLastYear([row("E1", { examFails: 3 })], last, {
      present: new Set(["examFails"]),
      unreadable: () => false,
      cellOf: () => "",
    });
    expect(d.managers[0]).toMatchObject({
      level: "三级",
      normalSharePrev: 96.5,
      examFailsTwice: null,
    });
    expect(d.addedColumns.sort()).toEqual(["level", "normalSharePrev"]);
  });

  test("a disagreement: a warning naming both values and last year's cell; the typed value used", () => {
    const d = deriveFromLastYear([row("E1", { level: "二级", normalSharePrev: 96.5 })], last, {
      present: all,
      unreadable: () => false,
      cellOf: (_m, key) => (key === "level" ? "D2" : "E2"),
    });
    expect(d.managers[0].level).toBe("二级");
    expect(d.issues).toHaveLength(1);
    expect(d.issues[0]).toMatchObject({ cell: "D2", severity: "warning", rule: "PREV.disagree" });
    expect(d.issues[0].message).toBe(
      "E1（E1）现等级：本表填写“二级”，上年汇总文件的“新等级”（s!A1）为“三级”；按填写的“二级”计算，请核对"
    );
  });
});

const LAST_CORP: Rows = [
  ["公司客户经理等级评定｜政策年度 2024", null, null, null, null, null],
  ["员工号", "姓名", "现等级", "达标等级", "决定", "新等级"],
  ["K2", "乙", "二级", "一级", "晋升", "一级"],
  ["K3", "丙", "三级", "三级", "续聘", "三级"],
  ["K2", "乙", "二级", "二级", "续聘", "二级"],
  ["K4", "丁", "四级", "四级", "续聘", "五级"],
  [null, null, null, null, null, null],
  ["K9", "说明之后的行", null, null, null, "高级"],
];

describe("readPrevious", () => {
  test("a file: the summary's own sheet, down to the first blank 员工号; a repeated id and a bad cell reported", () => {
    const r = readPrevious(
      grid({
        公司客户经理等级: LAST_CORP,
        上年公司客户经理等级: [
          ["员工号", "姓名", "决定", "新等级"],
          ["K2", "乙", "续聘", "高级"],
        ],
      }),
      policy2025(),
      { inWorkbook: false, source: "last.xlsx" }
    );
    const corp = r.lastYear!.corporate!;
    expect([...corp.keys()]).toEqual(["K2", "K3", "K4"]);
    expect(corp.get("K2")).toMatchObject({
      level: "一级",
      decision: "晋升",
      at: { sheet: "[last.xlsx]公司客户经理等级", cell: "F3" },
    });
    expect(corp.get("K4")).toMatchObject({ level: null, readable: false });
    expect(r.issues.map((i) => [i.cell, i.rule])).toEqual([
      ["A5", "PREV.duplicate"],
      ["F6", "PREV.cell"],
    ]);
    expect(r.lastYear!.source).toBe("上年汇总文件“last.xlsx”");
    expect(r.lastYear!.grades).toBeNull();
  });

  test("a title naming another year than last year: a warning, the table still read", () => {
    const same = [["公司客户经理等级评定｜政策年度 2025"], ...LAST_CORP.slice(1)];
    const r = readPrevious(grid({ 公司客户经理等级: same }), policy2025(), {
      inWorkbook: false,
      source: "last.xlsx",
    });
    expect(r.lastYear!.years).toEqual({ corporate: 2025 });
    const w = r.issues.filter((i) => i.rule === "PREV.year");
    expect(w.map((i) => [i.sheet, i.cell, i.severity])).toEqual([
      ["[last.xlsx]公司客户经理等级", "A1", "warning"],
    ]);
    expect(w[0].message).toBe(
      "上年表“公司客户经理等级”的标题为政策年度 2025，本年为 2025（应为 2024）：请确认给的是上年的汇总"
    );
    expect(r.lastYear!.corporate!.size).toBe(3);
  });

  test("the workbook: only the 上年… sheet; none there → null", () => {
    const g = grid({
      公司客户经理等级: LAST_CORP,
      上年公司客户经理等级: [
        ["员工号", "姓名", "决定", "新等级"],
        ["K2", "乙", "续聘", "高级"],
      ],
    });
    const r = readPrevious(g, policy2025(), { inWorkbook: true });
    expect([...r.lastYear!.corporate!.entries()].map(([k, v]) => [k, v.level])).toEqual([
      ["K2", "高级"],
    ]);
    expect(r.lastYear!.sheets).toEqual({ corporate: "上年公司客户经理等级" });
    expect(
      readPrevious(grid({ 公司客户经理等级: LAST_CORP }), policy2025(), { inWorkbook: true })
        .lastYear
    ).toBeNull();
  });
});

describe("a column absent this year, filled from 上年客户经理", () => {
  const MANAGERS: Rows = [
    [
      "员工号",
      "姓名",
      "现等级",
      "年度考核结果",
      "连续营销年限",
      "升等考试通过",
      "完成主要业务指标",
      "正常类贷款占比",
    ],
    ["K2", "乙", "二级", "称职", 5, "否", "是", 98],
    ["K3", "丙", null, null, null, null, null, null],
  ];
  const CUSTOMERS: Rows = [
    [...CUSTOMER_HEADER],
    ["乙一公司", "K2", 80000000, 60000000, 0, 26000000, "否", "否", "否"],
  ];
  const lastManagers = (share: number): Rows => [
    ["员工号", "姓名", "正常类贷款占比"],
    ["K2", "乙", share],
  ];

  test("without last year's share the summary is skipped (the column is missing)", () => {
    const r = build({ 客户经理: MANAGERS, 公司客户: CUSTOMERS });
    expect(r.skipped.map((s) => s.name)).toContain("公司客户经理等级");
    expect(r.lastYear).toBeNull();
  });

  test("97 last year, 98 now: risen → 续聘 二级 (as the others.test K2); 99 last year: not risen → 低聘 to the qualified 见习", () => {
    const up = build({ 客户经理: MANAGERS, 公司客户: CUSTOMERS, 上年客户经理: lastManagers(97) });
    const m = model(up, "公司客户经理等级");
    expect(pick(m, 0, ["员工号", "决定", "新等级"])).toEqual(["K2", "续聘", "二级"]);
    expect(up.issues.find((i) => i.rule === "PREV.derived")?.message).toBe(
      "由本工作簿的上年表补入本表空白的：上年正常类贷款占比 1 人（填写的值不被替换）"
    );
    // no 上年公司客户经理等级: no 上年等级 column
    expect(m.columns.map((c) => c.header)).not.toContain("上年等级");
    const down = build({ 客户经理: MANAGERS, 公司客户: CUSTOMERS, 上年客户经理: lastManagers(99) });
    expect(pick(model(down, "公司客户经理等级"), 0, ["决定", "新等级"])).toEqual(["低聘", "见习"]);
  });

  test("K3 (no customers, 现等级 blank) is not made a corporate CM by last year's level", () => {
    const r = build({
      客户经理: MANAGERS,
      公司客户: CUSTOMERS,
      上年客户经理: lastManagers(97),
      上年公司客户经理等级: LAST_CORP.slice(0, 4),
    });
    const m = model(r, "公司客户经理等级");
    expect(m.rows.map((x) => x[0])).toEqual(["K2"]);
    expect(pick(m, 0, ["上年等级", "变化"])).toEqual(["一级", "↓"]);
    // K2 typed 二级, last year's 新等级 一级: warned
    expect(r.issues.filter((i) => i.rule === "PREV.disagree").map((i) => i.cell)).toEqual(["C2"]);
  });
});

describe("withLastYearFingerprint", () => {
  const last = (grade: "一级" | "二级", order: string[] = ["E1", "E2"]): LastYear => ({
    source: "x",
    grades: new Map(
      order.map((id) => [
        id,
        { name: null, grade: id === "E1" ? grade : "三级", readable: true, at: AT },
      ])
    ),
    corporate: null,
    bottom: null,
    managers: null,
    sheets: {},
  });
  test("changes with a value of last year, not with the order rows were read in or where", () => {
    const a = withLastYearFingerprint("0123456789ab", last("一级"));
    expect(a).toMatch(/^[0-9a-f]{12}$/);
    expect(a).not.toBe("0123456789ab");
    expect(withLastYearFingerprint("0123456789ab", last("二级"))).not.toBe(a);
    expect(withLastYearFingerprint("0123456789ab", last("一级", ["E2", "E1"]))).toBe(a);
    expect(withLastYearFingerprint("0123456789ac", last("一级"))).not.toBe(a);
  });
});

test("--previous given and 上年… sheets in the workbook: the file is used, the sheets said unused", () => {
  const g = grid({
    客户经理: [
      ["员工号", "姓名", "现等级"],
      ["K2", "乙", "二级"],
    ],
    上年公司客户经理等级: [
      ["员工号", "姓名", "决定", "新等级"],
      ["K2", "乙", "续聘", "高级"],
    ],
  });
  const file = readPrevious(
    grid({
      公司客户经理等级: [
        ["员工号", "姓名", "决定", "新等级"],
        ["K2", "乙", "续聘", "二级"],
      ],
    }),
    policy2025(),
    { inWorkbook: false, source: "last.xlsx" }
  );
  const r = buildSummaries(g, policy2025(), { now: NOW, previous: file });
  expect(r.lastYear).toEqual({ source: "上年汇总文件“last.xlsx”", sheets: ["公司客户经理等级"] });
  expect(r.issues.find((i) => i.rule === "PREV.unused")?.message).toBe(
    "已给上年汇总文件（--previous），工作簿中的上年表（上年公司客户经理等级）未使用"
  );
  // the file's 二级 agrees with the typed 现等级: no disagreement (the sheet's 高级 would have given one)
  expect(r.issues.filter((i) => i.rule === "PREV.disagree")).toEqual([]);
});

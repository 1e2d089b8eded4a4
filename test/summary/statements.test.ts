/**
 * (issue 19) 考核通知单 and 公示名单 on small hand-made workbooks: made only when asked for, from the
 * summaries already built (the same figures), one block per CM with a page break before each, the
 * explanation steps with their articles, signature lines; 公示名单 with names, branches and
 * results only, the posting period and the place to appeal from the policy; the page breaks in
 * the sheet XML (<rowBreaks>).
 */
import { addCellStyles, minimalStyles } from "../../src/cli/xlsx/styles";
import { rowBreaksXml, sheetXml } from "../../src/cli/xlsx/sheetXml";
import { selectSummaries } from "../../src/summary/build";
import { MAX_PAGE_BREAKS, pageBreakRows } from "../../src/summary/model";
import type { CellValue, SheetModel } from "../../src/summary/model";
import { BLANK, buildStatements } from "../../src/summary/statements";
import { build, CUSTOMER_HEADER, model, policy2025, Rows } from "./helpers";

const MANAGERS: Rows = [
  [
    "员工号",
    "姓名",
    "性别",
    "出生日期",
    "支行",
    "行别类型",
    "首次任职日期",
    "当年发放贷款笔数",
    "当年贷款利息收入",
    "新增不良贷款余额",
    "年末管理贷款总额",
    "考试不合格次数",
    "经济处罚次数",
    "通报批评次数",
    "严重违规次数",
  ],
  // peers 一类行: average count 100, income 1,000,000 → E01 20 + 50 + 40 = 110 → 一级, 2.0
  [
    "E01",
    "张一",
    "男",
    "1990-01-01",
    "城关支行",
    "一类行",
    "2010-01-01",
    100,
    1000000,
    0,
    10000000,
    0,
    0,
    0,
    0,
  ],
  // E02: 15 + 25 + 20 − 10 (serious violation) = 50 → 取消资格
  [
    "E02",
    "李二",
    "男",
    "1990-01-01",
    "城东支行",
    "一类行",
    "2010-01-01",
    50,
    500000,
    200000,
    10000000,
    0,
    0,
    0,
    1,
  ],
  [
    "E03",
    "王三",
    "女",
    "1990-01-01",
    "城西支行",
    "一类行",
    "2010-01-01",
    150,
    1500000,
    100000,
    10000000,
    1,
    0,
    0,
    0,
  ],
];
const CORP_MANAGERS: Rows = [
  [
    "员工号",
    "姓名",
    "支行",
    "首次任职日期",
    "现等级",
    "年度考核结果",
    "连续营销年限",
    "升等考试通过",
    "连续两年后三名",
    "完成主要业务指标",
    "正常类贷款占比",
    "上年正常类贷款占比",
    "诫勉中",
    "见习考试合格",
  ],
  ["K2", "乙", "营业部", "2015-03-01", "二级", "称职", 5, "否", "否", "是", 98, 97, "是", null],
];
const CUSTOMERS: Rows = [
  [...CUSTOMER_HEADER],
  // K2 qualifies 二级 (a and d) → 续聘; under 诫勉 the allowance is halved: 100 元 a month
  ["乙一公司", "K2", 80000000, 60000000, 0, 26000000, "否", "否", "否"],
];

const ONLY = ["考核通知单", "公示名单"];

/** The blocks of 考核通知单: rows from one page break to the next. */
function blocks(m: SheetModel): CellValue[][][] {
  const starts = [0, ...(m.pageBreaks ?? [])];
  return starts.map((s, k) => m.rows.slice(s, starts[k + 1] ?? m.rows.length));
}
const value = (block: CellValue[][], label: string) => block.find((r) => r[0] === label)?.[1];

describe("made only when asked for", () => {
  test("not by default; --only names them; their sources are built but not written", () => {
    expect(selectSummaries()).not.toContain("statements");
    expect(selectSummaries()).not.toContain("posting");
    expect(build({ 客户经理: MANAGERS }).models.map((m) => m.name)).not.toContain("考核通知单");
    const r = build({ 客户经理: MANAGERS }, { only: ONLY });
    expect(r.models.map((m) => m.name)).toEqual(ONLY);
    expect(r.ids).toEqual(["statements", "posting"]);
    expect(r.skipped).toEqual([]);
  });

  test("neither 等级汇总 nor 公司客户经理等级 possible: both skipped with the reason", () => {
    const r = build(
      {
        客户经理: [
          ["员工号", "姓名"],
          ["E01", "张一"],
        ],
      },
      { only: ONLY }
    );
    expect(r.models).toEqual([]);
    expect(r.skipped.map((s) => s.name)).toEqual(ONLY);
    expect(r.skipped[0].reasonZh).toContain("等级汇总");
  });
});

describe("考核通知单", () => {
  const p = { ...policy2025(), unitName: "城关农商银行", appealPlace: "人力资源部 302 室" };
  const r = build({ 客户经理: MANAGERS }, { only: ONLY, policy: p });
  const m = model(r, "考核通知单");

  test("one block per CM, a page break before each but the first, portrait A4", () => {
    expect(m.print?.orientation).toBe("portrait");
    expect(m.print?.paper).toBe("A4");
    expect(m.print?.fitToWidth).toBe(1);
    const bs = blocks(m);
    expect(bs.map((b) => value(b, "员工号"))).toEqual(["E01", "E02", "E03"]);
    expect(m.pageBreaks).toEqual([bs[0].length, bs[0].length + bs[1].length]);
    // the sheet rows above which the breaks go: after the title and the header row
    expect(pageBreakRows(m)).toEqual(m.pageBreaks!.map((i) => i + 2));
  });

  test("E01: the same figures as 等级汇总, the steps with articles, error points and signature lines", () => {
    const b = blocks(m)[0];
    expect(b[0][0]).toBe("城关农商银行客户经理考核结果通知单（信贷客户经理）");
    expect(value(b, "单位名称")).toBe("城关农商银行");
    expect(value(b, "姓名")).toBe("张一");
    expect(value(b, "支行")).toBe("城关支行");
    expect(value(b, "考核年度")).toBe("2025 年度（评定日期 2025-12-31）");
    expect(value(b, "得分")).toBe(
      "笔数得分 20.00，利息得分 50.00，质量得分 40.00；扣分 0.00；总分 110.00"
    );
    expect(value(b, "分数等级")).toBe("一级");
    expect(value(b, "最终等级")).toBe("一级");
    expect(value(b, "工资系数")).toBe("2.0");
    const steps = b
      .slice(b.findIndex((x) => x[0] === "计算说明"))
      .filter((x) => typeof x[1] === "string" && x[1].startsWith("["));
    expect(steps.length).toBeGreaterThan(3);
    expect(steps.some((x) => String(x[1]).startsWith("[第十条]"))).toBe(true);
    expect(value(b, "申诉受理")).toContain("人力资源部 302 室");
    expect(b.map((x) => x[0])).toEqual(
      expect.arrayContaining(["本人签字：", "考核部门（盖章）："])
    );
  });

  test("E02 取消资格: no coefficient, the exit reason; E03's deduction", () => {
    const [, e2, e3] = blocks(m);
    expect(value(e2, "最终等级")).toBe("取消资格");
    expect(value(e2, "工资系数")).toBeNull();
    expect(value(e2, "退出原因")).toBe("考核等级为取消资格（第四十一条）");
    expect(value(e3, "得分")).toBe(
      "笔数得分 25.00，利息得分 70.00，质量得分 30.00；扣分 3.00；总分 122.00"
    );
  });

  test("no 差错记录 sheet: no error-points line (nothing is said that was not computed)", () => {
    expect(m.rows.some((x) => x[0] === "差错积分")).toBe(false);
  });
});

describe("corporate CMs, error points", () => {
  const errors: Rows = [
    ["员工号", "日期", "条款", "次数", "加重扣分", "说明"],
    // 3.2b: 10 points a time
    ["E01", "2025-03-01", "3.2b", 1, null, "抵押登记不全"],
  ];
  test("a corporate CM's decision, new level and monthly allowance; error points when 差错记录 is there", () => {
    const r = build({ 客户经理: CORP_MANAGERS, 公司客户: CUSTOMERS }, { only: ONLY });
    const b = blocks(model(r, "考核通知单"));
    expect(b).toHaveLength(1);
    expect(b[0][0][0]).toBe("客户经理考核结果通知单（公司客户经理）");
    expect(value(b[0], "决定")).toBe("续聘");
    expect(value(b[0], "新等级")).toBe("二级");
    expect(value(b[0], "通讯费")).toBe("每月 100.00 元");
    expect(value(b[0], "支行")).toBe("营业部");
    // no 单位名称 set: a blank to fill in, saying so
    expect(value(b[0], "单位名称")).toBe(`${BLANK}（政策参数“单位名称”未设置）`);
    const withErrors = build({ 客户经理: MANAGERS, 差错记录: errors }, { only: ["考核通知单"] });
    const e = blocks(model(withErrors, "考核通知单"));
    expect(value(e[0], "差错积分")).toMatch(/^扣分合计 10\.00 分/);
    // E02 has no entry: 差错积分汇总 says so, and so does his page
    expect(value(e[1], "差错积分")).toBe("扣分合计 0.00 分；2025 年度无差错记录");
  });
});

describe("公示名单", () => {
  const p = { ...policy2025(), postingPeriod: "2026年1月10日至1月16日" };
  const r = build({ 客户经理: MANAGERS }, { only: ["公示名单"], policy: p });
  const m = model(r, "公示名单");

  test("姓名, 支行, 类别, 考核结果 only — no number anywhere in the table", () => {
    expect(m.columns.map((c) => c.header)).toEqual(["姓名", "支行", "类别", "考核结果"]);
    expect(m.rows).toEqual([
      ["张一", "城关支行", "信贷客户经理", "一级"],
      ["李二", "城东支行", "信贷客户经理", "取消资格"],
      ["王三", "城西支行", "信贷客户经理", "一级"],
    ]);
    expect(m.rows.flat().some((v) => typeof v === "number")).toBe(false);
  });

  test("posting period from the policy; the place to appeal unset → a blank saying so; one page", () => {
    expect(m.notes?.[0]).toEqual(["公示期", "2026年1月10日至1月16日"]);
    expect(m.notes?.[1][1]).toContain(`${BLANK}（政策参数“申诉受理”未设置）`);
    expect(m.print?.fitToHeight).toBe(1);
    expect(m.print?.fitToWidth).toBe(1);
  });
});

describe("page breaks in the sheet XML", () => {
  const m: SheetModel = {
    name: "x",
    title: "t",
    columns: [{ header: "a", format: "text" }],
    rows: [["1"], ["2"], ["3"], ["4"]],
    freezeHeader: false,
    pageBreaks: [3, 1, 1, 0, 9],
  };
  test("a manual break above each given row (title + header before the data), each once, in order; none out of range", () => {
    expect(pageBreakRows(m)).toEqual([3, 5]);
    expect(rowBreaksXml(m)).toBe(
      '<rowBreaks count="2" manualBreakCount="2"><brk id="3" max="16383" man="1"/><brk id="5" max="16383" man="1"/></rowBreaks>'
    );
    expect(rowBreaksXml({ ...m, pageBreaks: undefined })).toBe("");
  });
  test("after headerFooter, before the end of the worksheet (CT_Worksheet order)", () => {
    const { styles } = addCellStyles(minimalStyles());
    const xml = sheetXml(
      {
        ...m,
        print: {
          ...model(build({ 客户经理: MANAGERS }, { only: ["公示名单"] }), "公示名单").print!,
        },
      },
      "x",
      styles
    );
    expect(xml.indexOf("<rowBreaks")).toBeGreaterThan(xml.indexOf("</headerFooter>"));
    expect(xml.endsWith("</rowBreaks></worksheet>")).toBe(true);
  });
});

test("more CMs than Excel keeps page breaks on a sheet: the breaks stop at the limit, with a warning", () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => [`E${i}`, `人${i}`]);
  const grades = (n: number) => ({
    id: "grades" as const,
    model: {
      name: "等级汇总",
      title: null,
      columns: [
        { header: "员工号", format: "text" as const },
        { header: "姓名", format: "text" as const },
      ],
      rows: rows(n),
      freezeHeader: true,
    },
    explanations: {},
    issues: [],
  });
  const ok = buildStatements([grades(MAX_PAGE_BREAKS + 1)], [], policy2025(), new Date(2026, 0, 5));
  expect(ok.model.pageBreaks).toHaveLength(MAX_PAGE_BREAKS);
  expect(ok.issues).toEqual([]);
  const over = buildStatements(
    [grades(MAX_PAGE_BREAKS + 3)],
    [],
    policy2025(),
    new Date(2026, 0, 5)
  );
  expect(pageBreakRows(over.model)).toHaveLength(MAX_PAGE_BREAKS);
  expect(over.issues.map((i) => [i.severity, i.rule])).toEqual([
    ["warning", "STATEMENTS.pageBreaks"],
  ]);
  expect(over.issues[0].message).toContain(`共 ${MAX_PAGE_BREAKS + 3} 人`);
});

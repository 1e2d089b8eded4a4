/**
 * Issue 15 item 3: validate reports everything summarize would about the data, then one line —
 * 可以汇总, or what to fix first; the notices are computed once (readiness.ts) for both.
 */
import { buildSummaries } from "../../src/summary/build";
import { checkWorkbook, dataNotices, readyLine } from "../../src/summary/readiness";
import { validateWorkbookFull } from "../../src/reader/validate";
import { CUSTOMER_HEADER, grid, NOW, Rows } from "./helpers";

const TODAY = { today: new Date(2026, 2, 1) };
const HEAD = [
  "员工号",
  "姓名",
  "行别类型",
  "当年发放贷款笔数",
  "当年贷款利息收入",
  "新增不良贷款余额",
  "年末管理贷款总额",
  "考试不合格次数",
  "经济处罚次数",
  "通报批评次数",
  "严重违规次数",
];
const CMS: Rows = [
  HEAD,
  ["E01", "张一", "一类行", 100, 1000000, 0, 10000000, 0, 0, 0, 0],
  ["E02", "李二", "一类行", 100, 1000000, 0, 10000000, 0, 0, 0, 0],
];
const policy = (extra: Rows = []): Rows => [["参数", "值"], ["年度", 2025], ...extra];

function notices(sheets: Record<string, Rows>) {
  const c = checkWorkbook(grid(sheets), undefined, TODAY);
  return {
    c,
    rules: c.issues.filter((i) =>
      ["SUMMARY.leftOut", "SUMMARY.skipped", "POLICY.unset"].includes(i.rule)
    ),
  };
}

describe("the ready line", () => {
  test("clean data and nothing else to say: exactly 可以汇总", () => {
    const v = validateWorkbookFull(
      grid({ 客户经理: CMS, 政策参数: policy([["不良容忍度", 1.5]]) }),
      undefined,
      TODAY
    );
    expect(readyLine(v, [])).toEqual({ ready: true, zh: "可以汇总", en: "ready to summarize" });
  });

  test("clean data, the figures set, some summaries skipped: 可以汇总, and it says what is skipped", () => {
    const all = {
      客户经理: CMS,
      政策参数: policy([["不良容忍度", 1.5]]),
    };
    const { c } = notices(all);
    expect(c.ready.ready).toBe(true);
    // 贷款台账, 公司客户… are absent: their summaries are skipped, said, and the line says so
    expect(c.ready.zh).toMatch(/^可以汇总；但\d+ 个汇总表将跳过（见上）$/);
    expect(
      c.issues.filter((i) => i.rule === "SUMMARY.skipped").map((i) => i.message)
    ).toContainEqual(expect.stringMatching(/^将跳过“末位名单”：缺少“贷款台账”表/));
  });

  test("a row left out: not ready, and each summary that leaves it out says whom and which cell", () => {
    const bad: Rows = [...CMS, ["E03", "王强", "一类", 100, 1000000, 0, 10000000, 0, 0, 0, 0]];
    const { c, rules } = notices({ 客户经理: bad, 政策参数: policy([["不良容忍度", 1.5]]) });
    expect(c.ready.ready).toBe(false);
    expect(c.ready.zh).toBe(
      "先更正数据错误再汇总：1 行有无法读取的单元格（共 1 处错误，见上），汇总时这些行不计入需要该列的汇总表"
    );
    expect(rules.filter((i) => i.rule === "SUMMARY.leftOut").map((i) => i.message)).toEqual([
      "“等级汇总”将不计入客户经理 1 行：王强（C4）",
    ]);
  });

  test("不良容忍度 unset while credit CMs exist: the caps will not apply — said, and the line asks for it", () => {
    const { c, rules } = notices({ 客户经理: CMS, 政策参数: policy() });
    expect(
      rules.filter((i) => i.rule === "POLICY.unset").map((i) => [i.severity, i.message])
    ).toEqual([
      [
        "warning",
        "政策参数“不良容忍度”未设置：有 2 名信贷客户经理，第十二条的新增不良率封顶将不适用（等级汇总）",
      ],
    ]);
    expect(c.ready.ready).toBe(true);
    expect(c.ready.zh).toMatch(/^可以汇总；但建议先在政策参数表设置 不良容忍度；/);
  });

  test("不良容忍度 unset but no credit figures (a corporate roster): nothing to say", () => {
    const corp: Rows = [
      HEAD,
      ["E01", "张一", null, null, null, null, null, null, null, null, null],
    ];
    expect(
      notices({ 客户经理: corp, 政策参数: policy() }).rules.filter((i) => i.rule === "POLICY.unset")
    ).toEqual([]);
  });

  test("美元兑人民币汇率 unset: said only when a customer has a settlement amount (the 四级 check needs it)", () => {
    const mgr: Rows = [
      ["员工号", "姓名", "现等级", "年度考核结果", "正常类贷款占比", "上年正常类贷款占比"],
      ["C01", "赵一", "四级", "称职", 99, 98],
    ];
    const cust = (usd: number): Rows => [
      [...CUSTOMER_HEADER],
      ["甲公司", "C01", 20000000, 40000000, usd, 20000000, "否", "否", "否"],
    ];
    const unset = (usd: number) =>
      notices({ 客户经理: mgr, 公司客户: cust(usd), 政策参数: policy() })
        .rules.filter((i) => i.rule === "POLICY.unset")
        .map((i) => i.message);
    expect(unset(500000)).toEqual([
      "政策参数“美元兑人民币汇率”未设置：1 个公司客户有国际结算额，四级的国际结算条件（以人民币计，第十一条）将无法判断",
    ]);
    expect(unset(0)).toEqual([]);
  });
});

describe("summarize gives the same notices (one function), not the skipped ones (it lists those itself)", () => {
  test("SUMMARY.leftOut and POLICY.unset in the issues of buildSummaries", () => {
    const bad: Rows = [...CMS, ["E03", "王强", "一类", 100, 1000000, 0, 10000000, 0, 0, 0, 0]];
    const g = grid({ 客户经理: bad, 政策参数: policy() });
    const v = validateWorkbookFull(g, undefined, TODAY);
    const r = buildSummaries(g, v.policy, { now: NOW });
    const pick = (rules: string[]) =>
      r.issues.filter((i) => rules.includes(i.rule)).map((i) => i.message);
    const expected = dataNotices(v)
      .filter((i) => i.rule !== "SUMMARY.skipped")
      .map((i) => i.message);
    expect(expected).toHaveLength(2);
    expect(pick(["SUMMARY.leftOut", "POLICY.unset"])).toEqual(expected);
    expect(pick(["SUMMARY.skipped"])).toEqual([]);
  });
});

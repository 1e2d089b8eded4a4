/**
 * Makes examples/sample.xlsx: a realistic county-bank workbook for the demo, the tests and
 * the screenshots — about 60 customer managers in three branch types, about 600 loans,
 * corporate customers, an error log, a warning log and the 政策参数 sheet (2025).
 *
 * Deterministic: a seeded PRNG, fixed workbook dates and fixed zip entry dates, so running
 * it twice gives the same bytes. Run: `npx tsx examples/make-sample.ts [OUT.xlsx]`.
 *
 * The data follows WORKBOOK.md and exercises RULES.md: every five-class, overdue > 365 days,
 * loans before 1999, mortgages/pledges in litigation, staff relatives, introducers,
 * successors, undue loans of retiring CMs, lost limitation, NPL formed in 2005/2006/2010/2011,
 * first-time CMs in their protection period, a 29 February birthday, urban CMs.
 * Revision 2 of the rules adds: branch heads (职务 支行长/副行长/分理处主任), every A8 exit column and
 * 延长任职至, a trainee in and one past the trainee period, overdue 关注 credit/guaranteed loans, pledge
 * loans in litigation (paid, not 暂存), compensation already paid (已赔偿金额), an exemption on a loan
 * formed in 2014 (A12 in 2025), a no-spouse certificate, the error items 1.1b/1.2b and the warning types
 * 后三类预测, 越权放贷, 未落实贷款条件.
 * It also holds a few deliberate data errors, as people really make them (DELIBERATE_ERRORS).
 */
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { defaultPolicy } from "../src/policy/defaults";
import { policySheetModel } from "../src/summary/policySheet";
import type { Policy } from "../src/policy/types";

export const SAMPLE_YEAR = 2025;
const ASSESS = "2025-12-31";

/** Where the deliberate errors are (sheet, column header, what is wrong) — tests check the reader finds them. */
export const DELIBERATE_ERRORS = [
  { sheet: "贷款台账", column: "贷款余额", what: "text in an amount (3.5万 under a 元 column)" },
  {
    sheet: "贷款台账",
    column: "五级分类",
    what: "unknown five-class 呆滞 (the old four-class name)",
  },
  { sheet: "贷款台账", column: "第一责任人", what: "an employee id that is not in 客户经理" },
  { sheet: "贷款台账", column: "发放日期", what: "a grant date after the assessment date" },
] as const;

// ---------------------------------------------------------------- PRNG and small helpers

/** mulberry32: a tiny seeded PRNG (uniform in [0, 1)). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const between = (r: Rand, lo: number, hi: number) => lo + (hi - lo) * r();
const intBetween = (r: Rand, lo: number, hi: number) => Math.floor(between(r, lo, hi + 1));
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const chance = (r: Rand, p: number) => r() < p;
/** Round to 0.01 (amounts) */
const cents = (x: number) => Math.round(x * 100) / 100;
/** Round to a whole hundred (loan amounts are granted in round figures) */
const hundreds = (x: number) => Math.round(x / 100) * 100;

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
function addDays(d: string, n: number): string {
  const t = new Date(d + "T00:00:00Z");
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}
function addMonths(d: string, n: number): string {
  const [y, m, day] = d.split("-").map(Number);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12),
    nm = (total % 12) + 1;
  const dim = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return iso(ny, nm, Math.min(day, dim));
}
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b + "T00:00:00Z") - Date.parse(a + "T00:00:00Z")) / 86400000);
}
function randomDate(r: Rand, from: string, to: string): string {
  return addDays(from, intBetween(r, 0, daysBetween(from, to)));
}

// ---------------------------------------------------------------- names

const SURNAMES =
  "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦史顾侯邵孟段雷钱汤尹常武乔贺赖龚文".split(
    ""
  );
const GIVEN_M = [
  "伟",
  "强",
  "磊",
  "军",
  "勇",
  "杰",
  "涛",
  "明",
  "超",
  "刚",
  "建华",
  "建国",
  "志强",
  "晓东",
  "文博",
  "春生",
  "国庆",
  "德胜",
  "永福",
  "海涛",
  "志刚",
  "振华",
  "宏伟",
  "立新",
  "红军",
  "卫东",
  "俊杰",
  "浩然",
  "子豪",
  "鹏飞",
  "家乐",
  "宇航",
];
const GIVEN_F = [
  "芳",
  "娜",
  "敏",
  "静",
  "丽",
  "艳",
  "娟",
  "霞",
  "平",
  "秀英",
  "桂英",
  "海燕",
  "红梅",
  "玉兰",
  "淑珍",
  "晓燕",
  "丽娟",
  "春燕",
  "雪梅",
  "婷婷",
  "佳怡",
  "雨欣",
  "思琪",
  "慧敏",
  "秋菊",
  "凤英",
];

const ENT_PLACES = [
  "清河",
  "柳林",
  "河口",
  "石桥",
  "王家庄",
  "马集",
  "李家坪",
  "东关",
  "西关",
  "南湖",
];
const ENT_WORDS = [
  "永盛",
  "鑫源",
  "华通",
  "宏达",
  "金穗",
  "丰泽",
  "聚福",
  "恒利",
  "顺发",
  "兴隆",
  "瑞丰",
  "天成",
  "益民",
  "长青",
  "广源",
  "富康",
  "佳禾",
  "润田",
  "通达",
  "盛世",
];
const ENT_TRADES = [
  "商贸有限公司",
  "农业开发有限公司",
  "建材有限公司",
  "食品有限公司",
  "养殖专业合作社",
  "机械制造有限公司",
  "纺织有限公司",
  "物流有限公司",
  "果蔬专业合作社",
  "建筑工程有限公司",
  "化工有限公司",
  "粮油购销有限公司",
];

function personName(r: Rand, sex: "男" | "女", used: Set<string>): string {
  for (;;) {
    const n = pick(r, SURNAMES) + pick(r, sex === "男" ? GIVEN_M : GIVEN_F);
    if (!used.has(n)) {
      used.add(n);
      return n;
    }
  }
}
function enterpriseName(r: Rand, used: Set<string>): string {
  for (;;) {
    const n = `清河县${pick(r, ENT_PLACES)}${pick(r, ENT_WORDS)}${pick(r, ENT_TRADES)}`;
    if (!used.has(n)) {
      used.add(n);
      return n;
    }
  }
}

// ---------------------------------------------------------------- sheet contents

/** A cell as the script writes it: ISO dates become Excel dates via {@link D}. */
type Cell = string | number | boolean | null | { date: string } | { text: string };
const D = (d: string | null): Cell => (d === null ? null : { date: d });
/** A value written as text exactly as typed (e.g. a number typed with grouping). */
const T = (s: string): Cell => ({ text: s });

export interface SampleSheet {
  name: string;
  headers: string[];
  rows: Cell[][];
  /** column widths in characters */
  widths?: number[];
}

const BRANCHES: Record<"一类行" | "二类行" | "三类行", string[]> = {
  一类行: ["城关支行", "城东支行", "城西支行"],
  二类行: ["柳林镇支行", "河口镇支行", "石桥镇支行"],
  三类行: ["王家庄分理处", "李家坪分理处", "马集分理处"],
};
type BranchType = keyof typeof BRANCHES;

interface Cm {
  id: string;
  name: string;
  sex: "男" | "女";
  birth: string;
  branch: string;
  type: BranchType;
  urban: boolean;
  firstAppointed: string;
  prevCoefficient: number | null;
  retiring: boolean;
  corporate: boolean;
  /** 0..1: how good the CM's year was */
  form: number;
}

const MANAGER_HEADERS = [
  "员工号",
  "姓名",
  "性别",
  "出生日期",
  "支行",
  "行别类型",
  "城区或支行长",
  "首次任职日期",
  "原岗位工资系数",
  "当年发放贷款笔数",
  "当年贷款利息收入",
  "新增不良贷款余额",
  "年末管理贷款总额",
  "考试不合格次数",
  "经济处罚次数",
  "通报批评次数",
  "严重违规次数",
  "当年退休",
  "近三年自然人贷款利息收入",
  "近三年企业贷款利息收入",
  "风险考核基金余额",
  "岗位风险金余额",
  "退休当年效益工资",
  "现等级",
  "年度考核结果",
  "连续营销年限",
  "升等考试通过",
  "连续两年后三名",
  "完成主要业务指标",
  "正常类贷款占比",
  "上年正常类贷款占比",
  "诫勉中",
  // RULES.md rev 2: 职务 (A1 第十三条, A9), the exit columns of A8, B4's trainee path
  "职务",
  "连续两次资格考试未通过",
  "支行考核不合格",
  "总行资格评定不合格",
  "因病不能胜任",
  "重大违规",
  "延长任职至",
  "见习期满日期",
  "见习考试合格",
  "原行员等级",
];

/** 职务 (rev 2): branch heads are graded but keep their post's coefficient; a retiring 支行长 has A9 at 60%. */
const POSTS: Record<number, string> = { 24: "支行长", 13: "副行长", 43: "分理处主任" };
/** A8 exit flags (rev 2), one CM each (column index within the exit columns → CM index). */
const EXIT_FLAGS: readonly number[] = [15, 16, 35, 44, 33];
/** 延长任职至 (A8 5): the exit by age postponed to this date. */
const EXTENDED: Record<number, string> = { 55: "2026-12-31" };
/** B4 trainee path (rev 2): corporate CM k = 10 is past the period and passed (定级 by 原行员等级 9等 → 四级); k = 11 is still in it (见习中). */
const TRAINEES: Record<number, [string, string | null, string | null]> = {
  26: ["2025-06-30", "是", "9等"],
  29: ["2026-03-31", null, null],
};

/** Indexes (0-based) of CMs with a special role. */
const RETIRING = [3, 12, 24, 45];
/** The retiring CM whose loans are RULES.md A11's worked example (a 三类行 CM, not urban). */
export const WORKED_EXAMPLE_CM = 45;
const PROTECTED: Record<number, { appointed: string; prev: number | null }> = {
  17: { appointed: "2024-03-01", prev: 1.7 },
  36: { appointed: "2024-07-15", prev: null },
  52: { appointed: "2025-04-01", prev: 1.5 },
  // the boundary case of RULES.md A5: appointed 2023-12-31, assessed 2025-12-31 → not protected
  58: { appointed: "2023-12-31", prev: 1.6 },
};
const LEAP_BIRTHDAY = 30;
const CORPORATE = [0, 1, 2, 5, 6, 8, 9, 14, 21, 22, 26, 29];
const CORP_LEVELS = [
  "高级",
  "一级",
  "一级",
  "二级",
  "二级",
  "三级",
  "三级",
  "三级",
  "四级",
  "四级",
  "见习",
  "见习",
] as const;

function makeManagers(r: Rand): Cm[] {
  const used = new Set<string>();
  const cms: Cm[] = [];
  for (let i = 0; i < 60; i++) {
    const type: BranchType = i < 20 ? "一类行" : i < 40 ? "二类行" : "三类行";
    const retiring = RETIRING.includes(i);
    let sex: "男" | "女" = chance(r, 0.62) ? "男" : "女";
    let birth = iso(intBetween(r, 1969, 1997), intBetween(r, 1, 12), intBetween(r, 1, 28));
    if (retiring) {
      // men retire at 60, women at 50 (born 1965 / 1975)
      sex = i === 12 ? "女" : "男";
      birth =
        sex === "男"
          ? iso(1965, intBetween(r, 1, 11), intBetween(r, 1, 28))
          : iso(1975, intBetween(r, 1, 11), intBetween(r, 1, 28));
    }
    if (i === LEAP_BIRTHDAY) {
      sex = "女";
      birth = "1980-02-29";
    }
    const branch = BRANCHES[type][i % 3];
    const p = PROTECTED[i];
    const firstAppointed = p ? p.appointed : randomDate(r, "2003-03-01", "2022-09-30");
    cms.push({
      id: String(6201001 + i),
      name: personName(r, sex, used),
      sex,
      birth,
      branch,
      type,
      urban: branch === "城关支行",
      firstAppointed,
      prevCoefficient: p ? p.prev : null,
      retiring,
      corporate: CORPORATE.includes(i),
      form: p ? between(r, 0.0, 0.25) : between(r, 0.15, 1),
    });
  }
  return cms;
}

const TYPE_SCALE: Record<BranchType, { count: number; income: number; managed: number }> = {
  一类行: { count: 120, income: 2200000, managed: 42000000 },
  二类行: { count: 85, income: 1100000, managed: 21000000 },
  三类行: { count: 55, income: 520000, managed: 9500000 },
};

function managerRows(r: Rand, cms: Cm[]): Cell[][] {
  return cms.map((cm, i) => {
    const s = TYPE_SCALE[cm.type];
    const form = cm.form;
    const loanCount = Math.max(3, Math.round(s.count * between(r, 0.55, 0.8) * (0.5 + form)));
    const income = cents(s.income * between(r, 0.6, 0.8) * (0.2 + 1.3 * form));
    const managed = hundreds(s.managed * between(r, 0.6, 1.4));
    // NPL ratio in %: most below 1%, some above the 1.5% tolerance, a few far above (2.25%)
    const u = r();
    const ratePct =
      u < 0.45
        ? between(r, 0.1, 0.95)
        : u < 0.75
          ? between(r, 1, 1.5)
          : u < 0.9
            ? between(r, 1.55, 2.2)
            : between(r, 2.4, 4.5);
    const newNpl =
      form < 0.2 ? cents((managed * between(r, 2.5, 4)) / 100) : cents((managed * ratePct) / 100);
    const examFails = chance(r, 0.1) ? 1 : 0;
    const penalties = chance(r, 0.12) ? intBetween(r, 1, 2) : 0;
    const criticisms = chance(r, 0.06) ? 1 : 0;
    const serious = i === 7 || i === 33 ? 1 : 0;
    const ret = cm.retiring;
    const corpIdx = CORPORATE.indexOf(i);
    const corp =
      corpIdx >= 0
        ? corporateFields(r, cm, corpIdx)
        : [null, null, null, null, null, null, null, null, null];
    const worked = i === WORKED_EXAMPLE_CM;
    const npI = ret ? (worked ? 800000 : hundreds(between(r, 500000, 1100000))) : null;
    const entI = ret ? (worked ? 2000000 : hundreds(between(r, 800000, 2600000))) : null;
    const funds = ret
      ? worked
        ? [50000, 30000, 40000]
        : [
            hundreds(between(r, 30000, 60000)),
            hundreds(between(r, 15000, 35000)),
            hundreds(between(r, 30000, 60000)),
          ]
      : [null, null, null];
    // a few figures typed the way people type them (all valid): grouped text, full-width digits
    const incomeCell: Cell =
      i === 9 ? T(income.toLocaleString("en-US", { minimumFractionDigits: 2 })) : income;
    const countCell: Cell = i === 41 ? T(toFullWidth(String(loanCount))) : loanCount;
    return [
      cm.id,
      cm.name,
      cm.sex,
      D(cm.birth),
      cm.branch,
      cm.type,
      cm.urban ? "是" : "否",
      i === 20 ? T(cm.firstAppointed.replace(/-0?/g, "/")) : D(cm.firstAppointed),
      cm.prevCoefficient,
      countCell,
      incomeCell,
      newNpl,
      managed,
      examFails,
      penalties,
      criticisms,
      serious,
      ret ? "是" : "否",
      npI,
      entI,
      funds[0],
      funds[1],
      funds[2],
      ...corp,
      POSTS[i] ?? null,
      ...EXIT_FLAGS.map((k) => (k === i ? "是" : null)),
      D(EXTENDED[i] ?? null),
      D(TRAINEES[i]?.[0] ?? null),
      TRAINEES[i]?.[1] ?? null,
      TRAINEES[i]?.[2] ?? null,
    ];
  });
}

function toFullWidth(s: string): string {
  return s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** 现等级 … 诫勉中 for a corporate CM. */
function corporateFields(r: Rand, cm: Cm, k: number): Cell[] {
  const level = CORP_LEVELS[k];
  const assessment = k === 7 ? "基本称职" : k === 9 ? "不称职" : chance(r, 0.3) ? "优秀" : "称职";
  const years =
    k % 4 === 3
      ? null
      : Math.max(1, Math.min(15, 2025 - +cm.firstAppointed.slice(0, 4) - intBetween(r, 0, 2)));
  const examPassed =
    k === 3 || k === 4 || k === 5 || k === 8 || k === 10 ? "是" : chance(r, 0.3) ? "是" : "否";
  const bottom3 = k === 6 ? "是" : "否";
  const tasks = k === 9 ? "否" : "是";
  const share = cents(between(r, 94, 99.5));
  // the normal-class share rose, except: equal to last year (k 4, passes), fell (k 6, 11)
  const prev =
    k === 4
      ? share
      : k === 6 || k === 11
        ? cents(share + 0.4)
        : cents(share - between(r, 0.1, 1.2));
  const admonished = k === 2 || k === 8 ? "是" : "否";
  return [level, assessment, years, examPassed, bottom3, tasks, share, prev, admonished];
}

// ---------------------------------------------------------------- corporate customers

const CUSTOMER_HEADERS = [
  "客户名称",
  "客户经理",
  "日均存款",
  "日均贷款",
  "国际结算额美元",
  "新增日均存款",
  "后三类贷款",
  "欠息",
  "垫款",
];

/** Targets per corporate CM (k = index in CORPORATE): total deposits, biggest share, loans, settlement USD, new deposits. */
const CORP_TARGETS: [number, number, number, number, number][] = [
  [268e6, 0.42, 372e6, 31e6, 52e6], // 高级 qualifies 高级
  [171e6, 0.22, 215e6, 8e6, 33e6], // 一级 qualifies 一级
  [158e6, 0.2, 120e6, 22e6, 31e6], // 一级, admonished
  [92e6, 0.3, 130e6, 12e6, 27e6], // 二级 → 二级 (share equal to last year)
  [262e6, 0.45, 360e6, 32e6, 52e6], // 二级 qualifying 高级 → 破格 candidate
  [45e6, 0.25, 60e6, 2e6, 12e6], // 三级
  [41e6, 0.2, 75e6, 3e6, 16e6], // 三级, bottom-3 two years
  [39e6, 0.2, 40e6, 1e6, 9e6], // 三级, 基本称职
  [20e6, 0.3, 38e6, 0.8e6, 16e6], // 四级
  [12e6, 0.35, 20e6, 0.3e6, 5e6], // 四级, 不称职, below the pass line
  [16e6, 0.4, 18e6, 0, 6e6], // 见习 → 定级 四级
  [11e6, 0.5, 0, 0, 3e6], // 见习 → 续聘 见习
];

function customerRows(r: Rand, cms: Cm[]): Cell[][] {
  const used = new Set<string>();
  const rows: Cell[][] = [];
  CORPORATE.forEach((idx, k) => {
    const cm = cms[idx];
    const [dep, share, loans, settle, newDep] = CORP_TARGETS[k];
    const n = intBetween(r, 4, 9);
    const weights = Array.from({ length: n - 1 }, () => between(r, 0.3, 1));
    const wsum = weights.reduce((a, b) => a + b, 0);
    const deps = [dep * share, ...weights.map((w) => (dep * (1 - share) * w) / wsum)];
    const lns = [
      loans * Math.min(0.45, share + 0.05),
      ...weights.map((w) => (loans * (1 - Math.min(0.45, share + 0.05)) * w) / wsum),
    ];
    for (let j = 0; j < n; j++) {
      const bad = k === 7 && j === 1;
      const arrears = k === 5 && j === 2;
      rows.push([
        enterpriseName(r, used),
        cm.id,
        hundreds(deps[j]),
        hundreds(lns[j]),
        j === 0 ? settle : Math.round(settle * between(r, 0, 0.05)),
        hundreds(j === 0 ? newDep * 0.5 : (newDep * 0.5 * weights[j - 1]) / wsum),
        bad ? "是" : "否",
        arrears ? "是" : "否",
        "否",
      ]);
    }
    // small accounts below every exclusion line (left out of the indicators)
    for (let j = 0; j < 2; j++) {
      rows.push([
        enterpriseName(r, used),
        cm.id,
        hundreds(between(r, 60000, 450000)),
        0,
        0,
        hundreds(between(r, 0, 50000)),
        "否",
        "否",
        k === 9 && j === 0 ? "是" : "否",
      ]);
    }
  });
  return rows;
}

// ---------------------------------------------------------------- loan ledger

const LOAN_HEADERS = [
  "贷款编号",
  "借款人",
  "借款人类型",
  "第一责任人",
  "管理责任人",
  "介绍担保职工",
  "接手责任人",
  "发放日期",
  "到期日期",
  "发放金额",
  "贷款余额",
  "担保方式",
  "配偶或家庭成员担保",
  "五级分类",
  "逾期天数",
  "形成不良年份",
  "已丧失诉讼时效",
  "处置阶段",
  "职工直系亲属",
  "依法起诉",
  // RULES.md rev 2: compensation already paid (A11 第三十六条), exemption (A12), no-spouse certificate (A13 第二十四条)
  "已赔偿金额",
  "免责金额",
  "无配偶证明",
];

interface Loan {
  id: string;
  borrower: string;
  borrowerType: "自然人" | "企业";
  first: string | null;
  manager: string;
  introducer: string | null;
  successor: string | null;
  granted: string;
  maturity: string;
  amount: number;
  balance: number;
  security: "信用" | "保证" | "抵押" | "质押";
  fiveClass: "正常" | "关注" | "次级" | "可疑" | "损失";
  overdue: number;
  nplYear: number | null;
  limitationLost: boolean;
  disposal: "无" | "诉讼" | "执行" | "拍卖" | "处置";
  staffRelative: boolean;
  sued: boolean;
  /** 已赔偿金额 (rev 2) */
  compensated?: number;
}

let loanSeq = 0;
function loanId(granted: string): string {
  loanSeq += 1;
  return `JJ${granted.slice(0, 4)}${String(loanSeq).padStart(5, "0")}`;
}

/** Overdue days at the assessment date for a loan past its maturity. */
function overdueAt(maturity: string): number {
  return Math.max(0, daysBetween(maturity, ASSESS));
}

function randomLoan(r: Rand, cm: Cm, used: Set<string>): Loan {
  const natural = chance(r, cm.type === "三类行" ? 0.85 : cm.type === "二类行" ? 0.7 : 0.45);
  const borrower = natural
    ? personName(r, chance(r, 0.7) ? "男" : "女", used)
    : enterpriseName(r, used);
  const u = r();
  const fiveClass: Loan["fiveClass"] =
    u < 0.72 ? "正常" : u < 0.82 ? "关注" : u < 0.9 ? "次级" : u < 0.96 ? "可疑" : "损失";
  const npl = fiveClass === "次级" || fiveClass === "可疑" || fiveClass === "损失";
  const scale = cm.type === "一类行" ? 1 : cm.type === "二类行" ? 0.55 : 0.3;
  // bad loans are mostly the smaller ones (a county's NPL book is many small loans)
  const badScale = npl ? 0.15 : 1;
  const amount = hundreds(
    (natural ? between(r, 20000, 480000) * scale + 10000 : between(r, 400000, 6000000) * scale) *
      badScale
  );
  const termMonths = natural ? pick(r, [12, 24, 36]) : pick(r, [12, 24, 36, 60]);
  let granted: string;
  let maturity: string;
  let overdue = 0;
  if (npl) {
    // past due: by 90 days to several years
    const lateBy =
      fiveClass === "次级"
        ? intBetween(r, 90, 420)
        : fiveClass === "可疑"
          ? intBetween(r, 200, 1500)
          : intBetween(r, 500, 4800);
    maturity = addDays(ASSESS, -lateBy);
    granted = addMonths(maturity, -termMonths);
    overdue = lateBy;
  } else if (fiveClass === "关注") {
    const lateBy = chance(r, 0.15)
      ? intBetween(r, 370, 700)
      : chance(r, 0.5)
        ? intBetween(r, 1, 89)
        : 0;
    maturity = lateBy > 0 ? addDays(ASSESS, -lateBy) : randomDate(r, "2026-01-15", "2027-12-20");
    granted = addMonths(maturity, -termMonths);
    if (granted > ASSESS) granted = addDays(ASSESS, -intBetween(r, 30, 300));
    overdue = lateBy;
  } else {
    maturity = randomDate(r, "2026-01-10", "2029-06-30");
    granted = addMonths(maturity, -termMonths);
    if (granted > ASSESS) granted = addDays(ASSESS, -intBetween(r, 5, 300));
  }
  const balance = hundreds(amount * (npl ? between(r, 0.35, 1) : between(r, 0.25, 1)));
  const security: Loan["security"] = natural
    ? amount <= 100000 && chance(r, 0.35)
      ? "信用"
      : chance(r, 0.6)
        ? "保证"
        : "抵押"
    : chance(r, 0.4)
      ? "保证"
      : chance(r, 0.75)
        ? "抵押"
        : "质押";
  const securedNpl = npl && (security === "抵押" || security === "质押");
  const disposal: Loan["disposal"] = securedNpl
    ? pick(r, ["诉讼", "执行", "拍卖", "处置", "无"] as const)
    : npl && chance(r, 0.3)
      ? "诉讼"
      : "无";
  const nplFormed =
    npl || overdue > 365 ? Math.min(2025, +addDays(maturity, 90).slice(0, 4)) : null;
  return {
    id: loanId(granted),
    borrower,
    borrowerType: natural ? "自然人" : "企业",
    first: cm.id,
    manager: cm.id,
    introducer: null,
    successor: null,
    granted,
    maturity,
    amount,
    balance,
    security,
    fiveClass,
    overdue,
    nplYear: nplFormed,
    limitationLost: npl && overdue > 1100 && chance(r, 0.5),
    disposal,
    staffRelative: false,
    sued: disposal !== "无",
  };
}

/** The hand-made loans of a retiring CM: every bucket of RULES.md A11 (2005/2006/2010/2011 formation years …). */
function retiringLoans(r: Rand, cm: Cm, cms: Cm[], used: Set<string>, variant: number): Loan[] {
  const other = (k: number) => cms[(cms.indexOf(cm) + k) % cms.length].id;
  const mk = (
    o: Partial<Loan> &
      Pick<Loan, "granted" | "maturity" | "amount" | "balance" | "security" | "fiveClass">
  ): Loan => {
    const natural = o.borrowerType ? o.borrowerType === "自然人" : o.amount < 500000;
    return {
      id: loanId(o.granted),
      borrower: natural ? personName(r, "男", used) : enterpriseName(r, used),
      borrowerType: natural ? "自然人" : "企业",
      first: cm.id,
      manager: cm.id,
      introducer: null,
      successor: null,
      overdue: overdueAt(o.maturity),
      nplYear: null,
      limitationLost: false,
      disposal: "无",
      staffRelative: false,
      sued: false,
      ...o,
    };
  };
  if (cms.indexOf(cm) === WORKED_EXAMPLE_CM) {
    // RULES.md A11 worked example (T = 180,000; funds 50,000 / 30,000 / 40,000 → 115,000.00, no shortfall)
    return [
      mk({
        granted: "2003-05-01",
        maturity: "2004-05-01",
        amount: 250000,
        balance: 200000,
        security: "信用",
        fiveClass: "损失",
        nplYear: 2004,
        limitationLost: true,
        borrowerType: "企业",
      }),
      mk({
        granted: "2007-03-01",
        maturity: "2008-03-01",
        amount: 350000,
        balance: 300000,
        security: "保证",
        fiveClass: "可疑",
        nplYear: 2008,
        borrowerType: "企业",
      }),
      mk({
        granted: "2014-06-01",
        maturity: "2015-06-01",
        amount: 180000,
        balance: 150000,
        security: "信用",
        fiveClass: "可疑",
        nplYear: 2015,
        borrowerType: "自然人",
      }),
      mk({
        granted: "2018-01-10",
        maturity: "2019-01-10",
        amount: 300000,
        balance: 250000,
        security: "抵押",
        fiveClass: "次级",
        nplYear: 2019,
        disposal: "诉讼",
        sued: true,
        borrowerType: "企业",
      }),
    ];
  }
  const v = variant * 7;
  const loans: Loan[] = [
    // formed 2004/2005: 5%; lost limitation first in the priority order
    mk({
      granted: iso(2002 + (variant % 2), 5, 10 + v),
      maturity: iso(2004, 5, 10 + v),
      amount: 260000,
      balance: 200000 + v * 1000,
      security: "信用",
      fiveClass: "损失",
      nplYear: 2004,
      limitationLost: true,
    }),
    // variant 1 has already paid part of this loan under the annual compensation (A11 第三十六条: credited)
    mk({
      granted: iso(2003, 8, 1 + v),
      maturity: iso(2005, 8, 1 + v),
      amount: 150000,
      balance: 120000,
      security: "保证",
      fiveClass: "可疑",
      nplYear: 2005,
      ...(variant === 1 ? { compensated: 2500 } : {}),
    }),
    // formed 2006 and 2010: 10%
    mk({
      granted: iso(2004, 11, 2 + v),
      maturity: iso(2006, 5, 2 + v),
      amount: 400000,
      balance: 300000 - v * 1000,
      security: "保证",
      fiveClass: "损失",
      nplYear: 2006,
    }),
    mk({
      granted: iso(2008, 3, 3 + v),
      maturity: iso(2010, 3, 3 + v),
      amount: 800000,
      balance: 520000,
      security: "抵押",
      fiveClass: "可疑",
      nplYear: 2010,
      disposal: "执行",
      sued: true,
    }),
    // formed 2011 or later: 5% within tolerance, 30% above
    mk({
      granted: iso(2009, 6, 12),
      maturity: iso(2011, 6, 12),
      amount: 300000,
      balance: 180000,
      security: "信用",
      fiveClass: "损失",
      nplYear: 2011,
      borrowerType: "自然人",
    }),
    mk({
      granted: iso(2014, 6, 1 + v),
      maturity: iso(2016, 6, 1 + v),
      amount: 200000,
      balance: 150000,
      security: "信用",
      fiveClass: "可疑",
      nplYear: 2016,
      borrowerType: "自然人",
    }),
    mk({
      granted: iso(2018, 1, 10 + v),
      maturity: iso(2021, 1, 10 + v),
      amount: 2600000,
      balance: 1850000 + v * 10000,
      security: "抵押",
      fiveClass: "次级",
      nplYear: 2021,
      disposal: "诉讼",
      sued: true,
      borrowerType: "企业",
    }),
    // a mortgage overdue ≤ 365 days: disposal grace, not responsible NPL
    mk({
      granted: iso(2023, 7, 20),
      maturity: iso(2025, 7, 20),
      amount: 900000,
      balance: 880000,
      security: "抵押",
      fiveClass: "次级",
      nplYear: 2025,
      borrowerType: "企业",
    }),
    // a staff member's direct relative: 100%
    mk({
      granted: iso(2016, 9, 9),
      maturity: iso(2018, 9, 9),
      amount: 120000,
      balance: 95000,
      security: "保证",
      fiveClass: "损失",
      nplYear: 2018,
      staffRelative: true,
      borrowerType: "自然人",
    }),
    // introduced by another staff member: the introducer's, not this CM's (before / after 2008-01-01)
    mk({
      granted: iso(2006, 4, 18),
      maturity: iso(2008, 4, 18),
      amount: 180000,
      balance: 160000,
      security: "保证",
      fiveClass: "损失",
      nplYear: 2008,
      introducer: other(5),
      borrowerType: "自然人",
    }),
    mk({
      granted: iso(2019, 10, 8),
      maturity: iso(2022, 10, 8),
      amount: 350000,
      balance: 300000,
      security: "保证",
      fiveClass: "可疑",
      nplYear: 2022,
      introducer: other(6),
      borrowerType: "自然人",
    }),
    // undue loans: one taken over by a volunteer CM, one that nobody takes over
    mk({
      granted: iso(2025, 3, 15),
      maturity: iso(2027, 3, 15),
      amount: 500000,
      balance: 450000,
      security: "保证",
      fiveClass: "正常",
      successor: other(1),
      borrowerType: "企业",
    }),
    mk({
      granted: iso(2024, 9, 1),
      maturity: iso(2026, 9, 1),
      amount: 260000,
      balance: 240000,
      security: "抵押",
      fiveClass: "正常",
      borrowerType: "自然人",
    }),
  ];
  // a pledge loan overdue > 365 days in auction (escrow, 暂存)
  if (variant % 2 === 0)
    loans.push(
      mk({
        granted: iso(2020, 2, 2),
        maturity: iso(2023, 2, 2),
        amount: 1200000,
        balance: 640000,
        security: "质押",
        fiveClass: "可疑",
        nplYear: 2023,
        disposal: "拍卖",
        sued: true,
        borrowerType: "企业",
      })
    );
  return loans;
}

/** Loans granted before 1999: nobody's responsible NPL (RULES.md A6). */
function oldLoans(r: Rand, cms: Cm[], used: Set<string>): Loan[] {
  const out: Loan[] = [];
  for (let k = 0; k < 16; k++) {
    const granted = iso(intBetween(r, 1993, 1998), intBetween(r, 1, 12), intBetween(r, 1, 28));
    const maturity = addMonths(granted, pick(r, [12, 24, 36]));
    const natural = chance(r, 0.6);
    const amount = hundreds(natural ? between(r, 5000, 80000) : between(r, 200000, 1500000));
    const cm = pick(r, cms);
    out.push({
      id: loanId(granted),
      borrower: natural ? personName(r, "男", used) : enterpriseName(r, used),
      borrowerType: natural ? "自然人" : "企业",
      // most have no first responsible person; some were filled in later from the old files
      first: k % 4 === 0 ? cm.id : null,
      manager: cm.id,
      introducer: null,
      successor: null,
      granted,
      maturity,
      amount,
      balance: hundreds(amount * between(r, 0.4, 1)),
      security: natural ? (amount < 50000 ? "信用" : "保证") : "抵押",
      fiveClass: pick(r, ["可疑", "损失", "损失"] as const),
      overdue: overdueAt(maturity),
      nplYear: Math.min(2002, +maturity.slice(0, 4) + 1),
      limitationLost: chance(r, 0.7),
      disposal: "无",
      staffRelative: false,
      sued: false,
    });
  }
  return out;
}

function makeLoans(r: Rand, cms: Cm[]): Loan[] {
  const used = new Set<string>(cms.map((c) => c.name));
  const loans: Loan[] = [];
  cms.forEach((cm, i) => {
    const n = cm.type === "一类行" ? 11 : cm.type === "二类行" ? 10 : 9;
    for (let k = 0; k < n; k++) {
      const loan = randomLoan(r, cm, used);
      // another CM manages a few loans (taken over, 接管)
      if (chance(r, 0.06)) loan.manager = cms[(i + 1) % cms.length].id;
      // a few loans introduced or guaranteed by another staff member
      if (chance(r, 0.03)) loan.introducer = cms[(i + 7) % cms.length].id;
      // a few borrowers are staff relatives (never on credit terms, 第二十六条)
      if (chance(r, 0.02)) {
        loan.staffRelative = true;
        if (loan.security === "信用") loan.security = "保证";
      }
      // a retiring CM's undue loans are mostly taken over by a colleague (接手责任人, 第五十二条);
      // the CM of the worked example (WORKED_EXAMPLE_CM) has handed over all of his own
      if (
        cm.retiring &&
        loan.maturity > ASSESS &&
        loan.fiveClass === "正常" &&
        (i === WORKED_EXAMPLE_CM || chance(r, 0.8))
      ) {
        loan.successor = cms[(i + 2) % cms.length].id;
      }
      if (i === WORKED_EXAMPLE_CM && loan.successor === null) continue;
      loans.push(loan);
    }
  });
  RETIRING.forEach((idx, v) => loans.push(...retiringLoans(r, cms[idx], cms, used, v)));
  loans.push(...oldLoans(r, cms, used));
  // an NPL book heavy enough for yellow cards (> 1,000,000 responsible NPL)
  [4, 27, 47].forEach((idx, k) => {
    const cm = cms[idx];
    const granted = iso(2019 + k, 4, 16);
    loans.push({
      id: loanId(granted),
      borrower: enterpriseName(r, used),
      borrowerType: "企业",
      first: cm.id,
      manager: cm.id,
      introducer: null,
      successor: null,
      granted,
      maturity: addMonths(granted, 36),
      amount: 1800000 - k * 200000,
      balance: 1350000 - k * 150000,
      security: "保证",
      fiveClass: "可疑",
      overdue: overdueAt(addMonths(granted, 36)),
      nplYear: 2019 + k + 3,
      limitationLost: false,
      disposal: "诉讼",
      staffRelative: false,
      sued: true,
    });
  });
  return loans;
}

function loanRows(loans: Loan[]): Cell[][] {
  const rows: Cell[][] = loans.map((l) => [
    l.id,
    l.borrower,
    l.borrowerType,
    l.first,
    l.manager,
    l.introducer,
    l.successor,
    D(l.granted),
    D(l.maturity),
    l.amount,
    l.balance,
    l.security,
    l.borrowerType === "自然人" && l.amount >= 10000
      ? "是"
      : l.borrowerType === "自然人"
        ? "否"
        : null,
    l.fiveClass,
    l.overdue,
    l.nplYear,
    l.limitationLost ? "是" : "否",
    l.disposal,
    l.staffRelative ? "是" : "否",
    l.sued ? "是" : "否",
    l.compensated ?? null,
    null,
    null,
  ]);
  // rev 2 cases: a loan formed in 2014 (A12 in 2025 buys out Y − 11 = 2014) with a part exempted;
  // a natural person's loan without a family guarantor but with a no-spouse certificate (no finding),
  // and one without either (a 第二十四条 compliance finding)
  const formed2014 = loans.findIndex((l) => l.nplYear === 2014);
  if (formed2014 >= 0) rows[formed2014][21] = Math.round(loans[formed2014].balance * 0.25);
  const natural = loans
    .map((l, i) => (l.borrowerType === "自然人" && l.amount >= 10000 && l.first !== null ? i : -1))
    .filter((i) => i >= 0);
  rows[natural[3]][12] = "否";
  rows[natural[3]][22] = "是";
  rows[natural[7]][12] = "否";
  // typed the way people type them (valid): a grouped amount, dates as text
  rows[5][9] = T(Number(rows[5][9]).toLocaleString("en-US"));
  rows[8][7] = T(
    (rows[8][7] as { date: string }).date.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, "$1年$2月$3日")
  );
  rows[13][8] = T(
    (rows[13][8] as { date: string }).date.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, "$1/$2/$3")
  );
  // the deliberate data errors (DELIBERATE_ERRORS)
  rows[60][10] = "3.5万";
  rows[97][13] = "呆滞";
  rows[155][3] = "6201099";
  rows[212][7] = { date: "2026-03-18" };
  return rows;
}

// ---------------------------------------------------------------- error log

const ERROR_HEADERS = ["员工号", "日期", "条款", "次数", "加重扣分", "说明"];

const ERROR_NOTES: Record<string, string[]> = {
  "1.1": ["未经审批先行放款", "柜面代客签字"],
  "1.3": ["跨支行争揽存款客户"],
  "2.1": ["三季度未按计划走访重点客户", "走访记录未及时上报"],
  "2.2": ["客户档案未按月归档"],
  "2.4": ["月度工作报告未按时提交"],
  "3.1a": ["贷前资料缺少财务报表"],
  "3.2a": ["抵押物未现场查看，存在风险隐患"],
  "3.2b": ["抵押登记手续不全，存在风险"],
  "3.3": ["调查报告内容过于简单"],
  "3.5a": ["信贷档案未及时归档"],
  "3.6": ["未跟踪贷款资金用途"],
  "3.7": ["贷后检查逾期两个月"],
  "3.9": ["贷后检查报告缺项"],
  "3.11a": ["未提前通知客户付息"],
  "3.12": ["五级分类调整不及时"],
  "3.17b": ["个人贷款未实地调查，存在风险"],
  "3.18": ["贷款合同要素填写不全"],
  "4.2": ["未制定重点客户服务方案"],
  "4.3": ["客户投诉服务态度恶劣"],
};

function errorRows(r: Rand, cms: Cm[]): Cell[][] {
  const rows: Cell[][] = [];
  const items = Object.keys(ERROR_NOTES);
  for (let k = 0; k < 38; k++) {
    const cm = pick(r, cms);
    const item = pick(r, items);
    const count = chance(r, 0.45) ? null : intBetween(r, 1, 3);
    const aggravate =
      (item === "1.1" || item === "3.2b") && chance(r, 0.5) ? intBetween(r, 2, 5) : null;
    rows.push([
      cm.id,
      D(randomDate(r, "2025-01-06", "2025-12-20")),
      item,
      count,
      aggravate,
      pick(r, ERROR_NOTES[item]),
    ]);
  }
  // 借新还旧 scored as the item it breaks (RULES.md C 3.15)
  rows.push([cms[11].id, D("2025-05-21"), "3.15/3.3", 1, null, "借新还旧未按新贷款撰写调查报告"]);
  rows.push([cms[38].id, D("2025-09-02"), "3.15/3.3", 2, null, "借新还旧未重新调查"]);
  // disqualifying items (✕)
  rows.push([cms[33].id, D("2025-08-14"), "1.5", 1, null, "与客户串通虚增存款"]);
  rows.push([cms[50].id, D("2025-11-03"), "3.14b", 1, null, "贷后管理不落实，形成重大损失"]);
  // rev 2: the disqualifying variants of 1.1 and 1.2 (A8 reason 8 for a credit CM, B4 step 0 for a corporate CM)
  rows.push([cms[40].id, D("2025-06-18"), "1.1b", 1, null, "违规操作，情节恶劣"]);
  rows.push([cms[21].id, D("2025-10-09"), "1.2b", 1, null, "越权允诺客户，情节恶劣"]);
  // dated in the previous year: not counted in 2025
  rows.push([cms[2].id, D("2024-12-18"), "2.1", 2, null, "上年度走访未达标"]);
  rows.push([cms[25].id, D("2024-11-30"), "3.7", 1, null, "上年度贷后检查逾期"]);
  return rows;
}

// ---------------------------------------------------------------- warning log

const WARNING_HEADERS = [
  "贷款编号",
  "预警类型",
  "预警级别",
  "风险金额",
  "到期日期",
  "发现日期",
  "支行上报日期",
  "分行上报日期",
];

function warningRows(r: Rand, loans: Loan[]): Cell[][] {
  const current = loans.filter(
    (l) => l.granted >= "2022-01-01" && l.granted <= ASSESS && l.fiveClass !== "损失"
  );
  const loan = () => pick(r, current).id;
  const rows: Cell[][] = [];
  // 到期: [amount, maturity, found, branch report, office report]; covers each band, late and on time
  const due: [number, string, string, string, string | null, "黄色" | "橙色" | "红色"][] = [
    [380000, "2025-03-31", "2025-03-01", "2025-03-04", null, "黄色"], // < 1M: by M − 25 (03-06) → on time
    [650000, "2025-05-20", "2025-04-20", "2025-04-28", null, "黄色"], // by 04-25 → late
    [720000, "2025-06-30", "2025-06-10", "2025-06-11", null, "黄色"], // found after M − 25 → late (literal reading)
    [2300000, "2025-08-31", "2025-07-20", "2025-07-30", "2025-07-31", "橙色"], // by M − 30 (08-01) → on time
    [1800000, "2025-09-30", "2025-08-20", "2025-09-03", "2025-09-04", "橙色"], // by 08-31 → late
    [4200000, "2025-10-31", "2025-10-15", "2025-10-17", "2025-10-19", "橙色"], // found later: F + 2 (10-17) → on time; office late
    [3100000, "2025-11-30", "2025-11-12", "2025-11-16", "2025-11-17", "橙色"], // found later: by 11-14 → late
    [8600000, "2025-07-31", "2025-06-20", "2025-06-30", "2025-07-01", "红色"], // ≥ 5M: by 07-01 → on time
    [12500000, "2025-12-20", "2025-12-01", "2025-12-02", "2025-12-03", "红色"], // found later: F + 1 → on time; office on time
    [6000000, "2025-09-15", "2025-09-01", "2025-09-03", "2025-09-04", "红色"], // found later: by 09-02 → late
  ];
  for (const [amount, m, f, b, o, level] of due)
    rows.push([loan(), "到期", level, amount, D(m), D(f), D(b), D(o)]);
  // other types: F + 2 days (arrears, group, financials), F + 1 day (major event, always 红色)
  const other: ["欠息" | "重大事项" | "关联企业" | "财务异常", number, number, number | null][] = [
    ["欠息", 150000, 2, null],
    ["欠息", 1200000, 3, 2],
    ["欠息", 60000, 1, null],
    ["重大事项", 5200000, 1, 1],
    ["重大事项", 2000000, 2, 1],
    ["关联企业", 3500000, 2, 1],
    ["关联企业", 900000, 4, null],
    ["财务异常", 7800000, 2, 1],
    ["财务异常", 1500000, 2, 3],
  ];
  for (const [type, amount, lag, officeLag] of other) {
    const f = randomDate(r, "2025-02-01", "2025-11-20");
    const b = addDays(f, lag);
    const level =
      type === "重大事项"
        ? "红色"
        : amount >= 5000000
          ? "红色"
          : amount >= 1000000
            ? "橙色"
            : "黄色";
    rows.push([
      loan(),
      type,
      level,
      amount,
      null,
      D(f),
      D(b),
      officeLag === null ? null : D(addDays(b, officeLag)),
    ]);
  }
  // rev 2 types: the 后三类 forecast (by the last day of the month found), and the management warnings judged on
  // the branch office's report: 越权放贷 F + 1 day, 未落实贷款条件 F + 2 days
  const rev2: [string, "黄色" | "橙色" | "红色", number, string, string | null, string | null][] = [
    ["后三类预测", "橙色", 1600000, "2025-04-30", "2025-04-30", "2025-05-01"], // found 04-30, by 04-30 → on time
    ["后三类预测", "黄色", 420000, "2025-08-29", "2025-09-01", null], // by 08-31 → late
    ["越权放贷", "橙色", 2500000, "2025-05-12", null, "2025-05-13"], // by 05-13 → on time
    ["越权放贷", "红色", 5600000, "2025-07-07", null, "2025-07-09"], // by 07-08 → late
    ["未落实贷款条件", "黄色", 800000, "2025-10-20", null, "2025-10-22"], // by 10-22 → on time
    ["未落实贷款条件", "橙色", 1300000, "2025-11-03", null, "2025-11-06"], // by 11-05 → late
  ];
  for (const [type, level, amount, f, b, o] of rev2)
    rows.push([loan(), type, level, amount, null, D(f), D(b), D(o)]);
  return rows;
}

// ---------------------------------------------------------------- policy sheet

/** The 政策参数 sheet as the add-in writes it (src/policy/sheet.ts), with this year's figures set. */
export function samplePolicy(): Policy {
  const p = defaultPolicy(SAMPLE_YEAR);
  p.nplToleranceRatePct = 1.5;
  p.usdCnyRate = 7.1;
  return p;
}

function policySheet(): SampleSheet {
  const m = policySheetModel(samplePolicy());
  return {
    name: m.name,
    headers: m.columns.map((c) => c.header),
    rows: m.rows as Cell[][],
    widths: m.columns.map((c) => c.width ?? 12),
  };
}

// ---------------------------------------------------------------- assemble and write

export function buildSample(seed = 20251231): SampleSheet[] {
  loanSeq = 0;
  const r = prng(seed);
  const cms = makeManagers(r);
  const managers = managerRows(r, cms);
  const loans = makeLoans(r, cms);
  return [
    { name: "客户经理", headers: MANAGER_HEADERS, rows: managers },
    { name: "贷款台账", headers: LOAN_HEADERS, rows: loanRows(loans) },
    { name: "公司客户", headers: CUSTOMER_HEADERS, rows: customerRows(r, cms) },
    { name: "差错记录", headers: ERROR_HEADERS, rows: errorRows(r, cms) },
    { name: "风险预警", headers: WARNING_HEADERS, rows: warningRows(r, loans) },
    policySheet(),
  ];
}

const FIXED_DATE = new Date(Date.UTC(2026, 0, 5, 9, 0, 0));
const MONEY_HEADERS = new Set([
  "当年贷款利息收入",
  "新增不良贷款余额",
  "年末管理贷款总额",
  "近三年自然人贷款利息收入",
  "近三年企业贷款利息收入",
  "风险考核基金余额",
  "岗位风险金余额",
  "退休当年效益工资",
  "发放金额",
  "贷款余额",
  "日均存款",
  "日均贷款",
  "国际结算额美元",
  "新增日均存款",
  "风险金额",
  "已赔偿金额",
  "免责金额",
]);

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1;
  return w;
}

export async function writeSample(outPath: string, seed?: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "cm-addin examples/make-sample.ts";
  wb.lastModifiedBy = "cm-addin";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const s of buildSample(seed)) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.addRow(s.headers).font = { bold: true };
    for (const row of s.rows) {
      ws.addRow(
        row.map((c) =>
          c !== null && typeof c === "object"
            ? "date" in c
              ? new Date(c.date + "T00:00:00Z")
              : c.text
            : c
        )
      );
    }
    s.headers.forEach((h, j) => {
      const col = ws.getColumn(j + 1);
      const longest = Math.max(
        displayWidth(h),
        ...s.rows.slice(0, 200).map((row) => displayWidth(cellText(row[j])))
      );
      col.width = s.widths?.[j] ?? Math.min(40, Math.max(8, longest + 2));
      if (MONEY_HEADERS.has(h)) col.numFmt = "#,##0.00";
    });
    // date cells get a date format wherever they are (a text date stays text)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = "yyyy-mm-dd";
      })
    );
  }
  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  // ExcelJS stamps each zip entry with the current time: re-zip with a fixed date
  const zip = await JSZip.loadAsync(raw);
  const out = new JSZip();
  for (const name of Object.keys(zip.files)) {
    const f = zip.files[name];
    if (f.dir) continue;
    out.file(name, await f.async("uint8array"), { date: FIXED_DATE, createFolders: false });
  }
  const buf = await out.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
    platform: "UNIX",
  });
  const fs = await import("fs");
  fs.writeFileSync(outPath, buf);
  return buf;
}

function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return "";
  if (typeof c === "object") return "date" in c ? c.date : c.text;
  return String(c);
}

if (require.main === module) {
  const out = process.argv[2] ?? path.join(__dirname, "sample.xlsx");
  writeSample(out).then(
    (buf) => console.log(`已生成示例工作簿 ${out}（${buf.length} 字节）/ wrote ${out}`),
    (e) => {
      console.error(e);
      process.exit(1);
    }
  );
}

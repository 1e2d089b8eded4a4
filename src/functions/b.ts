/**
 * Custom functions of rule set B（公司客户经理六级等级，RULES.md B）.
 * Each function: Chinese JSDoc (`@customfunction ID`, zh-CN help in functions.json), a one-line
 * body calling a `defineFunction(spec, impl)` of ./args.ts; English help in ./b.en.ts.
 * The build (CustomFunctionsMetadataPlugin) reads this file and registers every function.
 */
import { RuleError, valueError } from "../core/errors";
import type { RawCell } from "../core/parse";
import type { IsoDate } from "../core/dates";
import type { Dec } from "../core/money";
import { recordOf } from "../core/record";
import { CORP_LEVELS } from "../core/rows";
import type { CorpLevelName } from "../core/rows";
import {
  allowance,
  assessLevel,
  checkLevel,
  CustomerInput,
  decide,
  DisqualifyingInput,
  LevelCheck,
  LevelManagerInput,
  passLine,
  requireDecided,
  triggers,
} from "../rules/b";
import { catalogueItem, parseItemCode } from "../rules/c";
import { renderStep } from "../rules/explain";
import { ASSESSMENT_VALUES, STAFF_GRADE_VALUES } from "../reader/schema";
import { defineFunction, FnContext, YEAR_ARG } from "./args";

/** Other spellings of a level besides “<等级>客户经理”. */
const LEVEL_ALIASES: Partial<Record<CorpLevelName, readonly string[]>> = {
  一级: ["1级"],
  二级: ["2级"],
  三级: ["3级"],
  四级: ["4级"],
};
/** A level argument: the levels of B 第三条 (core CORP_LEVELS), also spelt 一级客户经理, 1级 …. */
const LEVEL_ENUM: Record<CorpLevelName, readonly string[]> = recordOf(CORP_LEVELS, (l) => [
  `${l}客户经理`,
  ...(LEVEL_ALIASES[l] ?? []),
]);
const QUALIFIED_ENUM = { ...LEVEL_ENUM, 无: ["未达标", "none"] } as const;
const NEXT_LEVEL_ENUM = { ...LEVEL_ENUM, 退出: ["退出客户经理序列"] } as const;
const ASSESSMENT_ENUM = ASSESSMENT_VALUES;

/** The per-customer ranges of CM.LEVEL and CM.LEVELCHECK (one row per customer). */
const CUSTOMER_ARGS = [
  { name: "deposits", zh: "各客户日均存款", type: "amount", range: true },
  { name: "loans", zh: "各客户日均贷款", type: "amount", range: true },
  { name: "settlement", zh: "各客户年国际结算额（美元）", type: "number", range: true, min: 0 },
  { name: "newDeposits", zh: "各客户年新增日均存款", type: "amount", range: true },
  { name: "normalShare", zh: "正常类贷款占比", type: "number", min: 0 },
  { name: "normalSharePrev", zh: "上年正常类贷款占比", type: "number", min: 0 },
  { name: "badLoans", zh: "各客户是否有后三类贷款", type: "yesno", range: true, optional: true },
  { name: "arrears", zh: "各客户是否欠息", type: "yesno", range: true, optional: true },
  { name: "advances", zh: "各客户是否垫款", type: "yesno", range: true, optional: true },
  { name: "tenure", zh: "连续营销年限", type: "number", optional: true, min: 0 },
  { name: "firstAppointed", zh: "首次任职日期", type: "date", optional: true },
] as const;

interface CustomerArgs {
  deposits: (Dec | null)[];
  loans: (Dec | null)[];
  settlement: (number | null)[];
  newDeposits: (Dec | null)[];
  normalShare: number;
  normalSharePrev: number;
  badLoans: (boolean | null)[];
  arrears: (boolean | null)[];
  advances: (boolean | null)[];
  tenure: number | null;
  firstAppointed: IsoDate | null;
}

/** A per-customer range: as long as `deposits`, or left blank (then every customer is blank). */
function aligned<T>(list: (T | null)[], n: number, name: string, zh: string): (T | null)[] {
  if (list.length === n) return list;
  if (list.every((x) => x === null)) return new Array<T | null>(n).fill(null);
  throw valueError(
    `参数 ${name}（${zh}）应与参数 deposits 行数相同（${n} 行），实为 ${list.length} 行`,
    `argument ${name} must have as many rows as deposits (${n}), got ${list.length}`
  );
}

/**
 * Ranges → customers. Rows blank in every amount column and with no 是 flag are skipped (a
 * selection longer than the data); a row that flags 后三类/欠息/垫款 is a customer (condition (2)
 * looks at ALL customers), so its blank deposit is reported, never dropped.
 */
function customersOf(a: CustomerArgs): { customers: CustomerInput[]; mgr: LevelManagerInput } {
  const n = a.deposits.length;
  const loans = aligned(a.loans, n, "loans", "各客户日均贷款");
  const usd = aligned(a.settlement, n, "settlement", "各客户年国际结算额");
  const fresh = aligned(a.newDeposits, n, "newDeposits", "各客户年新增日均存款");
  const bad = aligned(a.badLoans, n, "badLoans", "各客户是否有后三类贷款");
  const arr = aligned(a.arrears, n, "arrears", "各客户是否欠息");
  const adv = aligned(a.advances, n, "advances", "各客户是否垫款");
  const customers: CustomerInput[] = [];
  for (let i = 0; i < n; i++) {
    const flagged = bad[i] === true || arr[i] === true || adv[i] === true;
    if (
      a.deposits[i] === null &&
      loans[i] === null &&
      usd[i] === null &&
      fresh[i] === null &&
      !flagged
    )
      continue;
    customers.push({
      customer: `第 ${i + 1} 行`,
      deposits: a.deposits[i],
      loans: loans[i],
      settlementUsd: usd[i],
      newDeposits: fresh[i],
      badLoans: bad[i],
      arrears: arr[i],
      advances: adv[i],
    });
  }
  const mgr: LevelManagerInput = {
    marketingYears: a.tenure,
    firstAppointed: a.firstAppointed,
    normalShare: a.normalShare,
    normalSharePrev: a.normalSharePrev,
  };
  return { customers, mgr };
}

const NA = "不适用";

function checkRow(ch: LevelCheck, ctx: FnContext): (string | number)[] {
  const ind = ch.indicators;
  const trainee = ch.level === "见习";
  const status = (i: number) => (trainee && i > 0 ? NA : ch.business[i].status);
  return [
    ch.level,
    ind.included,
    ctx.amountOut(ind.deposits),
    status(0),
    ctx.amountOut(ind.loans),
    status(1),
    ind.settlementUsd.toDecimalPlaces(2).toNumber(),
    status(2),
    ctx.amountOut(ind.newDeposits),
    status(3),
    ch.businessMet,
    ch.needed,
    ch.quality ? ch.quality.status : NA,
    ch.tenure ? ch.tenure.status : NA,
    ch.qualifies ? "达标" : ch.rateDecides ? "汇率未设置" : "未达标",
  ];
}

const CHECK_HEADERS = [
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
];

const LEVEL = defineFunction(
  { id: "LEVEL", params: [...CUSTOMER_ARGS, YEAR_ARG] as const },
  (a, ctx) => {
    const { customers, mgr } = customersOf(a);
    return requireDecided(assessLevel(customers, mgr, ctx.policy), ctx.policy);
  }
);

/**
 * 按业务指标评定公司客户经理的达标等级（第十一条 二、第九条）：对每个等级先剔除日均存款低于该等级排除线的客户（恰在线上的计入），
 * 再看条件 a 日均存款（含单户最低）、b 日均贷款（含单户最低）、c 年国际结算额、d 年新增日均存款满足的项数，
 * 以及条件(2)（全部客户无后三类、欠息、垫款，正常类占比须高于上年——解释：全部为正常类（占比为一）视为满足，无授信客户（各客户日均贷款均为 0）的也视为满足）和连续营销年限。
 * 解释：三级、四级条件 a 按日均存款计；四级条件 c 按人民币计，以政策“美元兑人民币汇率”折算；汇率未设置时该项不满足，若达标等级因此而定（有结算额且四级其他条件均满足）则返回 #N/A 并说明缺少汇率。
 * 各等级的排除线、日均存款、日均贷款、国际结算、新增日均存款、需满足条件数与连续营销年限取政策参数 B.<等级>.*（数字见帮助页“本年度政策数字”）。见习：日均存款（单户达到 B.见习.剔除线 的客户）不低于 B.见习.日均存款，不考核条件(2)。取全部条件满足的最高等级。金额按本工作簿金额单位填写；金额全空且无“是”标记的行跳过；后三类、欠息、垫款留空视为否。
 * @customfunction LEVEL
 * @param {any[][]} deposits 各客户日均存款（一列，不含协议存款）
 * @param {any[][]} loans 各客户日均贷款（一列，与 deposits 行数相同）
 * @param {any[][]} settlement 各客户年国际结算额，美元（一列，不随金额单位换算）
 * @param {any[][]} newDeposits 各客户年新增日均存款（一列）
 * @param {any} normalShare 本年正常类贷款占比（与上年同一口径，如 98 或 98%）
 * @param {any} normalSharePrev 上年正常类贷款占比
 * @param {any[][]} [badLoans] 各客户是否有后三类贷款（是/否，可选）
 * @param {any[][]} [arrears] 各客户是否欠息（是/否，可选）
 * @param {any[][]} [advances] 各客户是否有垫款（是/否，可选）
 * @param {any} [tenure] 连续营销年限（可选；为空时按首次任职日期计算）
 * @param {any} [firstAppointed] 首次任职日期（可选，计到评定日期的整年数）
 * @param {any} [year] 政策年度（可选，默认本工作簿的政策）
 * @returns {any} 达标等级：高级/一级/二级/三级/四级/见习/无
 */
export function level(
  deposits: any[][],
  loans: any[][],
  settlement: any[][],
  newDeposits: any[][],
  normalShare: any,
  normalSharePrev: any,
  badLoans?: any[][],
  arrears?: any[][],
  advances?: any[][],
  tenure?: any,
  firstAppointed?: any,
  year?: any
): any {
  return LEVEL(...arguments);
}

const LEVELCHECK = defineFunction(
  {
    id: "LEVELCHECK",
    params: [
      { name: "level", zh: "要检查的等级", type: "text", enum: LEVEL_ENUM },
      ...CUSTOMER_ARGS,
      YEAR_ARG,
    ] as const,
  },
  (a, ctx) => {
    const { customers, mgr } = customersOf(a);
    return [CHECK_HEADERS, checkRow(checkLevel(a.level, customers, mgr, ctx.policy), ctx)];
  }
);

/**
 * 检查公司客户经理某一等级的各项条件（第十一条 二），返回带标题的一行：计入客户数、各项指标与条件 a–d 是否满足、满足项数、
 * 条件(2)资产质量、任职年限、结论。状态为 达标/未达标/汇率未设置/数据缺失/不要求/不适用；结论为“汇率未设置”表示其他条件均满足、是否达标取决于未设置的汇率。解释同 CM.LEVEL。
 * @customfunction LEVELCHECK
 * @param {any} level 要检查的等级：高级/一级/二级/三级/四级/见习
 * @param {any[][]} deposits 各客户日均存款（一列，不含协议存款）
 * @param {any[][]} loans 各客户日均贷款（一列）
 * @param {any[][]} settlement 各客户年国际结算额，美元（一列）
 * @param {any[][]} newDeposits 各客户年新增日均存款（一列）
 * @param {any} normalShare 本年正常类贷款占比
 * @param {any} normalSharePrev 上年正常类贷款占比
 * @param {any[][]} [badLoans] 各客户是否有后三类贷款（是/否，可选）
 * @param {any[][]} [arrears] 各客户是否欠息（是/否，可选）
 * @param {any[][]} [advances] 各客户是否有垫款（是/否，可选）
 * @param {any} [tenure] 连续营销年限（可选）
 * @param {any} [firstAppointed] 首次任职日期（可选）
 * @param {any} [year] 政策年度（可选，默认本工作簿的政策）
 * @returns {any[][]} 两行：标题与该等级各项条件的结果
 */
export function levelcheck(
  level: any,
  deposits: any[][],
  loans: any[][],
  settlement: any[][],
  newDeposits: any[][],
  normalShare: any,
  normalSharePrev: any,
  badLoans?: any[][],
  arrears?: any[][],
  advances?: any[][],
  tenure?: any,
  firstAppointed?: any,
  year?: any
): any[][] {
  return LEVELCHECK(...arguments) as any[][];
}

const PASSLINE = defineFunction(
  {
    id: "PASSLINE",
    params: [
      { name: "deposits", zh: "各客户日均存款", type: "amount", range: true },
      { name: "level", zh: "现等级", type: "text", enum: LEVEL_ENUM },
      YEAR_ARG,
    ] as const,
  },
  (a, ctx) => {
    const customers = a.deposits
      .filter((d): d is Dec => d !== null)
      .map((d, i) => ({
        customer: `#${i + 1}`,
        deposits: d,
        loans: null,
        settlementUsd: null,
        newDeposits: null,
        badLoans: null,
        arrears: null,
        advances: null,
      }));
    return passLine(customers, a.level, ctx.policy).met;
  }
);

/**
 * 是否达到在岗最低及格线（第九条）：单户日均存款达到政策参数 B.及格线.剔除线（含）的客户的日均存款合计，见习不低于 B.及格线.见习，其他等级不低于 B.及格线.其他等级（数字见帮助页“本年度政策数字”）。
 * 解释：见习按第九条的日均存款余额（而非第十一条 6 的“新增”）计算。
 * @customfunction PASSLINE
 * @param {any[][]} deposits 各客户日均存款（一列）
 * @param {any} level 现等级：高级/一级/二级/三级/四级/见习
 * @param {any} [year] 政策年度（可选，默认本工作簿的政策）
 * @returns {any} TRUE 达到，FALSE 未达到
 */
export function passline(deposits: any[][], level: any, year?: any): any {
  return PASSLINE(...arguments);
}

const DECISION_HEADERS = ["决定", "次年等级", "破格"];

/**
 * B4 step 0 (rev 2): the item codes of rule set C recorded for the CM in the year → its ✕ items
 * (others are ignored; a code that is not an item → #VALUE! naming the argument and the entry).
 */
function disqualifyingOf(items: (RawCell | null)[]): DisqualifyingInput[] {
  const out: DisqualifyingInput[] = [];
  const seen = new Set<string>();
  items.forEach((raw, i) => {
    if (raw === null) return;
    const p = parseItemCode(raw);
    if (!p.ok) {
      throw new RuleError(
        "value",
        `参数 errorItems（当年差错条款）第 ${i + 1} 个值：${p.zh}`,
        `argument errorItems, item ${i + 1}: ${p.en}`
      );
    }
    const scored = catalogueItem(p.value.scoredAs)!;
    if (!scored.disqualifying || seen.has(p.value.code)) return;
    seen.add(p.value.code);
    const item = catalogueItem(p.value.code.split("/")[0])!;
    const what =
      item.code === scored.code ? scored.zh : `${item.zh}（按 ${scored.code} ${scored.zh}）`;
    out.push({ code: p.value.code, what, whatEn: scored.en, article: scored.article });
  });
  return out;
}

const DECISION = defineFunction(
  {
    id: "DECISION",
    params: [
      { name: "currentLevel", zh: "现等级", type: "text", enum: LEVEL_ENUM },
      { name: "qualifiedLevel", zh: "达标等级", type: "text", enum: QUALIFIED_ENUM },
      { name: "assessment", zh: "年度考核结果", type: "text", enum: ASSESSMENT_ENUM },
      { name: "passLine", zh: "是否达到在岗最低及格线", type: "yesno" },
      { name: "tasksDone", zh: "是否完成主要业务指标", type: "yesno", optional: true },
      { name: "bottom3", zh: "是否连续两年后三名", type: "yesno", optional: true },
      { name: "examPassed", zh: "升等考试是否通过", type: "yesno", optional: true },
      { name: "errorItems", zh: "当年差错条款", type: "any", range: true, optional: true },
      { name: "traineeEnd", zh: "见习期满日期", type: "date", optional: true },
      { name: "traineeExamPassed", zh: "见习考试是否合格", type: "yesno", optional: true },
      {
        name: "formerStaffGrade",
        zh: "原行员等级",
        type: "text",
        enum: STAFF_GRADE_VALUES,
        optional: true,
      },
      { name: "firstAppointed", zh: "首次任职日期", type: "date", optional: true },
      YEAR_ARG,
    ] as const,
  },
  (a, ctx) => {
    const r = decide(
      {
        current: a.currentLevel,
        qualified: a.qualifiedLevel,
        assessment: a.assessment,
        passLine: a.passLine,
        tasksDone: a.tasksDone,
        bottom3TwoYears: a.bottom3,
        examPassed: a.examPassed,
        disqualifying: disqualifyingOf(a.errorItems as (RawCell | null)[]),
        trainee: {
          periodEnd: a.traineeEnd,
          firstAppointed: a.firstAppointed,
          examPassed: a.traineeExamPassed,
          formerStaffGrade: a.formerStaffGrade,
        },
      },
      ctx.policy
    );
    return [DECISION_HEADERS, [r.decision, r.newLevel ?? "退出", r.breakthrough ? "是" : "否"]];
  }
);

/**
 * 公司客户经理年度聘任决定（第十九条），依次判断：当年差错记录有取消客户经理资格条款（差错积分考核标准 ✕，如 1.1b）→ 退出，并列明条款；
 * 未达最低及格线 → 退出；未完成主要业务指标或连续两年后三名 → 低聘一级（见习则退出）；
 * 现等级为见习（第六条、第十九条五）：见习期未满 → 见习中；期满后见习考试不合格 → 退出（退回原岗位），合格 → 按原行员等级套改定级（5等高级、6等一级、7等二级、8等三级、9等四级，按政策等级表），
 * 原行员等级为空时按达标等级定级（四级及以上取达标等级，否则四级——解释）；期满而见习考试合格为空 → #N/A 并说明缺少该项。
 * 解释：见习期满日期（为空时为首次任职日期起一年）当日即为期满，评定日期早于该日为见习期内。
 * 称职及以上、达标等级高于现等级且升等考试通过 → 晋升一级（高出 B.破格.等级差 级及以上标记破格，不自动执行）；称职及以上且达标等级不低于现等级 → 续聘；
 * 否则低聘（低一级，或达标等级更低时降至达标等级，无等级则退出）；解释：基本称职而达标等级不低于现等级的，第十九条二未作规定，既不能续聘也不能晋升，故低聘。
 * @customfunction DECISION
 * @param {any} currentLevel 现等级：高级/一级/二级/三级/四级/见习
 * @param {any} qualifiedLevel 达标等级（可用 CM.LEVEL 的结果）：高级/一级/二级/三级/四级/见习/无
 * @param {any} assessment 年度考核结果：优秀/称职/基本称职/不称职
 * @param {any} passLine 是否达到在岗最低及格线（可用 CM.PASSLINE 的结果）
 * @param {any} [tasksDone] 是否完成主要业务指标（可选，留空视为完成）
 * @param {any} [bottom3] 是否连续两个年度考核在后 3 名之内（可选，留空视为否）
 * @param {any} [examPassed] 升等考试是否通过（可选，留空视为未通过）
 * @param {any[][]} [errorItems] 当年差错记录的条款（可选，一列；其中取消资格条款导致退出，其他条款不影响）
 * @param {any} [traineeEnd] 见习期满日期（可选，见习使用；为空时按首次任职日期起一年）
 * @param {any} [traineeExamPassed] 见习期满考试是否合格（可选，见习期满后必填）
 * @param {any} [formerStaffGrade] 原行员等级：5等/6等/7等/8等/9等（可选，见习定级套改用）
 * @param {any} [firstAppointed] 首次任职日期（可选，见习期满日期为空时使用）
 * @param {any} [year] 政策年度（可选，默认本工作簿的政策）
 * @returns {any[][]} 两行：标题（决定、次年等级、破格）与结果；决定为 退出/低聘/定级/晋升/续聘/见习中
 */
export function decision(
  currentLevel: any,
  qualifiedLevel: any,
  assessment: any,
  passLine: any,
  tasksDone?: any,
  bottom3?: any,
  examPassed?: any,
  errorItems?: any[][],
  traineeEnd?: any,
  traineeExamPassed?: any,
  formerStaffGrade?: any,
  firstAppointed?: any,
  year?: any
): any[][] {
  return DECISION(...arguments) as any[][];
}

const ALLOWANCE = defineFunction(
  {
    id: "ALLOWANCE",
    params: [
      { name: "level", zh: "决定后的等级", type: "text", enum: NEXT_LEVEL_ENUM },
      { name: "admonished", zh: "是否诫勉中", type: "yesno", optional: true },
      YEAR_ARG,
    ] as const,
  },
  (a, ctx) =>
    allowance(a.level === "退出" ? null : a.level, a.admonished, ctx.policy).monthly.toNumber()
);

/**
 * 公司客户经理每月通讯费（第十三条）：按等级取政策参数 B.<等级>.通讯费（数字见帮助页“本年度政策数字”）；退出为 0；
 * 诫勉期间两费补贴按 B.诫勉.补贴比例 发放（第二十四条）。结果总以元为单位，不随金额单位换算。
 * @customfunction ALLOWANCE
 * @param {any} level 决定后的等级：高级/一级/二级/三级/四级/见习/退出
 * @param {any} [admonished] 是否诫勉中（可选，默认否）
 * @param {any} [year] 政策年度（可选，默认本工作簿的政策）
 * @returns {any} 每月通讯费（元）
 */
export function allowanceFn(level: any, admonished?: any, year?: any): any {
  return ALLOWANCE(...arguments);
}

/** Quarter pairs: leading and trailing quarters blank in both ranges are dropped; a gap inside is an error. */
function quarters(
  actual: (number | null)[],
  plan: (number | null)[]
): { actual: number[]; plan: number[] } {
  if (
    actual.length !== plan.length &&
    !(actual.every((x) => x === null) && plan.every((x) => x === null))
  ) {
    throw valueError(
      `参数 quarterActual（各季度完成数）与 quarterPlan（各季度计划数）个数不同：${actual.length} 与 ${plan.length}`,
      `quarterActual and quarterPlan differ in length: ${actual.length} and ${plan.length}`
    );
  }
  const pairs = actual.map((x, i) => [x, plan[i] ?? null] as const);
  const filled = pairs.map(([x, y]) => x !== null || y !== null);
  const first = filled.indexOf(true);
  const last = filled.lastIndexOf(true);
  const out = { actual: [] as number[], plan: [] as number[] };
  if (first < 0) return out;
  for (let i = first; i <= last; i++) {
    const [x, y] = pairs[i];
    if (x === null || y === null) {
      const which = x === null ? "quarterActual（完成数）" : "quarterPlan（计划数）";
      throw valueError(
        `第 ${i + 1} 个季度的参数 ${which} 为空：季度须连续填写`,
        `quarter ${i + 1}: ${x === null ? "quarterActual" : "quarterPlan"} is blank; quarters must be consecutive`
      );
    }
    out.actual.push(x);
    out.plan.push(y);
  }
  return out;
}

const TRIGGER_HEADERS = ["诫勉", "黄牌警告", "解聘", "依据"];

const WARNINGS = defineFunction(
  {
    id: "WARNINGS",
    params: [
      {
        name: "assessment",
        zh: "年度考核结果",
        type: "text",
        enum: ASSESSMENT_ENUM,
        optional: true,
      },
      { name: "passLine", zh: "是否达到在岗最低及格线", type: "yesno", optional: true },
      {
        name: "quarterActual",
        zh: "各季度主要业务指标完成数",
        type: "number",
        range: true,
        optional: true,
      },
      {
        name: "quarterPlan",
        zh: "各季度主要业务指标计划数",
        type: "number",
        range: true,
        optional: true,
      },
      {
        name: "customersFell",
        zh: "主要客户半年内存贷款、结算量是否连续下降",
        type: "yesno",
        optional: true,
      },
      { name: "loanRisk", zh: "贷款客户是否出现欠息、逾期", type: "yesno", optional: true },
      { name: "overdueMonths", zh: "授信客户贷款逾期月数", type: "number", optional: true, min: 0 },
      { name: "arrearsMonths", zh: "授信客户贷款欠息月数", type: "number", optional: true, min: 0 },
      { name: "advance", zh: "银行承兑汇票是否垫款", type: "yesno", optional: true },
      {
        name: "priorYellowYears",
        zh: "此前连续受黄牌警告年数",
        type: "int",
        optional: true,
        min: 0,
      },
      { name: "conduct", zh: "是否有第二十二条一至四项情形", type: "yesno", optional: true },
      { name: "overdueSince", zh: "授信客户贷款逾期起始日", type: "date", optional: true },
      { name: "arrearsSince", zh: "授信客户贷款欠息起始日", type: "date", optional: true },
      YEAR_ARG,
    ] as const,
  },
  (a, ctx) => {
    const q = quarters(a.quarterActual, a.quarterPlan);
    const r = triggers(
      {
        assessment: a.assessment,
        passLine: a.passLine,
        quarterActual: q.actual,
        quarterPlan: q.plan,
        customersFell: a.customersFell,
        loanRisk: a.loanRisk,
        overdueMonths: a.overdueMonths,
        arrearsMonths: a.arrearsMonths,
        advance: a.advance,
        priorYellowYears: a.priorYellowYears,
        conduct: a.conduct,
        overdueSince: a.overdueSince,
        arrearsSince: a.arrearsSince,
      },
      ctx.policy
    );
    const yn = (b: boolean) => (b ? "是" : "否");
    const why = r.reasons.map((s) => renderStep(s, "zh")).join("；") || "无";
    return [TRIGGER_HEADERS, [yn(r.admonish), yn(r.yellow), yn(r.dismiss), why]];
  }
);

/**
 * 诫勉、黄牌警告、解聘的触发情形（第二十至二十四条），返回带标题的一行。诫勉：主要客户半年内存贷款、结算量连续下降；贷款客户欠息、逾期；
 * 连续 B.诫勉.连续季度数 个季度主要业务指标完成不到计划的 B.诫勉.计划完成比例；授信客户贷款逾期或欠息 B.诫勉.逾期欠息月数 个月以上（含本数：月数达到该数，或自起始日起到评定日期已满该数个日历月——
 * 每月按次月同日，无同日取月末，如 1 月 31 日起算于 2 月 28 日满 1 个月）、银行承兑汇票垫款（诫勉期 B.诫勉.期限月数 个月）（数字见帮助页“本年度政策数字”）。
 * 黄牌：连续 B.黄牌.连续未完成季度数 个季度未完成任务；年度考核不称职；未达到在岗最低及格线。解聘：连续 B.解聘.连续黄牌年数 年受黄牌警告，或有第二十二条一至四项情形。
 * 季度完成数与计划数按季度顺序一一对应（首尾空白的季度不计）。
 * @customfunction WARNINGS
 * @param {any} [assessment] 年度考核结果（可选）：优秀/称职/基本称职/不称职
 * @param {any} [passLine] 是否达到在岗最低及格线（可选）
 * @param {any[][]} [quarterActual] 各季度主要业务指标完成数（可选，按季度顺序）
 * @param {any[][]} [quarterPlan] 各季度主要业务指标计划数（可选，与完成数一一对应，须大于 0）
 * @param {any} [customersFell] 主要客户半年内存、贷款余额或结算量是否连续下降（可选）
 * @param {any} [loanRisk] 所管贷款客户是否出现欠息、逾期（可选）
 * @param {any} [overdueMonths] 授信客户贷款最长逾期月数（可选）
 * @param {any} [arrearsMonths] 授信客户贷款最长欠息月数（可选）
 * @param {any} [advance] 银行承兑汇票是否出现垫款（可选）
 * @param {any} [priorYellowYears] 本年之前连续受黄牌警告的年数（可选，默认 0）
 * @param {any} [conduct] 是否有第二十二条一至四项情形：违法违规、玩忽职守、重大过失、不服从组织管理（可选）
 * @param {any} [overdueSince] 授信客户贷款逾期起始日（可选；到评定日期满 1 个月即诫勉）
 * @param {any} [arrearsSince] 授信客户贷款欠息起始日（可选；到评定日期满 1 个月即诫勉）
 * @param {any} [year] 政策年度（可选，默认本工作簿的政策）
 * @returns {any[][]} 两行：标题（诫勉、黄牌警告、解聘、依据）与结果
 */
export function warnings(
  assessment?: any,
  passLine?: any,
  quarterActual?: any[][],
  quarterPlan?: any[][],
  customersFell?: any,
  loanRisk?: any,
  overdueMonths?: any,
  arrearsMonths?: any,
  advance?: any,
  priorYellowYears?: any,
  conduct?: any,
  overdueSince?: any,
  arrearsSince?: any,
  year?: any
): any[][] {
  return WARNINGS(...arguments) as any[][];
}

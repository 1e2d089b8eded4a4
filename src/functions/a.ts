/**
 * Custom functions of rule set A（信贷客户经理等级与不良贷款买断，RULES.md A）.
 * Each function: Chinese JSDoc (`@customfunction ID`, zh-CN help in functions.json), a one-line
 * body calling a `defineFunction(spec, impl)` of ./args.ts; English help in ./a.en.ts.
 * The build (CustomFunctionsMetadataPlugin) reads this file and registers every function.
 */
import { toSerial } from "../core/dates";
import { naError, valueError } from "../core/errors";
import { Dec, fmtMoney } from "../core/money";
import type { LoanRow } from "../core/rows";
import { fromYuan } from "../policy/units";
import type { Policy } from "../policy/types";
import { annualCompensationAmount } from "../rules/a/annual";
import {
  buyoutRate,
  buyoutSchedule,
  BuyoutFunds,
  BuyoutResult,
  fundSourcesText,
} from "../rules/a/buyout";
import { exitDateOfKnown } from "../rules/a/exit";
import { assessGrade, wageCoefficient } from "../rules/a/grade";
import { countsAsResponsibleNpl } from "../rules/a/npl";
import { overToleranceShare, toleranceAmount } from "../rules/a/tolerance";
import { renderSteps } from "../rules/explain";
import {
  DISPOSAL_VALUES,
  FIVE_CLASS_VALUES,
  POST_VALUES,
  SECURITY_VALUES,
  SEX_VALUES,
} from "../reader/schema";
import { DISQUALIFIED, POST_COEFFICIENT_TEXT, POST_COEFFICIENT_TEXT_EN } from "../rules/a/common";
import type { FinalGrade } from "../rules/a/common";
import { CREDIT_GRADES } from "../policy/types";
import { recordOf } from "../core/record";
import { defineFunction, FnContext, OutCell, YEAR_ARG } from "./args";
import { SCORE_ARGS, scoreOfArgs } from "./scoreArgs";

/** A grade argument: policy CREDIT_GRADES (also 1级, 一级客户经理 …) or 取消资格 (also 取消, 不合格). */
const GRADE_ENUM: Record<FinalGrade, readonly string[]> = {
  ...recordOf(CREDIT_GRADES, (g, i) => [`${i + 1}级`, `${g}客户经理`]),
  [DISQUALIFIED]: ["取消", "不合格"],
};

/** The arguments CM.GRADE and CM.EXPLAIN share (EXPLAIN adds the language before the year). */
const GRADE_ARGS = [
  { name: "score", zh: "总分", type: "number" },
  { name: "seriousViolations", zh: "严重违规次数", type: "int", optional: true, min: 0 },
  { name: "nplRate", zh: "新增不良率（%）", type: "number", optional: true, min: 0 },
  { name: "toleranceRate", zh: "不良容忍度（%）", type: "number", optional: true, min: 0 },
  { name: "firstAppointed", zh: "首次任职日期", type: "date", optional: true },
  { name: "prevCoefficient", zh: "原岗位工资系数", type: "number", optional: true, min: 0 },
] as const;

/** CM.GRADE's and CM.EXPLAIN's arguments → the grade rule (A1, A4, A5). */
function gradeOf(
  a: {
    score: number;
    seriousViolations: number | null;
    nplRate: number | null;
    toleranceRate: number | null;
    firstAppointed: string | null;
    prevCoefficient: number | null;
  },
  policy: Policy
) {
  return assessGrade(
    {
      score: a.score,
      seriousViolations: a.seriousViolations,
      nplRatePct: a.nplRate,
      toleranceRatePct: a.toleranceRate ?? undefined,
      firstAppointed: a.firstAppointed,
      prevCoefficient: a.prevCoefficient,
    },
    policy
  );
}

const GRADE = defineFunction(
  {
    id: "GRADE",
    params: [...GRADE_ARGS, YEAR_ARG] as const,
  },
  (a, ctx) => gradeOf(a, ctx.policy).finalGrade
);

/**
 * 按总分评定信贷客户经理等级（第十条）：按政策参数的分数线定等级（A.一级.最低分 等，不低于该等级最低分即为该等级），低于最低一档为取消资格（数字见帮助页“本年度政策数字”）。总分先四舍五入到 0.01 再评定（恰在分数线下 0.005 的，四舍五入后达到分数线）。
 * 之后按第十二条封顶：有严重违规、新增不良率高于不良容忍度、高于容忍度的“远超倍数”倍，分别封顶到政策参数 A.封顶.严重违规、A.封顶.超容忍度、A.封顶.远超容忍度 的等级（封顶不提高等级）。
 * 首次任职未满保护期（A.保护期.年数，第七条、第十五条）的，低于 A.保护期.等级 的按该等级评定。容忍度未设置时不良封顶不适用。
 * @customfunction GRADE
 * @param {any} score 总分（可为负数）
 * @param {any} [seriousViolations] 严重违规次数（可选，默认 0）
 * @param {any} [nplRate] 新增不良贷款率，按百分数填写（1.2 表示 1.2%）（可选）
 * @param {any} [toleranceRate] 不良容忍度，按百分数填写（可选，默认取政策参数“不良容忍度”）
 * @param {any} [firstAppointed] 首次任职日期（可选，用于保护期）
 * @param {any} [prevCoefficient] 原岗位工资系数（可选，保护期内用于工资系数）
 * @param {any} [year] 政策年度（可选，默认本工作簿的政策）
 * @returns {any} 等级：一级/二级/三级/取消资格
 */
export function grade(
  score: any,
  seriousViolations?: any,
  nplRate?: any,
  toleranceRate?: any,
  firstAppointed?: any,
  prevCoefficient?: any,
  year?: any
): any {
  return GRADE(...arguments);
}

const WAGECOEF = defineFunction(
  {
    id: "WAGECOEF",
    params: [
      { name: "grade", zh: "等级", type: "text", enum: GRADE_ENUM },
      { name: "firstAppointed", zh: "首次任职日期", type: "date", optional: true },
      { name: "prevCoefficient", zh: "原岗位工资系数", type: "number", optional: true, min: 0 },
      { name: "post", zh: "职务", type: "text", optional: true, enum: POST_VALUES },
      YEAR_ARG,
    ] as const,
  },
  (a, ctx) => {
    const post = a.post;
    const r = wageCoefficient(a.grade, ctx.policy, {
      firstAppointed: a.firstAppointed,
      prevCoefficient: a.prevCoefficient,
      post,
    });
    if (r.postCoefficient)
      throw naError(
        `${post}${POST_COEFFICIENT_TEXT}，不按等级取数`,
        `${post}: ${POST_COEFFICIENT_TEXT_EN}, not the grade's`
      );
    if (r.value === null)
      throw naError(
        "取消资格无工资系数（第十条）",
        "取消资格 (disqualified) has no wage coefficient (Art. 10)"
      );
    return r.value;
  }
);

/**
 * 信贷客户经理等级对应的工资系数（第十条）：各等级的系数取政策参数 A.一级.工资系数 等（数字见帮助页“本年度政策数字”）；取消资格无系数，返回 #N/A。
 * 首次任职保护期内，取等级系数与原岗位工资系数中较高者（第七条）。职务为支行长、副行长、分理处主任的参加等级评定，但工资系数按岗位职务系数（第十三条），返回 #N/A“按岗位职务系数（第十三条）”，不返回数字。
 * @customfunction WAGECOEF
 * @param {any} grade 等级：一级/二级/三级/取消资格
 * @param {any} [firstAppointed] 首次任职日期（可选，用于保护期）
 * @param {any} [prevCoefficient] 原岗位工资系数（可选，仅保护期内适用）
 * @param {any} [post] 职务：客户经理/支行长/副行长/分理处主任（可选，空为客户经理）
 * @param {any} [year] 政策年度（可选，默认本工作簿的政策）
 * @returns {any} 工资系数
 */
export function wagecoef(
  grade: any,
  firstAppointed?: any,
  prevCoefficient?: any,
  post?: any,
  year?: any
): any {
  return WAGECOEF(...arguments);
}

// ---------------------------------------------------------------------------------------------
// Shared pieces of the rule-set-A functions

const LANG_ENUM = {
  zh: ["中文", "cn", "zh-cn", "chinese"],
  en: ["英文", "english", "en-us"],
} as const;
const PART_ENUM = { within: ["容忍度内", "内"], above: ["超出部分", "超出", "外"] } as const;

/** "50,000.00" in the workbook's unit (for text cells such as 资金来源). */
function fmtUnit(policy: Policy): (x: Dec) => string {
  return (x) => fmtMoney(fromYuan(x, policy.amountUnit));
}

function mismatch(zh: string, n: number, m: number): never {
  throw valueError(
    `${zh}的行数（${m}）与贷款编号的行数（${n}）不一致`,
    `${zh} has ${m} rows, the loan ids ${n}`
  );
}

/** An optional range column: omitted → all null; else the same length as the loan ids. */
function column<T>(values: (T | null)[] | null, n: number, zh: string): (T | null)[] {
  if (values === null || (values.length === 1 && values[0] === null))
    return new Array<T | null>(n).fill(null);
  if (values.length !== n) mismatch(zh, n, values.length);
  return values;
}

// ---------------------------------------------------------------------------------------------
// A2–A3 score

const SCORE_HEADERS: OutCell[] = ["笔数得分", "利息得分", "质量得分", "扣分", "总分"];

const SCORE = defineFunction(
  {
    id: "SCORE",
    params: [
      ...SCORE_ARGS,
      { name: "withHeaders", zh: "带标题行", type: "yesno", optional: true, default: false },
      YEAR_ARG,
    ] as const,
  },
  (a, ctx) => {
    const r = scoreOfArgs(a, ctx.policy).score;
    const row: OutCell[] = [r.countPoints, r.incomePoints, r.qualityPoints, r.deductions, r.total];
    return a.withHeaders ? [SCORE_HEADERS, row] : [row];
  }
);

/**
 * 信贷客户经理定量得分与总分（第十一条、第十二条）：笔数得分 = 基础分 + 每百分点分值 × d（d 为高于同类行平均笔数的百分点，按 d 线性计算），限于最低分与最高分之间；利息得分 = 基础分 × 利息收入 ÷ 同类行平均，限于最低分与最高分之间；质量得分 = 基础分 + 每百分点分值 × (基准不良率 − 新增不良率%)，不低于最低分（按不良率线性计算；A.质量.最高分 未设置即无上限）。各分值取政策参数 A.笔数.*、A.利息.*、A.质量.*（数字见帮助页“本年度政策数字”）。
 * 各项先四舍五入到 0.01 再相加，减去扣分（每次考试不合格、经济处罚、通报批评、严重违规各按政策参数 A.扣分.* 扣分）。同类行可直接给平均数，或给整列数据并同时给行别类型列（按本人行别筛选，含本人）。返回一行：笔数得分、利息得分、质量得分、扣分、总分。
 * @customfunction SCORE
 * @param {any} loanCount 当年发放贷款笔数
 * @param {any} interestIncome 当年贷款利息收入（工作簿金额单位）
 * @param {any} newNpl 新增不良贷款余额（工作簿金额单位）
 * @param {any} managedLoans 年末管理贷款总额，不含银行承兑汇票贴现（工作簿金额单位）
 * @param {any[][]} peerLoanCount 同类行平均贷款笔数，或所有客户经理的贷款笔数列
 * @param {any[][]} peerIncome 同类行平均利息收入，或所有客户经理的利息收入列
 * @param {any} [branchType] 本人行别类型：一类行/二类行/三类行（给出行别类型列时必填）
 * @param {any[][]} [peerBranchTypes] 所有客户经理的行别类型列（可选，与上两列等长）
 * @param {any} [examFails] 考试不合格次数（可选，默认 0）
 * @param {any} [penalties] 经济处罚次数（可选，默认 0）
 * @param {any} [criticisms] 通报批评次数（可选，默认 0）
 * @param {any} [seriousViolations] 严重违规次数（可选，默认 0）
 * @param {any} [withHeaders] 是否带标题行（可选，默认 否）
 * @param {any} [year] 政策年度（可选，默认本工作簿的政策）
 * @returns {any[][]} 笔数得分、利息得分、质量得分、扣分、总分
 */
export function score(
  loanCount: any,
  interestIncome: any,
  newNpl: any,
  managedLoans: any,
  peerLoanCount: any[][],
  peerIncome: any[][],
  branchType?: any,
  peerBranchTypes?: any[][],
  examFails?: any,
  penalties?: any,
  criticisms?: any,
  seriousViolations?: any,
  withHeaders?: any,
  year?: any
): any[][] {
  return SCORE(...arguments) as any[][];
}

// ---------------------------------------------------------------------------------------------
// Explanation of a grade

const EXPLAIN = defineFunction(
  {
    id: "EXPLAIN",
    params: [
      ...GRADE_ARGS,
      { name: "lang", zh: "语言", type: "text", optional: true, default: "zh", enum: LANG_ENUM },
      YEAR_ARG,
    ] as const,
  },
  (a, ctx) => {
    const r = gradeOf(a, ctx.policy);
    return renderSteps(r.steps, a.lang === "en" ? "en" : "zh", "\n");
  }
);

/**
 * 等级评定的说明文字（与 CM.GRADE 参数相同）：总分、四舍五入、分数等级、保护期、各项封顶及其条款、所用解释、警告（如不良容忍度未设置）、最终等级与工资系数。
 * @customfunction EXPLAIN
 * @param {any} score 总分
 * @param {any} [seriousViolations] 严重违规次数（可选）
 * @param {any} [nplRate] 新增不良贷款率，按百分数填写（1.2 表示 1.2%）（可选）
 * @param {any} [toleranceRate] 不良容忍度，按百分数填写（可选，默认取政策参数）
 * @param {any} [firstAppointed] 首次任职日期（可选）
 * @param {any} [prevCoefficient] 原岗位工资系数（可选）
 * @param {any} [lang] 语言：中文（默认）或 英文
 * @param {any} [year] 政策年度（可选，默认本工作簿的政策）
 * @returns {any} 说明文字（每步一行）
 */
export function explain(
  score: any,
  seriousViolations?: any,
  nplRate?: any,
  toleranceRate?: any,
  firstAppointed?: any,
  prevCoefficient?: any,
  lang?: any,
  year?: any
): any {
  return EXPLAIN(...arguments);
}

// ---------------------------------------------------------------------------------------------
// A6 one loan

const NPLCOUNTS = defineFunction(
  {
    id: "NPLCOUNTS",
    params: [
      { name: "granted", zh: "发放日期", type: "date" },
      { name: "fiveClass", zh: "五级分类", type: "text", optional: true, enum: FIVE_CLASS_VALUES },
      { name: "security", zh: "担保方式", type: "text", optional: true, enum: SECURITY_VALUES },
      { name: "overdueDays", zh: "逾期天数", type: "int", optional: true, min: 0 },
      { name: "maturity", zh: "到期日期", type: "date", optional: true },
      { name: "overdueCounts", zh: "逾期即计入", type: "yesno", optional: true },
      YEAR_ARG,
    ] as const,
  },
  (a, ctx) => {
    const policy =
      a.overdueCounts === null
        ? ctx.policy
        : {
            ...ctx.policy,
            a: {
              ...ctx.policy.a,
              nplOverdueCounts: a.overdueCounts ? ("是" as const) : ("否" as const),
            },
          };
    const d = countsAsResponsibleNpl(
      {
        loanId: "（本笔）",
        granted: a.granted,
        maturity: a.maturity,
        fiveClass: a.fiveClass,
        overdueDays: a.overdueDays,
        security: a.security,
        firstResponsible: null,
        introducer: null,
      },
      policy.assessmentDate,
      policy
    );
    return d.counts;
  }
);

/**
 * 一笔贷款是否计入第一责任人的责任不良贷款（第四十条“以五级分类形态和贷款是否到期为准”）：逾期达到政策参数 A.责任不良.逾期天数（含本数）的不论形态和担保方式计入；抵押、质押贷款逾期未达该天数的处于处置宽限期，不论形态不计入；信用、保证贷款五级分类为 A.责任不良.五级分类 所列形态的计入，逾期（逾期天数 ≥ 1）的也计入（数字见帮助页“本年度政策数字”）。
 * 解释：“是否到期”指到期未还（逾期）视同不良；政策参数“A.责任不良.逾期即计入”为 否 时信用、保证贷款只有所列形态才计入（逾期达到上述天数仍计入）。A.第一责任人起始日 前发放的贷款无第一责任人，不计入。逾期天数为空时按到期日至评定日计算。
 * @customfunction NPLCOUNTS
 * @param {any} granted 发放日期
 * @param {any} [fiveClass] 五级分类：正常/关注/次级/可疑/损失
 * @param {any} [security] 担保方式：信用/保证/抵押/质押
 * @param {any} [overdueDays] 逾期天数（可选）
 * @param {any} [maturity] 到期日期（逾期天数为空时使用）
 * @param {any} [overdueCounts] 逾期即计入：是/否（可选，默认取政策参数“A.责任不良.逾期即计入”，缺省为 是）
 * @param {any} [year] 政策年度（可选，评定日取该年政策）
 * @returns {any} TRUE 计入，FALSE 不计入
 */
export function nplcounts(
  granted: any,
  fiveClass?: any,
  security?: any,
  overdueDays?: any,
  maturity?: any,
  overdueCounts?: any,
  year?: any
): any {
  return NPLCOUNTS(...arguments);
}

// ---------------------------------------------------------------------------------------------
// A9–A10

const TOLERANCE = defineFunction(
  {
    id: "TOLERANCE",
    params: [
      { name: "npInterest", zh: "近三年自然人贷款利息收入", type: "amount" },
      { name: "entInterest", zh: "近三年企业贷款利息收入", type: "amount" },
      { name: "urban", zh: "支行长或城区客户经理", type: "yesno", optional: true, default: false },
      { name: "post", zh: "职务", type: "text", optional: true, enum: POST_VALUES },
      YEAR_ARG,
    ] as const,
  },
  (a, ctx) =>
    ctx.amountOut(toleranceAmount(a.npInterest, a.entInterest, a.urban, ctx.policy, a.post).value)
);

/**
 * 不良贷款容忍额度（第四十七条）：到龄前若干年（A.容忍度.基数年数）自然人贷款利息收入 × A.容忍度.自然人比例 + 企业、组织贷款利息收入 × A.容忍度.企业比例；支行长及城区客户经理按上述比例乘以 A.容忍度.城区系数（数字见帮助页“本年度政策数字”）。职务为支行长，或“支行长或城区客户经理”为 是，均按城区系数；副行长、分理处主任本条未列，按一般比例。
 * @customfunction TOLERANCE
 * @param {any} npInterest 近三年自然人贷款利息收入（工作簿金额单位）
 * @param {any} entInterest 近三年企业、组织贷款利息收入（工作簿金额单位）
 * @param {any} [urban] 是否支行长或城区客户经理（可选，默认 否）
 * @param {any} [post] 职务：客户经理/支行长/副行长/分理处主任（可选；支行长按城区系数）
 * @param {any} [year] 政策年度（可选，默认本工作簿的政策）
 * @returns {any} 容忍额度（工作簿金额单位）
 */
export function tolerance(
  npInterest: any,
  entInterest: any,
  urban?: any,
  post?: any,
  year?: any
): any {
  return TOLERANCE(...arguments);
}

const OVERTOLSHARE = defineFunction(
  {
    id: "OVERTOLSHARE",
    params: [
      { name: "responsibleNpl", zh: "责任不良贷款余额", type: "amount" },
      { name: "tolerance", zh: "不良贷款容忍额度", type: "amount" },
      { name: "collectionDone", zh: "清收任务完成比例", type: "number", min: 0 },
      YEAR_ARG,
    ] as const,
  },
  (a, ctx) => {
    const r = overToleranceShare(a.responsibleNpl, a.tolerance, a.collectionDone, ctx.policy);
    if (r.share === null) {
      throw naError(
        "未超过容忍度：不适用第四十八条（按第四十七条比照本支行柜员平均业务量绩效）",
        "within tolerance: Art. 48 does not apply (Art. 47: the branch tellers' average performance pay)"
      );
    }
    return r.share;
  }
);

/**
 * 超容忍度客户经理享受柜员平均业务量绩效的比例（第四十八条 2）：超出比例 =（责任不良 − 容忍额度）÷ 容忍额度；清收任务完成比例达到 A.超容忍度.清收完成比例 时，按超出比例所在的档（A.超容忍度.档1、档2 的上限，含本数）取该档的绩效比例，超出末档取 A.超容忍度.超出末档比例；完成比例不足的为 0（数字见帮助页“本年度政策数字”）。容忍额度为 0 而有责任不良的按超出末档。未超过容忍度时本条不适用，返回 #N/A。
 * @customfunction OVERTOLSHARE
 * @param {any} responsibleNpl 责任不良贷款余额（工作簿金额单位）
 * @param {any} tolerance 不良贷款容忍额度（工作簿金额单位）
 * @param {any} collectionDone 清收任务完成比例（如 85% 填 0.85）
 * @param {any} [year] 政策年度（可选，默认本工作簿的政策）
 * @returns {any} 比例（如 0.85 表示 85%）
 */
export function overtolshare(
  responsibleNpl: any,
  tolerance: any,
  collectionDone: any,
  year?: any
): any {
  return OVERTOLSHARE(...arguments);
}

// ---------------------------------------------------------------------------------------------
// A8

const EXITDATE = defineFunction(
  {
    id: "EXITDATE",
    params: [
      { name: "sex", zh: "性别", type: "text", enum: SEX_VALUES },
      { name: "birth", zh: "出生日期", type: "date" },
      { name: "extendedUntil", zh: "延长任职至", type: "date", optional: true },
      YEAR_ARG,
    ] as const,
  },
  (a, ctx) => toSerial(exitDateOfKnown(a.sex, a.birth, a.extendedUntil ?? null, ctx.policy))
);

/**
 * 客户经理按年龄退出岗位的日期（第四十一条）：男、女分别超过政策参数 A.退出.男性年龄、A.退出.女性年龄 周岁（数字见帮助页“本年度政策数字”）。按周岁精确计算：退出日期为该周岁生日的次日；2 月 29 日出生的，平年生日按 2 月 28 日。
 * 特别优秀、经总行同意延长任职期限的，给出“延长任职至”日期时以该日期为退出日期。返回日期序列号，请设置日期格式。
 * @customfunction EXITDATE
 * @param {any} sex 性别：男/女
 * @param {any} birth 出生日期
 * @param {any} [extendedUntil] 延长任职至（可选；给出时以此日期为退出日期）
 * @param {any} [year] 政策年度（可选，默认本工作簿的政策）
 * @returns {any} 退出日期（日期序列号）
 */
export function exitdate(sex: any, birth: any, extendedUntil?: any, year?: any): any {
  return EXITDATE(...arguments);
}

// ---------------------------------------------------------------------------------------------
// A11

const BUYOUT_HEADERS: OutCell[] = [
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
];
/** (rev 2, 第三十六条) shown when the 已赔偿金额 column is given: 应买断金额 is then after the credit */
const BUYOUT_CREDIT_HEADERS: OutCell[] = ["抵减前应买断", "已赔偿金额"];

function scheduleTable(r: BuyoutResult, ctx: FnContext, withCredit: boolean): OutCell[][] {
  const fmt = fmtUnit(ctx.policy);
  const money = (x: Dec | null): OutCell => (x === null ? "" : ctx.amountOut(x));
  const rows: OutCell[][] = [
    withCredit ? [...BUYOUT_HEADERS, ...BUYOUT_CREDIT_HEADERS] : BUYOUT_HEADERS,
  ];
  const credit = (cells: OutCell[], extra: OutCell[]): OutCell[] =>
    withCredit ? [...cells, ...extra] : cells;
  for (const x of r.rows) {
    rows.push(
      credit(
        [
          x.order,
          x.loanId,
          x.bucket,
          x.rateText,
          money(x.balance),
          money(x.obligation),
          money(x.paid),
          fundSourcesText(x.deductions, "zh", fmt),
          x.escrow ? "是" : "否",
          money(x.shortfall),
        ],
        [money(x.obligationBeforeCredit), money(x.compensated)]
      )
    );
  }
  const t = r.totals;
  const byFund = t.byFund
    ? fundSourcesText(
        (["riskFund", "postRiskFund", "retirementPay"] as const)
          .map((f) => ({ fund: f, amount: (t.byFund as BuyoutFunds)[f] }))
          .filter((d) => d.amount.gt(0)),
        "zh",
        fmt
      )
    : "";
  rows.push(
    credit(
      [
        "合计",
        "",
        "",
        "",
        money(t.balance),
        money(t.obligation),
        money(t.paid),
        byFund,
        t.escrow && t.escrow.gt(0) ? `暂存 ${fmt(t.escrow)}` : "",
        money(t.shortfall),
      ],
      [money(t.obligationBeforeCredit), money(t.compensated)]
    )
  );
  return rows;
}

const BUYOUT = defineFunction(
  {
    id: "BUYOUT",
    params: [
      { name: "employeeId", zh: "员工号", type: "text" },
      { name: "loanIds", zh: "贷款编号列", type: "text", range: true },
      { name: "firstResponsible", zh: "第一责任人列", type: "text", range: true },
      { name: "granted", zh: "发放日期列", type: "date", range: true },
      { name: "maturity", zh: "到期日期列", type: "date", range: true },
      { name: "balances", zh: "贷款余额列", type: "amount", range: true },
      { name: "security", zh: "担保方式列", type: "text", range: true, enum: SECURITY_VALUES },
      { name: "fiveClass", zh: "五级分类列", type: "text", range: true, enum: FIVE_CLASS_VALUES },
      { name: "overdueDays", zh: "逾期天数列", type: "int", range: true, min: 0 },
      { name: "nplYear", zh: "形成不良年份列", type: "year", range: true },
      { name: "limitationLost", zh: "已丧失诉讼时效列", type: "yesno", range: true },
      { name: "tolerance", zh: "不良贷款容忍额度", type: "amount" },
      { name: "riskFund", zh: "风险考核基金余额", type: "amount", optional: true },
      { name: "postRiskFund", zh: "岗位风险金余额", type: "amount", optional: true },
      { name: "retirementPay", zh: "退休当年效益工资", type: "amount", optional: true },
      { name: "schedule", zh: "返回明细表", type: "yesno", optional: true, default: false },
      { name: "introducer", zh: "介绍担保职工列", type: "text", range: true, optional: true },
      { name: "successor", zh: "接手责任人列", type: "text", range: true, optional: true },
      {
        name: "disposal",
        zh: "处置阶段列",
        type: "text",
        range: true,
        optional: true,
        enum: DISPOSAL_VALUES,
      },
      { name: "staffRelative", zh: "职工直系亲属列", type: "yesno", range: true, optional: true },
      { name: "compensated", zh: "已赔偿金额列", type: "amount", range: true, optional: true },
      YEAR_ARG,
    ] as const,
  },
  (a, ctx) => {
    const n = a.loanIds.length;
    const req = <T>(v: (T | null)[], zh: string): (T | null)[] =>
      v.length === n ? v : mismatch(zh, n, v.length);
    const cols = {
      first: req(a.firstResponsible, "第一责任人列"),
      granted: req(a.granted, "发放日期列"),
      maturity: req(a.maturity, "到期日期列"),
      balance: req(a.balances, "贷款余额列"),
      security: req(a.security, "担保方式列"),
      fiveClass: req(a.fiveClass, "五级分类列"),
      overdue: req(a.overdueDays, "逾期天数列"),
      nplYear: req(a.nplYear, "形成不良年份列"),
      lost: req(a.limitationLost, "已丧失诉讼时效列"),
      introducer: column(a.introducer, n, "介绍担保职工列"),
      successor: column(a.successor, n, "接手责任人列"),
      disposal: column(a.disposal, n, "处置阶段列"),
      relative: column(a.staffRelative, n, "职工直系亲属列"),
      compensated: column(a.compensated, n, "已赔偿金额列"),
    };
    const loans: LoanRow[] = [];
    for (let i = 0; i < n; i++) {
      const id = a.loanIds[i];
      if (id === null || id === "") {
        const any = Object.values(cols).some((c) => c[i] !== null);
        if (any) throw valueError(`第 ${i + 1} 行缺少贷款编号`, `row ${i + 1} has no loan id`);
        continue;
      }
      loans.push({
        src: { sheet: "", row: i },
        loanId: id,
        borrower: null,
        borrowerType: null,
        firstResponsible: cols.first[i],
        manager: null,
        introducer: cols.introducer[i],
        successor: cols.successor[i],
        granted: cols.granted[i],
        maturity: cols.maturity[i],
        amount: null,
        balance: cols.balance[i],
        security: cols.security[i] as LoanRow["security"],
        familyGuarantor: null,
        fiveClass: cols.fiveClass[i] as LoanRow["fiveClass"],
        overdueDays: cols.overdue[i],
        nplYear: cols.nplYear[i],
        limitationLost: cols.lost[i],
        disposal: cols.disposal[i] as LoanRow["disposal"],
        staffRelative: cols.relative[i],
        sued: null,
        compensated: cols.compensated[i],
        exempted: null,
        noSpouseCertificate: null,
      });
    }
    const f = [a.riskFund, a.postRiskFund, a.retirementPay];
    if (f.some((x) => x !== null) && f.some((x) => x === null)) {
      throw valueError(
        "三项资金（风险考核基金、岗位风险金、退休当年效益工资）应同时提供，没有的填 0",
        "give all three funds (risk fund, post risk fund, retirement pay), 0 where there is none"
      );
    }
    const funds =
      f[0] !== null
        ? { riskFund: f[0] as Dec, postRiskFund: f[1] as Dec, retirementPay: f[2] as Dec }
        : null;
    const r = buyoutSchedule(
      { employeeId: a.employeeId, year: ctx.policy.year, tolerance: a.tolerance, funds, loans },
      ctx.policy
    );
    return a.schedule
      ? scheduleTable(
          r,
          ctx,
          a.compensated !== null && !(a.compensated.length === 1 && a.compensated[0] === null)
        )
      : [[ctx.amountOut(r.totals.obligation)]];
  }
);

/**
 * 退休客户经理买断责任不良贷款（第四十九–五十三条、第三十七–三十八条）。选中贷款台账的各列，函数挑出该员工的责任不良贷款和无人接手的未到期贷款（视同当年形成）：按形成年份所在的档（A.买断.档1、档2 的截止年份）取该档比例，末档之后按容忍度拆分（A.买断.容忍度内比例、A.买断.超容忍度比例；容忍额度只与末档之后形成的不良比较，按顺序占用）；职工直系亲属按 A.买断.直系亲属比例；职工介绍担保贷款归介绍人（A.买断.介绍担保分界日 起发放的按 A.买断.介绍担保分界后比例）；A.第一责任人起始日 前发放的不计（数字见帮助页“本年度政策数字”）。
 * 顺序：已丧失诉讼时效优先，信用贷款优先，借款时间靠前优先，同等按贷款编号；资金按风险考核基金、岗位风险金、退休当年效益工资依次扣除，资金不足时按顺序先偿付。处于诉讼/执行/拍卖/处置的抵押贷款标“暂存”（第五十一条只规定抵押贷款，质押贷款照常扣款）。
 * 已赔偿金额（第三十六条）：应买断金额 = max(0, 按比例计算的金额 − 已赔偿金额)，在容忍额度拆分之后抵减（该贷款仍按余额占用容忍额度，顺序不变，抵减为 0 的也保留）。解释：抵减而非免除。默认返回应买断合计；“返回明细表”为 是 时返回带标题的明细表及合计行（给出已赔偿金额列时，末尾另加“抵减前应买断”“已赔偿金额”两列）。
 * @customfunction BUYOUT
 * @param {any} employeeId 员工号（第一责任人或介绍担保人）
 * @param {any[][]} loanIds 贷款编号列
 * @param {any[][]} firstResponsible 第一责任人列
 * @param {any[][]} granted 发放日期列
 * @param {any[][]} maturity 到期日期列
 * @param {any[][]} balances 贷款余额列（工作簿金额单位）
 * @param {any[][]} security 担保方式列
 * @param {any[][]} fiveClass 五级分类列
 * @param {any[][]} overdueDays 逾期天数列
 * @param {any[][]} nplYear 形成不良年份列
 * @param {any[][]} limitationLost 已丧失诉讼时效列（是/否，空按否）
 * @param {any} tolerance 不良贷款容忍额度（见 CM.TOLERANCE）
 * @param {any} [riskFund] 风险考核基金余额（可选；三项资金须同时给出）
 * @param {any} [postRiskFund] 岗位风险金余额（可选）
 * @param {any} [retirementPay] 退休当年效益工资（可选）
 * @param {any} [schedule] 是否返回明细表（可选，默认 否：只返回合计）
 * @param {any[][]} [introducer] 介绍担保职工列（可选）
 * @param {any[][]} [successor] 接手责任人列（可选）
 * @param {any[][]} [disposal] 处置阶段列（可选）
 * @param {any[][]} [staffRelative] 职工直系亲属列（可选，空按否）
 * @param {any[][]} [compensated] 已赔偿金额列（可选，工作簿金额单位；空表示无）
 * @param {any} [year] 政策年度，即退休年度（可选，默认本工作簿的政策）
 * @returns {any[][]} 应买断合计，或明细表
 */
export function buyout(
  employeeId: any,
  loanIds: any[][],
  firstResponsible: any[][],
  granted: any[][],
  maturity: any[][],
  balances: any[][],
  security: any[][],
  fiveClass: any[][],
  overdueDays: any[][],
  nplYear: any[][],
  limitationLost: any[][],
  tolerance: any,
  riskFund?: any,
  postRiskFund?: any,
  retirementPay?: any,
  schedule?: any,
  introducer?: any[][],
  successor?: any[][],
  disposal?: any[][],
  staffRelative?: any[][],
  compensated?: any[][],
  year?: any
): any[][] {
  return BUYOUT(...arguments) as any[][];
}

const BUYOUTRATE = defineFunction(
  {
    id: "BUYOUTRATE",
    params: [
      { name: "formedYear", zh: "形成不良年份", type: "year" },
      { name: "part", zh: "容忍度内/超出部分", type: "text", optional: true, enum: PART_ENUM },
      { name: "relative", zh: "职工直系亲属", type: "yesno", optional: true, default: false },
      { name: "introduced", zh: "职工介绍担保", type: "yesno", optional: true, default: false },
      { name: "granted", zh: "发放日期", type: "date", optional: true },
      YEAR_ARG,
    ] as const,
  },
  (a, ctx) =>
    buyoutRate(
      {
        formedYear: a.formedYear,
        part: a.part,
        relative: a.relative,
        introduced: a.introduced,
        granted: a.granted,
      },
      ctx.policy
    ).rate
);

/**
 * 一笔不良贷款的买断比例（第四十九条、第三十七–三十八条）：按形成年份所在的档（A.买断.档1、档2 的截止年份）取该档比例，末档之后按容忍度拆分（A.买断.容忍度内比例、A.买断.超容忍度比例，须指明部分）；职工直系亲属按 A.买断.直系亲属比例；A.买断.介绍担保分界日 起发放的职工介绍担保贷款按 A.买断.介绍担保分界后比例（数字见帮助页“本年度政策数字”）。
 * @customfunction BUYOUTRATE
 * @param {any} formedYear 形成不良年份
 * @param {any} [part] 末档截止年份之后形成的：容忍度内 或 超出部分
 * @param {any} [relative] 是否职工直系亲属贷款（可选，默认 否）
 * @param {any} [introduced] 是否职工介绍、担保贷款（可选，默认 否）
 * @param {any} [granted] 发放日期（介绍担保贷款必填）
 * @param {any} [year] 政策年度（可选，默认本工作簿的政策）
 * @returns {any} 比例（如 0.35 表示 35%）
 */
export function buyoutrate(
  formedYear: any,
  part?: any,
  relative?: any,
  introduced?: any,
  granted?: any,
  year?: any
): any {
  return BUYOUTRATE(...arguments);
}

// ---------------------------------------------------------------------------------------------
// A12

const ANNUALCOMP = defineFunction(
  {
    id: "ANNUALCOMP",
    params: [
      { name: "amount", zh: "责任不良贷款金额", type: "amount" },
      { name: "formationYear", zh: "形成不良年份", type: "year", optional: true },
      { name: "exemption", zh: "免责金额", type: "amount", optional: true },
      YEAR_ARG,
    ] as const,
  },
  (a, ctx) =>
    ctx.amountOut(
      annualCompensationAmount(a.amount, ctx.policy, a.formationYear, a.exemption).value
    )
);

/**
 * 责任不良贷款的年度补偿额（第三十三、三十六条）：Y 年买断 Y − 间隔年数（政策参数 A.年度补偿.间隔年数）年形成的责任贷款，自 A.年度补偿.起始年份 起每个形成年份都适用，比例由总行按形成年份确定（数字见帮助页“本年度政策数字”）；政策中未设置比例时返回 #N/A“买断比例未设置”，并指明要设置的参数（如 A.年度补偿.比例.2014）。
 * 基数：A.年度补偿.截止年份 及以前形成的按贷款余额（按其总额的一定比例）；之后形成的按免责后的余额 = 余额 − 免责金额（免责金额留空即无免责；大于余额为 #VALUE!）。截止年份及以前的免责金额不适用。
 * @customfunction ANNUALCOMP
 * @param {any} amount 责任不良贷款余额（工作簿金额单位）
 * @param {any} [formationYear] 形成不良年份（可选，默认 政策年度 − 间隔年数）
 * @param {any} [exemption] 免责金额（可选，工作簿金额单位；截止年份之后形成的从余额中扣除）
 * @param {any} [year] 政策年度（可选，默认本工作簿的政策）
 * @returns {any} 补偿金额（工作簿金额单位）
 */
export function annualcomp(amount: any, formationYear?: any, exemption?: any, year?: any): any {
  return ANNUALCOMP(...arguments);
}

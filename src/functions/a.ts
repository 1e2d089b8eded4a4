/**
 * Custom functions of rule set A（信贷客户经理等级与不良贷款买断，RULES.md A）.
 * Each function: Chinese JSDoc (`@customfunction ID`, zh-CN help in functions.json), a one-line
 * body calling a `defineFunction(spec, impl)` of ./args.ts; English help in ./a.en.ts.
 * The build (CustomFunctionsMetadataPlugin) reads this file and registers every function.
 */
import { naError } from "../core/errors";
import { assessGrade, wageCoefficient } from "../rules/a/grade";
import { defineFunction, YEAR_ARG } from "./args";

const GRADE_ENUM = {
  一级: ["1级", "一级客户经理"],
  二级: ["2级", "二级客户经理"],
  三级: ["3级", "三级客户经理"],
  取消资格: ["取消", "不合格"],
} as const;

const GRADE = defineFunction(
  {
    id: "GRADE",
    params: [
      { name: "score", zh: "总分", type: "number" },
      { name: "seriousViolations", zh: "严重违规次数", type: "int", optional: true, min: 0 },
      { name: "nplRate", zh: "新增不良率（%）", type: "number", optional: true, min: 0 },
      { name: "toleranceRate", zh: "不良容忍度（%）", type: "number", optional: true, min: 0 },
      { name: "firstAppointed", zh: "首次任职日期", type: "date", optional: true },
      { name: "prevCoefficient", zh: "原岗位工资系数", type: "number", optional: true, min: 0 },
      YEAR_ARG,
    ] as const,
  },
  (a, ctx) =>
    assessGrade(
      {
        score: a.score,
        seriousViolations: a.seriousViolations,
        nplRatePct: a.nplRate,
        toleranceRatePct: a.toleranceRate ?? undefined,
        firstAppointed: a.firstAppointed,
        prevCoefficient: a.prevCoefficient,
      },
      ctx.policy,
    ).finalGrade,
);

const WAGECOEF = defineFunction(
  {
    id: "WAGECOEF",
    params: [
      { name: "grade", zh: "等级", type: "text", enum: GRADE_ENUM },
      { name: "firstAppointed", zh: "首次任职日期", type: "date", optional: true },
      { name: "prevCoefficient", zh: "原岗位工资系数", type: "number", optional: true, min: 0 },
      YEAR_ARG,
    ] as const,
  },
  (a, ctx) => {
    const r = wageCoefficient(a.grade as keyof typeof GRADE_ENUM, ctx.policy, { firstAppointed: a.firstAppointed, prevCoefficient: a.prevCoefficient });
    if (r.value === null) throw naError("取消资格无工资系数（第十条）", "取消资格 (disqualified) has no wage coefficient (Art. 10)");
    return r.value;
  },
);

/**
 * 按总分评定信贷客户经理等级（第十条：≥90 一级，75–90 二级，60–75 三级，<60 取消资格）。总分先四舍五入到 0.01 再评定（89.995 → 90.00 → 一级）。
 * 之后按第十二条封顶：有严重违规最高二级；新增不良率高于不良容忍度最高二级，高于容忍度 1.5 倍最高三级（封顶不提高等级）。
 * 首次任职未满两年（第七条、第十五条）的，低于三级按三级评定。容忍度未设置时不良封顶不适用。
 * @customfunction GRADE
 * @param {any} score 总分（可为负数）
 * @param {any} [seriousViolations] 严重违规次数（可选，默认 0）
 * @param {any} [nplRate] 新增不良贷款率，按百分数填写（1.2 表示 1.2%）（可选）
 * @param {any} [toleranceRate] 不良容忍度，按百分数填写（可选，默认取政策参数“不良容忍度”）
 * @param {any} [firstAppointed] 首次任职日期（可选，用于两年保护期）
 * @param {any} [prevCoefficient] 原岗位工资系数（可选，保护期内用于工资系数）
 * @param {any} [year] 政策年度（可选，默认本工作簿的政策）
 * @returns {any} 等级：一级/二级/三级/取消资格
 */
export function grade(score: any, seriousViolations?: any, nplRate?: any, toleranceRate?: any, firstAppointed?: any, prevCoefficient?: any, year?: any): any {
  return GRADE(score, seriousViolations, nplRate, toleranceRate, firstAppointed, prevCoefficient, year);
}

/**
 * 信贷客户经理等级对应的工资系数（第十条：一级 2.0，二级 1.8，三级 1.6；取消资格无系数，返回 #N/A）。
 * 首次任职两年保护期内，取等级系数与原岗位工资系数中较高者（第七条）。
 * @customfunction WAGECOEF
 * @param {any} grade 等级：一级/二级/三级/取消资格
 * @param {any} [firstAppointed] 首次任职日期（可选，用于两年保护期）
 * @param {any} [prevCoefficient] 原岗位工资系数（可选，仅保护期内适用）
 * @param {any} [year] 政策年度（可选，默认本工作簿的政策）
 * @returns {any} 工资系数
 */
export function wagecoef(grade: any, firstAppointed?: any, prevCoefficient?: any, year?: any): any {
  return WAGECOEF(grade, firstAppointed, prevCoefficient, year);
}

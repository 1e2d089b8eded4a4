/**
 * A10b (第四十五、四十七、四十八条1, rev 2): the post-exit pay basis of a CM who leaves the post by
 * age this year. The add-in computes no pay: it states which basis the rules fix, with the
 * figures they use — A9's tolerance, A6's responsible NPL balance, the grade held at exit, and the
 * tellers' figures of the policy (`A.柜员平均效益工资`, `A.柜员平均工资系数`) when they are set.
 */
import type { IsoDate } from "../../core/dates";
import { valueError } from "../../core/errors";
import type { ExplainStep } from "../../core/explain";
import { Dec, dec, fmtMoney } from "../../core/money";
import type { Post } from "../../core/rows";
import type { Policy } from "../../policy/types";
import {
  coefficientOf,
  DISQUALIFIED,
  FinalGrade,
  hasPostCoefficient,
  POST_COEFFICIENT_TEXT,
  stepA,
} from "./common";
import { overToleranceShare } from "./tolerance";

export const UNSET_TEXT = "未设置";

export interface ExitPayInput {
  /** the exit date (延长任职至, else by age) */
  exitDate: IsoDate;
  /** the exit date is 延长任职至 */
  extended: boolean;
  /** the grade held at exit (this year's final grade); null = not assessed */
  grade: FinalGrade | null;
  post: Post | null;
  /** A9, 元 */
  tolerance: Dec;
  /** A6, 元 */
  balance: Dec;
}

export interface ExitPayResult {
  /** responsible NPL ≤ tolerance (第四十七条); else beyond (第四十八条) */
  within: boolean;
  /** (balance − tolerance) ÷ tolerance when beyond a tolerance > 0 */
  over: Dec | null;
  /** the post coefficient as a number, when there is one */
  coefficient: number | null;
  /** the coefficient as the summary shows it ("1.8", 按岗位职务系数（第十三条）, …) */
  coefficientText: string;
  /** A10's share of the tellers' average pay when beyond tolerance and ≥ 80% of the collection task is done; null within */
  share: number | null;
  tellerPayText: string;
  tellerCoefText: string;
  /** the pay basis, in words, citing the articles */
  basisZh: string;
  steps: ExplainStep[];
}

function pct(x: number): string {
  return `${dec(x).times(100).toString()}%`;
}

/** The warning of a CM leaving whose grade of the year could not be assessed (the coefficient at exit is not known). */
export function noGradeStep(e: { zh: string; en: string }): ExplainStep {
  return stepA("warning", "第十条", "A_EXITPAY_NO_GRADE", { reason: e.zh, reasonEn: e.en });
}

/** A10b for one CM. */
export function exitPayBasis(input: ExitPayInput, policy: Policy): ExitPayResult {
  const a = policy.a;
  if (!input.tolerance.isFinite() || input.tolerance.isNeg())
    throw valueError("容忍额度应为非负金额", "the tolerance must be an amount ≥ 0");
  if (!input.balance.isFinite() || input.balance.isNeg())
    throw valueError("责任不良贷款余额应为非负金额", "the responsible NPL must be an amount ≥ 0");
  const tellerPayText =
    a.tellerAvgPay === null ? UNSET_TEXT : `${fmtMoney(dec(a.tellerAvgPay))} 元`;
  const tellerCoefText =
    a.tellerAvgCoefficient === null ? UNSET_TEXT : String(a.tellerAvgCoefficient);
  const steps: ExplainStep[] = [
    stepA("input", "第四十五条", "A_EXITPAY_INPUT", {
      date: input.exitDate,
      by: input.extended ? "延长任职至" : "年龄",
      tol: fmtMoney(input.tolerance),
      balance: fmtMoney(input.balance),
      grade: input.grade ?? "未评定",
    }),
    stepA("interpretation", "第四十五条", "A_EXITPAY_NOTE"),
  ];
  const exitYear = `第四十五条：退出当年绩效工资按客户经理办法执行，但不低于本行柜员平均效益工资（${tellerPayText}）`;
  const within = input.balance.lte(input.tolerance);
  if (within) {
    let coefficient: number | null = null;
    let coefficientText: string;
    if (hasPostCoefficient(input.post)) coefficientText = POST_COEFFICIENT_TEXT;
    else if (input.grade === null) coefficientText = "退出时等级未评定";
    else if (input.grade === DISQUALIFIED) coefficientText = "无（退出时等级为取消资格）";
    else {
      coefficient = coefficientOf(input.grade, policy);
      coefficientText = String(coefficient);
    }
    steps.push(stepA("calc", "第四十七条", "A_EXITPAY_WITHIN", { coef: coefficientText }));
    if (input.grade !== null)
      steps.push(stepA("interpretation", "第四十七条", "A_EXITPAY_GRADE", { grade: input.grade }));
    const basisZh = `${exitYear}；第四十七条（容忍度内）：岗位工资系数按退出时等级系数（${coefficientText}），绩效工资比照本支行柜员平均业务量绩效工资（含预发工资）`;
    return {
      within,
      over: null,
      coefficient,
      coefficientText,
      share: null,
      tellerPayText,
      tellerCoefText,
      basisZh,
      steps,
    };
  }
  const o = overToleranceShare(input.balance, input.tolerance, a.overTolCollectionMin, policy);
  steps.push(...o.steps.filter((s) => s.code !== "A_OVER_INPUT" && s.code !== "A_OVER_RESULT"));
  const share = o.share as number;
  const coefficient = a.tellerAvgCoefficient;
  const coefficientText =
    coefficient === null ? `按本支行柜员平均工资系数（${UNSET_TEXT}）` : String(coefficient);
  steps.push(stepA("calc", "第四十八条", "A_EXITPAY_BEYOND", { coef: coefficientText }));
  steps.push(
    stepA("interpretation", "第四十八条 2", "A_EXITPAY_SHARE", {
      min: pct(a.overTolCollectionMin),
      share: pct(share),
    })
  );
  const basisZh =
    `${exitYear}；第四十八条（超容忍度）：岗位工资系数按本支行柜员平均工资系数（${tellerCoefText}），` +
    `预发工资按柜员标准，与季度清收任务挂钩（当季未完成的下季不预发，不补发）；` +
    `第四十八条 2：完成清收任务 ${pct(a.overTolCollectionMin)} 以上享受柜员平均业务量绩效的 ${pct(share)}，不足 ${pct(a.overTolCollectionMin)} 为 0`;
  return {
    within,
    over: o.over,
    coefficient,
    coefficientText,
    share,
    tellerPayText,
    tellerCoefText,
    basisZh,
    steps,
  };
}

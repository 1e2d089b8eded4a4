/**
 * Shared pieces of rule set A (RULES.md A): the step helper with source "A", grade order,
 * and the check that a needed figure is present (a null figure is an error naming the field,
 * never 0).
 */
import { step, ExplainStep, Param, StepKind } from "../../core/explain";
import { naError, valueError } from "../../core/errors";
import type { Dec } from "../../core/money";
import type { Post } from "../../core/rows";
import { CREDIT_GRADES } from "../../policy/types";
import type { CreditGrade, Policy } from "../../policy/types";

/** A credit CM's final grade: one of the three grades, or 取消资格 (第十条). */
export type FinalGrade = CreditGrade | "取消资格";

export const DISQUALIFIED = "取消资格" as const;

/** The 工资系数 cell of a branch head (第十三条, rev 2): never a number. */
export const POST_COEFFICIENT_TEXT = "按岗位职务系数（第十三条）";
export const POST_COEFFICIENT_TEXT_EN = "the post's coefficient (Art. 13)";

/**
 * 第十三条 (rev 2): 支行长, 副行长 and 分理处主任 are graded, but their wage coefficient is their
 * post's. Blank 职务 = 客户经理.
 */
export function hasPostCoefficient(post: Post | null | undefined): boolean {
  return post !== null && post !== undefined && post !== "客户经理";
}

/** 第四十七条: 支行长 (by 职务) or 城区或支行长 = 是 → the reduced tolerance ratios (副行长, 分理处主任 are not named). */
export function reducedTolerance(
  urban: boolean | null | undefined,
  post: Post | null | undefined
): boolean {
  return urban === true || post === "支行长";
}

/** A step of rule set A. */
export function stepA(
  kind: StepKind,
  article: string,
  code: string,
  params: Record<string, Param> = {}
): ExplainStep {
  return step(kind, "A", article, code, params);
}

/** Order of the grades, best first: 一级 (0) … 三级 (2), 取消资格 (3). Names, not thresholds. */
export const FINAL_GRADES = [...CREDIT_GRADES, DISQUALIFIED] as const;
const GRADE_ORDER: readonly FinalGrade[] = FINAL_GRADES;

export function gradeRank(g: FinalGrade): number {
  return GRADE_ORDER.indexOf(g);
}

/** The wage coefficient of a grade in the policy (第十条); null for 取消资格. */
export function coefficientOf(grade: FinalGrade, policy: Policy): number | null {
  if (grade === DISQUALIFIED) return null;
  const row = policy.a.grades.find((g) => g.grade === grade);
  if (!row)
    throw naError(
      `政策中未设置等级“${grade}”的工资系数（第十条）`,
      `the policy has no wage coefficient for grade ${grade} (Art. 10)`
    );
  return row.wageCoefficient;
}

/** A figure a rule needs: null → #N/A naming the field in Chinese (never 0). */
export function need<T>(v: T | null | undefined, zh: string, en: string): T {
  if (v === null || v === undefined) throw naError(`缺少${zh}`, `missing ${en}`);
  return v;
}

/** A count (whole number ≥ 0) or a clear #VALUE!. */
export function checkCount(v: number, zh: string, en: string): number {
  if (!Number.isInteger(v) || v < 0)
    throw valueError(`${zh}应为非负整数：${v}`, `${en} must be a whole number ≥ 0: ${v}`);
  return v;
}

/**
 * A percentage as shown in reasons and explanations: 4 decimals, or as many more as it takes for
 * the shown value to compare with each threshold (A4: tolerance, 1.5 × tolerance; A10: the band
 * limits) as the exact value does, so that "1.5% 超过 … 1.5%" is never shown for 1.50004%.
 */
export function shownRatePct(r: Dec, thresholds: readonly (Dec | number)[]): number {
  for (let dp = 4; dp < 20; dp++) {
    const shown = r.toDecimalPlaces(dp);
    if (thresholds.every((t) => shown.comparedTo(t) === r.comparedTo(t))) return shown.toNumber();
  }
  return r.toNumber();
}

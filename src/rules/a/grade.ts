/**
 * A1 (第十条) grade from the total score, A4 (第十二条 2–3) caps, A5 (第七条、第十五条)
 * protection period of first-time CMs, and the wage coefficient.
 *
 * Order: the score (rounded half-up to 0.01) gives the score grade; in the protection period a
 * score grade of 取消资格 becomes the protected grade (三级); then the caps apply, the lowest
 * wins, never raising a grade and never turning 取消资格 into a grade.
 */
import { addYears, IsoDate } from "../../core/dates";
import { valueError } from "../../core/errors";
import type { ExplainStep } from "../../core/explain";
import { D, Dec, dec, round2 } from "../../core/money";
import { excelNumber } from "../../core/parse";
import type { Post } from "../../core/rows";
import type { CreditGrade, Policy } from "../../policy/types";
import {
  checkCount,
  coefficientOf,
  DISQUALIFIED,
  FinalGrade,
  gradeRank,
  hasPostCoefficient,
  POST_COEFFICIENT_TEXT,
  shownRatePct,
  stepA,
} from "./common";
import { exitReasonLabel } from "./exit";

const ART_GRADE = "第十条";
const ART_CAPS = "第十二条";
const ART_PROTECT = "第七条、第十五条";

export interface GradeCap {
  /** the grade the cap allows at most */
  cap: CreditGrade;
  /** message code of the reason (A_CAP_SERIOUS, A_CAP_OVER_TOL, A_CAP_FAR_OVER_TOL) */
  reasonCode: string;
  /** Chinese reason for the 封顶原因 column */
  reason: string;
  /** whether this cap lowered the grade (false: the grade was already at or below it) */
  lowered: boolean;
}

export interface GradeResult {
  /** the total score as used, rounded half-up to 0.01 */
  score: number;
  /** grade from the score alone (A1) */
  scoreGrade: FinalGrade;
  caps: GradeCap[];
  finalGrade: FinalGrade;
  /** null for 取消资格, and for a branch head (see postCoefficient) */
  wageCoefficient: number | null;
  /** 第十三条 (rev 2): a branch head's coefficient is his post's — the 工资系数 cell says POST_COEFFICIENT_TEXT */
  postCoefficient: boolean;
  /** in the protection period of a first-time CM (A5) */
  protected: boolean;
  /** A8 reasons to leave the post that follow from the grade (beside the grade, never replacing it) */
  exitReasons: string[];
  steps: ExplainStep[];
}

export interface GradeInput {
  /** total score S (A2–A3); may be negative */
  score: number | Dec;
  /** number of serious violations in the year (A4); null/absent = none recorded */
  seriousViolations?: number | null;
  /** new-NPL rate r of A2.3, in % (1.2 = 1.2%); null/absent = not given (NPL caps not checked) */
  nplRatePct?: number | Dec | null;
  /** tolerance rate in %; undefined = the policy's 不良容忍度 */
  toleranceRatePct?: number | null;
  /** 首次任职日期 (A5); null/absent = not a first-time CM in protection */
  firstAppointed?: IsoDate | null;
  /** 原岗位工资系数 (第七条) */
  prevCoefficient?: number | null;
  /** defaults to the policy's 评定日期 */
  assessmentDate?: IsoDate | null;
  /** 职务 (rev 2, 第十三条); null/absent = 客户经理 */
  post?: Post | null;
}

/** A1: the score grade of a total already rounded to 0.01. */
export function gradeOfScore(score: Dec, policy: Policy): FinalGrade {
  return gradeOfNumber(score.toNumber(), policy);
}

/** {@link gradeOfScore} of the score as a number (two decimals, as the minima: comparing the doubles is exact). */
function gradeOfNumber(s: number, policy: Policy): FinalGrade {
  let best: { grade: CreditGrade; minScore: number } | null = null;
  for (const g of policy.a.grades)
    if (s >= g.minScore && (best === null || g.minScore > best.minScore)) best = g;
  return best ? best.grade : DISQUALIFIED;
}

/** A5: the day the protection period ends (first appointment + N calendar years; 29 Feb → 28 Feb). */
export function protectionEnd(firstAppointed: IsoDate, policy: Policy): IsoDate {
  return addYears(firstAppointed, policy.a.protectionYears);
}

/** A5: the assessment date is earlier than the end of the protection period. */
export function inProtection(
  firstAppointed: IsoDate,
  assessmentDate: IsoDate,
  policy: Policy
): boolean {
  if (firstAppointed > assessmentDate) {
    throw valueError(
      `首次任职日期 ${firstAppointed} 晚于评定日期 ${assessmentDate}`,
      `first appointment ${firstAppointed} is after the assessment date ${assessmentDate}`
    );
  }
  return assessmentDate < protectionEnd(firstAppointed, policy);
}

/**
 * A plain number input as a Decimal. Cells and CM.* arguments are already read as Excel shows
 * them (15 significant digits) by src/core/parse; a number from any other caller is read the
 * same way, by the same {@link excelNumber} (a no-op for a number that came through the parser),
 * so =89.99+0.005 (the double 89.99499999999999, shown 89.995) grades as 90.00 (RULES.md A1).
 */
function toDec(x: number | Dec, zh: string, en: string): Dec {
  if (typeof x === "number") {
    if (!Number.isFinite(x)) throw valueError(`${zh}不是有限数值`, `${en} is not a finite number`);
    return dec(excelNumber(x));
  }
  return dec(x);
}

function npCaps(
  input: GradeInput,
  policy: Policy,
  steps: ExplainStep[]
): { cap: CreditGrade; code: string; reason: string }[] {
  const tol =
    input.toleranceRatePct === undefined ? policy.nplToleranceRatePct : input.toleranceRatePct;
  const r =
    input.nplRatePct === null || input.nplRatePct === undefined
      ? null
      : toDec(input.nplRatePct, "新增不良贷款率", "the new-NPL rate");
  if (r !== null && r.isNeg())
    throw valueError(
      `新增不良贷款率应为非负数：${r.toString()}`,
      `the new-NPL rate must be ≥ 0: ${r.toString()}`
    );
  if (tol === null) {
    steps.push(stepA("warning", ART_CAPS, "A_TOL_UNSET"));
    return [];
  }
  if (!Number.isFinite(tol) || tol < 0)
    throw valueError(`不良容忍度应为非负数：${tol}`, `the NPL tolerance rate must be ≥ 0: ${tol}`);
  const tolD = toDec(tol, "不良容忍度", "the NPL tolerance rate");
  const tolShown = tolD.toNumber();
  if (r === null) {
    steps.push(stepA("warning", ART_CAPS, "A_NPL_RATE_MISSING", { tol: tolShown }));
    return [];
  }
  const factor = policy.a.farOverToleranceFactor;
  const far = tolD.times(factor);
  const rShown = shownRatePct(r, [tolD, far]);
  if (r.gt(far)) {
    const reason = `新增不良率 ${rShown}% 超过容忍度 ${tolShown}% 的 ${factor} 倍`;
    return [{ cap: policy.a.capFarOverTolerance, code: "A_CAP_FAR_OVER_TOL", reason }];
  }
  if (r.gt(tolD)) {
    return [
      {
        cap: policy.a.capOverTolerance,
        code: "A_CAP_OVER_TOL",
        reason: `新增不良率 ${rShown}% 超过容忍度 ${tolShown}%`,
      },
    ];
  }
  steps.push(
    stepA("calc", ART_CAPS, "A_NPL_WITHIN_TOL", {
      rate: rShown,
      tol: tolShown,
      far: far.toNumber(),
    })
  );
  return [];
}

function capParams(
  c: { cap: CreditGrade; code: string },
  input: GradeInput,
  policy: Policy
): Record<string, number | string> {
  const tol =
    input.toleranceRatePct === undefined ? policy.nplToleranceRatePct : input.toleranceRatePct;
  if (c.code === "A_CAP_SERIOUS") return { cap: c.cap, count: input.seriousViolations ?? 0 };
  const factor = policy.a.farOverToleranceFactor;
  const r =
    input.nplRatePct === null || input.nplRatePct === undefined
      ? dec(0)
      : toDec(input.nplRatePct, "新增不良贷款率", "the new-NPL rate");
  const tolD = tol === null ? null : toDec(tol, "不良容忍度", "the NPL tolerance rate");
  const rate =
    tolD === null ? r.toDecimalPlaces(4).toNumber() : shownRatePct(r, [tolD, tolD.times(factor)]);
  return { cap: c.cap, rate, tol: tolD === null ? 0 : tolD.toNumber(), factor };
}

/** A1 + A4 + A5: the grade of a credit CM from his total score and the cap conditions. */
export function assessGrade(input: GradeInput, policy: Policy): GradeResult {
  const steps: ExplainStep[] = [];
  const raw = toDec(input.score, "总分", "the total score");
  const score = round2(raw);
  const scoreNumber = score.toNumber();
  const scoreText = score.toFixed(2);
  steps.push(stepA("input", ART_GRADE, "A_SCORE_INPUT", { score: scoreNumber }));
  if (!score.eq(raw))
    steps.push(
      stepA("interpretation", ART_GRADE, "A_SCORE_ROUNDED", {
        raw: raw.toString(),
        score: scoreText,
      })
    );
  const scoreGrade = gradeOfNumber(scoreNumber, policy);
  steps.push(stepA("calc", ART_GRADE, "A_SCORE_GRADE", { score: scoreText, grade: scoreGrade }));

  const assessmentDate = input.assessmentDate ?? policy.assessmentDate;
  let isProtected = false;
  let grade: FinalGrade = scoreGrade;
  if (input.firstAppointed) {
    const end = protectionEnd(input.firstAppointed, policy);
    isProtected = inProtection(input.firstAppointed, assessmentDate, policy);
    steps.push(
      stepA("calc", ART_PROTECT, isProtected ? "A_PROTECTED" : "A_NOT_PROTECTED", {
        first: input.firstAppointed,
        end,
        date: assessmentDate,
      })
    );
    if (isProtected && gradeRank(scoreGrade) > gradeRank(policy.a.protectedGrade)) {
      grade = policy.a.protectedGrade;
      steps.push(stepA("cap", ART_PROTECT, "A_PROTECTED_GRADE", { from: scoreGrade, grade }));
    }
  }

  const conditions: { cap: CreditGrade; code: string; reason: string }[] = [];
  const serious = input.seriousViolations ?? 0;
  checkCount(serious, "严重违规次数", "the number of serious violations");
  if (serious > 0)
    conditions.push({
      cap: policy.a.capSeriousViolation,
      code: "A_CAP_SERIOUS",
      reason: `严重违规 ${serious} 次`,
    });
  conditions.push(...npCaps(input, policy, steps));

  const caps: GradeCap[] = [];
  for (const c of conditions) {
    const lowered = grade !== DISQUALIFIED && gradeRank(c.cap) > gradeRank(grade);
    caps.push({ cap: c.cap, reasonCode: c.code, reason: c.reason, lowered });
    steps.push(
      stepA("cap", ART_CAPS, c.code, {
        ...capParams(c, input, policy),
        from: grade,
        effect: lowered,
      })
    );
    if (lowered) grade = c.cap;
  }
  if (caps.some((c) => !c.lowered) && grade === DISQUALIFIED)
    steps.push(stepA("interpretation", ART_CAPS, "A_CAP_NO_RAISE"));

  const byPost = hasPostCoefficient(input.post);
  let coef = byPost ? null : coefficientOf(grade, policy);
  if (byPost) {
    steps.push(
      stepA("calc", "第十三条", "A_POST_COEF", {
        post: input.post as string,
        grade,
        text: POST_COEFFICIENT_TEXT,
      })
    );
  } else if (
    coef !== null &&
    isProtected &&
    input.prevCoefficient !== null &&
    input.prevCoefficient !== undefined
  ) {
    const prev = input.prevCoefficient;
    if (!Number.isFinite(prev) || prev <= 0)
      throw valueError(
        `原岗位工资系数应为正数：${prev}`,
        `the previous post's coefficient must be > 0: ${prev}`
      );
    const larger = D.max(coef, prev).toNumber();
    steps.push(stepA("calc", "第七条", "A_PREV_COEF", { grade: coef, prev, coef: larger }));
    coef = larger;
  } else if (
    !isProtected &&
    input.prevCoefficient !== null &&
    input.prevCoefficient !== undefined &&
    input.firstAppointed
  ) {
    steps.push(stepA("calc", "第七条", "A_PREV_COEF_IGNORED", { prev: input.prevCoefficient }));
  }
  if (isProtected) steps.push(stepA("interpretation", "第七条", "A_PERF_PAY_NOTE"));

  const exitReasons = grade === DISQUALIFIED ? [exitReasonLabel("grade", "zh")] : [];
  if (exitReasons.length > 0) steps.push(stepA("warning", "第四十一条", "A_EXIT_GRADE"));
  if (byPost && grade !== DISQUALIFIED)
    steps.push(
      stepA("result", ART_GRADE, "A_GRADE_RESULT_POST", { grade, text: POST_COEFFICIENT_TEXT })
    );
  else
    steps.push(
      stepA(
        "result",
        ART_GRADE,
        grade === DISQUALIFIED ? "A_GRADE_RESULT_NONE" : "A_GRADE_RESULT",
        { grade, coef }
      )
    );
  return {
    score: scoreNumber,
    scoreGrade,
    caps,
    finalGrade: grade,
    wageCoefficient: coef,
    postCoefficient: byPost,
    protected: isProtected,
    exitReasons,
    steps,
  };
}

/**
 * The wage coefficient of a grade (第十条); in the protection period the larger of it and the
 * previous post's coefficient (第七条). 取消资格 has none → null.
 */
export function wageCoefficient(
  grade: FinalGrade,
  policy: Policy,
  opts: {
    firstAppointed?: IsoDate | null;
    prevCoefficient?: number | null;
    assessmentDate?: IsoDate | null;
    post?: Post | null;
  } = {}
): { value: number | null; postCoefficient: boolean; protected: boolean; steps: ExplainStep[] } {
  const steps: ExplainStep[] = [];
  if (hasPostCoefficient(opts.post)) {
    steps.push(
      stepA("calc", "第十三条", "A_POST_COEF", {
        post: opts.post as string,
        grade,
        text: POST_COEFFICIENT_TEXT,
      })
    );
    return { value: null, postCoefficient: true, protected: false, steps };
  }
  let coef = coefficientOf(grade, policy);
  steps.push(stepA("calc", ART_GRADE, coef === null ? "A_COEF_NONE" : "A_COEF", { grade, coef }));
  let isProtected = false;
  if (opts.firstAppointed) {
    const date = opts.assessmentDate ?? policy.assessmentDate;
    isProtected = inProtection(opts.firstAppointed, date, policy);
    steps.push(
      stepA("calc", ART_PROTECT, isProtected ? "A_PROTECTED" : "A_NOT_PROTECTED", {
        first: opts.firstAppointed,
        end: protectionEnd(opts.firstAppointed, policy),
        date,
      })
    );
    const prev = opts.prevCoefficient;
    if (isProtected && coef !== null && prev !== null && prev !== undefined) {
      if (!Number.isFinite(prev) || prev <= 0)
        throw valueError(
          `原岗位工资系数应为正数：${prev}`,
          `the previous post's coefficient must be > 0: ${prev}`
        );
      const larger = Math.max(coef, prev);
      steps.push(stepA("calc", "第七条", "A_PREV_COEF", { grade: coef, prev, coef: larger }));
      coef = larger;
    }
  }
  return { value: coef, postCoefficient: false, protected: isProtected, steps };
}

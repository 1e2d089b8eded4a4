/**
 * A8 (第四十一条, 第四十三–四十四条): reasons to leave the post, the exit date by age, and the
 * transition lending limits.
 */
import { addDays, addYears, IsoDate } from "../../core/dates";
import { valueError } from "../../core/errors";
import type { ExplainStep } from "../../core/explain";
import { Dec, dec, round2 } from "../../core/money";
import type { Sex } from "../../core/rows";
import type { Policy } from "../../policy/types";
import { DISQUALIFIED, FinalGrade, stepA } from "./common";

/** Every reason of 第四十一条, with its Chinese and English label. */
export const EXIT_REASONS = {
  grade: { zh: "考核等级为取消资格（第四十一条）", en: "grade 取消资格 (disqualified) (Art. 41)" },
  examFails: { zh: "连续两次资格考试不合格（第四十一条）", en: "failed the qualification exam twice running (Art. 41)" },
  branchAssessment: { zh: "支行考核不合格（第四十一条）", en: "branch assessment failed (Art. 41)" },
  headOfficeQualification: { zh: "总行资格审查不合格（第四十一条）", en: "head-office qualification failed (Art. 41)" },
  illness: { zh: "因病不能履职（第四十一条）", en: "illness (Art. 41)" },
  violation: { zh: "重大违规（第四十一条）", en: "major violation (Art. 41)" },
  age: { zh: "达到退出年龄（第四十一条）", en: "exit age reached (Art. 41)" },
} as const;

export type ExitReasonCode = keyof typeof EXIT_REASONS;

export function exitReasonLabel(code: ExitReasonCode, lang: "zh" | "en"): string {
  return EXIT_REASONS[code][lang];
}

const ART_EXIT = "第四十一条";

/** The exit age of the policy for a sex (第四十一条 5). */
export function exitAge(sex: Sex, policy: Policy): number {
  if (sex === "男") return policy.a.exitAgeMale;
  if (sex === "女") return policy.a.exitAgeFemale;
  throw valueError(`性别应为 男 或 女：${String(sex)}`, `sex must be 男 or 女: ${String(sex)}`);
}

/**
 * A8: the exit date by age — the day after the 55th (male) / 45th (female) birthday
 * (**Interpretation**: "超过55周岁" by exact age). A 29 February birthday has its birthday
 * on 28 February in a common year (addYears), so the exit date is 1 March.
 */
export function exitDate(sex: Sex, birth: IsoDate, policy: Policy): { value: IsoDate; steps: ExplainStep[] } {
  const age = exitAge(sex, policy);
  const birthday = addYears(birth, age);
  const value = addDays(birthday, 1);
  return {
    value,
    steps: [
      stepA("input", ART_EXIT, "A_EXIT_AGE_INPUT", { sex, birth, age }),
      stepA("interpretation", ART_EXIT, "A_EXIT_DATE", { age, birthday, date: value }),
    ],
  };
}

/** The flags of 第四十一条 that a caller knows; an absent flag is not checked. */
export interface ExitFlags {
  /** final grade after the protection period (取消资格 → reason) */
  grade?: FinalGrade | null;
  /** two consecutive failed qualification exams */
  examFailsTwice?: boolean | null;
  branchAssessmentFailed?: boolean | null;
  headOfficeFailed?: boolean | null;
  illness?: boolean | null;
  majorViolation?: boolean | null;
  sex?: Sex | null;
  birth?: IsoDate | null;
}

export interface ExitResult {
  codes: ExitReasonCode[];
  /** Chinese labels, in the order of 第四十一条 */
  reasons: string[];
  /** the exit date by age, when sex and birth are known */
  exitDate: IsoDate | null;
  steps: ExplainStep[];
}

/** A8: every reason of 第四十一条 that holds at the assessment date (beside the grade, never replacing it). */
export function exitReasons(flags: ExitFlags, policy: Policy, assessmentDate: IsoDate = policy.assessmentDate): ExitResult {
  const steps: ExplainStep[] = [];
  const codes: ExitReasonCode[] = [];
  if (flags.grade === DISQUALIFIED) codes.push("grade");
  if (flags.examFailsTwice) codes.push("examFails");
  if (flags.branchAssessmentFailed) codes.push("branchAssessment");
  if (flags.headOfficeFailed) codes.push("headOfficeQualification");
  let date: IsoDate | null = null;
  if (flags.sex && flags.birth) {
    const e = exitDate(flags.sex, flags.birth, policy);
    date = e.value;
    steps.push(...e.steps);
    if (assessmentDate >= date) {
      codes.push("age");
      steps.push(stepA("calc", ART_EXIT, "A_EXIT_AGE_REACHED", { date, assessed: assessmentDate }));
    }
  } else {
    steps.push(stepA("warning", ART_EXIT, "A_EXIT_AGE_UNKNOWN"));
  }
  if (flags.illness) codes.push("illness");
  if (flags.majorViolation) codes.push("violation");
  const reasons = codes.map((c) => exitReasonLabel(c, "zh"));
  for (const c of codes) steps.push(stepA("result", ART_EXIT, "A_EXIT_REASON", { reason: exitReasonLabel(c, "zh"), reasonEn: exitReasonLabel(c, "en") }));
  return { codes, reasons, exitDate: date, steps };
}

export interface TransitionLimit {
  /** the limit holds from this date on */
  from: IsoDate;
  /** the largest first-responsibility loan balance allowed from then on, 元 */
  maxBalance: Dec;
  zh: string;
  en: string;
}

/**
 * A8 transition (第四十三–四十四条): two years; first-responsibility lending is cut to half
 * of its exit-date balance within the first year and stops when the two years are over.
 * **Interpretation:** the half must be reached one year after the exit date.
 */
export function transitionLimits(exit: IsoDate, balanceAtExit: Dec, policy: Policy): { limits: TransitionLimit[]; steps: ExplainStep[] } {
  if (!balanceAtExit.isFinite() || balanceAtExit.isNeg()) throw valueError("退出日第一责任贷款余额应为非负金额", "the balance at exit must be an amount ≥ 0");
  const a = policy.a;
  const half = round2(balanceAtExit.times(a.transitionFirstYearShare));
  const y1 = addYears(exit, 1);
  const end = addYears(exit, a.transitionYears);
  const pct = dec(a.transitionFirstYearShare).times(100).toNumber();
  const limits: TransitionLimit[] = [
    { from: y1, maxBalance: half, zh: `${y1} 起第一责任贷款不超过退出日余额的 ${pct}%`, en: `from ${y1}: first-responsibility loans at most ${pct}% of the exit-date balance` },
    { from: end, maxBalance: dec(0), zh: `${end} 起停止全部贷款发放权`, en: `from ${end}: no lending at all` },
  ];
  const steps = [
    stepA("input", "第四十三条", "A_TRANSITION_INPUT", { exit, balance: round2(balanceAtExit).toFixed(2), years: a.transitionYears }),
    stepA("interpretation", "第四十四条", "A_TRANSITION", { y1, half: half.toFixed(2), pct, end }),
  ];
  return { limits, steps };
}

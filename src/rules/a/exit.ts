/**
 * A8 (第四十一条, 第四十三–四十四条): reasons to leave the post, the exit date by age, and the
 * transition lending limits.
 */

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

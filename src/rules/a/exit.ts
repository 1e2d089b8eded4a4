/**
 * A8 (第四十一条, 第四十三–四十四条): reasons to leave the post, the exit date by age, and the
 * transition lending limits.
 */
import { addDays, addYears, IsoDate } from "../../core/dates";
import { valueError } from "../../core/errors";
import type { ExplainStep } from "../../core/explain";
import { Dec, dec, round2 } from "../../core/money";
import type { ErrorLogRow, Sex } from "../../core/rows";
import { disqualifyingItemsByManager as itemsOfTheYear } from "../c/disqualify";
import type { Policy } from "../../policy/types";
import { DISQUALIFIED, FinalGrade, stepA } from "./common";

/** Every reason of 第四十一条, with its Chinese and English label. */
export const EXIT_REASONS = {
  grade: { zh: "考核等级为取消资格（第四十一条）", en: "grade 取消资格 (disqualified) (Art. 41)" },
  examFails: {
    zh: "连续两次资格考试不合格（第四十一条）",
    en: "failed the qualification exam twice running (Art. 41)",
  },
  branchAssessment: {
    zh: "支行考核不合格（第四十一条）",
    en: "branch assessment failed (Art. 41)",
  },
  headOfficeQualification: {
    zh: "总行资格审查不合格（第四十一条）",
    en: "head-office qualification failed (Art. 41)",
  },
  illness: { zh: "因病不能履职（第四十一条）", en: "illness (Art. 41)" },
  violation: { zh: "重大违规（第四十一条）", en: "major violation (Art. 41)" },
  age: { zh: "达到退出年龄（第四十一条）", en: "exit age reached (Art. 41)" },
  errorItem: {
    zh: "差错积分取消资格条款（第四十一条）",
    en: "a disqualifying error item (Art. 41)",
  },
} as const;

export type ExitReasonCode = keyof typeof EXIT_REASONS;

export function exitReasonLabel(code: ExitReasonCode, lang: "zh" | "en"): string {
  return EXIT_REASONS[code][lang];
}

const ART_EXIT = "第四十一条";

/** The exit age of the policy for a sex (第四十一条 5). */
function exitAge(sex: Sex, policy: Policy): number {
  if (sex === "男") return policy.a.exitAgeMale;
  if (sex === "女") return policy.a.exitAgeFemale;
  throw valueError(`性别应为 男 或 女：${String(sex)}`, `sex must be 男 or 女: ${String(sex)}`);
}

/**
 * A8: the exit date by age — the day after the 55th (male) / 45th (female) birthday
 * (**Interpretation**: "超过55周岁" by exact age). A 29 February birthday has its birthday
 * on 28 February in a common year (addYears), so the exit date is 1 March.
 */
export function exitDate(
  sex: Sex,
  birth: IsoDate,
  policy: Policy
): { value: IsoDate; steps: ExplainStep[] } {
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

/** A ✕ item of rule set C recorded for the CM in the policy year (A8 reason 8). */
export interface DisqualifyingItem {
  /** the code as written ("1.5", "3.15/3.1b") */
  code: string;
  /** the item's text (of the item scored) */
  zh: string;
  date: IsoDate;
}

/**
 * The flags of 第四十一条 that a caller knows. For the yes/no flags, the extension and the C items:
 * null = blank (否 / none), **undefined = the column is missing** — that reason cannot be judged
 * and the result says so (never "no reason"). Sex and birth: absent → the age is not checked (a warning).
 */
export interface ExitFlags {
  /** final grade after the protection period (取消资格 = 三级以下 → reason 1) */
  grade?: FinalGrade | null;
  /** 2: 连续两次资格考试未通过 */
  examFailsTwice?: boolean | null;
  /** 3: 支行考核不合格 */
  branchAssessmentFailed?: boolean | null;
  /** 4: 总行资格评定不合格 */
  headOfficeFailed?: boolean | null;
  /** 6: 因病不能胜任 */
  illness?: boolean | null;
  /** 7: 重大违规 */
  majorViolation?: boolean | null;
  sex?: Sex | null;
  birth?: IsoDate | null;
  /** 5: 延长任职至 — replaces the exit date by age */
  extendedUntil?: IsoDate | null;
  /** 8: ✕ items of rule set C in the policy year; undefined = the error log is not available */
  disqualifyingItems?: readonly DisqualifyingItem[] | null;
}

export interface ExitResult {
  codes: ExitReasonCode[];
  /** Chinese labels, in the order of 第四十一条 (reason 8 names its items) */
  reasons: string[];
  /** the exit date: 延长任职至 when given, else by age when sex and birth are known */
  exitDate: IsoDate | null;
  /** reasons that cannot be judged (their column is missing), in article order */
  unknown: ExitReasonCode[];
  steps: ExplainStep[];
}

/** The yes/no flags of 第四十一条 2–4, 6–7 and their reason codes. */
const FLAG_REASONS: readonly {
  flag:
    "examFailsTwice" | "branchAssessmentFailed" | "headOfficeFailed" | "illness" | "majorViolation";
  code: ExitReasonCode;
}[] = [
  { flag: "examFailsTwice", code: "examFails" },
  { flag: "branchAssessmentFailed", code: "branchAssessment" },
  { flag: "headOfficeFailed", code: "headOfficeQualification" },
  { flag: "illness", code: "illness" },
  { flag: "majorViolation", code: "violation" },
];

/** The order of 第四十一条: 1 grade, 2–4, 5 age, 6–7, 8 C ✕. */
const ARTICLE_ORDER: readonly ExitReasonCode[] = [
  "grade",
  "examFails",
  "branchAssessment",
  "headOfficeQualification",
  "age",
  "illness",
  "violation",
  "errorItem",
];

/**
 * A8: the exit date — 延长任职至 when given ("特别优秀的可经总行同意适当延长任职期限": that date
 * instead), else the day after the 55th/45th birthday.
 */
export function exitDateOf(
  sex: Sex | null,
  birth: IsoDate | null,
  extendedUntil: IsoDate | null,
  policy: Policy
): { value: IsoDate | null; byAge: IsoDate | null; steps: ExplainStep[] } {
  const steps: ExplainStep[] = [];
  let byAge: IsoDate | null = null;
  if (sex && birth) {
    const e = exitDate(sex, birth, policy);
    byAge = e.value;
    steps.push(...e.steps);
  }
  if (extendedUntil) {
    steps.push(
      stepA("calc", ART_EXIT, "A_EXIT_EXTENDED", { date: extendedUntil, age: byAge ?? "—" })
    );
    return { value: extendedUntil, byAge, steps };
  }
  return { value: byAge, byAge, steps };
}

/** {@link exitDateOf} of a CM whose sex and birth are known (CM.EXITDATE): never null. */
export function exitDateOfKnown(
  sex: Sex,
  birth: IsoDate,
  extendedUntil: IsoDate | null,
  policy: Policy
): IsoDate {
  return exitDateOf(sex, birth, extendedUntil, policy).value as IsoDate;
}

/** A8: every reason of 第四十一条 that holds at the assessment date (beside the grade, never replacing it). */
export function exitReasons(
  flags: ExitFlags,
  policy: Policy,
  assessmentDate: IsoDate = policy.assessmentDate
): ExitResult {
  const steps: ExplainStep[] = [];
  const held = new Set<ExitReasonCode>();
  const unknown = new Set<ExitReasonCode>();
  if (flags.grade === DISQUALIFIED) held.add("grade");
  for (const f of FLAG_REASONS) {
    const v = flags[f.flag];
    if (v === undefined) unknown.add(f.code);
    else if (v === true) held.add(f.code);
  }
  let date: IsoDate | null = null;
  if ((flags.sex && flags.birth) || flags.extendedUntil) {
    const e = exitDateOf(
      flags.sex ?? null,
      flags.birth ?? null,
      flags.extendedUntil ?? null,
      policy
    );
    date = e.value;
    steps.push(...e.steps);
    if (date !== null && assessmentDate >= date) {
      held.add("age");
      steps.push(stepA("calc", ART_EXIT, "A_EXIT_AGE_REACHED", { date, assessed: assessmentDate }));
    }
  } else {
    steps.push(stepA("warning", ART_EXIT, "A_EXIT_AGE_UNKNOWN"));
  }
  const items = flags.disqualifyingItems;
  if (items === undefined) unknown.add("errorItem");
  else if (items !== null && items.length > 0) held.add("errorItem");
  const codes = ARTICLE_ORDER.filter((c) => held.has(c));
  const itemText = (items ?? []).map((i) => `${i.code} ${i.zh}（${i.date}）`).join("、");
  const label = (c: ExitReasonCode, lang: "zh" | "en") =>
    c === "errorItem"
      ? lang === "zh"
        ? `差错积分取消资格条款：${itemText}（第四十一条）`
        : `disqualifying error item(s) ${itemText} (Art. 41)`
      : exitReasonLabel(c, lang);
  const reasons = codes.map((c) => label(c, "zh"));
  for (const c of codes)
    steps.push(
      stepA("result", ART_EXIT, "A_EXIT_REASON", {
        reason: label(c, "zh"),
        reasonEn: label(c, "en"),
      })
    );
  const unknownList = ARTICLE_ORDER.filter((c) => unknown.has(c));
  if (unknownList.length > 0) {
    steps.push(
      stepA("warning", ART_EXIT, "A_EXIT_UNKNOWN", {
        reason: unknownList.map((c) => EXIT_REASONS[c].zh).join("、"),
        reasonEn: unknownList.map((c) => EXIT_REASONS[c].en).join(", "),
      })
    );
  }
  return { codes, reasons, exitDate: date, unknown: unknownList, steps };
}

/**
 * A8 reason 8 (rev 2): the disqualifying (✕) items of rule set C recorded per CM in the policy
 * year's error log, as rule set C finds them (`disqualifyingItemsByManager` of rules/c, the one
 * source B4 step 0 uses too); only the CMs with at least one item. Entries that cannot be placed
 * (bad code, no date) are rule set C's to report.
 */
export function disqualifyingItemsByManager(
  entries: readonly Pick<ErrorLogRow, "src" | "employeeId" | "date" | "item">[],
  policy: Policy
): Map<string, DisqualifyingItem[]> {
  const out = new Map<string, DisqualifyingItem[]>();
  for (const [id, d] of itemsOfTheYear(entries, policy)) {
    if (d.items.length > 0)
      out.set(
        id,
        d.items.map((i) => ({ code: i.code, zh: i.what, date: i.date }))
      );
  }
  return out;
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
export function transitionLimits(
  exit: IsoDate,
  balanceAtExit: Dec,
  policy: Policy
): { limits: TransitionLimit[]; steps: ExplainStep[] } {
  if (!balanceAtExit.isFinite() || balanceAtExit.isNeg())
    throw valueError(
      "退出日第一责任贷款余额应为非负金额",
      "the balance at exit must be an amount ≥ 0"
    );
  const a = policy.a;
  const half = round2(balanceAtExit.times(a.transitionFirstYearShare));
  const y1 = addYears(exit, 1);
  const end = addYears(exit, a.transitionYears);
  const pct = dec(a.transitionFirstYearShare).times(100).toNumber();
  const limits: TransitionLimit[] = [
    {
      from: y1,
      maxBalance: half,
      zh: `${y1} 起第一责任贷款不超过退出日余额的 ${pct}%`,
      en: `from ${y1}: first-responsibility loans at most ${pct}% of the exit-date balance`,
    },
    {
      from: end,
      maxBalance: dec(0),
      zh: `${end} 起停止全部贷款发放权`,
      en: `from ${end}: no lending at all`,
    },
  ];
  const steps = [
    stepA("input", "第四十三条", "A_TRANSITION_INPUT", {
      exit,
      balance: round2(balanceAtExit).toFixed(2),
      years: a.transitionYears,
    }),
    stepA("interpretation", "第四十四条", "A_TRANSITION", { y1, half: half.toFixed(2), pct, end }),
  ];
  return { limits, steps };
}

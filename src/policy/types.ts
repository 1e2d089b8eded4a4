/**
 * The policy of one year: every threshold, ratio and rate the rules use (RULES.md "POLICY").
 * Amounts here are always in 元, whatever the workbook's amount unit; the edges (reader,
 * function arguments, summary writer) convert. Rates are fractions (0.05 = 5%) except
 * where the name says Pct. `null` means "unset": a result that needs it says so.
 */
import type { IsoDate } from "../core/dates";
import type { CorpLevelName } from "../core/rows";

export type AmountUnit = "元" | "万元";
/** A1 第十条: the credit CMs' grades, best first — the one list (schema, validation, rules, functions). */
export const CREDIT_GRADES = ["一级", "二级", "三级"] as const;
export type CreditGrade = (typeof CREDIT_GRADES)[number];
export type YesNo = "是" | "否";
export type CorpLevel = CorpLevelName;

export interface PolicyA {
  /** A1 第十条: minimum total score for each grade, and its wage coefficient. */
  grades: { grade: CreditGrade; minScore: number; wageCoefficient: number }[];
  /** A2 第十一条 1: loan count. points = base + perPct × d, clamped to [min, max]. */
  countBase: number;
  countPerPct: number;
  countMax: number;
  countMin: number;
  /** A2 第十一条 2: interest income. points = base × income ÷ peer average, clamped. */
  incomeBase: number;
  incomeMax: number;
  incomeMin: number;
  /** A2 第十一条 3: loan quality. points = base + perPct × (pivotPct − r), at least min; max null = no cap. */
  qualityBase: number;
  qualityPerPct: number;
  qualityPivotPct: number;
  qualityMin: number;
  qualityMax: number | null;
  /** A3 第十二条: deduction per event. */
  deductExamFail: number;
  deductPenalty: number;
  deductCriticism: number;
  deductSeriousViolation: number;
  /** A4 第十二条: caps. */
  capSeriousViolation: CreditGrade;
  capOverTolerance: CreditGrade;
  /** "超过容忍度50%": r above factor × tolerance rate → capFarOverTolerance. */
  farOverToleranceFactor: number;
  capFarOverTolerance: CreditGrade;
  /** A5 第七条/第十五条: protection period in calendar years from first appointment; grade given instead of 取消资格. */
  protectionYears: number;
  protectedGrade: CreditGrade;
  /** A6 第四十条: overdue at least nplOverdueDays counts whatever the class and security (以上 includes the number). */
  nplOverdueDays: number;
  nplClasses: string[];
  /** A6 (rev 2) 第四十条 "是否到期": a credit/guaranteed loan overdue at all (≥ 1 day) counts; 否 = only when 后三类. */
  nplOverdueCounts: YesNo;
  /** 第十九条: loans granted on or after this date have a first responsible person. */
  responsibilityStart: IsoDate;
  /** A7 第三十九条. */
  bottomListSize: number;
  yellowCardAmount: number;
  /** A8 第四十一条 / 第四十三–四十四条. */
  exitAgeMale: number;
  exitAgeFemale: number;
  transitionYears: number;
  transitionFirstYearShare: number;
  /** A9 第四十七条. */
  toleranceBaseYears: number;
  toleranceNaturalRate: number;
  toleranceEnterpriseRate: number;
  toleranceUrbanFactor: number;
  /** A10 第四十八条 2: collection done ≥ min; bands by over-tolerance share (upper bound inclusive). */
  overTolCollectionMin: number;
  overTolBands: { maxOver: number; share: number }[];
  overTolBeyondShare: number;
  /** A11 第四十九–五十三条, 第三十七–三十八条. */
  buyoutBuckets: { lastYear: number; rate: number }[];
  buyoutWithinTolRate: number;
  buyoutAboveTolRate: number;
  buyoutRelativeRate: number;
  introducerCutoff: IsoDate;
  introducerLateRate: number;
  /** A12 第三十三、三十六条: buy out the loans formed lag years earlier, at a ratio per formation year (unset by default). */
  annualCompLag: number;
  annualCompFirstYear: number;
  /** (rev 2) the last formation year on the full balance; later years on the balance after 免责金额 (not an end of the range) */
  annualCompLastYear: number;
  annualCompRatios: Record<string, number>;
  /** A10b (rev 2) 第四十五、四十七、四十八条: the tellers' average performance pay and wage coefficient (unset by default). */
  tellerAvgPay: number | null;
  tellerAvgCoefficient: number | null;
  /** A13 第二十四条: a natural-person loan of at least this amount needs a family guarantor. */
  familyGuarantorMinAmount: number;
}

export interface CorpLevelRule {
  level: Exclude<CorpLevel, "见习">;
  staffGrade: string;
  allowance: number;
  exclusionLine: number;
  depositMin: number;
  depositOneMin: number | null;
  loanMin: number;
  loanOneMin: number | null;
  settlementMin: number;
  settlementCurrency: "USD" | "CNY";
  newDepositMin: number;
  conditionsNeeded: number;
  tenureYears: number;
}

export interface PolicyB {
  /** B1/B2, highest first (高级 … 四级). */
  levels: CorpLevelRule[];
  /** 见习 (第十一条 6, 第九条). */
  /** periodMonths (rev 2, 第六条): the default trainee period, from 首次任职日期 */
  trainee: {
    staffGrade: string;
    allowance: number;
    exclusionLine: number;
    depositMin: number;
    periodMonths: number;
  };
  /** B3 第九条. */
  passLineExclusion: number;
  passLineTrainee: number;
  passLineOther: number;
  /** B1 第二十四条: allowance factor under admonishment. */
  admonishedAllowanceFactor: number;
  /** B5 第二十条: main indicators under this share of plan … for this many quarters running. */
  admonishPlanShare: number;
  admonishQuarters: number;
  /** 第二十条: overdue / arrears this many months or more (rev 2: 以上 includes the number) at a credit customer. */
  admonishOverdueMonths: number;
  admonishMonths: number;
  /** 第二十一条: quarters of unfinished tasks running → yellow card. */
  yellowQuarters: number;
  /** 第二十二条: yellow cards in this many consecutive years → dismissal. */
  dismissYellowYears: number;
  /** B4 第十九条 一: 破格晋升 is flagged when the qualified level is at least this many levels above the current one. */
  breakthroughLevels: number;
}

export interface PolicyC {
  /** Points per item code of RULES.md C (the catalogue text lives in src/rules/c). */
  points: Record<string, number>;
}

export interface PolicyD {
  dueWithinDays: number;
  midAmount: number;
  largeAmount: number;
  smallDaysBefore: number;
  midDaysBefore: number;
  midFoundDays: number;
  largeFoundDays: number;
  arrearsDays: number;
  majorEventDays: number;
  groupDays: number;
  financialDays: number;
  officeMidDays: number;
  officeLargeDays: number;
  /** rev 2, 第十二条（一）2: management warnings, branch office → head office, days after discovery */
  overstepDays: number;
  unmetConditionsDays: number;
}

export interface Policy {
  /** 年度 */
  year: number;
  /** 金额单位 */
  amountUnit: AmountUnit;
  /** 评定日期 (default 31 December of the year) */
  assessmentDate: IsoDate;
  /** 不良容忍度, in % (1.2 = 1.2%); unset by default */
  nplToleranceRatePct: number | null;
  /** 美元兑人民币汇率; unset by default */
  usdCnyRate: number | null;
  /** 单位名称 (rev 2): the bank or branch name printed in every summary's page header; blank by default */
  unitName: string | null;
  /** 公示期 (issue 19): the posting period printed on 公示名单 (e.g. "2026年1月10日至1月16日"); blank by default */
  postingPeriod: string | null;
  /** 申诉受理 (issue 19): where and how to appeal, printed on 公示名单 and 考核通知单; blank by default */
  appealPlace: string | null;
  a: PolicyA;
  b: PolicyB;
  c: PolicyC;
  d: PolicyD;
}

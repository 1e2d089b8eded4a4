/**
 * (issue 18) RULES.md B5 黄牌 (002 第二十一条) as the workbook can tell it, for 公司客户经理等级:
 * annual 不称职 (二) and below the minimum pass line (三, B3). The quarterly tasks (一) are not in
 * the workbook: a yellow card for them is typed by the user. With last year's card (公司客户经理等级
 * 黄牌 of last year), a second consecutive one is 解聘 (第二十二条 五) — decided by
 * {@link triggers} (rules/b/triggers.ts), the one place these rules are written.
 */
import type { ExplainStep } from "../../core/explain";
import type { Assessment } from "../../core/rows";
import type { Policy } from "../../policy/types";
import { triggers } from "./triggers";

export type YellowReason = "不称职" | "低于最低及格线";

export interface CorporateYellow {
  yellow: boolean;
  /** why, in the order of 第二十一条 (二, 三) */
  reasons: YellowReason[];
  /** 第二十二条 五: a yellow card this year and in the years before that reach the policy's count */
  dismiss: boolean;
  /** years of yellow cards running, this one included (when `yellow`) */
  years: number;
  steps: ExplainStep[];
}

const REASON_OF: Record<string, YellowReason> = {
  B_YELLOW_ASSESSMENT: "不称职",
  B_YELLOW_PASSLINE: "低于最低及格线",
};

/**
 * `priorYellowYears`: consecutive years just before this one with a yellow card (0 or null when
 * not known: no 解聘 is derived).
 */
export function corporateYellowCard(
  input: {
    assessment: Assessment | null;
    passLineMet: boolean | null;
    priorYellowYears: number | null;
  },
  policy: Policy
): CorporateYellow {
  const t = triggers(
    {
      customersFell: null,
      loanRisk: null,
      quarterActual: [],
      quarterPlan: [],
      overdueMonths: null,
      arrearsMonths: null,
      advance: null,
      assessment: input.assessment,
      passLine: input.passLineMet,
      priorYellowYears: input.priorYellowYears,
      conduct: null,
    },
    policy
  );
  const reasons = t.reasons.map((s) => REASON_OF[s.code]).filter((r) => r !== undefined);
  const steps = t.reasons.filter(
    (s) => s.code.startsWith("B_YELLOW") || s.code === "B_DISMISS_YELLOW"
  );
  return {
    yellow: t.yellow,
    reasons,
    dismiss: t.reasons.some((s) => s.code === "B_DISMISS_YELLOW"),
    years: t.yellow ? (input.priorYellowYears ?? 0) + 1 : 0,
    steps,
  };
}

/** The 黄牌 cell of 公司客户经理等级: 是（不称职，第二十一条） …, blank (null) when neither. */
export function yellowCardText(y: CorporateYellow): string | null {
  if (!y.yellow) return null;
  return `是（${y.reasons.join("、")}，第二十一条）`;
}

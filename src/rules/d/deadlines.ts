/**
 * RULES.md D (004 篇8 贷款风险预警制度 第六–十二条, 第十八条): report-by deadlines.
 *
 * Branch (支行) → branch office (分行), 第十一条（一）:
 * - 到期 (loan due within 30 days that may not be repaid), by the amount at risk, maturity M,
 *   discovery day F:
 *   amount < 1,000,000 → M − 25 days (no found-later clause: literal reading);
 *   1,000,000 ≤ amount < 5,000,000 → M − 30 days, or F + 2 days when found later;
 *   amount ≥ 5,000,000 → M − 30 days, or F + 1 day (24 hours) when found later.
 *   **Interpretation:** "found later" = F + 2 (or + 1) falls after M − 30, so the deadline is
 *   the later of the two.
 * - 欠息 F + 2; 重大事项 F + 1 (always 红色); 关联企业 F + 2; 财务异常 F + 2.
 * - (rev 2) 后三类预测 (a loan forecast at month end to move into 后三类 next month, 第十一条（一）2
 *   "支行要在月内…上报分行"): by the last day of F's month.
 * (rev 2) Management warnings go from the branch office straight to the head office (第十二条（一）2):
 * 越权放贷 F + 1 day (24 hours), 未落实贷款条件 F + 2 days; judged on 分行上报日期; they have no
 * branch deadline.
 * Branch office → head office (第十二条（一）1): amount ≥ 1,000,000 within 2 days of the branch
 * report, ≥ 5,000,000 within 1 day. A report after its deadline is late (迟报, 第十八条); a
 * report ON the deadline day is on time.
 */
import { addDays, endOfMonth, IsoDate, maxDate } from "../../core/dates";
import { valueError } from "../../core/errors";
import { ExplainStep, step } from "../../core/explain";
import { Dec, fmtMoney } from "../../core/money";
import type { WarningLevel, WarningType } from "../../core/rows";
import type { Policy } from "../../policy/types";

export type Band = "small" | "mid" | "large";
export type Timeliness = "按时" | "迟报" | "未上报";

export const TIMELINESS_EN: Record<Timeliness, string> = {
  按时: "on time",
  迟报: "late",
  未上报: "not reported",
};

const WARNING_TYPE_EN: Record<WarningType, string> = {
  到期: "due within 30 days",
  欠息: "interest arrears",
  重大事项: "major event",
  关联企业: "related-group enterprise",
  财务异常: "abnormal financials",
  后三类预测: "forecast move into the last three classes",
  越权放贷: "unauthorised or irregular lending",
  未落实贷款条件: "loan made without its conditions",
};

const TYPE_ARTICLE: Record<WarningType, string> = {
  到期: "第十一条（一）1",
  欠息: "第十一条（一）3",
  重大事项: "第十一条（一）4",
  关联企业: "第十一条（一）5",
  财务异常: "第十一条（一）6",
  后三类预测: "第十一条（一）2",
  越权放贷: "第十二条（一）2(1)",
  未落实贷款条件: "第十二条（一）2(2)",
};

/** Which report a warning type is judged on: the branch's (支行 → 分行) or the branch office's (分行 → 总行). */
export type ReportStage = "支行" | "分行";

/** (rev 2) 第十二条（一）2: management warnings go from the branch office straight to the head office. */
export function isManagementWarning(
  type: WarningType | null
): type is "越权放贷" | "未落实贷款条件" {
  return type === "越权放贷" || type === "未落实贷款条件";
}

const OFFICE_ARTICLE = "第十二条（一）1";

export interface DeadlineInput {
  type: WarningType | null;
  level: WarningLevel | null;
  /** amount at risk, 元 */
  amount: Dec | null;
  maturity: IsoDate | null;
  found: IsoDate | null;
}

export interface BranchDeadline {
  deadline: IsoDate;
  /** amount band (到期 warnings, and whenever the amount is known) */
  band: Band | null;
  /** the level that applies (重大事项 → 红色) */
  level: WarningLevel | null;
  steps: ExplainStep[];
}

function amountBand(amount: Dec, policy: Policy): Band {
  if (amount.gte(policy.d.largeAmount)) return "large";
  if (amount.gte(policy.d.midAmount)) return "mid";
  return "small";
}

const BAND_ZH: Record<Band, string> = {
  small: "100万元以下档",
  mid: "100万–500万元档",
  large: "500万元及以上档",
};

function need<T>(v: T | null, zh: string, en: string): T {
  if (v === null || v === undefined) throw valueError(zh, en);
  return v;
}

function dueDeadline(
  w: DeadlineInput,
  policy: Policy,
  steps: ExplainStep[]
): { deadline: IsoDate; band: Band } {
  const d = policy.d;
  const art = TYPE_ARTICLE["到期"];
  const amount = need(
    w.amount,
    "到期预警的风险金额为空：无法确定上报时限档次（第十一条（一）1）",
    "the amount at risk of a maturity warning is blank (Art. 11 (1) 1)"
  );
  const maturity = need(
    w.maturity,
    "到期预警的到期日期为空：无法确定上报时限（第十一条（一）1）",
    "the maturity of a maturity warning is blank (Art. 11 (1) 1)"
  );
  const band = amountBand(amount, policy);
  steps.push(
    step("input", "D", art, "D_BAND", {
      amount: fmtMoney(amount),
      band: BAND_ZH[band],
      mid: fmtMoney(d.midAmount),
      large: fmtMoney(d.largeAmount),
    })
  );
  if (w.found && addDays(w.found, d.dueWithinDays) < maturity) {
    steps.push(
      step("input", "D", art, "D_FOUND_EARLY", { found: w.found, maturity, days: d.dueWithinDays })
    );
  }
  if (band === "small") {
    const deadline = addDays(maturity, -d.smallDaysBefore);
    steps.push(
      step("calc", "D", art, "D_DUE_SMALL", { maturity, days: d.smallDaysBefore, deadline })
    );
    if (w.found && w.found > deadline)
      steps.push(
        step("interpretation", "D", art, "D_INTERP_SMALL_LATE", {
          found: w.found,
          deadline,
          mid: fmtMoney(d.midAmount),
        })
      );
    return { deadline, band };
  }
  const found = need(
    w.found,
    "发现日期为空：100万元（含）以上的到期预警须按“到期前30天或发现后时限”确定上报时限（第十一条（一）1）",
    "the discovery date is blank: a maturity warning of 1,000,000 or more needs it (Art. 11 (1) 1)"
  );
  const before = addDays(maturity, -d.midDaysBefore);
  const foundDays = band === "large" ? d.largeFoundDays : d.midFoundDays;
  const afterFound = addDays(found, foundDays);
  const deadline = maxDate(before, afterFound);
  steps.push(
    step("calc", "D", art, "D_DUE_BAND", {
      band: BAND_ZH[band],
      maturity,
      daysBefore: d.midDaysBefore,
      before,
      found,
      foundDays,
      afterFound,
      deadline,
    })
  );
  if (afterFound > before)
    steps.push(step("interpretation", "D", art, "D_INTERP_FOUND_LATER", { before, afterFound }));
  return { deadline, band };
}

/** The branch → branch office deadline of one warning (throws a RuleError when a needed figure is blank). */
export function branchDeadline(w: DeadlineInput, policy: Policy): BranchDeadline {
  const type = need(
    w.type,
    `预警类型为空：无法确定上报时限（应为 ${Object.keys(TYPE_ARTICLE).join("/")}）`,
    "the warning type is blank"
  );
  if (isManagementWarning(type)) {
    throw valueError(
      `${type}为管理风险预警，由分行发现后直接上报总行，无支行上报时限（${TYPE_ARTICLE[type]}）`,
      `a ${WARNING_TYPE_EN[type]} warning is a management warning reported by the branch office to the head office; it has no branch deadline (Art. 12 (1) 2)`
    );
  }
  const steps: ExplainStep[] = [];
  let level = w.level;
  if (type === "重大事项") {
    if (level !== null && level !== "红色")
      steps.push(step("warning", "D", TYPE_ARTICLE[type], "D_MAJOR_RED", { level }));
    level = "红色";
  }
  if (type === "到期") {
    const r = dueDeadline(w, policy, steps);
    return { deadline: r.deadline, band: r.band, level, steps };
  }
  if (type === "后三类预测") {
    const found = need(
      w.found,
      `后三类预测预警的发现日期为空：时限为预测当月月末（${TYPE_ARTICLE[type]}）`,
      "the discovery date of a last-three-classes forecast is blank"
    );
    const deadline = endOfMonth(found);
    steps.push(step("calc", "D", TYPE_ARTICLE[type], "D_FORECAST", { found, deadline }));
    return {
      deadline,
      band: w.amount === null ? null : amountBand(w.amount, policy),
      level,
      steps,
    };
  }
  const days = {
    欠息: policy.d.arrearsDays,
    重大事项: policy.d.majorEventDays,
    关联企业: policy.d.groupDays,
    财务异常: policy.d.financialDays,
  }[type];
  const found = need(
    w.found,
    `${type}预警的发现日期为空：上报时限从发现之日起算（${TYPE_ARTICLE[type]}）`,
    `the discovery date of a ${WARNING_TYPE_EN[type]} warning is blank`
  );
  const deadline = addDays(found, days);
  steps.push(
    step("calc", "D", TYPE_ARTICLE[type], "D_AFTER_FOUND", {
      type,
      typeEn: WARNING_TYPE_EN[type],
      found,
      days,
      deadline,
    })
  );
  return { deadline, band: w.amount === null ? null : amountBand(w.amount, policy), level, steps };
}

export interface WarningDeadline extends BranchDeadline {
  /** the report the deadline is for: 支行 (→ 分行) or, for management warnings, 分行 (→ 总行) */
  stage: ReportStage;
}

/**
 * The deadline a warning's 结果 is judged on: the branch deadline, or for a management warning
 * (越权放贷 F + 1, 未落实贷款条件 F + 2; 第十二条（一）2) the branch office's, counted from discovery.
 */
export function warningDeadline(w: DeadlineInput, policy: Policy): WarningDeadline {
  if (!isManagementWarning(w.type)) return { ...branchDeadline(w, policy), stage: "支行" };
  const type = w.type;
  const art = TYPE_ARTICLE[type];
  const found = need(
    w.found,
    `${type}预警的发现日期为空：上报时限从发现问题之日起算（${art}）`,
    `the discovery date of a ${WARNING_TYPE_EN[type]} warning is blank`
  );
  const days = type === "越权放贷" ? policy.d.overstepDays : policy.d.unmetConditionsDays;
  const deadline = addDays(found, days);
  const steps = [
    step("calc", "D", art, "D_MANAGEMENT", {
      type,
      typeEn: WARNING_TYPE_EN[type],
      found,
      days,
      deadline,
    }),
  ];
  return {
    deadline,
    band: w.amount === null ? null : amountBand(w.amount, policy),
    level: w.level,
    steps,
    stage: "分行",
  };
}

export interface OfficeDeadline {
  /** null when no deadline applies (amount below 1,000,000) or it cannot be told */
  deadline: IsoDate | null;
  /** true when the amount is below the head-office reporting line */
  notApplicable: boolean;
  steps: ExplainStep[];
}

/** Branch office → head office: from the branch report, by amount (第十二条（一）1). */
export function officeDeadline(
  amount: Dec | null,
  branchReported: IsoDate | null,
  policy: Policy
): OfficeDeadline {
  const d = policy.d;
  if (amount === null) {
    return {
      deadline: null,
      notApplicable: false,
      steps: [step("warning", "D", OFFICE_ARTICLE, "D_OFFICE_NO_AMOUNT", {})],
    };
  }
  if (amount.lt(d.midAmount)) {
    return {
      deadline: null,
      notApplicable: true,
      steps: [
        step("calc", "D", OFFICE_ARTICLE, "D_OFFICE_NA", {
          amount: fmtMoney(amount),
          mid: fmtMoney(d.midAmount),
        }),
      ],
    };
  }
  if (branchReported === null) {
    return {
      deadline: null,
      notApplicable: false,
      steps: [step("warning", "D", OFFICE_ARTICLE, "D_OFFICE_NO_BRANCH", {})],
    };
  }
  const days = amount.gte(d.largeAmount) ? d.officeLargeDays : d.officeMidDays;
  const deadline = addDays(branchReported, days);
  return {
    deadline,
    notApplicable: false,
    steps: [
      step("calc", "D", OFFICE_ARTICLE, "D_OFFICE", {
        amount: fmtMoney(amount),
        branchReported,
        days,
        deadline,
      }),
    ],
  };
}

/** On time when reported on or before the deadline day (第十八条: after it is 迟报). */
export function judge(reported: IsoDate | null, deadline: IsoDate): Timeliness {
  if (reported === null) return "未上报";
  return reported <= deadline ? "按时" : "迟报";
}

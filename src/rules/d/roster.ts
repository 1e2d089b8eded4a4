/**
 * Rule set D over the warning log (for the 预警时效 summary): per warning the branch deadline,
 * the branch office → head office deadline, and whether each report was on time. The
 * summary's 结果 judges the branch report (支行上报日期).
 */
import type { IsoDate } from "../../core/dates";
import { isRuleError } from "../../core/errors";
import { ExplainStep, step } from "../../core/explain";
import type { RowSource, WarningLevel, WarningRow } from "../../core/rows";
import type { Policy } from "../../policy/types";
import { Band, branchDeadline, judge, officeDeadline, Timeliness, TIMELINESS_EN } from "./deadlines";

export interface WarningTimelinessOk {
  ok: true;
  loanId: string;
  src: RowSource;
  level: WarningLevel | null;
  band: Band | null;
  /** branch → branch office deadline */
  deadline: IsoDate;
  branchReported: IsoDate | null;
  /** 按时 / 迟报 / 未上报 of the branch report */
  result: Timeliness;
  /** branch office → head office deadline; null when none applies or it cannot be told */
  officeDeadline: IsoDate | null;
  officeReported: IsoDate | null;
  /** 不适用 below the head-office reporting line; null when it cannot be told */
  officeResult: Timeliness | "不适用" | null;
  steps: ExplainStep[];
}

export interface WarningTimelinessError {
  ok: false;
  loanId: string;
  src: RowSource;
  error: { zh: string; en: string };
}

export type WarningTimeliness = WarningTimelinessOk | WarningTimelinessError;

type WarningInput = Pick<WarningRow, "src" | "loanId" | "type" | "level" | "amount" | "maturity" | "found" | "branchReported" | "officeReported">;

function one(w: WarningInput, policy: Policy): WarningTimeliness {
  try {
    const b = branchDeadline(w, policy);
    const result = judge(w.branchReported, b.deadline);
    const steps = [...b.steps, step("result", "D", "第十八条", "D_JUDGE", { who: "支行", whoEn: "branch", reported: w.branchReported, deadline: b.deadline, result, resultEn: TIMELINESS_EN[result] })];
    const o = officeDeadline(w.amount, w.branchReported, policy);
    steps.push(...o.steps);
    let officeResult: Timeliness | "不适用" | null = null;
    if (o.notApplicable) officeResult = "不适用";
    else if (o.deadline !== null) {
      officeResult = judge(w.officeReported, o.deadline);
      steps.push(step("result", "D", "第十八条", "D_JUDGE", { who: "分行", whoEn: "branch office", reported: w.officeReported, deadline: o.deadline, result: officeResult, resultEn: TIMELINESS_EN[officeResult] }));
    }
    return {
      ok: true,
      loanId: w.loanId,
      src: w.src,
      level: b.level,
      band: b.band,
      deadline: b.deadline,
      branchReported: w.branchReported,
      result,
      officeDeadline: o.deadline,
      officeReported: w.officeReported,
      officeResult,
      steps,
    };
  } catch (e) {
    if (!isRuleError(e)) throw e;
    return { ok: false, loanId: w.loanId, src: w.src, error: { zh: `贷款 ${w.loanId}：${e.zh}`, en: `loan ${w.loanId}: ${e.en}` } };
  }
}

/** Every warning of the log, in log order. */
export function warningTimeliness(rows: readonly WarningInput[], policy: Policy): WarningTimeliness[] {
  return rows.map((w) => one(w, policy));
}

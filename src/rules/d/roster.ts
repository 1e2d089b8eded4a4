/**
 * Rule set D over the warning log (for the 预警时效 summary): per warning the branch deadline,
 * the branch office → head office deadline, and whether each report was on time. The
 * summary's 结果 judges the branch report (支行上报日期) — for a management warning (rev 2,
 * 越权放贷 / 未落实贷款条件, 第十二条（一）2) the branch office's (分行上报日期), which is its only stage.
 */
import type { IsoDate } from "../../core/dates";
import { isRuleError, naError } from "../../core/errors";
import { ExplainStep, step } from "../../core/explain";
import type { RowSource, WarningLevel, WarningRow } from "../../core/rows";
import type { Policy } from "../../policy/types";
import {
  Band,
  judge,
  officeDeadline,
  ReportStage,
  Timeliness,
  TIMELINESS_EN,
  warningDeadline,
} from "./deadlines";

export interface WarningTimelinessOk {
  ok: true;
  loanId: string;
  src: RowSource;
  level: WarningLevel | null;
  band: Band | null;
  /** the report 结果 judges: 支行 (支行上报日期), or 分行 (分行上报日期) for a management warning */
  stage: ReportStage;
  /** the deadline of that report (branch → branch office; management warnings: branch office → head office) */
  deadline: IsoDate;
  branchReported: IsoDate | null;
  /** 按时 / 迟报 / 未上报 of the report judged (see stage) */
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

type WarningInput = Pick<
  WarningRow,
  | "src"
  | "loanId"
  | "type"
  | "level"
  | "amount"
  | "maturity"
  | "found"
  | "branchReported"
  | "officeReported"
>;

function one(w: WarningInput, policy: Policy, officeColumn: boolean): WarningTimeliness {
  try {
    const b = warningDeadline(w, policy);
    const mgmt = b.stage === "分行";
    if (mgmt && !officeColumn) {
      throw naError(
        `${w.type}为管理风险预警，按分行上报日期判断是否按时（第十二条（一）2），但风险预警表没有“分行上报日期”列：无法判断`,
        `a ${w.type} warning is judged on the branch office's report date (Art. 12 (1) 2), but the warning log has no 分行上报日期 column`
      );
    }
    const reported = mgmt ? w.officeReported : w.branchReported;
    const result = judge(reported, b.deadline);
    const who = mgmt ? { who: "分行", whoEn: "branch office" } : { who: "支行", whoEn: "branch" };
    const steps = [
      ...b.steps,
      step("result", "D", "第十八条", "D_JUDGE", {
        ...who,
        reported,
        deadline: b.deadline,
        result,
        resultEn: TIMELINESS_EN[result],
      }),
    ];
    // a management warning's one stage is the branch office's: its result is the office's result
    let office: Pick<WarningTimelinessOk, "officeDeadline" | "officeResult"> = {
      officeDeadline: b.deadline,
      officeResult: result,
    };
    if (!mgmt) {
      const o = officeDeadline(w.amount, w.branchReported, policy);
      steps.push(...o.steps);
      office = { officeDeadline: o.deadline, officeResult: null };
      if (o.notApplicable) office.officeResult = "不适用";
      else if (o.deadline !== null) {
        const officeResult = judge(w.officeReported, o.deadline);
        office.officeResult = officeResult;
        steps.push(
          step("result", "D", "第十八条", "D_JUDGE", {
            who: "分行",
            whoEn: "branch office",
            reported: w.officeReported,
            deadline: o.deadline,
            result: officeResult,
            resultEn: TIMELINESS_EN[officeResult],
          })
        );
      }
    }
    return {
      ok: true,
      loanId: w.loanId,
      src: w.src,
      level: b.level,
      band: b.band,
      stage: b.stage,
      deadline: b.deadline,
      branchReported: w.branchReported,
      result,
      officeDeadline: office.officeDeadline,
      officeReported: w.officeReported,
      officeResult: office.officeResult,
      steps,
    };
  } catch (e) {
    if (!isRuleError(e)) throw e;
    return {
      ok: false,
      loanId: w.loanId,
      src: w.src,
      error: { zh: `贷款 ${w.loanId}：${e.zh}`, en: `loan ${w.loanId}: ${e.en}` },
    };
  }
}

/**
 * Every warning of the log, in log order. `officeColumn` false: the log has no 分行上报日期
 * column, so a management warning (judged on it) cannot be judged — never read as 未上报.
 */
export function warningTimeliness(
  rows: readonly WarningInput[],
  policy: Policy,
  officeColumn = true
): WarningTimeliness[] {
  return rows.map((w) => one(w, policy, officeColumn));
}

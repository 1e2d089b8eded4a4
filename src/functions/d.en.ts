/** English help of the custom functions in ./d.ts (function id → description, parameters). */
import type { HelpTable } from "./help";

const YEAR_EN = "Policy year (optional; default: this workbook's policy)";
const TYPE_EN =
  "Warning type: 到期 (due within D.到期预警天数 days) / 欠息 (arrears) / 重大事项 (major event) / " +
  "关联企业 (related group) / 财务异常 (abnormal financials) / " +
  "后三类预测 (forecast move into the last three classes) / " +
  "越权放贷 (unauthorised or irregular lending) / 未落实贷款条件 (loan made without its conditions)";

export const HELP_EN_D: HelpTable = {
  WARNDEADLINE: {
    example: '=CM.WARNDEADLINE("到期",2000000,"2025-06-30","2025-06-10")',
    description:
      "Report-by date of a loan risk warning (loan risk-warning rules, Art. 11–12). Branch to " +
      "branch office: a maturity warning by the amount band (bounds D.中额起点 and D.大额起点 of the " +
      "policy, a bound belonging to the band above): small by maturity − D.小额.到期前天数 days; middle " +
      "by maturity − D.中额.到期前天数 days or discovery + D.中额.发现后天数 days; large by maturity − " +
      "D.中额.到期前天数 days or discovery + D.大额.发现后天数 days (the figures: “Policy figures of the year” " +
      'on the help page). Interpretation: "found later" means the discovery-based date falls ' +
      "after the maturity-based one, and the later of the two applies; the small band has no " +
      "such clause (literal reading: found after its deadline is late). Arrears, related group, " +
      "abnormal financials and a major event (always red): discovery + " +
      "D.欠息.上报天数, D.关联企业.上报天数, D.财务异常.上报天数, D.重大事项.上报天数 days; a month-end forecast that the loan " +
      "moves into the last three classes next month (Art. 11 (1) 2): by the last day of the " +
      "month it was found. Branch office to head office: middle and above within " +
      "D.分行.中额上报天数 days of the branch report, large within D.分行.大额上报天数. Management " +
      "warnings (Art. 12 (1) 2) go from the branch office straight to the head office and have " +
      "no branch deadline: unauthorised or irregular lending within D.越权放贷.上报天数 days of " +
      "discovery, a loan made without its conditions within D.未落实贷款条件.上报天数; that deadline is " +
      "returned whatever the stage.",
    params: {
      type: TYPE_EN,
      amount:
        "Amount at risk (needed for maturity warnings and the branch-office stage; in the workbook's unit)",
      maturity: "Loan maturity date (needed for maturity warnings)",
      found: "Date the risk was found (needed except for small maturity warnings)",
      stage:
        "Stage: 支行 (branch to branch office, default) or 分行 (branch office to head office); management warnings have only the branch-office stage",
      branchReported: "Date of the branch report (needed for the branch-office stage)",
      year: YEAR_EN,
    },
    result: "Report-by date (a report on that day is on time)",
  },
  WARNLATE: {
    example: '=CM.WARNLATE("到期",2000000,"2025-06-30","2025-06-10","2025-06-12")',
    description:
      "Whether a loan risk warning was reported on time (Art. 11, 12, 18): on or before the " +
      "deadline → 按时 (on time), after it → 迟报 (late), no report date → 未上报 (not reported). " +
      "Deadlines and interpretations as in CM.WARNDEADLINE. Branch-office stage: 不适用 (not " +
      "applicable) below D.中额起点, 支行未上报 when the branch has not reported. Management " +
      "warnings (越权放贷, 未落实贷款条件) are judged on the branch office's report date (officeReported) " +
      "against their deadline from discovery, whatever the stage.",
    params: {
      type: TYPE_EN,
      amount: "Amount at risk (needed for maturity warnings and the branch-office stage)",
      maturity: "Loan maturity date (needed for maturity warnings)",
      found: "Date the risk was found (needed except for small maturity warnings)",
      branchReported: "Date of the branch report (blank = not reported)",
      stage: "Stage to judge: 支行 (default) or 分行",
      officeReported:
        "Date the branch office reported to the head office (branch-office stage, and management warnings)",
      year: YEAR_EN,
    },
    result: "按时/迟报/未上报 (branch-office stage also 不适用/支行未上报)",
  },
};

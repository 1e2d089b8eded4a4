/** English help of the custom functions in ./d.ts (function id → description, parameters). */
import type { HelpTable } from "./help";

const YEAR_EN = "Policy year (optional; default: this workbook's policy)";
const TYPE_EN =
  "Warning type: 到期 (due within 30 days) / 欠息 (arrears) / 重大事项 (major event) / 关联企业 " +
  "(related group) / 财务异常 (abnormal financials) / 后三类预测 (forecast move into the last three " +
  "classes) / 越权放贷 (unauthorised or irregular lending) / 未落实贷款条件 (loan made without its " +
  "conditions)";

export const HELP_EN_D: HelpTable = {
  WARNDEADLINE: {
    example: '=CM.WARNDEADLINE("到期",2000000,"2025-06-30","2025-06-10")',
    description:
      "Report-by date of a loan risk warning (loan risk-warning rules, Art. 11–12). Branch to " +
      "branch office: a maturity warning below 1,000,000 by maturity − 25 days; 1,000,000 " +
      "(incl.) to 5,000,000 by maturity − 30 days or discovery + 2 days; 5,000,000 (incl.) and " +
      'above by maturity − 30 days or discovery + 1 day (24 hours). Interpretation: "found ' +
      'later" means the discovery-based date falls after maturity − 30, and the later of the ' +
      "two applies; the band below 1,000,000 has no such clause (literal reading: found after " +
      "its deadline is late). Arrears, related group and abnormal financials: discovery + 2 " +
      "days; a major event (always red): discovery + 1 day; a month-end forecast that the loan " +
      "moves into the last three classes next month (Art. 11 (1) 2): by the last day of the " +
      "month it was found. Branch office to head office: 1,000,000 (incl.) and above within 2 " +
      "days of the branch report, 5,000,000 (incl.) and above within 1 day. Management " +
      "warnings (Art. 12 (1) 2) go from the branch office straight to the head office and have " +
      "no branch deadline: unauthorised or irregular lending within 24 hours of discovery (+ 1 " +
      "day), a loan made without its conditions within 2 days (+ 2); that deadline is returned " +
      "whatever the stage.",
    params: {
      type: TYPE_EN,
      amount:
        "Amount at risk (needed for maturity warnings and the branch-office stage; in the workbook's unit)",
      maturity: "Loan maturity date (needed for maturity warnings)",
      found: "Date the risk was found (needed except for maturity warnings below 1,000,000)",
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
      "applicable) below 1,000,000, 支行未上报 when the branch has not reported. Management " +
      "warnings (越权放贷, 未落实贷款条件) are judged on the branch office's report date (officeReported) " +
      "against their deadline from discovery, whatever the stage.",
    params: {
      type: TYPE_EN,
      amount: "Amount at risk (needed for maturity warnings and the branch-office stage)",
      maturity: "Loan maturity date (needed for maturity warnings)",
      found: "Date the risk was found (needed except for maturity warnings below 1,000,000)",
      branchReported: "Date of the branch report (blank = not reported)",
      stage: "Stage to judge: 支行 (default) or 分行",
      officeReported:
        "Date the branch office reported to the head office (branch-office stage, and management warnings)",
      year: YEAR_EN,
    },
    result: "按时/迟报/未上报 (branch-office stage also 不适用/支行未上报)",
  },
};

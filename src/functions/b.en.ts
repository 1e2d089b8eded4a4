/** English help of the custom functions in ./b.ts (function id → description, parameters). */
import type { HelpTable } from "./help";

const YEAR_EN = "Policy year (optional; default: this workbook's policy)";
const CUSTOMER_PARAMS_EN = {
  deposits: "Each customer's daily average deposits (one column; agreement deposits excluded)",
  loans: "Each customer's daily average loans (one column, as many rows as deposits)",
  settlement:
    "Each customer's international settlement in the year, in USD (one column; never scaled by the amount unit)",
  newDeposits: "Each customer's new daily average deposits in the year (one column)",
  normalShare: "This year's normal-class loan share (same basis as last year's, e.g. 98 or 98%)",
  normalSharePrev: "Last year's normal-class loan share",
  badLoans: "Whether each customer has a loan in the last three classes (yes/no, optional)",
  arrears: "Whether each customer is in interest arrears (yes/no, optional)",
  advances: "Whether each customer has an advance (yes/no, optional)",
  tenure:
    "Years of continuous marketing (optional; when blank, computed from the first appointment date)",
  firstAppointed: "First appointment date (optional; full years to the assessment date)",
  year: YEAR_EN,
};

export const HELP_EN_B: HelpTable = {
  LEVEL: {
    example: "=CM.LEVEL(C2:C9,D2:D9,E2:E9,F2:F9,98,97)",
    description:
      "Qualified level of a corporate CM from business indicators (Art. 11 (2), Art. 9). For " +
      "each level, customers whose daily average deposit is below that level's exclusion line " +
      "are left out of every indicator (a customer exactly on the line counts); then conditions " +
      "a (deposits, with the one-customer minimum), b (loans, with the one-customer minimum), c " +
      "(international settlement) and d (new deposits) are counted, with condition (2) (no loans " +
      "in the last three classes, arrears or advances at any customer; normal-class share higher " +
      "than last year's — interpretation: all loans normal (a share of one) passes, and so does " +
      "a CM with no credit customer, every customer's daily average loans being 0) and tenure. " +
      "Interpretations: grade 3 and grade 4 condition a uses deposits; grade 4 condition c is in " +
      "yuan, converted with the policy's USD→CNY rate (not met while the rate is unset; when the " +
      "qualified level depends on it — settlement entered and grade 4's other conditions met — " +
      "the result is #N/A naming the missing rate). Each level's exclusion line, deposits, " +
      "loans, settlement, new deposits, conditions needed and tenure are the policy's " +
      "B.<level>.* (the figures: “Policy figures of the year” on the help page). Trainee: " +
      "deposits (customers at B.见习.剔除线 or more) ≥ B.见习.日均存款, no condition (2). The highest level " +
      "all of whose conditions hold. Amounts in the workbook's unit; rows blank in every amount " +
      "and with no yes flag are skipped; blank flags count as no.",
    params: CUSTOMER_PARAMS_EN,
    result: "Qualified level: 高级/一级/二级/三级/四级/见习/无 (none)",
  },
  LEVELCHECK: {
    example: '=CM.LEVELCHECK("二级",C2:C9,D2:D9,E2:E9,F2:F9,98,97)',
    description:
      "Checks every condition of one corporate CM level (Art. 11 (2)) and returns a row with " +
      "headers: customers counted, each indicator and whether conditions a–d hold, conditions " +
      "met and needed, condition (2), tenure, and the conclusion. Statuses: 达标 met / 未达标 not " +
      "met / 汇率未设置 rate not set / 数据缺失 data missing / 不要求 not required / 不适用 not applicable; a " +
      "conclusion of 汇率未设置 means every other condition holds and the level depends on the " +
      "unset rate. Same interpretations as CM.LEVEL.",
    params: { level: "Level to check: 高级/一级/二级/三级/四级/见习", ...CUSTOMER_PARAMS_EN },
    result: "Two rows: headers and the results for that level",
  },
  PASSLINE: {
    example: '=CM.PASSLINE(C2:C9,"三级")',
    description:
      "Whether the minimum pass line is met (Art. 9): daily average deposits over customers with " +
      "at least the policy's B.及格线.剔除线 each, ≥ B.及格线.见习 for a trainee and ≥ B.及格线.其他等级 for " +
      "every other level (the figures: “Policy figures of the year” on the help page). " +
      'Interpretation: for trainees the balance of Art. 9 is used (not the "new" deposits of Art. 11 (6)).',
    params: {
      deposits: "Each customer's daily average deposits (one column)",
      level: "Current level: 高级/一级/二级/三级/四级/见习",
      year: YEAR_EN,
    },
    result: "TRUE when met, FALSE otherwise",
  },
  DECISION: {
    example: '=CM.DECISION("三级","二级","称职",TRUE,TRUE,FALSE,TRUE)',
    description:
      "Annual decision for a corporate CM (Art. 19), first match wins: a disqualifying item of " +
      "the error-point standard recorded in the year (✕, e.g. 1.1b) → exit, naming the item; " +
      "below the pass line → exit; main tasks not completed or bottom three two years running → " +
      "demoted one level (a trainee exits); a trainee (Art. 6, 19 (5)): while the trainee period " +
      "runs → 见习中 (in the trainee period, no decision yet); after it, trainee exam failed → exit " +
      "(back to the former post), passed → graded by the former staff grade (5等 senior, 6等 grade " +
      "1, 7等 grade 2, 8等 grade 3, 9等 grade 4, by the policy's level table) or, when that is " +
      "blank, at the qualified level if grade 4 or above, else grade 4 (interpretation); trainee " +
      "exam blank after the period → #N/A naming it. Interpretation: the period ends on 见习期满日期 " +
      "(blank: one year from the first appointment) — before that day it runs, on the day it has " +
      "ended. Competent or better, qualified above the current level and exam passed → promoted " +
      "one level (B.破格.等级差 or more levels above is flagged as breakthrough, not applied); " +
      "competent or better and qualified at least at the current level → renewed; otherwise " +
      "demoted (one level, or to the qualified level when lower; exit when none). " +
      "Interpretation: 基本称职 (basically competent) with the conditions met is neither renewed nor " +
      "promoted (Art. 19 (2) is silent), so demoted.",
    params: {
      currentLevel: "Current level: 高级/一级/二级/三级/四级/见习",
      qualifiedLevel:
        "Qualified level (e.g. the result of CM.LEVEL): 高级/一级/二级/三级/四级/见习/无",
      assessment: "Annual assessment: 优秀/称职/基本称职/不称职",
      passLine: "Whether the minimum pass line is met (e.g. the result of CM.PASSLINE)",
      tasksDone: "Main tasks completed (optional; blank counts as completed)",
      bottom3: "Bottom three in two consecutive years (optional; blank counts as no)",
      examPassed: "Promotion exam passed (optional; blank counts as not passed)",
      errorItems:
        "Error-point items recorded for the CM in the year (optional, one column; a disqualifying one means exit, the others do not count here)",
      traineeEnd:
        "Trainee period end date (optional, for a trainee; blank: one year from the first appointment)",
      traineeExamPassed:
        "Trainee exam passed at the end of the period (optional; needed once the period has ended)",
      formerStaffGrade:
        "Former staff grade: 5等/6等/7等/8等/9等 (optional; the trainee's first level)",
      firstAppointed:
        "First appointment date (optional; used when the trainee period end is blank)",
      year: YEAR_EN,
    },
    result:
      "Two rows: headers (decision, next year's level, breakthrough) and the result; decision 退出/低聘/定级/晋升/续聘/见习中",
  },
  ALLOWANCE: {
    example: '=CM.ALLOWANCE("二级","是")',
    description:
      "Monthly communication allowance of a corporate CM (Art. 13): each level's B.<level>.通讯费 " +
      "of the policy (the figures: “Policy figures of the year” on the help page); 0 after exit; " +
      "paid at B.诫勉.补贴比例 under admonishment (Art. 24). Always in yuan, whatever the workbook's amount unit.",
    params: {
      level: "Level after the decision: 高级/一级/二级/三级/四级/见习/退出 (exit)",
      admonished: "Under admonishment (optional, default no)",
      year: YEAR_EN,
    },
    result: "Monthly allowance in yuan",
  },
  WARNINGS: {
    example: '=CM.WARNINGS("不称职",TRUE)',
    description:
      "Admonishment, yellow card and dismissal triggers (Art. 20–24), as a row with headers. " +
      "Admonishment: main customers' deposits, loans or settlement falling over the half year; " +
      "arrears or overdue at a loan customer; main indicators under B.诫勉.计划完成比例 of plan " +
      "B.诫勉.连续季度数 quarters running; a credit customer's loan overdue or in arrears B.诫勉.逾期欠息月数 " +
      "months or more (inclusive: that many months, or from a start date, that many calendar " +
      "months reached by the assessment date — each the same day of the next month, or its last " +
      "day: overdue from 31 January reaches one month on 28 February), or an acceptance-bill " +
      "advance (period B.诫勉.期限月数 months) (the figures: “Policy figures of the year” on the help " +
      "page). Yellow card: tasks not completed B.黄牌.连续未完成季度数 quarters running; annual assessment " +
      "incompetent; below the minimum pass line. Dismissal: yellow cards in B.解聘.连续黄牌年数 " +
      "consecutive years, or a conduct case of Art. 22 (1)–(4). Quarterly actuals and plans pair " +
      "up in quarter order (blank quarters at either end are ignored).",
    params: {
      assessment: "Annual assessment (optional): 优秀/称职/基本称职/不称职",
      passLine: "Whether the minimum pass line is met (optional)",
      quarterActual: "Main indicators' actual per quarter (optional, in quarter order)",
      quarterPlan: "Main indicators' plan per quarter (optional, paired with the actuals, above 0)",
      customersFell:
        "Main customers' deposits, loans or settlement fell over the half year (optional)",
      loanRisk: "Arrears or overdue at a loan customer (optional)",
      overdueMonths: "Longest overdue of a credit customer's loan, in months (optional)",
      arrearsMonths: "Longest interest arrears of a credit customer, in months (optional)",
      advance: "An acceptance-bill advance (optional)",
      priorYellowYears:
        "Consecutive years with a yellow card just before this one (optional, default 0)",
      conduct:
        "A conduct case of Art. 22 (1)–(4): breaking laws or rules, dereliction, major fault, insubordination (optional)",
      overdueSince:
        "Start of a credit customer's longest overdue (optional; one month reached by the assessment date → admonishment)",
      arrearsSince:
        "Start of a credit customer's longest interest arrears (optional; one month reached by the assessment date → admonishment)",
      year: YEAR_EN,
    },
    result: "Two rows: headers (admonishment, yellow card, dismissal, grounds) and the result",
  },
};

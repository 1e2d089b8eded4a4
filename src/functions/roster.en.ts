/** English help of the roster functions in ./roster.ts (function id → description, parameters). */
import type { HelpTable } from "./help";

const YEAR_EN = "Policy year (optional; default: this workbook's policy)";
const HEADERS_EN = "With a header row (optional, default no)";
const BLANK_EN =
  "A row whose employee id is blank is no CM: not a peer, and its result row is blank, " +
  'whatever Excel passes for the empty cells (null, "" or 0, depending on the build). One ' +
  "call takes at most ~5 MB of arguments (about 20,000 rows of ten columns); for larger " +
  "rosters use the task pane's 汇总.";
const ROSTER_PARAMS = {
  ids: "Employee id column (the whole table; blank rows allowed)",
  branchTypes: "Branch type column: 一类行/二类行/三类行",
  loanCounts: "Loans granted this year, column",
  interestIncomes: "Loan interest income this year, column (workbook amount unit)",
  newNpls: "New NPL balance, column (workbook amount unit)",
  managedLoans: "Year-end managed loans (excl. bill discounting), column (workbook amount unit)",
  examFails: "Failed exams, column (optional; blank = 0)",
  penalties: "Economic penalties, column (optional; blank = 0)",
  criticisms: "Circulated criticisms, column (optional; blank = 0)",
  seriousViolations: "Serious violations, column (optional; blank = 0)",
};

export const HELP_EN_ROSTER: HelpTable = {
  SCORES: {
    description:
      "Scores of a whole roster in one call (Art. 11, 12), one spilled row per input row, each " +
      "as CM.SCORE: the peer averages of each branch type are computed once (the code of the " +
      "等级汇总 summary), so the sheet does O(n) work instead of CM.SCORE's O(n²) with whole peer columns. " +
      BLANK_EN,
    params: { ...ROSTER_PARAMS, withHeaders: HEADERS_EN, year: YEAR_EN },
    result: "Per row: count points, income points, quality points, deductions, total",
    example:
      "=CM.SCORES(A2:A2001,C2:C2001,D2:D2001,E2:E2001,F2:F2001,G2:G2001,H2:H2001,I2:I2001,J2:J2001,K2:K2001)",
  },
  GRADES: {
    description:
      "Total score, final grade and wage coefficient of a whole roster in one call " +
      "(Art. 7, 10–12), one spilled row per input row, as the 等级汇总 summary computes them (peer averages " +
      "once, caps, protection period). " +
      BLANK_EN,
    params: {
      ...ROSTER_PARAMS,
      firstAppointed:
        "First appointment date, column (optional; for the two-year protection period)",
      prevCoefficient:
        "Previous post's wage coefficient, column (optional; within the protection period)",
      withHeaders: HEADERS_EN,
      year: YEAR_EN,
    },
    result: "Per row: total, final grade, wage coefficient",
    example:
      "=CM.GRADES(A2:A2001,C2:C2001,D2:D2001,E2:E2001,F2:F2001,G2:G2001,H2:H2001,I2:I2001,J2:J2001,K2:K2001)",
  },
  PEERAVG: {
    description:
      "The peer averages of the three branch types (Art. 11: every credit CM of the type, the " +
      "CM included): branch type, head count, average loan count, average interest income " +
      "(workbook unit, full precision). Compute them once and pass them to CM.SCORE as single " +
      "values instead of whole columns in every row. Rows with a blank employee id are not " +
      "counted.",
    params: {
      ids: ROSTER_PARAMS.ids,
      branchTypes: ROSTER_PARAMS.branchTypes,
      loanCounts: ROSTER_PARAMS.loanCounts,
      interestIncomes: ROSTER_PARAMS.interestIncomes,
      withHeaders: HEADERS_EN,
      year: YEAR_EN,
    },
    result: "Three rows: branch type, count, average loan count, average interest income",
    example: "=CM.PEERAVG(A2:A2001,C2:C2001,D2:D2001,E2:E2001)",
  },
};

/** English help of the custom functions in ./a.ts (function id → description, parameters). */
import type { HelpTable } from "./help";

const YEAR_EN = "Policy year (optional; default: this workbook's policy)";
const FIRST_EN = "First appointment date (optional; for the two-year protection period)";

export const HELP_EN_A: HelpTable = {
  GRADE: {
    description:
      "Grade of a credit CM from the total score (Art. 10: ≥90 grade 1, 75–90 grade 2, 60–75 grade 3, <60 disqualified). The score is first rounded half-up to 0.01 (89.995 → 90.00 → grade 1). Caps of Art. 12: a serious violation → at most grade 2; new-NPL rate above the tolerance rate → at most grade 2, above 1.5 × → at most grade 3 (a cap never raises). A first-time CM within two years (Art. 7, 15) below grade 3 gets grade 3. With no tolerance rate set the NPL caps do not apply.",
    params: {
      score: "Total score (may be negative)",
      seriousViolations: "Number of serious violations (optional, default 0)",
      nplRate: "New-NPL rate in percent (1.2 means 1.2%) (optional)",
      toleranceRate: "NPL tolerance rate in percent (optional; default: the policy's 不良容忍度)",
      firstAppointed: FIRST_EN,
      prevCoefficient: "Previous post's wage coefficient (optional; used within the protection period)",
      year: YEAR_EN,
    },
    result: "Grade: 一级/二级/三级/取消资格",
  },
  WAGECOEF: {
    description:
      "Wage coefficient of a credit CM grade (Art. 10: grade 1 2.0, grade 2 1.8, grade 3 1.6; disqualified has none → #N/A). Within the two-year protection period, the larger of it and the previous post's coefficient (Art. 7).",
    params: {
      grade: "Grade: 一级/二级/三级/取消资格",
      firstAppointed: FIRST_EN,
      prevCoefficient: "Previous post's wage coefficient (optional; only within the protection period)",
      year: YEAR_EN,
    },
    result: "Wage coefficient",
  },
};

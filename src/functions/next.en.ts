/** English help of CM.NEXTGRADE in ./next.ts (function id → description, parameters). */
import type { HelpTable } from "./help";
import { HELP_EN_A } from "./a.en";

const SCORE = HELP_EN_A.SCORE.params;

export const HELP_EN_NEXT: HelpTable = {
  NEXTGRADE: {
    description:
      "What lifts a credit CM's final grade one step (Art. 10, 11, 12): the smallest single " +
      "change, each alone — the extra loan count, the extra interest income, or the highest " +
      "new-NPL balance. The CM is one of his peers (Art. 11): his own figures move the peer " +
      "average, and the amounts are computed on that exactly; a component at its cap gives " +
      "不可能（已封顶） (not possible). For a CM capped by Art. 12: the new-NPL rate not to be exceeded " +
      "to lift the cap; a serious violation's cap cannot be undone in the year. Same arguments " +
      "as CM.SCORE plus the tolerance rate, the first appointment date and the number of peers " +
      "(required when the peer averages are single values). Returns one row: target grade, extra " +
      "loans, extra income, new NPL at most, new-NPL rate at most (%), cap; 已是最高等级 at grade 1 uncapped.",
    params: {
      ...SCORE,
      toleranceRate: "NPL tolerance rate in percent (optional; default: the policy's 不良容忍度)",
      firstAppointed: "First appointment date (optional; for the two-year protection period)",
      peerCount:
        "Number of peers, the CM included (required with the averages as single values; optional with whole columns)",
      withHeaders: SCORE.withHeaders,
      year: SCORE.year,
    },
    result:
      "Target grade, extra loans, extra interest income, new NPL at most, new-NPL rate at most (%), cap",
    example: "=CM.NEXTGRADE(J2,K2,L2,M2,J$2:J$2001,K$2:K$2001,F2,F$2:F$2001)",
  },
};

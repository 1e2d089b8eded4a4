/** English help of the custom functions in ./a.ts (function id → description, parameters). */
import type { HelpTable } from "./help";

const YEAR_EN = "Policy year (optional; default: this workbook's policy)";
const FIRST_EN = "First appointment date (optional; for the protection period)";

export const HELP_EN_A: HelpTable = {
  GRADE: {
    description:
      "Grade of a credit CM from the total score (Art. 10): by the policy's score " +
      "lines (A.一级.最低分 …: at least a grade's lowest score gives that grade), below the lowest " +
      "line disqualified (the figures: “Policy figures of the year” on the help page). The score " +
      "is first rounded half-up to 0.01 (a score 0.005 below a line reaches it). Caps of " +
      "Art. 12: a serious violation, a new-NPL rate above the tolerance rate, and one above the " +
      "tolerance times the policy's factor cap the grade at A.封顶.严重违规, A.封顶.超容忍度 and " +
      "A.封顶.远超容忍度 (a cap never raises). A first-time CM within the protection " +
      "period (A.保护期.年数, Art. 7, 15) below A.保护期.等级 gets that grade. With no tolerance rate set " +
      "the NPL caps do not apply.",
    params: {
      score: "Total score (may be negative)",
      seriousViolations: "Number of serious violations (optional, default 0)",
      nplRate: "New-NPL rate in percent (1.2 means 1.2%) (optional)",
      toleranceRate: "NPL tolerance rate in percent (optional; default: the policy's 不良容忍度)",
      firstAppointed: FIRST_EN,
      prevCoefficient:
        "Previous post's wage coefficient (optional; used within the protection period)",
      year: YEAR_EN,
    },
    result: "Grade: 一级/二级/三级/取消资格",
    example: "=CM.GRADE(89.995)",
  },
  WAGECOEF: {
    description:
      "Wage coefficient of a credit CM grade (Art. 10): each grade's coefficient is the policy's " +
      "A.一级.工资系数 … (the figures: “Policy figures of the year” on the help page); disqualified " +
      "has none → #N/A. Within the protection period, the larger of it and the previous post's " +
      "coefficient (Art. 7). A 支行长, 副行长 or 分理处主任 is graded but takes the post's " +
      'coefficient (Art. 13): #N/A "按岗位职务系数（第十三条）", never a number.',
    params: {
      grade: "Grade: 一级/二级/三级/取消资格",
      firstAppointed: FIRST_EN,
      prevCoefficient:
        "Previous post's wage coefficient (optional; only within the protection period)",
      post: "Post (职务): 客户经理/支行长/副行长/分理处主任 (optional; blank = 客户经理)",
      year: YEAR_EN,
    },
    result: "Wage coefficient",
    example: '=CM.WAGECOEF("二级")',
  },
  SCORE: {
    description:
      "Quantitative score and total of a credit CM (Art. 11, 12): count score = base + points " +
      "per pct × d (d = percentage points above the peer average count, linear), within the " +
      "policy's lowest and highest; income score = base × income ÷ peer average, within the " +
      "lowest and highest; quality score = base + points per pct × (pivot rate − new-NPL " +
      "rate %), at least the lowest (linear; no upper cap while A.质量.最高分 is unset). The points " +
      "are the policy's A.笔数.*, A.利息.*, A.质量.* (the figures: “Policy figures of the year” on the " +
      "help page). Each is rounded to 0.01, then summed, minus the deductions of A.扣分.* per " +
      "failed exam, penalty, criticism and serious violation. Peers: give the averages, or the " +
      "whole columns plus the branch-type column (filtered by this CM's type, the CM included). " +
      "Returns one row: count score, income score, quality score, deductions, total.",
    params: {
      loanCount: "Loans granted in the year",
      interestIncome: "Loan interest income of the year (workbook amount unit)",
      newNpl: "New NPL balance (workbook amount unit)",
      managedLoans:
        "Year-end managed loans, excluding bank-acceptance-bill discounting (workbook amount unit)",
      peerLoanCount: "Peer average loan count, or the loan-count column of all CMs",
      peerIncome: "Peer average interest income, or the income column of all CMs",
      branchType:
        "This CM's branch type: 一类行/二类行/三类行 (required with the branch-type column)",
      peerBranchTypes:
        "Branch-type column of all CMs (optional; same length as the two peer columns)",
      examFails: "Failed exams (optional, default 0)",
      penalties: "Violations with an economic penalty (optional, default 0)",
      criticisms: "Violations circulated with criticism (optional, default 0)",
      seriousViolations: "Serious violations (optional, default 0)",
      withHeaders: "Add a header row (optional, default no)",
      year: YEAR_EN,
    },
    result: "Count score, income score, quality score, deductions, total",
    example: "=CM.SCORE(J2,K2,L2,M2,XLOOKUP(F2,S$2:S$4,U$2:U$4),XLOOKUP(F2,S$2:S$4,V$2:V$4))",
  },
  EXPLAIN: {
    description:
      "The explanation of a grade (same arguments as CM.GRADE): total, rounding, score grade, " +
      "protection period, each cap and its article, the interpretations applied, warnings " +
      "(e.g. tolerance rate not set), final grade and wage coefficient.",
    params: {
      score: "Total score",
      seriousViolations: "Number of serious violations (optional)",
      nplRate: "New-NPL rate in percent (1.2 means 1.2%) (optional)",
      toleranceRate: "NPL tolerance rate in percent (optional; default: the policy's)",
      firstAppointed: FIRST_EN,
      prevCoefficient: "Previous post's wage coefficient (optional)",
      lang: "Language: 中文 (default) or 英文 / en",
      year: YEAR_EN,
    },
    result: "Explanation text, one step per line",
    example: "=CM.EXPLAIN(95,1)",
  },
  NPLCOUNTS: {
    description:
      "Whether a loan counts in its first responsible CM's responsible NPL (Art. 40, \"by " +
      "five-class form and whether the loan has fallen due\"): overdue at least the policy's " +
      "A.责任不良.逾期天数 (inclusive) counts whatever its class and security; a mortgage or pledge loan " +
      "overdue less is in the disposal grace period and does not count; a credit or guaranteed " +
      "loan counts when in a class of A.责任不良.五级分类 or overdue at all (≥ 1 day) (the " +
      'figures: “Policy figures of the year” on the help page). Interpretation: "fallen due" ' +
      "means past maturity and unpaid; with the policy switch A.责任不良.逾期即计入 = 否 a " +
      "credit/guaranteed loan counts only in those classes (overdue that long still counts). " +
      "Loans granted before A.第一责任人起始日 have no first responsible person. With no overdue days, " +
      "they are counted from the maturity to the assessment date.",
    params: {
      granted: "Grant date",
      fiveClass: "Five-class: 正常/关注/次级/可疑/损失",
      security: "Security: 信用/保证/抵押/质押",
      overdueDays: "Days overdue (optional)",
      maturity: "Maturity date (used when the overdue days are blank)",
      overdueCounts:
        "Overdue credit/guaranteed loans count: 是/否 (optional; default the policy's A.责任不良.逾期即计入, 是)",
      year: "Policy year (optional; the assessment date of that year's policy)",
    },
    result: "TRUE counts, FALSE does not",
    example: '=CM.NPLCOUNTS("2018-01-10","次级","抵押",200)',
  },
  TOLERANCE: {
    description:
      "NPL tolerance amount (Art. 47): the natural-person loan interest × A.容忍度.自然人比例 + the " +
      "enterprise/organisation loan interest × A.容忍度.企业比例, over the years before exit age of " +
      "A.容忍度.基数年数; branch heads and urban CMs at those ratios × A.容忍度.城区系数 (the figures: “Policy " +
      "figures of the year” on the help page).",
    params: {
      npInterest: "Natural-person loan interest of the last 3 years (workbook amount unit)",
      entInterest:
        "Enterprise/organisation loan interest of the last 3 years (workbook amount unit)",
      urban: "Branch head or urban CM (optional, default no)",
      post: "Post (职务): 客户经理/支行长/副行长/分理处主任 (optional; 支行长 → the urban factor; 副行长 and 分理处主任 are not named in Art. 47)",
      year: YEAR_EN,
    },
    result: "Tolerance amount (workbook amount unit)",
    example: "=CM.TOLERANCE(800000,2000000)",
  },
  OVERTOLSHARE: {
    description:
      "Share of the tellers' average performance pay for a CM beyond tolerance (Art. 48.2): " +
      "over = (responsible NPL − tolerance) ÷ tolerance; with at least A.超容忍度.清收完成比例 of the " +
      "collection task done, the share of the band the over falls in (the upper bounds of " +
      "A.超容忍度.档1, 档2, inclusive), beyond the last band A.超容忍度.超出末档比例; less done → 0 (the " +
      "figures: “Policy figures of the year” on the help page). A tolerance of 0 with any NPL " +
      "counts as beyond the last band. Within tolerance the article does not apply: #N/A.",
    params: {
      responsibleNpl: "Responsible NPL balance (workbook amount unit)",
      tolerance: "Tolerance amount (workbook amount unit)",
      collectionDone: "Share of the collection task done (e.g. 85% = 0.85)",
      year: YEAR_EN,
    },
    result: "Share (e.g. 0.85 = 85%)",
    example: "=CM.OVERTOLSHARE(220000,180000,0.9)",
  },
  EXITDATE: {
    description:
      "Date a CM leaves the post by age (Art. 41): older than the policy's A.退出.男性年龄 (male) or " +
      "A.退出.女性年龄 (female) (the figures: “Policy figures of the year” on the help page), by exact " +
      "age — the day after that birthday; a 29 February birthday falls on 28 February in a " +
      "common year. A tenure extended with head-office approval (延长任职至) makes that date the exit " +
      "date instead. Returns a date serial: format the cell as a date.",
    params: {
      sex: "Sex: 男/女",
      birth: "Birth date",
      extendedUntil: "Tenure extended until (延长任职至, optional): that date is the exit date",
      year: YEAR_EN,
    },
    result: "Exit date (date serial)",
    example: '=CM.EXITDATE("男","1970-06-15")',
  },
  BUYOUT: {
    description:
      "Retirement buyout of a CM's responsible NPL (Art. 49–53, 37–38). Select the loan-ledger " +
      "columns; the function picks the employee's responsible NPL and the undue loans nobody " +
      "took over (formed in the policy year): the rate of the band of the formation year (the " +
      "last years of A.买断.档1, 档2), after the last band split by the " +
      "tolerance (A.买断.容忍度内比例 within, A.买断.超容忍度比例 above; the tolerance is compared with the NPL " +
      "formed after the last band only, used up in priority order); staff relatives " +
      "A.买断.直系亲属比例; staff-introduced loans belong to the introducer (A.买断.介绍担保分界后比例 if granted " +
      "from A.买断.介绍担保分界日); loans granted before A.第一责任人起始日 count for nobody (the " +
      "figures: “Policy figures of the year” on the help page). Order: lost limitation first, " +
      "credit loans, earlier borrowing, loan id. Funds are used in the order risk fund, post " +
      "risk fund, retirement-year pay; when short, earlier loans are paid first. Mortgage loans " +
      "in litigation/enforcement/auction/disposal are marked 暂存 (escrow; Art. 51 names mortgage " +
      "loans only: a pledge loan is paid like any other). Compensation already paid (已赔偿金额, " +
      "Art. 36) is credited: obligation = max(0, obligation by rate − compensation), after the " +
      "tolerance split (the loan still uses up the tolerance by its balance and keeps its place, " +
      "even at 0); Interpretation: a credit, not an exemption. Returns the total obligation, or " +
      "with schedule = yes the schedule with headers and a total row (with the compensation " +
      "column given, two more columns: obligation before the credit, compensation already paid).",
    params: {
      employeeId: "Employee id (first responsible person or introducer)",
      loanIds: "Loan id column",
      firstResponsible: "First responsible person column",
      granted: "Grant date column",
      maturity: "Maturity date column",
      balances: "Balance column (workbook amount unit)",
      security: "Security column",
      fiveClass: "Five-class column",
      overdueDays: "Overdue days column",
      nplYear: "NPL formation year column",
      limitationLost: "Limitation-lost column (yes/no; blank = no)",
      tolerance: "Tolerance amount (see CM.TOLERANCE)",
      riskFund: "Risk-assessment fund balance (optional; give all three funds or none)",
      postRiskFund: "Post risk fund balance (optional)",
      retirementPay: "Retirement-year performance pay (optional)",
      schedule: "Return the schedule (optional, default no: the total only)",
      introducer: "Introducing staff member column (optional)",
      successor: "Successor column (optional)",
      disposal: "Disposal stage column (optional)",
      staffRelative: "Staff relative column (optional; blank = no)",
      compensated:
        "Compensation already paid column (已赔偿金额, optional, workbook amount unit; blank = none)",
      year: "Policy year = retirement year (optional; default: this workbook's policy)",
    },
    result: "Total obligation, or the schedule",
    example:
      '=CM.BUYOUT("E001",贷款台账!A2:A500,贷款台账!E2:E500,贷款台账!I2:I500,贷款台账!J2:J500,' +
      "贷款台账!L2:L500,贷款台账!M2:M500,贷款台账!O2:O500,贷款台账!P2:P500,贷款台账!Q2:Q500," +
      "贷款台账!R2:R500,180000,50000,30000,40000,TRUE)",
  },
  BUYOUTRATE: {
    description:
      "Buyout rate of one NPL (Art. 49, 37–38): the rate of the band of the formation year (the " +
      "last years of A.买断.档1, 档2), after the last band split by the " +
      "tolerance (A.买断.容忍度内比例 within, A.买断.超容忍度比例 above: say which part); staff relatives " +
      "A.买断.直系亲属比例; staff-introduced loans granted from A.买断.介绍担保分界日 A.买断.介绍担保分界后比例 (the " +
      "figures: “Policy figures of the year” on the help page).",
    params: {
      formedYear: "NPL formation year",
      part: "Formed after the last band: 容忍度内 (within) or 超出部分 (above)",
      relative: "A staff relative's loan (optional, default no)",
      introduced: "A staff-introduced/guaranteed loan (optional, default no)",
      granted: "Grant date (needed for an introduced loan)",
      year: YEAR_EN,
    },
    result: "Rate (e.g. 0.35 = 35%)",
    example: '=CM.BUYOUTRATE(2015,"容忍度内")',
  },
  ANNUALCOMP: {
    description:
      "Annual compensation of responsibility NPL (Art. 33, 36): in year Y the loans formed in " +
      "Y − the policy's A.年度补偿.间隔年数 are bought out, every formation year from A.年度补偿.起始年份 on, " +
      "at a ratio per formation year set by the head office (the figures: “Policy figures of the " +
      'year” on the help page); with no ratio in the policy: #N/A "ratio not set" naming the key ' +
      "to set (e.g. A.年度补偿.比例.2014). Base: formed up to A.年度补偿.截止年份, the balance (a share of its " +
      "total); formed later, the balance after exemption = balance − exempted amount (blank = " +
      "none; above the balance: #VALUE!). The exemption does not apply to loans formed up to " +
      "that year.",
    params: {
      amount: "Responsible NPL balance (workbook amount unit)",
      formationYear: "Formation year (optional; default policy year − the lag)",
      exemption:
        "Exempted amount (免责金额, optional, workbook amount unit; subtracted for loans formed after the last year)",
      year: YEAR_EN,
    },
    result: "Compensation amount (workbook amount unit)",
    example: "=CM.ANNUALCOMP(B2,2014,C2)",
  },
};

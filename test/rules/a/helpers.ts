/** Row factories for rule set A tests. */
import { dec } from "../../../src/core/money";
import type { LoanRow, ManagerRow } from "../../../src/core/rows";

export function loan(
  p: Partial<Omit<LoanRow, "amount" | "balance" | "compensated" | "exempted">> & {
    loanId: string;
    balance?: number | null;
    amount?: number | null;
    compensated?: number | null;
    exempted?: number | null;
  }
): LoanRow {
  const { balance, amount, compensated, exempted, ...rest } = p;
  return {
    src: { sheet: "贷款台账", row: 1 },
    borrower: "借款人",
    borrowerType: "企业",
    firstResponsible: "E1",
    manager: "E1",
    introducer: null,
    successor: null,
    granted: "2015-01-01",
    maturity: "2016-01-01",
    security: "保证",
    familyGuarantor: null,
    fiveClass: "正常",
    overdueDays: 0,
    nplYear: null,
    limitationLost: false,
    disposal: "无",
    staffRelative: false,
    sued: false,
    noSpouseCertificate: null,
    ...rest,
    compensated: compensated === undefined || compensated === null ? null : dec(compensated),
    exempted: exempted === undefined || exempted === null ? null : dec(exempted),
    amount: amount === null ? null : dec(amount ?? balance ?? 0),
    balance: balance === null ? null : dec(balance ?? 0),
  };
}

export function manager(
  p: Partial<Omit<ManagerRow, "interestIncome" | "newNpl" | "managedLoans">> & {
    id: string;
    interestIncome?: number | null;
    newNpl?: number | null;
    managedLoans?: number | null;
  }
): ManagerRow {
  const { interestIncome, newNpl, managedLoans, ...rest } = p;
  const d = (x: number | null | undefined, dflt: number) => (x === null ? null : dec(x ?? dflt));
  return {
    src: { sheet: "客户经理", row: 1 },
    name: `姓名${p.id}`,
    sex: "男",
    birth: "1980-05-05",
    branch: "城关支行",
    branchType: "一类行",
    urban: false,
    firstAppointed: "2010-01-01",
    prevCoefficient: null,
    loanCount: 100,
    examFails: 0,
    penalties: 0,
    criticisms: 0,
    seriousViolations: 0,
    retiring: false,
    npInterest3y: null,
    entInterest3y: null,
    riskFund: null,
    postRiskFund: null,
    retirementPay: null,
    level: null,
    assessment: null,
    marketingYears: null,
    examPassed: null,
    bottom3TwoYears: null,
    tasksDone: null,
    traineeEnd: null,
    traineeExamPassed: null,
    formerStaffGrade: null,
    normalShare: null,
    normalSharePrev: null,
    admonished: null,
    ...rest,
    interestIncome: d(interestIncome, 1000000),
    newNpl: d(newNpl, 10000),
    managedLoans: d(managedLoans, 1000000),
  };
}

/** RULES.md A11 worked example: Y = 2025, T = 180,000. */
export function exampleLoans() {
  return [
    loan({
      loanId: "L1",
      nplYear: 2004,
      balance: 200000,
      security: "信用",
      limitationLost: true,
      granted: "2003-05-01",
      maturity: "2004-05-01",
      fiveClass: "损失",
      overdueDays: 7000,
    }),
    loan({
      loanId: "L2",
      nplYear: 2008,
      balance: 300000,
      security: "保证",
      limitationLost: false,
      granted: "2007-03-01",
      maturity: "2008-03-01",
      fiveClass: "可疑",
      overdueDays: 6000,
    }),
    loan({
      loanId: "L3",
      nplYear: 2015,
      balance: 150000,
      security: "信用",
      limitationLost: false,
      granted: "2014-06-01",
      maturity: "2015-06-01",
      fiveClass: "次级",
      overdueDays: 3800,
    }),
    loan({
      loanId: "L4",
      nplYear: 2019,
      balance: 250000,
      security: "抵押",
      disposal: "诉讼",
      limitationLost: false,
      granted: "2018-01-10",
      maturity: "2019-01-10",
      fiveClass: "可疑",
      overdueDays: 2500,
    }),
  ];
}

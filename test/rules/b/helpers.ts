import { dec } from "../../../src/core/money";
import type { CorpCustomerRow, ManagerRow } from "../../../src/core/rows";
import { defaultPolicy } from "../../../src/policy/defaults";
import type { Policy } from "../../../src/policy/types";

export function policy(patch: Partial<Policy> = {}): Policy {
  return { ...defaultPolicy(2025), ...patch };
}

let n = 0;
export function cust(
  deposits: number | null,
  more: {
    loans?: number | null;
    usd?: number | null;
    newDeposits?: number | null;
    bad?: boolean;
    arrears?: boolean;
    advances?: boolean;
    manager?: string;
    name?: string;
  } = {}
): CorpCustomerRow {
  n += 1;
  return {
    src: { sheet: "公司客户", row: n },
    customer: more.name ?? `客户${n}`,
    manager: more.manager ?? "E1",
    deposits: deposits === null ? null : dec(deposits),
    loans: more.loans === undefined ? dec(0) : more.loans === null ? null : dec(more.loans),
    settlementUsd: more.usd === undefined ? 0 : more.usd,
    newDeposits:
      more.newDeposits === undefined
        ? dec(0)
        : more.newDeposits === null
          ? null
          : dec(more.newDeposits),
    badLoans: more.bad ?? false,
    arrears: more.arrears ?? false,
    advances: more.advances ?? false,
  };
}

/** A CM whose quality and tenure hold for every level (so only the indicators decide). */
export const GOOD = {
  marketingYears: 5,
  firstAppointed: null,
  normalShare: 98,
  normalSharePrev: 97,
};

export function manager(patch: Partial<ManagerRow> = {}): ManagerRow {
  return {
    src: { sheet: "客户经理", row: 1 },
    id: "E1",
    name: "张三",
    sex: null,
    birth: null,
    branch: null,
    branchType: null,
    urban: null,
    firstAppointed: null,
    prevCoefficient: null,
    loanCount: null,
    interestIncome: null,
    newNpl: null,
    managedLoans: null,
    examFails: null,
    penalties: null,
    criticisms: null,
    seriousViolations: null,
    retiring: null,
    npInterest3y: null,
    entInterest3y: null,
    riskFund: null,
    postRiskFund: null,
    retirementPay: null,
    level: "三级",
    assessment: "称职",
    marketingYears: 5,
    examPassed: true,
    bottom3TwoYears: false,
    tasksDone: true,
    traineeEnd: null,
    traineeExamPassed: null,
    formerStaffGrade: null,
    normalShare: 98,
    normalSharePrev: 97,
    admonished: false,
    ...patch,
  };
}

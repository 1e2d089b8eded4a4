/**
 * Issue 18 item 3: the pane's what-if for one credit CM of 等级汇总 — change his loan count,
 * interest income, new NPL balance or a deduction count and see the score, grade, wage
 * coefficient and explanation at once (nothing is written anywhere: a pure function).
 *
 * The CM is one of his peers (A2 第十一条): the rest of his group ({@link othersInRoster}) stays as
 * it is and the peer average moves with his own figures. The score is {@link scoreManager}, the
 * grade {@link assessGrade} — the code of the 等级汇总 row itself, so unchanged figures give the
 * row's own result.
 *
 * {@link CreditWhatIfInput} is plain data (amounts as exact decimal text, 元): it is made where the
 * summaries are built (in the pane's worker) and crosses to the pane by postMessage.
 */
import type { IsoDate } from "../../core/dates";
import type { ExplainStep } from "../../core/explain";
import { isRuleError } from "../../core/errors";
import { Dec, dec } from "../../core/money";
import type { BranchType, ManagerRow, Post } from "../../core/rows";
import type { Policy } from "../../policy/types";
import type { CreditInputs, PeerAverages } from "./assess";
import { creditInputsOf, isCreditManager, othersInRoster } from "./assess";
import type { FinalGrade } from "./common";
import { stepA } from "./common";
import { assessGrade, GradeCap } from "./grade";
import { scoreManager } from "./score";

/** What the pane needs to recompute one 等级汇总 row (A2–A5). */
export interface CreditWhatIfInput {
  employeeId: string;
  name: string;
  branchType: BranchType;
  loanCount: number;
  /** 元, exact decimal text */
  interestIncome: string;
  newNpl: string;
  managedLoans: string;
  examFails: number;
  penalties: number;
  criticisms: number;
  seriousViolations: number;
  firstAppointed: IsoDate | null;
  prevCoefficient: number | null;
  post: Post | null;
  /** the rest of his peer group (A2), him excluded: count and sums (元 for the income) */
  others: { count: number; sumLoanCount: string; sumIncome: string };
}

/** The figures a user may change. */
export interface WhatIfFigures {
  loanCount: number;
  /** 元 */
  interestIncome: Dec;
  newNpl: Dec;
  examFails: number;
  penalties: number;
  criticisms: number;
  seriousViolations: number;
}

export interface WhatIfResult {
  countPoints: number;
  incomePoints: number;
  qualityPoints: number;
  deductions: number;
  total: number;
  scoreGrade: FinalGrade;
  caps: GradeCap[];
  finalGrade: FinalGrade;
  wageCoefficient: number | null;
  postCoefficient: boolean;
  /** the peer averages with his changed figures (exact) */
  avgLoanCount: Dec;
  avgIncome: Dec;
  steps: ExplainStep[];
}

/** The what-if input of a CM of the roster; null when his row cannot be assessed (a figure or the group's average missing: {@link creditInputsOf}). */
export function whatIfInputOf(m: ManagerRow, peers: PeerAverages): CreditWhatIfInput | null {
  if (!isCreditManager(m)) return null;
  let inputs: CreditInputs;
  try {
    inputs = creditInputsOf(m, peers);
  } catch (e) {
    if (isRuleError(e)) return null;
    throw e;
  }
  const { peer, quant, ded } = inputs;
  const o = othersInRoster(peers, peer.branchType, quant);
  return {
    employeeId: m.id,
    name: m.name,
    branchType: peer.branchType,
    loanCount: quant.loanCount,
    interestIncome: quant.interestIncome.toString(),
    newNpl: quant.newNpl.toString(),
    managedLoans: quant.managedLoans.toString(),
    ...ded,
    firstAppointed: m.firstAppointed,
    prevCoefficient: m.prevCoefficient,
    post: m.post ?? null,
    others: {
      count: o.count,
      sumLoanCount: o.sumLoanCount.toString(),
      sumIncome: o.sumIncome.toString(),
    },
  };
}

/** The what-if inputs of every credit CM whose row can be assessed, by 员工号. */
export function whatIfInputs(
  managers: readonly ManagerRow[],
  peers: PeerAverages
): Record<string, CreditWhatIfInput> {
  const out: Record<string, CreditWhatIfInput> = {};
  for (const m of managers) {
    const w = whatIfInputOf(m, peers);
    if (w) out[m.id] = w;
  }
  return out;
}

/** His figures as the row has them (the form's starting values). */
export function figuresOf(input: CreditWhatIfInput): WhatIfFigures {
  return {
    loanCount: input.loanCount,
    interestIncome: dec(input.interestIncome),
    newNpl: dec(input.newNpl),
    examFails: input.examFails,
    penalties: input.penalties,
    criticisms: input.criticisms,
    seriousViolations: input.seriousViolations,
  };
}

/** A2–A5 with the changed figures, the peer average moving with them. Throws RuleError (e.g. a peer average of 0). */
export function whatIfAssess(
  input: CreditWhatIfInput,
  f: WhatIfFigures,
  policy: Policy
): WhatIfResult {
  const n = input.others.count + 1;
  const avgLoanCount = dec(input.others.sumLoanCount).plus(f.loanCount).div(n);
  const avgIncome = dec(input.others.sumIncome).plus(f.interestIncome).div(n);
  const s = scoreManager(
    {
      loanCount: f.loanCount,
      interestIncome: f.interestIncome,
      newNpl: f.newNpl,
      managedLoans: dec(input.managedLoans),
    },
    f,
    { branchType: input.branchType, avgLoanCount, avgIncome },
    policy
  );
  const g = assessGrade(
    {
      score: dec(s.total),
      seriousViolations: f.seriousViolations,
      nplRatePct: s.nplRatePct,
      firstAppointed: input.firstAppointed,
      prevCoefficient: input.prevCoefficient,
      assessmentDate: policy.assessmentDate,
      post: input.post,
    },
    policy
  );
  const steps: ExplainStep[] = [
    stepA("warning", "第十一条", "A_WHATIF", {
      id: input.employeeId,
      name: input.name,
      type: input.branchType,
      n,
    }),
    ...s.steps,
    ...g.steps.filter((st) => st.code !== "A_EXIT_GRADE"),
  ];
  return {
    countPoints: s.countPoints,
    incomePoints: s.incomePoints,
    qualityPoints: s.qualityPoints,
    deductions: s.deductions,
    total: s.total,
    scoreGrade: g.scoreGrade,
    caps: g.caps,
    finalGrade: g.finalGrade,
    wageCoefficient: g.wageCoefficient,
    postCoefficient: g.postCoefficient,
    avgLoanCount,
    avgIncome,
    steps,
  };
}

/**
 * The arguments of one CM's score (A2–A3), shared by CM.SCORE (./a.ts) and CM.NEXTGRADE
 * (./next.ts): the four figures, the peers (averages or whole columns, A2: the CM among them)
 * and the deductions; and the score they give.
 */
import type { Dec } from "../core/money";
import type { BranchType } from "../core/rows";
import type { Policy } from "../policy/types";
import { BRANCH_TYPE_VALUES } from "../reader/schema";
import { peerFiguresOfColumns } from "../rules/a/peers";
import { DeductionInput, PeerFigures, QuantInput, scoreManager } from "../rules/a/score";

export const SCORE_ARGS = [
  { name: "loanCount", zh: "当年发放贷款笔数", type: "int", min: 0 },
  { name: "interestIncome", zh: "当年贷款利息收入", type: "amount" },
  { name: "newNpl", zh: "新增不良贷款余额", type: "amount" },
  { name: "managedLoans", zh: "年末管理贷款总额", type: "amount" },
  {
    name: "peerLoanCount",
    zh: "同类行贷款笔数（平均数或整列）",
    type: "number",
    range: true,
    min: 0,
  },
  { name: "peerIncome", zh: "同类行利息收入（平均数或整列）", type: "amount", range: true },
  {
    name: "branchType",
    zh: "本人行别类型",
    type: "text",
    optional: true,
    enum: BRANCH_TYPE_VALUES,
  },
  {
    name: "peerBranchTypes",
    zh: "同类行行别类型列",
    type: "text",
    range: true,
    optional: true,
    enum: BRANCH_TYPE_VALUES,
  },
  { name: "examFails", zh: "考试不合格次数", type: "int", optional: true, default: 0, min: 0 },
  { name: "penalties", zh: "经济处罚次数", type: "int", optional: true, default: 0, min: 0 },
  { name: "criticisms", zh: "通报批评次数", type: "int", optional: true, default: 0, min: 0 },
  {
    name: "seriousViolations",
    zh: "严重违规次数",
    type: "int",
    optional: true,
    default: 0,
    min: 0,
  },
] as const;

/** SCORE_ARGS as converted by ./args.ts. */
export interface ScoreArgValues {
  loanCount: number;
  interestIncome: Dec;
  newNpl: Dec;
  managedLoans: Dec;
  peerLoanCount: (number | null)[];
  peerIncome: (Dec | null)[];
  branchType: BranchType | null;
  peerBranchTypes: (BranchType | null)[] | null;
  examFails: number;
  penalties: number;
  criticisms: number;
  seriousViolations: number;
}

/** The score of the arguments, with the inputs and the peers it used (`count`: the rows averaged). */
export function scoreOfArgs(a: ScoreArgValues, policy: Policy) {
  const peers: PeerFigures & { count: number } = peerFiguresOfColumns(
    a.peerLoanCount,
    a.peerIncome,
    a.branchType,
    a.peerBranchTypes ?? []
  );
  const quant: QuantInput = {
    loanCount: a.loanCount,
    interestIncome: a.interestIncome,
    newNpl: a.newNpl,
    managedLoans: a.managedLoans,
  };
  const ded: DeductionInput = {
    examFails: a.examFails,
    penalties: a.penalties,
    criticisms: a.criticisms,
    seriousViolations: a.seriousViolations,
  };
  return { quant, ded, peers, score: scoreManager(quant, ded, peers, policy) };
}

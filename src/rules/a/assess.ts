/**
 * Roster level of rule set A (for the 等级汇总 summary): peer averages per branch type (A2)
 * and the whole assessment of every credit CM — components, deductions, total, grade, caps,
 * wage coefficient, exit reasons — with a per-row error when a needed figure is missing, so
 * one bad row never stops the others.
 */
import type { IsoDate } from "../../core/dates";
import { isRuleError, naError, RuleError } from "../../core/errors";
import type { ExplainStep } from "../../core/explain";
import { Dec, dec, num2 } from "../../core/money";
import type { BranchType, ManagerRow, RowSource } from "../../core/rows";
import type { Policy } from "../../policy/types";
import { FinalGrade, need, shownRatePct, stepA } from "./common";
import { DisqualifyingItem, ExitFlags, ExitReasonCode, exitReasons } from "./exit";
import { assessGrade, GradeCap } from "./grade";
import type { PeerOthers } from "./next";
import { othersOfGroup } from "./next";
import { peerMeans } from "./peers";
import { DeductionInput, PeerFigures, QuantInput, scoreManager } from "./score";
import type { ScoreResult } from "./score";

export const BRANCH_TYPES: readonly BranchType[] = ["一类行", "二类行", "三类行"];

/** The peers of one branch type (A2: every credit CM of that type, the CM being scored included). */
export interface PeerGroup {
  branchType: BranchType;
  /** number of credit CMs of the type */
  count: number;
  /** employee ids of the group */
  members: string[];
  /** exact averages, null when not computable (see error) */
  avgLoanCount: Dec | null;
  avgIncome: Dec | null;
  /** why an average is not available (a member lacks the figure) */
  error: RuleError | null;
}

export type PeerAverages = Record<BranchType, PeerGroup>;

const A2_FIELDS = ["loanCount", "interestIncome", "newNpl", "managedLoans"] as const;

/** A CM with none of the A2 figures is not a credit CM (e.g. a corporate CM of rule set B). */
export function isCreditManager(m: ManagerRow): boolean {
  return A2_FIELDS.some((f) => m[f] !== null && m[f] !== undefined);
}

function missingError(type: BranchType, ids: string[], zh: string, en: string): RuleError {
  return naError(
    `${type}客户经理 ${ids.join("、")} 缺少${zh}，无法计算${type}平均值（第十一条）`,
    `${type} CM(s) ${ids.join(", ")} lack ${en}: the ${type} peer average cannot be computed (Art. 11)`
  );
}

/** A2: the peer averages per branch type, over the credit CMs of that type. */
export function peerAverages(managers: readonly ManagerRow[], _policy: Policy): PeerAverages {
  const out = {} as PeerAverages;
  for (const type of BRANCH_TYPES) {
    const group = managers.filter((m) => m.branchType === type && isCreditManager(m));
    const noCount = group.filter((m) => m.loanCount === null).map((m) => m.id);
    const noIncome = group.filter((m) => m.interestIncome === null).map((m) => m.id);
    let error: RuleError | null = null;
    if (noCount.length > 0)
      error = missingError(type, noCount, "当年发放贷款笔数", "the loan count");
    else if (noIncome.length > 0)
      error = missingError(type, noIncome, "当年贷款利息收入", "the interest income");
    const means = peerMeans(
      noCount.length === 0 ? group.map((m) => dec(m.loanCount as number)) : [],
      noIncome.length === 0 ? group.map((m) => m.interestIncome as Dec) : []
    );
    out[type] = {
      branchType: type,
      count: group.length,
      members: group.map((m) => m.id),
      ...means,
      error,
    };
  }
  return out;
}

interface RowBase {
  employeeId: string;
  name: string;
  branchType: BranchType | null;
  src: RowSource;
}

export interface CreditAssessmentOk extends RowBase {
  ok: true;
  countPoints: number;
  incomePoints: number;
  qualityPoints: number;
  /** r of A2.3, %, to 4 decimals, or more where 4 would tie with a cap threshold the exact r does not equal (for display) */
  nplRatePct: number;
  deductions: number;
  total: number;
  scoreGrade: FinalGrade;
  caps: GradeCap[];
  finalGrade: FinalGrade;
  wageCoefficient: number | null;
  /** 第十三条: a branch head — the 工资系数 cell says 按岗位职务系数（第十三条） */
  postCoefficient: boolean;
  protected: boolean;
  /** A8, Chinese labels; beside the grade, never replacing it */
  exitReasons: string[];
  /** A8 reasons that cannot be judged (their column, or the error log, is missing) */
  exitUnknown: ExitReasonCode[];
  /** 延长任职至, else by age; null when neither is known */
  exitDate: IsoDate | null;
  steps: ExplainStep[];
  /** the figures scored (元) and the deductions, for what lifts the grade (./next.ts, 距上一等级) */
  quant: QuantInput;
  ded: DeductionInput;
}

/** What the roster knows beyond the rows (A8 rev 2). */
export interface CreditRosterOptions {
  /**
   * The 客户经理 columns present (keys of WORKBOOK.md). Given: an A8 column that is absent means
   * "cannot be judged", a blank cell 否. Not given: a field that is undefined in the row is absent.
   */
  present?: ReadonlySet<string>;
  /** ✕ items of rule set C per CM in the year (A8 reason 8); null/absent = no error log: cannot be judged */
  disqualifyingItems?: ReadonlyMap<string, readonly DisqualifyingItem[]> | null;
}

/** The A8 flags of a row: undefined where the column is absent (see {@link CreditRosterOptions.present}). */
function exitFlagsOf(m: ManagerRow, opts: CreditRosterOptions = {}): ExitFlags {
  const col = <
    K extends
      | "examFailsTwice"
      | "branchAssessmentFailed"
      | "headOfficeFailed"
      | "illness"
      | "majorViolation"
      | "extendedUntil",
  >(
    k: K
  ): ManagerRow[K] => (opts.present ? (opts.present.has(k) ? (m[k] ?? null) : undefined) : m[k]);
  const items = opts.disqualifyingItems;
  return {
    examFailsTwice: col("examFailsTwice"),
    branchAssessmentFailed: col("branchAssessmentFailed"),
    headOfficeFailed: col("headOfficeFailed"),
    illness: col("illness"),
    majorViolation: col("majorViolation"),
    extendedUntil: col("extendedUntil") ?? null,
    sex: m.sex,
    birth: m.birth,
    disqualifyingItems: items ? (items.get(m.id) ?? []) : undefined,
  };
}

export interface CreditAssessmentError extends RowBase {
  ok: false;
  error: RuleError;
}

export type CreditAssessment = CreditAssessmentOk | CreditAssessmentError;

/** The peer averages of the CM's branch type (A2); the group's error when one is not computable. */
export function peerFigures(m: ManagerRow, peers: PeerAverages): GroupFigures {
  const type = need(m.branchType, "行别类型", "the branch type");
  const g = peers[type];
  if (g.error) throw g.error;
  return { branchType: type, avgLoanCount: g.avgLoanCount as Dec, avgIncome: g.avgIncome as Dec };
}

/** The peer averages of a CM's own branch type. */
export type GroupFigures = PeerFigures & { branchType: BranchType };

/** The figures of A2–A3 a CM's row gives (his own and his group's peer averages). */
export interface CreditInputs {
  peer: GroupFigures;
  quant: QuantInput;
  ded: DeductionInput;
}

/**
 * The A2–A3 figures of a CM's row and the roster's peer averages of its branch type; a figure
 * the row lacks is a #N/A naming it (the row's own figures first, then the peer group's). Throws
 * RuleError.
 */
export function creditInputsOf(m: ManagerRow, peers: PeerAverages): CreditInputs {
  const loanCount = need(m.loanCount, "当年发放贷款笔数", "the loan count");
  const interestIncome = need(m.interestIncome, "当年贷款利息收入", "the interest income");
  const newNpl = need(m.newNpl, "新增不良贷款余额", "the new NPL");
  const managedLoans = need(m.managedLoans, "年末管理贷款总额", "the year-end managed loans");
  const ded = {
    examFails: need(m.examFails, "考试不合格次数", "the number of failed exams"),
    penalties: need(m.penalties, "经济处罚次数", "the number of economic penalties"),
    criticisms: need(m.criticisms, "通报批评次数", "the number of circulated criticisms"),
    seriousViolations: need(
      m.seriousViolations,
      "严重违规次数",
      "the number of serious violations"
    ),
  };
  const peer = peerFigures(m, peers);
  return { peer, quant: { loanCount, interestIncome, newNpl, managedLoans }, ded };
}

/**
 * The rest of a CM's peer group in the roster, him taken out (A2: the peer average moves with his
 * own figures): {@link othersOfGroup} of his group's count and exact averages. Throws the group's
 * RuleError when an average is not computable.
 */
export function othersInRoster(peers: PeerAverages, type: BranchType, own: QuantInput): PeerOthers {
  const g = peers[type];
  if (g.error || g.avgLoanCount === null || g.avgIncome === null)
    throw g.error ?? naError(`${type}平均数无法计算`, `the ${type} averages cannot be computed`);
  return othersOfGroup(
    { count: g.count, avgLoanCount: g.avgLoanCount, avgIncome: g.avgIncome },
    own.loanCount,
    own.interestIncome
  );
}

/** A2–A3: the CM's score from its row ({@link creditInputsOf}). Throws RuleError. */
export function scoreCreditManager(
  m: ManagerRow,
  peers: PeerAverages,
  policy: Policy
): CreditInputs & { score: ScoreResult } {
  const { peer, quant, ded } = creditInputsOf(m, peers);
  const score = scoreManager(quant, ded, peer, policy);
  return { score, peer, quant, ded };
}

/** One credit CM (A2–A5, A8), given the roster's peer averages. Throws RuleError. */
export function assessCreditManager(
  m: ManagerRow,
  peers: PeerAverages,
  policy: Policy,
  opts: CreditRosterOptions = {}
): CreditAssessmentOk {
  const { score: s, peer, quant, ded } = scoreCreditManager(m, peers, policy);
  const g = assessGrade(
    {
      score: dec(s.total),
      seriousViolations: ded.seriousViolations,
      nplRatePct: s.nplRatePct,
      firstAppointed: m.firstAppointed,
      prevCoefficient: m.prevCoefficient,
      assessmentDate: policy.assessmentDate,
      post: m.post ?? null,
    },
    policy
  );
  const ex = exitReasons(
    { ...exitFlagsOf(m, opts), grade: g.finalGrade },
    policy,
    policy.assessmentDate
  );
  const steps: ExplainStep[] = [
    stepA("input", "第十一条", "A_MANAGER", { id: m.id, name: m.name, type: peer.branchType }),
    ...s.steps,
    ...(m.firstAppointed === null
      ? [stepA("warning", "第七条、第十五条", "A_FIRST_APPOINTED_UNKNOWN")]
      : []),
    ...g.steps.filter((st) => st.code !== "A_EXIT_GRADE"),
    ...ex.steps,
  ];
  return {
    ok: true,
    employeeId: m.id,
    name: m.name,
    branchType: m.branchType,
    src: m.src,
    countPoints: s.countPoints,
    incomePoints: s.incomePoints,
    qualityPoints: s.qualityPoints,
    nplRatePct:
      policy.nplToleranceRatePct === null
        ? s.nplRatePct.toDecimalPlaces(4).toNumber()
        : shownRatePct(s.nplRatePct, [
            policy.nplToleranceRatePct,
            dec(policy.nplToleranceRatePct).times(policy.a.farOverToleranceFactor),
          ]),
    deductions: s.deductions,
    total: s.total,
    scoreGrade: g.scoreGrade,
    caps: g.caps,
    finalGrade: g.finalGrade,
    wageCoefficient: g.wageCoefficient,
    postCoefficient: g.postCoefficient,
    protected: g.protected,
    exitReasons: ex.reasons,
    exitUnknown: ex.unknown,
    exitDate: ex.exitDate,
    steps,
    quant,
    ded,
  };
}

export interface CreditRoster {
  rows: CreditAssessment[];
  peers: PeerAverages;
  /** CMs with none of the A2 figures: not credit CMs, not assessed under rule set A */
  skipped: { employeeId: string; name: string; src: RowSource }[];
}

/** The roster with its rows made one at a time, as they are read (a summary keeps only what it writes of each). */
export interface CreditRosterStream extends Omit<CreditRoster, "rows"> {
  rows: Iterable<CreditAssessment>;
}

/** One credit CM, or the row's error when a figure is missing. */
function assessOrError(
  m: ManagerRow,
  peers: PeerAverages,
  policy: Policy,
  opts: CreditRosterOptions
): CreditAssessment {
  try {
    return assessCreditManager(m, peers, policy, opts);
  } catch (e) {
    if (!isRuleError(e)) throw e;
    const error = new RuleError(e.kind, `${m.id} ${m.name}：${e.zh}`, `${m.id} ${m.name}: ${e.en}`);
    return {
      ok: false,
      employeeId: m.id,
      name: m.name,
      branchType: m.branchType,
      src: m.src,
      error,
    };
  }
}

/** The roster of {@link assessCreditManagers}, each row assessed when it is reached. */
export function creditRosterStream(
  managers: readonly ManagerRow[],
  policy: Policy,
  opts: CreditRosterOptions = {}
): CreditRosterStream {
  const peers = peerAverages(managers, policy);
  const skipped = managers
    .filter((m) => !isCreditManager(m))
    .map((m) => ({ employeeId: m.id, name: m.name, src: m.src }));
  function* rows(): Generator<CreditAssessment> {
    for (const m of managers) if (isCreditManager(m)) yield assessOrError(m, peers, policy, opts);
  }
  return { peers, skipped, rows: rows() };
}

/** The whole roster: every credit CM assessed, a per-row error where a figure is missing. */
export function assessCreditManagers(
  managers: readonly ManagerRow[],
  policy: Policy,
  opts: CreditRosterOptions = {}
): CreditRoster {
  const s = creditRosterStream(managers, policy, opts);
  return { ...s, rows: [...s.rows] };
}

/** The 封顶原因 text of a row: the caps that lowered the grade, with their reasons. */
export function capReasons(caps: readonly GradeCap[]): string {
  return caps
    .filter((c) => c.lowered)
    .map((c) => `${c.reason}，最高${c.cap}`)
    .join("；");
}

/** Peer averages rounded for display (0.01). */
export function peerDisplay(g: PeerGroup): {
  branchType: BranchType;
  count: number;
  avgLoanCount: number | null;
  avgIncome: number | null;
} {
  return {
    branchType: g.branchType,
    count: g.count,
    avgLoanCount: g.avgLoanCount ? num2(g.avgLoanCount) : null,
    avgIncome: g.avgIncome ? num2(g.avgIncome) : null,
  };
}

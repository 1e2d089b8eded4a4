/**
 * Custom functions over a whole roster（整张客户经理表，一次计算）: the O(n) forms of rule set A's
 * A2 score and grade. `=CM.SCORE(…)` in every row with whole peer columns passes n cells to each
 * of n calls — n² cells per recalculation (10,000 rows: ~3 × 10⁸); here ONE call takes the
 * columns once, computes each branch type's peer averages once (src/rules/a/assess.ts
 * `peerAverages`, the code of the 等级汇总 summary) and spills one row per input row:
 *
 * - CM.PEERAVG: the three branch types' averages (to pass as scalars to CM.SCORE);
 * - CM.SCORES: 笔数得分、利息得分、质量得分、扣分、总分 per row (`scoreManager`, as CM.SCORE);
 * - CM.GRADES: 总分、最终等级、工资系数 per row (`assessCreditManager`, as the summary).
 *
 * Blank rows: a row whose 员工号 cell is blank is no CM — not a peer, and its output row is blank —
 * whatever Excel passes for the other cells of that row (an empty cell in a range argument
 * arrives as null, "" or 0 depending on the Excel build: office-js issues #4702, #5262, #1951).
 * Size: Excel caps a custom function's payload at 5 MB (office-js issue #4654); ~10 columns of
 * 20,000 rows fit in one call. Beyond that, use the task pane's 汇总 (等级汇总), which reads the
 * sheet in byte-sized pieces.
 *
 * Each function: Chinese JSDoc (zh-CN metadata), a one-line body calling `defineFunction`;
 * English help in ./roster.en.ts.
 */
import { isRuleError, RuleError, valueError } from "../core/errors";
import type { Dec } from "../core/money";
import { isBlank, parseText } from "../core/parse";
import type { BranchType, ManagerRow } from "../core/rows";
import type { Policy } from "../policy/types";
import { fromYuan } from "../policy/units";
import {
  assessCreditManager,
  BRANCH_TYPES,
  isCreditManager,
  peerAverages,
  PeerAverages,
  peerFigures,
  scoreCreditManager,
} from "../rules/a/assess";
import type { ScoreResult } from "../rules/a/score";
import { BRANCH_TYPE_VALUES } from "../reader/schema";
import { ArgCellError, defineFunction, OutCell, YEAR_ARG } from "./args";
import type { ArgValues } from "./args";

/** The columns of the roster: ranges read cell by cell (a bad cell is its row's error, not the call's). */
const PEER_ARGS = [
  { name: "ids", zh: "员工号列", type: "any", range: true },
  {
    name: "branchTypes",
    zh: "行别类型列",
    type: "text",
    enum: BRANCH_TYPE_VALUES,
    range: true,
    perCell: true,
  },
  { name: "loanCounts", zh: "当年发放贷款笔数列", type: "int", min: 0, range: true, perCell: true },
  { name: "interestIncomes", zh: "当年贷款利息收入列", type: "amount", range: true, perCell: true },
] as const;
const ROSTER_ARGS = [
  ...PEER_ARGS,
  { name: "newNpls", zh: "新增不良贷款余额列", type: "amount", range: true, perCell: true },
  { name: "managedLoans", zh: "年末管理贷款总额列", type: "amount", range: true, perCell: true },
  {
    name: "examFails",
    zh: "考试不合格次数列",
    type: "int",
    min: 0,
    range: true,
    perCell: true,
    optional: true,
  },
  {
    name: "penalties",
    zh: "经济处罚次数列",
    type: "int",
    min: 0,
    range: true,
    perCell: true,
    optional: true,
  },
  {
    name: "criticisms",
    zh: "通报批评次数列",
    type: "int",
    min: 0,
    range: true,
    perCell: true,
    optional: true,
  },
  {
    name: "seriousViolations",
    zh: "严重违规次数列",
    type: "int",
    min: 0,
    range: true,
    perCell: true,
    optional: true,
  },
] as const;

/** Each column as converted (an omitted column of CM.PEERAVG's: null). */
type RosterColumns = {
  [K in keyof ArgValues<typeof ROSTER_ARGS>]: ArgValues<typeof ROSTER_ARGS>[K] | null;
};

/**
 * A blank 员工号 cell: null or "" — or 0, which some Excel builds pass for an empty cell of a range
 * argument (office-js #4702, #5262, #1951). **Interpretation**: an employee id is never the number 0.
 */
function isBlankId(raw: unknown): boolean {
  return isBlank(raw) || raw === 0;
}

/** A row's cell of one column (an omitted column or a blank cell: null); a cell that could not be read throws its error. */
function at<T>(c: readonly (T | ArgCellError | null)[] | null, i: number): T | null {
  const v = c === null ? null : (c[i] ?? null);
  if (v instanceof ArgCellError) throw v;
  return v;
}

/** The roster's rows: a ManagerRow per row with an 员工号, null for a blank row; or the row's error. */
function rosterRows(
  a: RosterColumns,
  policy: Policy,
  extra?: (m: ManagerRow, i: number) => void
): (ManagerRow | RuleError | null)[] {
  const ids = a.ids ?? [];
  for (const p of ROSTER_ARGS) {
    const c = a[p.name];
    if (
      c !== null &&
      c !== undefined &&
      !(c.length === 1 && c[0] === null && "optional" in p) &&
      c.length !== ids.length
    ) {
      throw valueError(
        `${p.zh}的行数（${c.length}）与员工号列的行数（${ids.length}）不一致`,
        `${p.name} has ${c.length} rows, the ids ${ids.length}`
      );
    }
  }
  return ids.map((rawId, i) => {
    if (isBlankId(rawId)) return null;
    try {
      const id = parseText(rawId);
      const m: ManagerRow = {
        ...blankManager(),
        src: { sheet: "", row: i },
        id: id.ok ? id.value : String(rawId),
        branchType: at(a.branchTypes, i) as BranchType | null,
        loanCount: at(a.loanCounts, i),
        interestIncome: at(a.interestIncomes, i),
        newNpl: at(a.newNpls, i),
        managedLoans: at(a.managedLoans, i),
        // counts of the deductions: a blank cell (or an omitted column) is none
        examFails: at(a.examFails, i) ?? 0,
        penalties: at(a.penalties, i) ?? 0,
        criticisms: at(a.criticisms, i) ?? 0,
        seriousViolations: at(a.seriousViolations, i) ?? 0,
      };
      extra?.(m, i);
      return m;
    } catch (e) {
      if (isRuleError(e)) return e;
      throw e;
    }
  });
}

/** A ManagerRow with no figure (the fields the roster columns do not give). */
function blankManager(): ManagerRow {
  return {
    src: { sheet: "", row: 0 },
    id: "",
    name: "",
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
    level: null,
    assessment: null,
    marketingYears: null,
    examPassed: null,
    bottom3TwoYears: null,
    tasksDone: null,
    normalShare: null,
    normalSharePrev: null,
    admonished: null,
    traineeEnd: null,
    traineeExamPassed: null,
    formerStaffGrade: null,
  };
}

/** The peers: every row with an id and A2 figures (blank rows and rows in error are no peers). */
function peersOf(rows: (ManagerRow | RuleError | null)[], policy: Policy): PeerAverages {
  return peerAverages(
    rows.filter(
      (r): r is ManagerRow => r !== null && !(r instanceof RuleError) && isCreditManager(r)
    ),
    policy
  );
}

/**
 * One output row per input row, blank for a blank row. A row that cannot be computed makes the
 * whole result that row's error (#VALUE!/#N/A naming the CM and the figure, like CM.SCORE): a
 * function's result is a value or an error, never an array with errors inside. (The pane's 汇总
 * computes the other rows and lists the failing ones.)
 */
function spill(
  rows: (ManagerRow | RuleError | null)[],
  width: number,
  each: (m: ManagerRow) => OutCell[]
): OutCell[][] {
  return rows.map((r, i) => {
    if (r === null) return new Array<OutCell>(width).fill("");
    if (r instanceof RuleError)
      throw new RuleError(r.kind, `第 ${i + 1} 行：${r.zh}`, `row ${i + 1}: ${r.en}`);
    return each(r);
  });
}

const SCORES_HEADERS: OutCell[] = ["笔数得分", "利息得分", "质量得分", "扣分", "总分"];
const GRADES_HEADERS: OutCell[] = ["总分", "最终等级", "工资系数"];
const PEERAVG_HEADERS: OutCell[] = ["行别类型", "人数", "平均贷款笔数", "平均利息收入"];

const SCORES = defineFunction(
  {
    id: "SCORES",
    params: [
      ...ROSTER_ARGS,
      { name: "withHeaders", zh: "带标题行", type: "yesno", optional: true, default: false },
      YEAR_ARG,
    ] as const,
  },
  (a, ctx) => {
    const rows = rosterRows(a, ctx.policy);
    const peers = peersOf(rows, ctx.policy);
    const out = spill(rows, 5, (m) => {
      if (!isCreditManager(m))
        throw new RuleError(
          "na",
          `${m.id} 没有信贷客户经理的考核数据（第十一条）`,
          `${m.id} has no credit CM figures (Art. 11)`
        );
      if (m.branchType === null)
        throw valueError(`${m.id} 缺少行别类型`, `${m.id} lacks the branch type`);
      peerFigures(m, peers); // the peer group's error first, as CM.SCORE's peer columns
      let s: ScoreResult;
      try {
        s = scoreCreditManager(m, peers, ctx.policy).score; // the roster's code (等级汇总)
      } catch (e) {
        if (!(e instanceof RuleError)) throw e;
        throw new RuleError(e.kind, `${m.id} ${e.zh}`, `${m.id}: ${e.en}`);
      }
      return [s.countPoints, s.incomePoints, s.qualityPoints, s.deductions, s.total];
    });
    return a.withHeaders ? [SCORES_HEADERS, ...out] : out;
  }
);

/**
 * 整张客户经理表的定量得分与总分（第十一条、第十二条），一次计算、逐行溢出：每个行别类型的同类行平均值只算一次（与“等级汇总”同一代码），每行与 CM.SCORE 相同：笔数得分、利息得分、质量得分、扣分、总分。
 * 员工号为空的行不是客户经理：不计入同类行，结果为空行（无论 Excel 对空单元格传入空值还是 0）。一次调用的数据上限约 5 MB（约 2 万行的十列数据）；更大的表请用任务窗格的“汇总”。
 * @customfunction SCORES
 * @param {any[][]} ids 员工号列（整列，空行留空）
 * @param {any[][]} branchTypes 行别类型列：一类行/二类行/三类行
 * @param {any[][]} loanCounts 当年发放贷款笔数列
 * @param {any[][]} interestIncomes 当年贷款利息收入列（工作簿金额单位）
 * @param {any[][]} newNpls 新增不良贷款余额列（工作簿金额单位）
 * @param {any[][]} managedLoans 年末管理贷款总额列（工作簿金额单位）
 * @param {any[][]} [examFails] 考试不合格次数列（可选，空格为 0）
 * @param {any[][]} [penalties] 经济处罚次数列（可选，空格为 0）
 * @param {any[][]} [criticisms] 通报批评次数列（可选，空格为 0）
 * @param {any[][]} [seriousViolations] 严重违规次数列（可选，空格为 0）
 * @param {any} [withHeaders] 是否带标题行（可选，默认 否）
 * @param {any} [year] 政策年度（可选，默认本工作簿的政策）
 * @returns {any[][]} 每行：笔数得分、利息得分、质量得分、扣分、总分
 */
export function scores(
  ids: any[][],
  branchTypes: any[][],
  loanCounts: any[][],
  interestIncomes: any[][],
  newNpls: any[][],
  managedLoans: any[][],
  examFails?: any[][],
  penalties?: any[][],
  criticisms?: any[][],
  seriousViolations?: any[][],
  withHeaders?: any,
  year?: any
): any[][] {
  return SCORES(...arguments) as any[][];
}

const GRADES = defineFunction(
  {
    id: "GRADES",
    params: [
      ...ROSTER_ARGS,
      {
        name: "firstAppointed",
        zh: "首次聘任日期列",
        type: "date",
        range: true,
        perCell: true,
        optional: true,
      },
      {
        name: "prevCoefficient",
        zh: "原岗位工资系数列",
        type: "number",
        min: 0,
        range: true,
        perCell: true,
        optional: true,
      },
      { name: "withHeaders", zh: "带标题行", type: "yesno", optional: true, default: false },
      YEAR_ARG,
    ] as const,
  },
  (a, ctx) => {
    const rows = rosterRows(a, ctx.policy, (m, i) => {
      m.firstAppointed = at(a.firstAppointed, i);
      m.prevCoefficient = at(a.prevCoefficient, i);
    });
    const peers = peersOf(rows, ctx.policy);
    const out = spill(rows, 3, (m) => {
      const r = assessCreditManager(m, peers, ctx.policy);
      return [r.total, r.finalGrade, r.wageCoefficient ?? ""];
    });
    return a.withHeaders ? [GRADES_HEADERS, ...out] : out;
  }
);

/**
 * 整张客户经理表的总分、最终等级与工资系数（第十条至第十二条、第七条保护期），一次计算、逐行溢出，与“等级汇总”同一代码（同类行平均值只算一次，封顶与保护期相同）。
 * 员工号为空的行不是客户经理：不计入同类行，结果为空行。一次调用的数据上限约 5 MB；更大的表请用任务窗格的“汇总”。
 * @customfunction GRADES
 * @param {any[][]} ids 员工号列（整列，空行留空）
 * @param {any[][]} branchTypes 行别类型列：一类行/二类行/三类行
 * @param {any[][]} loanCounts 当年发放贷款笔数列
 * @param {any[][]} interestIncomes 当年贷款利息收入列（工作簿金额单位）
 * @param {any[][]} newNpls 新增不良贷款余额列（工作簿金额单位）
 * @param {any[][]} managedLoans 年末管理贷款总额列（工作簿金额单位）
 * @param {any[][]} [examFails] 考试不合格次数列（可选，空格为 0）
 * @param {any[][]} [penalties] 经济处罚次数列（可选，空格为 0）
 * @param {any[][]} [criticisms] 通报批评次数列（可选，空格为 0）
 * @param {any[][]} [seriousViolations] 严重违规次数列（可选，空格为 0）
 * @param {any[][]} [firstAppointed] 首次聘任日期列（可选，用于两年保护期）
 * @param {any[][]} [prevCoefficient] 原岗位工资系数列（可选，保护期内使用）
 * @param {any} [withHeaders] 是否带标题行（可选，默认 否）
 * @param {any} [year] 政策年度（可选，默认本工作簿的政策）
 * @returns {any[][]} 每行：总分、最终等级、工资系数
 */
export function grades(
  ids: any[][],
  branchTypes: any[][],
  loanCounts: any[][],
  interestIncomes: any[][],
  newNpls: any[][],
  managedLoans: any[][],
  examFails?: any[][],
  penalties?: any[][],
  criticisms?: any[][],
  seriousViolations?: any[][],
  firstAppointed?: any[][],
  prevCoefficient?: any[][],
  withHeaders?: any,
  year?: any
): any[][] {
  return GRADES(...arguments) as any[][];
}

const PEERAVG = defineFunction(
  {
    id: "PEERAVG",
    params: [
      ...PEER_ARGS,
      { name: "withHeaders", zh: "带标题行", type: "yesno", optional: true, default: false },
      YEAR_ARG,
    ] as const,
  },
  (a, ctx) => {
    const cols = {
      ...a,
      newNpls: null,
      managedLoans: null,
      examFails: null,
      penalties: null,
      criticisms: null,
      seriousViolations: null,
    };
    const rows = rosterRows(cols, ctx.policy);
    const bad = rows.find((r): r is RuleError => r instanceof RuleError);
    if (bad) throw bad;
    const peers = peersOf(rows, ctx.policy);
    const out: OutCell[][] = BRANCH_TYPES.map((t) => {
      const g = peers[t];
      if (g.count === 0) return [t, 0, "", ""];
      if (g.error) throw g.error;
      // full precision (15 significant digits), to pass to CM.SCORE as the peer averages
      return [
        t,
        g.count,
        (g.avgLoanCount as Dec).toNumber(),
        fromYuan(g.avgIncome as Dec, ctx.policy.amountUnit).toNumber(),
      ];
    });
    return a.withHeaders ? [PEERAVG_HEADERS, ...out] : out;
  }
);

/**
 * 三个行别类型的同类行平均值（第十一条：同一行别类型的全部信贷客户经理，含本人）：行别类型、人数、平均贷款笔数、平均利息收入（工作簿金额单位，全精度）。算一次，再把平均数作为单个值传给 CM.SCORE，避免每行都传整列（n² 次计算）。
 * 员工号为空的行不计入。
 * @customfunction PEERAVG
 * @param {any[][]} ids 员工号列（整列，空行留空）
 * @param {any[][]} branchTypes 行别类型列
 * @param {any[][]} loanCounts 当年发放贷款笔数列
 * @param {any[][]} interestIncomes 当年贷款利息收入列（工作簿金额单位）
 * @param {any} [withHeaders] 是否带标题行（可选，默认 否）
 * @param {any} [year] 政策年度（可选，默认本工作簿的政策）
 * @returns {any[][]} 三行：行别类型、人数、平均贷款笔数、平均利息收入
 */
export function peerAvg(
  ids: any[][],
  branchTypes: any[][],
  loanCounts: any[][],
  interestIncomes: any[][],
  withHeaders?: any,
  year?: any
): any[][] {
  return PEERAVG(...arguments) as any[][];
}

/**
 * 等级汇总 (RULES.md A1–A5, A8): per credit CM the three component scores, deductions, total,
 * score grade, caps with their reason, final grade, wage coefficient, the explanation (说明)
 * and the exit reasons (退出原因, beside the grade, never in it); the peer averages per
 * branch type below the table. Pure.
 *
 * Columns other tools rely on (WORKBOOK.md): 员工号, 姓名, 行别类型, 笔数得分, 利息得分, 质量得分,
 * 扣分, 总分, 分数等级, 封顶原因, 最终等级, 工资系数, 说明 — then 退出原因 …, and last 距上一等级
 * (issue 18: what lifts the final grade one step, rules/a/next.ts; empty at 一级 uncapped).
 */
import type { ExplainStep } from "../core/explain";
import type { Issue } from "../core/issues";
import { a1 } from "../core/issues";
import { dec } from "../core/money";
import type { BranchType, ManagerRow } from "../core/rows";
import type {
  CreditAssessmentError,
  CreditAssessmentOk,
  CreditRosterStream,
} from "../rules/a/assess";
import { BRANCH_TYPES, capReasons, othersInRoster, peerDisplay } from "../rules/a/assess";
import { POST_COEFFICIENT_TEXT } from "../rules/a/common";
import type { FinalGrade } from "../rules/a/common";
import { EXIT_REASONS, ExitReasonCode } from "../rules/a/exit";
import { nextOfManager, nextSteps, renderNextSteps } from "../rules/a/next";
import { renderSteps } from "../rules/explain";
import type { BuiltSummary, SummaryContext } from "./common";
import { moneyCell, noticeLines, summaryDef, summaryTitle, yesNo } from "./common";
import type { Column } from "./columns";
import { Table } from "./columns";
import type { CellValue } from "./model";
import { gradeChange, PREVIOUS_COLUMNS } from "../rules/previous";

export const GRADES_HEADERS = [
  "员工号",
  "姓名",
  "行别类型",
  "笔数得分",
  "利息得分",
  "质量得分",
  "扣分",
  "总分",
  "分数等级",
  "封顶原因",
  "最终等级",
  "工资系数",
  "说明",
] as const;

/** A CM assessed: his assessment, his 支行 and what lifts his grade (距上一等级). */
interface GradeLine {
  r: CreditAssessmentOk;
  branch: string | null;
  nextText: string | null;
  /** (issue 18) 上年等级 / 变化: null when last year's 等级汇总 was not given */
  last: LastCells | null;
}

/** A CM who could not be assessed: 未评定 and why (说明); his 支行; the scores blank. */
interface GradeFailed {
  r: CreditAssessmentError;
  branch: string | null;
  last: LastCells | null;
}

type LastCells = ReturnType<typeof gradeChange>;

type GradeKinds = { failed: GradeFailed };
type GradeColumn = Column<GradeLine, GradeKinds>;

function gradesColumns(withLast: boolean): GradeColumn[] {
  const score = (header: string, width: number, f: (r: CreditAssessmentOk) => CellValue) =>
    ({ header, format: "score", width, value: (x) => f(x.r) }) as GradeColumn;
  const columns: GradeColumn[] = [
    {
      header: "员工号",
      format: "text",
      width: 10,
      value: (x) => x.r.employeeId,
      failed: (x) => x.r.employeeId,
    },
    { header: "姓名", format: "text", width: 10, value: (x) => x.r.name, failed: (x) => x.r.name },
    {
      header: "行别类型",
      format: "text",
      width: 8,
      value: (x) => x.r.branchType,
      failed: (x) => x.r.branchType,
    },
    score("笔数得分", 9, (r) => r.countPoints),
    score("利息得分", 9, (r) => r.incomePoints),
    score("质量得分", 9, (r) => r.qualityPoints),
    score("扣分", 7, (r) => r.deductions),
    score("总分", 8, (r) => r.total),
    { header: "分数等级", format: "text", width: 9, value: (x) => x.r.scoreGrade },
    { header: "封顶原因", format: "text", width: 30, value: (x) => capReasons(x.r.caps) || null },
    { header: "最终等级", format: "text", width: 9, value: (x) => x.r.finalGrade },
    {
      header: "工资系数",
      format: "coef",
      width: 9,
      value: (x) => (x.r.postCoefficient ? POST_COEFFICIENT_TEXT : x.r.wageCoefficient),
    },
    {
      header: "说明",
      format: "text",
      width: 80,
      value: (x) => renderSteps(x.r.steps, "zh", "；"),
      failed: (x) => `未评定：${x.r.error.zh}`,
    },
    {
      header: "退出原因",
      format: "text",
      width: 30,
      value: (x) => (x.r.exitReasons.length > 0 ? x.r.exitReasons.join("；") : null),
    },
    { header: "支行", format: "text", width: 14, value: (x) => x.branch, failed: (x) => x.branch },
    { header: "新增不良率%", format: "pct", width: 11, value: (x) => x.r.nplRatePct },
    { header: "新任保护期", format: "text", width: 10, value: (x) => yesNo(x.r.protected) },
    { header: "退出日期", format: "date", width: 12, value: (x) => x.r.exitDate },
    { header: "距上一等级", format: "text", width: 60, value: (x) => x.nextText },
  ];
  if (withLast)
    columns.push(
      {
        header: PREVIOUS_COLUMNS.prev,
        format: "text",
        width: 9,
        value: (x) => x.last?.prev ?? null,
        failed: (x) => x.last?.prev ?? null,
      },
      {
        header: PREVIOUS_COLUMNS.change,
        format: "text",
        width: 6,
        value: (x) => x.last?.change ?? null,
        failed: (x) => x.last?.change ?? null,
      }
    );
  return columns;
}

/** The roster may be a stream (rules/a/assess.ts creditRosterStream): each row is used once, as it comes. */
export function buildGradesSummary(
  roster: CreditRosterStream,
  managers: readonly ManagerRow[],
  ctx: SummaryContext
): BuiltSummary {
  const def = summaryDef("grades");
  const { policy } = ctx;
  // (issue 18) 上年等级 / 变化 at the end, only when last year's 等级汇总 was given
  const last = ctx.lastYear?.grades ?? null;
  const table = new Table<GradeLine, GradeKinds>(gradesColumns(last !== null));
  const lastCells = (id: string, grade: FinalGrade | null): LastCells | null =>
    last ? gradeChange(last.get(id), grade) : null;
  const branchOf = new Map(managers.map((m) => [m.id, m.branch]));
  const explanations: Record<string, ExplainStep[]> = {};
  const issues: Issue[] = [];
  /** A8 reasons that could not be judged for at least one CM (said once below the table) */
  const unknownExit = new Set<ExitReasonCode>();
  for (const r of roster.rows) {
    const branch = branchOf.get(r.employeeId) ?? null;
    if (!r.ok) {
      table.addAs("failed", { r, branch, last: lastCells(r.employeeId, null) });
      issues.push({
        sheet: r.src.sheet,
        cell: a1(r.src.row, 0),
        severity: "warning",
        rule: "A.未评定",
        message: r.error.zh,
        messageEn: r.error.en,
      });
      continue;
    }
    // 距上一等级 (issue 18): his group from the roster's averages, him taken out (A2); empty at the top
    const v = nextOfManager(
      r.quant,
      r.ded,
      othersInRoster(roster.peers, r.branchType as BranchType, r.quant),
      r,
      policy.nplToleranceRatePct,
      policy
    );
    const next = nextSteps(v, policy);
    const nextText = v.goal === null ? null : renderNextSteps(next, "zh");
    table.add({ r, branch, nextText, last: lastCells(r.employeeId, r.finalGrade) });
    if (ctx.keepSteps !== false)
      explanations[r.employeeId] = v.goal === null ? r.steps : [...r.steps, ...next];
    for (const c of r.exitUnknown) unknownExit.add(c);
  }
  const notes: CellValue[][] = [
    [
      "同类行平均值（第十一条）",
      "行别类型",
      "人数",
      "平均发放笔数",
      `平均利息收入（${policy.amountUnit}）`,
    ],
  ];
  for (const t of BRANCH_TYPES) {
    const p = peerDisplay(roster.peers[t]);
    const g = roster.peers[t];
    notes.push([
      null,
      t,
      p.count,
      p.avgLoanCount,
      g.avgIncome ? moneyCell(g.avgIncome, policy) : null,
    ]);
    if (g.error) notes.push([null, t, null, null, `无法计算：${g.error.zh}`]);
  }
  if (roster.skipped.length > 0) {
    const who = roster.skipped.map((s) => `${s.employeeId} ${s.name}`).join("、");
    notes.push([
      "说明",
      `${roster.skipped.length} 名客户经理无信贷考核数据（当年发放贷款笔数、利息收入、新增不良、管理贷款均为空），未列入：${who}`,
    ]);
  }
  const tol = policy.nplToleranceRatePct;
  notes.push([
    roster.skipped.length > 0 ? null : "说明",
    tol === null
      ? "政策参数未设置“不良容忍度”：第十二条的不良率封顶未应用"
      : `不良容忍度 ${tol}%：新增不良率超过 ${tol}% 最高${policy.a.capOverTolerance}，超过 ` +
        `${dec(tol).times(policy.a.farOverToleranceFactor).toString()}% ` +
        `最高${policy.a.capFarOverTolerance}（第十二条）`,
  ]);
  if (unknownExit.size > 0) {
    const list = [...unknownExit].map((c) => EXIT_REASONS[c].zh).join("、");
    notes.push([
      null,
      `缺少相应的列（或“差错记录”表），以下退出原因无法判断，“退出原因”为空不表示没有该原因：${list}`,
    ]);
  }
  notes.push(...noticeLines(ctx.notices).map((l) => [null, l[1]]));
  return {
    id: "grades",
    model: {
      name: def.name,
      title: summaryTitle(def, policy, ctx.now, ctx.rejected),
      columns: table.columns,
      rows: table.rows,
      freezeHeader: true,
      notes,
    },
    explanations,
    issues,
  };
}

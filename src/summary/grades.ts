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
import { Dec, dec } from "../core/money";
import type { BranchType, ManagerRow } from "../core/rows";
import type { CreditRosterStream } from "../rules/a/assess";
import { BRANCH_TYPES, capReasons, peerDisplay } from "../rules/a/assess";
import { POST_COEFFICIENT_TEXT } from "../rules/a/common";
import type { FinalGrade } from "../rules/a/common";
import { EXIT_REASONS, ExitReasonCode } from "../rules/a/exit";
import { nextOfManager, nextSteps, othersOfGroup, renderNextSteps } from "../rules/a/next";
import { renderSteps } from "../rules/explain";
import type { BuiltSummary, SummaryContext } from "./common";
import { col, moneyCell, noticeLines, summaryDef, summaryTitle, yesNo } from "./common";
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

/** The roster may be a stream (rules/a/assess.ts creditRosterStream): each row is used once, as it comes. */
export function buildGradesSummary(
  roster: CreditRosterStream,
  managers: readonly ManagerRow[],
  ctx: SummaryContext
): BuiltSummary {
  const def = summaryDef("grades");
  const { policy } = ctx;
  const columns = [
    col("员工号", "text", 10),
    col("姓名", "text", 10),
    col("行别类型", "text", 8),
    col("笔数得分", "score", 9),
    col("利息得分", "score", 9),
    col("质量得分", "score", 9),
    col("扣分", "score", 7),
    col("总分", "score", 8),
    col("分数等级", "text", 9),
    col("封顶原因", "text", 30),
    col("最终等级", "text", 9),
    col("工资系数", "coef", 9),
    col("说明", "text", 80),
    col("退出原因", "text", 30),
    col("支行", "text", 14),
    col("新增不良率%", "pct", 11),
    col("新任保护期", "text", 10),
    col("退出日期", "date", 12),
    col("距上一等级", "text", 60),
  ];
  // (issue 18) 上年等级 / 变化 at the end, only when last year's 等级汇总 was given
  const last = ctx.lastYear?.grades ?? null;
  if (last)
    columns.push(col(PREVIOUS_COLUMNS.prev, "text", 9), col(PREVIOUS_COLUMNS.change, "text", 6));
  const lastCells = (id: string, grade: FinalGrade | null): CellValue[] => {
    if (!last) return [];
    const c = gradeChange(last.get(id), grade);
    return [c.prev, c.change];
  };
  const branchOf = new Map(managers.map((m) => [m.id, m.branch]));
  const rows: CellValue[][] = [];
  const explanations: Record<string, ExplainStep[]> = {};
  const issues: Issue[] = [];
  /** A8 reasons that could not be judged for at least one CM (said once below the table) */
  const unknownExit = new Set<ExitReasonCode>();
  for (const r of roster.rows) {
    const branch = branchOf.get(r.employeeId) ?? null;
    if (!r.ok) {
      rows.push([
        r.employeeId,
        r.name,
        r.branchType,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        `未评定：${r.error.zh}`,
        null,
        branch,
        null,
        null,
        null,
        null,
        ...lastCells(r.employeeId, null),
      ]);
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
    const group = roster.peers[r.branchType as BranchType];
    const v = nextOfManager(
      r.quant,
      r.ded,
      othersOfGroup(
        {
          count: group.count,
          avgLoanCount: group.avgLoanCount as Dec,
          avgIncome: group.avgIncome as Dec,
        },
        r.quant.loanCount,
        r.quant.interestIncome
      ),
      r,
      policy.nplToleranceRatePct,
      policy
    );
    const next = nextSteps(v, policy);
    const nextText = v.goal === null ? null : renderNextSteps(next, "zh");
    rows.push([
      r.employeeId,
      r.name,
      r.branchType,
      r.countPoints,
      r.incomePoints,
      r.qualityPoints,
      r.deductions,
      r.total,
      r.scoreGrade,
      capReasons(r.caps) || null,
      r.finalGrade,
      r.postCoefficient ? POST_COEFFICIENT_TEXT : r.wageCoefficient,
      renderSteps(r.steps, "zh", "；"),
      r.exitReasons.length > 0 ? r.exitReasons.join("；") : null,
      branch,
      r.nplRatePct,
      yesNo(r.protected),
      r.exitDate,
      nextText,
      ...lastCells(r.employeeId, r.finalGrade),
    ]);
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
      : `不良容忍度 ${tol}%：新增不良率超过 ${tol}% 最高${policy.a.capOverTolerance}，超过 ${dec(tol).times(policy.a.farOverToleranceFactor).toString()}% 最高${policy.a.capFarOverTolerance}（第十二条）`,
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
      columns,
      rows,
      freezeHeader: true,
      notes,
    },
    explanations,
    issues,
  };
}

/**
 * 差错积分汇总 (RULES.md C): per CM the year's total deduction, the disqualifying (✕) items,
 * the entries where aggravation could apply, and the detail. Pure.
 *
 * Every CM of the 客户经理 roster gets a row (扣分合计 0 when the log has nothing for him in the
 * year); an employee id of the log that is not on the roster gets a row too, marked so. A CM
 * with an entry that cannot be scored gets no total (the errors are in 说明), never a total
 * that silently leaves an entry out.
 *
 * Columns other tools rely on (WORKBOOK.md): 员工号, 姓名, 扣分合计, 取消资格条款.
 */
import type { ExplainStep } from "../core/explain";
import type { Issue } from "../core/issues";
import { a1 } from "../core/issues";
import type { ManagerRow } from "../core/rows";
import type { ManagerErrorPoints, ScoredEntry } from "../rules/c";
import { renderSteps } from "../rules/explain";
import type { BuiltSummary, SummaryContext } from "./common";
import { col, noticeLines, summaryDef, summaryTitle } from "./common";
import type { CellValue } from "./model";

export const ERROR_POINTS_HEADERS = ["员工号", "姓名", "扣分合计", "取消资格条款"] as const;

function fmtPoints(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** "3.2b×2=20" / "3.15/3.3×1=5" / "1.5 取消资格" / "+3 加重" */
function entryText(e: ScoredEntry): string {
  if (e.disqualifying) return `${e.code} 取消资格`;
  const agg = e.aggravation > 0 ? `（含加重 ${fmtPoints(e.aggravation)}）` : "";
  return `${e.code}×${e.count}=${fmtPoints(e.deduction)}${agg}`;
}

export function buildErrorPointsSummary(
  results: readonly ManagerErrorPoints[],
  managers: readonly Pick<ManagerRow, "id" | "name">[] | null,
  ctx: SummaryContext
): BuiltSummary {
  const def = summaryDef("errors");
  const { policy } = ctx;
  const columns = [
    col("员工号", "text", 10),
    col("姓名", "text", 10),
    col("扣分合计", "score", 10),
    col("取消资格条款", "text", 14),
    col("计分条目数", "int", 10),
    col("年度外条目数", "int", 12),
    col("可考虑加重处罚", "text", 28),
    col("明细", "text", 40),
    col("说明", "text", 60),
  ];
  const byId = new Map(results.map((r) => [r.employeeId, r]));
  const order: { id: string; name: string | null; onRoster: boolean }[] = [];
  const listed = new Set<string>();
  for (const m of managers ?? []) {
    if (listed.has(m.id)) continue;
    listed.add(m.id);
    order.push({ id: m.id, name: m.name, onRoster: true });
  }
  for (const r of results) {
    if (listed.has(r.employeeId)) continue;
    listed.add(r.employeeId);
    order.push({ id: r.employeeId, name: null, onRoster: managers === null });
  }
  const rows: CellValue[][] = [];
  const explanations: Record<string, ExplainStep[]> = {};
  const issues: Issue[] = [];
  for (const o of order) {
    const r = byId.get(o.id);
    const notOnRoster = !o.onRoster ? "员工号不在“客户经理”表中" : null;
    if (ctx.incompleteOwners?.has(o.id)) {
      // (rev 2) an entry of his could not be read: no total that silently leaves it out
      rows.push([
        o.id,
        o.name,
        null,
        null,
        null,
        null,
        null,
        null,
        [notOnRoster, "未计算扣分合计：其差错记录有未能读取的行（见说明）"]
          .filter(Boolean)
          .join("；"),
      ]);
      continue;
    }
    if (!r) {
      rows.push([o.id, o.name, 0, null, 0, 0, null, null, `${policy.year} 年度无差错记录`]);
      continue;
    }
    if (ctx.keepSteps !== false) explanations[o.id] = r.steps;
    if (!r.ok) {
      const msg = r.errors.map((e) => e.zh).join("；");
      rows.push([
        o.id,
        o.name,
        null,
        null,
        null,
        r.outOfYear,
        null,
        null,
        [notOnRoster, `未计算扣分合计：${msg}`].filter(Boolean).join("；"),
      ]);
      for (const e of r.errors)
        issues.push({
          sheet: e.src.sheet,
          cell: a1(e.src.row, 0),
          severity: "warning",
          rule: "C.未计分",
          message: e.zh,
          messageEn: e.en,
        });
      continue;
    }
    const candidates = r.aggravationCandidates
      .map((e) => `${e.code}（${e.date}，说明含“${e.riskWords.join("、")}”）`)
      .join("；");
    const note = [
      notOnRoster,
      renderSteps(
        r.steps.filter(
          (s) => s.kind === "result" || s.kind === "warning" || s.kind === "interpretation"
        ),
        "zh",
        "；"
      ),
    ]
      .filter(Boolean)
      .join("；");
    rows.push([
      o.id,
      o.name,
      r.total,
      r.disqualifying.length > 0 ? r.disqualifying.join("、") : null,
      r.entries.length,
      r.outOfYear,
      candidates || null,
      r.entries.map(entryText).join("；") || null,
      note || null,
    ]);
  }
  const notes: CellValue[][] = [
    [
      "说明",
      `只计日期在 ${policy.year} 年度内的记录；扣分 = 每项分值 × 次数 + 加重扣分；取消资格条款（✕）直接取消客户经理资格（《非业绩指标“差错积分”考核标准》）`,
    ],
    [null, "“可考虑加重处罚”：该条款允许加重处罚、未填加重扣分、且说明中提到风险的记录，请核实"],
    ...noticeLines(ctx.notices).map((l) => [null, l[1]]),
  ];
  return {
    id: "errors",
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

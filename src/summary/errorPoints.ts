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
import type { ManagerErrorPoints, ManagerErrorPointsOk, ScoredEntry } from "../rules/c";
import { renderSteps } from "../rules/explain";
import type { BuiltSummary, SummaryContext } from "./common";
import { noticeLines, summaryDef, summaryTitle } from "./common";
import type { Column } from "./columns";
import { Table } from "./columns";
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

/** A CM of the table, in order: the roster's, then the log's ids not on it. */
interface Listed {
  id: string;
  name: string | null;
  onRoster: boolean;
}

/** A CM whose entries were scored. */
interface PointsLine {
  o: Listed;
  r: ManagerErrorPointsOk;
  notOnRoster: string | null;
}

/** A CM with no entry in the year: 扣分合计 0. */
interface NoPoints {
  o: Listed;
  why: string;
}

/** A CM with an entry that could not be scored or read: no total, why in 说明. */
interface PointsFailed {
  o: Listed;
  outOfYear: number | null;
  why: string;
}

type PointsKinds = { none: NoPoints; failed: PointsFailed };

function errorPointsColumns(): Column<PointsLine, PointsKinds>[] {
  const id = (x: { o: Listed }) => x.o.id;
  const name = (x: { o: Listed }) => x.o.name;
  const why = (x: { why: string }) => x.why;
  return [
    { header: "员工号", format: "text", width: 10, value: id, none: id, failed: id },
    { header: "姓名", format: "text", width: 10, value: name, none: name, failed: name },
    { header: "扣分合计", format: "score", width: 10, value: (x) => x.r.total, none: () => 0 },
    {
      header: "取消资格条款",
      format: "text",
      width: 14,
      value: (x) => (x.r.disqualifying.length > 0 ? x.r.disqualifying.join("、") : null),
    },
    {
      header: "计分条目数",
      format: "int",
      width: 10,
      value: (x) => x.r.entries.length,
      none: () => 0,
    },
    {
      header: "年度外条目数",
      format: "int",
      width: 12,
      value: (x) => x.r.outOfYear,
      none: () => 0,
      failed: (x) => x.outOfYear,
    },
    {
      header: "可考虑加重处罚",
      format: "text",
      width: 28,
      value: (x) =>
        x.r.aggravationCandidates
          .map((e) => `${e.code}（${e.date}，说明含“${e.riskWords.join("、")}”）`)
          .join("；") || null,
    },
    {
      header: "明细",
      format: "text",
      width: 40,
      value: (x) => x.r.entries.map(entryText).join("；") || null,
    },
    {
      header: "说明",
      format: "text",
      width: 60,
      value: (x) =>
        [
          x.notOnRoster,
          renderSteps(
            x.r.steps.filter(
              (s) => s.kind === "result" || s.kind === "warning" || s.kind === "interpretation"
            ),
            "zh",
            "；"
          ),
        ]
          .filter(Boolean)
          .join("；") || null,
      none: why,
      failed: why,
    },
  ];
}

export function buildErrorPointsSummary(
  results: readonly ManagerErrorPoints[],
  managers: readonly Pick<ManagerRow, "id" | "name">[] | null,
  ctx: SummaryContext
): BuiltSummary {
  const def = summaryDef("errors");
  const { policy } = ctx;
  const byId = new Map(results.map((r) => [r.employeeId, r]));
  const order: Listed[] = [];
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
  const table = new Table(errorPointsColumns());
  const explanations: Record<string, ExplainStep[]> = {};
  const issues: Issue[] = [];
  for (const o of order) {
    const r = byId.get(o.id);
    const notOnRoster = !o.onRoster ? "员工号不在“客户经理”表中" : null;
    const why = (text: string) => [notOnRoster, text].filter(Boolean).join("；");
    if (ctx.incompleteOwners?.has(o.id)) {
      // (rev 2) an entry of his could not be read: no total that silently leaves it out
      table.addAs("failed", {
        o,
        outOfYear: null,
        why: why("未计算扣分合计：其差错记录有未能读取的行（见说明）"),
      });
      continue;
    }
    if (!r) {
      table.addAs("none", { o, why: `${policy.year} 年度无差错记录` });
      continue;
    }
    if (ctx.keepSteps !== false) explanations[o.id] = r.steps;
    if (!r.ok) {
      const msg = r.errors.map((e) => e.zh).join("；");
      table.addAs("failed", { o, outOfYear: r.outOfYear, why: why(`未计算扣分合计：${msg}`) });
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
    table.add({ o, r, notOnRoster });
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
      columns: table.columns,
      rows: table.rows,
      freezeHeader: true,
      notes,
    },
    explanations,
    issues,
  };
}

/**
 * (issue 19) 考核通知单 and 公示名单, made from the summaries already built (src/summary/build.ts)
 * — the same figures, nothing computed twice:
 *
 * - 考核通知单: one printed page per CM (credit CMs from 等级汇总, then corporate CMs from
 *   公司客户经理等级; a CM who is both gets a page for each): 单位名称, name, 员工号, 支行, year, the
 *   component scores, deductions, caps, final grade and coefficient (or the level decision and the
 *   allowance), the explanation steps with their articles (src/rules/explain.ts), error points
 *   (差错积分汇总) and the bottom list / yellow card (末位名单) when those summaries could be made,
 *   the place to appeal, and lines for the CM's and the office's signature. A manual page break
 *   before each CM ({@link SheetModel.pageBreaks}); portrait A4, one page wide.
 * - 公示名单: the list for posting — 姓名, 支行, 类别, 考核结果 only (no scores, no NPL figures),
 *   the posting period and the place to appeal (政策参数 公示期 / 申诉受理), on one page.
 *
 * The cells are read from the built models by their headers (GRADES_HEADERS, CORPORATE_HEADERS…),
 * so a column moved in a builder does not move a figure here. Pure.
 */
import type { ExplainStep } from "../core/explain";
import type { Issue } from "../core/issues";
import type { ManagerRow } from "../core/rows";
import type { Policy } from "../policy/types";
import { renderStep } from "../rules/explain";
import type { Availability } from "./availability";
import type { BuiltSummary, SummaryId } from "./common";
import { summaryDef, summaryTitle } from "./common";
import type { Column } from "./columns";
import { Table } from "./columns";
import { corporateNoteSteps } from "./corporate";
import type { CellValue, ColumnSpec, SheetModel } from "./model";
import { MAX_PAGE_BREAKS } from "./model";
import { summaryPrintSetup } from "./print";

/** The summaries 考核通知单 and 公示名单 are made from (built for them even when not asked for). */
const STATEMENT_SOURCES: readonly SummaryId[] = ["grades", "corporate", "errors", "bottom"];

/** The summaries made from others here. */
export const DERIVED_SUMMARIES: readonly SummaryId[] = ["statements", "posting"];

/** The sources to build for `wanted` (none when neither derived summary is wanted). */
export function statementSources(wanted: readonly SummaryId[]): SummaryId[] {
  return DERIVED_SUMMARIES.some((id) => wanted.includes(id)) ? [...STATEMENT_SOURCES] : [];
}

/** A blank to fill in by hand on the printed page. */
export const BLANK = "＿＿＿＿＿＿＿＿＿＿＿＿";

/** Page margins of 考核通知单 (inches): narrower than a summary's, so that a CM's explanation fits his page. */
const STATEMENT_MARGINS = {
  left: 0.5,
  right: 0.5,
  top: 0.5,
  bottom: 0.5,
  header: 0.2,
  footer: 0.2,
};

/** The rows of a built model by 员工号 (its first column), each cell looked up by header. */
function byEmployee(b: BuiltSummary | undefined): Map<string, (header: string) => CellValue> {
  const out = new Map<string, (header: string) => CellValue>();
  if (!b) return out;
  const index = new Map(b.model.columns.map((c, k) => [c.header, k]));
  for (const row of b.model.rows) {
    const id = row[0];
    if (typeof id !== "string" || out.has(id)) continue;
    out.set(id, (h) => {
      const k = index.get(h);
      return k === undefined ? null : (row[k] ?? null);
    });
  }
  return out;
}

/** A figure as printed: scores with 2 decimals, coefficients with 1, text as it is. */
function fig(v: CellValue, decimals = 2): string | null {
  if (v === null || v === "") return null;
  if (typeof v === "number") return v.toFixed(decimals);
  return String(v);
}

type Line = [string | null, string | null];

function textOr(v: string | null, what: string): string {
  return v === null || v.trim() === "" ? `${BLANK}（政策参数“${what}”未设置）` : v;
}

function stepLines(
  label: string,
  steps: readonly ExplainStep[] | undefined,
  fallback: CellValue
): Line[] {
  const texts =
    steps && steps.length > 0
      ? steps.map((s) => renderStep(s, "zh"))
      : typeof fallback === "string" && fallback !== ""
        ? [fallback]
        : [];
  return texts.map((t, i) => [i === 0 ? label : null, t]);
}

interface Sources {
  built: ReadonlyMap<SummaryId, BuiltSummary>;
  branchOf: ReadonlyMap<string, string | null>;
  errors: Map<string, (h: string) => CellValue>;
  bottom: Map<string, (h: string) => CellValue>;
}

/** 差错积分 and 末位名单 lines of a CM (only what those summaries say; nothing when they were not made). */
function otherLines(id: string, s: Sources): Line[] {
  const out: Line[] = [];
  const e = s.errors.get(id);
  if (e) {
    const total = fig(e("扣分合计"));
    const dq = fig(e("取消资格条款"));
    const parts = [
      total === null ? null : `扣分合计 ${total} 分`,
      dq === null ? null : `取消资格条款：${dq}`,
      fig(e("说明")),
    ].filter(Boolean);
    out.push(["差错积分", parts.join("；")]);
  } else if (s.built.has("errors")) out.push(["差错积分", "未列入差错积分汇总"]);
  const b = s.bottom.get(id);
  if (b) {
    out.push([
      "末位名单",
      [`第 ${fig(b("排名"), 0)} 名`, fig(b("原因"))].filter(Boolean).join("："),
    ]);
    out.push([
      "黄牌警告",
      b("黄牌") === "是" ? `是${fig(b("清收计划")) === "是" ? "，须制定清收计划" : ""}` : "否",
    ]);
  }
  return out;
}

function headLines(kind: string, id: string, name: CellValue, policy: Policy, s: Sources): Line[] {
  return [
    [`${policy.unitName ?? ""}客户经理考核结果通知单（${kind}）`, null],
    ["单位名称", textOr(policy.unitName, "单位名称")],
    ["姓名", fig(name)],
    ["员工号", id],
    ["支行", s.branchOf.get(id) ?? null],
    ["考核年度", `${policy.year} 年度（评定日期 ${policy.assessmentDate}）`],
  ];
}

function tailLines(policy: Policy): Line[] {
  return [
    ["申诉受理", `对考核结果有异议的，可向以下部门申诉：${textOr(policy.appealPlace, "申诉受理")}`],
    ["本人签字：", `${BLANK}\u3000\u3000日期：\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日`],
    [
      "考核部门（盖章）：",
      `${BLANK}\u3000\u3000日期：\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日`,
    ],
  ];
}

function creditLines(id: string, g: (h: string) => CellValue, policy: Policy, s: Sources): Line[] {
  const steps = s.built.get("grades")?.explanations[id];
  const lines: Line[] = [
    ...headLines("信贷客户经理", id, g("姓名"), policy, s),
    ["行别类型", fig(g("行别类型"))],
    [
      "得分",
      `笔数得分 ${fig(g("笔数得分")) ?? "—"}，利息得分 ${fig(g("利息得分")) ?? "—"}，质量得分 ${fig(g("质量得分")) ?? "—"}；扣分 ${fig(g("扣分")) ?? "—"}；总分 ${fig(g("总分")) ?? "—"}`,
    ],
    ["分数等级", [fig(g("分数等级")) ?? "—", fig(g("封顶原因"))].filter(Boolean).join("；封顶：")],
    ["最终等级", fig(g("最终等级")) ?? "未评定"],
    ["工资系数", fig(g("工资系数"), 1)],
  ];
  const exit = fig(g("退出原因"));
  if (exit !== null) lines.push(["退出原因", exit]);
  lines.push(
    ...otherLines(id, s),
    ...stepLines("计算说明", steps, g("说明")),
    ...tailLines(policy)
  );
  return lines;
}

function corporateLines(
  id: string,
  c: (h: string) => CellValue,
  policy: Policy,
  s: Sources
): Line[] {
  const steps = s.built.get("corporate")?.explanations[id];
  const allowance = c("通讯费");
  return [
    ...headLines("公司客户经理", id, c("姓名"), policy, s),
    ["现等级", fig(c("现等级"))],
    ["达标等级", fig(c("达标等级"))],
    ["最低及格线", fig(c("最低及格线"))],
    ["决定", fig(c("决定")) ?? "未评定"],
    ["新等级", fig(c("新等级"))],
    ["破格", fig(c("破格"))],
    ["通讯费", typeof allowance === "number" ? `每月 ${allowance.toFixed(2)} 元` : fig(allowance)],
    ...otherLines(id, s),
    ...stepLines("计算说明", steps ? corporateNoteSteps(steps) : undefined, c("说明")),
    ...tailLines(policy),
  ];
}

function sourcesOf(built: readonly BuiltSummary[], managers: readonly ManagerRow[]): Sources {
  const map = new Map(built.map((b) => [b.id, b]));
  return {
    built: map,
    branchOf: new Map(managers.map((m) => [m.id, m.branch])),
    errors: byEmployee(map.get("errors")),
    bottom: byEmployee(map.get("bottom")),
  };
}

/** Whether they can be made (the pane's check boxes, the skipped reasons): when 等级汇总 or 公司客户经理等级 can. */
export function derivedAvailability(
  id: SummaryId,
  grades: Availability,
  corporate: Availability
): Availability {
  const available = grades.available || corporate.available;
  return {
    id,
    available,
    reasonZh: available
      ? ""
      : `需要“等级汇总”或“公司客户经理等级”：${grades.reasonZh}；${corporate.reasonZh}`,
    reasonEn: available
      ? ""
      : `needs 等级汇总 or 公司客户经理等级: ${grades.reasonEn}; ${corporate.reasonEn}`,
    missing: available ? [] : [...grades.missing, ...corporate.missing],
    absentOptional: [],
  };
}

/** 考核通知单: one page per CM of 等级汇总 and of 公司客户经理等级, page breaks between them. */
export function buildStatements(
  built: readonly BuiltSummary[],
  managers: readonly ManagerRow[],
  policy: Policy,
  now: Date
): BuiltSummary {
  const s = sourcesOf(built, managers);
  const rows: CellValue[][] = [];
  const pageBreaks: number[] = [];
  const add = (lines: Line[]) => {
    if (rows.length > 0) pageBreaks.push(rows.length);
    rows.push(...lines);
  };
  for (const [id, g] of byEmployee(s.built.get("grades"))) add(creditLines(id, g, policy, s));
  for (const [id, c] of byEmployee(s.built.get("corporate"))) add(corporateLines(id, c, policy, s));
  const def = summaryDef("statements");
  const columns: ColumnSpec[] = [
    { header: "项目", format: "text", width: 14 },
    { header: "内容", format: "text", width: 76, wrap: true },
  ];
  const model: SheetModel = {
    name: def.name,
    title: summaryTitle(def, policy, now),
    columns,
    rows,
    freezeHeader: false,
    pageBreaks,
    // one CM per page: the CM's own heading starts each page (the sheet's title line only on the first)
    print: {
      ...summaryPrintSetup(policy, now),
      orientation: "portrait",
      repeatHeader: false,
      margins: STATEMENT_MARGINS,
    },
  };
  const issues: Issue[] = [];
  if (pageBreaks.length > MAX_PAGE_BREAKS) {
    const n = pageBreaks.length + 1;
    issues.push({
      sheet: def.name,
      cell: "",
      severity: "warning",
      rule: "STATEMENTS.pageBreaks",
      message: `考核通知单共 ${n} 人，Excel 每张工作表最多 ${MAX_PAGE_BREAKS} 个分页符：第 ${MAX_PAGE_BREAKS + 2} 人起不再分页，请按支行分批生成`,
      messageEn:
        `${n} statements: Excel keeps at most ${MAX_PAGE_BREAKS} page breaks per sheet; from ` +
        `statement ${MAX_PAGE_BREAKS + 2} on there is no page break — make them in batches`,
    });
  }
  return { id: "statements", model, explanations: {}, issues };
}

/** A line of 公示名单: the CM, his category and his result — no scores, no NPL figures. */
interface PostingLine {
  name: string | null;
  branch: string | null;
  category: string;
  result: string;
}

const POSTING_COLUMNS: readonly Column<PostingLine>[] = [
  { header: "姓名", format: "text", width: 12, value: (x) => x.name },
  { header: "支行", format: "text", width: 18, value: (x) => x.branch },
  { header: "类别", format: "text", width: 14, value: (x) => x.category },
  { header: "考核结果", format: "text", width: 16, value: (x) => x.result },
];

/** 公示名单: 姓名, 支行, 类别, 考核结果 — no scores, no NPL figures — with the posting period and the place to appeal, on one page. */
export function buildPosting(
  built: readonly BuiltSummary[],
  managers: readonly ManagerRow[],
  policy: Policy,
  now: Date
): BuiltSummary {
  const s = sourcesOf(built, managers);
  const table = new Table(POSTING_COLUMNS);
  for (const [id, g] of byEmployee(s.built.get("grades")))
    table.add({
      name: fig(g("姓名")),
      branch: s.branchOf.get(id) ?? null,
      category: "信贷客户经理",
      result: fig(g("最终等级")) ?? "未评定",
    });
  for (const [id, c] of byEmployee(s.built.get("corporate"))) {
    const decision = fig(c("决定"));
    const level = fig(c("新等级"));
    table.add({
      name: fig(c("姓名")),
      branch: s.branchOf.get(id) ?? null,
      category: "公司客户经理",
      result:
        decision === null
          ? "未评定"
          : level === null || decision === level
            ? decision
            : `${decision}（${level}）`,
    });
  }
  const def = summaryDef("posting");
  const notes: CellValue[][] = [
    ["公示期", textOr(policy.postingPeriod, "公示期")],
    [
      "申诉受理",
      `公示期内对考核结果有异议的，可向以下部门申诉：${textOr(policy.appealPlace, "申诉受理")}`,
    ],
    [],
    ["考核部门（盖章）：", null, "日期："],
  ];
  const model: SheetModel = {
    name: def.name,
    title: summaryTitle(def, policy, now),
    columns: table.columns,
    rows: table.rows,
    freezeHeader: true,
    notes,
    print: { ...summaryPrintSetup(policy, now), orientation: "portrait", fitToHeight: 1 },
  };
  return { id: "posting", model, explanations: {}, issues: [] };
}

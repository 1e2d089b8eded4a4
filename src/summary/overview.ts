/**
 * (issue 19 item 3) 考核概览: the picture at a glance for the leadership — small tables and a
 * native Excel chart over each (src/summary/charts.ts):
 *
 * - the final grades per 行别类型 (the sheet's table; RULES.md A1 第十条 grades) — from 等级汇总;
 * - the final grades per 支行 — the same counts as 等级汇总's 各支行等级分布 (branches.ts);
 * - the {@link TOP_NPL} largest responsible-NPL balances (A6 第四十条) — rule set A's balances;
 * - error points per item (C) — rule set C's scored entries of the year;
 * - risk warnings on time, late, not reported (D) — 预警时效's 结果 column.
 *
 * Every figure is taken from the summary (or the rule results) it belongs to, built from the
 * same rows in the same run (build.ts), so the overview never tells another story than those
 * sheets; a part whose data is not there says why instead of a chart. Pure.
 */
import { D } from "../core/money";
import type { ManagerErrorPoints } from "../rules/c";
import type { ResponsibleBalances } from "../rules/a/npl";
import { BRANCH_TYPES } from "../rules/a/assess";
import { BRANCH_GRADES, branchLines, gradeTallies } from "./branches";
import type { ChartKind, ChartSpec } from "./charts";
import type { Availability } from "./availability";
import type { BuiltSummary, SummaryContext, SummaryId } from "./common";
import { moneyCell, noticeLines, SUMMARY_IDS, summaryDef, summaryTitle } from "./common";
import type { Column } from "./columns";
import { cellsOf, columnSpecs } from "./columns";
import { GRADES_HEADERS } from "./grades";
import type { CellValue, SheetModel } from "./model";
import { sheetLayout } from "./model";
import { WARNINGS_HEADERS } from "./warnings";

/** How many of the largest responsible-NPL balances the overview lists (a choice of the overview, not a rule figure). */
export const TOP_NPL = 10;
/** The outcomes of 预警时效's 结果 column, in this order; a blank 结果 is 无法判断. */
const WARNING_RESULTS = ["按时", "迟报", "未上报", "无法判断"] as const;

export const OVERVIEW_BLOCKS = {
  types: "各行别类型等级分布",
  branches: "各支行等级分布",
  npl: `责任不良贷款余额前${TOP_NPL}名`,
  errors: "差错积分分项",
  warnings: "预警上报时效",
} as const;

/** Where the charts go: right of the tables, one below the other. */
export const CHART_COL = 8;
const CHART_ROWS = 16;
const CHART_COLS = 8;

/** What the overview is built from; null = that summary's data is not there (`missing` says why). */
export interface OverviewSources {
  /** 等级汇总 as built (before its branch block) */
  grades: SheetModel | null;
  /** rule set A's responsible-NPL balances (A6), with the names of 客户经理 */
  npl: { balances: ResponsibleBalances; names: ReadonlyMap<string, string> } | null;
  /** rule set C per CM */
  errors: readonly ManagerErrorPoints[] | null;
  /** 预警时效 as built */
  warnings: SheetModel | null;
  /** why a source is null, by block ("缺少“差错记录”表") */
  missing: Partial<Record<keyof typeof OVERVIEW_BLOCKS, string>>;
  /** (rev 2) the blocks whose summary left rows out: an empty block then states no "nobody…" fact */
  leftOut?: Partial<Record<keyof typeof OVERVIEW_BLOCKS, boolean>>;
}

const PARTIAL = "（有未计入的行，见该汇总表的说明）";

const GRADE_HEADERS = BRANCH_GRADES;

/** A line of counts per final grade: a row of the 行别类型 table and of the 支行 block. */
interface GradeCounts {
  label: string;
  /** CMs per grade of {@link BRANCH_GRADES} */
  grades: readonly number[];
  unrated: number;
  count: number;
}

/** The columns of a count table: its first column (行别类型, 支行), one per final grade, 未评定, 人数. */
function gradeCountColumns(first: string): Column<GradeCounts>[] {
  // the second column is wide enough for the amounts of the blocks below (notes cells have no column format)
  return [
    { header: first, format: "text", width: 16, value: (l) => l.label },
    ...GRADE_HEADERS.map((g, k): Column<GradeCounts> => ({
      header: g,
      format: "int",
      width: k === 0 ? 16 : 9,
      value: (l) => l.grades[k],
    })),
    { header: "未评定", format: "int", width: 8, value: (l) => l.unrated },
    { header: "人数", format: "int", width: 8, value: (l) => l.count },
  ];
}

const TYPE_COLUMNS = gradeCountColumns("行别类型");
const BRANCH_COLUMNS = gradeCountColumns("支行");

/** Per 行别类型 (every type listed, then any other typed): CMs per final grade, 未评定, 人数 — from 等级汇总's rows (by header). */
function typeLines(grades: SheetModel): GradeCounts[] {
  const t = gradeTallies(
    grades,
    GRADES_HEADERS[2],
    (v) => (typeof v === "string" ? v : ""),
    BRANCH_TYPES
  );
  if (!t) return [];
  return [...t.groups].map(([type, l]) => ({
    label: type === "" ? "（未填行别类型）" : type,
    grades: l.grades,
    unrated: l.unrated,
    count: l.count,
  }));
}

/** The lines summed: the 合计 row. */
function totalLine(lines: readonly GradeCounts[]): GradeCounts {
  const sum = (f: (l: GradeCounts) => number) => lines.reduce((s, l) => s + f(l), 0);
  return {
    label: "合计",
    grades: GRADE_HEADERS.map((_, k) => sum((l) => l.grades[k])),
    unrated: sum((l) => l.unrated),
    count: sum((l) => l.count),
  };
}

/** The 行别类型 table's rows: [行别类型, one per final grade, 未评定, 人数]. */
export function gradesByType(grades: SheetModel): CellValue[][] {
  return typeLines(grades).map((l) => cellsOf(TYPE_COLUMNS, l));
}

/** A responsible-NPL balance listed. */
interface NplLine {
  name: string;
  balance: CellValue;
  id: string;
}

/** The NPL block's columns (the amount in the workbook's unit); the blank column keeps the id clear of the amount. */
function nplColumns(unit: string): Column<NplLine>[] {
  return [
    { header: "姓名", format: "text", value: (l) => l.name },
    { header: `责任不良贷款余额（${unit}）`, format: "money", value: (l) => l.balance },
    { header: "", format: "text", value: () => null },
    { header: "员工号", format: "text", value: (l) => l.id },
  ];
}

/**
 * The {@link TOP_NPL} largest balances, largest first (ties by 员工号): [姓名, balance in the unit,
 * (blank), 员工号].
 */
export function topNpl(
  src: NonNullable<OverviewSources["npl"]>,
  policy: SummaryContext["policy"]
): CellValue[][] {
  const list = src.balances.balances.filter((b) => b.balance.gt(0));
  list.sort(
    (a, b) =>
      b.balance.cmp(a.balance) ||
      (a.employeeId < b.employeeId ? -1 : a.employeeId > b.employeeId ? 1 : 0)
  );
  const columns = nplColumns(policy.amountUnit);
  return list.slice(0, TOP_NPL).map((b) =>
    cellsOf(columns, {
      name: src.names.get(b.employeeId) ?? b.employeeId,
      balance: moneyCell(b.balance, policy),
      id: b.employeeId,
    })
  );
}

/** The error points of one item code. */
interface ErrorLine {
  code: string;
  points: number;
  count: number;
  disq: number;
}

const ERROR_COLUMNS: readonly Column<ErrorLine>[] = [
  { header: "条款", format: "text", value: (l) => l.code },
  { header: "扣分合计", format: "score", value: (l) => l.points },
  { header: "条目数", format: "int", value: (l) => l.count },
  { header: "取消资格条目数", format: "int", value: (l) => l.disq },
];

/** Per item code of the year's entries: [条款, 扣分合计, 条目数, 取消资格条目数], the largest deduction first. */
export function errorsByItem(results: readonly ManagerErrorPoints[]): CellValue[][] {
  const by = new Map<string, { points: ReturnType<typeof D>; count: number; disq: number }>();
  for (const r of results) {
    if (!r.ok) continue;
    for (const e of r.entries) {
      let x = by.get(e.code);
      if (!x) by.set(e.code, (x = { points: D(0), count: 0, disq: 0 }));
      x.points = x.points.plus(e.deduction);
      x.count += e.count;
      if (e.disqualifying) x.disq += e.count;
    }
  }
  const lines: ErrorLine[] = [...by].map(([code, x]) => ({
    code,
    points: x.points.toDecimalPlaces(2, D.ROUND_HALF_UP).toNumber(),
    count: x.count,
    disq: x.disq,
  }));
  lines.sort(
    (a, b) =>
      b.points - a.points || b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
  return lines.map((l) => cellsOf(ERROR_COLUMNS, l));
}

const WARNING_COLUMNS: readonly Column<{ result: string; count: number }>[] = [
  { header: "结果", format: "text", value: (l) => l.result },
  { header: "笔数", format: "int", value: (l) => l.count },
];

/** [结果, 笔数] for each of {@link WARNING_RESULTS}, from 预警时效's 结果 column. */
export function warningsByResult(warnings: SheetModel): CellValue[][] {
  const c = warnings.columns.findIndex((x) => x.header === WARNINGS_HEADERS[3]);
  const counts = WARNING_RESULTS.map(() => 0);
  for (const r of warnings.rows) {
    const i = WARNING_RESULTS.indexOf(r[c] as (typeof WARNING_RESULTS)[number]);
    counts[i >= 0 ? i : WARNING_RESULTS.length - 1]++;
  }
  return WARNING_RESULTS.map((result, i) => cellsOf(WARNING_COLUMNS, { result, count: counts[i] }));
}

/** A block of the notes: its label line, header, rows; the chart over its first `series + 1` columns. */
interface Block {
  label: string;
  header: string[];
  rows: CellValue[][];
  chart: { kind: ChartKind; title: string; series: number } | null;
  /** when there are no rows: why (written beside the label) */
  empty: string;
}

/** The header line of a block: its columns' heads. */
function headerOf<R>(columns: readonly Column<R>[]): string[] {
  return columns.map((c) => c.header);
}

export function buildOverviewSummary(src: OverviewSources, ctx: SummaryContext): BuiltSummary {
  const def = summaryDef("overview");
  const { policy } = ctx;
  const unit = policy.amountUnit;
  const columns = columnSpecs(TYPE_COLUMNS);
  const types = src.grades ? typeLines(src.grades) : [];
  const typeRows = types.map((l) => cellsOf(TYPE_COLUMNS, l));
  const rows = types.length > 0 ? [...typeRows, cellsOf(TYPE_COLUMNS, totalLine(types))] : [];

  const blocks: Block[] = [];
  const branches = src.grades
    ? (branchLines(src.grades) ?? []).filter((l) => l.branch !== "合计")
    : [];
  blocks.push({
    label: OVERVIEW_BLOCKS.branches,
    header: headerOf(BRANCH_COLUMNS),
    rows: branches.map((l) => cellsOf(BRANCH_COLUMNS, { ...l, label: l.branch })),
    chart: { kind: "column", title: "各支行客户经理等级分布（人）", series: GRADE_HEADERS.length },
    empty:
      src.missing.branches ??
      src.missing.types ??
      "无信贷客户经理" + (src.leftOut?.branches ? PARTIAL : ""),
  });
  blocks.push({
    label: OVERVIEW_BLOCKS.npl,
    header: headerOf(nplColumns(unit)),
    rows: src.npl ? topNpl(src.npl, policy) : [],
    chart: { kind: "bar", title: `责任不良贷款余额前${TOP_NPL}名（${unit}）`, series: 1 },
    empty: src.missing.npl ?? "无责任不良贷款余额" + (src.leftOut?.npl ? PARTIAL : ""),
  });
  blocks.push({
    label: OVERVIEW_BLOCKS.errors,
    header: headerOf(ERROR_COLUMNS),
    rows: src.errors ? errorsByItem(src.errors) : [],
    chart: { kind: "bar", title: `${policy.year} 年度差错积分分项扣分`, series: 1 },
    empty:
      src.missing.errors ?? `${policy.year} 年度无差错记录` + (src.leftOut?.errors ? PARTIAL : ""),
  });
  blocks.push({
    label: OVERVIEW_BLOCKS.warnings,
    header: headerOf(WARNING_COLUMNS),
    rows: src.warnings && src.warnings.rows.length > 0 ? warningsByResult(src.warnings) : [],
    chart: { kind: "pie", title: "风险预警上报时效（笔）", series: 1 },
    empty: src.missing.warnings ?? "无风险预警记录" + (src.leftOut?.warnings ? PARTIAL : ""),
  });

  const notes: CellValue[][] = [];
  const placed: { block: Block; header: number }[] = [];
  for (const b of blocks) {
    if (b.rows.length === 0) {
      notes.push([b.label, `未列出：${b.empty}`], []);
      continue;
    }
    notes.push([b.label]);
    placed.push({ block: b, header: notes.length });
    notes.push(b.header, ...b.rows, []);
  }
  notes.push(
    [
      "说明",
      "各表数据与同次生成的等级汇总、末位名单（第四十条责任不良贷款）、差错积分汇总、预警时效一致；未计入的行见各表说明",
    ],
    [null, "图表为 Excel 原生图表，可直接编辑；修改左侧单元格后图表随之更新"],
    ...noticeLines(ctx.notices).map((l) => [null, l[1]])
  );
  const model: SheetModel = {
    name: def.name,
    title: summaryTitle(def, policy, ctx.now, ctx.rejected),
    columns,
    rows,
    freezeHeader: false,
    notes,
    totalRows: rows.length > 0 ? [rows.length - 1] : [],
  };
  const L = sheetLayout(model);
  const charts: ChartSpec[] = [];
  const anchorAt = (i: number) => ({
    row: L.headerRow + i * CHART_ROWS,
    col: CHART_COL,
    rows: CHART_ROWS - 1,
    cols: CHART_COLS,
  });
  if (typeRows.length > 0) {
    charts.push({
      kind: "column",
      title: "各行别类型客户经理等级分布（人）",
      headerRow: L.headerRow,
      data: {
        firstRow: L.firstDataRow,
        lastRow: L.firstDataRow + typeRows.length - 1,
        firstCol: 0,
        lastCol: GRADE_HEADERS.length,
      },
      anchor: anchorAt(0),
    });
  }
  for (const p of placed) {
    const c = p.block.chart!;
    const header = L.notesRow! + p.header;
    charts.push({
      kind: c.kind,
      title: c.title,
      headerRow: header,
      data: {
        firstRow: header + 1,
        lastRow: header + p.block.rows.length,
        firstCol: 0,
        lastCol: c.series,
      },
      anchor: anchorAt(charts.length),
    });
  }
  model.charts = charts;
  return { id: "overview", model, explanations: {}, issues: [] };
}

/** The summaries the overview is built from (build.ts builds them with it, written or not). */
const OVERVIEW_FROM: readonly SummaryId[] = ["grades", "bottom", "errors", "warnings"];

/** The summaries to build for `wanted`: with the overview, its sources too. */
export function withOverviewSources(wanted: readonly SummaryId[]): SummaryId[] {
  if (!wanted.includes("overview")) return [...wanted];
  return SUMMARY_IDS.filter((id) => wanted.includes(id) || OVERVIEW_FROM.includes(id));
}

/**
 * The overview of one run (build.ts): its sources from the summaries built (`built`), the
 * balances of A6 and the scores of C (given lazily, computed only when their summary was
 * built) and the reasons of those that were not.
 */
export function overviewOfRun(
  built: readonly BuiltSummary[],
  rules: {
    npl: () => OverviewSources["npl"];
    errors: readonly ManagerErrorPoints[] | null;
    leftOut: (id: SummaryId) => boolean;
  },
  availability: Readonly<Record<SummaryId, Availability>>,
  ctx: SummaryContext
): BuiltSummary {
  const model = (id: SummaryId) => built.find((b) => b.id === id)?.model ?? null;
  const why = (id: SummaryId) =>
    availability[id].available ? undefined : `${summaryDef(id).name}：${availability[id].reasonZh}`;
  const grades = model("grades");
  return buildOverviewSummary(
    {
      grades,
      npl: availability.bottom.available ? rules.npl() : null,
      errors: availability.errors.available ? rules.errors : null,
      warnings: model("warnings"),
      missing: {
        types: why("grades"),
        branches: why("grades"),
        npl: why("bottom"),
        errors: why("errors"),
        warnings: why("warnings"),
      },
      leftOut: {
        branches: rules.leftOut("grades"),
        npl: rules.leftOut("bottom"),
        errors: rules.leftOut("errors"),
        warnings: rules.leftOut("warnings"),
      },
    },
    ctx
  );
}

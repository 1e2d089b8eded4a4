/**
 * The template workbook (task pane 插入模板, `cm-addin template`: ONE builder for both), WORKBOOK.md
 * rev 2 "The template":
 * - a 填写说明 sheet first: per input sheet what it holds and who fills it in, per column its
 *   type, unit, whether it is required, the rules and articles that need it and its allowed
 *   values; below, the 条款 catalogue of rule set C (the 差错记录 drop-down's source);
 * - every input sheet of WORKBOOK.md with its headers in WORKBOOK.md's order (each column's first
 *   accepted name), the unit in amount and percent headers (“贷款余额（元）”, or 万元 when the
 *   policy says so — the reader takes a header's unit), one 示例 row (the reader skips rows whose
 *   first cell is 示例), drop-down lists on enumerated and yes/no columns, on the employee-id
 *   references (the 员工号 column of 客户经理) and on 条款, the number format of each type
 *   (amounts with thousands separators);
 * - the 政策参数 sheet with the figures that must be set each year (不良容忍度, 美元兑人民币汇率,
 *   单位名称) at the top, highlighted while blank.
 * Built from the reader's schema (src/reader/schema.ts) and rule set C's catalogue, so the
 * template and the validator never disagree. Pure: the writers add the sheets, never overwriting one.
 */
import { POLICY_SCHEMA, SOURCES } from "../policy/schema";
import type { RuleSetId } from "../policy/schema";
import { findPolicyTable } from "../policy/sheet";
import { policySheetModel } from "./policySheet";
import type { Policy } from "../policy/types";
import { findTables } from "../reader/find";
import { EXAMPLE_MARK } from "../reader/read";
import type { WorkbookGrid } from "../core/grid";
import {
  COLUMN_NOTES,
  columnList,
  rulesText,
  RULE_ARTICLES,
  SCHEMA,
  TABLE_IDS,
  TABLE_NOTES,
} from "../reader/schema";
import type { ColumnDef, ColumnType, TableDef, TableId } from "../reader/schema";
import { CATALOGUE, REFERRING_CODE, UNIT_ZH } from "../rules/c/catalogue";
import type { CellValue, ColumnFormat, ColumnSpec, ListRange, SheetModel } from "./model";
import { LIST_ROWS, sheetLayout } from "./model";
import { templatePrintSetup } from "./print";
import type { Column } from "./columns";
import { Table } from "./columns";

/** Number format of each cell type: ids, codes and enumerations as text (so "3.10" stays "3.10", "001" keeps its zeros). */
export const TYPE_FORMATS: Record<ColumnType, ColumnFormat> = {
  id: "text",
  text: "text",
  item: "text",
  enum: "text",
  yesno: "text",
  int: "int",
  year: "int",
  number: "number",
  percent: "number",
  amount: "money",
  date: "date",
};

/** The first cell of a template's example row; the reader skips rows that start so (src/reader/read.ts). */
export { EXAMPLE_MARK };
const GUIDE_SHEET = "填写说明";
/** 政策参数 keys that must be set every year: first in the template's policy sheet, highlighted while blank. */
export const YEARLY_KEYS: readonly string[] = ["不良容忍度", "美元兑人民币汇率", "单位名称"];

const TYPE_ZH: Record<ColumnType, string> = {
  id: "编号（文本）",
  text: "文本",
  int: "整数",
  number: "数值",
  amount: "金额",
  percent: "百分数",
  date: "日期",
  year: "年份",
  yesno: "是/否",
  enum: "选项",
  item: "条款编号",
};

/** The template's header of a column: its first name, with the unit for amounts (the policy's) and percents. */
export function templateHeader(c: ColumnDef, policy: Policy): string {
  if (c.type === "amount") return `${c.names[0]}（${policy.amountUnit}）`;
  if (c.type === "percent") return `${c.names[0]}（%）`;
  return c.names[0];
}

/** Where the drop-downs that refer to other sheets take their lists from. */
export interface TemplateRefs {
  /** the 员工号 column of 客户经理 */
  managerIds: ListRange | null;
  /** the 条款 codes of the catalogue in 填写说明 */
  items: ListRange | null;
}

function columnSpec(c: ColumnDef, policy: Policy, refs: TemplateRefs): ColumnSpec {
  const spec: ColumnSpec = { header: templateHeader(c, policy), format: TYPE_FORMATS[c.type] };
  const list = columnList(c);
  if (list) spec.list = list;
  else if (c.refManager && refs.managerIds) spec.listRange = refs.managerIds;
  else if (c.type === "item" && refs.items) spec.listRange = refs.items;
  return spec;
}

function exampleValue(t: TableId, c: ColumnDef, first: boolean): CellValue {
  if (first) return EXAMPLE_MARK;
  const given = COLUMN_NOTES[t]?.[c.key]?.example;
  if (given !== undefined) return given;
  switch (c.type) {
    case "id":
      return c.refManager ? "1001" : "DK2025001";
    case "text":
      return "（文字）";
    case "int":
      return 12;
    case "year":
      return 2024;
    case "number":
      return 1.5;
    case "percent":
      return 98.5;
    case "amount":
      return 1234567.89;
    case "date":
      return "2025-03-15";
    case "yesno":
      return "否";
    case "enum":
      return columnList(c)?.[0] ?? null;
    case "item":
      return "3.2b";
  }
}

/** The 示例 row of a table: its first cell 示例, then a plausible value of each column. */
function exampleRow(def: TableDef): CellValue[] {
  return def.columns.map((c, i) => exampleValue(def.id, c, i === 0));
}

/** The template of one input sheet of `def` (units from `policy`, drop-downs from `refs`). */
function tableTemplate(
  def: TableDef,
  policy: Policy,
  refs: TemplateRefs = { managerIds: null, items: null }
): SheetModel {
  return {
    name: def.zh,
    title: null,
    columns: def.columns.map((c) => columnSpec(c, policy, refs)),
    rows: [exampleRow(def)],
    freezeHeader: true,
  };
}

// ---------------------------------------------------------------------------------------
// 填写说明

// every column wrapped, so that a line's cells stand together at the top of its row
/** The rule set a RULES.md rule id belongs to. */
function ruleSetOf(rule: string): RuleSetId | null {
  const s = rule.charAt(0);
  return s === "A" || s === "B" || s === "C" || s === "D" ? s : null;
}

/** "《…》第十一条；《…》第九条" for the rules a column feeds; "" for every rule / display only. */
function articlesText(c: ColumnDef): string {
  const by = new Map<RuleSetId, string[]>();
  for (const r of c.rules) {
    const set = ruleSetOf(r);
    const art = RULE_ARTICLES[r];
    if (!set || !art) continue;
    const list = by.get(set) ?? [];
    if (!list.includes(art)) list.push(art);
    by.set(set, list);
  }
  return [...by]
    .map(([set, arts]) => `${SOURCES[set].zh.replace(/（.*?）$/, "")}${arts.join("、")}`)
    .join("；");
}

function unitText(c: ColumnDef, policy: Policy): string {
  if (c.type === "amount") return policy.amountUnit;
  if (c.type === "percent") return "%";
  if (c.key === "settlementUsd") return "美元";
  return "";
}

function valuesText(t: TableId, c: ColumnDef): string {
  const parts: string[] = [];
  const desc = COLUMN_NOTES[t]?.[c.key]?.desc;
  if (desc) parts.push(desc);
  const list = columnList(c);
  if (list) parts.push(`可填：${list.join("、")}（下拉选择）`);
  if (c.refManager) parts.push("填“客户经理”表中的员工号（下拉选择）");
  if (c.type === "item") parts.push("见本表下方“条款目录”（下拉选择）");
  if (c.type === "date") parts.push("日期，如 2025-03-15 或 2025年3月15日");
  if (c.unique) parts.push("不得重复");
  if (c.type === "amount") parts.push("可带千分位，如 1,234,567.89");
  return parts.join("；");
}

/** The 条款 codes the 差错记录 drop-down offers: every item of rule set C, and 3.15/X for the 3.x items it may break. */
export function itemCodes(): string[] {
  const codes = CATALOGUE.filter((i) => i.code !== REFERRING_CODE).map((i) => i.code);
  const refers = CATALOGUE.filter((i) => i.code.startsWith("3.") && i.code !== REFERRING_CODE).map(
    (i) => `${REFERRING_CODE}/${i.code}`
  );
  return [...codes, ...refers];
}

/** A line of 填写说明 about a column of a table. */
interface GuideLine {
  table: TableId;
  c: ColumnDef;
  policy: Policy;
}

/** A line of 填写说明 about a whole sheet: who fills it and what it is. */
interface GuideSheetLine {
  sheet: string;
  filledBy: string;
  what: string;
}

const WHOLE_SHEET = "（整张表）";

/** The 填写说明 columns (all wrapped); a whole sheet's line fills 工作表, 列, 填写人 and 说明. */
const GUIDE_COLUMNS: readonly Column<GuideLine, { sheet: GuideSheetLine }>[] = [
  {
    header: "工作表",
    format: "text",
    width: 10,
    wrap: true,
    value: (x) => SCHEMA[x.table].zh,
    sheet: (x) => x.sheet,
  },
  {
    header: "列",
    format: "text",
    width: 22,
    wrap: true,
    value: (x) => templateHeader(x.c, x.policy),
    sheet: () => WHOLE_SHEET,
  },
  { header: "类型", format: "text", width: 12, wrap: true, value: (x) => TYPE_ZH[x.c.type] },
  {
    header: "单位",
    format: "text",
    width: 6,
    wrap: true,
    value: (x) => unitText(x.c, x.policy) || null,
  },
  {
    header: "必填",
    format: "text",
    width: 6,
    wrap: true,
    value: (x) => (x.c.required ? "是" : null),
  },
  {
    header: "填写人",
    format: "text",
    width: 20,
    wrap: true,
    value: () => null,
    sheet: (x) => x.filledBy,
  },
  {
    header: "用于规则",
    format: "text",
    width: 14,
    wrap: true,
    value: (x) => (x.c.rules.includes("all") ? "所有规则" : rulesText(x.c).zh),
  },
  {
    header: "条款",
    format: "text",
    width: 30,
    wrap: true,
    value: (x) => articlesText(x.c) || null,
  },
  {
    header: "说明及可填的值",
    format: "text",
    width: 50,
    wrap: true,
    value: (x) => valuesText(x.table, x.c) || null,
    sheet: (x) => x.what,
  },
];

const CATALOGUE_LABEL = "条款目录（差错积分，规则 C）";

/** The 填写说明 sheet; its notes hold the 条款 catalogue (column B: the codes the 条款 drop-down lists). */
export function guideSheetModel(policy: Policy): SheetModel {
  const table = new Table(GUIDE_COLUMNS);
  for (const id of TABLE_IDS) {
    table.addAs("sheet", {
      sheet: SCHEMA[id].zh,
      filledBy: TABLE_NOTES[id].filledBy,
      what: `${TABLE_NOTES[id].what}；表头行可在任意位置，列的顺序不限；以“示例”开头的行不读取`,
    });
    for (const c of SCHEMA[id].columns) table.add({ table: id, c, policy });
  }
  table.addAs("sheet", {
    sheet: "政策参数",
    filledBy: "总行（每年调整）",
    what: `每年须设置：${YEARLY_KEYS.join("、")}（表顶部，未填时标黄）；其余参数已按 ${policy.year} 年默认值填好`,
  });
  const notes: CellValue[][] = [[CATALOGUE_LABEL, "条款", "内容", "扣分"]];
  for (const code of itemCodes()) {
    const base = code.includes("/") ? code.split("/")[1] : code;
    const item = CATALOGUE.find((i) => i.code === base)!;
    const pts = item.disqualifying
      ? "✕ 取消客户经理资格"
      : `${policy.c.points[item.code] ?? ""} 分${UNIT_ZH[item.unit] ? `（${UNIT_ZH[item.unit]}）` : ""}`;
    notes.push([
      null,
      code,
      code.includes("/") ? `借新还旧未视同新贷款管理，按 ${base} 计：${item.zh}` : item.zh,
      pts,
    ]);
  }
  return {
    name: GUIDE_SHEET,
    title: `填写说明：各工作表及列的含义、单位、填写人和所依据的条款｜金额单位 ${policy.amountUnit}｜政策年度 ${policy.year}`,
    columns: table.columns,
    rows: table.rows,
    freezeHeader: true,
    notes,
    print: templatePrintSetup(policy),
  };
}

/** The sheet rows of the 条款 codes in a 填写说明 model (its notes, column B). */
function guideItemsRange(guide: SheetModel): ListRange {
  const L = sheetLayout(guide);
  const n = (guide.notes ?? []).length;
  return { sheet: guide.name, col: 1, firstRow: L.notesRow! + 1, lastRow: L.notesRow! + n - 1 };
}

/** The 员工号 cells of a 客户经理 table whose header is on sheet row `headerRow`, column `col`. */
function idRange(sheet: string, headerRow: number, col: number): ListRange {
  return { sheet, col, firstRow: headerRow + 1, lastRow: headerRow + LIST_ROWS };
}

// ---------------------------------------------------------------------------------------
// 政策参数

/** The template's policy sheet: the yearly figures first, highlighted while blank, then the rest in schema order. */
export function templatePolicySheet(policy: Policy): SheetModel {
  const m = policySheetModel(policy);
  const keyOf = (r: CellValue[]) => String(r[0]);
  const yearly = YEARLY_KEYS.map((k) => m.rows.find((r) => keyOf(r) === k)).filter(
    (r): r is CellValue[] => r !== undefined
  );
  const rest = m.rows.filter((r) => !YEARLY_KEYS.includes(keyOf(r)));
  const valueCol = m.columns.findIndex((c) => c.header === "值");
  const labels = YEARLY_KEYS.filter((k) => POLICY_SCHEMA.some((d) => d.key === k));
  return {
    ...m,
    rows: [...yearly, ...rest],
    blankHighlight: {
      rows: yearly.map((_, i) => i),
      col: valueCol,
      note: `${labels.join("、")}每年须按总行规定填写；未填时相关规则不适用，汇总会注明`,
    },
  };
}

// ---------------------------------------------------------------------------------------

/** 填写说明, the five input sheets, then the policy sheet of `policy`. */
export function templateSheetModels(policy: Policy): SheetModel[] {
  const guide = guideSheetModel(policy);
  const managersIdCol = SCHEMA.managers.columns.findIndex((c) => c.key === "id");
  const refs: TemplateRefs = {
    managerIds: idRange(SCHEMA.managers.zh, 0, managersIdCol),
    items: guideItemsRange(guide),
  };
  return [
    guide,
    ...TABLE_IDS.map((id) => tableTemplate(SCHEMA[id], policy, refs)),
    templatePolicySheet(policy),
  ];
}

/**
 * The template sheets a workbook still lacks (the task pane's 插入模板): 填写说明 when no sheet has
 * that name and another sheet is added, an input table that the reader does not find, and the 政策参数 sheet when there is no
 * policy table. Tables the workbook already has are not added again (a second copy would only be
 * reported as a look-alike); sheets are never overwritten in any case. The drop-downs of added
 * tables take the 员工号 of the workbook's own 客户经理 table when it has one.
 */
export function missingTemplateSheets(grid: WorkbookGrid, policy: Policy): SheetModel[] {
  const found = findTables(grid).locations;
  const hasGuide = grid.sheets.some((s) => s.name === GUIDE_SHEET);
  const guide = guideSheetModel(policy);
  const mgr = found.managers;
  const idCol = mgr?.columns.id;
  const managerIds =
    mgr && idCol
      ? idRange(
          mgr.sheet.name,
          mgr.sheet.rowOffset + mgr.headerRow,
          mgr.sheet.colOffset + idCol.col
        )
      : idRange(
          SCHEMA.managers.zh,
          0,
          SCHEMA.managers.columns.findIndex((c) => c.key === "id")
        );
  const refs: TemplateRefs = { managerIds, items: guideItemsRange(guide) };
  const models = TABLE_IDS.filter((id) => found[id] === null).map((id) =>
    tableTemplate(SCHEMA[id], policy, refs)
  );
  if (!findPolicyTable(grid)) models.push(templatePolicySheet(policy));
  // the instructions come with the sheets they describe: a workbook that has them all gets nothing
  if (!hasGuide && models.length > 0) models.unshift(guide);
  return models;
}

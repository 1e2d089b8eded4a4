/**
 * The template workbook (task pane 插入模板, `cm-addin template`): every input sheet of
 * WORKBOOK.md with its headers in WORKBOOK.md's order (each column's first accepted name), a
 * drop-down list on each enumerated and yes/no column, the number format of each type, and the
 * 政策参数 sheet with the year's policy. Built from the reader's schema, so the template and
 * the validator never disagree. Pure: the writers add the sheets, never overwriting one.
 */
import { findPolicyTable, policySheetModel } from "../policy/sheet";
import type { Policy } from "../policy/types";
import { findTables } from "../reader/find";
import type { WorkbookGrid } from "../reader/grid";
import { columnList, SCHEMA, TABLE_IDS } from "../reader/schema";
import type { ColumnDef, ColumnType, TableDef } from "../reader/schema";
import type { ColumnFormat, ColumnSpec, SheetModel } from "./model";

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

function columnSpec(c: ColumnDef): ColumnSpec {
  const spec: ColumnSpec = { header: c.names[0], format: TYPE_FORMATS[c.type] };
  const list = columnList(c);
  if (list) spec.list = list;
  return spec;
}

export function tableTemplate(def: TableDef): SheetModel {
  return { name: def.zh, title: null, columns: def.columns.map(columnSpec), rows: [], freezeHeader: true };
}

/** The five input sheets, then the policy sheet of `policy`. */
export function templateSheetModels(policy: Policy): SheetModel[] {
  return [...TABLE_IDS.map((id) => tableTemplate(SCHEMA[id])), policySheetModel(policy)];
}

/**
 * The template sheets a workbook still lacks (the task pane's 插入模板): an input table that
 * the reader does not find, and the 政策参数 sheet when there is no policy table. Tables the
 * workbook already has are not added again (a second copy would only be reported as a
 * look-alike); sheets are never overwritten in any case.
 */
export function missingTemplateSheets(grid: WorkbookGrid, policy: Policy): SheetModel[] {
  const found = findTables(grid).locations;
  const models = TABLE_IDS.filter((id) => found[id] === null).map((id) => tableTemplate(SCHEMA[id]));
  if (!findPolicyTable(grid)) models.push(policySheetModel(policy));
  return models;
}

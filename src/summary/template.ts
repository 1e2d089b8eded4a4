/**
 * The template workbook (task pane 插入模板, `cm-addin template`): every input sheet of
 * WORKBOOK.md with its headers in WORKBOOK.md's order (each column's first accepted name), a
 * drop-down list on each enumerated and yes/no column, the number format of each type, and the
 * 政策参数 sheet with the year's policy. Built from the reader's schema, so the template and
 * the validator never disagree. Pure: the writers add the sheets, never overwriting one.
 */
import { policySheetModel } from "../policy/sheet";
import type { Policy } from "../policy/types";
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

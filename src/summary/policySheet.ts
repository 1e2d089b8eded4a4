/**
 * The 政策参数 sheet of a policy, as a SheetModel: the layout read back by src/policy/sheet.ts
 * (no title row: the header is row 1, one row per parameter shown, grouped by rule set).
 */
import { defaultPolicy } from "../policy/defaults";
import { getParam, POLICY_SHEET, shownParams, type ParamDef } from "../policy/schema";
import { formatParamValue, paramNote, UNSET_ZH } from "../policy/sheet";
import type { Policy } from "../policy/types";
import type { CellValue, ColumnSpec, SheetModel } from "./model";

const POLICY_COLUMNS: readonly ColumnSpec[] = [
  { header: "参数", format: "text", width: 30 },
  { header: "值", format: "general", width: 18 },
  { header: "说明", format: "text", width: 70 },
  { header: "规则", format: "text", width: 6 },
  { header: "条款", format: "text", width: 30 },
  { header: "单位", format: "text", width: 10 },
  { header: "默认值", format: "general", width: 18 },
];

/** One row of the sheet for a parameter. */
export function policyRow(d: ParamDef, p: Policy, defaults: Policy): CellValue[] {
  const v = getParam(p, d);
  const dv = getParam(defaults, d);
  return [
    d.key,
    formatParamValue(d, v),
    paramNote(d, v),
    d.ruleSet,
    d.article,
    d.unit,
    dv === null ? UNSET_ZH : formatParamValue(d, dv),
  ];
}

/** The 政策参数 sheet of a policy. */
export function policySheetModel(policy: Policy): SheetModel {
  const defaults = defaultPolicy(policy.year);
  return {
    name: POLICY_SHEET,
    title: null,
    columns: POLICY_COLUMNS.map((c) => ({ ...c })),
    rows: shownParams(policy).map((d) => policyRow(d, policy, defaults)),
    freezeHeader: true,
  };
}

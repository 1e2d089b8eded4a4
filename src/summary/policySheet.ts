/**
 * The 政策参数 sheet of a policy, as a SheetModel: the layout read back by src/policy/sheet.ts
 * (no title row: the header is row 1, one row per parameter shown, grouped by rule set).
 */
import { defaultPolicy } from "../policy/defaults";
import { getParam, POLICY_SHEET, shownParams, type ParamDef } from "../policy/schema";
import { formatParamValue, paramNote, UNSET_ZH } from "../policy/sheet";
import type { Policy } from "../policy/types";
import type { Column } from "./columns";
import { cellsOf, columnSpecs } from "./columns";
import type { CellValue, SheetModel } from "./model";

/** A parameter's row: its definition, its value in the policy and the year's default. */
interface ParamLine {
  d: ParamDef;
  v: ReturnType<typeof getParam>;
  dv: ReturnType<typeof getParam>;
}

const POLICY_COLUMNS: readonly Column<ParamLine>[] = [
  { header: "参数", format: "text", width: 30, value: (l) => l.d.key },
  { header: "值", format: "general", width: 18, value: (l) => formatParamValue(l.d, l.v) },
  { header: "说明", format: "text", width: 70, value: (l) => paramNote(l.d, l.v) },
  { header: "规则", format: "text", width: 6, value: (l) => l.d.ruleSet },
  { header: "条款", format: "text", width: 30, value: (l) => l.d.article },
  { header: "单位", format: "text", width: 10, value: (l) => l.d.unit },
  {
    header: "默认值",
    format: "general",
    width: 18,
    value: (l) => (l.dv === null ? UNSET_ZH : formatParamValue(l.d, l.dv)),
  },
];

/** One row of the sheet for a parameter. */
export function policyRow(d: ParamDef, p: Policy, defaults: Policy): CellValue[] {
  return cellsOf(POLICY_COLUMNS, { d, v: getParam(p, d), dv: getParam(defaults, d) });
}

/** The 政策参数 sheet of a policy. */
export function policySheetModel(policy: Policy): SheetModel {
  const defaults = defaultPolicy(policy.year);
  return {
    name: POLICY_SHEET,
    title: null,
    columns: columnSpecs(POLICY_COLUMNS),
    rows: shownParams(policy).map((d) => policyRow(d, policy, defaults)),
    freezeHeader: true,
  };
}

/**
 * `cm-addin policy [--year YYYY] [--json]`: the built-in defaults of a year's policy — a table
 * of 参数 / 值 / 说明 grouped by rule set (with unit and article), or with --json the JSON that
 * `--policy FILE.json` reads back (sheet keys, amounts in 元).
 */
import { defaultPolicy } from "../../policy/defaults";
import { policyToJson } from "../../policy/json";
import {
  getParam,
  RULE_SET_ORDER,
  RULE_SET_TITLES,
  shownParams,
  type ParamDef,
} from "../../policy/schema";
import { formatParamValue } from "../../policy/sheet";
import { currentYear } from "../../policy/store";
import type { Policy } from "../../policy/types";
import { CliCommand, CliError, CliIO, describedBy, parseOptions } from "../command";
import { POLICY_META } from "./meta";
import { parseYearOption } from "../policyOption";

/** Display width: CJK and other wide characters count 2. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! > 0x2e7f ? 2 : 1;
  return w;
}

function pad(s: string, w: number): string {
  return s + " ".repeat(Math.max(0, w - width(s)));
}

function valueText(d: ParamDef, p: Policy): string {
  const v = formatParamValue(d, getParam(p, d));
  if (v === null) return "（未设置）";
  return d.unit && d.type !== "enum" ? `${v} ${d.unit}` : String(v);
}

/** The readable table: one block per rule set, columns 参数, 值, 说明 (with the article). */
export function policyTable(p: Policy): string[] {
  const rows = shownParams(p).map((d) => ({
    d,
    key: d.key,
    value: valueText(d, p),
    note: d.article ? `${d.description.zh} [${d.article}]` : d.description.zh,
  }));
  const wKey = Math.max(width("参数"), ...rows.map((r) => width(r.key)));
  const wVal = Math.max(width("值"), ...rows.map((r) => width(r.value)));
  const lines = [
    `${p.year} 年度政策参数默认值（金额一律以元计；评定日期 ${p.assessmentDate}）`,
    `Policy defaults of ${p.year} (amounts in yuan)`,
  ];
  for (const set of RULE_SET_ORDER) {
    const group = rows.filter((r) => r.d.ruleSet === set);
    if (group.length === 0) continue;
    lines.push(
      "",
      `【${RULE_SET_TITLES[set].zh}】 ${RULE_SET_TITLES[set].en}`,
      `${pad("参数", wKey)}  ${pad("值", wVal)}  说明`
    );
    for (const r of group)
      lines.push(`${pad(r.key, wKey)}  ${pad(r.value, wVal)}  ${r.note}`.trimEnd());
  }
  return lines;
}

export const command: CliCommand = {
  ...describedBy(POLICY_META),
  async run(args: string[], io: CliIO): Promise<number> {
    const { positional, options } = parseOptions(args, POLICY_META.options);
    if (positional.length > 0)
      throw new CliError(
        `多余的参数 ${positional.join(" ")}（unexpected argument）；用法 usage: ${command.usage}`
      );
    const year = parseYearOption(options.year) ?? currentYear();
    const p = defaultPolicy(year);
    if (options.json) for (const line of policyToJson(p).split("\n")) io.out(line);
    else for (const line of policyTable(p)) io.out(line);
    return 0;
  },
};

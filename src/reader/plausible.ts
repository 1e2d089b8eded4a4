/**
 * Plausibility (issue 15 item 4, WORKBOOK.md "The command line" rev 2): column-level warnings —
 * one per column, never per cell — for figures whose size says they were typed in the other
 * unit or scale, each naming the likely fix:
 * - amounts that look like 万元 in a 元 column (corporate daily deposits mostly under 10,000), or
 *   like 元 in a 万元 column (mostly above 100,000 万元 = 10 亿元): fix the header unit
 *   (日均存款（万元）) or the policy's 金额单位;
 * - shares (正常类贷款占比, 上年正常类贷款占比, in %: 95 = 95%) typed as fractions (0.99), alone or
 *   beside percents (98.5).
 * (The policy's own figures, e.g. a 不良容忍度 of 0.012 or 120, are checked by their typical
 * ranges in src/policy/schema.ts.)
 */
import type { Dec } from "../core/money";
import { a1 } from "../core/issues";
import type { Issue } from "../core/issues";
import type { Policy } from "../policy/types";
import type { TableInfo, WorkbookData } from "./read";
import { column, columnName } from "./schema";
import type { TableId } from "./schema";

/**
 * The thresholds of these checks. They are VALIDATION heuristics — when to ask "is this the
 * right unit?" — not rule figures: no result depends on them, so they live here, not in the
 * policy. Values are compared as typed (in the column's unit, 元 or 万元).
 */
export const PLAUSIBILITY = {
  /**
   * Amount columns: below `yuanBelow` in a 元 column, or above `wanAbove` in a 万元 column,
   * looks like the other unit. Corporate customers' daily balances and a CM's loan book are
   * millions of 元; a single loan is thousands of 元 at least.
   */
  amounts: [
    { table: "customers", key: "deposits", yuanBelow: 10_000, wanAbove: 100_000 },
    { table: "customers", key: "loans", yuanBelow: 10_000, wanAbove: 100_000 },
    { table: "managers", key: "managedLoans", yuanBelow: 10_000, wanAbove: 1_000_000 },
    { table: "loans", key: "amount", yuanBelow: 1_000, wanAbove: 100_000 },
    { table: "loans", key: "balance", yuanBelow: 1_000, wanAbove: 100_000 },
  ] as const satisfies readonly {
    table: TableId;
    key: string;
    yuanBelow: number;
    wanAbove: number;
  }[],
  /** "mostly": more than this share of the column's non-zero values */
  mostly: 0.5,
  /** share columns (in %): a value above 0 and at most this reads as a fraction (0.99 for 99%) */
  fractionMax: 1,
  shares: ["normalShare", "normalSharePrev"] as const,
} as const;

function fmt(n: number): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: 4 });
}

function headerCell(info: TableInfo, key: string): string {
  return a1(info.headerRow, info.columns[key]);
}

/** PLAUSIBLE.unit: amount columns mostly too small for 元 or too large for 万元. */
function unitIssues(data: WorkbookData, policy: Policy): Issue[] {
  const out: Issue[] = [];
  for (const h of PLAUSIBILITY.amounts) {
    const info = data.tables[h.table];
    if (!info || info.columns[h.key] === undefined) continue;
    const headerUnit = data.headerUnits[h.table][h.key] ?? null;
    const unit = headerUnit ?? policy.amountUnit;
    const scale = unit === "万元" ? 10_000 : 1;
    const typed: number[] = [];
    for (const row of data[h.table] as unknown as Record<string, unknown>[]) {
      const v = row[h.key] as Dec | null;
      if (v !== null && !v.isZero()) typed.push(v.toNumber() / scale);
    }
    if (typed.length === 0) continue;
    const small =
      unit === "元"
        ? typed.filter((v) => v < h.yuanBelow).length
        : typed.filter((v) => v > h.wanAbove).length;
    if (small <= PLAUSIBILITY.mostly * typed.length) continue;
    const name = columnName(column(h.table, h.key));
    const other = unit === "元" ? "万元" : "元";
    const sorted = [...typed].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    const side = unit === "元" ? `小于 ${fmt(h.yuanBelow)}` : `大于 ${fmt(h.wanAbove)}`;
    const sideEn = unit === "元" ? `below ${fmt(h.yuanBelow)}` : `above ${fmt(h.wanAbove)}`;
    const fix = headerUnit
      ? `若是，请把表头改为“${name}（${other}）”`
      : `若是，请把表头写成“${name}（${other}）”，或把政策参数“金额单位”设为 ${other}`;
    const fixEn = headerUnit
      ? `if so, change the header to ${name}（${other}）`
      : `if so, write the header as ${name}（${other}）, or set the policy's 金额单位 to ${other}`;
    const from = headerUnit ? `表头注明${unit}` : `金额单位为${unit}`;
    out.push({
      sheet: info.sheet,
      cell: headerCell(info, h.key),
      severity: "warning",
      rule: "PLAUSIBLE.unit",
      message: `“${name}”列 ${typed.length} 个非零值中 ${small} 个${side}（中位数 ${fmt(median)}），${from}时似乎${unit === "元" ? "太小" : "太大"}：是否按${other}填写？${fix}`,
      messageEn:
        `${name}: ${small} of ${typed.length} non-zero values are ${sideEn} (median ` +
        `${fmt(median)}), implausible in ${unit}: typed in ${other}? ${fixEn}`,
    });
  }
  return out;
}

/** PLAUSIBLE.scale: share columns holding fractions (0.99), alone or beside percents (98.5). */
function shareIssues(data: WorkbookData): Issue[] {
  const info = data.tables.managers;
  if (!info) return [];
  const keys = PLAUSIBILITY.shares.filter((k) => info.columns[k] !== undefined);
  const values = new Map(
    keys.map((k) => [
      k,
      data.managers
        .map((m) => ({ v: m[k], src: m.src }))
        .filter((x): x is { v: number; src: typeof x.src } => x.v !== null && x.v > 0),
    ])
  );
  const anyPercent = keys.some((k) => values.get(k)!.some((x) => x.v > PLAUSIBILITY.fractionMax));
  const out: Issue[] = [];
  for (const k of keys) {
    const vs = values.get(k)!;
    const fractions = vs.filter((x) => x.v <= PLAUSIBILITY.fractionMax);
    if (fractions.length === 0) continue;
    const name = columnName(column("managers", k));
    const percents = vs.filter((x) => x.v > PLAUSIBILITY.fractionMax);
    const first = fractions[0];
    const at = a1(first.src.row, info.columns[k]);
    const example = `${fmt(first.v)}（${at}）`;
    const fix = `请都按百分数填写（95 表示 95%，${fmt(first.v)} 应写 ${fmt(Number((first.v * 100).toPrecision(12)))}）`;
    const zh = anyPercent
      ? `“${name}”列混用了小数和百分数：${fractions.length} 个值在 0–1 之间（如 ${example}），` +
        `${percents.length > 0 ? `其余 ${percents.length} 个为百分数（如 ${fmt(percents[0].v)}）` : "而另一占比列为百分数"}；${fix}`
      : `“${name}”列的 ${fractions.length} 个值都在 0–1 之间（如 ${example}），似乎按小数填写；${fix}`;
    out.push({
      sheet: info.sheet,
      cell: headerCell(info, k),
      severity: "warning",
      rule: "PLAUSIBLE.scale",
      message: zh,
      messageEn:
        `${name}: ${fractions.length} values between 0 and 1 (e.g. ${fmt(first.v)} at ` +
        `${at})${anyPercent ? " beside percents" : ""}: write every share as a percent (95 = 95%)`,
    });
  }
  return out;
}

/** Every plausibility warning of the workbook (one per column at most). */
export function plausibilityIssues(data: WorkbookData, policy: Policy): Issue[] {
  return [...unitIssues(data, policy), ...shareIssues(data)];
}

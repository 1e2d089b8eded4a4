/**
 * Small hand-made workbooks for the summary tests: sheets as plain rows (header first), the
 * 2025 policy with 不良容忍度 1.5 and 美元兑人民币汇率 7.1, a fixed clock.
 */
import { defaultPolicy } from "../../src/policy/defaults";
import type { AmountUnit, Policy } from "../../src/policy/types";
import type { WorkbookGrid } from "../../src/core/grid";
import { buildSummaries } from "../../src/summary/build";
import type { SummariesResult } from "../../src/summary/build";
import type { SheetModel } from "../../src/summary/model";

export type Rows = (string | number | boolean | null)[][];

export const NOW = new Date(2026, 0, 5, 9, 30);

/** The header row of a 公司客户 sheet (WORKBOOK.md), as the corporate tests write it. */
export const CUSTOMER_HEADER = [
  "客户名称",
  "客户经理",
  "日均存款",
  "日均贷款",
  "国际结算额美元",
  "新增日均存款",
  "后三类贷款",
  "欠息",
  "垫款",
];

export function grid(sheets: Record<string, Rows>): WorkbookGrid {
  return {
    sheets: Object.entries(sheets).map(([name, values]) => ({
      name,
      rowOffset: 0,
      colOffset: 0,
      values,
    })),
  };
}

export function policy2025(unit: AmountUnit = "元"): Policy {
  const p = defaultPolicy(2025);
  p.nplToleranceRatePct = 1.5;
  p.usdCnyRate = 7.1;
  p.amountUnit = unit;
  return p;
}

export function build(
  sheets: Record<string, Rows>,
  opts: { unit?: AmountUnit; only?: string[]; policy?: Policy } = {}
): SummariesResult {
  return buildSummaries(grid(sheets), opts.policy ?? policy2025(opts.unit), {
    now: NOW,
    only: opts.only,
  });
}

export function model(r: SummariesResult, name: string): SheetModel {
  const m = r.models.find((x) => x.name === name);
  if (!m)
    throw new Error(
      `no model ${name}; made: ${r.models.map((x) => x.name).join(", ")}; skipped: ${JSON.stringify(r.skipped)}`
    );
  return m;
}

/** The cells of a row under the given headers. */
export function pick(m: SheetModel, row: number, headers: readonly string[]): unknown[] {
  return headers.map((h) => {
    const c = m.columns.findIndex((x) => x.header === h);
    if (c < 0) throw new Error(`no column ${h} in ${m.name}`);
    return m.rows[row][c];
  });
}

export function formatOf(m: SheetModel, header: string): string {
  const c = m.columns.find((x) => x.header === header);
  if (!c) throw new Error(`no column ${header}`);
  return c.format;
}

/** Scales the amount cells of rows (index list) by 1/10000 (for the 万元 variants). */
export function toWan(rows: Rows, cols: number[]): Rows {
  return rows.map((r, i) =>
    i === 0 ? r : r.map((v, c) => (cols.includes(c) && typeof v === "number" ? v / 10000 : v))
  );
}

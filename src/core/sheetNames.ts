/**
 * The names of the sheets the add-in writes (WORKBOOK.md "What the add-in writes") — the one
 * list: summary/common.ts's SUMMARIES take their names from here, the reader (reader/find.ts)
 * never reads these sheets as input tables, the policy sheet's name is policy/schema's. A name
 * already taken gets a " (2)" suffix (summary/naming.ts); `withoutCopySuffix` undoes it.
 */

/** By summary id, in WORKBOOK.md order. */
export const SUMMARY_SHEET_NAMES = {
  grades: "等级汇总",
  bottom: "末位名单",
  buyout: "退休买断",
  exitPay: "离岗待遇",
  corporate: "公司客户经理等级",
  errors: "差错积分汇总",
  warnings: "预警时效",
  annual: "年度赔偿",
  overview: "考核概览",
  statements: "考核通知单",
  posting: "公示名单",
  issues: "校验结果",
} as const;

export type SummaryId = keyof typeof SUMMARY_SHEET_NAMES;

/**
 * (issue 18) Last year's summaries copied into this year's workbook (src/reader/previous.ts):
 * "上年" + the summary's name, and 上年客户经理 for last year's input table. Never input tables.
 */
export const PREVIOUS_SHEET_PREFIX = "上年";
export const PREVIOUS_SHEET_NAMES = {
  grades: `${PREVIOUS_SHEET_PREFIX}${SUMMARY_SHEET_NAMES.grades}`,
  corporate: `${PREVIOUS_SHEET_PREFIX}${SUMMARY_SHEET_NAMES.corporate}`,
  bottom: `${PREVIOUS_SHEET_PREFIX}${SUMMARY_SHEET_NAMES.bottom}`,
  managers: `${PREVIOUS_SHEET_PREFIX}客户经理`,
} as const;

/** The sheet the add-in writes the policy to. */
export const POLICY_SHEET_NAME = "政策参数";

/** "等级汇总 (2)" → "等级汇总": the name without the suffix a writer adds to a taken name. */
export function withoutCopySuffix(name: string): string {
  return name.replace(/\s*\(\d+\)$/, "");
}

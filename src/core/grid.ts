/**
 * What the reader reads: the values of each worksheet as a plain 2-D array, the same
 * whether they come from Office.js (`usedRange.values`) or from an .xlsx file (the CLI's
 * reader, src/cli/xlsx/read.ts).
 * Dates arrive as Excel serial numbers (Office.js) or are converted to them (CLI), so both
 * paths give identical grids.
 */
import type { RawCell } from "./parse";

export interface SheetGrid {
  name: string;
  /** 0-based row and column of values[0][0] in the sheet (the used range may not start at A1) */
  rowOffset: number;
  colOffset: number;
  values: RawCell[][];
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
  /** what the file reader has to tell once about the whole file (e.g. formulas without results), one line each */
  notices?: string[];
}

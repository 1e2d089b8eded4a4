/** English help of the custom functions in ./c.ts (function id → description, parameters). */
import type { HelpTable } from "./help";

const YEAR_EN = "Policy year (optional; default: this workbook's policy)";

export const HELP_EN_C: HelpTable = {
  ERRORPOINTS: {
    example: "=CM.ERRORPOINTS(C2:C10,D2:D10,E2:E10)",
    description:
      "Total error-point deduction (error-point assessment standard): per entry points × count " +
      "(blank count = 1) plus the aggravation entered (once per entry), each rounded half-up to 0.01 " +
      "before they are summed (as 差错积分汇总 lists them). 3.15 (refinancing) " +
      'must be written "3.15/item" and is scored as that item; 3.15 alone is an error. ' +
      "Disqualifying (✕) items carry no points — see CM.ERRORITEM. No date filter: select only " +
      "the year's entries.",
    params: {
      items:
        "Item codes (a column or row, e.g. 3.2b, 3.15/3.3; format the cells as text so that 3.10 does not become 3.1)",
      counts: "Count per entry (optional, paired with the items; blank = 1)",
      aggravation: "Aggravation points per entry (optional, paired with the items)",
      year: YEAR_EN,
    },
    result: "Total deduction in points",
  },
  ERRORITEM: {
    example: '=CM.ERRORITEM("3.2b")',
    description:
      "Looks up an error-point item and returns a row with headers: the item, the item it is " +
      "scored as, its description, points, unit (per time / per customer / per entry), whether " +
      "it disqualifies from the CM post outright, and whether the source allows aggravation. " +
      '3.15 must be written "3.15/item".',
    params: {
      item: "Item code, e.g. 1.1, 3.2b, 3.15/3.3",
      year: YEAR_EN,
    },
    result: "Two rows: headers and the item",
  },
};

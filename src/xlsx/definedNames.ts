/**
 * The print titles and print areas of new sheets as workbook-level defined names (ECMA-376
 * 18.2.5: `_xlnm.Print_Titles`, `_xlnm.Print_Area`, local to its sheet by position):
 * `<definedName name="_xlnm.Print_Titles" localSheetId="3">'等级汇总'!$1:$2</definedName>`.
 * Where they go in workbook.xml is the WorkbookEditor's business (package.ts, a real XML parser).
 */
import { colLetters } from "../core/issues";
import { printArea, printTitleRows, quotedSheet } from "../summary/model";
import type { SheetModel } from "../summary/model";

export interface PrintTitles {
  /** the defined name: the rows repeated on every page, or the printed area */
  name?: "_xlnm.Print_Titles" | "_xlnm.Print_Area";
  /** for the print area: the last column (0-based) */
  lastCol?: number;
  /** 0-based position of the sheet in workbook.xml's <sheets> */
  sheetIndex: number;
  sheetName: string;
  /** 0-based first and last rows repeated on every page */
  first: number;
  last: number;
}

/** A print title or area as a defined name: its name, the sheet it is local to, its formula. */
export function definedNameOf(t: PrintTitles): {
  name: string;
  localSheetId: number;
  value: string;
} {
  const name = t.name ?? "_xlnm.Print_Titles";
  const value =
    name === "_xlnm.Print_Area"
      ? `${quotedSheet(t.sheetName)}!$A$${t.first + 1}:$${colLetters(t.lastCol ?? 0)}$${t.last + 1}`
      : `${quotedSheet(t.sheetName)}!$${t.first + 1}:$${t.last + 1}`;
  return { name, localSheetId: t.sheetIndex, value };
}

/** The print areas and titles of the models that print, written as `names` after `existing` sheets. */
export function printTitlesOf(
  models: readonly SheetModel[],
  names: readonly string[],
  existing: number
): PrintTitles[] {
  const out: PrintTitles[] = [];
  models.forEach((m, i) => {
    const area = printArea(m);
    if (area)
      out.push({
        name: "_xlnm.Print_Area",
        sheetIndex: existing + i,
        sheetName: names[i],
        first: 0,
        last: area.lastRow,
        lastCol: area.lastCol,
      });
    const rows = printTitleRows(m);
    if (rows) out.push({ sheetIndex: existing + i, sheetName: names[i], ...rows });
  });
  return out;
}

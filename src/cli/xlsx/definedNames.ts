/**
 * The print titles and print areas of new sheets as workbook-level defined names (ECMA-376
 * 18.2.5: `_xlnm.Print_Titles`, `_xlnm.Print_Area`, local to its sheet by position):
 * `<definedName name="_xlnm.Print_Titles" localSheetId="3">'等级汇总'!$1:$2</definedName>`. Kept apart from package.ts so the one change
 * to workbook.xml it makes stays small: the names are appended to an existing <definedNames>, or
 * a new one is put where the schema wants it (after sheets, functionGroups, externalReferences).
 */
import { colLetters } from "../../core/issues";
import { printArea, printTitleRows, quotedSheet } from "../../summary/model";
import type { SheetModel } from "../../summary/model";
import { escapeXml, extendElement, section } from "./xml";

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

/** CT_Workbook's children after definedNames, in order (the new element goes before the first present). */
const AFTER = ["calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];

/** workbook.xml (main namespace prefix `p`) with the print titles added. */
export function addPrintTitles(wbXml: string, p: string, titles: readonly PrintTitles[]): string {
  if (titles.length === 0) return wbXml;
  const names = titles
    .map((t) => {
      const name = t.name ?? "_xlnm.Print_Titles";
      const ref =
        name === "_xlnm.Print_Area"
          ? `${quotedSheet(t.sheetName)}!$A$${t.first + 1}:$${colLetters(t.lastCol ?? 0)}$${t.last + 1}`
          : `${quotedSheet(t.sheetName)}!$${t.first + 1}:$${t.last + 1}`;
      return `<${p}definedName name="${name}" localSheetId="${t.sheetIndex}">${escapeXml(ref)}</${p}definedName>`;
    })
    .join("");
  if (section(wbXml, p + "definedNames")) return extendElement(wbXml, p + "definedNames", names);
  const block = `<${p}definedNames>${names}</${p}definedNames>`;
  for (const next of AFTER) {
    const s = section(wbXml, p + next);
    if (s) return wbXml.slice(0, s.start) + block + wbXml.slice(s.start);
  }
  const close = wbXml.lastIndexOf(`</${p}workbook>`);
  return wbXml.slice(0, close) + block + wbXml.slice(close);
}

/** The print areas and titles of the models that print, written as `names` after `existing` sheets. */
export function printTitlesOf(models: readonly SheetModel[], names: readonly string[], existing: number): PrintTitles[] {
  const out: PrintTitles[] = [];
  models.forEach((m, i) => {
    const area = printArea(m);
    if (area) out.push({ name: "_xlnm.Print_Area", sheetIndex: existing + i, sheetName: names[i], first: 0, last: area.lastRow, lastCol: area.lastCol });
    const rows = printTitleRows(m);
    if (rows) out.push({ sheetIndex: existing + i, sheetName: names[i], ...rows });
  });
  return out;
}

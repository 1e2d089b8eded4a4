/**
 * The print titles of new sheets as workbook-level defined names (ECMA-376 18.2.5:
 * `_xlnm.Print_Titles`, local to its sheet by position): `<definedName name="_xlnm.Print_Titles"
 * localSheetId="3">'等级汇总'!$1:$2</definedName>`. Kept apart from package.ts so the one change
 * to workbook.xml it makes stays small: the names are appended to an existing <definedNames>, or
 * a new one is put where the schema wants it (after sheets, functionGroups, externalReferences).
 */
import { printTitleRows, quotedSheet } from "../../summary/model";
import type { SheetModel } from "../../summary/model";
import { escapeXml, extendElement, section } from "./xml";

export interface PrintTitles {
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
    .map((t) => `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${t.sheetIndex}">${escapeXml(`${quotedSheet(t.sheetName)}!$${t.first + 1}:$${t.last + 1}`)}</${p}definedName>`)
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

/** The print titles of the models that print, written as `names` after `existing` sheets. */
export function printTitlesOf(models: readonly SheetModel[], names: readonly string[], existing: number): PrintTitles[] {
  const out: PrintTitles[] = [];
  models.forEach((m, i) => {
    const rows = printTitleRows(m);
    if (rows) out.push({ sheetIndex: existing + i, sheetName: names[i], ...rows });
  });
  return out;
}

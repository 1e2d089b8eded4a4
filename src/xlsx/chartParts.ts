/**
 * (issue 19 item 3) The package side of a sheet's charts (./chartXml.ts makes the XML): a
 * drawing part for the sheet, a chart part per chart, the relationships sheet → drawing →
 * charts, and their content types. Part numbers are the first unused ones, so charts already
 * in the workbook are never replaced.
 */
import type { SheetModel } from "../summary/model";
import { CHART_CT, DRAWING_CT, chartXml, drawingXml, inDrawingForm, relsXml } from "./chartXml";
import { relType } from "./ns";
import type { Package } from "./package";

export interface ChartPartsTarget {
  /** the workbook part's folder ("xl/") */
  dir: string;
  /** the new worksheet part ("xl/worksheets/sheet3.xml") */
  sheetPart: string;
  model: SheetModel;
  /** the name the sheet is written as */
  sheet: string;
  strict: boolean;
  /** the part names of the package, lower case (new ones are added) */
  lowerParts: Set<string>;
  addOverride: (part: string, contentType: string) => void;
}

function firstUnused(lowerParts: Set<string>, name: (n: number) => string): string {
  let n = 1;
  while (lowerParts.has(name(n).toLowerCase())) n++;
  const part = name(n);
  lowerParts.add(part.toLowerCase());
  return part;
}

function fileName(part: string): string {
  return part.slice(part.lastIndexOf("/") + 1);
}

/** Adds the parts of `t.model`'s charts; returns the sheet's relationship id of its drawing, or null when it has none. */
export function addChartParts(pkg: Package, t: ChartPartsTarget): string | null {
  const charts = t.model.charts ?? [];
  if (charts.length === 0) return null;
  const drawingPart = firstUnused(t.lowerParts, (n) => `${t.dir}drawings/drawing${n}.xml`);
  const relIds: string[] = [];
  const chartRels = charts.map((c, i) => {
    const part = firstUnused(t.lowerParts, (n) => `${t.dir}charts/chart${n}.xml`);
    pkg.put(part, inDrawingForm(chartXml(t.model, c, t.sheet), t.strict));
    t.addOverride(part, CHART_CT);
    relIds.push(`rId${i + 1}`);
    return {
      id: `rId${i + 1}`,
      type: relType("chart", t.strict),
      target: `../charts/${fileName(part)}`,
    };
  });
  pkg.put(drawingPart, inDrawingForm(drawingXml(charts, relIds), t.strict));
  t.addOverride(drawingPart, DRAWING_CT);
  pkg.put(`${t.dir}drawings/_rels/${fileName(drawingPart)}.rels`, relsXml(chartRels));
  const sheetDir = t.sheetPart.slice(0, t.sheetPart.lastIndexOf("/") + 1);
  const id = "rId1";
  pkg.put(
    `${sheetDir}_rels/${fileName(t.sheetPart)}.rels`,
    relsXml([
      { id, type: relType("drawing", t.strict), target: `../drawings/${fileName(drawingPart)}` },
    ])
  );
  return id;
}

/** Test helpers: a SheetModel as the grid a reader sees, and a policy with every parameter changed. */
import type { SheetGrid, WorkbookGrid } from "../../src/core/grid";
import type { SheetModel } from "../../src/summary/model";
import { defaultPolicy } from "../../src/policy/defaults";
import {
  clonePolicy,
  getParam,
  POLICY_SCHEMA,
  setParam,
  type ParamDef,
} from "../../src/policy/schema";
import type { Policy } from "../../src/policy/types";

export function modelSheet(m: SheetModel, rowOffset = 0, colOffset = 0): SheetGrid {
  const values = [
    ...(m.title === null ? [] : [[m.title]]),
    m.columns.map((c) => c.header),
    ...m.rows,
  ];
  return { name: m.name, rowOffset, colOffset, values: values.map((r) => [...r]) };
}

export function modelGrid(m: SheetModel): WorkbookGrid {
  return { sheets: [modelSheet(m)] };
}

const NEXT_GRADE: Record<string, string> = { 一级: "二级", 二级: "一级", 三级: "二级" };

/** A different valid value for every parameter (orders kept: scaling and shifting preserve them). */
export function changedValue(d: ParamDef, v: unknown, year: number): unknown {
  switch (d.type) {
    case "year":
      if (d.path[0] === "year") return year;
      return d.path[1] === "annualCompFirstYear" ? (v as number) - 1 : (v as number) + 1;
    case "int":
      return (v as number) + 1;
    case "number":
      return v === null
        ? d.path[0] === "usdCnyRate"
          ? 7.1
          : d.path[1] === "tellerAvgCoefficient"
            ? 1.3
            : 45
        : (v as number) + 1;
    case "percent":
      return v === null ? 1.2 : (v as number) + 1;
    case "fraction":
      // values as typed (0.12, not the double 0.1 + 0.02): a sheet or JSON is read as Excel shows it
      if (v === null)
        return Number((0.1 + (Number(d.path[d.path.length - 1]) - 1999) / 100).toFixed(6));
      return v === 0 ? 0.01 : Number(((v as number) * 0.9).toFixed(6));
    case "amount":
      return v === null ? 1000 : (v as number) * 2;
    case "date":
      return d.path[0] === "assessmentDate"
        ? `${year}-06-30`
        : d.path[1] === "responsibilityStart"
          ? "2000-02-29"
          : "2009-03-01";
    case "enum":
      if (d.multi) return ["可疑", "损失"];
      if (v === "元") return "万元";
      if (v === "USD") return "CNY";
      if (v === "CNY") return "USD";
      if (v === "是") return "否";
      if (v === "否") return "是";
      return NEXT_GRADE[v as string];
    case "text":
      return `${v}A`;
  }
}

export function everyFieldChanged(year = 2026): Policy {
  const base = defaultPolicy(2025);
  const p = clonePolicy(base);
  for (const d of POLICY_SCHEMA) setParam(p, d, changedValue(d, getParam(base, d), year));
  return p;
}

/**
 * Which summaries the workbook's data allows (WORKBOOK.md: "when a column is missing, the
 * summaries that need it are skipped with a notice naming the column"). Decided from the
 * header rows only (no cell is parsed), so the task pane can enable its check boxes from a
 * first read; the same answer is used when the summaries are built.
 */
import { findTables } from "../reader/find";
import type { WorkbookGrid } from "../core/grid";
import { column, columnName, SCHEMA } from "../reader/schema";
import type { TableId } from "../reader/schema";
import type { SummaryId } from "./common";
import { SUMMARY_IDS } from "./common";
import { DERIVED_SUMMARIES, derivedAvailability } from "./statements";

interface Need {
  table: TableId;
  /** column keys the summary cannot do without ([] = the table itself, with its required columns) */
  columns: string[];
  /** columns used when present; when absent the summary says what it left out */
  optional?: string[];
}

// A2 figures, A3 deductions, A4 caps; A5 protection and A8 age exits when present
const GRADES_NEEDS: Need[] = [
  {
    table: "managers",
    columns: [
      "branchType",
      "loanCount",
      "interestIncome",
      "newNpl",
      "managedLoans",
      "examFails",
      "penalties",
      "criticisms",
      "seriousViolations",
    ],
    optional: [
      "branch",
      "firstAppointed",
      "prevCoefficient",
      "sex",
      "birth",
      "post",
      "examFailsTwice",
      "branchAssessmentFailed",
      "headOfficeFailed",
      "illness",
      "majorViolation",
      "extendedUntil",
    ],
  },
];

/** What each summary reads (RULES.md rules → WORKBOOK.md columns). */
export const SUMMARY_NEEDS: Record<SummaryId, Need[]> = {
  grades: GRADES_NEEDS,
  // A6 responsible NPL, A7 bottom list
  bottom: [
    { table: "managers", columns: [], optional: ["branch"] },
    {
      table: "loans",
      columns: ["firstResponsible", "granted", "balance", "security", "fiveClass", "overdueDays"],
      optional: ["introducer"],
    },
  ],
  // A9 tolerance, A11 buyout
  buyout: [
    {
      table: "managers",
      columns: [
        "retiring",
        "urban",
        "npInterest3y",
        "entInterest3y",
        "riskFund",
        "postRiskFund",
        "retirementPay",
      ],
      optional: ["post"],
    },
    {
      table: "loans",
      columns: [
        "firstResponsible",
        "granted",
        "maturity",
        "balance",
        "security",
        "fiveClass",
        "overdueDays",
        "nplYear",
        "limitationLost",
        "disposal",
        "staffRelative",
      ],
      optional: ["introducer", "successor", "compensated"],
    },
  ],
  // A10b: who leaves by age this year (A8 5), A9 tolerance, A6 balance; the grade at exit when the A2 figures are there
  exitPay: [
    {
      table: "managers",
      columns: ["sex", "birth", "npInterest3y", "entInterest3y"],
      optional: ["branch", "urban", "post", "extendedUntil"],
    },
    {
      table: "loans",
      columns: ["firstResponsible", "granted", "balance", "security", "fiveClass", "overdueDays"],
      optional: ["introducer", "maturity"],
    },
  ],
  // A6 responsible NPL, A12 annual compensation (rev 2: 免责金额 from 2011); names from 客户经理 when that table is there
  annual: [
    {
      table: "loans",
      columns: [
        "firstResponsible",
        "granted",
        "balance",
        "security",
        "fiveClass",
        "overdueDays",
        "nplYear",
      ],
      optional: ["introducer", "exempted"],
    },
  ],
  // B2 indicators, B3 pass line, B4 decision, B1 allowance
  corporate: [
    {
      table: "managers",
      columns: ["level", "assessment", "normalShare", "normalSharePrev"],
      optional: [
        "marketingYears",
        "firstAppointed",
        "examPassed",
        "bottom3TwoYears",
        "tasksDone",
        "admonished",
        "traineeEnd",
        "traineeExamPassed",
        "formerStaffGrade",
      ],
    },
    {
      table: "customers",
      columns: [
        "deposits",
        "loans",
        "settlementUsd",
        "newDeposits",
        "badLoans",
        "arrears",
        "advances",
      ],
    },
  ],
  // C: the error log (its required columns); names come from 客户经理 when that table is there
  errors: [{ table: "errors", columns: [], optional: ["count", "aggravation", "note"] }],
  // D
  warnings: [
    {
      table: "warnings",
      columns: ["type", "amount", "maturity", "found", "branchReported"],
      optional: ["level", "officeReported"],
    },
  ],
  // (issue 19) 考核概览: what 等级汇总 reads (its other parts say why when their summary's data is not there: overview.ts)
  overview: GRADES_NEEDS,
  // (issue 19) built from 等级汇总 / 公司客户经理等级 (and 差错积分汇总, 末位名单 when there): what those read; at least one of the two is needed (src/summary/statements.ts)
  statements: [{ table: "managers", columns: [] }],
  posting: [{ table: "managers", columns: [] }],
  issues: [],
};

/**
 * (rev 2) The rules each summary applies (RULES.md ids, as in the schema's `rules` per column):
 * a row with an unreadable cell in a column of these rules is left out of the summary
 * (src/summary/leftOut.ts), besides the columns of SUMMARY_NEEDS.
 */
export const SUMMARY_RULES: Partial<Record<SummaryId, readonly string[]>> = {
  grades: ["A1", "A2", "A3", "A4", "A5", "A8"],
  bottom: ["A6", "A7"],
  buyout: ["A9", "A11"],
  exitPay: ["A6", "A9", "A10", "A10b"],
  annual: ["A6", "A12"],
  corporate: ["B1", "B2", "B3", "B4"],
  errors: ["C"],
  warnings: ["D"],
};

export interface Availability {
  id: SummaryId;
  available: boolean;
  /** why not (empty when available) */
  reasonZh: string;
  reasonEn: string;
  /** what is missing: a table (column null) or a column of a table */
  missing: { table: TableId; sheet: string; column: string | null }[];
  /** optional columns that are absent (the summary runs and says what it could not apply) */
  absentOptional: { table: TableId; column: string }[];
}

/** A table as found: the column keys present, or null when it cannot be read (missing, or lacks a required column). */
export type FoundColumns = Record<TableId, ReadonlySet<string> | null>;

function foundColumnsOfGrid(grid: WorkbookGrid): FoundColumns {
  const found = findTables(grid);
  const out = {} as Record<TableId, ReadonlySet<string> | null>;
  for (const id of Object.keys(SCHEMA) as TableId[]) {
    const loc = found.locations[id];
    out[id] = loc && loc.missingRequired.length === 0 ? new Set(Object.keys(loc.columns)) : null;
  }
  return out;
}

/** From the reader's `tables` (null = not read; else the columns found). */
export function foundColumnsOfTables(
  tables: Record<TableId, { columns: Record<string, number> } | null>
): FoundColumns {
  const out = {} as Record<TableId, ReadonlySet<string> | null>;
  for (const id of Object.keys(SCHEMA) as TableId[]) {
    const t = tables[id];
    out[id] = t ? new Set(Object.keys(t.columns)) : null;
  }
  return out;
}

function requiredNames(table: TableId): string {
  return SCHEMA[table].columns
    .filter((c) => c.required)
    .map(columnName)
    .join("、");
}

function availabilityOf(id: SummaryId, found: FoundColumns): Availability {
  const missing: Availability["missing"] = [];
  const absentOptional: Availability["absentOptional"] = [];
  const zh: string[] = [];
  const en: string[] = [];
  for (const need of SUMMARY_NEEDS[id]) {
    const cols = found[need.table];
    const def = SCHEMA[need.table];
    if (cols === null) {
      missing.push({ table: need.table, sheet: def.zh, column: null });
      zh.push(`缺少“${def.zh}”表（表头至少应含 ${requiredNames(need.table)}）`);
      en.push(
        `no ${def.zh} (${def.en}) table (its header needs at least ${requiredNames(need.table)})`
      );
      continue;
    }
    const lacking = need.columns.filter((k) => !cols.has(k));
    for (const k of lacking)
      missing.push({ table: need.table, sheet: def.zh, column: columnName(column(need.table, k)) });
    if (lacking.length > 0) {
      const names = lacking.map((k) => columnName(column(need.table, k)));
      zh.push(`“${def.zh}”表缺少列：${names.join("、")}`);
      en.push(
        `the ${def.zh} (${def.en}) table lacks the column${names.length > 1 ? "s" : ""} ${names.join(", ")}`
      );
    }
    for (const k of need.optional ?? [])
      if (!cols.has(k))
        absentOptional.push({ table: need.table, column: columnName(column(need.table, k)) });
  }
  return {
    id,
    available: missing.length === 0,
    reasonZh: zh.join("；"),
    reasonEn: en.join("; "),
    missing,
    absentOptional,
  };
}

export function summaryAvailability(found: FoundColumns): Record<SummaryId, Availability> {
  const out = {} as Record<SummaryId, Availability>;
  for (const id of SUMMARY_IDS) out[id] = availabilityOf(id, found);
  for (const id of DERIVED_SUMMARIES) out[id] = derivedAvailability(id, out.grades, out.corporate);
  return out;
}

/** Which summaries a workbook allows, from its header rows. */
export function availabilityOfGrid(grid: WorkbookGrid): Record<SummaryId, Availability> {
  return summaryAvailability(foundColumnsOfGrid(grid));
}

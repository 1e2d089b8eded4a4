/**
 * Validation of a whole workbook (issue 5): the reader's issues (tables, columns, types, ranges,
 * required cells, allowed values, 条款 codes, date order, unique ids) plus the checks across
 * tables and against the policy:
 * - references: 第一责任人, 管理责任人, 介绍担保职工, 接手责任人, 公司客户.客户经理, 差错记录.员工号
 *   must be an employee id of 客户经理 (REF.<column>, a warning: a person who left the bank may
 *   still appear in old loans; a typo would leave the row counted for nobody);
 * - event dates not after the assessment date (DATE.future, a warning);
 * - RULES.md A13, the loan-ledger rules, through the rule set A's checkLedger (A13.第N条);
 * - plausibility: amounts in the other unit, shares typed as fractions — one warning per column
 *   (plausible.ts, issue 15 item 4);
 * - the 政策参数 sheet's issues (src/policy/sheet.ts).
 * Never changes a value; the result is sorted by sheet, row, column.
 */
import type { Issue, Severity } from "../core/issues";
import type { RowSource } from "../core/rows";
import type { Policy } from "../policy/types";
import { readPolicyFromGrid } from "../policy/sheet";
import { POLICY_SHEET } from "../policy/schema";
import { currentYear, defaultYearIssue } from "../policy/store";
import { cellOf, readWorkbook, sheetNames, sortIssues } from "./read";
import type { ReadOptions, TableInfo, WorkbookData } from "./read";
import type { WorkbookGrid } from "../core/grid";
import { columnName, SCHEMA, TABLE_IDS } from "./schema";
import type { ColumnDef, TableId } from "./schema";
import { ledgerIssues } from "./complianceIssues";
import { plausibilityIssues } from "./plausible";

export interface Validation {
  /** the policy the workbook was read and checked with */
  policy: Policy;
  data: WorkbookData;
  /** every issue, sorted by sheet, row, column */
  issues: Issue[];
  /** the workbook's sheet names, in order */
  sheetNames: string[];
}

type AnyRow = { src: RowSource } & Record<string, unknown>;

function rowsOf(data: WorkbookData, t: TableId): AnyRow[] {
  return data[t] as unknown as AnyRow[];
}

function issue(
  info: TableInfo,
  src: RowSource,
  key: string,
  severity: Severity,
  rule: string,
  zh: string,
  en: string
): Issue {
  return {
    sheet: info.sheet,
    cell: cellOf(info, src, key),
    severity,
    rule,
    message: zh,
    messageEn: en,
  };
}

/** Each value of the columns `pick` selects, in every table that was read: f(info, row, column, value). */
function eachValue(
  data: WorkbookData,
  pick: (c: ColumnDef) => boolean,
  f: (info: TableInfo, row: AnyRow, c: ColumnDef, v: unknown) => void
): void {
  for (const t of TABLE_IDS) {
    const info = data.tables[t];
    if (!info) continue;
    const cols = SCHEMA[t].columns.filter((c) => pick(c) && info.columns[c.key] !== undefined);
    if (cols.length === 0) continue;
    const rows = rowsOf(data, t);
    for (let i = 0; i < rows.length; i++) {
      for (let k = 0; k < cols.length; k++) f(info, rows[i], cols[k], rows[i][cols[k].key]);
    }
  }
}

/** REF.<column>: employee ids that are not in 客户经理 (only when that table was read). */
function referenceIssues(data: WorkbookData): Issue[] {
  if (!data.tables.managers) return [];
  const ids = new Set(data.managerIds);
  const out: Issue[] = [];
  eachValue(
    data,
    (c) => c.refManager === true,
    (info, row, c, v) => {
      if (typeof v !== "string" || ids.has(v)) return;
      const name = columnName(c);
      out.push(
        issue(
          info,
          row.src,
          c.key,
          "warning",
          `REF.${name}`,
          `“${name}”${v} 不在“客户经理”表中：若是笔误，此行不计入任何人`,
          `${name} ${v} is not in the managers table: if it is a typo, this row counts for nobody`
        )
      );
    }
  );
  return out;
}

/** DATE.future: event dates (and 形成不良年份) after the assessment date. */
function futureDateIssues(data: WorkbookData, policy: Policy): Issue[] {
  const out: Issue[] = [];
  const limit = policy.assessmentDate;
  eachValue(
    data,
    (c) => c.notAfterAssessment === true,
    (info, row, c, v) => {
      if (typeof v !== "string" || v <= limit) return;
      const name = columnName(c);
      out.push(
        issue(
          info,
          row.src,
          c.key,
          "warning",
          "DATE.future",
          `“${name}”${v} 晚于评定日期 ${limit}`,
          `${name} ${v} is after the assessment date ${limit}`
        )
      );
    }
  );
  const loans = data.tables.loans;
  if (loans) {
    const year = +limit.slice(0, 4);
    for (const row of data.loans) {
      if (typeof row.nplYear === "number" && row.nplYear > year) {
        out.push(
          issue(
            loans,
            row.src,
            "nplYear",
            "warning",
            "DATE.future",
            `“形成不良年份”${row.nplYear} 晚于评定日期 ${limit}`,
            `NPL year ${row.nplYear} is after the assessment date ${limit}`
          )
        );
      }
    }
  }
  return out;
}

/** 正常类贷款占比 and 上年正常类贷款占比 written one as a fraction (0.95) and the other as a percent (93). */
function shareScaleIssues(data: WorkbookData): Issue[] {
  const info = data.tables.managers;
  if (!info || info.columns.normalShare === undefined || info.columns.normalSharePrev === undefined)
    return [];
  const out: Issue[] = [];
  for (const m of data.managers) {
    const a = m.normalShare;
    const b = m.normalSharePrev;
    if (a === null || b === null) continue;
    const fa = a > 0 && a <= 1;
    const fb = b > 0 && b <= 1;
    if (!(fa && b > 1) && !(fb && a > 1)) continue;
    out.push(
      issue(
        info,
        m.src,
        "normalShare",
        "warning",
        "RANGE.正常类贷款占比",
        `“正常类贷款占比”${a} 与“上年正常类贷款占比”${b} 似乎一个是小数、一个是百分数：请都按百分数填写（95 表示 95%）`,
        `normal-class share ${a} and last year's ${b} look like a fraction and a percent: write both as percents (95 = 95%)`
      )
    );
  }
  return out;
}

/** UNIQUE.客户名称: a customer listed twice for the same CM would count twice (WORKBOOK.md: one row per customer and CM). */
function customerRepeatIssues(data: WorkbookData): Issue[] {
  const info = data.tables.customers;
  if (!info) return [];
  const seen = new Map<string, RowSource>();
  const out: Issue[] = [];
  for (const c of data.customers) {
    const k = `${c.manager}\u0000${c.customer}`;
    const first = seen.get(k);
    if (!first) {
      seen.set(k, c.src);
      continue;
    }
    const at = cellOf(info, first, "customer");
    out.push(
      issue(
        info,
        c.src,
        "customer",
        "warning",
        "UNIQUE.客户名称",
        `客户“${c.customer}”已在 ${at} 列在客户经理 ${c.manager} 名下：其存贷款会重复计算`,
        `customer "${c.customer}" is already listed for CM ${c.manager} at ${at}: its figures would count twice`
      )
    );
  }
  return out;
}

/**
 * Reads and checks the workbook; `policy` defaults to the workbook's 政策参数 sheet (else the
 * built-in defaults). With `consumeGrid` the grid's data rows are let go as they are read.
 */
export interface ValidateOptions extends ReadOptions {
  /** the day the default year is decided on when neither `policy` nor the sheet gives it (第十四条); default: the clock */
  today?: Date;
}

export function validateWorkbookFull(
  grid: WorkbookGrid,
  policy?: Policy,
  opts: ValidateOptions = {}
): Validation {
  const today = opts.today ?? new Date();
  const fromSheet = readPolicyFromGrid(grid, policy?.year ?? currentYear(today));
  const p = policy ?? fromSheet.policy;
  const data = readWorkbook(grid, p, opts);
  const issues = [
    ...(policy === undefined && fromSheet.yearGiven !== true
      ? [defaultYearIssue(today, POLICY_SHEET)]
      : []),
    ...fromSheet.issues,
    ...data.issues,
    ...referenceIssues(data),
    ...futureDateIssues(data, p),
    ...shareScaleIssues(data),
    ...plausibilityIssues(data, p),
    ...customerRepeatIssues(data),
    ...ledgerIssues(data, p),
  ];
  const names = sheetNames(grid);
  return { policy: p, data, issues: sortIssues(issues, names), sheetNames: names };
}

/** Every issue of the workbook, sorted by sheet, row, column. */
export function validateWorkbook(
  grid: WorkbookGrid,
  policy?: Policy,
  opts: ValidateOptions = {}
): Issue[] {
  return validateWorkbookFull(grid, policy, opts).issues;
}

/**
 * The sheet reader: the input tables of a workbook → typed rows (src/core/rows.ts) + issues.
 * ONE implementation, used by the task pane, the CLI and the summaries.
 *
 * - tables are found by their header rows (find.ts), cells parsed by src/core/parse.ts through
 *   the schema (cells.ts); amounts are Decimals in 元 (the header's unit, else the policy's 金额单位);
 * - a bad cell is an error at its A1 address (WORKBOOK.md rev 2): its field is null and the cell
 *   is recorded in `unreadable` (per row, by column key), so each summary leaves the row out of
 *   exactly the rules that need that column (src/summary/leftOut.ts) and names it — never a guess;
 *   a row whose required cell (id, name…) is bad or whose id is repeated is not read at all
 *   (`dropped`); both are counted in `invalidRows`; blank rows and 合计 rows are skipped;
 * - (rev 2) a blank cell of a column with `blankNotice` (the deduction counts) is its `blankValue`
 *   (0), said once per column (BLANK.zero, a notice), not per cell;
 * - the checks that need one row or one table are here (types, ranges, required cells, allowed
 *   values, 条款 codes, date order, unique ids); those across tables are in validate.ts.
 */
import type { IsoDate } from "../core/dates";
import type { Dec } from "../core/money";
import { a1, parseA1 } from "../core/issues";
import type { Issue, Severity } from "../core/issues";
import { isBlank } from "../core/parse";
import type { RawCell } from "../core/parse";
import type {
  CorpCustomerRow,
  ErrorLogRow,
  LoanRow,
  ManagerRow,
  RowSource,
  WarningRow,
} from "../core/rows";
import { normKey } from "../core/text";
import type { Policy } from "../policy/types";
import { parseCell, plainCell } from "./cells";
import type { CellResult, CellValue } from "./cells";
import { findTables } from "./find";
import type { TableLocation } from "./find";
import type { SheetGrid, WorkbookGrid } from "../core/grid";
import { columnName, SCHEMA, TABLE_IDS } from "./schema";
import type { ColumnDef, TableDef, TableId } from "./schema";

/** Where a table was read: sheet name, 0-based sheet row of the header, 0-based sheet column of each column found. */
export interface TableInfo {
  sheet: string;
  headerRow: number;
  columns: Record<string, number>;
}

export interface WorkbookData {
  managers: ManagerRow[];
  loans: LoanRow[];
  customers: CorpCustomerRow[];
  errors: ErrorLogRow[];
  warnings: WarningRow[];
  /** null: the table was not found, or lacks a required column */
  tables: Record<TableId, TableInfo | null>;
  /** rows with an error in them: those {@link dropped} plus those with {@link unreadable} cells */
  invalidRows: Record<TableId, number>;
  /**
   * (rev 2) The rows read with cells that could not be read (their fields are null), by row
   * object: the cells, by column key. A summary leaves such a row out only of the rules that
   * need one of those columns (src/summary/leftOut.ts). Such a field is null even where the row
   * type has no null (差错记录.次数): read the rows of a table through a summary's view.
   */
  unreadable: Record<TableId, Map<object, BadCell[]>>;
  /** rows not read at all: a required cell bad or blank, or a repeated id (left out of everything) */
  dropped: Record<TableId, DroppedRow[]>;
  /** the units the header rows state ("贷款余额（万元）" → 万元), by table and column key */
  headerUnits: Record<TableId, Record<string, string>>;
  /** every employee id of the 客户经理 table, rows left out included (for reference checks) */
  managerIds: string[];
  issues: Issue[];
}

/** A cell that could not be read: its column, address and what is wrong ("行别类型“一类”不是允许的值…"). */
export interface BadCell {
  key: string;
  cell: string;
  zh: string;
  en: string;
}

/** A row not read at all: where, who (its id or name as typed, when readable), and its bad cells. */
export interface DroppedRow {
  src: RowSource;
  label: string | null;
  cells: BadCell[];
  /** the values that could be read (e.g. the employee id of a 差错记录 row with a bad 日期) */
  values: Record<string, unknown>;
}

type Values = { src: RowSource } & Record<string, CellValue | RowSource | null>;

interface RowRead {
  src: RowSource;
  values: Values;
  /** a required cell is bad or blank, or the id is repeated: the row is not read */
  fatal: boolean;
  /** the cells with errors (empty when none) */
  bad: BadCell[];
}

/** The first cell of the template's example row (WORKBOOK.md rev 2 "The template"). */
export const EXAMPLE_MARK = "示例";

const TOTAL_WORDS = new Set(["合计", "总计", "小计", "合计:", "总计:", "total"]);
/** A cheap first test before {@link normKey}: the words above start so (after spaces, any width or case). */
const TOTAL_START = /^[\s\u3000]*[合总小tTｔＴ]/;

/**
 * {@link isBlank}, with a quick answer for text that has a visible character (String.trim
 * already removes the ideographic space that isBlank normalises): most cells of a table.
 */
function blank(raw: RawCell): boolean {
  if (typeof raw === "string" && raw.trim() !== "") return false;
  return isBlank(raw);
}

/** One column of the schema as a located table reads it. */
interface ColumnPlan {
  def: ColumnDef;
  key: string;
  /** index in the grid rows; -1 when the table lacks the column */
  col: number;
  header: string;
  unit: string | null;
  /** enumerations and 是/否 (few distinct values, many rows): parsed values remembered by raw value (parsing is pure) */
  memo: Map<RawCell, CellResult> | null;
}

/** Column-to-cell helpers of one located table. */
class Located {
  /** every column of the schema, in schema order */
  readonly plan: ColumnPlan[];
  /** the schema's columns this table has (the plan's found columns) */
  readonly cols: ColumnPlan[];
  /**
   * Every row object starts as a copy of this one: src, then every column of the schema. Copied
   * by spreading, the rows share one hidden class with their fields in the object itself (a row
   * built key by key would be a dictionary, several times larger and slower).
   */
  readonly template: Values;
  /** the table's leftmost column (its first cell in a row: 示例 marks the template's example row) */
  readonly firstCol: number;
  constructor(
    readonly def: TableDef,
    readonly loc: TableLocation
  ) {
    this.plan = def.columns.map((c) => {
      const f = loc.columns[c.key];
      const memo =
        f && (c.type === "enum" || c.type === "yesno") ? new Map<RawCell, CellResult>() : null;
      return {
        def: c,
        key: c.key,
        col: f ? f.col : -1,
        header: f ? f.header : "",
        unit: f ? f.unit : null,
        memo,
      };
    });
    this.cols = this.plan.filter((p) => p.col >= 0);
    this.firstCol = this.cols.reduce((m, p) => Math.min(m, p.col), Infinity);
    const template: Record<string, null> = { src: null };
    for (const c of def.columns) template[c.key] = null;
    this.template = { ...template } as unknown as Values;
  }
  get sheet(): SheetGrid {
    return this.loc.sheet;
  }
  /** A1 address of a table column in a grid row (index into sheet.values). */
  cell(gridRow: number, key: string): string {
    const f = this.loc.columns[key];
    return a1(this.sheet.rowOffset + gridRow, this.sheet.colOffset + (f ? f.col : 0));
  }
  header(key: string): string {
    return (
      this.loc.columns[key]?.header ?? columnName(this.def.columns.find((c) => c.key === key)!)
    );
  }
  present(): ColumnDef[] {
    return this.cols.map((c) => c.def);
  }
  info(): TableInfo {
    const columns: Record<string, number> = {};
    for (const [k, f] of Object.entries(this.loc.columns))
      columns[k] = this.sheet.colOffset + f.col;
    return {
      sheet: this.sheet.name,
      headerRow: this.sheet.rowOffset + this.loc.headerRow,
      columns,
    };
  }
  /** The units the header row states ("贷款余额（万元）" → 万元), by column key. */
  units(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, f] of Object.entries(this.loc.columns)) if (f.unit) out[k] = f.unit;
    return out;
  }
}

/** Address of a field of a row read into `info` (the table's first column when the field's column is absent). */
export function cellOf(info: TableInfo, src: RowSource, key: string): string {
  const col = info.columns[key] ?? Math.min(...Object.values(info.columns));
  return a1(src.row, col);
}

function issueAt(
  t: Located,
  gridRow: number,
  key: string,
  severity: Severity,
  rule: string,
  zh: string,
  en: string
): Issue {
  return {
    sheet: t.sheet.name,
    cell: t.cell(gridRow, key),
    severity,
    rule,
    message: zh,
    messageEn: en,
  };
}

function badCell(t: Located, gridRow: number, key: string, zh: string, en: string): BadCell {
  return { key, cell: t.cell(gridRow, key), zh, en };
}

/** The column whose cell says 合计/总计/小计 (a totals row), or null. */
function totalWordAt(t: Located, row: RawCell[]): string | null {
  const cols = t.cols;
  for (let i = 0; i < cols.length; i++) {
    const v = row[cols[i].col];
    if (
      typeof v === "string" &&
      v.length <= 12 &&
      mayStartTotal(v.charCodeAt(0)) &&
      TOTAL_START.test(v) &&
      TOTAL_WORDS.has(normKey(v))
    )
      return cols[i].def.key;
  }
  return null;
}

/** Can a text starting with this character be 合计/总计/小计/total (after spaces)? A quick test before {@link TOTAL_START}. */
function mayStartTotal(ch: number): boolean {
  // digits and the common letters of ids and names cannot
  return !(
    (ch >= 0x30 && ch <= 0x39) ||
    (ch >= 0x41 && ch <= 0x53) ||
    (ch >= 0x55 && ch <= 0x5a) ||
    (ch >= 0x61 && ch <= 0x73) ||
    (ch >= 0x75 && ch <= 0x7a)
  );
}

/** Reads one data row; null when it is blank. `blanks` counts the blank cells read as a column's blankValue with a notice. */
function readRow(
  t: Located,
  gridRow: number,
  policy: Policy,
  issues: Issue[],
  blanks: Map<string, number>
): RowRead | null {
  const row = t.sheet.values[gridRow] ?? [];
  let empty = true;
  for (let i = 0; i < t.cols.length && empty; i++) if (!blank(row[t.cols[i].col])) empty = false;
  if (empty) return null;
  // (rev 2) the template's example row, whose first cell is 示例, is not data
  const first = row[t.firstCol];
  if (typeof first === "string" && first.trim() === EXAMPLE_MARK) return null;
  const src: RowSource = { sheet: t.sheet.name, row: t.sheet.rowOffset + gridRow };
  const totalAt = totalWordAt(t, row);
  if (totalAt !== null) {
    issues.push(
      issueAt(
        t,
        gridRow,
        totalAt,
        "info",
        "ROW.total",
        "合计行，未作为数据读取",
        "a totals row, not read as data"
      )
    );
    return null;
  }
  // the row object the arrays hold: src first, then every column in schema order (one shape for all rows)
  const values: Values = { ...t.template };
  values.src = src;
  let fatal = false;
  const bad: BadCell[] = [];
  const plan = t.plan;
  for (let i = 0; i < plan.length; i++) {
    const p = plan[i];
    const c = p.def;
    const raw = p.col < 0 ? null : row[p.col];
    if (p.col < 0) {
      // an absent column is not a blank cell: the summaries that need it say so (availability.ts)
      values[p.key] = c.blankNotice ? null : (c.blankValue ?? null);
      continue;
    }
    if (blank(raw)) {
      values[p.key] = c.blankValue ?? null;
      if (c.blankNotice) blanks.set(p.key, (blanks.get(p.key) ?? 0) + 1);
      if (c.required) {
        fatal = true;
        const zh = `“${p.header}”不能为空`;
        const en = `${p.header} must not be blank`;
        issues.push(issueAt(t, gridRow, p.key, "error", "REQUIRED", zh, en));
        bad.push(badCell(t, gridRow, p.key, zh, en));
      }
      continue;
    }
    const plain = plainCell(raw, c, p.unit, policy);
    if (plain !== undefined) {
      values[p.key] = plain;
      continue;
    }
    let r: CellResult | undefined;
    if (p.memo) {
      r = p.memo.get(raw);
      if (!r) p.memo.set(raw, (r = parseCell(raw, c, p.unit, policy)));
    } else r = parseCell(raw, c, p.unit, policy);
    if (r.ok) {
      values[p.key] = r.value;
      continue;
    }
    if (c.required) fatal = true;
    values[p.key] = null;
    issues.push(
      issueAt(
        t,
        gridRow,
        p.key,
        "error",
        r.problem.rule,
        `“${p.header}”：${r.problem.zh}`,
        `${p.header}: ${r.problem.en}`
      )
    );
    bad.push(
      badCell(t, gridRow, p.key, `${p.header}${r.problem.zh}`, `${p.header}: ${r.problem.en}`)
    );
  }
  const r: RowRead = { src, values, fatal, bad };
  for (const check of ROW_CHECKS[t.def.id]) {
    const found = check(r, t, gridRow);
    if (!found) continue;
    issues.push(found.issue);
    if (found.issue.severity !== "error") continue;
    // either value may be the wrong one: the row is left out of the rules that need either column
    for (const key of found.keys) {
      bad.push(
        badCell(t, gridRow, key, found.issue.message, found.issue.messageEn ?? found.issue.message)
      );
      if (t.def.columns.find((c) => c.key === key)?.required) r.fatal = true;
    }
  }
  return r;
}

/** A row check's finding: the issue, and the columns whose values it puts in doubt (for an error). */
type RowCheck = (
  r: RowRead,
  t: Located,
  gridRow: number
) => { issue: Issue; keys: string[] } | null;

/** `later` must not be before `earlier` (DATE.order, an error: one of the two dates is wrong). */
function dateOrder(earlier: string, later: string): RowCheck {
  return (r, t, gridRow) => {
    const a = r.values[earlier] as IsoDate | null;
    const b = r.values[later] as IsoDate | null;
    if (a === null || b === null || b >= a) return null;
    const ha = t.header(earlier);
    const hb = t.header(later);
    return {
      issue: issueAt(
        t,
        gridRow,
        later,
        "error",
        "DATE.order",
        `“${hb}”${b} 早于“${ha}”${a}`,
        `${hb} ${b} is before ${ha} ${a}`
      ),
      keys: [earlier, later],
    };
  };
}

/** 年末管理贷款总额 must be > 0 (WORKBOOK.md): 0 leaves A2's quality score not computable (a warning; the rule reports the error). */
const managedPositive: RowCheck = (r, t, gridRow) => {
  const v = r.values.managedLoans as Dec | null;
  if (v === null || !v.isZero()) return null;
  const h = t.header("managedLoans");
  return {
    issue: issueAt(
      t,
      gridRow,
      "managedLoans",
      "warning",
      "RANGE.年末管理贷款总额",
      `“${h}”为 0：质量得分（A2 第十一条 3）无法计算`,
      `${h} is 0: the quality score (A2, art. 11.3) cannot be computed`
    ),
    keys: [],
  };
};

/** NPL year before the year the loan was granted (DATE.order). */
const nplAfterGrant: RowCheck = (r, t, gridRow) => {
  const y = r.values.nplYear as number | null;
  const g = r.values.granted as IsoDate | null;
  if (y === null || g === null || y >= +g.slice(0, 4)) return null;
  const hy = t.header("nplYear");
  const hg = t.header("granted");
  return {
    issue: issueAt(
      t,
      gridRow,
      "nplYear",
      "error",
      "DATE.order",
      `“${hy}”${y} 早于“${hg}”${g}`,
      `${hy} ${y} is before ${hg} ${g}`
    ),
    keys: ["granted", "nplYear"],
  };
};

const ROW_CHECKS: Record<TableId, RowCheck[]> = {
  managers: [dateOrder("birth", "firstAppointed"), managedPositive],
  loans: [dateOrder("granted", "maturity"), nplAfterGrant],
  customers: [],
  errors: [],
  warnings: [dateOrder("found", "branchReported"), dateOrder("branchReported", "officeReported")],
};

/** Unique columns (UNIQUE.<column>): every occurrence of a repeated value is an error and is not read. */
function checkUnique(t: Located, rows: RowRead[], issues: Issue[]): void {
  for (const c of t.present()) {
    if (!c.unique) continue;
    // the first row of each value; the rows of a repeated value (a list only for those)
    const first = new Map<string, RowRead>();
    const repeated = new Map<string, RowRead[]>();
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      const v = r.values[c.key];
      if (typeof v !== "string") continue;
      const f = first.get(v);
      if (f === undefined) first.set(v, r);
      else {
        const list = repeated.get(v);
        if (list) list.push(r);
        else repeated.set(v, [f, r]);
      }
    }
    for (const [v, rs] of repeated) {
      const cells = rs.map((r) => t.cell(r.src.row - t.sheet.rowOffset, c.key));
      const h = t.header(c.key);
      for (const r of rs) {
        r.fatal = true;
        const gridRow = r.src.row - t.sheet.rowOffset;
        const i = issueAt(
          t,
          gridRow,
          c.key,
          "error",
          `UNIQUE.${columnName(c)}`,
          `“${h}”${v} 重复（${cells.join("、")}），这些行都未读取`,
          `${h} ${v} is repeated (${cells.join(", ")}); none of these rows is read`
        );
        issues.push(i);
        r.bad.push(badCell(t, gridRow, c.key, i.message, i.messageEn!));
      }
    }
  }
}

/** What a consumed row of the grid is replaced with. */
const CONSUMED: RawCell[] = [];

function readTable(t: Located, policy: Policy, issues: Issue[], consume: boolean): RowRead[] {
  const rows: RowRead[] = [];
  const values = t.sheet.values;
  const blanks = new Map<string, number>();
  for (let r = t.loc.headerRow + 1; r < values.length; r++) {
    const row = readRow(t, r, policy, issues, blanks);
    if (row) rows.push(row);
    if (consume) values[r] = CONSUMED;
  }
  checkUnique(t, rows, issues);
  for (const [key, n] of blanks) issues.push(blankNotice(t, key, n));
  return rows;
}

/** BLANK.zero (rev 2): "“考试不合格次数”有 5 个空白单元格，按 0 计" — once per column, at its header. */
function blankNotice(t: Located, key: string, n: number): Issue {
  const p = t.plan.find((x) => x.key === key)!;
  const v = p.def.blankValue ?? 0;
  return {
    sheet: t.sheet.name,
    cell: a1(t.sheet.rowOffset + t.loc.headerRow, t.sheet.colOffset + p.col),
    severity: "info",
    rule: "BLANK.zero",
    message: `“${p.header}”有 ${n} 个空白单元格，按 ${v}（没有）计`,
    messageEn: `${p.header}: ${n} blank cell${n > 1 ? "s" : ""} read as ${v} (none)`,
  };
}

/** What a dropped row is called in notes: its id or name as typed, else null (the notes then give its row number). */
function rowLabel(r: RowRead): string | null {
  for (const key of ["name", "customer", "id", "loanId", "employeeId"]) {
    const v = r.values[key];
    if (typeof v === "string" && v !== "") return v;
  }
  return null;
}

function emptyData(): WorkbookData {
  const z = () => ({ managers: 0, loans: 0, customers: 0, errors: 0, warnings: 0 });
  return {
    managers: [],
    loans: [],
    customers: [],
    errors: [],
    warnings: [],
    tables: { managers: null, loans: null, customers: null, errors: null, warnings: null },
    invalidRows: z(),
    unreadable: {
      managers: new Map(),
      loans: new Map(),
      customers: new Map(),
      errors: new Map(),
      warnings: new Map(),
    },
    dropped: { managers: [], loans: [], customers: [], errors: [], warnings: [] },
    headerUnits: { managers: {}, loans: {}, customers: {}, errors: {}, warnings: {} },
    managerIds: [],
    issues: [],
  };
}

export interface ReadOptions {
  /**
   * Let go of each data row of the grid once it is read (the grid's rows below a table's header
   * become empty): a caller that reads a large workbook once — the CLI — then never holds a
   * 100,000-row ledger twice, as cells and as typed rows. Default false.
   */
  consumeGrid?: boolean;
}

/** Reads every input table of the workbook. Amounts are converted to 元 with `policy.amountUnit` unless a header states its unit. */
export function readWorkbook(
  grid: WorkbookGrid,
  policy: Policy,
  opts: ReadOptions = {}
): WorkbookData {
  const data = emptyData();
  const found = findTables(grid);
  const issues: Issue[] = [...found.issues];
  for (const id of TABLE_IDS) {
    const loc = found.locations[id];
    if (!loc || loc.missingRequired.length > 0) continue;
    const t = new Located(SCHEMA[id], loc);
    data.tables[id] = t.info();
    data.headerUnits[id] = t.units();
    const rows = readTable(t, policy, issues, opts.consumeGrid === true);
    const valid: Values[] = [];
    for (const r of rows) {
      if (r.fatal)
        data.dropped[id].push({ src: r.src, label: rowLabel(r), cells: r.bad, values: r.values });
      else {
        valid.push(r.values);
        if (r.bad.length > 0) data.unreadable[id].set(r.values, r.bad);
      }
    }
    data.invalidRows[id] = data.dropped[id].length + data.unreadable[id].size;
    if (id === "managers")
      data.managerIds = rows
        .map((r) => r.values.id)
        .filter((v): v is string => typeof v === "string");
    // The schema's keys are the row types' field names (schema.ts enforces it at compile time).
    (data[id] as unknown[]) = valid;
  }
  data.issues = sortIssues(issues, sheetNames(grid));
  return data;
}

/** The workbook's sheet names, in order (what {@link sortIssues} needs of it). */
export function sheetNames(grid: WorkbookGrid): string[] {
  return grid.sheets.map((s) => s.name);
}

/** Sorted by sheet (in the order of `sheets`; workbook-wide issues first), then row, then column; stable otherwise. */
export function sortIssues(issues: Issue[], sheets: readonly string[]): Issue[] {
  const order = new Map(sheets.map((s, i) => [s, i]));
  const key = (i: Issue): number[] => {
    const p = parseA1(i.cell);
    return [
      i.sheet === "" ? -1 : (order.get(i.sheet) ?? sheets.length),
      p ? p.row : -1,
      p ? p.col : -1,
    ];
  };
  return issues
    .map((issue, n) => ({ issue, n, k: key(issue) }))
    .sort((a, b) => {
      for (let i = 0; i < 3; i++) if (a.k[i] !== b.k[i]) return a.k[i] - b.k[i];
      return a.n - b.n;
    })
    .map((x) => x.issue);
}

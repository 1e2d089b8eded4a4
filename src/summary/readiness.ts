/**
 * Ready to summarize? (issue 15 item 3, WORKBOOK.md "The command line" rev 2): `validate` (and
 * the task pane's 校验) report everything `summarize` would report about the data — rows left
 * out of each summary, summaries skipped for a missing table or column, policy figures the data
 * needs but the 政策参数 sheet leaves unset — and end with ONE line: 可以汇总, or what must be
 * fixed first. {@link dataNotices} computes those notices once; summarize (build.ts) prints the
 * same ones. Pure.
 */
import type { Issue } from "../core/issues";
import type { Policy } from "../policy/types";
import { POLICY_SHEET } from "../policy/schema";
import type { WorkbookGrid } from "../core/grid";
import { SCHEMA, TABLE_IDS } from "../reader/schema";
import { validateWorkbookFull } from "../reader/validate";
import type { Validation, ValidateOptions } from "../reader/validate";
import { foundColumnsOfTables, summaryAvailability } from "./availability";
import { SUMMARIES } from "./common";
import type { SummaryId } from "./common";
import { summaryView } from "./leftOut";
import { readPrevious } from "../reader/previous";
import type { PreviousRead } from "../reader/previous";
import { sortIssues } from "../reader/read";
import { previousIssues } from "./lastYear";

/** Rule ids of the notices below (summarize prints its skipped summaries in its own lines: it leaves out SUMMARY.skipped). */
export const SKIPPED_RULE = "SUMMARY.skipped";
const LEFT_OUT_RULE = "SUMMARY.leftOut";
const UNSET_RULE = "POLICY.unset";

/** How many rows a left-out notice names (each summary's notes name every one). */
const NAMED_MAX = 10;

/** How many rows are left out of some summary (a bad cell, or a row not read at all). */
export function rowsLeftOut(v: Validation): number {
  return TABLE_IDS.reduce((n, t) => n + v.data.invalidRows[t], 0);
}

/** Policy figures the data needs that are unset (RULES.md POLICY: "every result that needs one says which is missing"). */
function unsetPolicyNotices(
  v: Validation,
  policy: Policy,
  available: (id: SummaryId) => boolean
): Issue[] {
  const out: Issue[] = [];
  const unset = (key: string, zh: string, en: string): Issue => ({
    sheet: POLICY_SHEET,
    cell: "",
    severity: "warning",
    rule: UNSET_RULE,
    message: `政策参数“${key}”未设置：${zh}`,
    messageEn: `${key} is not set: ${en}`,
  });
  if (policy.nplToleranceRatePct === null && available("grades")) {
    const credit = v.data.managers.filter(
      (m) => m.newNpl !== null || m.managedLoans !== null
    ).length;
    if (credit > 0) {
      out.push(
        unset(
          "不良容忍度",
          `有 ${credit} 名信贷客户经理，第十二条的新增不良率封顶将不适用（等级汇总）`,
          `${credit} credit CMs: the NPL-rate caps of Art. 12 will not be applied`
        )
      );
    }
  }
  if (policy.usdCnyRate === null && available("corporate")) {
    const withUsd = v.data.customers.filter(
      (c) => c.settlementUsd !== null && c.settlementUsd > 0
    ).length;
    if (withUsd > 0) {
      out.push(
        unset(
          "美元兑人民币汇率",
          `${withUsd} 个公司客户有国际结算额，四级的国际结算条件（以人民币计，第十一条）将无法判断`,
          `${withUsd} corporate customers have settlements: the 四级 settlement condition (in yuan, Art. 11) cannot be judged`
        )
      );
    }
  }
  return out;
}

/**
 * The notices summarize gives about the data, besides the validation issues: per summary the
 * rows it will leave out (names and cells), the summaries skipped and why, the unset policy
 * figures the data needs. `addedColumns`: the 客户经理 columns absent this year that last year's
 * tables fill in (src/summary/lastYear.ts).
 */
export function dataNotices(
  v: Validation,
  only?: readonly SummaryId[],
  addedColumns: readonly string[] = []
): Issue[] {
  // (issue 18) 客户经理 columns absent but filled from last year's tables count as found (as in build.ts)
  const found = foundColumnsOfTables(v.data.tables);
  if (found.managers && addedColumns.length > 0)
    found.managers = new Set([...found.managers, ...addedColumns]);
  const availability = summaryAvailability(found);
  const wanted = SUMMARIES.filter(
    (s) => s.id !== "issues" && (only ? only.includes(s.id) : !s.optIn)
  );
  const out: Issue[] = [];
  for (const s of wanted) {
    const a = availability[s.id];
    if (!a.available) {
      out.push({
        sheet: "",
        cell: "",
        severity: "info",
        rule: SKIPPED_RULE,
        message: `将跳过“${s.name}”：${a.reasonZh}`,
        messageEn: `${s.titleEn} will be skipped: ${a.reasonEn}`,
      });
      continue;
    }
    // a summary made from others leaves out the rows its sources leave out: said by them
    const left = s.derived ? [] : summaryView(s.id, v.data).leftOut;
    if (left.length === 0) continue;
    const who = left
      .slice(0, NAMED_MAX)
      .map(
        (l) => `${l.label ?? `第 ${l.src.row + 1} 行`}（${l.cells.map((c) => c.cell).join("、")}）`
      );
    if (left.length > NAMED_MAX)
      who.push(`等（其余 ${left.length - NAMED_MAX} 行见各汇总表的说明）`);
    const tables = [...new Set(left.map((l) => SCHEMA[l.table].zh))].join("、");
    out.push({
      sheet: left[0].src.sheet,
      cell: "",
      severity: "info",
      rule: LEFT_OUT_RULE,
      message: `“${s.name}”将不计入${tables} ${left.length} 行：${who.join("、")}`,
      messageEn: `${s.titleEn} will leave out ${left.length} row${left.length > 1 ? "s" : ""}: ${who.join(", ")}`,
    });
  }
  out.push(
    ...unsetPolicyNotices(
      v,
      v.policy,
      (id) => availability[id].available && (!only || only.includes(id))
    )
  );
  return out;
}

export interface ReadyLine {
  /** no row is left out of any summary */
  ready: boolean;
  zh: string;
  en: string;
}

/** The final line: 可以汇总, or what must be fixed first (rows left out; then unset figures and skipped summaries). */
export function readyLine(v: Validation, notices: readonly Issue[]): ReadyLine {
  const rows = rowsLeftOut(v);
  const errors = v.issues.filter((i) => i.severity === "error").length;
  if (rows > 0) {
    return {
      ready: false,
      zh: `先更正数据错误再汇总：${rows} 行有无法读取的单元格（共 ${errors} 处错误，见上），汇总时这些行不计入需要该列的汇总表`,
      en:
        `fix the data errors first: ${rows} rows have cells that cannot be read (${errors} errors, ` +
        `listed above); summarize would leave them out of the summaries that need those columns`,
    };
  }
  const unset = notices
    .filter((i) => i.rule === UNSET_RULE)
    .map((i) => i.message.replace(/^政策参数“([^”]+)”.*$/, "$1"));
  const skipped = notices.filter((i) => i.rule === SKIPPED_RULE).length;
  const but: string[] = [];
  const butEn: string[] = [];
  if (errors > 0) {
    but.push(`请先核对上面的 ${errors} 处错误（未使任何行不计入）`);
    butEn.push(`check the ${errors} errors above (they leave no row out)`);
  }
  if (unset.length > 0) {
    but.push(`建议先在政策参数表设置 ${unset.join("、")}`);
    butEn.push(`set ${unset.join(", ")} in the policy sheet first`);
  }
  if (skipped > 0) {
    but.push(`${skipped} 个汇总表将跳过（见上）`);
    butEn.push(`${skipped} summaries will be skipped (see above)`);
  }
  return but.length === 0
    ? { ready: true, zh: "可以汇总", en: "ready to summarize" }
    : {
        ready: true,
        zh: `可以汇总；但${but.join("；")}`,
        en: `ready to summarize; but ${butEn.join("; ")}`,
      };
}

export interface Check extends Validation {
  ready: ReadyLine;
}

export interface CheckOptions extends ValidateOptions {
  /**
   * (issue 18) last year's 汇总 file (validate --previous), read with the policy the workbook is
   * checked with; default: the workbook's 上年… sheets
   */
  previous?: (policy: Policy) => PreviousRead;
}

/**
 * Validation + the notices summarize would give + the ready line: what `validate` and the pane's
 * 校验 show. (issue 18) With last year's tables (the workbook's 上年… sheets, or `opts.previous`)
 * the PREV.* issues summarize gives too (lastYear.ts `previousIssues`); they never change the ready line.
 */
export function checkWorkbook(grid: WorkbookGrid, policy?: Policy, opts: CheckOptions = {}): Check {
  const v = validateWorkbookFull(grid, policy, opts);
  const inWorkbook = readPrevious(grid, v.policy, { inWorkbook: true });
  const prev = previousIssues(v.data, inWorkbook, opts.previous?.(v.policy) ?? null);
  if (prev.issues.length === 0 && prev.addedColumns.length === 0) return withReadiness(v);
  return withReadiness(
    { ...v, issues: sortIssues([...v.issues, ...prev.issues], v.sheetNames) },
    prev.addedColumns
  );
}

/** {@link checkWorkbook} on a workbook already validated. */
function withReadiness(v: Validation, addedColumns: readonly string[] = []): Check {
  const notices = dataNotices(v, undefined, addedColumns);
  return { ...v, issues: [...v.issues, ...notices], ready: readyLine(v, notices) };
}

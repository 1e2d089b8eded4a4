/**
 * The summaries of rule set A (credit CMs): 等级汇总, 末位名单, 退休买断 — built together since
 * they share the roster and the responsible NPL. Pure.
 */
import { whatIfInputs } from "../rules/a/whatif";
import type { WorkbookData } from "../reader/read";
import { creditRosterStream } from "../rules/a/assess";
import type { CreditRosterOptions } from "../rules/a/assess";
import { disqualifyingItemsByManager } from "../rules/a/exit";
import { responsibleNplBalances } from "../rules/a/npl";
import { buildBottomSummary, nplLoanIssues } from "./bottom";
import { buildBuyoutSummary } from "./buyout";
import { buildExitPaySummary } from "./exitPay";
import type { BuiltSummary, SummaryContext } from "./common";
import { buildGradesSummary } from "./grades";

export interface CreditContexts {
  /** null = not wanted or not available */
  grades: SummaryContext | null;
  bottom: SummaryContext | null;
  buyout: SummaryContext | null;
  /** 离岗待遇 (A10b) */
  exitPay?: SummaryContext | null;
}

/**
 * What A8 knows beyond the rows (rev 2): the 客户经理 columns present (an absent exit column means
 * "cannot be judged") and rule set C's ✕ items per CM of the year (no 差错记录 table: cannot be judged).
 */
function rosterOptions(data: WorkbookData, policy: SummaryContext["policy"]): CreditRosterOptions {
  const cols = data.tables.managers?.columns;
  return {
    present: new Set(cols ? Object.keys(cols) : []),
    disqualifyingItems: data.tables.errors
      ? disqualifyingItemsByManager(data.errors, policy)
      : null,
  };
}

export function buildCreditSummaries(data: WorkbookData, ctx: CreditContexts): BuiltSummary[] {
  const out: BuiltSummary[] = [];
  if (ctx.grades) {
    const roster = creditRosterStream(
      data.managers,
      ctx.grades.policy,
      rosterOptions(data, ctx.grades.policy)
    );
    const grades = buildGradesSummary(roster, data.managers, ctx.grades);
    // (issue 18) the pane's what-if: each CM's figures and the rest of his group, with the steps
    if (ctx.grades.keepSteps !== false) grades.whatIf = whatIfInputs(data.managers, roster.peers);
    out.push(grades);
  }
  const nplCtx = ctx.bottom ?? ctx.buyout ?? ctx.exitPay;
  if (nplCtx) {
    const npl = responsibleNplBalances(data.loans, nplCtx.policy);
    if (ctx.bottom) out.push(buildBottomSummary(npl, data.managers, ctx.bottom));
    if (ctx.buyout) out.push(buildBuyoutSummary(data.managers, data.loans, ctx.buyout));
    if (ctx.exitPay)
      out.push(
        buildExitPaySummary(
          data.managers,
          npl,
          rosterOptions(data, ctx.exitPay.policy),
          ctx.exitPay
        )
      );
    // the loans A6 could not decide: reported once, with the first of the summaries that use A6
    const first = out.find((b) => b.id === "bottom" || b.id === "buyout" || b.id === "exitPay");
    if (first) first.issues.push(...nplLoanIssues(npl, data.loans));
  }
  return out;
}

/**
 * The summaries of rule set A (credit CMs): 等级汇总, 末位名单, 退休买断 — built together since
 * they share the roster and the responsible NPL. Pure.
 */
import type { WorkbookData } from "../reader/read";
import { assessCreditManagers } from "../rules/a/assess";
import type { BuiltSummary, SummaryContext } from "./common";
import { buildGradesSummary } from "./grades";

export interface CreditContexts {
  /** null = not wanted or not available */
  grades: SummaryContext | null;
  bottom: SummaryContext | null;
  buyout: SummaryContext | null;
}

export function buildCreditSummaries(data: WorkbookData, ctx: CreditContexts): BuiltSummary[] {
  const out: BuiltSummary[] = [];
  if (ctx.grades) {
    const roster = assessCreditManagers(data.managers, ctx.grades.policy);
    out.push(buildGradesSummary(roster, data.managers, ctx.grades));
  }
  return out;
}

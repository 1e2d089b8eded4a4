/**
 * Explanations: every result of a rule carries the steps that produced it — the inputs used,
 * the article applied, each cap and interpretation — as structured data. Text is made from it
 * by one formatter (src/rules/explain.ts), in Chinese or English.
 */

/** Rule set of RULES.md: A (000 篇9), B (002), C (003), D (004 篇8); P = the policy itself. */
export type RuleSource = "A" | "B" | "C" | "D" | "P";

export type StepKind =
  /** an input figure the result used */
  | "input"
  /** an intermediate or final computation */
  | "calc"
  /** a cap or limit that changed the result */
  | "cap"
  /** an interpretation of RULES.md marked **Interpretation** */
  | "interpretation"
  /** something the user should know: a policy figure unset, a rule not applied */
  | "warning"
  /** the final result */
  | "result";

export type Param = string | number | boolean | null;

export interface ExplainStep {
  kind: StepKind;
  source: RuleSource;
  /** e.g. "第十条", "第十一条 2"; empty when none */
  article: string;
  /** message code in the rule set's catalogue (src/rules/messages) */
  code: string;
  params: Record<string, Param>;
}

export function step(
  kind: StepKind,
  source: RuleSource,
  article: string,
  code: string,
  params: Record<string, Param> = {}
): ExplainStep {
  return { kind, source, article, code, params };
}

export type Lang = "zh" | "en";

/** A message template per language; {name} is replaced by the step's param. */
export type MessageCatalog = Record<string, { zh: string; en: string }>;

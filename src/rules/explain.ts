/**
 * The one formatter of explanations: structured steps → text in Chinese or English.
 * Message templates live per rule set in ./messages; this file only renders them.
 */
import type { ExplainStep, Lang, MessageCatalog, Param, RuleSource } from "../core/explain";
import { CATALOG } from "./messages";

export const SOURCE_TITLES: Record<RuleSource, { zh: string; en: string }> = {
  A: { zh: "《银行客户经理及不良贷款管理办法》", en: "Measures for Credit CMs and NPLs" },
  B: { zh: "《银行客户经理等级管理办法》", en: "Measures for CM Grade Management" },
  C: { zh: "《非业绩指标“差错积分”考核标准》", en: "Error-point assessment standard" },
  D: { zh: "《贷款风险预警制度》", en: "Loan risk-warning rules" },
  P: { zh: "政策参数", en: "Policy parameters" },
};

function fmtParam(v: Param, lang: Lang): string {
  if (v === null) return lang === "zh" ? "（空）" : "(blank)";
  if (typeof v === "boolean") return lang === "zh" ? (v ? "是" : "否") : v ? "yes" : "no";
  return String(v);
}

export function renderTemplate(tpl: string, params: Record<string, Param>, lang: Lang): string {
  return tpl.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? fmtParam(params[k], lang) : m));
}

/** One step as a line: "[第十条] 总分 89.99 → 二级". */
export function renderStep(s: ExplainStep, lang: Lang = "zh", catalog: MessageCatalog = CATALOG): string {
  const msg = catalog[s.code];
  const body = msg ? renderTemplate(msg[lang], s.params, lang) : `${s.code} ${JSON.stringify(s.params)}`;
  if (!s.article) return body;
  const art = lang === "zh" ? `${s.article}` : `${s.source} ${s.article}`;
  return `[${art}] ${body}`;
}

/** All steps, one per line (or joined with a separator for a single cell). */
export function renderSteps(steps: ExplainStep[], lang: Lang = "zh", sep = "\n"): string {
  return steps.map((s) => renderStep(s, lang)).join(sep);
}

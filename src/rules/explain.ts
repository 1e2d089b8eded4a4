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

/** A template split once into its literal text and its {name} slots: [text, name, text, name, …, text]. */
const compiled = new Map<string, string[]>();

function partsOf(tpl: string): string[] {
  let parts = compiled.get(tpl);
  if (parts === undefined) {
    parts = tpl.split(/\{(\w+)\}/);
    compiled.set(tpl, parts);
  }
  return parts;
}

function renderTemplate(tpl: string, params: Record<string, Param>, lang: Lang): string {
  const parts = partsOf(tpl);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i];
    out += (k in params ? fmtParam(params[k], lang) : `{${k}}`) + parts[i + 1];
  }
  return out;
}

/** One step as a line: "[第十条] 总分 89.99 → 二级". */
export function renderStep(
  s: ExplainStep,
  lang: Lang = "zh",
  catalog: MessageCatalog = CATALOG
): string {
  const msg = catalog[s.code];
  const body = msg
    ? renderTemplate(msg[lang], s.params, lang)
    : `${s.code} ${JSON.stringify(s.params)}`;
  if (!s.article) return body;
  const art = lang === "zh" ? `${s.article}` : `${s.source} ${s.article}`;
  return `[${art}] ${body}`;
}

/** All steps, one per line (or joined with a separator for a single cell). */
export function renderSteps(steps: ExplainStep[], lang: Lang = "zh", sep = "\n"): string {
  // join makes one flat string (the text is kept and written later: no rope of pieces)
  return steps.map((s) => renderStep(s, lang)).join(sep);
}

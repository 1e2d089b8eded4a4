/**
 * Checks of policy values, shared by the 政策参数 sheet reader, the --policy JSON override
 * and the task pane:
 * - {@link parseParamValue}: one raw value (a cell, a JSON value, a text box) → the typed value
 *   of its parameter, with its range; a figure that looks mistyped (1.2% typed as 120) names the
 *   value the user probably meant;
 * - {@link validatePolicy}: a whole policy — every value of the right type and range, and the
 *   thresholds that must be ordered (grade minima descending, bands and buckets ascending …).
 */
import { yearOf } from "../core/dates";
import { dec } from "../core/money";
import { isBlank, parseDate, parseEnum, parseNumber, parseText, parseYear } from "../core/parse";
import { toHalfWidth } from "../core/text";
import type { Issue, Severity } from "../core/issues";
import {
  getParam,
  paramByPath,
  POLICY_SCHEMA,
  POLICY_SHEET,
  setParam as setParamValue,
  type ParamDef,
} from "./schema";
import { CREDIT_GRADES } from "./types";
import type { Policy } from "./types";

export type ParamParsed =
  | { ok: true; value: unknown; warning?: { zh: string; en: string } }
  | { ok: false; severity: Severity; zh: string; en: string };

/** An issue of a policy, with the parameter keys it concerns (the reader turns them into cells). */
export interface PolicyIssue extends Issue {
  keys: string[];
}

function fmt(v: number): string {
  return String(Number(v.toPrecision(12)));
}

function bad(zh: string, en: string, severity: Severity = "error"): ParamParsed {
  return { ok: false, severity, zh, en };
}

function rangeText(d: ParamDef): { zh: string; en: string } {
  const lo = d.min !== undefined ? fmt(d.min) : "";
  const hi = d.max !== undefined ? fmt(d.max) : "";
  if (lo && hi) return { zh: `${lo}–${hi}`, en: `${lo}–${hi}` };
  if (lo) return { zh: `不小于 ${lo}`, en: `at least ${lo}` };
  return { zh: `不大于 ${hi}`, en: `at most ${hi}` };
}

function unitText(d: ParamDef): string {
  return d.unit ? `（${d.unit}）` : "";
}

/** A text that ends with % (percent sign, full-width too). */
function percentText(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  const s = toHalfWidth(raw).trim();
  return s.endsWith("%") ? s.slice(0, -1).trim() : null;
}

/** "100万" / "100万元" → 1,000,000 (amounts are in 元). */
function wanText(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  const s = toHalfWidth(raw).trim().replace(/\s+/g, "");
  const m = /^(.*?)万元?$/.exec(s);
  return m ? m[1] : null;
}

function parseNumeric(
  d: ParamDef,
  raw: unknown
): { ok: true; value: number } | { ok: false; zh: string; en: string } {
  if (d.type === "percent") return parseNumber(raw, { percent: true });
  if (d.type === "fraction") {
    const pct = percentText(raw);
    if (pct !== null) {
      const p = parseNumber(pct);
      return p.ok ? { ok: true, value: dec(p.value).div(100).toNumber() } : p;
    }
    return parseNumber(raw);
  }
  if (d.type === "amount") {
    const wan = wanText(raw);
    if (wan !== null) {
      const p = parseNumber(wan);
      return p.ok ? { ok: true, value: dec(p.value).times(10000).toNumber() } : p;
    }
    return parseNumber(raw, { unit: "元" });
  }
  return parseNumber(raw);
}

/** Range and typical-range check of a number already parsed. */
function checkNumber(d: ParamDef, v: number): ParamParsed {
  const label = `参数“${d.key}”`;
  if (d.type === "int" && !Number.isInteger(v))
    return bad(
      `${label}应为整数，实为 ${fmt(v)}`,
      `${d.key} must be a whole number, got ${fmt(v)}`
    );
  const out = (d.min !== undefined && v < d.min) || (d.max !== undefined && v > d.max);
  const guess = d.hint ? d.hint(v) : null;
  if (out) {
    const r = rangeText(d);
    if (guess !== null && d.typical) {
      return bad(
        `${label}的值 ${fmt(v)} 超出范围 ${r.zh}${unitText(d)}，可能应为 ${fmt(guess)}${d.type === "percent" ? `（即 ${fmt(guess)}%）` : ""}；此值未采用，请更正`,
        `${d.key} = ${fmt(v)} is outside ${r.en} ${d.unit}; probably ${fmt(guess)} was meant; the value is not used, please correct it`,
        "warning"
      );
    }
    let extra = { zh: "", en: "" };
    if (d.type === "fraction" && v > 1 && v <= 100)
      extra = {
        zh: `；若指 ${fmt(v)}%，请填 ${fmt(v / 100)} 或 ${fmt(v)}%`,
        en: `; for ${fmt(v)}% enter ${fmt(v / 100)} or ${fmt(v)}%`,
      };
    return bad(
      `${label}的值 ${fmt(v)} 超出范围 ${r.zh}${unitText(d)}${extra.zh}`,
      `${d.key} = ${fmt(v)} is outside ${r.en} ${d.unit}${extra.en}`
    );
  }
  if (d.typical && (v < d.typical.min || v > d.typical.max)) {
    const t = `${fmt(d.typical.min)}–${fmt(d.typical.max)}`;
    const g =
      guess !== null
        ? { zh: `，是否应为 ${fmt(guess)}？`, en: `; did you mean ${fmt(guess)}?` }
        : { zh: "，请核对", en: "; please check" };
    return {
      ok: true,
      value: v,
      warning: {
        zh: `${label}的值 ${fmt(v)} 不在常见范围 ${t}${unitText(d)}内${g.zh}`,
        en: `${d.key} = ${fmt(v)} is outside the usual ${t} ${d.unit}${g.en}`,
      },
    };
  }
  return { ok: true, value: v };
}

function splitList(raw: unknown): unknown[] {
  if (Array.isArray(raw)) return raw;
  if (typeof raw !== "string") return [raw];
  return toHalfWidth(raw)
    .split(/[、,;/\s]+/)
    .filter((s) => s !== "");
}

function parseEnumValue(d: ParamDef, raw: unknown): ParamParsed {
  const accepted = Object.fromEntries((d.enumValues ?? []).map((v) => [v, [] as string[]]));
  const label = `参数“${d.key}”`;
  if (d.multi) {
    const parts = splitList(raw);
    const out: string[] = [];
    for (const part of parts) {
      const p = parseEnum(part, accepted);
      if (!p.ok) return bad(`${label}：${p.zh}`, `${d.key}: ${p.en}`);
      if (!out.includes(p.value)) out.push(p.value);
    }
    if (out.length === 0) return bad(`${label}不能为空`, `${d.key} must not be blank`);
    return { ok: true, value: (d.enumValues ?? []).filter((v) => out.includes(v)) };
  }
  const p = parseEnum(raw, accepted);
  return p.ok ? { ok: true, value: p.value } : bad(`${label}：${p.zh}`, `${d.key}: ${p.en}`);
}

/**
 * One raw value (a sheet cell, a JSON value, the text of an input) → the typed value of the
 * parameter. Blank → null when the parameter may be unset, else an error. Never 0 for text.
 */
export function parseParamValue(d: ParamDef, raw: unknown): ParamParsed {
  const label = `参数“${d.key}”`;
  if (isBlank(raw) || (Array.isArray(raw) && raw.length === 0 && !d.multi)) {
    return d.nullable
      ? { ok: true, value: null }
      : bad(`${label}不能为空`, `${d.key} must not be blank`);
  }
  switch (d.type) {
    case "int":
    case "number":
    case "percent":
    case "fraction":
    case "amount": {
      const p = parseNumeric(d, raw);
      if (!p.ok) return bad(`${label}：${p.zh}`, `${d.key}: ${p.en}`);
      return checkNumber(d, p.value);
    }
    case "year": {
      const p = parseYear(raw);
      if (!p.ok) return bad(`${label}：${p.zh}`, `${d.key}: ${p.en}`);
      return checkNumber(d, p.value);
    }
    case "date": {
      const p = parseDate(raw);
      return p.ok ? { ok: true, value: p.value } : bad(`${label}：${p.zh}`, `${d.key}: ${p.en}`);
    }
    case "enum":
      return parseEnumValue(d, raw);
    case "text": {
      const p = parseText(raw);
      if (!p.ok) return bad(`${label}：${p.zh}`, `${d.key}: ${p.en}`);
      return p.value === ""
        ? bad(`${label}不能为空`, `${d.key} must not be blank`)
        : { ok: true, value: p.value };
    }
  }
}

/** A typed value (as held in a Policy) checked against its parameter. */
function checkTypedValue(d: ParamDef, v: unknown): ParamParsed {
  if (v === null || v === undefined) return parseParamValue(d, null);
  const numeric = ["int", "number", "percent", "fraction", "amount", "year"].includes(d.type);
  if (numeric) {
    if (typeof v !== "number" || !Number.isFinite(v))
      return bad(`参数“${d.key}”应为数值`, `${d.key} must be a number`);
    return checkNumber(d, v);
  }
  if (d.type === "date") {
    if (typeof v !== "string") return bad(`参数“${d.key}”应为日期`, `${d.key} must be a date`);
    const p = parseDate(v);
    if (!p.ok || p.value !== v)
      return bad(
        `参数“${d.key}”应为 yyyy-mm-dd 日期：${v}`,
        `${d.key} must be a yyyy-mm-dd date: ${v}`
      );
    return { ok: true, value: v };
  }
  if (d.type === "enum" && d.multi && !Array.isArray(v))
    return bad(`参数“${d.key}”应为列表`, `${d.key} must be a list`);
  if (d.type === "enum" && !d.multi && typeof v !== "string")
    return bad(`参数“${d.key}”应为文本`, `${d.key} must be text`);
  return parseParamValue(d, v);
}

// ---------------------------------------------------------------------------
// whole-policy checks

function issue(
  severity: Severity,
  keys: string[],
  zh: string,
  en: string,
  rule = "POLICY.order"
): PolicyIssue {
  return { sheet: POLICY_SHEET, cell: "", severity, rule, message: zh, messageEn: en, keys };
}

function keyOf(path: string): string {
  const d = paramByPath(path);
  if (!d) throw new Error(`policy schema has no entry for ${path}`);
  return d.key;
}

function strictlyAscending(xs: number[]): boolean {
  return xs.every((x, i) => i === 0 || x > xs[i - 1]);
}

function nonIncreasing(xs: number[]): boolean {
  return xs.every((x, i) => i === 0 || x <= xs[i - 1]);
}

function clampChecks(
  p: Policy,
  name: { zh: string; en: string },
  base: string,
  min: string,
  max: string
): PolicyIssue[] {
  const a = p.a as unknown as Record<string, number | null>;
  const lo = a[min],
    hi = a[max],
    b = a[base];
  const out: PolicyIssue[] = [];
  const keys = [keyOf(`a.${min}`), keyOf(`a.${max}`)];
  if (lo !== null && hi !== null && lo > hi) {
    out.push(
      issue(
        "error",
        keys,
        `${name.zh}：最低分 ${lo} 高于最高分 ${hi}（${keys.join("、")}）`,
        `${name.en}: minimum ${lo} above maximum ${hi}`
      )
    );
  } else if (b !== null && ((lo !== null && b < lo) || (hi !== null && b > hi))) {
    out.push(
      issue(
        "warning",
        [keyOf(`a.${base}`)],
        `${name.zh}：基础分 ${b} 不在最低分与最高分之间`,
        `${name.en}: base ${b} is not between the minimum and maximum`
      )
    );
  }
  return out;
}

function gradeChecks(p: Policy): PolicyIssue[] {
  const out: PolicyIssue[] = [];
  const g = p.a.grades;
  const minKeys = g.map((_, i) => keyOf(`a.grades.${i}.minScore`));
  if (!strictlyAscending(g.map((x) => -x.minScore))) {
    out.push(
      issue(
        "error",
        minKeys,
        `各等级最低分须从高到低排列（${g.map((x) => `${x.grade} ${x.minScore}`).join("、")}）`,
        `Grade minimum scores must descend (${g.map((x) => `${x.grade} ${x.minScore}`).join(", ")})`
      )
    );
  }
  if (!nonIncreasing(g.map((x) => x.wageCoefficient))) {
    out.push(
      issue(
        "warning",
        g.map((_, i) => keyOf(`a.grades.${i}.wageCoefficient`)),
        "较高等级的工资系数低于较低等级，请核对",
        "A higher grade has a lower wage coefficient; please check"
      )
    );
  }
  if (
    CREDIT_GRADES.indexOf(p.a.capFarOverTolerance) < CREDIT_GRADES.indexOf(p.a.capOverTolerance)
  ) {
    out.push(
      issue(
        "warning",
        [keyOf("a.capFarOverTolerance")],
        "远超容忍度的封顶等级高于超容忍度的封顶等级，前者不起作用",
        "The far-over-tolerance cap is above the over-tolerance cap and never applies"
      )
    );
  }
  return out;
}

function bandChecks(p: Policy): PolicyIssue[] {
  const out: PolicyIssue[] = [];
  const bands = p.a.overTolBands;
  if (!strictlyAscending(bands.map((b) => b.maxOver))) {
    out.push(
      issue(
        "error",
        bands.map((_, i) => keyOf(`a.overTolBands.${i}.maxOver`)),
        `超容忍度各档上限须从小到大（${bands.map((b) => b.maxOver).join("、")}）`,
        `Over-tolerance band bounds must ascend (${bands.map((b) => b.maxOver).join(", ")})`
      )
    );
  }
  const shares = [...bands.map((b) => b.share), p.a.overTolBeyondShare];
  if (!nonIncreasing(shares)) {
    out.push(
      issue(
        "warning",
        [...bands.map((_, i) => keyOf(`a.overTolBands.${i}.share`)), keyOf("a.overTolBeyondShare")],
        "超容忍度越多，绩效比例反而越高，请核对",
        "A higher over-tolerance band has a higher pay share; please check"
      )
    );
  }
  const buckets = p.a.buyoutBuckets;
  if (!strictlyAscending(buckets.map((b) => b.lastYear))) {
    out.push(
      issue(
        "error",
        buckets.map((_, i) => keyOf(`a.buyoutBuckets.${i}.lastYear`)),
        `买断各档截止年份须递增（${buckets.map((b) => b.lastYear).join("、")}）`,
        `Buyout bucket years must ascend (${buckets.map((b) => b.lastYear).join(", ")})`
      )
    );
  }
  return out;
}

function annualCompChecks(p: Policy): PolicyIssue[] {
  const out: PolicyIssue[] = [];
  const { annualCompFirstYear: first, annualCompRatios: ratios } = p.a;
  // (rev 2) every formation year from the first on is covered (annualCompLastYear only splits the base)
  for (const y of Object.keys(ratios)) {
    if (+y < first) {
      const d = paramByPath(`a.annualCompRatios.${y}`);
      out.push(
        issue(
          "warning",
          d ? [d.key] : [],
          `${y} 年的补偿比例早于年度补偿起始年份 ${first}，不会使用`,
          `The ratio for ${y} is before the first year ${first} and is not used`
        )
      );
    }
  }
  return out;
}

const LEVEL_ORDERED = ["exclusionLine", "depositMin", "loanMin", "newDepositMin"] as const;

function levelChecks(p: Policy): PolicyIssue[] {
  const out: PolicyIssue[] = [];
  const lv = p.b.levels;
  for (const f of LEVEL_ORDERED) {
    if (!nonIncreasing(lv.map((l) => l[f]))) {
      out.push(
        issue(
          "warning",
          lv.map((_, i) => keyOf(`b.levels.${i}.${f}`)),
          `公司客户经理各等级的“${keyOf(`b.levels.0.${f}`).split(".").pop()}”应从高级到四级不增，请核对`,
          `B level thresholds (${f}) should not rise from 高级 down to 四级; please check`
        )
      );
    }
  }
  lv.forEach((l, i) => {
    if (l.depositOneMin !== null && l.depositOneMin > l.depositMin) {
      out.push(
        issue(
          "warning",
          [keyOf(`b.levels.${i}.depositOneMin`)],
          `${l.level}单户日均存款下限高于合计下限，请核对`,
          `${l.level}: one-customer deposit threshold above the total; please check`
        )
      );
    }
    if (l.loanOneMin !== null && l.loanOneMin > l.loanMin) {
      out.push(
        issue(
          "warning",
          [keyOf(`b.levels.${i}.loanOneMin`)],
          `${l.level}单户日均贷款下限高于合计下限，请核对`,
          `${l.level}: one-customer loan threshold above the total; please check`
        )
      );
    }
  });
  return out;
}

function otherChecks(p: Policy): PolicyIssue[] {
  const out: PolicyIssue[] = [];
  if (p.d.midAmount >= p.d.largeAmount) {
    out.push(
      issue(
        "error",
        [keyOf("d.midAmount"), keyOf("d.largeAmount")],
        `预警中额起点 ${p.d.midAmount} 须小于大额起点 ${p.d.largeAmount}`,
        `The middle amount ${p.d.midAmount} must be below the large amount ${p.d.largeAmount}`
      )
    );
  }
  if (p.b.passLineTrainee > p.b.passLineOther) {
    out.push(
      issue(
        "warning",
        [keyOf("b.passLineTrainee"), keyOf("b.passLineOther")],
        "见习及格线高于其他等级及格线，请核对",
        "The trainee pass line is above the other levels'; please check"
      )
    );
  }
  const extra = p.a.nplClasses.filter((c) => c === "正常" || c === "关注");
  if (extra.length > 0) {
    out.push(
      issue(
        "warning",
        [keyOf("a.nplClasses")],
        `责任不良的五级分类含 ${extra.join("、")}（第四十条为次级、可疑、损失），请核对`,
        `Responsible NPL classes include ${extra.join(", ")} (art. 40 names the last three classes); please check`
      )
    );
  }
  if (
    typeof p.assessmentDate === "string" &&
    /^\d{4}-/.test(p.assessmentDate) &&
    yearOf(p.assessmentDate) !== p.year
  ) {
    out.push(
      issue(
        "warning",
        ["评定日期"],
        `评定日期 ${p.assessmentDate} 不在年度 ${p.year} 内，请核对`,
        `The assessment date ${p.assessmentDate} is not in the year ${p.year}; please check`
      )
    );
  }
  return out;
}

/**
 * Every check of a whole policy: each parameter's type and range (rule POLICY.type /
 * POLICY.range, or POLICY.scale for a likely mistyped figure), then the ordered thresholds
 * (POLICY.order). Errors mean the policy must not be used as it is.
 */
export function validatePolicy(p: Policy): PolicyIssue[] {
  const out: PolicyIssue[] = [];
  for (const d of POLICY_SCHEMA) {
    const r = checkTypedValue(d, getParam(p, d));
    // a value held in the policy that is out of range is an error, even when it looks mistyped
    if (!r.ok) out.push(issue("error", [d.key], r.zh, r.en, "POLICY.value"));
    else if (r.warning)
      out.push(issue("warning", [d.key], r.warning.zh, r.warning.en, "POLICY.scale"));
  }
  // cross checks need well-typed figures
  if (out.some((i) => i.severity === "error")) return out;
  out.push(
    ...gradeChecks(p),
    ...clampChecks(
      p,
      { zh: "贷款笔数得分", en: "Loan count points" },
      "countBase",
      "countMin",
      "countMax"
    ),
    ...clampChecks(
      p,
      { zh: "利息收入得分", en: "Interest income points" },
      "incomeBase",
      "incomeMin",
      "incomeMax"
    ),
    ...clampChecks(
      p,
      { zh: "贷款质量得分", en: "Loan quality points" },
      "qualityBase",
      "qualityMin",
      "qualityMax"
    ),
    ...bandChecks(p),
    ...annualCompChecks(p),
    ...levelChecks(p),
    ...otherChecks(p)
  );
  return out;
}

// ---------------------------------------------------------------------------
// editing (the task pane): every parameter as the text of an input, and back

/** The text an input shows for a typed value; unset → "". */
export function paramText(d: ParamDef, v: unknown): string {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.join("、");
  return String(v);
}

/** key → text of every parameter of a policy. */
export type PolicyDraft = Record<string, string>;

export function draftOf(p: Policy): PolicyDraft {
  return Object.fromEntries(POLICY_SCHEMA.map((d) => [d.key, paramText(d, getParam(p, d))]));
}

export interface DraftCheck {
  /** the policy of the draft (fields in error keep the base's value); null while any error remains */
  policy: Policy | null;
  /** key → message (errors, also cross-check errors on every key they name) */
  errors: Record<string, { zh: string; en: string }>;
  /** key → message (unusual values, orders to check) */
  warnings: Record<string, { zh: string; en: string }>;
}

/**
 * Parses every text of a draft over `base` (the same parsing as a sheet cell), then the whole
 * policy's cross checks. 年度 stays the base's (the page switches years rather than editing it).
 */
export function checkDraft(draft: PolicyDraft, base: Policy): DraftCheck {
  const p: Policy = JSON.parse(JSON.stringify(base)) as Policy;
  const errors: DraftCheck["errors"] = {};
  const warnings: DraftCheck["warnings"] = {};
  for (const d of POLICY_SCHEMA) {
    if (d.path[0] === "year") continue;
    const text = draft[d.key] ?? paramText(d, getParam(base, d));
    const r = parseParamValue(d, text);
    if (!r.ok) errors[d.key] = { zh: r.zh, en: r.en };
    else {
      setParamValue(p, d, r.value);
      if (r.warning) warnings[d.key] = r.warning;
    }
  }
  if (Object.keys(errors).length === 0) {
    for (const i of validatePolicy(p)) {
      if (i.rule === "POLICY.scale") continue;
      const target = i.severity === "error" ? errors : warnings;
      for (const k of i.keys) target[k] ??= { zh: i.message, en: i.messageEn ?? i.message };
    }
  }
  return { policy: Object.keys(errors).length === 0 ? p : null, errors, warnings };
}

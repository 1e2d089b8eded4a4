/**
 * Issue 18 item 2 (RULES.md B2, 002 第十一条): for a corporate CM, the level one above his
 * current one (见习 → 四级 … 一级 → 高级) and, per condition of that level, what is missing:
 *
 * - a, b, d: how much the total over the counted customers (daily average deposit ≥ the level's
 *   exclusion line) is short, and where the level asks for one customer ≥ a minimum, how much the
 *   largest counted customer is short — 元, to 0.01 rounded up (one 分 less does not reach it);
 * - c: the international settlement short, USD to 0.01 rounded up (a level stated in 元 — 四级 —
 *   is converted with the policy's USD→CNY rate; unset → cannot be told);
 * - how many of a–d are still needed (the level's "conditions needed" minus those met);
 * - condition (2): the customers with 后三类/欠息/垫款, the normal-class share that must rise above
 *   last year's, or the column that is blank;
 * - tenure (素质要求): the years short (连续营销年限 column), or the months until 首次任职日期 + the
 *   required years (the day it is reached).
 *
 * Every figure comes from the policy (via {@link checkLevel}); the conditions are the levels
 * code's own (a check is never recomputed here). Only B2 is described: a 晋升 also needs the B4
 * conditions (称职 or better, 升等考试通过, 第十九条), which this does not judge.
 */
import { addMonths, addYears, IsoDate, parts } from "../../core/dates";
import { ExplainStep, Param, step } from "../../core/explain";
import { D, Dec, dec, fmtMoney } from "../../core/money";
import type { CorpLevel, Policy } from "../../policy/types";
import {
  checkLevel,
  Condition,
  ConditionStatus,
  CustomerInput,
  LevelCheck,
  LevelManagerInput,
} from "./indicators";
import { levelArticle, levelRule, shiftLevel } from "./levels";

/** What one of a–d lacks. */
export interface AmountGap {
  key: "a" | "b" | "c" | "d";
  met: boolean;
  status: ConditionStatus;
  /** the total short (a, b, d: 元; c: USD), to 0.01 rounded up; 0 when reached; null when it cannot be told (rate unset) */
  missing: Dec | null;
  /** c stated in 元 (四级): the shortfall in 元; null otherwise */
  missingCny: Dec | null;
  /** the largest counted customer short of the one-customer minimum, 元 (0 when reached); null when the level has none */
  oneMissing: Dec | null;
}

export interface QualityGap {
  met: boolean;
  status: ConditionStatus;
  /** customers with 后三类/欠息/垫款 (every customer, no exclusion line) */
  flagged: string;
  /** the share has not risen over last year's */
  shareShort: boolean;
  /** percent, as entered; null when blank */
  share: number | null;
  prev: number | null;
  /** the share or last year's is blank (and needed) */
  shareMissing: boolean;
}

export interface TenureGap {
  met: boolean;
  status: ConditionStatus;
  required: number;
  /** years counted (column or full years from 首次任职日期); null when both blank */
  years: number | null;
  /** from the 连续营销年限 column: the years short (0 when met) */
  missingYears: number | null;
  /** from 首次任职日期: the months from the assessment date until the requirement is reached, and that day */
  missingMonths: number | null;
  reachDate: IsoDate | null;
}

export interface NextLevelResult {
  current: CorpLevel;
  /** the level one above; null when already 高级 */
  target: Exclude<CorpLevel, "见习"> | null;
  /** every condition of the target already holds */
  qualifies: boolean;
  business: AmountGap[];
  needed: number;
  businessMet: number;
  /** how many more of a–d must be met (0 when enough) */
  short: number;
  quality: QualityGap | null;
  tenure: TenureGap | null;
  steps: ExplainStep[];
}

const ZERO = new D(0);

/** min − value to 0.01 rounded up, never below 0. */
function gap(min: number | Dec, value: Dec): Dec {
  const g = dec(min).minus(value);
  return g.lte(0) ? ZERO : g.toDecimalPlaces(2, D.ROUND_UP);
}

function amountGaps(
  ch: LevelCheck,
  level: Exclude<CorpLevel, "见习">,
  policy: Policy
): AmountGap[] {
  const rule = levelRule(policy, level);
  const ind = ch.indicators;
  const by = (k: Condition["key"]) => ch.business.find((c) => c.key === k)!;
  const plain = (
    key: "a" | "b" | "d",
    min: number,
    total: Dec,
    oneMin: number | null,
    max: Dec
  ): AmountGap => ({
    key,
    met: by(key).met,
    status: by(key).status,
    missing: gap(min, total),
    missingCny: null,
    oneMissing: oneMin === null ? null : gap(oneMin, max),
  });
  let c: AmountGap;
  const cc = by("c");
  if (rule.settlementCurrency === "USD")
    c = {
      key: "c",
      met: cc.met,
      status: cc.status,
      missing: gap(rule.settlementMin, ind.settlementUsd),
      missingCny: null,
      oneMissing: null,
    };
  else if (cc.status === "汇率未设置")
    c = {
      key: "c",
      met: false,
      status: cc.status,
      missing: null,
      missingCny: null,
      oneMissing: null,
    };
  else {
    const rate = dec(policy.usdCnyRate!);
    const cny = dec(rule.settlementMin).minus(ind.settlementUsd.times(rate));
    c = {
      key: "c",
      met: cc.met,
      status: cc.status,
      // the least USD (to 0.01) whose value at the rate covers what is short in 元
      missing: cny.lte(0) ? ZERO : cny.div(rate).toDecimalPlaces(2, D.ROUND_UP),
      missingCny: gap(rule.settlementMin, ind.settlementUsd.times(rate)),
      oneMissing: null,
    };
  }
  return [
    plain("a", rule.depositMin, ind.deposits, rule.depositOneMin, ind.maxDeposit),
    plain("b", rule.loanMin, ind.loans, rule.loanOneMin, ind.maxLoan),
    c,
    plain("d", rule.newDepositMin, ind.newDeposits, null, ind.maxDeposit),
  ];
}

/** Condition (2) read off the levels code's own steps (the check is not redone here). */
function qualityGap(ch: LevelCheck, mgr: LevelManagerInput): QualityGap {
  const q = ch.quality!;
  const has = (code: string) => ch.steps.find((s) => s.code === code);
  const who = has("B_QUALITY_WHO");
  const share = has("B_QUALITY_SHARE");
  const full = has("B_INTERP_SHARE_FULL") !== undefined;
  return {
    met: q.met,
    status: q.status,
    flagged: who ? String(who.params.who) : "",
    shareShort: share !== undefined && share.params.met === false && !full,
    share: mgr.normalShare ?? null,
    prev: mgr.normalSharePrev ?? null,
    shareMissing: has("B_QUALITY_SHARE_MISSING") !== undefined,
  };
}

function tenureGap(
  ch: LevelCheck,
  required: number,
  mgr: LevelManagerInput,
  policy: Policy
): TenureGap {
  const t = ch.tenure!;
  const base: TenureGap = {
    met: t.met,
    status: t.status,
    required,
    years: null,
    missingYears: null,
    missingMonths: null,
    reachDate: null,
  };
  if (t.status === "不要求") return base;
  const from = ch.steps.find((s) => s.code === "B_TENURE_FROM_DATE");
  const col = ch.steps.find((s) => s.code === "B_TENURE_COLUMN");
  if (col) {
    const years = Number(col.params.years);
    // years are entered as a number (may have a fraction); the gap to 0.01 year, as Excel shows it
    const miss = t.met ? 0 : dec(required).minus(years).toDecimalPlaces(2, D.ROUND_UP).toNumber();
    return { ...base, years, missingYears: miss };
  }
  if (from && mgr.firstAppointed) {
    const reach = addYears(mgr.firstAppointed, required);
    // the least m with assessment date + m months ≥ the day the years are full
    const a = parts(policy.assessmentDate);
    const r = parts(reach);
    let months = Math.max(0, (r.y - a.y) * 12 + (r.m - a.m) - 1);
    while (addMonths(policy.assessmentDate, months) < reach) months += 1;
    return {
      ...base,
      years: Number(from.params.years),
      missingMonths: t.met ? 0 : months,
      reachDate: reach,
    };
  }
  return base;
}

/** The next level above `current` and what each of its conditions lacks (B2). */
export function nextLevel(
  current: CorpLevel,
  customers: readonly CustomerInput[],
  mgr: LevelManagerInput,
  policy: Policy
): NextLevelResult {
  const up = shiftLevel(current, 1) as Exclude<CorpLevel, "见习"> | null;
  if (up === null)
    return {
      current,
      target: null,
      qualifies: false,
      business: [],
      needed: 0,
      businessMet: 0,
      short: 0,
      quality: null,
      tenure: null,
      steps: [step("result", "B", "第三条", "B_NEXT_TOP", { level: current })],
    };
  const rule = levelRule(policy, up);
  const article = levelArticle(up);
  const ch = checkLevel(up, customers, mgr, policy);
  const business = amountGaps(ch, up, policy);
  const short = Math.max(0, ch.needed - ch.businessMet);
  const quality = qualityGap(ch, mgr);
  const tenure = tenureGap(ch, rule.tenureYears, mgr, policy);
  const steps: ExplainStep[] = [
    step("calc", "B", "第三条", "B_NEXT_TARGET", { level: current, target: up }),
    step("calc", "B", article, "B_NEXT_SHORT", {
      target: up,
      n: ch.businessMet,
      needed: ch.needed,
      short,
    }),
  ];
  const gapStep = (code: string, params: Record<string, Param>) =>
    steps.push(step("calc", "B", article, code, { target: up, ...params }));
  for (const g of business) {
    if (g.met) continue;
    if (g.missing === null) gapStep("B_NEXT_GAP_RATE", {});
    else if (g.key === "c" && g.missingCny !== null)
      gapStep("B_NEXT_GAP_C_CNY", { missing: fmtMoney(g.missing), cny: fmtMoney(g.missingCny) });
    else if (g.key === "c") gapStep("B_NEXT_GAP_C", { missing: fmtMoney(g.missing) });
    else {
      if (g.missing.gt(0)) gapStep("B_NEXT_GAP", { key: g.key, missing: fmtMoney(g.missing) });
      if (g.oneMissing !== null && g.oneMissing.gt(0))
        gapStep("B_NEXT_GAP_ONE", { key: g.key, missing: fmtMoney(g.oneMissing) });
    }
  }
  const qArt = "第十一条 二 (2)";
  if (quality.flagged)
    steps.push(step("calc", "B", qArt, "B_NEXT_Q_FLAGS", { target: up, who: quality.flagged }));
  if (quality.shareShort)
    steps.push(
      step("calc", "B", qArt, "B_NEXT_Q_SHARE", {
        target: up,
        share: quality.share,
        prev: quality.prev,
      })
    );
  if (quality.shareMissing)
    steps.push(step("warning", "B", qArt, "B_NEXT_Q_MISSING", { target: up }));
  const tArt = "第十一条 一";
  if (!tenure.met) {
    if (tenure.missingYears !== null)
      steps.push(
        step("calc", "B", tArt, "B_NEXT_TENURE_YEARS", {
          target: up,
          min: tenure.required,
          years: tenure.missingYears,
        })
      );
    else if (tenure.missingMonths !== null)
      steps.push(
        step("calc", "B", tArt, "B_NEXT_TENURE_MONTHS", {
          target: up,
          min: tenure.required,
          months: tenure.missingMonths,
          date: tenure.reachDate,
        })
      );
    else
      steps.push(
        step("warning", "B", tArt, "B_NEXT_TENURE_MISSING", { target: up, min: tenure.required })
      );
  }
  steps.push(
    step("result", "B", article, "B_NEXT_RESULT", { target: up, met: ch.qualifies }),
    step("warning", "B", "第十九条", "B_NEXT_B4", { target: up })
  );
  return {
    current,
    target: up,
    qualifies: ch.qualifies,
    business,
    needed: ch.needed,
    businessMet: ch.businessMet,
    short,
    quality,
    tenure,
    steps,
  };
}

const KEY_ZH: Record<AmountGap["key"], string> = {
  a: "a 日均存款",
  b: "b 日均贷款",
  c: "c 国际结算",
  d: "d 新增日均存款",
};

function gapText(g: AmountGap): string {
  if (g.missing === null) return `${KEY_ZH.c} 无法计算（汇率未设置）`;
  const unit = g.key === "c" ? "美元" : "元";
  const parts: string[] = [];
  if (g.missing.gt(0)) parts.push(`差 ${fmtMoney(g.missing)} ${unit}`);
  if (g.missingCny !== null && g.missingCny.gt(0))
    parts[0] += `（折 ${fmtMoney(g.missingCny)} 元）`;
  if (g.oneMissing !== null && g.oneMissing.gt(0))
    parts.push(`单户最高差 ${fmtMoney(g.oneMissing)} 元`);
  return `${KEY_ZH[g.key]} ${parts.join("，")}`;
}

/** The 距上一级别 cell (Chinese): the target, and per condition what is missing, or that it is met. */
export function nextLevelText(r: NextLevelResult): string {
  if (r.target === null) return "已是最高级别";
  if (r.qualifies) return `${r.target}：条件均已满足`;
  const parts: string[] = [];
  if (r.short > 0) {
    const gaps = r.business.filter((g) => !g.met).map(gapText);
    parts.push(`a–d 还需 ${r.short} 项（${r.businessMet}/${r.needed}）：${gaps.join("；")}`);
  } else parts.push(`a–d 已满足（${r.businessMet}/${r.needed}）`);
  const q = r.quality;
  if (q && !q.met) {
    const why: string[] = [];
    if (q.flagged) why.push(`有后三类/欠息/垫款：${q.flagged}`);
    if (q.shareShort) why.push(`正常类贷款占比须高于上年 ${q.prev}%（现 ${q.share}%）`);
    if (q.shareMissing) why.push("正常类贷款占比或上年占比未填写");
    parts.push(`条件(2)：${why.join("，")}`);
  }
  const t = r.tenure;
  if (t && !t.met) {
    if (t.missingYears !== null)
      parts.push(`年限：差 ${t.missingYears} 年（须满 ${t.required} 年）`);
    else if (t.missingMonths !== null)
      parts.push(`年限：差 ${t.missingMonths} 个月（${t.reachDate} 满 ${t.required} 年）`);
    else parts.push(`年限：须满 ${t.required} 年（连续营销年限与首次任职日期均未填写）`);
  }
  return `${r.target}：${parts.join("；")}`;
}

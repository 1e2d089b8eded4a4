/**
 * RULES.md B2 (002 第十一条 二, 第九条): a corporate CM's business indicators per target
 * level, the conditions a–d with their one-customer minimums, the quality condition (2),
 * tenure, 见习, and the qualified level (the highest level all of whose conditions hold).
 *
 * - For each target level, customers whose daily average deposit is below the level's
 *   exclusion line are left out of EVERY indicator (a customer exactly on the line counts:
 *   第九条 "50万元(含)以上").
 * - Condition (2) looks at ALL the CM's credit customers (the exclusion lines do not apply).
 * - A blank loan / settlement / new-deposit figure of a customer adds nothing and is reported
 *   in a warning step; a blank deposit figure is an error (the exclusion line needs it).
 */
import { fullYearsBetween } from "../../core/dates";
import { naError, valueError } from "../../core/errors";
import { ExplainStep, step } from "../../core/explain";
import { D, Dec, dec, fmtMoney } from "../../core/money";
import type { CorpCustomerRow, ManagerRow, RowSource } from "../../core/rows";
import type { CorpLevel, Policy } from "../../policy/types";
import {
  LEVEL_EN,
  levelArticle,
  LevelOrNone,
  levelRank,
  LEVELS_DESCENDING,
  levelRule,
} from "./levels";

/** One customer of the CM (the fields of a 公司客户 row the rules read). */
export type CustomerInput = Pick<
  CorpCustomerRow,
  | "customer"
  | "deposits"
  | "loans"
  | "settlementUsd"
  | "newDeposits"
  | "badLoans"
  | "arrears"
  | "advances"
> & { src?: RowSource };

/** The CM's own figures the level needs (客户经理 row). */
export type LevelManagerInput = Pick<
  ManagerRow,
  "marketingYears" | "firstAppointed" | "normalShare" | "normalSharePrev"
>;

export interface Indicators {
  /** exclusion line applied, 元 */
  exclusionLine: number;
  /** customers counted / left out by the exclusion line */
  included: number;
  excluded: number;
  /** 元 */
  deposits: Dec;
  maxDeposit: Dec;
  loans: Dec;
  maxLoan: Dec;
  /** USD */
  settlementUsd: Dec;
  /** 元 */
  newDeposits: Dec;
  /** counted customers whose figure is blank (added nothing) */
  blankLoans: number;
  blankSettlement: number;
  blankNewDeposits: number;
}

export type ConditionKey = "a" | "b" | "c" | "d" | "quality" | "tenure";
export type ConditionStatus = "达标" | "未达标" | "汇率未设置" | "数据缺失" | "不要求";

export interface Condition {
  key: ConditionKey;
  met: boolean;
  status: ConditionStatus;
}

export interface LevelCheck {
  level: CorpLevel;
  indicators: Indicators;
  /** a–d (见习: a only, its deposit line) */
  business: Condition[];
  businessMet: number;
  needed: number;
  /** condition (2); null for 见习 (第十一条 6: trainees do no credit business) */
  quality: Condition | null;
  /** 素质要求 (tenure); null for 见习 */
  tenure: Condition | null;
  qualifies: boolean;
  /**
   * The level's c is in CNY, the USD→CNY rate is unset, settlement was entered (> 0 USD) and
   * every other condition holds: whether the level qualifies depends on the missing rate.
   */
  rateDecides?: boolean;
  steps: ExplainStep[];
}

export interface LevelAssessment {
  /** 高级 … 四级, then 见习 */
  checks: LevelCheck[];
  qualified: LevelOrNone;
  /**
   * A level above `qualified` that would qualify if its c (in CNY) could be judged, null when
   * none: the qualified level then depends on the unset USD→CNY rate and cannot be told
   * (RULES.md POLICY: a result that needs an unset figure says which is missing).
   */
  rateUndecided: CorpLevel | null;
  steps: ExplainStep[];
}

const ZERO = new D(0);

function customerLabel(c: CustomerInput, i: number): string {
  return c.customer && c.customer.trim() ? c.customer : `#${i + 1}`;
}

/** A customer's daily average deposit, required to place it against an exclusion line. */
function depositOf(c: CustomerInput, i: number): Dec {
  if (c.deposits === null || c.deposits === undefined) {
    const who = customerLabel(c, i);
    throw valueError(
      `客户“${who}”的日均存款为空：无法判断是否低于排除线（第十一条 二），请填写`,
      `customer "${who}" has a blank daily average deposit: it cannot be placed against the exclusion line (Art. 11)`
    );
  }
  return dec(c.deposits);
}

/**
 * Indicators already computed, per customer list and exclusion line: the levels 三级, 四级, 见习
 * and the pass line share the 500,000 line, and the list of one CM is the same object for
 * all of them. The result is not changed by anyone (read only).
 */
const indicatorMemo = new WeakMap<readonly CustomerInput[], Map<number, Indicators>>();

/** The indicators over the customers whose deposit is at least `exclusionLine` 元. */
export function computeIndicators(
  customers: readonly CustomerInput[],
  exclusionLine: number
): Indicators {
  let byLine = indicatorMemo.get(customers);
  if (!byLine) indicatorMemo.set(customers, (byLine = new Map()));
  let ind = byLine.get(exclusionLine);
  if (!ind) byLine.set(exclusionLine, (ind = indicatorsOf(customers, exclusionLine)));
  return ind;
}

function indicatorsOf(customers: readonly CustomerInput[], exclusionLine: number): Indicators {
  const out: Indicators = {
    exclusionLine,
    included: 0,
    excluded: 0,
    deposits: ZERO,
    maxDeposit: ZERO,
    loans: ZERO,
    maxLoan: ZERO,
    settlementUsd: ZERO,
    newDeposits: ZERO,
    blankLoans: 0,
    blankSettlement: 0,
    blankNewDeposits: 0,
  };
  const line = dec(exclusionLine);
  customers.forEach((c, i) => {
    const dep = depositOf(c, i);
    if (dep.lt(line)) {
      out.excluded += 1;
      return;
    }
    out.included += 1;
    out.deposits = out.deposits.plus(dep);
    if (dep.gt(out.maxDeposit)) out.maxDeposit = dep;
    if (c.loans === null || c.loans === undefined) out.blankLoans += 1;
    else {
      out.loans = out.loans.plus(c.loans);
      if (c.loans.gt(out.maxLoan)) out.maxLoan = c.loans;
    }
    if (c.settlementUsd === null || c.settlementUsd === undefined) out.blankSettlement += 1;
    else out.settlementUsd = out.settlementUsd.plus(dec(c.settlementUsd));
    if (c.newDeposits === null || c.newDeposits === undefined) out.blankNewDeposits += 1;
    else out.newDeposits = out.newDeposits.plus(c.newDeposits);
  });
  return out;
}

function cond(key: ConditionKey, met: boolean, status?: ConditionStatus): Condition {
  return { key, met, status: status ?? (met ? "达标" : "未达标") };
}

function scopeSteps(level: CorpLevel, ind: Indicators, article: string): ExplainStep[] {
  const s: ExplainStep[] = [
    step("calc", "B", article, "B_SCOPE", {
      level,
      line: fmtMoney(ind.exclusionLine),
      included: ind.included,
      excluded: ind.excluded,
    }),
  ];
  const blanks: [number, string, string][] = [
    [ind.blankLoans, "日均贷款", "daily average loans"],
    [ind.blankSettlement, "国际结算额", "international settlement"],
    [ind.blankNewDeposits, "新增日均存款", "new daily average deposits"],
  ];
  for (const [n, zh, en] of blanks) {
    if (n > 0)
      s.push(step("warning", "B", article, "B_BLANKS", { level, n, field: zh, fieldEn: en }));
  }
  return s;
}

/** a (deposits) or b (loans): total ≥ min and, where the level says so, one customer ≥ oneMin. */
function sumCondition(
  key: "a" | "b",
  level: CorpLevel,
  total: Dec,
  max: Dec,
  min: number,
  oneMin: number | null,
  article: string
): { c: Condition; s: ExplainStep } {
  const totalOk = total.gte(dec(min));
  const oneOk = oneMin === null || max.gte(dec(oneMin));
  const met = totalOk && oneOk;
  const code =
    key === "a"
      ? oneMin === null
        ? "B_COND_A"
        : "B_COND_A_ONE"
      : oneMin === null
        ? "B_COND_B"
        : "B_COND_B_ONE";
  const params = {
    level,
    value: fmtMoney(total),
    min: fmtMoney(min),
    one: fmtMoney(max),
    oneMin: oneMin === null ? null : fmtMoney(oneMin),
    met,
  };
  return { c: cond(key, met), s: step("calc", "B", article, code, params) };
}

function settlementCondition(
  level: Exclude<CorpLevel, "见习">,
  ind: Indicators,
  policy: Policy,
  article: string
): { c: Condition; s: ExplainStep[] } {
  const rule = levelRule(policy, level);
  if (rule.settlementCurrency === "USD") {
    const met = ind.settlementUsd.gte(dec(rule.settlementMin));
    return {
      c: cond("c", met),
      s: [
        step("calc", "B", article, "B_COND_C_USD", {
          level,
          value: fmtMoney(ind.settlementUsd),
          min: fmtMoney(rule.settlementMin),
          met,
        }),
      ],
    };
  }
  const interp = step("interpretation", "B", article, "B_INTERP_CNY", {
    level,
    min: fmtMoney(rule.settlementMin),
  });
  const rate = policy.usdCnyRate;
  if (rate === null || !(rate > 0) || !Number.isFinite(rate)) {
    return {
      c: cond("c", false, "汇率未设置"),
      s: [
        interp,
        step("warning", "P", article, "B_RATE_UNSET", {
          level,
          usd: fmtMoney(ind.settlementUsd),
          min: fmtMoney(rule.settlementMin),
        }),
      ],
    };
  }
  const cny = ind.settlementUsd.times(dec(rate));
  const met = cny.gte(dec(rule.settlementMin));
  return {
    c: cond("c", met),
    s: [
      interp,
      step("calc", "B", article, "B_COND_C_CNY", {
        level,
        usd: fmtMoney(ind.settlementUsd),
        rate,
        value: fmtMoney(cny),
        min: fmtMoney(rule.settlementMin),
        met,
      }),
    ],
  };
}

/**
 * A credit customer (授信客户): daily average loans above 0, or a 后三类/欠息/垫款 flag. A blank loan
 * figure does not tell (null).
 */
function isCreditCustomer(c: CustomerInput): boolean | null {
  if (c.badLoans === true || c.arrears === true || c.advances === true) return true;
  if (c.loans === null || c.loans === undefined) return null;
  return c.loans.gt(0);
}

/** A share of 100%: 100 (percent), or 1 when last year's is written as a fraction too (≤ 1). */
function isFullShare(share: Dec, prev: Dec): boolean {
  return share.gte(100) || (share.eq(1) && prev.lte(1));
}

/**
 * Condition (2), the same for every level from 四级 up: no 后三类 loan, no arrears, no advance
 * among ALL the CM's customers, and a normal-class share that has RISEN over last year's
 * (rev 2, "要进一步提高": strictly higher). **Interpretation:** a share of 100% (which cannot
 * rise) passes, and so does a CM with no credit customer at all (every customer's daily average
 * loans 0 and no flag; then the shares are not needed).
 */
function evaluateQuality(
  customers: readonly CustomerInput[],
  mgr: LevelManagerInput
): { condition: Condition; steps: ExplainStep[] } {
  const article = "第十一条 二 (2)";
  const names = (f: (c: CustomerInput) => boolean | null) =>
    customers
      .map((c, i) => (f(c) === true ? customerLabel(c, i) : null))
      .filter((x): x is string => x !== null);
  const bad = names((c) => c.badLoans);
  const arrears = names((c) => c.arrears);
  const advances = names((c) => c.advances);
  const flagsOk = bad.length === 0 && arrears.length === 0 && advances.length === 0;
  const steps: ExplainStep[] = [
    step("calc", "B", article, "B_QUALITY_FLAGS", {
      customers: customers.length,
      bad: bad.length,
      arrears: arrears.length,
      advances: advances.length,
      met: flagsOk,
    }),
  ];
  if (!flagsOk)
    steps.push(
      step("calc", "B", article, "B_QUALITY_WHO", {
        who: [...new Set([...bad, ...arrears, ...advances])].join("、"),
      })
    );
  const blankFlags = customers.filter(
    (c) => c.badLoans == null || c.arrears == null || c.advances == null
  ).length;
  if (blankFlags > 0)
    steps.push(step("warning", "B", article, "B_QUALITY_BLANK_FLAGS", { n: blankFlags }));
  let shareOk: boolean;
  let missing = false;
  const credit = customers.map(isCreditCustomer);
  if (credit.every((x) => x === false)) {
    shareOk = true;
    steps.push(
      step("interpretation", "B", article, "B_INTERP_NO_CREDIT", { customers: customers.length })
    );
  } else if (
    mgr.normalShare === null ||
    mgr.normalShare === undefined ||
    mgr.normalSharePrev === null ||
    mgr.normalSharePrev === undefined
  ) {
    shareOk = false;
    missing = true;
    steps.push(
      step("warning", "B", article, "B_QUALITY_SHARE_MISSING", {
        share: mgr.normalShare ?? null,
        prev: mgr.normalSharePrev ?? null,
      })
    );
  } else {
    const share = dec(mgr.normalShare);
    const prev = dec(mgr.normalSharePrev);
    const full = isFullShare(share, prev);
    shareOk = share.gt(prev) || full;
    steps.push(
      step("calc", "B", article, "B_QUALITY_SHARE", {
        share: share.toString(),
        prev: prev.toString(),
        met: share.gt(prev),
      })
    );
    if (full)
      steps.push(
        step("interpretation", "B", article, "B_INTERP_SHARE_FULL", { share: share.toString() })
      );
  }
  const met = flagsOk && shareOk;
  const status: ConditionStatus = met ? "达标" : flagsOk && missing ? "数据缺失" : "未达标";
  return { condition: cond("quality", met, status), steps };
}

/**
 * 素质要求 (第十一条 一): years of continuous marketing — the 连续营销年限 column, or when it is
 * blank the full years from 首次任职日期 to the assessment date.
 */
function evaluateTenure(
  level: CorpLevel,
  requiredYears: number,
  mgr: LevelManagerInput,
  policy: Policy
): { condition: Condition; steps: ExplainStep[] } {
  const article = "第十一条 一";
  if (requiredYears <= 0) {
    return {
      condition: cond("tenure", true, "不要求"),
      steps: [step("calc", "B", article, "B_TENURE_NONE", { level })],
    };
  }
  let years: number | null = null;
  const steps: ExplainStep[] = [];
  if (mgr.marketingYears !== null && mgr.marketingYears !== undefined) {
    years = mgr.marketingYears;
    steps.push(step("input", "B", article, "B_TENURE_COLUMN", { years }));
  } else if (mgr.firstAppointed) {
    years = fullYearsBetween(mgr.firstAppointed, policy.assessmentDate);
    steps.push(
      step("calc", "B", article, "B_TENURE_FROM_DATE", {
        from: mgr.firstAppointed,
        to: policy.assessmentDate,
        years,
      })
    );
  }
  if (years === null) {
    steps.push(step("warning", "B", article, "B_TENURE_MISSING", { level, min: requiredYears }));
    return { condition: cond("tenure", false, "数据缺失"), steps };
  }
  const met = years >= requiredYears;
  steps.push(step("calc", "B", article, "B_TENURE", { level, years, min: requiredYears, met }));
  return { condition: cond("tenure", met), steps };
}

/** The check of one level from 四级 up (quality computed once by the caller). */
function checkRegularLevel(
  level: Exclude<CorpLevel, "见习">,
  customers: readonly CustomerInput[],
  mgr: LevelManagerInput,
  quality: { condition: Condition; steps: ExplainStep[] },
  policy: Policy,
  withQualitySteps: boolean
): LevelCheck {
  const rule = levelRule(policy, level);
  const article = levelArticle(level);
  const ind = computeIndicators(customers, rule.exclusionLine);
  const steps = scopeSteps(level, ind, article);
  if (level === "三级" || level === "四级")
    steps.push(step("interpretation", "B", article, "B_INTERP_A_DEPOSITS", { level }));
  const a = sumCondition(
    "a",
    level,
    ind.deposits,
    ind.maxDeposit,
    rule.depositMin,
    rule.depositOneMin,
    article
  );
  const b = sumCondition(
    "b",
    level,
    ind.loans,
    ind.maxLoan,
    rule.loanMin,
    rule.loanOneMin,
    article
  );
  const c = settlementCondition(level, ind, policy, article);
  const dMet = ind.newDeposits.gte(dec(rule.newDepositMin));
  const d = {
    c: cond("d", dMet),
    s: step("calc", "B", article, "B_COND_D", {
      level,
      value: fmtMoney(ind.newDeposits),
      min: fmtMoney(rule.newDepositMin),
      met: dMet,
    }),
  };
  steps.push(a.s, b.s, ...c.s, d.s);
  const business = [a.c, b.c, c.c, d.c];
  const businessMet = business.filter((x) => x.met).length;
  const countOk = businessMet >= rule.conditionsNeeded;
  steps.push(
    step("calc", "B", article, "B_COUNT", {
      level,
      n: businessMet,
      needed: rule.conditionsNeeded,
      met: countOk,
    })
  );
  if (withQualitySteps) steps.push(...quality.steps);
  else
    steps.push(
      step("calc", "B", "第十一条 二 (2)", "B_QUALITY_REF", { level, met: quality.condition.met })
    );
  const tenure = evaluateTenure(level, rule.tenureYears, mgr, policy);
  steps.push(...tenure.steps);
  const qualifies = countOk && quality.condition.met && tenure.condition.met;
  const rateDecides =
    !qualifies &&
    c.c.status === "汇率未设置" &&
    ind.settlementUsd.gt(ZERO) &&
    businessMet + 1 >= rule.conditionsNeeded &&
    quality.condition.met &&
    tenure.condition.met;
  if (rateDecides)
    steps.push(
      step("warning", "P", article, "B_RATE_DECIDES", {
        level,
        usd: fmtMoney(ind.settlementUsd),
        min: fmtMoney(rule.settlementMin),
      })
    );
  steps.push(step("calc", "B", article, "B_LEVEL_RESULT", { level, met: qualifies }));
  return {
    level,
    indicators: ind,
    business,
    businessMet,
    needed: rule.conditionsNeeded,
    quality: quality.condition,
    tenure: tenure.condition,
    qualifies,
    rateDecides,
    steps,
  };
}

/** 见习 (第十一条 6, 第九条): deposits over the trainee exclusion line ≥ the trainee minimum; no condition (2). */
function checkTrainee(customers: readonly CustomerInput[], policy: Policy): LevelCheck {
  const t = policy.b.trainee;
  const article = `${levelArticle("见习")}、第九条`;
  const ind = computeIndicators(customers, t.exclusionLine);
  const met = ind.deposits.gte(dec(t.depositMin));
  const steps = [
    step("calc", "B", article, "B_SCOPE", {
      level: "见习",
      line: fmtMoney(t.exclusionLine),
      included: ind.included,
      excluded: ind.excluded,
    }),
    step("calc", "B", article, "B_TRAINEE", {
      value: fmtMoney(ind.deposits),
      min: fmtMoney(t.depositMin),
      met,
    }),
    step("interpretation", "B", article, "B_INTERP_TRAINEE_BALANCE", {}),
    step("calc", "B", article, "B_LEVEL_RESULT", { level: "见习", met }),
  ];
  return {
    level: "见习",
    indicators: ind,
    business: [cond("a", met)],
    businessMet: met ? 1 : 0,
    needed: 1,
    quality: null,
    tenure: null,
    qualifies: met,
    steps,
  };
}

/** Every condition of one level, as CM.LEVELCHECK shows it. */
export function checkLevel(
  level: CorpLevel,
  customers: readonly CustomerInput[],
  mgr: LevelManagerInput,
  policy: Policy
): LevelCheck {
  if (level === "见习") return checkTrainee(customers, policy);
  return checkRegularLevel(level, customers, mgr, evaluateQuality(customers, mgr), policy, true);
}

/** Every level, highest first, and the qualified level (RULES.md B2; 无 when none holds). */
export function assessLevel(
  customers: readonly CustomerInput[],
  mgr: LevelManagerInput,
  policy: Policy
): LevelAssessment {
  const quality = evaluateQuality(customers, mgr);
  const checks: LevelCheck[] = LEVELS_DESCENDING.filter(
    (l): l is Exclude<CorpLevel, "见习"> => l !== "见习"
  ).map((l) => checkRegularLevel(l, customers, mgr, quality, policy, false));
  checks.push(checkTrainee(customers, policy));
  const hit = checks.find((c) => c.qualifies);
  const qualified: LevelOrNone = hit ? hit.level : "无";
  const undecided = checks.find(
    (c) => c.rateDecides === true && levelRank(c.level) > levelRank(qualified)
  );
  const steps = [...quality.steps, ...checks.flatMap((c) => c.steps)];
  steps.push(step("result", "B", "第十一条", "B_QUALIFIED", { level: qualified }));
  return { checks, qualified, rateUndecided: undecided ? undecided.level : null, steps };
}

/**
 * The qualified level, or a #N/A RuleError naming the unset USD→CNY rate when the answer
 * depends on it (a level above would qualify if its c, stated in 元, could be judged).
 */
export function requireDecided(a: LevelAssessment, policy: Policy): LevelOrNone {
  if (a.rateUndecided === null) return a.qualified;
  const level = a.rateUndecided as Exclude<CorpLevel, "见习">;
  const rule = levelRule(policy, level);
  const check = a.checks.find((c) => c.level === level)!;
  const usd = fmtMoney(check.indicators.settlementUsd);
  throw naError(
    `政策参数“美元兑人民币汇率”未设置：${level}条件 c（年国际结算额 ≥ ${fmtMoney(rule.settlementMin)} 元）无法把 ${usd} 美元折算比较，` +
      `而${level}的其他条件均已满足，达标等级取决于此项（${levelArticle(level)}）；请在政策参数中填写汇率`,
    `the policy's USD→CNY rate is not set: ${LEVEL_EN[level]} condition c (settlement ≥ ${fmtMoney(rule.settlementMin)} yuan) cannot compare USD ${usd}, ` +
      `and the level's other conditions hold, so the qualified level depends on it (Art. 11); set the rate in the policy`
  );
}

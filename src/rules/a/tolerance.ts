/**
 * A9 (第四十七条) the NPL tolerance amount of a CM reaching exit age, and A10 (第四十八条 2) the
 * share of the tellers' average performance pay of a CM beyond tolerance.
 */
import { valueError } from "../../core/errors";
import type { ExplainStep } from "../../core/explain";
import { D, Dec, dec, fmtMoney, round2 } from "../../core/money";
import { excelNumber } from "../../core/parse";
import type { Policy } from "../../policy/types";
import type { Post } from "../../core/rows";
import { reducedTolerance, shownRatePct, stepA } from "./common";

const ART_TOL = "第四十七条";
const ART_OVER = "第四十八条 2";

function checkAmount(x: Dec, zh: string, en: string): void {
  if (!x.isFinite() || x.isNeg())
    throw valueError(
      `${zh}应为非负金额：${x.toString()}`,
      `${en} must be an amount ≥ 0: ${x.toString()}`
    );
}

function pct(x: Dec | number): number {
  return dec(x).times(100).toDecimalPlaces(4).toNumber();
}

export interface ToleranceResult {
  /** tolerance amount, 元, rounded half-up to 0.01 */
  value: Dec;
  naturalRate: Dec;
  enterpriseRate: Dec;
  steps: ExplainStep[];
}

/**
 * A9: tolerance = 10% × natural-person interest + 5% × enterprise/organisation interest of the
 * 3 years before exit age; branch heads and urban CMs at 60% of those ratios.
 */
export function toleranceAmount(
  npInterest: Dec,
  entInterest: Dec,
  urban: boolean,
  policy: Policy,
  post: Post | null = null
): ToleranceResult {
  const a = policy.a;
  const byPost = !urban && reducedTolerance(urban, post);
  urban = reducedTolerance(urban, post);
  checkAmount(npInterest, "近三年自然人贷款利息收入", "the natural-person interest");
  checkAmount(entInterest, "近三年企业贷款利息收入", "the enterprise interest");
  const factor = urban ? dec(a.toleranceUrbanFactor) : dec(1);
  const nr = dec(a.toleranceNaturalRate).times(factor);
  const er = dec(a.toleranceEnterpriseRate).times(factor);
  const np = npInterest.times(nr);
  const ent = entInterest.times(er);
  const value = round2(np.plus(ent));
  const steps: ExplainStep[] = [
    stepA("input", ART_TOL, "A_TOL_INPUT", {
      np: fmtMoney(npInterest),
      ent: fmtMoney(entInterest),
      years: a.toleranceBaseYears,
      urban,
    }),
  ];
  if (byPost) steps.push(stepA("calc", ART_TOL, "A_TOL_POST", { post: post as string }));
  if (urban)
    steps.push(
      stepA("calc", ART_TOL, "A_TOL_URBAN", {
        factor: pct(a.toleranceUrbanFactor),
        nr: pct(nr),
        er: pct(er),
      })
    );
  steps.push(
    stepA("result", ART_TOL, "A_TOL_RESULT", {
      nr: pct(nr),
      np: fmtMoney(np),
      er: pct(er),
      ent: fmtMoney(ent),
      value: fmtMoney(value),
    })
  );
  return { value, naturalRate: nr, enterpriseRate: er, steps };
}

export interface OverToleranceResult {
  /** false: within tolerance — 第四十八条 does not apply (第四十七条 does) */
  applies: boolean;
  /** (responsible NPL − tolerance) ÷ tolerance; null within tolerance or with a tolerance of 0 */
  over: Dec | null;
  /** share of the tellers' average performance pay (0.8 = 80%); null when the rule does not apply */
  share: number | null;
  steps: ExplainStep[];
}

/**
 * A10: with ≥ 80% of the collection task done, over ≤ 20% → 80%, ≤ 50% → 50%, more → 0%;
 * under 80% done the CM does not get this share at all (0). A tolerance of 0 with any
 * responsible NPL counts as beyond the last band.
 * @param collectionDone share of the collection task done, as a fraction (0.8 = 80%)
 */
export function overToleranceShare(
  responsibleNpl: Dec,
  tolerance: Dec,
  collectionDone: number,
  policy: Policy
): OverToleranceResult {
  const a = policy.a;
  checkAmount(responsibleNpl, "责任不良贷款余额", "the responsible NPL");
  checkAmount(tolerance, "不良贷款容忍额度", "the tolerance amount");
  if (!Number.isFinite(collectionDone) || collectionDone < 0) {
    throw valueError(
      `清收任务完成比例应为非负数（80% 填 0.8）：${collectionDone}`,
      `the collection done must be a fraction ≥ 0 (80% = 0.8): ${collectionDone}`
    );
  }
  // as Excel shows it, by the one reading of src/core/parse (a no-op for a CM.* argument, already
  // read there): a computed 80% (=0.7+0.1, the double 0.7999999999999999) is 80%
  const done = excelNumber(collectionDone);
  const steps: ExplainStep[] = [
    stepA("input", ART_OVER, "A_OVER_INPUT", {
      npl: fmtMoney(responsibleNpl),
      tol: fmtMoney(tolerance),
      done: pct(done),
    }),
  ];
  if (responsibleNpl.lte(tolerance)) {
    steps.push(stepA("result", ART_OVER, "A_OVER_WITHIN"));
    return { applies: false, over: null, share: null, steps };
  }
  let over: Dec | null = null;
  let share: number;
  if (tolerance.isZero()) {
    share = a.overTolBeyondShare;
    steps.push(stepA("calc", ART_OVER, "A_OVER_ZERO_TOL", { share: pct(share) }));
  } else {
    over = responsibleNpl.minus(tolerance).div(tolerance);
    // bands by their upper bound, inclusive (the article: 超20%(含)以内, 超20%–50%(含), 50%以上)
    const bands = [...a.overTolBands].sort((x, y) => x.maxOver - y.maxOver);
    const i = bands.findIndex((b) => over!.lte(b.maxOver));
    const band = i >= 0 ? bands[i] : null;
    share = band ? band.share : a.overTolBeyondShare;
    const lo = i > 0 ? pct(bands[i - 1].maxOver) : null;
    const max = band ? pct(band.maxOver) : pct(D.max(...a.overTolBands.map((b) => b.maxOver), 0));
    steps.push(
      stepA(
        "calc",
        ART_OVER,
        band ? (lo === null ? "A_OVER_BAND_FIRST" : "A_OVER_BAND") : "A_OVER_BEYOND",
        {
          // 4 decimals, or more where 4 would tie with a band limit the exact figure does not equal
          over: shownRatePct(
            over.times(100),
            a.overTolBands.map((b) => dec(b.maxOver).times(100))
          ),
          ...(lo === null ? {} : { lo }),
          max,
          share: pct(share),
        }
      )
    );
    if (band && over.eq(band.maxOver))
      steps.push(stepA("interpretation", ART_OVER, "A_OVER_AT_LIMIT", { max }));
  }
  if (dec(done).lt(a.overTolCollectionMin)) {
    steps.push(
      stepA("result", ART_OVER, "A_OVER_LOW_COLLECTION", {
        done: pct(done),
        min: pct(a.overTolCollectionMin),
      })
    );
    return { applies: true, over, share: 0, steps };
  }
  steps.push(stepA("result", ART_OVER, "A_OVER_RESULT", { share: pct(share) }));
  return { applies: true, over, share, steps };
}

/**
 * Fuzz of EVERY exported custom function (found from the generated metadata, so a new
 * function is covered without editing this file), called the way Excel calls it — one
 * argument per declared parameter, ranges as 2-D arrays, null for omitted ones — with
 * (1) anything at all and (2) plausible rows that reach deep into the rules (amounts, dates,
 * grades, yes/no picked from each parameter's name and help), under the built-in policy in
 * 元 and a workbook policy in 万元 with every unset figure set. The contract of ./outcome.ts
 * must hold for every call: no exception, no NaN/Infinity, errors typed with a message.
 */
import fc from "fast-check";
import { defaultPolicy } from "../../src/policy/defaults";
import { clearWorkbookPolicies, setWorkbookPolicy } from "../../src/policy/store";
import type { Policy } from "../../src/policy/types";
import { CfParameter, loadCustomFunctions, LoadedFunction } from "../formulas/metadata";
import { anyArgArb, arrayArb, errorValueArb, FUZZ_SEED, scalarArb } from "./arbitraries";
import { outcomeProblem, showArgs } from "./outcome";

let fns: LoadedFunction[] = [];
beforeAll(async () => {
  fns = await loadCustomFunctions();
}, 120_000);
afterEach(() => clearWorkbookPolicies());

const RUNS_RANDOM = 150;
const RUNS_PLAUSIBLE = 250;

const yesNo = fc.constantFrom("是", "否", true, false, "Y", "N", 1, 0, null);
const dateArb = fc.oneof(
  fc.integer({ min: 33000, max: 47000 }),
  fc
    .tuple(
      fc.integer({ min: 1995, max: 2030 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 })
    )
    .map(([y, m, d]) => `${y}-${m}-${d}`),
  fc.constantFrom("2024-02-29", "2025年3月1日", "2025/12/31", null)
);
const amountArb = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }),
  fc.double({ min: 0, max: 1e9, noNaN: true }),
  fc.constantFrom(0, 1_000_000, 5_000_000, "1,234,567.89", "１２３４５", null)
);
const countArb = fc.oneof(
  fc.integer({ min: 0, max: 400 }),
  fc.constantFrom(null, "3", 0, 365, 366)
);

/**
 * A value of the kind a parameter wants, from its name (camelCase words) — the parameter
 * names of src/functions — else from its Chinese help; anything else gets any scalar.
 */
const BY_NAME: [RegExp, fc.Arbitrary<unknown>][] = [
  [
    /^(formedYear|nplYear)$/,
    fc.oneof(fc.integer({ min: 1995, max: 2026 }), fc.constantFrom(null, "2011年")),
  ],
  [/^formationYear$/, fc.oneof(fc.integer({ min: 1999, max: 2010 }), fc.constantFrom(null))],
  [
    /^year$/,
    fc.oneof(fc.integer({ min: 2010, max: 2030 }), fc.constantFrom(null, "2025", "2021年")),
  ],
  [/^(granted|maturity|birth|found|firstAppointed|branchReported|officeReported)$|date$/i, dateArb],
  [
    /^(qualifiedLevel|currentLevel|level)$/,
    fc.constantFrom("高级", "一级", "二级", "三级", "四级", "见习", "无", "退出"),
  ],
  [/^grade$/, fc.constantFrom("一级", "二级", "三级", "取消资格", "1级")],
  [/^assessment$/, fc.constantFrom("优秀", "称职", "基本称职", "不称职", null)],
  [/^sex$/, fc.constantFrom("男", "女")],
  [/^fiveClass$/, fc.constantFrom("正常", "关注", "次级", "可疑", "损失", null)],
  [/^security$/, fc.constantFrom("信用", "保证", "抵押", "质押")],
  [/^disposal$/, fc.constantFrom("无", "诉讼", "执行", "拍卖", "处置", null)],
  [
    /^(branchType|peerBranchTypes)$/,
    fc.constantFrom("一类行", "二类行", "三类行", "城关区", "乡镇区"),
  ],
  [/^part$/, fc.constantFrom("容忍度内", "超出部分", null)],
  [/^lang$/, fc.constantFrom("中文", "英文", "en", null)],
  [/^stage$/, fc.constantFrom("支行", "分行", null)],
  [/^type$/, fc.constantFrom("到期", "欠息", "重大事项", "关联企业", "财务异常")],
  [/^items?$/, fc.constantFrom("1.1", "1.5", "3.2b", "3.15/3.3", "4.1a", "2.1", "3.10")],
  [
    /^(normalShare|normalSharePrev)$/,
    fc.oneof(fc.double({ min: 90, max: 100, noNaN: true }), fc.constantFrom("98%", 100, 0.98)),
  ],
  [
    /^collectionDone$/,
    fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0.8, "80%")),
  ],
  [
    /Rate$/,
    fc.oneof(fc.double({ min: 0, max: 5, noNaN: true }), fc.constantFrom(0, 1.2, 1.8, null)),
  ],
  [
    /Coefficient$/,
    fc.oneof(fc.double({ min: 1, max: 2.5, noNaN: true }), fc.constantFrom(1.6, 2, null)),
  ],
  [
    /^(urban|relative|introduced|schedule|withHeaders|limitationLost|staffRelative|badLoans|arrears|advances?|passLine|tasksDone|bottom3|examPassed|admonished|customersFell|loanRisk|conduct)$/,
    yesNo,
  ],
  [
    /^(loanCount|peerLoanCount|examFails|penalties|criticisms|seriousViolations|overdueDays|counts|tenure|overdueMonths|arrearsMonths|priorYellowYears)$/,
    countArb,
  ],
  [
    /^(quarterActual|quarterPlan)$/,
    fc.oneof(fc.double({ min: 1, max: 1e7, noNaN: true }), fc.constantFrom(100, 0)),
  ],
  [
    /^(employeeId|firstResponsible|introducer|successor)$/,
    fc.constantFrom("E001", "E002", "E003", null),
  ],
  [/^loanIds$/, fc.integer({ min: 1, max: 99 }).map((n) => `L${String(n).padStart(4, "0")}`)],
  [
    /^score$/,
    fc.oneof(
      fc.double({ min: -10, max: 110, noNaN: true }),
      fc.constantFrom(89.995, 59.995, 74.995, 60, 75, 90)
    ),
  ],
  [/^aggravation$/, fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constantFrom(null))],
  [
    /^(interestIncome|newNpl|managedLoans|peerIncome|npInterest|entInterest|responsibleNpl|tolerance|balances|riskFund|postRiskFund|retirementPay|amount|deposits|loans|settlement|newDeposits)$/,
    amountArb,
  ],
];

function plausibleCell(p: CfParameter): fc.Arbitrary<unknown> {
  for (const [re, arb] of BY_NAME) if (re.test(p.name)) return arb;
  const d = p.description ?? "";
  if (/日期/.test(d)) return dateArb;
  if (/是否|是\/否/.test(d)) return yesNo;
  if (/金额|余额|收入|存款|贷款/.test(d)) return amountArb;
  if (/次数|笔数|天数|年限/.test(d)) return countArb;
  return fc.oneof(scalarArb, fc.constantFrom(null));
}

/** Arguments for one call: matrix parameters as columns of one table (same row count). */
function argsArb(meta: LoadedFunction["meta"], plausible: boolean): fc.Arbitrary<unknown[]> {
  const params = meta.parameters;
  if (!plausible) {
    return fc
      .tuple(
        ...params.map((p) =>
          p.dimensionality === "matrix"
            ? fc.oneof({ weight: 4, arbitrary: arrayArb() }, { weight: 1, arbitrary: anyArgArb })
            : anyArgArb
        ),
        fc.constantFrom(0, 0, 0, 1)
      )
      .map((xs) => {
        const extra = xs.pop() as number;
        return extra ? [...xs, "extra"] : xs;
      });
  }
  const clean = fc.integer({ min: 1, max: 15 }).chain((rows) =>
    fc.tuple(
      ...params.map((p) => {
        const cell = plausibleCell(p);
        if (p.dimensionality === "matrix")
          return fc
            .array(cell, { minLength: rows, maxLength: rows })
            .map((xs) => xs.map((x) => [x]));
        return p.optional ? cell : cell.filter((x) => x !== null);
      })
    )
  );
  // half the calls are clean rows; in the other half one argument is off (an error value, a blank, anything)
  const off = fc.oneof(errorValueArb, fc.constant(null), anyArgArb);
  return fc.oneof(
    clean,
    fc.tuple(clean, fc.nat({ max: Math.max(0, params.length - 1) }), off).map(([xs, i, x]) => {
      const out = [...xs];
      if (out.length > 0) out[i] = x;
      return out;
    })
  );
}

const WORKBOOK_POLICY: Policy = (() => {
  const p = defaultPolicy(2025);
  const ratios: Record<string, number> = {};
  for (let y = p.a.annualCompFirstYear; y <= p.a.annualCompLastYear; y++)
    ratios[String(y)] = 0.1 + 0.05 * (y - p.a.annualCompFirstYear);
  return {
    ...p,
    amountUnit: "万元",
    nplToleranceRatePct: 1.2,
    usdCnyRate: 7.1,
    a: { ...p.a, annualCompRatios: ratios },
  };
})();

/** per function: calls made and calls that answered a value (not an error) in the last run */
const reached: Record<string, { calls: number; values: number }> = {};

function fuzzAll(plausible: boolean, runs: number): Record<string, string> {
  const failures: Record<string, string> = {};
  for (const f of fns) {
    const stat = (reached[f.meta.id] = { calls: 0, values: 0 });
    try {
      fc.assert(
        fc.property(argsArb(f.meta, plausible), fc.boolean(), (args, workbookPolicy) => {
          if (workbookPolicy) setWorkbookPolicy(WORKBOOK_POLICY);
          else clearWorkbookPolicies();
          let r: unknown;
          try {
            r = f.impl(...args);
          } catch (e) {
            throw new Error(
              `threw ${e instanceof Error ? e.message : String(e)} for ${showArgs(args)}`
            );
          }
          stat.calls++;
          if (!(r instanceof CustomFunctions.Error)) stat.values++;
          else if (process.env.CM_FUZZ_STATS === f.meta.id) console.log(r.message);
          const problem = outcomeProblem(r, args);
          if (problem) throw new Error(`${problem} for ${showArgs(args)}`);
        }),
        { seed: FUZZ_SEED, numRuns: runs }
      );
    } catch (e) {
      failures[f.meta.id] =
        (e as Error).message.split("\n").find((l) => /threw|for \[/.test(l)) ??
        (e as Error).message.slice(0, 400);
    }
  }
  return failures;
}

test("every custom function is found in the metadata", () => {
  expect(fns.length).toBeGreaterThan(0);
  for (const f of fns) expect(typeof f.impl).toBe("function");
});

test("anything at all: every function answers a cell, an array or a typed error", () => {
  expect(fuzzAll(false, RUNS_RANDOM)).toEqual({});
}, 120_000);

test("plausible rows (deep into the rules): the same contract, under both policies", () => {
  expect(fuzzAll(true, RUNS_PLAUSIBLE)).toEqual({});
  if (process.env.CM_FUZZ_STATS) console.log(JSON.stringify(reached));
  // the plausible calls do reach the rules: every function answers a value for some of them
  const never = Object.entries(reached)
    .filter(([, s]) => s.values === 0)
    .map(([id]) => id);
  expect(never).toEqual([]);
}, 120_000);

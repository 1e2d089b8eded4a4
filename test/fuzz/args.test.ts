/**
 * Property tests of the ONE argument conversion (convertArgs) and the wrapper (defineFunction)
 * of src/functions/args.ts, over whatever Excel may pass: every declared type gives a value of
 * that type or a typed #VALUE! naming the argument — never a silent 0, NaN or Infinity — and
 * the wrapper never throws, whatever its implementation returns or throws.
 */
import fc from "fast-check";
import { isIsoDate } from "../../src/core/dates";
import { isRuleError, RuleError } from "../../src/core/errors";
import { D } from "../../src/core/money";
import {
  ArgSpec,
  convertArgs,
  defineFunction,
  setMessageLanguage,
  YEAR_ARG,
} from "../../src/functions/args";
import { defaultPolicy } from "../../src/policy/defaults";
import { activePolicy, clearWorkbookPolicies, setWorkbookPolicy } from "../../src/policy/store";
import type { Policy } from "../../src/policy/types";
import { anyArgArb, errorValueArb, FUZZ_SEED, scalarArb } from "./arbitraries";
import { showArgs } from "./outcome";

const RUNS = { seed: FUZZ_SEED, numRuns: 400 };

const SPECS: ArgSpec[] = [
  { name: "n", zh: "数值", type: "number" },
  { name: "n0", zh: "非负数", type: "number", min: 0, max: 100 },
  { name: "k", zh: "整数", type: "int", optional: true, min: 0 },
  { name: "amt", zh: "金额", type: "amount" },
  { name: "amtOpt", zh: "金额", type: "amount", optional: true, default: new D(5) },
  { name: "d", zh: "日期", type: "date" },
  { name: "yn", zh: "是否", type: "yesno", optional: true, default: false },
  { name: "t", zh: "文本", type: "text" },
  { name: "e", zh: "等级", type: "text", enum: { 一级: ["1级"], 二级: ["2级"], 三级: ["3级"] } },
  { name: "y", zh: "年度", type: "year", optional: true, min: 1999, max: 2100 },
  { name: "col", zh: "金额列", type: "amount", range: true },
  { name: "dates", zh: "日期列", type: "date", range: true },
  { name: "raw", zh: "任意", type: "any", optional: true },
];

const POLICIES: Policy[] = [defaultPolicy(2025), { ...defaultPolicy(2025), amountUnit: "万元" }];

/** A zero that the user really typed: 0, "0", "０.００", " -0 " … (also as a 1×1 range). */
function isTypedZero(raw: unknown): boolean {
  const v = Array.isArray(raw) ? (Array.isArray(raw[0]) ? raw[0][0] : raw[0]) : raw;
  if (typeof v === "number") return v === 0;
  if (typeof v === "string")
    return /^[\s\u3000]*[+\-＋－]?[0０]*([.．][0０]*)?[\s\u3000]*$/.test(v) && /[0０]/.test(v);
  if (typeof v === "boolean") return v === false;
  return false;
}

function typeProblem(spec: ArgSpec, v: unknown): string | null {
  if (v === null) return spec.optional || spec.range ? null : "null for a required argument";
  switch (spec.type) {
    case "number":
    case "int":
    case "year": {
      if (typeof v !== "number" || !Number.isFinite(v)) return `not a finite number: ${String(v)}`;
      if ((spec.type === "int" || spec.type === "year") && !Number.isInteger(v))
        return `not whole: ${v}`;
      if (spec.min !== undefined && v < spec.min) return `below min: ${v}`;
      if (spec.max !== undefined && v > spec.max) return `above max: ${v}`;
      return null;
    }
    case "amount": {
      if (!D.isDecimal(v)) return "amount is not a Decimal";
      const d = v as InstanceType<typeof D>;
      if (!d.isFinite()) return `amount not finite: ${d.toString()}`;
      if (d.isNeg() && !d.isZero()) return `negative amount ${d.toString()}`;
      return null;
    }
    case "date":
      return isIsoDate(v) ? null : `not an ISO date: ${String(v)}`;
    case "yesno":
      return typeof v === "boolean" ? null : `not a boolean: ${String(v)}`;
    case "text":
      if (typeof v !== "string") return `not text: ${String(v)}`;
      if (spec.enum && !Object.keys(spec.enum).includes(v)) return `not one of the enum: ${v}`;
      return null;
    case "any":
      return null;
  }
}

function hasCfError(raw: unknown, depth = 0): boolean {
  if (raw instanceof CustomFunctions.Error) return true;
  return Array.isArray(raw) && depth < 3 && raw.some((x) => hasCfError(x, depth + 1));
}

describe("convertArgs", () => {
  test.each(
    SPECS.map(
      (s) =>
        [
          `${s.name} (${s.type}${s.range ? ", range" : ""}${s.optional ? ", optional" : ""})`,
          s,
        ] as const
    )
  )(
    "%s: a typed value, or a #VALUE! that names the argument — never a silent 0",
    (_label, spec) => {
      fc.assert(
        fc.property(anyArgArb, fc.constantFrom(...POLICIES), (raw, policy) => {
          let out: Record<string, unknown>;
          try {
            out = convertArgs([spec], [raw], policy) as Record<string, unknown>;
          } catch (e) {
            if (isRuleError(e)) {
              expect(e.kind).toBe("value");
              expect(e.zh).toContain(`参数 ${spec.name}（${spec.zh}）`);
              expect(e.en).toContain(`argument ${spec.name}`);
              expect(e.zh).not.toMatch(/\[object /);
              return;
            }
            // an error value given as an argument is handed back to the wrapper as it is
            expect(hasCfError(raw)).toBe(true);
            expect((e as { error?: unknown }).error).toBeInstanceOf(CustomFunctions.Error);
            return;
          }
          const v = out[spec.name];
          if (spec.range) {
            expect(Array.isArray(v)).toBe(true);
            for (const item of v as unknown[]) {
              const p = item === null ? null : typeProblem(spec, item);
              if (p) throw new Error(`${p} from ${showArgs([raw])}`);
            }
            return;
          }
          const p = typeProblem(spec, v);
          if (p) throw new Error(`${p} from ${showArgs([raw])}`);
          if (typeof v === "number" && v === 0 && spec.type !== "year") {
            if (!isTypedZero(raw)) throw new Error(`silent 0 from ${showArgs([raw])}`);
          }
          if (
            D.isDecimal(v) &&
            (v as InstanceType<typeof D>).isZero() &&
            spec.default === undefined
          ) {
            if (!isTypedZero(raw)) throw new Error(`silent 0 amount from ${showArgs([raw])}`);
          }
        }),
        RUNS
      );
    }
  );

  test("a blank required argument is refused; a blank optional one takes its default", () => {
    const policy = defaultPolicy(2025);
    for (const blank of [null, undefined, "", "  ", "\u3000", [[null]], [[""]]]) {
      expect(() => convertArgs([SPECS[0]], [blank], policy)).toThrow(/参数 n（数值）：不能为空/);
      expect(convertArgs([SPECS[4]], [blank], policy)).toEqual({ amtOpt: new D(5) });
      expect(convertArgs([SPECS[2]], [blank], policy)).toEqual({ k: null });
    }
  });

  test("amounts are read in the workbook's unit and converted to 元", () => {
    const wan = POLICIES[1];
    const out = convertArgs([SPECS[3]], ["1,234.5"], wan) as unknown as {
      amt: InstanceType<typeof D>;
    };
    expect(out.amt.toString()).toBe("12345000");
  });
});

describe("defineFunction", () => {
  afterEach(() => {
    clearWorkbookPolicies();
    setMessageLanguage("zh");
  });

  const junkArb = fc.oneof(
    scalarArb,
    fc.constantFrom(
      NaN,
      Infinity,
      -Infinity,
      undefined,
      null,
      {},
      () => 1,
      Symbol("x"),
      new D(1),
      [[NaN]],
      [[1, [2]]],
      [1, 2]
    ),
    fc.array(fc.array(scalarArb, { maxLength: 3 }), { maxLength: 3 })
  );

  test("whatever the implementation returns, the wrapper answers a cell, an array of cells or an error — never NaN/Infinity", () => {
    fc.assert(
      fc.property(junkArb, anyArgArb, (ret, arg) => {
        const fn = defineFunction(
          {
            id: "T",
            params: [{ name: "x", zh: "值", type: "any", optional: true }, YEAR_ARG] as const,
          },
          () => ret
        );
        let r: unknown;
        expect(() => {
          r = fn(arg, null);
        }).not.toThrow();
        if (r instanceof CustomFunctions.Error) {
          if (
            hasCfError(arg) &&
            (r === arg || (Array.isArray(arg) && JSON.stringify(arg).includes(r.code)))
          )
            return;
          expect(["#VALUE!", "#N/A"]).toContain(r.code);
          expect(typeof r.message === "string" && r.message.length > 0).toBe(true);
          return;
        }
        const flat = Array.isArray(r) ? (r as unknown[][]).flat() : [r];
        for (const c of flat) {
          expect(["string", "number", "boolean"]).toContain(typeof c);
          if (typeof c === "number") expect(Number.isFinite(c)).toBe(true);
        }
      }),
      RUNS
    );
  });

  test("a RuleError becomes #VALUE!/#N/A with its message in the chosen language; other exceptions an internal #VALUE!", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc
            .constantFrom("value", "na")
            .map(
              (k) =>
                new RuleError(k as "value" | "na", "中文说明（第十条）", "English text (Art. 10)")
            ),
          fc.constantFrom(new TypeError("x is undefined"), "a string", undefined, 42)
        ),
        fc.constantFrom("zh", "en"),
        (thrown, lang) => {
          setMessageLanguage(lang as "zh" | "en");
          const fn = defineFunction({ id: "T", params: [] as const }, () => {
            throw thrown;
          });
          const r = fn() as CustomFunctions.Error;
          expect(r).toBeInstanceOf(CustomFunctions.Error);
          expect(r.message && r.message.length).toBeGreaterThan(0);
          if (thrown instanceof RuleError) {
            expect(r.code).toBe(thrown.kind === "na" ? "#N/A" : "#VALUE!");
            expect(r.message).toBe(lang === "zh" ? thrown.zh : thrown.en);
          } else {
            expect(r.code).toBe("#VALUE!");
            expect(r.message).toMatch(/^内部错误/);
          }
        }
      ),
      RUNS
    );
  });

  test("an error value in any argument is passed on unchanged", () => {
    fc.assert(
      fc.property(errorValueArb, fc.integer({ min: 0, max: 2 }), (err, at) => {
        const fn = defineFunction(
          {
            id: "T",
            params: [
              { name: "a", zh: "甲", type: "any", optional: true },
              { name: "b", zh: "乙", type: "amount", range: true, optional: true },
              { name: "c", zh: "丙", type: "any", optional: true },
            ] as const,
          },
          () => "ok"
        );
        const args: unknown[] = [1, [[2]], 3];
        args[at] = at === 1 ? [[1], [err]] : err;
        expect(fn(...args)).toBe(err);
      }),
      RUNS
    );
  });

  test("the year argument picks that year's policy (the workbook's when it has one), blank the workbook's current one", () => {
    const wb = { ...defaultPolicy(2024), amountUnit: "万元" as const };
    setWorkbookPolicy(wb);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 1999, max: 2100 }),
          fc.constantFrom(null, "", "2024年", "２０２４")
        ),
        (year) => {
          const fn = defineFunction(
            { id: "T", params: [YEAR_ARG] as const },
            (_a, ctx) => `${ctx.policy.year}/${ctx.policy.amountUnit}`
          );
          const r = fn(year);
          const y = year === null || year === "" ? 2024 : typeof year === "number" ? year : 2024;
          expect(r).toBe(`${y}/${y === 2024 ? "万元" : activePolicy(y).amountUnit}`);
        }
      ),
      RUNS
    );
  });
});

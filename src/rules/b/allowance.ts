/**
 * RULES.md B1 (002 第十三条, 第二十四条): the monthly communication allowance (通讯费) of the
 * level held after the year's decision, in 元 whatever the workbook's amount unit: 0 after
 * 退出, multiplied by the admonishment factor (50%) while the CM is under 诫勉.
 */
import { ExplainStep, step } from "../../core/explain";
import { D, Dec, dec, fmtMoney, round2 } from "../../core/money";
import type { CorpLevel, Policy } from "../../policy/types";
import { levelAllowance, levelStaffGrade } from "./levels";

export interface AllowanceResult {
  /** 元 per month, rounded to 0.01 */
  monthly: Dec;
  steps: ExplainStep[];
}

/** `level` null = 退出 (no longer a CM). */
export function allowance(
  level: CorpLevel | null,
  admonished: boolean | null,
  policy: Policy
): AllowanceResult {
  if (level === null) {
    return { monthly: new D(0), steps: [step("result", "B", "第十三条", "B_ALLOW_EXIT", {})] };
  }
  const base = dec(levelAllowance(policy, level));
  const steps: ExplainStep[] = [
    step("input", "B", "第四条、第十三条", "B_ALLOW_LEVEL", {
      level,
      grade: levelStaffGrade(policy, level),
      base: fmtMoney(base),
    }),
  ];
  let monthly = base;
  if (admonished === true) {
    const f = policy.b.admonishedAllowanceFactor;
    monthly = base.times(f);
    steps.push(
      step("cap", "B", "第二十四条", "B_ALLOW_ADMONISHED", {
        pct: dec(f).times(100).toString(),
        value: fmtMoney(monthly),
      })
    );
  }
  monthly = round2(monthly);
  steps.push(step("result", "B", "第十三条", "B_ALLOW_RESULT", { value: fmtMoney(monthly) }));
  return { monthly, steps };
}

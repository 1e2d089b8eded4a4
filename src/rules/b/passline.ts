/**
 * RULES.md B3 (002 第九条 二): the minimum pass line (在岗最低及格线). Daily average deposits
 * over the customers with at least the pass-line exclusion (单户日均余额 50万元(含)以上):
 * 见习 ≥ the trainee line, every other level ≥ the general line.
 * **Interpretation:** 第十一条 6 says "新增日均存款" for 见习 where 第九条 says the balance;
 * 第九条 (the balance) is applied.
 */
import { ExplainStep, step } from "../../core/explain";
import { Dec, dec, fmtMoney } from "../../core/money";
import type { CorpLevel, Policy } from "../../policy/types";
import { computeIndicators, CustomerInput } from "./indicators";

export interface PassLineResult {
  met: boolean;
  /** deposits counted, 元 */
  deposits: Dec;
  /** the line that applies, 元 */
  line: number;
  steps: ExplainStep[];
}

export function passLine(
  customers: readonly CustomerInput[],
  currentLevel: CorpLevel,
  policy: Policy
): PassLineResult {
  const b = policy.b;
  const article = "第九条 二";
  const ind = computeIndicators(customers, b.passLineExclusion);
  const trainee = currentLevel === "见习";
  const line = trainee ? b.passLineTrainee : b.passLineOther;
  const met = ind.deposits.gte(dec(line));
  const steps: ExplainStep[] = [
    step("calc", "B", article, "B_SCOPE", {
      level: currentLevel,
      line: fmtMoney(b.passLineExclusion),
      included: ind.included,
      excluded: ind.excluded,
    }),
    step("calc", "B", article, "B_PASSLINE", {
      level: currentLevel,
      value: fmtMoney(ind.deposits),
      min: fmtMoney(line),
      met,
    }),
  ];
  if (trainee) steps.push(step("interpretation", "B", article, "B_INTERP_TRAINEE_BALANCE", {}));
  return { met, deposits: ind.deposits, line, steps };
}

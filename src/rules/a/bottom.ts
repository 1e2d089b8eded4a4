/**
 * A7 (第三十九条): the bottom list (末位) of the county — the CMs whose responsible NPL balance is
 * among the 10 largest (competition rank, ties at the 10th place all included) or above
 * 1,000,000 元 (also a yellow card and a collection plan). Zero balances are never listed.
 */
import { valueError } from "../../core/errors";
import type { ExplainStep } from "../../core/explain";
import { Dec, fmtMoney } from "../../core/money";
import { stepA } from "./common";
import type { Policy } from "../../policy/types";

const ART = "第三十九条";

export interface BalanceInput {
  employeeId: string;
  name?: string | null;
  balance: Dec;
}

export interface BottomRow {
  employeeId: string;
  name: string | null;
  balance: Dec;
  /** competition rank by balance, largest first (1, 2, 2, 4) among the non-zero balances */
  rank: number;
  /** Chinese reasons (末10位; 超过100万元) */
  reasons: string[];
  reasonCodes: ("top" | "amount")[];
  yellowCard: boolean;
  /** 制定清收计划 (第三十九条 2) */
  collectionPlan: boolean;
  steps: ExplainStep[];
}

/** A7: the CMs on the bottom list, by rank then employee id. */
export function bottomList(balances: readonly BalanceInput[], policy: Policy): BottomRow[] {
  const a = policy.a;
  for (const b of balances) {
    if (!b.balance.isFinite() || b.balance.isNeg()) {
      throw valueError(
        `${b.employeeId} 的责任不良贷款余额应为非负金额：${b.balance.toString()}`,
        `the responsible NPL of ${b.employeeId} must be an amount ≥ 0: ${b.balance.toString()}`
      );
    }
  }
  const positive = balances.filter((b) => b.balance.gt(0));
  const sorted = [...positive].sort(
    (x, y) =>
      y.balance.comparedTo(x.balance) ||
      (x.employeeId < y.employeeId ? -1 : x.employeeId > y.employeeId ? 1 : 0)
  );
  const out: BottomRow[] = [];
  let rank = 0;
  sorted.forEach((b, i) => {
    if (i === 0 || !b.balance.eq(sorted[i - 1].balance)) rank = i + 1;
    const top = rank <= a.bottomListSize;
    const over = b.balance.gt(a.yellowCardAmount);
    if (!top && !over) return;
    const reasons: string[] = [];
    const reasonCodes: BottomRow["reasonCodes"] = [];
    const steps: ExplainStep[] = [
      stepA("input", ART, "A_BOTTOM_INPUT", {
        id: b.employeeId,
        balance: fmtMoney(b.balance),
        rank,
      }),
    ];
    if (top) {
      reasons.push(`责任不良贷款余额居全县末${a.bottomListSize}位（第${rank}名）`);
      reasonCodes.push("top");
      steps.push(stepA("calc", `${ART} 1`, "A_BOTTOM_TOP", { rank, size: a.bottomListSize }));
    }
    if (over) {
      reasons.push(`责任不良贷款余额超过${fmtMoney(a.yellowCardAmount)}元，黄牌警告并制定清收计划`);
      reasonCodes.push("amount");
      steps.push(
        stepA("calc", `${ART} 2`, "A_BOTTOM_AMOUNT", {
          balance: fmtMoney(b.balance),
          limit: fmtMoney(a.yellowCardAmount),
        })
      );
    }
    out.push({
      employeeId: b.employeeId,
      name: b.name ?? null,
      balance: b.balance,
      rank,
      reasons,
      reasonCodes,
      yellowCard: over,
      collectionPlan: over,
      steps,
    });
  });
  return out;
}

/**
 * 差错记录.条款: the item codes of RULES.md C (003 差错积分考核标准). A code is an item with
 * points in the policy, a disqualifying item (✕), or `3.15/<item>` — 3.15 (借新还旧未视同新贷款管理)
 * is scored as the item it breaks, so `3.15` alone is an error.
 */
import type { Policy } from "../policy/types";
import type { CellProblem } from "./cells";

/** Items of RULES.md C marked ✕ (取消客户经理资格): they carry no points. */
export const DISQUALIFYING_ITEMS: readonly string[] = ["1.5", "1.6", "3.1b", "3.14b"];

const REFERRING_ITEM = "3.15";

function knownItems(policy: Policy): string[] {
  return [...Object.keys(policy.c.points), ...DISQUALIFYING_ITEMS];
}

/** `code` is already normalised (half-width, no spaces, lower case). Null when the code is valid. */
export function checkItemCode(code: string, policy: Policy): CellProblem | null {
  const items = knownItems(policy);
  if (items.includes(code)) return null;
  if (code === REFERRING_ITEM) {
    return {
      rule: "CODE.条款",
      zh: "3.15（借新还旧未视同新贷款管理）须写明所违反的条款，如 3.15/3.3",
      en: "3.15 must name the item it breaks, e.g. 3.15/3.3",
    };
  }
  if (code.startsWith(`${REFERRING_ITEM}/`)) {
    const target = code.slice(REFERRING_ITEM.length + 1);
    if (items.includes(target)) return null;
    return { rule: "CODE.条款", zh: `3.15 所指的条款“${target}”不是差错积分标准中的条款`, en: `3.15 refers to "${target}", which is not an item of the error-point standard` };
  }
  const parts = items.filter((i) => i.replace(/[a-z]$/, "") === code);
  if (parts.length > 1) {
    return { rule: "CODE.条款", zh: `条款“${code}”不明确，应写 ${parts.join(" 或 ")}`, en: `item "${code}" is ambiguous: write ${parts.join(" or ")}` };
  }
  return { rule: "CODE.条款", zh: `“${code}”不是差错积分标准（RULES.md C）中的条款`, en: `"${code}" is not an item of the error-point standard (RULES.md C)` };
}

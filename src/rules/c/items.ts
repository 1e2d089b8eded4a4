/**
 * RULES.md C: item codes and per-entry deductions.
 * - `parseItemCode`: the code as written in the 差错记录 sheet → the item and the item it is
 *   scored as. `3.15` must be written `3.15/X` (借新还旧 is scored as the item X it breaks);
 *   `3.15` alone, an unknown code, or a number whose letter is missing ("3.2") is an error.
 * - per entry: points × count + the aggravation entered (once per entry); ✕ items carry no
 *   points and disqualify.
 */
import { naError, valueError } from "../../core/errors";
import { ExplainStep, step } from "../../core/explain";
import { Dec, dec } from "../../core/money";
import { excelNumber, fail, ok, Parsed } from "../../core/parse";
import { toHalfWidth } from "../../core/text";
import type { Policy } from "../../policy/types";
import { CatalogueItem, catalogueItem, REFERRING_CODE, variantsOf } from "./catalogue";

export interface ItemCode {
  /** the normalised code as written, e.g. "3.2b" or "3.15/3.3" */
  code: string;
  /** the item whose points apply ("3.3" for "3.15/3.3") */
  scoredAs: string;
}

/** Full-width → half-width, white space removed, letters in lower case. */
function normalise(raw: unknown): string | null {
  if (typeof raw === "number" && Number.isFinite(raw)) return String(excelNumber(raw)); // as Excel shows it
  if (typeof raw !== "string") return null;
  return toHalfWidth(raw).replace(/\s+/g, "").toLowerCase();
}

function unknownCode(code: string): Parsed<never> {
  const variants = variantsOf(code);
  if (variants.length > 0) {
    const hint10 = code === "3.1" ? "（若指 3.10，请把单元格设为文本后输入 3.10）" : "";
    const hint10en = code === "3.1" ? " (for 3.10, format the cell as text and type 3.10)" : "";
    return fail(
      `条款 ${code} 分为 ${variants.join("、")}，请写明是哪一项${hint10}`,
      `item ${code} has the parts ${variants.join(", ")}: say which${hint10en}`
    );
  }
  return fail(
    `“${code}”不是差错积分考核标准中的条款（应如 1.1、3.2b、3.15/3.3）`,
    `"${code}" is not an item of the error-point standard (e.g. 1.1, 3.2b, 3.15/3.3)`
  );
}

/** The code as written → {code, scoredAs}, or a Chinese/English message. */
export function parseItemCode(raw: unknown): Parsed<ItemCode> {
  const code = normalise(raw);
  if (code === null) return fail("条款应为文本，如 3.2b", "the item must be text, e.g. 3.2b");
  if (code === "") return fail("条款为空", "the item is blank");
  if (code.includes("/")) {
    const parts = code.split("/");
    if (parts[0] !== REFERRING_CODE) {
      return fail(
        `“${code}”：只有 ${REFERRING_CODE}（借新还旧）可写成“${REFERRING_CODE}/所违反条款”`,
        `"${code}": only ${REFERRING_CODE} may be written "${REFERRING_CODE}/item"`
      );
    }
    const target = parts.slice(1).join("/");
    if (parts.length !== 2 || target === "") {
      return fail(
        `“${code}”应写成“${REFERRING_CODE}/所违反条款”，如 3.15/3.3`,
        `"${code}" must be written "${REFERRING_CODE}/item", e.g. 3.15/3.3`
      );
    }
    if (target === REFERRING_CODE)
      return fail(
        `“${code}”：${REFERRING_CODE} 不能按自身计分`,
        `"${code}": ${REFERRING_CODE} cannot be scored as itself`
      );
    if (!catalogueItem(target)) return unknownCode(target);
    return ok({ code, scoredAs: target });
  }
  if (code === REFERRING_CODE) {
    return fail(
      `条款 ${REFERRING_CODE}（借新还旧未视同新贷款管理）须按所违反的条款计分，请写成“${REFERRING_CODE}/所违反条款”，如 3.15/3.3`,
      `item ${REFERRING_CODE} (refinancing) is scored as the item it breaks: write "${REFERRING_CODE}/item", e.g. 3.15/3.3`
    );
  }
  if (!catalogueItem(code)) return unknownCode(code);
  return ok({ code, scoredAs: code });
}

export interface ItemInfo extends ItemCode {
  /** the item written (3.15 for "3.15/3.3") */
  item: CatalogueItem;
  /** the item scored */
  scored: CatalogueItem;
  /** points per unit; null for a disqualifying (✕) item */
  points: number | null;
  disqualifying: boolean;
  aggravationAllowed: boolean;
}

/** The item, its points from the policy and its flags; throws a RuleError for a bad code. */
export function itemInfo(raw: unknown, policy: Policy): ItemInfo {
  const p = parseItemCode(raw);
  if (!p.ok) throw valueError(p.zh, p.en);
  const scored = catalogueItem(p.value.scoredAs)!;
  const item = catalogueItem(p.value.code.split("/")[0])!;
  let points: number | null = null;
  if (!scored.disqualifying) {
    const v = policy.c.points[scored.code];
    if (v === undefined || v === null || !Number.isFinite(v)) {
      throw naError(
        `政策参数未设置条款 ${scored.code} 的扣分`,
        `the policy has no points for item ${scored.code}`
      );
    }
    points = v;
  }
  return {
    ...p.value,
    item,
    scored,
    points,
    disqualifying: scored.disqualifying,
    aggravationAllowed: scored.aggravation,
  };
}

export interface EntryInput {
  item: unknown;
  /** blank = 1 */
  count: number | null;
  aggravation: number | null;
}

export interface EntryDeduction extends ItemInfo {
  count: number;
  aggravation: number;
  /** points × count + aggravation */
  deduction: Dec;
  steps: ExplainStep[];
}

export function entryDeduction(e: EntryInput, policy: Policy): EntryDeduction {
  const info = itemInfo(e.item, policy);
  const count = e.count ?? 1;
  if (!Number.isInteger(count) || count < 0)
    throw valueError(
      `次数应为非负整数：${count}`,
      `the count must be a whole number ≥ 0: ${count}`
    );
  const aggravation = e.aggravation ?? 0;
  if (!Number.isFinite(aggravation) || aggravation < 0)
    throw valueError(
      `加重扣分不能为负数：${aggravation}`,
      `aggravation must not be negative: ${aggravation}`
    );
  const article = info.scored.article;
  const steps: ExplainStep[] = [];
  if (info.item.refers)
    steps.push(
      step("calc", "C", info.item.article, "C_REFERS", { code: info.code, scoredAs: info.scoredAs })
    );
  let deduction = dec(0);
  if (info.disqualifying) {
    steps.push(
      step("result", "C", article, "C_DISQUALIFY", {
        code: info.scoredAs,
        what: info.scored.zh,
        whatEn: info.scored.en,
      })
    );
  } else {
    deduction = dec(info.points!).times(count);
    steps.push(
      step("calc", "C", article, "C_POINTS", {
        code: info.scoredAs,
        what: info.scored.zh,
        whatEn: info.scored.en,
        points: info.points,
        count,
        value: deduction.toString(),
      })
    );
  }
  if (aggravation > 0) {
    deduction = deduction.plus(aggravation);
    steps.push(
      step("calc", "C", article, "C_AGGRAVATION", { code: info.scoredAs, points: aggravation })
    );
    if (!info.aggravationAllowed)
      steps.push(
        step("warning", "C", article, "C_AGGRAVATION_NOT_LISTED", { code: info.scoredAs })
      );
  }
  return { ...info, count, aggravation, deduction, steps };
}

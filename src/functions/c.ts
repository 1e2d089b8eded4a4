/**
 * Custom functions of rule set C（差错积分，RULES.md C）.
 * Each function: Chinese JSDoc (`@customfunction ID`, zh-CN help in functions.json), a one-line
 * body calling a `defineFunction(spec, impl)` of ./args.ts; English help in ./c.en.ts.
 * The build (CustomFunctionsMetadataPlugin) reads this file and registers every function.
 */
import { isRuleError, RuleError, valueError } from "../core/errors";
import { RawCell } from "../core/parse";
import { deductionTotal, entryDeduction, itemInfo, shownDeduction, UNIT_ZH } from "../rules/c";
import { defineFunction, YEAR_ARG } from "./args";

/** counts / aggravation: as long as items, or left blank. */
function aligned<T>(list: (T | null)[], n: number, name: string, zh: string): (T | null)[] {
  if (list.length === n) return list;
  if (list.every((x) => x === null)) return new Array<T | null>(n).fill(null);
  throw valueError(
    `参数 ${name}（${zh}）应与参数 items 个数相同（${n} 个），实为 ${list.length} 个`,
    `argument ${name} must have as many cells as items (${n}), got ${list.length}`
  );
}

const ERRORPOINTS = defineFunction(
  {
    id: "ERRORPOINTS",
    params: [
      { name: "items", zh: "条款", type: "any", range: true },
      { name: "counts", zh: "次数", type: "int", range: true, optional: true, min: 0 },
      { name: "aggravation", zh: "加重扣分", type: "number", range: true, optional: true, min: 0 },
      YEAR_ARG,
    ] as const,
  },
  (a, ctx) => {
    const items = a.items as (RawCell | null)[];
    const counts = aligned(a.counts, items.length, "counts", "次数");
    const extra = aligned(a.aggravation, items.length, "aggravation", "加重扣分");
    const shown: number[] = [];
    items.forEach((item, i) => {
      if (item === null) {
        if (counts[i] !== null || extra[i] !== null) {
          throw valueError(
            `参数 items（条款）第 ${i + 1} 个值为空，但填写了次数或加重扣分`,
            `argument items: item ${i + 1} is blank but has a count or aggravation`
          );
        }
        return;
      }
      try {
        const d = entryDeduction({ item, count: counts[i], aggravation: extra[i] }, ctx.policy);
        shown.push(shownDeduction(d.deduction));
      } catch (e) {
        if (isRuleError(e))
          throw new RuleError(
            e.kind,
            `参数 items（条款）第 ${i + 1} 个值：${e.zh}`,
            `argument items, item ${i + 1}: ${e.en}`
          );
        throw e;
      }
    });
    return deductionTotal(shown);
  }
);

/**
 * 差错积分扣分合计（《非业绩指标“差错积分”考核标准》）：每条为 扣分 × 次数（次数留空为 1）+ 录入的加重扣分（每条只加一次）。
 * 3.15（借新还旧）须写成“3.15/所违反条款”，按该条款计分，单写 3.15 为错误。直接取消资格（✕）的条款不计分，请用 CM.ERRORITEM 查看。
 * 每条扣分先四舍五入到 0.01 再合计（与差错积分汇总所列各行相加一致）。本函数不按日期筛选：请只选取本年度的记录。
 * @customfunction ERRORPOINTS
 * @param {any[][]} items 条款（一列或一行，如 3.2b、3.15/3.3；建议设为文本格式，以免 3.10 变成 3.1）
 * @param {any[][]} [counts] 各条次数（可选，与条款一一对应，留空为 1）
 * @param {any[][]} [aggravation] 各条加重扣分（可选，与条款一一对应）
 * @param {any} [year] 政策年度（可选，默认本工作簿的政策）
 * @returns {any} 扣分合计（分）
 */
export function errorpoints(
  items: any[][],
  counts?: any[][],
  aggravation?: any[][],
  year?: any
): any {
  return ERRORPOINTS(...arguments);
}

const ITEM_HEADERS = ["条款", "按条款计分", "内容", "扣分", "计分方式", "取消资格", "可加重处罚"];

const ERRORITEM = defineFunction(
  { id: "ERRORITEM", params: [{ name: "item", zh: "条款", type: "any" }, YEAR_ARG] as const },
  (a, ctx) => {
    const info = itemInfo(a.item, ctx.policy);
    const what = info.item.refers
      ? `${info.item.zh}（按 ${info.scoredAs} ${info.scored.zh} 计分）`
      : info.scored.zh;
    const unit = info.disqualifying ? "直接取消资格" : UNIT_ZH[info.scored.unit] || "每条";
    return [
      ITEM_HEADERS,
      [
        info.code,
        info.scoredAs,
        what,
        info.points === null ? "—" : info.points,
        unit,
        info.disqualifying ? "是" : "否",
        info.aggravationAllowed ? "是" : "否",
      ],
    ];
  }
);

/**
 * 查询差错积分条款：返回带标题的一行——条款、按条款计分、内容、扣分、计分方式（每次/每户/每条）、是否直接取消客户经理资格、原文是否允许加重处罚。
 * 3.15 须写成“3.15/所违反条款”。
 * @customfunction ERRORITEM
 * @param {any} item 条款，如 1.1、3.2b、3.15/3.3
 * @param {any} [year] 政策年度（可选，默认本工作簿的政策）
 * @returns {any[][]} 两行：标题与该条款的内容
 */
export function erroritem(item: any, year?: any): any[][] {
  return ERRORITEM(...arguments) as any[][];
}

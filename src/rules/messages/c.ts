/** Explanation templates of rule set C (codes C_…): 003 非业绩指标“差错积分”考核标准. */
import type { MessageCatalog } from "../../core/explain";

export const MESSAGES_C: MessageCatalog = {
  C_REFERS: {
    zh: "{code}：借新还旧未视同新贷款管理，按所违反的条款 {scoredAs} 计分",
    en: "{code}: refinancing not managed as a new loan, scored as the item it breaks, {scoredAs}",
  },
  C_POINTS: {
    zh: "{code} {what}：{points} 分 × {count} = {value} 分",
    en: "{code} {whatEn}: {points} points × {count} = {value}",
  },
  C_DISQUALIFY: {
    zh: "{code} {what}：直接取消客户经理资格（不计分）",
    en: "{code} {whatEn}: disqualifies from the CM post outright (no points)",
  },
  C_AGGRAVATION: {
    zh: "{code}：加重处罚 {points} 分（每条记录计一次）",
    en: "{code}: aggravation {points} points (once per entry)",
  },
  C_AGGRAVATION_NOT_LISTED: {
    zh: "{code}：原文未规定此项可加重处罚，已按录入的加重扣分计入，请核实",
    en: "{code}: the source provides no aggravation for this item; the points entered were added — please check",
  },
  C_CANDIDATE: {
    zh: "{code}：说明提到“{words}”，此项可加重处罚但未录入加重扣分，请核实",
    en: '{code}: the note mentions "{words}"; aggravation is allowed for this item but none was entered — please check',
  },
  C_OUT_OF_YEAR: {
    zh: "{n} 条记录不在 {year} 年度内，未计入",
    en: "{n} entries are outside {year} and were left out",
  },
  C_ENTRY_ERRORS: {
    zh: "{n} 条记录无法计分，未给出合计",
    en: "{n} entries cannot be scored; no total is given",
  },
  C_TOTAL: {
    zh: "{year} 年度 {n} 条记录，扣分合计 {total} 分",
    en: "{n} entries in {year}: total deduction {total} points",
  },
  C_DISQUALIFIED: {
    zh: "取消客户经理资格条款：{codes}",
    en: "Disqualifying items: {codes}",
  },
};

/** Explanation templates of rule set D (codes D_…): 004 篇8 贷款风险预警制度. */
import type { MessageCatalog } from "../../core/explain";

export const MESSAGES_D: MessageCatalog = {
  D_BAND: {
    zh: "风险金额 {amount} 元：{band}（分档线 {mid} 元、{large} 元，含本数归入上一档）",
    en: "Amount at risk {amount} yuan: band {band} (lines {mid} and {large}; an amount on a line belongs to the higher band)",
  },
  D_FOUND_EARLY: {
    zh: "发现日期 {found} 早于到期日 {maturity} 前 {days} 天：时限仍按到期日倒推",
    en: "Found on {found}, more than {days} days before maturity {maturity}: the deadline still counts back from maturity",
  },
  D_DUE_SMALL: {
    zh: "到期日 {maturity} 前 {days} 天：支行应于 {deadline} 前（含当日）上报分行",
    en: "{days} days before maturity {maturity}: the branch must report by {deadline} (that day included)",
  },
  D_INTERP_SMALL_LATE: {
    zh: "解释：{mid} 元以下档没有“发现后若干日内”的规定，发现日 {found} 已晚于时限 {deadline}，按字面理解任何上报均为迟报",
    en: "Interpretation: the band below {mid} has no found-later clause; found on {found}, after the deadline {deadline}, any report is late (literal reading)",
  },
  D_DUE_BAND: {
    zh: "{band}：到期日 {maturity} 前 {daysBefore} 天为 {before}，发现日 {found} 后 {foundDays} 天为 {afterFound}，取较晚者：{deadline}",
    en:
      "{band}: {daysBefore} days before maturity {maturity} is {before}; {foundDays} days " +
      "after discovery {found} is {afterFound}; the later applies: {deadline}",
  },
  D_INTERP_FOUND_LATER: {
    zh: "解释：“发现风险后若干日内”指发现较晚、发现后时限 {afterFound} 晚于到期前时限 {before} 的情形，时限取两者中较晚者",
    en: 'Interpretation: "found later" means the found-based deadline {afterFound} falls after {before}; the later of the two applies',
  },
  D_AFTER_FOUND: {
    zh: "{type}预警：发现日 {found} 后 {days} 天内上报分行，时限 {deadline}（含当日）",
    en: "{typeEn} warning: report within {days} days of discovery {found}: by {deadline} (that day included)",
  },
  D_FORECAST: {
    zh: "后三类预测预警：月末预测下月将列入后三类，支行须在当月内上报分行：发现日 {found}，时限为当月最后一天 {deadline}（含当日）",
    en:
      "Last-three-classes forecast: the branch must report within the month of the forecast: " +
      "found {found}, by the month's last day {deadline} (that day included)",
  },
  D_MANAGEMENT: {
    zh: "{type}为管理风险预警，无支行上报时限，由分行直接上报总行：发现日 {found} 后 {days} 天内，时限 {deadline}（含当日），按分行上报日期判断",
    en:
      "{typeEn} is a management warning with no branch deadline; the branch office reports to " +
      "the head office within {days} days of discovery {found}: by {deadline} (that day " +
      "included), judged on the branch office's report date",
  },
  D_MAJOR_RED: {
    zh: "重大事项一律视为红色预警（录入为 {level}）",
    en: "A major event is always a red warning (entered as {level})",
  },
  D_OFFICE: {
    zh: "分行上报总行：风险金额 {amount} 元，自支行上报日 {branchReported} 起 {days} 天内，时限 {deadline}",
    en: "Branch office to head office: amount {amount} yuan, within {days} days of the branch report {branchReported}: by {deadline}",
  },
  D_OFFICE_NA: {
    zh: "风险金额 {amount} 元低于 {mid} 元：无分行上报总行时限",
    en: "Amount {amount} yuan is below {mid}: no branch-office-to-head-office deadline",
  },
  D_OFFICE_NO_AMOUNT: {
    zh: "风险金额为空：无法确定分行上报总行的时限",
    en: "The amount at risk is blank: the head-office deadline cannot be told",
  },
  D_OFFICE_NO_BRANCH: {
    zh: "支行尚未上报：分行上报总行的时限无从起算",
    en: "The branch has not reported: the head-office deadline has no start",
  },
  D_JUDGE: {
    zh: "{who}上报日期 {reported}，时限 {deadline} → {result}",
    en: "{whoEn} report on {reported}, deadline {deadline} → {resultEn}",
  },
};

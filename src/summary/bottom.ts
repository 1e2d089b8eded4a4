/**
 * 末位名单 (RULES.md A6–A7): the CMs on the county's bottom list — responsible NPL balance,
 * competition rank, reason, yellow card. Only the CMs on the list. Pure.
 *
 * Columns other tools rely on (WORKBOOK.md): 员工号, 姓名, 责任不良贷款余额, 排名, 原因, 黄牌.
 */
import type { ExplainStep } from "../core/explain";
import type { Issue } from "../core/issues";
import { a1 } from "../core/issues";
import { fmtMoney } from "../core/money";
import type { LoanRow, ManagerRow } from "../core/rows";
import type { ResponsibleBalances } from "../rules/a/npl";
import { bottomList } from "../rules/a/bottom";
import { renderSteps } from "../rules/explain";
import type { BuiltSummary, SummaryContext } from "./common";
import { col, moneyCell, noticeLines, summaryDef, summaryTitle, yesNo } from "./common";
import type { CellValue } from "./model";
import { consecutiveYellowCards } from "../rules/previous";

export const BOTTOM_HEADERS = [
  "员工号",
  "姓名",
  "责任不良贷款余额",
  "排名",
  "原因",
  "黄牌",
] as const;

/** The loans A6 could not decide, as issues at their row (they are in no balance). */
export function nplLoanIssues(npl: ResponsibleBalances, loans: readonly LoanRow[]): Issue[] {
  return npl.errors.map((e) => {
    const src = loans[e.loanIndex].src;
    const zh = `${e.error.zh}：此笔贷款未计入任何人的责任不良贷款（第四十条）`;
    return {
      sheet: src.sheet,
      cell: a1(src.row, 0),
      severity: "warning" as const,
      rule: "A6.第四十条",
      message: zh,
      messageEn: `${e.error.en}: the loan is in nobody's responsible NPL (Art. 40)`,
    };
  });
}

export function buildBottomSummary(
  npl: ResponsibleBalances,
  managers: readonly ManagerRow[],
  ctx: SummaryContext
): BuiltSummary {
  const def = summaryDef("bottom");
  const { policy } = ctx;
  const byId = new Map(managers.map((m) => [m.id, m]));
  const list = bottomList(
    npl.balances.map((b) => ({
      employeeId: b.employeeId,
      name: byId.get(b.employeeId)?.name ?? null,
      balance: b.balance,
    })),
    policy
  );
  const loansOf = new Map(npl.balances.map((b) => [b.employeeId, b.loanIds]));
  const incomplete = new Set(npl.incomplete);
  const columns = [
    col("员工号", "text", 10),
    col("姓名", "text", 10),
    col("责任不良贷款余额", "money", 18),
    col("排名", "int", 6),
    col("原因", "text", 50),
    col("黄牌", "text", 6),
    col("支行", "text", 14),
    col("清收计划", "text", 9),
    col("责任不良笔数", "int", 12),
    col("责任不良贷款编号", "text", 40),
    col("说明", "text", 60),
  ];
  const rows: CellValue[][] = [];
  const explanations: Record<string, ExplainStep[]> = {};
  for (const b of list) {
    const m = byId.get(b.employeeId);
    const ids = loansOf.get(b.employeeId) ?? [];
    const remarks = [
      m ? null : "员工号不在“客户经理”表中",
      incomplete.has(b.employeeId)
        ? "余额可能不完整：有贷款因数据缺失未能判断（见校验结果）"
        : null,
      ctx.incompleteOwners?.has(b.employeeId) ? "余额可能不完整：有贷款未能读取（见说明）" : null,
      renderSteps(b.steps, "zh", "；"),
    ].filter(Boolean);
    rows.push([
      b.employeeId,
      b.name,
      moneyCell(b.balance, policy),
      b.rank,
      b.reasons.join("；"),
      yesNo(b.yellowCard),
      m?.branch ?? null,
      yesNo(b.collectionPlan),
      ids.length,
      ids.join("、"),
      remarks.join("；"),
    ]);
    if (ctx.keepSteps !== false) explanations[b.employeeId] = b.steps;
  }
  const notes: CellValue[][] = [
    [
      "说明",
      `逾期超过 ${policy.a.nplOverdueDays} 天或五级分类为${policy.a.nplClasses.join("、")}的贷款计入第一责任人（职工介绍、担保的计入该职工）的责任不良贷款；逾期不超过 ${policy.a.nplOverdueDays} 天的抵押、质押贷款处于处置期，不计入（第四十条、第三十七条）`,
    ],
    [
      null,
      `列入末位：余额居全县前 ${policy.a.bottomListSize} 位（并列第 ${policy.a.bottomListSize} 名全部列入），或超过 ${fmtMoney(policy.a.yellowCardAmount)} 元（黄牌警告并制定清收计划）（第三十九条）`,
    ],
  ];
  if (npl.unattributed.length > 0) {
    notes.push([
      null,
      `${npl.unattributed.length} 笔符合条件的贷款没有第一责任人，不计入任何人：${npl.unattributed.join("、")}`,
    ]);
  }
  if (list.length === 0) {
    // (rev 2) never a fact about people it could not read
    const unread = ctx.leftOut?.length ?? 0;
    notes.push([
      null,
      unread === 0
        ? "没有客户经理列入末位名单"
        : `读取的数据中没有客户经理列入末位名单；另有 ${unread} 行未能读取（见下），未计入`,
    ]);
  }
  // (issue 18) a yellow card on last year's 末位名单 too: a second consecutive one, named below the table
  const twice = ctx.lastYear ? consecutiveYellowCards(list, ctx.lastYear) : [];
  for (const i of twice) notes.push([null, i.message]);
  notes.push(...noticeLines(ctx.notices).map((l) => [null, l[1]]));
  return {
    id: "bottom",
    model: {
      name: def.name,
      title: summaryTitle(def, policy, ctx.now, ctx.rejected),
      columns,
      rows,
      freezeHeader: true,
      notes,
    },
    explanations,
    // the loans A6 could not decide are reported once, by buildCreditSummaries (nplLoanIssues)
    issues: twice,
  };
}

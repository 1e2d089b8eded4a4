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
import type { BottomRow } from "../rules/a/bottom";
import { bottomList } from "../rules/a/bottom";
import { renderSteps } from "../rules/explain";
import type { BuiltSummary, SummaryContext } from "./common";
import { moneyCell, noticeLines, summaryDef, summaryTitle, yesNo } from "./common";
import type { Column } from "./columns";
import { Table } from "./columns";
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

/** A row of 末位名单: a CM on the list, his 客户经理 row (absent when his 员工号 is not there) and his loans. */
interface BottomSheetRow {
  b: BottomRow;
  m: ManagerRow | undefined;
  ids: readonly string[];
  /** the CMs with a loan A6 could not decide */
  incomplete: ReadonlySet<string>;
}

function bottomColumns(ctx: SummaryContext): Column<BottomSheetRow>[] {
  const { policy } = ctx;
  return [
    { header: "员工号", format: "text", width: 10, value: (r) => r.b.employeeId },
    { header: "姓名", format: "text", width: 10, value: (r) => r.b.name },
    {
      header: "责任不良贷款余额",
      format: "money",
      width: 18,
      value: (r) => moneyCell(r.b.balance, policy),
    },
    { header: "排名", format: "int", width: 6, value: (r) => r.b.rank },
    { header: "原因", format: "text", width: 50, value: (r) => r.b.reasons.join("；") },
    { header: "黄牌", format: "text", width: 6, value: (r) => yesNo(r.b.yellowCard) },
    { header: "支行", format: "text", width: 14, value: (r) => r.m?.branch ?? null },
    { header: "清收计划", format: "text", width: 9, value: (r) => yesNo(r.b.collectionPlan) },
    { header: "责任不良笔数", format: "int", width: 12, value: (r) => r.ids.length },
    { header: "责任不良贷款编号", format: "text", width: 40, value: (r) => r.ids.join("、") },
    {
      header: "说明",
      format: "text",
      width: 60,
      value: (r) =>
        [
          r.m ? null : "员工号不在“客户经理”表中",
          r.incomplete.has(r.b.employeeId)
            ? "余额可能不完整：有贷款因数据缺失未能判断（见校验结果）"
            : null,
          ctx.incompleteOwners?.has(r.b.employeeId)
            ? "余额可能不完整：有贷款未能读取（见说明）"
            : null,
          renderSteps(r.b.steps, "zh", "；"),
        ]
          .filter(Boolean)
          .join("；"),
    },
  ];
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
  const table = new Table(bottomColumns(ctx));
  const explanations: Record<string, ExplainStep[]> = {};
  for (const b of list) {
    table.add({ b, m: byId.get(b.employeeId), ids: loansOf.get(b.employeeId) ?? [], incomplete });
    if (ctx.keepSteps !== false) explanations[b.employeeId] = b.steps;
  }
  const notes: CellValue[][] = [
    [
      "说明",
      `逾期超过 ${policy.a.nplOverdueDays} 天或五级分类为${policy.a.nplClasses.join("、")}的贷款计入第一责任人（职工介绍、` +
        `担保的计入该职工）的责任不良贷款；逾期不超过 ${policy.a.nplOverdueDays} 天的抵押、质押贷款处于处置期，不计入（第四十条、第三十七条）`,
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
      columns: table.columns,
      rows: table.rows,
      freezeHeader: true,
      notes,
    },
    explanations,
    // the loans A6 could not decide are reported once, by buildCreditSummaries (nplLoanIssues)
    issues: twice,
  };
}

/**
 * 退休买断 (RULES.md A9, A11): per retiring CM (当年退休 = 是) one row per loan of his buyout
 * schedule in priority order (顺序 1, 2, …: lost limitation, credit loans, earlier borrowing,
 * loan id — 第五十条), then a 合计 row (贷款编号 = 合计) with the totals, the tolerance and the
 * loans left out of the schedule. Pure.
 *
 * Columns other tools rely on (WORKBOOK.md): 员工号, 贷款编号, 顺序, 类别, 比例, 应买断金额,
 * 已扣金额, 资金来源, 暂存, 未足额. (rev 2) 应买断金额 is after the credit of 已赔偿金额
 * (第三十六条); the columns 抵减前应买断 and 已赔偿金额 (last) show it per loan.
 */
import type { ExplainStep } from "../core/explain";
import { isRuleError, naError } from "../core/errors";
import type { Issue } from "../core/issues";
import { a1 } from "../core/issues";
import type { Dec } from "../core/money";
import { dec, fmtMoney } from "../core/money";
import type { LoanRow, ManagerRow } from "../core/rows";
import type { Policy } from "../policy/types";
import { fromYuan } from "../policy/units";
import type { BuyoutFunds, BuyoutResult } from "../rules/a/buyout";
import {
  bucketOfYear,
  buyoutSchedule,
  FUND_LABELS,
  FUND_ORDER,
  fundSourcesText,
  lateLabel,
} from "../rules/a/buyout";
import { toleranceAmount } from "../rules/a/tolerance";
import { renderSteps } from "../rules/explain";
import type { BuiltSummary, SummaryContext } from "./common";
import { moneyCell, noticeLines, summaryDef, summaryTitle, yesNo } from "./common";
import type { Column } from "./columns";
import { Table } from "./columns";
import type { CellValue } from "./model";

export const BUYOUT_HEADERS = [
  "员工号",
  "贷款编号",
  "顺序",
  "类别",
  "比例",
  "应买断金额",
  "已扣金额",
  "资金来源",
  "暂存",
  "未足额",
] as const;

const TOTAL_LABEL = "合计";

/** The explanation key of a row: "员工号|贷款编号" (合计 rows: "员工号|合计"). */
export function buyoutKey(employeeId: string, loanId: string): string {
  return `${employeeId}|${loanId}`;
}

/** 0.05 → "5%" (exact). */
function pct(rate: number): string {
  return `${dec(rate).times(100).toString()}%`;
}

/** Amount text in the workbook's unit ("50,000.00"). */
function unitMoney(policy: Policy): (x: Dec) => string {
  return (x) => fmtMoney(fromYuan(x, policy.amountUnit));
}

interface CmInputs {
  tolerance: ReturnType<typeof toleranceAmount>;
  funds: BuyoutFunds | null;
}

/** The tolerance (A9) and the funds of a retiring CM; a blank figure is a RuleError naming it (never 0). */
function inputsOf(m: ManagerRow, policy: Policy): CmInputs {
  const missing: string[] = [];
  if (m.npInterest3y === null) missing.push("近三年自然人贷款利息收入");
  if (m.entInterest3y === null) missing.push("近三年企业贷款利息收入");
  if (m.urban === null) missing.push("城区或支行长");
  const fundValues = [m.riskFund, m.postRiskFund, m.retirementPay];
  const blankFunds = FUND_ORDER.filter((_, i) => fundValues[i] === null);
  if (blankFunds.length > 0 && blankFunds.length < FUND_ORDER.length) {
    const names: Record<string, string> = {
      riskFund: "风险考核基金余额",
      postRiskFund: "岗位风险金余额",
      retirementPay: "退休当年效益工资",
    };
    missing.push(...blankFunds.map((f) => names[f]));
  }
  if (missing.length > 0) {
    throw naError(
      `缺少${missing.join("、")}：无法计算买断（第四十七条、第五十三条）`,
      `missing ${missing.join(", ")}: the buyout cannot be computed (Art. 47, 53)`
    );
  }
  const tolerance = toleranceAmount(
    m.npInterest3y!,
    m.entInterest3y!,
    m.urban!,
    policy,
    m.post ?? null
  );
  const funds: BuyoutFunds | null =
    blankFunds.length === FUND_ORDER.length
      ? null
      : { riskFund: m.riskFund!, postRiskFund: m.postRiskFund!, retirementPay: m.retirementPay! };
  return { tolerance, funds };
}

/** A loan row of a CM's schedule. */
interface LoanLine {
  m: ManagerRow;
  r: BuyoutResult["rows"][number];
  fmt: (x: Dec) => string;
}

/** A CM's 合计 row: his schedule's totals, the tolerance and the loans left out. */
interface TotalLine {
  m: ManagerRow;
  s: BuyoutResult;
  tolText: string;
  fmt: (x: Dec) => string;
}

/** A CM's 合计 row when his schedule could not be made: why (说明), the rest blank. */
interface FailedLine {
  m: ManagerRow;
  why: string;
}

type BuyoutKinds = { total: TotalLine; failed: FailedLine };

/** The totals row's 资金来源: the amounts taken per fund. */
function byFundText(s: BuyoutResult, fmt: (x: Dec) => string): string {
  const t = s.totals;
  return t.byFund
    ? FUND_ORDER.filter((f) => t.byFund![f].gt(0))
        .map((f) => `${FUND_LABELS[f].zh} ${fmt(t.byFund![f])}`)
        .join("；")
    : "未提供资金余额";
}

/** The totals row's 说明: the tolerance used, the escrow, the credit, the loans left out. */
function totalRemarks(x: TotalLine): string {
  const { s, fmt } = x;
  const t = s.totals;
  const remarks: string[] = [
    `容忍度 ${fmt(s.tolerance)}（${x.tolText}），已用 ${fmt(s.toleranceUsed)}`,
  ];
  if (t.escrow && t.escrow.gt(0)) remarks.push(`其中暂存 ${fmt(t.escrow)}（第五十一条）`);
  if (s.rows.length === 0) remarks.push("无需买断的贷款");
  if (s.excluded.length > 0)
    remarks.push(`不在买断范围：${s.excluded.map((e) => `${e.loanId} ${e.zh}`).join("；")}`);
  if (t.credited.gt(0)) remarks.push(`已赔偿金额抵减 ${fmt(t.credited)}（第三十六条）`);
  return remarks.join("；");
}

function buyoutColumns(policy: Policy): Column<LoanLine, BuyoutKinds>[] {
  const money = (x: Dec | null) => moneyCell(x, policy);
  return [
    {
      header: "员工号",
      format: "text",
      width: 10,
      value: (x) => x.m.id,
      total: (x) => x.m.id,
      failed: (x) => x.m.id,
    },
    {
      header: "贷款编号",
      format: "text",
      width: 14,
      value: (x) => x.r.loanId,
      total: () => TOTAL_LABEL,
      failed: () => TOTAL_LABEL,
    },
    { header: "顺序", format: "int", width: 6, value: (x) => x.r.order },
    {
      header: "类别",
      format: "text",
      width: 24,
      value: (x) => x.r.bucket,
      total: (x) => `${x.s.rows.length} 笔`,
    },
    {
      header: "比例",
      format: "rate",
      width: 9,
      value: (x) => (x.r.rate !== null ? x.r.rate : x.r.rateText),
    },
    {
      header: "应买断金额",
      format: "money",
      width: 14,
      value: (x) => money(x.r.obligation),
      total: (x) => money(x.s.totals.obligation),
    },
    {
      header: "已扣金额",
      format: "money",
      width: 14,
      value: (x) => money(x.r.paid),
      total: (x) => money(x.s.totals.paid),
    },
    {
      header: "资金来源",
      format: "text",
      width: 36,
      value: (x) =>
        x.r.paid === null ? "未提供资金余额" : fundSourcesText(x.r.deductions, "zh", x.fmt) || "—",
      total: (x) => byFundText(x.s, x.fmt) || "—",
    },
    { header: "暂存", format: "text", width: 6, value: (x) => yesNo(x.r.escrow) },
    {
      header: "未足额",
      format: "money",
      width: 14,
      value: (x) => money(x.r.shortfall),
      total: (x) => money(x.s.totals.shortfall),
    },
    {
      header: "姓名",
      format: "text",
      width: 10,
      value: (x) => x.m.name,
      total: (x) => x.m.name,
      failed: (x) => x.m.name,
    },
    {
      header: "贷款余额",
      format: "money",
      width: 16,
      value: (x) => money(x.r.balance),
      total: (x) => money(x.s.totals.balance),
    },
    // the year the rule used: the ledger's 形成不良年份, or Y for an undue loan nobody took over (第五十二条)
    { header: "形成不良年份", format: "int", width: 12, value: (x) => x.r.formedYear },
    {
      header: "性质",
      format: "text",
      width: 12,
      value: (x) =>
        x.r.kind === "npl" ? (x.r.introduced ? "介绍担保贷款" : "责任不良贷款") : "未到期贷款",
    },
    {
      header: "说明",
      format: "text",
      width: 80,
      value: (x) => renderSteps(x.r.steps, "zh", "；"),
      total: totalRemarks,
      failed: (x) => x.why,
    },
    // (rev 2) 第三十六条: 应买断金额 is after the credit; these show it per loan
    {
      header: "抵减前应买断",
      format: "money",
      width: 14,
      value: (x) => money(x.r.obligationBeforeCredit),
      total: (x) => money(x.s.totals.obligationBeforeCredit),
    },
    {
      header: "已赔偿金额",
      format: "money",
      width: 14,
      value: (x) => money(x.r.compensated),
      total: (x) => money(x.s.totals.compensated),
    },
  ];
}

/** The loans each of `ids` is first responsible for or introduced (the only ones A11 can select for him). */
function loansByPerson(
  loans: readonly LoanRow[],
  ids: ReadonlySet<string>
): Map<string, LoanRow[]> {
  const out = new Map<string, LoanRow[]>();
  const add = (id: string | null, loan: LoanRow) => {
    if (id === null || !ids.has(id)) return;
    const list = out.get(id);
    if (!list) out.set(id, [loan]);
    else if (list[list.length - 1] !== loan) list.push(loan);
  };
  for (const loan of loans) {
    add(loan.firstResponsible, loan);
    add(loan.introducer, loan);
  }
  return out;
}

export function buildBuyoutSummary(
  managers: readonly ManagerRow[],
  loans: readonly LoanRow[],
  ctx: SummaryContext
): BuiltSummary {
  const def = summaryDef("buyout");
  const { policy } = ctx;
  const table = new Table(buyoutColumns(policy));
  const fmt = unitMoney(policy);
  const totalRows: number[] = [];
  const explanations: Record<string, ExplainStep[]> = {};
  const issues: Issue[] = [];
  const retiring = managers.filter((m) => m.retiring === true);
  const own = loansByPerson(loans, new Set(retiring.map((m) => m.id)));
  for (const m of retiring) {
    if (ctx.incompleteOwners?.has(m.id)) {
      // (rev 2) a loan of his could not be read: no schedule that silently leaves it out
      totalRows.push(
        // the row ends at 说明, as it always has
        table.addAs("failed", { m, why: "未计算：其贷款台账有未能读取的行（见说明）" }, "说明")
      );
      continue;
    }
    try {
      const inp = inputsOf(m, policy);
      // the rule selects the CM's loans itself; giving it only those it can select keeps a large ledger fast
      const mine = own.get(m.id) ?? [];
      const s = buyoutSchedule(
        {
          employeeId: m.id,
          year: policy.year,
          tolerance: inp.tolerance.value,
          funds: inp.funds,
          loans: mine,
        },
        policy
      );
      for (const r of s.rows) {
        if (ctx.keepSteps !== false) explanations[buyoutKey(m.id, r.loanId)] = r.steps;
        table.add({ m, r, fmt });
      }
      const tolText = m.urban
        ? `城区或支行长，按比例的 ${pct(policy.a.toleranceUrbanFactor)}（第四十七条）`
        : "按近三年利息收入（第四十七条）";
      totalRows.push(table.addAs("total", { m, s, tolText, fmt }));
      if (ctx.keepSteps !== false)
        explanations[buyoutKey(m.id, TOTAL_LABEL)] = [...inp.tolerance.steps, ...s.steps];
    } catch (e) {
      if (!isRuleError(e)) throw e;
      const zh = `${m.id} ${m.name}：${e.zh}`;
      totalRows.push(table.addAs("failed", { m, why: `未计算：${zh}` }));
      issues.push({
        sheet: m.src.sheet,
        cell: a1(m.src.row, 0),
        severity: "warning",
        rule: "A11.未计算",
        message: zh,
        messageEn: `${m.id} ${m.name}: ${e.en}`,
      });
    }
  }
  const a = policy.a;
  const buckets = [...a.buyoutBuckets].sort((x, y) => x.lastYear - y.lastYear);
  const bucketText = buckets
    .map((b) => `${bucketOfYear(b.lastYear, policy)!.label} ${pct(b.rate)}`)
    .join("，");
  const notes: CellValue[][] = [
    [
      "说明",
      `买断比例：${bucketText}，${lateLabel(policy)}形成的容忍度内 ${pct(a.buyoutWithinTolRate)}、超出部分 ${pct(a.buyoutAboveTolRate)}；职工直系亲属贷款全额赔偿（第四十九条、第三十八条）`,
    ],
    [
      null,
      "顺序：已丧失诉讼时效的在先，其次信用贷款，再按借款日期先后（第五十条）；资金依次从风险考核基金、岗位风险金、退休当年效益工资中扣除（第五十三条）",
    ],
    [
      null,
      "暂存：诉讼、执行、拍卖、处置中的抵押贷款，所扣金额存入专户，贷款无损失收回后退还（第五十一条只规定抵押贷款，质押贷款照常扣款）",
    ],
    [
      null,
      "已赔偿金额：年度赔偿已付的金额从该笔应买断金额中抵减，最低为 0，在容忍额度拆分之后计算（第三十六条；解释：抵减而非免除）；“抵减前应买断”为按比例计算的金额",
    ],
  ];
  if (retiring.length === 0) {
    // (rev 2) never a fact about people it could not read: a CM left out may be retiring
    const unread = (ctx.leftOut ?? []).filter(
      (l) => l.table === "managers" && (l.row === null || l.row.retiring !== false)
    ).length;
    notes.push([
      null,
      unread === 0
        ? `${policy.year} 年没有当年退休的客户经理`
        : `读取的客户经理中没有 ${policy.year} 年当年退休的；另有 ${unread} 名客户经理的数据未能读取（见下），未计入`,
    ]);
  }
  notes.push(...noticeLines(ctx.notices).map((l) => [null, l[1]]));
  return {
    id: "buyout",
    model: {
      name: def.name,
      title: summaryTitle(def, policy, ctx.now, ctx.rejected),
      columns: table.columns,
      rows: table.rows,
      freezeHeader: true,
      totalRows,
      notes,
    },
    explanations,
    issues,
  };
}

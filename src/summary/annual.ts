/**
 * 年度赔偿 (RULES.md A12, 第三十三、三十六条, rev 2): per responsible CM, the responsible NPL (A6)
 * formed in Y − 11 (2025: the loans of 2014) — one row per loan with its balance, 免责金额, base
 * (balance up to 2010; balance − 免责金额 from 2011), ratio and amount — then a 合计 row per CM
 * (贷款编号 = 合计). While the year's ratio is unset the loans and bases are still listed and the
 * amount cells stay blank, saying which policy key to set. Loans that cannot be computed (e.g. an
 * exemption above the balance) are listed with the reason and reported as issues. Pure.
 */
import type { ExplainStep } from "../core/explain";
import type { Issue } from "../core/issues";
import { a1 } from "../core/issues";
import type { DecLike } from "../core/money";
import type { LoanRow, ManagerRow } from "../core/rows";
import type { Policy } from "../policy/types";
import { annualCompensation, ratioKey } from "../rules/a/annual";
import { renderSteps } from "../rules/explain";
import type { BuiltSummary, SummaryContext } from "./common";
import { moneyCell, noticeLines, summaryDef, summaryTitle } from "./common";
import type { Column } from "./columns";
import { Table } from "./columns";
import type { CellValue } from "./model";

export const ANNUAL_HEADERS = [
  "员工号",
  "姓名",
  "贷款编号",
  "形成不良年份",
  "贷款余额",
  "免责金额",
  "基数",
  "比例",
  "赔偿金额",
  "说明",
] as const;

const TOTAL_LABEL = "合计";

type Compensation = ReturnType<typeof annualCompensation>;
type CmCompensation = Compensation["rows"][number];

/** A loan row: the CM's loan of the formation year with its base and amount. */
interface AnnualLine {
  r: Compensation;
  cm: CmCompensation;
  name: string | null;
  l: CmCompensation["loans"][number];
  /** the ratio is unset: why (说明) */
  unset: string | null;
}

/** A CM's 合计 row. */
interface AnnualTotal {
  r: Compensation;
  cm: CmCompensation;
  name: string | null;
  unset: string | null;
}

/** A loan of the year that could not be computed: listed with the reason, never counted. */
interface AnnualFailed {
  r: Compensation;
  loan: LoanRow;
  name: string | null;
  loanId: string;
  why: string;
}

type AnnualKinds = { total: AnnualTotal; failed: AnnualFailed };

function annualColumns(policy: Policy): Column<AnnualLine, AnnualKinds>[] {
  const money = (x: DecLike | null) => moneyCell(x, policy);
  const name = (x: { name: string | null }) => x.name;
  const year = (x: { r: Compensation }) => x.r.formationYear;
  const ratio = (x: { r: Compensation }) => x.r.ratio;
  return [
    {
      header: "员工号",
      format: "text",
      width: 10,
      value: (x) => x.cm.employeeId,
      total: (x) => x.cm.employeeId,
      failed: (x) => x.loan.firstResponsible,
    },
    { header: "姓名", format: "text", width: 10, value: name, total: name, failed: name },
    {
      header: "贷款编号",
      format: "text",
      width: 14,
      value: (x) => x.l.loanId,
      total: () => TOTAL_LABEL,
      failed: (x) => x.loanId,
    },
    { header: "形成不良年份", format: "int", width: 12, value: year, failed: year },
    {
      header: "贷款余额",
      format: "money",
      width: 16,
      value: (x) => money(x.l.balance),
      total: (x) => money(x.cm.balance),
      failed: (x) => money(x.loan.balance),
    },
    {
      header: "免责金额",
      format: "money",
      width: 14,
      value: (x) => money(x.l.exempted),
      // the exemption applied (loans formed up to annualCompLastYear have none)
      total: (x) => money(x.cm.balance.minus(x.cm.base)),
      failed: (x) => money(x.loan.exempted),
    },
    {
      header: "基数",
      format: "money",
      width: 16,
      value: (x) => money(x.l.base),
      total: (x) => money(x.cm.base),
    },
    { header: "比例", format: "rate", width: 9, value: ratio, total: ratio },
    {
      header: "赔偿金额",
      format: "money",
      width: 14,
      value: (x) => money(x.l.amount),
      total: (x) => money(x.cm.amount),
    },
    {
      header: "说明",
      format: "text",
      width: 80,
      value: (x) => x.unset ?? renderSteps(x.l.steps, "zh", "；"),
      total: (x) => `${x.cm.loans.length} 笔${x.unset ? `；${x.unset}` : ""}`,
      failed: (x) => x.why,
    },
  ];
}

export function buildAnnualSummary(
  loans: readonly LoanRow[],
  managers: readonly ManagerRow[] | null,
  ctx: SummaryContext
): BuiltSummary {
  const def = summaryDef("annual");
  const { policy } = ctx;
  const r = annualCompensation(loans, policy.year, policy);
  const names = new Map((managers ?? []).map((m) => [m.id, m.name]));
  const table = new Table(annualColumns(policy));
  const totalRows: number[] = [];
  const explanations: Record<string, ExplainStep[]> = {};
  const issues: Issue[] = [];
  const unset = r.ratioError ? `未计算：${r.ratioError.zh}` : null;
  const byLoanIndex = new Map(r.errors.map((e) => [e.loanIndex, e]));

  for (const row of r.rows) {
    const name = names.get(row.employeeId) ?? null;
    for (const l of row.loans) {
      if (ctx.keepSteps !== false)
        explanations[`${row.employeeId}|${l.loanId}`] = [...r.steps, ...l.steps];
      table.add({ r, cm: row, name, l, unset });
    }
    totalRows.push(table.addAs("total", { r, cm: row, name, unset }));
  }
  // loans of the year that could not be computed: listed with the reason, never counted
  for (const e of byLoanIndex.values()) {
    const loan = loans[e.loanIndex];
    const who = loan.firstResponsible;
    table.addAs("failed", {
      r,
      loan,
      name: who ? (names.get(who) ?? null) : null,
      loanId: e.loanId,
      why: `未计算：${e.error.zh}`,
    });
    issues.push({
      sheet: loan.src.sheet,
      cell: a1(loan.src.row, 0),
      severity: "warning",
      rule: "A12.未计算",
      message: `贷款 ${e.loanId}：${e.error.zh}`,
      messageEn: `loan ${e.loanId}: ${e.error.en}`,
    });
  }

  const a = policy.a;
  const notes: CellValue[][] = [
    [
      "说明",
      `${policy.year} 年赔偿 ${policy.year} − ${a.annualCompLag} = ${r.formationYear} 年形成的责任不良贷款（第三十三条、第三十六条）；${a.annualCompFirstYear} 年起各形成年份均适用，比例由总行按形成年份确定`,
    ],
    [
      null,
      `基数：${a.annualCompLastYear} 年及以前形成的按贷款余额（按其总额的一定比例）；${a.annualCompLastYear + 1} 年及以后形成的按免责后余额 = 贷款余额 − 免责金额（免责金额为空即无免责）`,
    ],
  ];
  if (r.ratioError) {
    notes.push([
      null,
      `${r.formationYear} 年形成贷款的赔偿比例未设置：请在政策参数“${ratioKey(r.formationYear)}”中填写（${r.ratioError.kind === "na" ? "#N/A" : "#VALUE!"}：${r.ratioError.zh}）`,
    ]);
  }
  if (r.rows.length === 0 && r.errors.length === 0) {
    notes.push([
      null,
      ctx.rejected && Object.keys(ctx.rejected).length > 0
        ? `所读取的贷款中没有 ${r.formationYear} 年形成的责任不良贷款（有数据错误的行未读取，见标题）`
        : `没有 ${r.formationYear} 年形成的责任不良贷款`,
    ]);
  }
  notes.push(...noticeLines(ctx.notices).map((l) => [null, l[1]]));
  return {
    id: "annual",
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

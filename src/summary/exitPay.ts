/**
 * 离岗待遇 (RULES.md A10b, rev 2): per CM leaving the post by age this year (A8 reason 5, 延长任职至
 * respected) — A9's tolerance, A6's responsible NPL balance, within or beyond, and the pay basis
 * of 第四十五、四十七、四十八条 with the grade at exit's coefficient and A10's share. Pure.
 */
import { yearOf } from "../core/dates";
import type { IsoDate } from "../core/dates";
import { isRuleError } from "../core/errors";
import type { ExplainStep } from "../core/explain";
import type { Issue } from "../core/issues";
import { a1 } from "../core/issues";
import { dec } from "../core/money";
import type { Dec } from "../core/money";
import type { ManagerRow } from "../core/rows";
import type { Policy } from "../policy/types";
import type { CreditRosterOptions } from "../rules/a/assess";
import { assessCreditManager, isCreditManager, peerAverages } from "../rules/a/assess";
import type { FinalGrade } from "../rules/a/common";
import { exitDateOf } from "../rules/a/exit";
import { exitPayBasis, noGradeStep, UNSET_TEXT } from "../rules/a/exitPay";
import type { ResponsibleBalances } from "../rules/a/npl";
import { toleranceAmount } from "../rules/a/tolerance";
import { renderSteps } from "../rules/explain";
import type { BuiltSummary, SummaryContext } from "./common";
import { moneyCell, noticeLines, summaryDef, summaryTitle } from "./common";
import type { Column } from "./columns";
import { Table } from "./columns";
import type { CellValue, ColumnFormat } from "./model";

export const EXITPAY_HEADERS = [
  "员工号",
  "姓名",
  "支行",
  "职务",
  "退出日期",
  "退出依据",
  "退出时等级",
  "容忍额度",
  "责任不良贷款余额",
  "是否超容忍度",
  "超出比例",
  "岗位工资系数",
  "超容忍度绩效比例",
  "柜员平均效益工资",
  "柜员平均工资系数",
  "待遇依据",
  "说明",
] as const;

/** The CMs whose exit date (延长任职至, else by age) falls in the policy year. */
function leavingThisYear(
  managers: readonly ManagerRow[],
  opts: CreditRosterOptions,
  ctx: SummaryContext
) {
  const { policy } = ctx;
  const present = opts.present;
  const leaving: { m: ManagerRow; date: IsoDate; extended: boolean; steps: ExplainStep[] }[] = [];
  const unknown: ManagerRow[] = [];
  for (const m of managers) {
    if (!isCreditManager(m) && m.npInterest3y === null && m.entInterest3y === null) continue;
    const ext = present && !present.has("extendedUntil") ? null : (m.extendedUntil ?? null);
    const e = exitDateOf(m.sex, m.birth, ext, policy);
    if (e.value === null) {
      unknown.push(m);
      continue;
    }
    if (yearOf(e.value) === policy.year)
      leaving.push({ m, date: e.value, extended: ext !== null, steps: e.steps });
  }
  return { leaving, unknown };
}

/** What every row of 离岗待遇 shows: the CM, his exit, his grade at exit, his responsible NPL balance. */
interface ExitLead {
  m: ManagerRow;
  date: IsoDate;
  extended: boolean;
  grade: FinalGrade | null;
  post: string | null;
  balance: Dec;
}

/** A CM whose pay basis was found. */
interface ExitLine extends ExitLead {
  tolerance: Dec;
  r: ReturnType<typeof exitPayBasis>;
  /** 说明: the remark and the steps */
  remarks: string;
}

/** A CM whose tolerance or pay basis could not be found: 未核定 and why, at the row's cell (he is listed, not left out). */
interface ExitFailed extends ExitLead {
  why: string;
}

function exitPayColumns(
  policy: Policy,
  tellerPay: CellValue,
  tellerCoef: CellValue
): Column<ExitLine, { failed: ExitFailed }>[] {
  // a column every row fills the same way
  const lead = (
    header: string,
    format: ColumnFormat,
    width: number,
    f: (x: ExitLead) => CellValue
  ): Column<ExitLine, { failed: ExitFailed }> => ({ header, format, width, value: f, failed: f });
  return [
    lead("员工号", "text", 10, (x) => x.m.id),
    lead("姓名", "text", 10, (x) => x.m.name),
    lead("支行", "text", 14, (x) => x.m.branch),
    lead("职务", "text", 10, (x) => x.post ?? "客户经理"),
    lead("退出日期", "date", 12, (x) => x.date),
    lead("退出依据", "text", 10, (x) => (x.extended ? "延长任职至" : "年龄")),
    lead("退出时等级", "text", 10, (x) => x.grade ?? "未评定"),
    {
      header: "容忍额度",
      format: "money",
      width: 16,
      value: (x) => moneyCell(x.tolerance, policy),
    },
    lead("责任不良贷款余额", "money", 18, (x) => moneyCell(x.balance, policy)),
    {
      header: "是否超容忍度",
      format: "text",
      width: 10,
      value: (x) => (x.r.within ? "容忍度内" : "超容忍度"),
    },
    {
      header: "超出比例",
      format: "rate",
      width: 10,
      value: (x) => (x.r.over === null ? null : x.r.over.toDecimalPlaces(6).toNumber()),
    },
    {
      header: "岗位工资系数",
      format: "general",
      width: 20,
      value: (x) => x.r.coefficient ?? x.r.coefficientText,
    },
    { header: "超容忍度绩效比例", format: "rate", width: 12, value: (x) => x.r.share },
    lead("柜员平均效益工资", "general", 16, () => tellerPay),
    lead("柜员平均工资系数", "general", 14, () => tellerCoef),
    { header: "待遇依据", format: "text", width: 80, value: (x) => x.r.basisZh },
    {
      header: "说明",
      format: "text",
      width: 80,
      value: (x) => x.remarks,
      failed: (x) => x.why,
    },
  ];
}

export function buildExitPaySummary(
  managers: readonly ManagerRow[],
  npl: ResponsibleBalances,
  opts: CreditRosterOptions,
  ctx: SummaryContext
): BuiltSummary {
  const def = summaryDef("exitPay");
  const { policy } = ctx;
  const { leaving, unknown } = leavingThisYear(managers, opts, ctx);
  const balances = new Map(npl.balances.map((b) => [b.employeeId, b.balance]));
  const incomplete = new Set(npl.incomplete);
  const peers = leaving.length > 0 ? peerAverages(managers, policy) : null;
  const tellerPay: CellValue =
    policy.a.tellerAvgPay === null ? UNSET_TEXT : moneyCell(dec(policy.a.tellerAvgPay), policy);
  const tellerCoef: CellValue =
    policy.a.tellerAvgCoefficient === null ? UNSET_TEXT : policy.a.tellerAvgCoefficient;
  const table = new Table(exitPayColumns(policy, tellerPay, tellerCoef));
  const explanations: Record<string, ExplainStep[]> = {};
  const issues: Issue[] = [];
  for (const { m, date, extended, steps: exitSteps } of leaving) {
    const post = m.post ?? null;
    const steps: ExplainStep[] = [...exitSteps];
    let grade: FinalGrade | null = null;
    try {
      if (peers && isCreditManager(m))
        grade = assessCreditManager(m, peers, policy, opts).finalGrade;
    } catch (e) {
      if (!isRuleError(e)) throw e;
      steps.push(noGradeStep(e));
    }
    const balance = balances.get(m.id) ?? dec(0);
    const lead: ExitLead = { m, date, extended, grade, post, balance };
    const missingCol =
      m.npInterest3y === null
        ? "近三年自然人贷款利息收入"
        : m.entInterest3y === null
          ? "近三年企业贷款利息收入"
          : null;
    let failure: { zh: string; en: string } | null = missingCol
      ? {
          zh: `缺少${missingCol}，无法核定容忍额度（第四十七条）`,
          en: `no ${missingCol}: the tolerance cannot be computed (Art. 47)`,
        }
      : null;
    if (failure === null) {
      try {
        const tol = toleranceAmount(
          m.npInterest3y as Dec,
          m.entInterest3y as Dec,
          m.urban === true,
          policy,
          post
        );
        steps.push(...tol.steps);
        const r = exitPayBasis(
          { exitDate: date, extended, grade, post, tolerance: tol.value, balance },
          policy
        );
        steps.push(...r.steps);
        const remark = incomplete.has(m.id)
          ? "责任不良余额可能不完整：有贷款因数据缺失未能判断（见校验结果）；"
          : "";
        table.add({
          ...lead,
          tolerance: tol.value,
          r,
          remarks: remark + renderSteps(steps, "zh", "；"),
        });
      } catch (e) {
        if (!isRuleError(e)) throw e;
        failure = { zh: e.zh, en: e.en };
      }
    }
    if (failure !== null) {
      // said in the row itself (the CM is listed, not left out): 未核定 and why, at the row's cell
      table.addAs("failed", {
        ...lead,
        why: `未核定（${m.src.sheet}!${a1(m.src.row, 0)}）：${failure.zh}`,
      });
    }
    if (ctx.keepSteps !== false) explanations[m.id] = steps;
  }
  const notes: CellValue[][] = [];
  notes.push([
    "说明",
    `本表列出 ${policy.year} 年按年龄离岗（退出日期在本年度，经总行同意延长任职的以“延长任职至”为准）的客户经理的待遇依据（第四十五、四十七、四十八条），不计算工资。柜员平均效益工资、柜员平均工资系数取政策参数，未设置时显示“${UNSET_TEXT}”。`,
  ]);
  if (leaving.length === 0 && unknown.length === 0)
    notes.push([null, `没有 ${policy.year} 年按年龄离岗的客户经理`]);
  if (unknown.length > 0) {
    notes.push([
      null,
      `${unknown.length} 名客户经理缺少性别或出生日期（且无延长任职至），无法判断是否当年离岗，未列入：${unknown.map((m) => `${m.id} ${m.name}`).join("、")}`,
    ]);
  }
  notes.push(...noticeLines(ctx.notices).map((l) => [null, l[1]]));
  return {
    id: "exitPay",
    model: {
      name: def.name,
      title: summaryTitle(def, policy, ctx.now, ctx.rejected),
      columns: table.columns,
      rows: table.rows,
      freezeHeader: true,
      notes,
    },
    explanations,
    issues,
  };
}

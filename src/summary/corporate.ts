/**
 * 公司客户经理等级 (RULES.md B1–B4): per corporate CM the indicators and conditions per level,
 * the qualified level, the minimum pass line, the year's decision with the 破格 flag, and the
 * monthly communication allowance after the decision. Pure.
 *
 * Columns other tools rely on (WORKBOOK.md): 员工号, 姓名, 现等级, 达标等级, 决定, 新等级 (rev 2: the
 * level held after the decision, blank after 退出), 破格, 通讯费. 决定 is one of 退出, 低聘, 定级, 晋升,
 * 续聘, 见习中 (rev 2); a CM with no decision (data missing) has them blank and the row says why.
 * 通讯费 is the monthly figure in 元 whatever the workbook's amount unit (RULES.md B1); the other
 * amounts are in the workbook's unit; 国际结算 is in USD as entered.
 */
import type { ExplainStep } from "../core/explain";
import type { Issue } from "../core/issues";
import { a1 } from "../core/issues";
import { dec } from "../core/money";
import { CORP_LEVELS } from "../core/rows";
import type {
  CorpManagerAssessed,
  CorpManagerError,
  CorpManagerResult,
  LevelCheck,
} from "../rules/b";
import type { Condition } from "../rules/b/indicators";
import { nextLevelText } from "../rules/b/next";
import { corporateYellowCard, yellowCardText } from "../rules/b/yellow";
import type { CorporateYellow } from "../rules/b/yellow";
import { renderSteps } from "../rules/explain";
import type { CorpLevel } from "../policy/types";
import type { BuiltSummary, SummaryContext } from "./common";
import {
  moneyCell,
  noticeLines,
  numCell,
  summaryDef,
  summaryTitle,
  yesNo,
  yuanCell,
} from "./common";
import type { Column } from "./columns";
import { Table } from "./columns";
import type { CellValue } from "./model";
import { levelChange, PREVIOUS_COLUMNS } from "../rules/previous";

export const CORPORATE_HEADERS = [
  "员工号",
  "姓名",
  "现等级",
  "达标等级",
  "决定",
  "新等级",
  "破格",
  "通讯费",
] as const;

/** (issue 18) the column before 说明: 是（不称职，第二十一条） / 是（低于最低及格线，第二十一条） / blank */
export const YELLOW_COLUMN = "黄牌";

/**
 * (issue 18) right after 黄牌, only when the 客户经理 table has the column: 是 / 否 / blank as typed
 * (read back by next year's --previous: 连续两年后三名, rules/previous.ts)
 */
export const BOTTOM3_COLUMN = "本年后三名";

/** A yellow card on last year's 公司客户经理等级 and this year's: a warning at last year's cell. */
function consecutiveCorporateYellow(
  r: { id: string; name: string },
  at: { sheet: string; cell: string },
  years: number
): Issue {
  return {
    sheet: at.sheet,
    cell: at.cell,
    severity: "warning",
    rule: "B5.连续黄牌",
    message: `${r.name}（${r.id}）上年、本年连续 ${years} 年黄牌警告（第二十一条）：解聘候选（第二十二条 五），请按规定复核`,
    messageEn: `${r.id}: yellow cards in ${years} consecutive years (Art. 21): a dismissal candidate (Art. 22 (5)), please review`,
  };
}

const LEVELS: readonly CorpLevel[] = CORP_LEVELS;

const MARK: Record<Condition["status"], string> = {
  达标: "✓",
  未达标: "✗",
  汇率未设置: "（汇率未设置）",
  数据缺失: "（缺数据）",
  不要求: "—",
};

function condText(c: Condition, label: string): string {
  return `${label}${MARK[c.status]}`;
}

/** "a✓ b✗ c✓ d✗（需 2 项）；质量✓；年限✓ ⇒ 达标" */
export function levelConditionText(ch: LevelCheck): string {
  const parts: string[] = [];
  if (ch.level === "见习") parts.push(condText(ch.business[0], "存款"));
  else
    parts.push(
      `${ch.business.map((c) => condText(c, c.key)).join(" ")}（${ch.businessMet}/${ch.needed} 项）`
    );
  if (ch.quality) parts.push(condText(ch.quality, "质量"));
  if (ch.tenure) parts.push(condText(ch.tenure, "年限"));
  return `${parts.join("；")} ⇒ ${ch.qualifies ? "达标" : ch.rateDecides ? "取决于汇率（未设置）" : "未达标"}`;
}

/** A CM assessed: his result and his checks by level (a level not checked: its cells blank). */
interface CorpLine {
  r: CorpManagerAssessed;
  checks: ReadonlyMap<CorpLevel, LevelCheck>;
  /** (issue 18) 黄牌 of 第二十一条 二、三 */
  yellow: CorporateYellow;
  /** (issue 18) 上年等级 / 变化: null when last year's 公司客户经理等级 was not given */
  last: LastCells | null;
}

/** A CM who could not be assessed: why, in 说明 and 距上一级别; the rest blank. */
interface CorpFailed {
  r: CorpManagerError;
  last: LastCells | null;
}

type LastCells = ReturnType<typeof levelChange>;
type CorpKinds = { failed: CorpFailed };
type CorpColumn = Column<CorpLine, CorpKinds>;

/** The first check of each level (as `checks.find` gives it). */
function checksByLevel(checks: readonly LevelCheck[]): Map<CorpLevel, LevelCheck> {
  const out = new Map<CorpLevel, LevelCheck>();
  for (const c of checks) if (!out.has(c.level)) out.set(c.level, c);
  return out;
}

/** Per level: 日均存款 (and for 四级 up 日均贷款, 国际结算美元, 新增日均存款) and 条件. */
function levelColumns(policy: SummaryContext["policy"]): CorpColumn[] {
  const out: CorpColumn[] = [];
  const of =
    (l: CorpLevel, f: (ch: LevelCheck) => CellValue) =>
    (x: CorpLine): CellValue => {
      const ch = x.checks.get(l);
      return ch ? f(ch) : null;
    };
  for (const l of LEVELS) {
    const money = (header: string, f: (ch: LevelCheck) => Parameters<typeof moneyCell>[0]) =>
      out.push({
        header,
        format: "money",
        width: 16,
        value: of(l, (ch) => moneyCell(f(ch), policy)),
      });
    money(`${l}·日均存款`, (ch) => ch.indicators.deposits);
    if (l !== "见习") {
      money(`${l}·日均贷款`, (ch) => ch.indicators.loans);
      out.push({
        header: `${l}·国际结算美元`,
        format: "money",
        width: 16,
        value: of(l, (ch) => numCell(ch.indicators.settlementUsd.toDecimalPlaces(2))),
      });
      money(`${l}·新增日均存款`, (ch) => ch.indicators.newDeposits);
    }
    out.push({ header: `${l}·条件`, format: "text", width: 30, value: of(l, levelConditionText) });
  }
  return out;
}

function corporateColumns(
  policy: SummaryContext["policy"],
  withLast: boolean,
  bottom3: ReadonlyMap<string, boolean | null> | null
): CorpColumn[] {
  const columns: CorpColumn[] = [
    { header: "员工号", format: "text", width: 10, value: (x) => x.r.id, failed: (x) => x.r.id },
    { header: "姓名", format: "text", width: 10, value: (x) => x.r.name, failed: (x) => x.r.name },
    { header: "现等级", format: "text", width: 8, value: (x) => x.r.currentLevel },
    { header: "达标等级", format: "text", width: 10, value: (x) => x.r.qualifiedLevel },
    { header: "决定", format: "text", width: 8, value: (x) => x.r.decision },
    { header: "新等级", format: "text", width: 8, value: (x) => x.r.newLevel },
    { header: "破格", format: "text", width: 6, value: (x) => yesNo(x.r.breakthrough) },
    { header: "通讯费", format: "money", width: 10, value: (x) => yuanCell(x.r.allowance) },
    {
      header: "最低及格线",
      format: "text",
      width: 12,
      value: (x) => (x.r.passLine.met ? "达到" : "未达到"),
    },
    { header: "客户数", format: "int", width: 8, value: (x) => x.r.customers },
    ...levelColumns(policy),
    // (issue 18) 黄牌 (第二十一条 二、三) before 说明: 说明, 距上一级别 (and 上年等级, 变化) stay last;
    // blank for a CM not assessed
    { header: YELLOW_COLUMN, format: "text", width: 24, value: (x) => yellowCardText(x.yellow) },
    ...(bottom3
      ? [
          {
            header: BOTTOM3_COLUMN,
            format: "text",
            width: 10,
            value: (x) => yesNo(bottom3.get(x.r.id) ?? null),
            failed: (x) => yesNo(bottom3.get(x.r.id) ?? null),
          } satisfies CorpColumn,
        ]
      : []),
    {
      header: "说明",
      format: "text",
      width: 80,
      value: (x) => renderSteps(corporateNoteSteps(x.r.steps), "zh", "；"),
      failed: (x) => x.r.error.zh,
    },
    {
      header: "距上一级别",
      format: "text",
      width: 60,
      value: (x) => nextLevelText(x.r.next),
      // it cannot be given either: it says why (the same reason as 说明)
      failed: (x) => `无法计算：${x.r.error.zh}`,
    },
  ];
  if (withLast)
    columns.push(
      {
        header: PREVIOUS_COLUMNS.prev,
        format: "text",
        width: 9,
        value: (x) => x.last?.prev ?? null,
        failed: (x) => x.last?.prev ?? null,
      },
      {
        header: PREVIOUS_COLUMNS.change,
        format: "text",
        width: 6,
        value: (x) => x.last?.change ?? null,
        failed: (x) => x.last?.change ?? null,
      }
    );
  return columns;
}

/** Steps worth a line in the 说明 cell: the outcome, not every indicator (those have their columns). */
const DETAIL =
  /^B_(SCOPE|BLANKS|COND_|COUNT|QUALITY_|TENURE|LEVEL_RESULT|TRAINEE|INTERP_A_DEPOSITS|INTERP_CNY|RATE_UNSET|RATE_DECIDES)/;

export function corporateNoteSteps(steps: readonly ExplainStep[]): ExplainStep[] {
  const seen = new Set<string>();
  return steps.filter((s) => {
    const keep = !DETAIL.test(s.code) || s.kind === "warning" || s.kind === "interpretation";
    if (!keep) return false;
    if (s.kind === "warning" || s.kind === "interpretation") {
      if (seen.has(s.code)) return false;
      seen.add(s.code);
    }
    return true;
  });
}

/**
 * `results` may be a stream (rules/b/roster.ts corporateResults): each is used once, as it comes.
 * `bottom3`: 本年后三名 per 员工号 when the 客户经理 table has that column (its column shown), else null.
 */
export function buildCorporateSummary(
  results: Iterable<CorpManagerResult>,
  ctx: SummaryContext,
  bottom3: ReadonlyMap<string, boolean | null> | null = null
): BuiltSummary {
  const def = summaryDef("corporate");
  const { policy } = ctx;
  // (issue 18) 上年等级 / 变化 at the end, only when last year's 公司客户经理等级 was given
  const last = ctx.lastYear?.corporate ?? null;
  const table = new Table<CorpLine, CorpKinds>(corporateColumns(policy, last !== null, bottom3));
  const explanations: Record<string, ExplainStep[]> = {};
  const issues: Issue[] = [];
  const twice: Issue[] = [];
  for (const r of results) {
    if (!r.ok) {
      table.addAs("failed", { r, last: last ? levelChange(last.get(r.id), null, null) : null });
      issues.push({
        sheet: r.src.sheet,
        cell: a1(r.src.row, 0),
        severity: "warning",
        rule: "B.未评定",
        message: r.error.zh,
        messageEn: r.error.en,
      });
      continue;
    }
    const prevYellow = last?.get(r.id)?.yellow ?? null;
    const yellow = corporateYellowCard(
      {
        assessment: r.assessment,
        passLineMet: r.passLine.met,
        priorYellowYears: prevYellow?.value === true ? 1 : 0,
      },
      policy
    );
    if (yellow.dismiss && prevYellow)
      twice.push(consecutiveCorporateYellow(r, prevYellow.at, yellow.years));
    table.add({
      r,
      checks: checksByLevel(r.checks),
      yellow,
      last: last ? levelChange(last.get(r.id), r.newLevel, r.decision) : null,
    });
    // the 黄牌 steps (第二十一条, 第二十二条 五) follow the CM's own: the column is explained too
    if (ctx.keepSteps !== false)
      explanations[r.id] = yellow.steps.length > 0 ? [...r.steps, ...yellow.steps] : r.steps;
  }
  const notes: CellValue[][] = [
    [
      "说明",
      `通讯费为调整后等级的每月金额，单位为元（不随金额单位换算；诫勉中按 ${dec(policy.b.admonishedAllowanceFactor).times(100).toString()}% 发放，第十三条、第二十四条）`,
    ],
    [
      null,
      "各等级指标只计日均存款不低于该等级排除线的客户（第十一条 二）；国际结算额为美元；✓ 达标，✗ 未达标，— 不要求",
    ],
    [
      null,
      "决定为 退出/低聘/定级/晋升/续聘/见习中（第十九条）：当年差错记录有取消客户经理资格条款的先行退出；见习期内为见习中，期满后按见习考试与原行员等级定级（第六条、第十九条五）；新等级为决定后所任等级，退出为空",
    ],
    [
      null,
      "距上一级别：现等级之上一级（见习→四级 … 一级→高级）每项条件还差多少——a–d 为计入客户的合计与单户最高（元，国际结算为美元），条件(2)、连续营销年限（第十一条）；晋升另须考核称职以上、升等考试通过（第十九条）",
    ],
    [
      null,
      `黄牌：年度考核不称职、低于最低及格线时为“是”（第二十一条 二、三）；连续 ${policy.b.yellowQuarters} 个季度未完成任务（第二十一条 一）不在工作簿中，须另行填写`,
    ],
    // (issue 18) a yellow card last year and this year: 解聘 candidate (第二十二条 五)
    ...twice.map((i) => [null, i.message]),
    ...noticeLines(ctx.notices).map((l) => [null, l[1]]),
  ];
  return {
    id: "corporate",
    model: {
      name: def.name,
      title: summaryTitle(def, policy, ctx.now, ctx.rejected),
      columns: table.columns,
      rows: table.rows,
      freezeHeader: true,
      notes,
    },
    explanations,
    issues: [...issues, ...twice],
  };
}

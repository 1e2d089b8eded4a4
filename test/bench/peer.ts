/**
 * The peer: the same credit-CM grades computed by a spreadsheet engine with native formulas —
 * what a user would build by hand from the 客户经理 sheet (RULES.md A1–A5): peer averages per
 * branch type with AVERAGEIF; the three component scores with MIN/MAX/ROUND; the deductions; the
 * total and the score grade with IFS(ROUND(…)); then the grade the roster reports, 最终等级 — the
 * protection period of first-time CMs with EDATE and the caps (serious violation, new-NPL rate
 * over the tolerance rate and over 1.5 × it), the lowest cap winning, never raising a grade and
 * never turning 取消资格 into a grade. Every figure is taken from the policy object.
 * HyperFormula (licenseKey "gpl-v3", a test-only dependency) evaluates it.
 */
import { HyperFormula } from "hyperformula";
import { toSerial } from "../../src/core/dates";
import { parseNumber } from "../../src/core/parse";
import type { CreditGrade, Policy } from "../../src/policy/types";

export interface PeerInput {
  headers: string[];
  rows: unknown[][];
}

export interface PeerGrades {
  /** 分数等级: from the total score alone (A1) */
  score: string;
  /** 最终等级: after protection (A5) and the caps (A4) */
  final: string;
}

const TYPE_NAMES: Record<string, string> = {
  城关区: "一类行",
  乡镇区: "二类行",
  行政村区: "三类行",
};
const DISQUALIFIED = "取消资格";

function num(v: unknown): number | null {
  if (v === null || v === undefined || v === "") return null;
  const p = parseNumber(
    typeof v === "object" && v !== null && "text" in v ? (v as { text: string }).text : v
  );
  return p.ok ? p.value : null;
}

/** A date cell as an Excel serial (the sheet's dates are {date: "yyyy-mm-dd"}), or null. */
function serial(v: unknown): number | null {
  if (v !== null && typeof v === "object" && "date" in v)
    return toSerial((v as { date: string }).date);
  return typeof v === "number" ? v : null;
}

/** The data columns (typed as numbers, as cells of a clean sheet) and one formula row per CM. */
export function peerSheet(
  input: PeerInput,
  policy: Policy
): { sheet: unknown[][]; ids: string[]; scoreCol: number; finalCol: number } {
  const a = policy.a;
  const col = (h: string) => {
    const i = input.headers.indexOf(h);
    if (i < 0) throw new Error(`no column ${h}`);
    return i;
  };
  const src = {
    id: col("员工号"),
    type: col("行别类型"),
    first: col("首次任职日期"),
    count: col("当年发放贷款笔数"),
    income: col("当年贷款利息收入"),
    npl: col("新增不良贷款余额"),
    managed: col("年末管理贷款总额"),
    exam: col("考试不合格次数"),
    pen: col("经济处罚次数"),
    crit: col("通报批评次数"),
    serious: col("严重违规次数"),
  };
  // grades by rank: 1 = the highest … n+1 = 取消资格
  const grades = [...a.grades].sort((x, y) => y.minScore - x.minScore);
  const names = [...grades.map((g) => g.grade), DISQUALIFIED];
  const rank = (g: CreditGrade) => names.indexOf(g) + 1;
  const out = names.length;
  const assessed = toSerial(policy.assessmentDate);
  const tol = policy.nplToleranceRatePct;
  const n = input.rows.length;
  const last = n + 1;
  const ids: string[] = [];
  const sheet: unknown[][] = [
    [
      "员工号",
      "行别类型",
      "笔数",
      "利息收入",
      "新增不良",
      "管理贷款",
      "考试",
      "处罚",
      "通报",
      "严重",
      "首次任职",
      "笔数得分",
      "利息得分",
      "质量得分",
      "扣分",
      "总分",
      "分数等级",
      "等级序",
      "保护期",
      "不良率%",
      "封顶序",
      "最终等级",
      "",
      "行别",
      "平均笔数",
      "平均利息",
    ],
  ];
  const types = ["一类行", "二类行", "三类行"];
  input.rows.forEach((row, i) => {
    const r = i + 2;
    const type = String(row[src.type] ?? "").trim();
    ids.push(String(row[src.id] ?? "").trim());
    const avg = (k: number) => `VLOOKUP(B${r},$X$2:$Z$4,${k},FALSE())`;
    const total = `ROUND(P${r},2)`;
    const byScore = (value: (k: number) => string) =>
      `IFS(${grades.map((g, k) => `${total}>=${g.minScore},${value(k)}`).join(",")},TRUE(),${value(grades.length)})`;
    const npCap =
      tol === null
        ? "1"
        : `IF(T${r}>${tol}*${a.farOverToleranceFactor},${rank(a.capFarOverTolerance)},IF(T${r}>${tol},${rank(a.capOverTolerance)},1))`;
    const rankAfterProtection = `IF(AND(S${r},R${r}=${out}),${rank(a.protectedGrade)},R${r})`;
    sheet.push([
      ids[i],
      TYPE_NAMES[type] ?? type,
      num(row[src.count]),
      num(row[src.income]),
      num(row[src.npl]),
      num(row[src.managed]),
      num(row[src.exam]) ?? 0,
      num(row[src.pen]) ?? 0,
      num(row[src.crit]) ?? 0,
      num(row[src.serious]) ?? 0,
      serial(row[src.first]),
      `=ROUND(MAX(${a.countMin},MIN(${a.countMax},${a.countBase}+${a.countPerPct}*(C${r}/${avg(2)}-1)*100)),2)`,
      `=ROUND(MAX(${a.incomeMin},MIN(${a.incomeMax},${a.incomeBase}*D${r}/${avg(3)})),2)`,
      `=ROUND(MAX(${a.qualityMin},${a.qualityMax === null ? "" : `MIN(${a.qualityMax},`}${a.qualityBase}+${a.qualityPerPct}*(${a.qualityPivotPct}-E${r}/F${r}*100))${a.qualityMax === null ? "" : ")"},2)`,
      `=${a.deductExamFail}*G${r}+${a.deductPenalty}*H${r}+${a.deductCriticism}*I${r}+${a.deductSeriousViolation}*J${r}`,
      `=L${r}+M${r}+N${r}-O${r}`,
      `=${byScore((k) => `"${names[k]}"`)}`,
      `=${byScore((k) => String(k + 1))}`,
      // A5: assessed before the anniversary (EDATE keeps 29 Feb → 28 Feb, as the rule does)
      `=IF(ISNUMBER(K${r}),${assessed}<EDATE(K${r},${12 * a.protectionYears}),FALSE())`,
      `=E${r}/F${r}*100`,
      `=MAX(IF(J${r}>0,${rank(a.capSeriousViolation)},1),${npCap})`,
      `=CHOOSE(IF(${rankAfterProtection}=${out},${out},MAX(${rankAfterProtection},U${r})),${names.map((x) => `"${x}"`).join(",")})`,
      null,
      i < 3 ? types[i] : null,
      i < 3 ? `=AVERAGEIF($B$2:$B$${last},X${r},$C$2:$C$${last})` : null,
      i < 3 ? `=AVERAGEIF($B$2:$B$${last},X${r},$D$2:$D$${last})` : null,
    ]);
  });
  return { sheet, ids, scoreCol: 16, finalCol: 21 };
}

function text(v: unknown): string {
  return typeof v === "string" ? v : `#${(v as { type?: string })?.type ?? "?"}`;
}

/** Builds the engine and computes every grade; returns id → grades (or the error text). */
export function peerGrades(input: PeerInput, policy: Policy): Map<string, PeerGrades> {
  const { sheet, ids, scoreCol, finalCol } = peerSheet(input, policy);
  const hf = HyperFormula.buildFromSheets({ 成绩: sheet as never }, { licenseKey: "gpl-v3" });
  const id = hf.getSheetId("成绩")!;
  const out = new Map<string, PeerGrades>();
  ids.forEach((cm, i) => {
    out.set(cm, {
      score: text(hf.getCellValue({ sheet: id, row: i + 1, col: scoreCol })),
      final: text(hf.getCellValue({ sheet: id, row: i + 1, col: finalCol })),
    });
  });
  hf.destroy();
  return out;
}

/**
 * The peer: the same credit-CM grades computed by a spreadsheet engine with native formulas —
 * what a user would build by hand (RULES.md A1–A3): peer averages per branch type with
 * AVERAGEIF, the three component scores with MIN/MAX/ROUND, the deductions, the total and the
 * grade with IFS(ROUND(…)). Every figure is taken from the policy object. HyperFormula
 * (licenseKey "gpl-v3", a test-only dependency) evaluates it.
 */
import { HyperFormula } from "hyperformula";
import { parseNumber } from "../../src/core/parse";
import type { Policy } from "../../src/policy/types";

export interface PeerInput {
  headers: string[];
  rows: unknown[][];
}

const TYPE_NAMES: Record<string, string> = { 城关区: "一类行", 乡镇区: "二类行", 行政村区: "三类行" };

function num(v: unknown): number | null {
  if (v === null || v === undefined || v === "") return null;
  const p = parseNumber(typeof v === "object" && v !== null && "text" in v ? (v as { text: string }).text : v);
  return p.ok ? p.value : null;
}

/** The data columns (typed as numbers, as cells of a clean sheet) and one formula row per CM. */
export function peerSheet(input: PeerInput, policy: Policy): { sheet: unknown[][]; ids: string[]; gradeCol: number } {
  const a = policy.a;
  const col = (h: string) => {
    const i = input.headers.indexOf(h);
    if (i < 0) throw new Error(`no column ${h}`);
    return i;
  };
  const src = {
    id: col("员工号"),
    type: col("行别类型"),
    count: col("当年发放贷款笔数"),
    income: col("当年贷款利息收入"),
    npl: col("新增不良贷款余额"),
    managed: col("年末管理贷款总额"),
    exam: col("考试不合格次数"),
    pen: col("经济处罚次数"),
    crit: col("通报批评次数"),
    serious: col("严重违规次数"),
  };
  const n = input.rows.length;
  const last = n + 1;
  const ids: string[] = [];
  const sheet: unknown[][] = [["员工号", "行别类型", "笔数", "利息收入", "新增不良", "管理贷款", "考试", "处罚", "通报", "严重", "笔数得分", "利息得分", "质量得分", "扣分", "总分", "分数等级", "", "行别", "平均笔数", "平均利息"]];
  const types = ["一类行", "二类行", "三类行"];
  const g = a.grades;
  input.rows.forEach((row, i) => {
    const r = i + 2;
    const type = String(row[src.type] ?? "").trim();
    ids.push(String(row[src.id] ?? "").trim());
    const avg = (k: number) => `VLOOKUP(B${r},$R$2:$T$4,${k},FALSE())`;
    const total = `ROUND(O${r},2)`;
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
      `=ROUND(MAX(${a.countMin},MIN(${a.countMax},${a.countBase}+${a.countPerPct}*(C${r}/${avg(2)}-1)*100)),2)`,
      `=ROUND(MAX(${a.incomeMin},MIN(${a.incomeMax},${a.incomeBase}*D${r}/${avg(3)})),2)`,
      `=ROUND(MAX(${a.qualityMin},${a.qualityMax === null ? "" : `MIN(${a.qualityMax},`}${a.qualityBase}+${a.qualityPerPct}*(${a.qualityPivotPct}-E${r}/F${r}*100))${a.qualityMax === null ? "" : ")"},2)`,
      `=${a.deductExamFail}*G${r}+${a.deductPenalty}*H${r}+${a.deductCriticism}*I${r}+${a.deductSeriousViolation}*J${r}`,
      `=K${r}+L${r}+M${r}-N${r}`,
      `=IFS(${total}>=${g[0].minScore},"${g[0].grade}",${total}>=${g[1].minScore},"${g[1].grade}",${total}>=${g[2].minScore},"${g[2].grade}",TRUE(),"取消资格")`,
      null,
      i < 3 ? types[i] : null,
      i < 3 ? `=AVERAGEIF($B$2:$B$${last},R${r},$C$2:$C$${last})` : null,
      i < 3 ? `=AVERAGEIF($B$2:$B$${last},R${r},$D$2:$D$${last})` : null,
    ]);
  });
  return { sheet, ids, gradeCol: 15 };
}

/** Builds the engine and computes every grade; returns id → grade (or the error text). */
export function peerGrades(input: PeerInput, policy: Policy): Map<string, string> {
  const { sheet, ids, gradeCol } = peerSheet(input, policy);
  const hf = HyperFormula.buildFromSheets({ 成绩: sheet as never }, { licenseKey: "gpl-v3" });
  const id = hf.getSheetId("成绩")!;
  const out = new Map<string, string>();
  ids.forEach((cm, i) => {
    const v = hf.getCellValue({ sheet: id, row: i + 1, col: gradeCol });
    out.set(cm, typeof v === "string" ? v : `#${(v as { type?: string })?.type ?? "?"}`);
  });
  hf.destroy();
  return out;
}

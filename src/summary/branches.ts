/**
 * (issue 15 item 6) The per-branch view of 等级汇总: for each 支行 the number of CMs per final
 * grade and their average total score — the first thing a county office reads. Written as a
 * block after the peer averages of 等级汇总 (its notes), so the table itself stays one row per
 * CM (WORKBOOK.md: other tools rely on it). Derived from the 等级汇总 model by its headers, so
 * it follows whatever the grades builder writes. Pure.
 */
import { D } from "../core/money";
import { FINAL_GRADES } from "../rules/a/common";
import { GRADES_HEADERS } from "./grades";
import type { Column } from "./columns";
import { cellsOf } from "./columns";
import type { CellValue, SheetModel } from "./model";

/** The final grades counted, best first (RULES.md A1 第十条: 一级…三级, 取消资格). */
export const BRANCH_GRADES = FINAL_GRADES;
const NO_BRANCH = "（未填支行）";
const BRANCH_BLOCK_LABEL = "各支行等级分布";

export interface BranchLine {
  branch: string;
  count: number;
  /** CMs per grade of {@link BRANCH_GRADES} */
  grades: number[];
  /** CMs with no final grade (未评定) */
  unrated: number;
  /** average 总分 of the rated CMs, to 0.01 half-up; null when none */
  average: number | null;
}

function average(scores: number[]): number | null {
  if (scores.length === 0) return null;
  return scores
    .reduce((s, x) => s.plus(x), D(0))
    .div(scores.length)
    .toDecimalPlaces(2, D.ROUND_HALF_UP)
    .toNumber();
}

/** CMs of one group of 等级汇总's rows: per final grade, 未评定, and the rated CMs' 总分. */
interface GradeTally {
  grades: number[];
  unrated: number;
  scores: number[];
  count: number;
}

const tally = (): GradeTally => ({
  grades: BRANCH_GRADES.map(() => 0),
  unrated: 0,
  scores: [],
  count: 0,
});

/**
 * 等级汇总's rows counted per group — the value `keyOf` gives a row's `by` cell — in order of
 * first appearance after `seed` (groups listed even when empty), with the whole; null when the
 * model lacks the `by` or 最终等级 column. Shared by the 各支行 block and 考核概览.
 */
export function gradeTallies(
  m: SheetModel,
  by: string,
  keyOf: (cell: CellValue) => string,
  seed: readonly string[] = []
): { groups: Map<string, GradeTally>; all: GradeTally } | null {
  const at = (h: string) => m.columns.findIndex((c) => c.header === h);
  const cBy = at(by);
  const cGrade = at(GRADES_HEADERS[10]);
  const cTotal = at(GRADES_HEADERS[7]);
  if (cBy < 0 || cGrade < 0) return null;
  const groups = new Map<string, GradeTally>(seed.map((k) => [k, tally()]));
  const all = tally();
  for (const r of m.rows) {
    const key = keyOf(r[cBy]);
    let e = groups.get(key);
    if (!e) groups.set(key, (e = tally()));
    const g = BRANCH_GRADES.indexOf(r[cGrade] as (typeof BRANCH_GRADES)[number]);
    for (const x of [e, all]) {
      x.count++;
      if (g >= 0) x.grades[g]++;
      else x.unrated++;
      if (g >= 0 && cTotal >= 0 && typeof r[cTotal] === "number")
        x.scores.push(r[cTotal] as number);
    }
  }
  return { groups, all };
}

/** Per branch (in order of first appearance) and the whole (last, branch 合计), from the 等级汇总 rows. */
export function branchLines(m: SheetModel): BranchLine[] | null {
  if (m.columns.findIndex((c) => c.header === GRADES_HEADERS[7]) < 0) return null;
  const t = gradeTallies(m, "支行", (v) =>
    typeof v === "string" && v.trim() !== "" ? v.trim() : NO_BRANCH
  );
  if (!t) return null;
  const line = (branch: string, x: GradeTally): BranchLine => ({
    branch,
    count: x.count,
    grades: x.grades,
    unrated: x.unrated,
    average: average(x.scores),
  });
  return [...[...t.groups].map(([b, x]) => line(b, x)), line("合计", t.all)];
}

/** The block's columns: the label's (blank below it), 支行, 人数, one per final grade, 未评定, 平均总分 (notes: no formats). */
const BRANCH_BLOCK_COLUMNS: readonly Column<BranchLine>[] = [
  { header: BRANCH_BLOCK_LABEL, format: "text", value: () => null },
  { header: "支行", format: "text", value: (l) => l.branch },
  { header: "人数", format: "int", value: (l) => l.count },
  ...BRANCH_GRADES.map((g, k): Column<BranchLine> => ({
    header: g,
    format: "int",
    value: (l) => l.grades[k],
  })),
  { header: "未评定", format: "int", value: (l) => l.unrated },
  { header: "平均总分", format: "score", value: (l) => l.average },
];

/** The block's lines (label in the first column, the table from the second), or [] when 等级汇总 has no 支行 column or no rows. */
export function branchBlock(m: SheetModel): CellValue[][] {
  const lines = branchLines(m);
  if (!lines || m.rows.length === 0) return [];
  return [
    BRANCH_BLOCK_COLUMNS.map((c) => c.header),
    ...lines.map((l) => cellsOf(BRANCH_BLOCK_COLUMNS, l)),
  ];
}

/** 等级汇总 with the per-branch block after its notes (peer averages); other models unchanged. */
export function withBranchBlock(m: SheetModel): SheetModel {
  const block = branchBlock(m);
  if (block.length === 0) return m;
  const notes = m.notes ?? [];
  // after the peer averages: the first notes lines up to the first 说明 line
  let at = notes.findIndex((l, i) => i > 0 && l[0] !== null && l[0] !== undefined);
  if (at < 0) at = notes.length;
  return { ...m, notes: [...notes.slice(0, at), ...block, ...notes.slice(at)] };
}

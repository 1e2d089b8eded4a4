/**
 * Print-ready summaries (WORKBOOK.md rev 2, "What the add-in writes"): every summary prints as a
 * report a bank office hands out — landscape A4 fitted to one page wide, the title and header
 * rows repeated on every page, the 单位名称 in the page header, page N of M with the policy year
 * and the time made in the footer, a sign-off block 制表人 / 审核人 / 负责人 / 日期 after the last
 * row, long texts wrapped in columns of a readable width, explanations printed whole in an
 * appendix after the sign-off (WORKBOOK.md: "wrap or go to a detail sheet rather than being cut
 * off" — here a detail section of the same sheet, so every summary stays one sheet). Described once on the SheetModel
 * (`print`, `wrap`, the sign-off lines in `notes`) and applied to EVERY summary by
 * {@link printReady} (src/summary/build.ts), whatever builder made it; each writer serializes
 * the description. Pure.
 */
import type { Policy } from "../policy/types";
import { formatMadeAt } from "./common";
import type { CellValue, ColumnSpec, PrintSetup, SheetModel } from "./model";
import { displayWidth } from "./model";

/** The sign-off block's labels, in order. */
export const SIGN_OFF_LABELS = ["制表人：", "审核人：", "负责人：", "日期："] as const;

/** A text column printed wider than this (characters) is narrowed to it and wrapped. */
const PRINT_TEXT_WIDTH = 24;
/** A long-text column keeps this width on the report (its text is whole in the appendix). */
const LONG_TEXT_WIDTH = 16;

/** The page setup of a summary of `policy` made at `now`. */
export function summaryPrintSetup(policy: Policy, now: Date): PrintSetup {
  const unit = policy.unitName ?? "";
  return {
    orientation: "landscape",
    paper: "A4",
    fitToWidth: 1,
    fitToHeight: 0,
    repeatHeader: true,
    header: { left: [], center: unit === "" ? [] : [unit], right: [] },
    footer: {
      left: [`政策年度 ${policy.year}`],
      center: ["第 ", { field: "page" }, " 页 共 ", { field: "pages" }, " 页"],
      right: [`生成时间 ${formatMadeAt(now)}`],
    },
    margins: { left: 0.4, right: 0.4, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
}

/** The page setup of a template sheet (填写说明): as a summary's, without the time made. */
export function templatePrintSetup(policy: Policy): PrintSetup {
  const s = summaryPrintSetup(policy, new Date(0));
  return { ...s, footer: { ...s.footer, right: [] } };
}

/**
 * The sign-off lines for a table of `n` columns: the four labels spread over the columns (a
 * label every ⌈n/4⌉ columns, so each has room to sign), or one label per line when the table is
 * narrower than four columns.
 */
export function signOffLines(n: number): CellValue[][] {
  if (n < SIGN_OFF_LABELS.length) return SIGN_OFF_LABELS.map((l) => [l]);
  const step = Math.floor(n / SIGN_OFF_LABELS.length);
  const line: CellValue[] = new Array(step * (SIGN_OFF_LABELS.length - 1) + 1).fill(null);
  SIGN_OFF_LABELS.forEach((l, i) => (line[i * step] = l));
  return [line];
}

/** Text longer than this (display width) in a column makes it a long-text column: printed whole in the appendix. */
const LONG_TEXT = 150;

/** The columns of `m` holding long texts (explanations): text columns with a cell wider than {@link LONG_TEXT}. */
function longTextColumns(m: SheetModel): number[] {
  const out: number[] = [];
  m.columns.forEach((c, k) => {
    if (c.format !== "text" || k < 2) return;
    if (m.rows.some((r) => typeof r[k] === "string" && displayWidth(r[k] as string) > LONG_TEXT))
      out.push(k);
  });
  return out;
}

function printColumn(c: ColumnSpec, long: boolean): ColumnSpec {
  // a long-text column is printed whole in the appendix: on the report it keeps one narrow line
  if (long) return { ...c, width: LONG_TEXT_WIDTH };
  if (c.format !== "text" || c.width === undefined || c.width <= PRINT_TEXT_WIDTH) return c;
  return { ...c, width: PRINT_TEXT_WIDTH, wrap: true };
}

/** The label of the appendix of long texts. */
export const APPENDIX_LABEL = "附：说明明细";

/**
 * The appendix of a summary's long texts, printed after the sign-off block: a label line, then
 * per row that has one, a line of its key (the first column: 员工号 or 贷款编号) and the text,
 * which the writers merge over the table's width and wrap ({@link wideLines}), so the text is
 * printed whole however narrow its column is on the report. The texts are the same strings as in
 * the table (no copy is made). [] when the summary has no long texts.
 */
export function appendixLines(m: SheetModel): CellValue[][] {
  const long = longTextColumns(m);
  if (long.length === 0) return [];
  const out: CellValue[][] = [
    [
      APPENDIX_LABEL,
      `（${long.map((k) => `“${m.columns[k].header}”`).join("、")}列的完整文字，按${m.columns[0].header}对照）`,
    ],
  ];
  for (const r of m.rows) {
    for (const k of long) {
      const v = r[k];
      if (typeof v !== "string" || v === "") continue;
      out.push([r[0] ?? null, long.length > 1 ? `${m.columns[k].header}：${v}` : v]);
    }
  }
  return out;
}

/**
 * The model as it prints: page setup, long text columns wrapped (or, for explanation-length
 * texts, one line on the report and whole in the appendix), the sign-off block after the last
 * row (one blank line after the notes), then the appendix. A model that already prints is
 * returned as it is.
 */
export function printReady(m: SheetModel, policy: Policy, now: Date): SheetModel {
  if (m.print) return m;
  const long = new Set(longTextColumns(m));
  const notes: CellValue[][] = [...(m.notes ?? [])];
  const signOff = signOffLines(Math.max(m.columns.length, 1));
  // the writers put one blank row between the table and the notes; a blank line before the block
  const lines: CellValue[][] = notes.length > 0 ? [...notes, [], ...signOff] : [...signOff];
  const appendix = appendixLines(m);
  if (appendix.length > 0) lines.push([], ...appendix);
  return {
    ...m,
    columns: m.columns.map((c, k) => printColumn(c, long.has(k))),
    notes: lines,
    print: summaryPrintSetup(policy, now),
  };
}

/**
 * (issue 19 item 4) 核对汇总 / `cm-addin verify`: are the summary sheets of a workbook still what
 * the rules make from its input sheets and policy? Pure, shared by the CLI (src/cli/commands/verify.ts)
 * and the task pane (src/excel/verify.ts).
 *
 * What is compared: VALUES only — each cell a summary's model puts on its sheet (title line,
 * header row, data rows, notes), as the writers store it (`sheetValue`: dates as serial numbers,
 * numbers as Excel shows them to 15 digits), against the cell found; and every other non-blank
 * cell of the sheet (something typed beside or below the table) is a difference too. Formatting
 * (number formats, fonts, fills, widths, print setup, merged cells) is not compared.
 *
 * How the summaries are remade: a summary sheet is one whose name is a summary's (also with a
 * " (2)" suffix, `summaryIdOf`); its title line says the policy year (and whether it was the
 * default year of 第十四条), 生成时间, 政策指纹 and 数据指纹 (src/summary/fingerprint.ts). The
 * sheets made together (same year and 生成时间) are remade in one run with that clock, so their
 * title lines come out the same; the caller supplies the run (`Remake`: its policy resolution —
 * the CLI's --policy/--year, the pane's 政策参数). A fingerprint that differs is said first: it
 * tells why the cells differ (another policy, or the input changed since).
 */
import { a1 } from "../core/issues";
import { excelNumber, isBlank } from "../core/parse";
import { withoutCopySuffix } from "../core/sheetNames";
import type { RawCell } from "../core/parse";
import type { SheetGrid, WorkbookGrid } from "../core/grid";
import type { SummariesResult } from "./build";
import type { SummaryId } from "./common";
import { summaryDef, summaryIdOf } from "./common";
import { madeAtDate, titleFacts } from "./fingerprint";
import type { CellValue, SheetModel } from "./model";
import { sheetLayout, sheetValue } from "./model";

/** One difference: a cell (sheet!A1, expected vs found) or a whole sheet (cell "", a reason). */
export interface Difference {
  sheet: string;
  /** A1 address; "" for a finding about the whole sheet */
  cell: string;
  expected: CellValue;
  found: CellValue;
  /** Chinese, with English after it */
  message: string;
}

/** What a remade run is asked for (read from the title lines of the sheets made together). */
export interface RemakeRequest {
  year: number;
  /** the year was the default of 第十四条 (the title says so) */
  defaultYear: boolean;
  /** the clock of the run (生成时间, minute precision, local time) */
  now: Date;
  /** the summaries to make */
  only: SummaryId[];
}

/** The summaries remade for a request (their title lines carry the fingerprints of what they were made from). */
export type Remake = (req: RemakeRequest) => SummariesResult | Promise<SummariesResult>;

export interface SheetCheck {
  sheet: string;
  id: SummaryId;
  /** cells compared */
  cells: number;
  differences: number;
}

export interface VerifyReport {
  /** the summary sheets found and checked, in workbook order */
  sheets: SheetCheck[];
  differences: Difference[];
}

const TEXT_LIMIT = 60;

/** A cell value for a message: text quoted and cut, blank as （空）. */
function showValue(v: CellValue): string {
  if (v === null || v === "") return "（空）";
  if (typeof v === "string") return `“${v.length > TEXT_LIMIT ? `${v.slice(0, TEXT_LIMIT)}…` : v}”`;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function foundCell(v: RawCell): CellValue {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString();
  return v;
}

/** Do a written value and a found one agree (blank = blank; numbers as Excel shows them)? */
export function sameValue(expected: CellValue, found: CellValue): boolean {
  const eb = expected === null || isBlank(expected);
  const fb = found === null || isBlank(found);
  if (eb || fb) return eb && fb;
  if (typeof expected === "number" && typeof found === "number")
    return excelNumber(expected) === excelNumber(found);
  return expected === found;
}

function cellDifference(
  sheet: string,
  cell: string,
  expected: CellValue,
  found: CellValue
): Difference {
  return {
    sheet,
    cell,
    expected,
    found,
    message: `应为 ${showValue(expected)}，实为 ${showValue(found)}（expected vs found）`,
  };
}

/** The cells a model puts on its sheet: [row, col, value as stored], 0-based. */
function* modelCells(m: SheetModel): Generator<[number, number, CellValue]> {
  const l = sheetLayout(m);
  const where = (r: number, c: number) => () => `${m.name}!${a1(r, c)}`;
  if (l.titleRow !== null) yield [l.titleRow, 0, sheetValue(m.title, null, where(l.titleRow, 0))];
  for (let c = 0; c < m.columns.length; c++) yield [l.headerRow, c, m.columns[c].header];
  for (let r = 0; r < m.rows.length; r++) {
    const row = m.rows[r];
    for (let c = 0; c < m.columns.length; c++) {
      const sr = l.firstDataRow + r;
      yield [sr, c, sheetValue(row[c] ?? null, m.columns[c].format, where(sr, c))];
    }
  }
  if (l.notesRow !== null) {
    const notes = m.notes ?? [];
    for (let r = 0; r < notes.length; r++)
      for (let c = 0; c < notes[r].length; c++)
        yield [l.notesRow + r, c, sheetValue(notes[r][c], null, where(l.notesRow + r, c))];
  }
}

/** The differences between the sheet a model makes and the sheet found (values only). */
export function compareSheet(
  m: SheetModel,
  sheet: SheetGrid
): { cells: number; differences: Difference[] } {
  const at = (r: number, c: number): CellValue =>
    foundCell(sheet.values[r - sheet.rowOffset]?.[c - sheet.colOffset]);
  const differences: Difference[] = [];
  const written = new Set<string>();
  let cells = 0;
  for (const [r, c, v] of modelCells(m)) {
    cells++;
    written.add(`${r},${c}`);
    const f = at(r, c);
    if (!sameValue(v, f)) differences.push(cellDifference(sheet.name, a1(r, c), v, f));
  }
  // anything else on the sheet: the summary wrote nothing there
  sheet.values.forEach((row, i) =>
    row.forEach((raw, j) => {
      const r = i + sheet.rowOffset;
      const c = j + sheet.colOffset;
      if (written.has(`${r},${c}`)) return;
      const f = foundCell(raw);
      if (!sameValue(null, f)) differences.push(cellDifference(sheet.name, a1(r, c), null, f));
    })
  );
  differences.sort((a, b) => cellOrder(a.cell) - cellOrder(b.cell));
  return { cells, differences };
}

/** Row-major order of an A1 address. */
function cellOrder(cell: string): number {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return -1;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return Number(m[2]) * 20000 + col;
}

function sheetFinding(sheet: string, zh: string, en: string): Difference {
  return { sheet, cell: "", expected: null, found: null, message: `${zh}（${en}）` };
}

function titleOf(sheet: SheetGrid): string | null {
  const v = sheet.rowOffset === 0 && sheet.colOffset === 0 ? sheet.values[0]?.[0] : undefined;
  return typeof v === "string" ? v : null;
}

/** The summary sheets of a workbook, with the summary each one is. */
export function summarySheets(grid: WorkbookGrid): { sheet: SheetGrid; id: SummaryId }[] {
  const out: { sheet: SheetGrid; id: SummaryId }[] = [];
  for (const sheet of grid.sheets) {
    const id = summaryIdOf(sheet.name);
    // by its sheet name (also with a " (2)" suffix), not by an id or English title a user sheet may be named
    if (id && summaryDef(id).name === withoutCopySuffix(sheet.name.trim())) out.push({ sheet, id });
  }
  return out;
}

/**
 * Compares every summary sheet of `grid` with the summary remade by `remake`. Throws nothing for
 * a sheet it cannot check: that is a finding (a difference) naming the sheet.
 */
export async function verifySummaries(grid: WorkbookGrid, remake: Remake): Promise<VerifyReport> {
  const found = summarySheets(grid);
  const differences: Difference[] = [];
  const sheets: SheetCheck[] = [];
  // the sheets made together: same policy year and 生成时间
  const runs = new Map<
    string,
    {
      year: number;
      madeAt: string;
      defaultYear: boolean;
      members: {
        sheet: SheetGrid;
        id: SummaryId;
        policyFp: string | null;
        inputFp: string | null;
      }[];
    }
  >();
  for (const { sheet, id } of found) {
    const title = titleOf(sheet);
    const f = title === null ? null : titleFacts(title);
    if (!f || f.year === null || f.madeAt === null || madeAtDate(f.madeAt) === null) {
      differences.push(
        sheetFinding(
          sheet.name,
          "A1 的标题行不是本工具写的（或已被改动）：不知政策年度与生成时间，无法核对",
          "the title line in A1 is not one this tool wrote, or was edited: cannot tell the policy year and time, not checked"
        )
      );
      sheets.push({ sheet: sheet.name, id, cells: 0, differences: 1 });
      continue;
    }
    const key = `${f.year}|${f.madeAt}`;
    let run = runs.get(key);
    if (!run)
      runs.set(key, (run = { year: f.year, madeAt: f.madeAt, defaultYear: false, members: [] }));
    if (f.yearNote) run.defaultYear = true;
    run.members.push({ sheet, id, policyFp: f.policyFingerprint, inputFp: f.inputFingerprint });
  }
  for (const run of runs.values()) {
    const only = [...new Set(run.members.map((m) => m.id))];
    const remade = await remake({
      year: run.year,
      defaultYear: run.defaultYear,
      now: madeAtDate(run.madeAt)!,
      only,
    });
    for (const m of run.members) {
      const before = differences.length;
      const i = remade.ids.indexOf(m.id);
      const now = i < 0 ? null : titleFacts(remade.models[i].title ?? "");
      if (m.policyFp === null || m.inputFp === null) {
        differences.push(
          sheetFinding(
            m.sheet.name,
            "标题行没有政策指纹或数据指纹（旧版本生成，或已被改动）：仍逐格核对",
            "the title line has no fingerprints (an older version, or edited): the cells are compared all the same"
          )
        );
      } else if (now) {
        if (m.policyFp !== now.policyFingerprint) {
          differences.push(
            sheetFinding(
              m.sheet.name,
              `政策指纹不同：汇总为 ${m.policyFp}，现在的政策为 ${now.policyFingerprint} — 汇总用的是另一份政策（--policy 文件？）或政策参数表已被改动`,
              "the policy fingerprint differs: the summary was made with another policy, or 政策参数 was edited"
            )
          );
        }
        if (m.inputFp !== now.inputFingerprint) {
          differences.push(
            sheetFinding(
              m.sheet.name,
              `数据指纹不同：汇总为 ${m.inputFp}，现在的输入表为 ${now.inputFingerprint} — 输入表在汇总之后被改动`,
              "the input fingerprint differs: the input sheets were changed after the summary was made"
            )
          );
        }
      }
      if (i < 0) {
        const s = remade.skipped.find((x) => x.id === m.id);
        differences.push(
          sheetFinding(
            m.sheet.name,
            `按现在的数据不会生成此汇总${s ? `：${s.reasonZh}` : ""}`,
            `the data would not make this summary now${s ? `: ${s.reasonEn}` : ""}`
          )
        );
        sheets.push({
          sheet: m.sheet.name,
          id: m.id,
          cells: 0,
          differences: differences.length - before,
        });
        continue;
      }
      const c = compareSheet(remade.models[i], m.sheet);
      differences.push(...c.differences);
      sheets.push({
        sheet: m.sheet.name,
        id: m.id,
        cells: c.cells,
        differences: differences.length - before,
      });
    }
  }
  const order = new Map(grid.sheets.map((s, i) => [s.name, i]));
  sheets.sort((a, b) => order.get(a.sheet)! - order.get(b.sheet)!);
  // stable: within a sheet the findings first, then the cells in row-major order
  const diffs = differences
    .map((d, k) => ({ d, k }))
    .sort((a, b) => order.get(a.d.sheet)! - order.get(b.d.sheet)! || a.k - b.k)
    .map((x) => x.d);
  return { sheets, differences: diffs };
}

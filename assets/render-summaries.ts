// Screenshots of the seven summary sheets for the README (run by hand: npx tsx assets/render-summaries.ts;
// needs Debian chromium and a CJK font, fonts-noto-cjk). Builds the summaries of examples/sample.xlsx
// exactly as `npm run demo` / `cm-addin summarize` does (same reader, policy and entry point), renders
// each SheetModel as a static HTML page that looks like an Excel sheet (column letters, row numbers,
// title in row 1, bold frozen header, formats from the model) and screenshots it into
// assets/screenshots/summary-<name>.png. No network: the page is set with page.setContent and every
// request is refused.
import * as fs from "fs";
import * as path from "path";
import { chromium } from "playwright-core";
import { readWorkbookGrid } from "../src/cli/xlsx";
import { resolvePolicy } from "../src/cli/policyOption";
import { buildSummaries } from "../src/summary/build";
import type { SummaryId } from "../src/summary/common";
import type { CellValue, ColumnFormat, SheetModel } from "../src/summary/model";
import { colLetters } from "../src/core/issues";
import { columnWidth } from "../src/summary/model";

const ROOT = path.join(__dirname, "..");
const SAMPLE = path.join(ROOT, "examples", "sample.xlsx");
const OUT = path.join(__dirname, "screenshots");
const NOW = new Date("2026-01-05T09:00:00");

/** Only this much of each sheet is shown, so that the image stays readable. */
const MAX_ROWS = 25;
const MAX_COLS = 12;
/** Column widths in Excel character units, capped so one long 说明 column does not take the image. */
const MAX_COL_CHARS = 26;
const PX_PER_CHAR = 7.5;
const MAX_WIDTH_PX = 1200;

const FILE_NAMES: Record<SummaryId, string> = {
  grades: "grades",
  bottom: "bottom",
  buyout: "buyout",
  corporate: "corporate",
  errors: "errorpoints",
  warnings: "warnings",
  issues: "issues",
};

const CHROMIUM = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"].find((p) => fs.existsSync(p));

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A cell's text as Excel shows it with the column's number format, and its alignment. */
function show(v: CellValue | undefined, format: ColumnFormat | null): { text: string; align: "left" | "right" | "center" } {
  if (v === null || v === undefined) return { text: "", align: "left" };
  if (typeof v === "boolean") return { text: v ? "TRUE" : "FALSE", align: "center" };
  if (typeof v === "string") return { text: v, align: "left" };
  if (format === "text") return { text: String(v), align: "left" };
  switch (format) {
    case "money":
      return { text: v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }), align: "right" };
    case "score":
      return { text: v.toFixed(2), align: "right" };
    case "rate":
      return { text: `${(v * 100).toFixed(2)}%`, align: "right" };
    case "int":
      return { text: String(Math.round(v)), align: "right" };
    case "number":
      return { text: String(Number(v.toFixed(6))), align: "right" };
    default:
      return { text: String(Number(v.toPrecision(11))), align: "right" };
  }
}

function cell(v: CellValue | undefined, format: ColumnFormat | null, cls = ""): string {
  const { text, align } = show(v, format);
  const c = [cls, align === "left" ? "" : align].filter(Boolean).join(" ");
  return `<td${c ? ` class="${c}"` : ""} title="${esc(text)}">${esc(text)}</td>`;
}

/** The HTML page of one sheet. */
export function sheetHtml(m: SheetModel): string {
  const nCols = Math.min(m.columns.length, MAX_COLS);
  const colsCut = m.columns.length > nCols;
  const rowsCut = m.rows.length > MAX_ROWS;
  const px = (chars: number) => Math.round(chars * PX_PER_CHAR + 10);
  const widths = m.columns.slice(0, nCols).map((_, c) => px(Math.min(columnWidth(m, c), MAX_COL_CHARS)));
  // the last column (often 说明) may take the room left up to MAX_WIDTH_PX when the table is narrow
  if (nCols > 0 && !colsCut) {
    const rest = widths.slice(0, -1).reduce((a, b) => a + b, 40);
    widths[nCols - 1] = Math.max(widths[nCols - 1], Math.min(px(columnWidth(m, nCols - 1)), MAX_WIDTH_PX - rest));
  }
  const shownCols = nCols + (colsCut ? 1 : 0);
  let rowNo = 0;
  const tr = (inner: string, cls = "") => `<tr${cls ? ` class="${cls}"` : ""}><th class="rn">${++rowNo}</th>${inner}</tr>`;
  const lines: string[] = [];

  if (m.title !== null) {
    lines.push(tr(`<td class="title" colspan="${shownCols}">${esc(m.title)}</td>`));
  }
  lines.push(
    tr(
      m.columns
        .slice(0, nCols)
        .map((c) => `<td class="hdr">${esc(c.header)}</td>`)
        .join("") + (colsCut ? `<td class="hdr more">…</td>` : ""),
      "frozen",
    ),
  );
  const totals = new Set(m.totalRows ?? []);
  for (let r = 0; r < Math.min(m.rows.length, MAX_ROWS); r++) {
    const row = m.rows[r];
    const inner = m.columns
      .slice(0, nCols)
      .map((c, i) => cell(row[i], c.format))
      .join("");
    lines.push(tr(inner + (colsCut ? `<td class="more"></td>` : ""), totals.has(r) ? "total" : ""));
  }
  const notes = m.notes ?? [];
  if (rowsCut) {
    const more = `…（另 ${m.rows.length - MAX_ROWS} 行，共 ${m.rows.length} 行 ${m.rows.length} rows${colsCut ? `；另 ${m.columns.length - nCols} 列 more columns` : ""}）`;
    lines.push(tr(`<td class="cut" colspan="${shownCols}">${esc(more)}</td>`));
  } else {
    if (colsCut) lines.push(tr(`<td class="cut" colspan="${shownCols}">${esc(`…（另 ${m.columns.length - nCols} 列 more columns）`)}</td>`));
    if (notes.length > 0) {
      lines.push(tr(`<td colspan="${shownCols}"></td>`));
      for (const n of notes.slice(0, 6)) {
        lines.push(tr(`<td class="note" colspan="${shownCols}">${esc(n.filter((x) => x !== null && x !== "").map((x) => show(x, null).text).join("  "))}</td>`));
      }
      if (notes.length > 6) lines.push(tr(`<td class="cut" colspan="${shownCols}">…</td>`));
    }
  }

  const colgroup = `<col style="width:40px">${widths.map((w) => `<col style="width:${w}px">`).join("")}${colsCut ? `<col style="width:36px">` : ""}`;
  const letters = `<tr class="letters"><th class="corner"></th>${widths.map((_, c) => `<th>${colLetters(c)}</th>`).join("")}${colsCut ? "<th>…</th>" : ""}</tr>`;
  const tableWidth = 40 + widths.reduce((a, b) => a + b, 0) + (colsCut ? 36 : 0);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(m.name)}</title>
<style>
  html, body { margin: 0; background: #fff; }
  body { font-family: "Noto Sans CJK SC", "Noto Sans CJK", "Source Han Sans SC", sans-serif; font-size: 12px; color: #000; }
  #sheet { display: inline-block; border: 1px solid #c6c6c6; }
  .fx { display: flex; align-items: center; height: 24px; border-bottom: 1px solid #d4d4d4; background: #fff; font-size: 12px; }
  .fx .name { width: 80px; padding: 0 6px; border-right: 1px solid #d4d4d4; color: #333; }
  .fx .f { padding: 0 8px; color: #666; font-style: italic; border-right: 1px solid #d4d4d4; }
  .fx .v { flex: 1; min-width: 0; padding: 0 8px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  table { border-collapse: collapse; table-layout: fixed; }
  th, td { height: 20px; padding: 0 4px; white-space: nowrap; overflow: hidden; text-overflow: clip; border: 1px solid #d4d4d4; }
  td { text-align: left; }
  td.right { text-align: right; font-variant-numeric: tabular-nums; }
  td.center { text-align: center; }
  th { background: #f3f3f3; color: #444; font-weight: normal; text-align: center; border-color: #c6c6c6; }
  th.rn { text-align: center; }
  th.corner { background: #e6e6e6; }
  tr.letters th { height: 20px; }
  td.title { font-weight: bold; font-size: 13px; border-right-color: transparent; }
  tr.frozen td { font-weight: bold; background: #f7fbf8; border-bottom: 2px solid #8a8a8a; }
  tr.frozen th { border-bottom: 2px solid #8a8a8a; }
  tr.total td { font-weight: bold; }
  td.cut { color: #666; }
  td.note { color: #222; }
  td.more { color: #888; text-align: center; }
  .tabs { display: flex; align-items: stretch; height: 26px; background: #f3f3f3; border-top: 1px solid #c6c6c6; font-size: 12px; }
  .tabs .nav { width: 56px; color: #999; display: flex; align-items: center; justify-content: center; letter-spacing: 6px; }
  .tabs .tab { padding: 0 14px; display: flex; align-items: center; background: #fff; color: #107c41; font-weight: bold; border-bottom: 2px solid #107c41; border-left: 1px solid #c6c6c6; border-right: 1px solid #c6c6c6; }
</style></head>
<body><div id="sheet" style="width:${tableWidth}px">
<div class="fx"><span class="name">A1</span><span class="f">fx</span><span class="v">${esc(m.title ?? m.columns[0]?.header ?? "")}</span></div>
<table style="width:${tableWidth}px"><colgroup>${colgroup}</colgroup>
${letters}
${lines.join("\n")}
</table>
<div class="tabs"><span class="nav">◀ ▶</span><span class="tab">${esc(m.name)}</span></div>
</div></body></html>`;
}

async function main(): Promise<void> {
  if (!CHROMIUM) throw new Error("chromium not found (/usr/lib/chromium/chromium, /usr/bin/chromium): apt-get install chromium");
  const grid = await readWorkbookGrid(SAMPLE);
  const resolved = resolvePolicy(grid, {});
  const result = buildSummaries(grid, resolved.policy, { now: NOW, extraIssues: resolved.issues });
  for (const s of result.skipped) console.warn(`skipped ${s.name}: ${s.reasonEn}`);
  fs.mkdirSync(OUT, { recursive: true });

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: 1 });
    await page.route("**/*", (route) => route.abort());
    for (let i = 0; i < result.models.length; i++) {
      const m = result.models[i];
      const file = path.join(OUT, `summary-${FILE_NAMES[result.ids[i]]}.png`);
      await page.setContent(sheetHtml(m), { waitUntil: "load" });
      await page.evaluate(() => document.fonts.ready);
      await page.locator("#sheet").screenshot({ path: file });
      console.log(`${m.name}\t${m.rows.length} rows\t→ ${path.relative(ROOT, file)}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/**
 * (rev 2) The demo output prints as a report: `cm-addin summarize examples/sample.xlsx` (with
 * 单位名称 set by --policy) converted to PDF by LibreOffice, each page's text read with pdftotext
 * (poppler-utils). Every page of every summary holds its whole header row (one page wide: the first
 * and the last column), the title and header repeat on every page, the page header names the 单位名称,
 * the footer says 第 N 页 共 M 页 with the policy year, the pages are landscape A4, and the sign-off
 * block 制表人 / 审核人 / 负责人 / 日期 closes each summary. Runs when `soffice` and `pdftotext`
 * are on PATH; otherwise skipped with a note (apt-get install -y libreoffice-calc-nogui poppler-utils).
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { SUMMARIES } from "../../src/summary/common";
import { SIGN_OFF_LABELS } from "../../src/summary/print";
import { canPrint, maybe, printedPages } from "./helpers/libreoffice";

const SAMPLE = path.resolve(__dirname, "../../examples/sample.xlsx");
const UNIT = "某某农村商业银行城关支行";

let dir: string;
let pages: string[] = [];
let sizes: string[] = [];
beforeAll(async () => {
  if (!canPrint) return;
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "cm-print-"));
  const policy = path.join(dir, "policy.json");
  await fs.writeFile(policy, JSON.stringify({ 单位名称: UNIT }));
  const out = path.join(dir, "demo.xlsx");
  const status = await main(["summarize", SAMPLE, "-o", out, "--policy", policy], {
    out: () => undefined,
    err: () => undefined,
  });
  if (status === 2) throw new Error("summarize failed");
  ({ pages, sizes } = await printedPages(out, dir));
}, 400_000);
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

/** The pages of a summary: those whose repeated title line names it. */
function pagesOf(titleZh: string): { i: number; text: string }[] {
  // (the title line anywhere on the page: a chart's own texts — axis labels, its title — may be laid out above it)
  return pages
    .map((text, i) => ({ i, text }))
    .filter((p) => p.text.split("\n").some((l) => l.includes(`${UNIT}${titleZh}（`)));
}

const squash = (s: string) => s.replace(/\s+/g, "");

maybe(
  "every summary: one page wide, title and header on every page, page header and footer, landscape A4, sign-off at the end",
  () => {
    const printed = SUMMARIES.filter((s) => s.id !== "issues" && !s.optIn);
    let multiPage = 0;
    for (const def of printed) {
      const ps = pagesOf(def.titleZh);
      expect({ summary: def.name, pages: ps.length > 0 }).toEqual({
        summary: def.name,
        pages: true,
      });
      if (ps.length > 1) multiPage++;
      ps.forEach((p, k) => {
        const flat = squash(p.text);
        // the first header and the last one of the table on every page: nothing is cut off to the right
        // (考核概览 is several small tables with their charts, not one table: its title line repeats, no table header)
        if (def.id !== "overview")
          expect({
            summary: def.name,
            page: k + 1,
            header: flat.includes("员工号") || flat.includes("贷款编号"),
          }).toEqual({ summary: def.name, page: k + 1, header: true });
        expect(p.text).toContain(UNIT);
        expect(p.text).toMatch(/第 \d+ 页 共 \d+ 页/);
        expect(p.text).toContain("政策年度 2025");
        if (sizes.length > 0) expect(sizes[p.i]).toMatch(/^841\.\d+ x 595\.\d+$/);
      });
      const all = squash(ps.map((p) => p.text).join(""));
      for (const l of SIGN_OFF_LABELS)
        expect({ summary: def.name, signOff: all.includes(l) }).toEqual({
          summary: def.name,
          signOff: true,
        });
    }
    // the header really repeats: at least one summary runs over several pages
    expect(multiPage).toBeGreaterThan(0);
    // no page holds a cut-off right part of a table: every landscape page (the summaries; the input
    // sheets print as they were) starts with a summary's title line
    if (sizes.length > 0) {
      const landscape = sizes.map((s, i) => (/^841/.test(s) ? i : -1)).filter((i) => i >= 0);
      const titled = new Set(
        SUMMARIES.flatMap((d) =>
          pagesOf(d.id === "issues" ? "校验结果" : d.titleZh).map((p) => p.i)
        )
      );
      const issuesPages = pages
        .map((t, i) =>
          t
            .split("\n")
            .slice(0, 4)
            .some((l) => l.includes("校验结果"))
            ? i
            : -1
        )
        .filter((i) => i >= 0);
      for (const i of issuesPages) titled.add(i);
      expect(landscape.filter((i) => !titled.has(i))).toEqual([]);
    }
  }
);

maybe(
  "等级汇总: the last column's header on every page, the per-branch block and the appendix printed",
  () => {
    const ps = pagesOf(SUMMARIES[0].titleZh);
    expect(ps.length).toBeGreaterThan(1);
    for (const p of ps) expect(squash(p.text)).toContain("退出日期");
    const all = ps.map((p) => p.text).join("");
    expect(all).toContain("各支行等级分布");
    expect(all).toContain("附：说明明细");
    // coefficients with one decimal beside the final grade; the new-NPL rate with its % sign
    expect(all).toMatch(/[一二三]级\s+(2\.0|1\.8|1\.6)(?!\d)/);
    expect(all).toMatch(/\d\.\d{2,4}%/);
  }
);

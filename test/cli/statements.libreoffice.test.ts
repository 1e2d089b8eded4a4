/**
 * (issue 19) 考核通知单 and 公示名单 as printed: `cm-addin summarize examples/sample.xlsx --statements
 * --only 考核通知单,公示名单` converted to PDF by LibreOffice (helpers/libreoffice.ts). N CMs → N
 * portrait A4 pages of 考核通知单, page K holding the K-th CM's name and 员工号 and no other's, with
 * the signature lines; 公示名单 on one page, with the posting period and the place to appeal.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { readWorkbookGrid } from "../../src/cli/xlsx";
import { canPrint, maybe, printedPages } from "./helpers/libreoffice";

const SAMPLE = path.resolve(__dirname, "../../examples/sample.xlsx");
const UNIT = "某某农村商业银行城关支行";
const PERIOD = "2026年1月10日至1月16日";
const APPEAL = "人力资源部（三楼 302 室）";

let dir: string;
let pages: string[] = [];
let sizes: string[] = [];
/** per CM page of the sheet as written: [员工号, 姓名] */
let cms: [string, string][] = [];
beforeAll(async () => {
  if (!canPrint) return;
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "cm-statements-"));
  const policy = path.join(dir, "policy.json");
  await fs.writeFile(policy, JSON.stringify({ 单位名称: UNIT, 公示期: PERIOD, 申诉受理: APPEAL }));
  const out = path.join(dir, "statements.xlsx");
  const status = await main(
    ["summarize", SAMPLE, "-o", out, "--policy", policy, "--only", "考核通知单,公示名单"],
    { out: () => undefined, err: () => undefined }
  );
  if (status === 2) throw new Error("summarize failed");
  // the CMs as the sheet holds them: the 员工号 line after each 姓名 line
  const grid = await readWorkbookGrid(out);
  const sheet = grid.sheets.find((s) => s.name === "考核通知单")!;
  const rows = sheet.values;
  for (let r = 0; r < rows.length; r++)
    if (rows[r]?.[0] === "姓名" && rows[r + 1]?.[0] === "员工号")
      cms.push([String(rows[r + 1][1]), String(rows[r][1])]);
  ({ pages, sizes } = await printedPages(out, dir));
}, 400_000);
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

const squash = (s: string) => s.replace(/\s+/g, "");

maybe(
  "考核通知单: one portrait A4 page per CM, each with its CM only, the signature lines and the place to appeal",
  () => {
    // the sheet's pages: from the first CM's heading to the page before 公示名单 (the sheet after it); a CM running over would add a page without a heading
    const heading = /考核结果通知单（(信贷|公司)客户经理）/g;
    const first = pages.findIndex((t) => (squash(t).match(heading)?.length ?? 0) > 0);
    const postingAt = pages.findIndex((t) => squash(t).includes("客户经理考核结果公示名单"));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(postingAt).toBeGreaterThan(first);
    const statementPages = pages.slice(first, postingAt).map((text, k) => ({ i: first + k, text }));
    for (const p of statementPages)
      expect({ page: p.i + 1, headings: squash(p.text).match(heading)?.length ?? 0 }).toEqual({
        page: p.i + 1,
        headings: 1,
      });
    expect(cms.length).toBeGreaterThan(10);
    expect(statementPages.length).toBe(cms.length);
    const ids = new Set(cms.map((c) => c[0]));
    statementPages.forEach((p, k) => {
      const flat = squash(p.text);
      const [id, name] = cms[k];
      expect({
        page: k + 1,
        id: flat.includes(`员工号${id}`),
        name: flat.includes(`姓名${name}`),
      }).toEqual({ page: k + 1, id: true, name: true });
      // no other CM's 员工号 line on the page
      const others = [...flat.matchAll(/员工号(\d+)/g)]
        .map((m) => m[1])
        .filter((x) => ids.has(x) && x !== id);
      expect({ page: k + 1, others }).toEqual({ page: k + 1, others: [] });
      expect(flat).toContain("本人签字");
      expect(flat).toContain("考核部门（盖章）");
      expect(flat).toContain(squash(APPEAL));
      expect(flat).toMatch(/\[第[一二三四五六七八九十]+条/);
      if (sizes.length > 0) expect(sizes[p.i]).toMatch(/^595\.\d+ x 841\.\d+$/);
    });
  }
);

maybe(
  "公示名单: one page, names and results, the posting period and the place to appeal, no scores",
  () => {
    const posting = pages.filter((t) => squash(t).includes("客户经理考核结果公示名单"));
    expect(posting).toHaveLength(1);
    const flat = squash(posting[0]);
    expect(flat).toContain(`公示期${PERIOD}`);
    expect(flat).toContain(squash(APPEAL));
    for (const [, name] of cms.slice(0, 5)) expect(flat).toContain(name);
    expect(flat).not.toContain("总分");
  }
);

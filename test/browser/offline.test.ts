/**
 * The offline page (issue 17): dist/cm-addin-offline.html opened from the disk (file://) in
 * Chromium with every request routed and counted — none may leave the page (only the file
 * itself, data: and blob: URLs). The sample workbook is chosen, the validation list is the
 * CLI's, the downloaded `sample-汇总.xlsx` has the same cells as `cm-addin summarize`, a row of
 * 等级汇总 is explained with its articles, and an edited policy figure lands in the output's own
 * 政策参数 sheet.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { chromium } from "playwright-core";
import { ensureBuilt } from "./support/build";
import { CHROMIUM, CHROMIUM_ARGS } from "./support/harness";
import { cliIssues, runCli } from "./support/cli";
import {
  describeBrowser,
  SAMPLE_XLSX,
  saveScreenshot,
  SETUP_TIMEOUT,
  TEST_TIMEOUT,
} from "./support/suite";
import { readWorkbookGrid } from "../../src/cli/xlsx";
import type { WorkbookGrid } from "../../src/core/grid";
import { readPolicyFromGrid } from "../../src/policy/sheet";
import { getParam, POLICY_SCHEMA, POLICY_SHEET } from "../../src/policy/schema";

const OFFLINE = "cm-addin-offline.html";
/** A figure edited in the test: 一级最低总分 (A), from the sample's value to this one. */
const EDITED_KEY = "A.一级.最低分";
const EDITED_VALUE = 95;

/** Times in title lines ("生成时间 …") differ between two runs: compared as a placeholder. */
function masked(grid: WorkbookGrid): unknown {
  return JSON.parse(
    JSON.stringify(grid.sheets).replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?/g, "<time>")
  );
}

describeBrowser("the offline page from file://, with every request counted", () => {
  let dir: string;
  let work: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let fileUrl: string;
  /** every request the page (or its worker) made, but the page's own file and data:/blob: URLs */
  const requests: string[] = [];
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];

  beforeAll(async () => {
    dir = ensureBuilt();
    work = fs.mkdtempSync(path.join(os.tmpdir(), "cm-offline-page-"));
    // a copy elsewhere: the page needs nothing beside it
    const html = path.join(work, OFFLINE);
    fs.copyFileSync(path.join(dir, OFFLINE), html);
    fileUrl = pathToFileURL(html).href;
    browser = await chromium.launch({
      executablePath: CHROMIUM!,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 30_000,
    });
    context = await browser.newContext({
      viewport: { width: 1100, height: 900 },
      locale: "zh-CN",
      reducedMotion: "reduce",
      serviceWorkers: "block",
      acceptDownloads: true,
    });
    const own = (url: string) =>
      url === fileUrl || url.startsWith("data:") || url.startsWith("blob:");
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (own(url)) return route.continue();
      requests.push(url);
      return route.abort("blockedbyclient");
    });
    context.on("request", (req) => {
      const url = req.url();
      if (!own(url) && !requests.includes(url)) requests.push(url);
    });
    await context.exposeBinding("__cmCspViolation", (_s, what: string) => {
      cspViolations.push(what);
    });
    await context.addInitScript({
      content: `document.addEventListener("securitypolicyviolation", function (e) {
        window.__cmCspViolation(String(e.effectiveDirective) + " " + String(e.blockedURI));
      });`,
    });
    page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(`${e.name}: ${e.message}`));
    await page.goto(fileUrl, { waitUntil: "load" });
    await page.getByRole("button", { name: "选择工作簿…" }).waitFor({ timeout: 30_000 });
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test("one self-contained file: no external src or href, a CSP with no request allowed", () => {
    const html = fs.readFileSync(path.join(dir, OFFLINE), "utf8");
    // the markup: without the comments and the inline script's text (its code is not markup)
    const markup = html
      .replace(/<!--[\s\S]*?-->/g, "")
      .replace(/<script>[\s\S]*?<\/script>/g, "<script></script>");
    expect(markup.length).toBeLessThan(20_000);
    const refs = [...markup.matchAll(/\b(?:src|href)\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1]);
    expect(refs.filter((r) => !r.startsWith("data:"))).toEqual([]);
    expect(markup).not.toMatch(/<script[^>]+\bsrc\b/i);
    expect(markup).not.toMatch(/<link[^>]+rel=["']?stylesheet/i);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? "";
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).not.toMatch(/connect-src/);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
    expect(csp).toMatch(/worker-src blob:/);
    // Chromium 86: the inlined script parses as ES2020
    const { parsesAt2020 } = require("../../.ci/downlevel-loader.js") as {
      parsesAt2020(s: string): boolean;
    };
    const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? "";
    expect(script.length).toBeGreaterThan(100_000);
    expect(parsesAt2020(script)).toBe(true);
    expect(parsesAt2020("class A { static { this.x = 1; } }")).toBe(false);
    // and calls no API newer than Chromium 86 / Firefox ESR (tabster's own findLast({…}) aside)
    const newer = [
      /\.at\(/,
      /Object\.hasOwn\b/,
      /\bstructuredClone\b/,
      /\.findLast(Index)?\((?!\{)/,
      /\.to(Sorted|Reversed|Spliced)\(/,
      /withResolvers|Object\.groupBy|Array\.fromAsync|AbortSignal\.timeout/,
      /\b(Compression|Decompression)Stream\b/,
    ];
    expect(newer.filter((re) => re.test(script)).map(String)).toEqual([]);
  });

  test(
    "a file that is not a workbook: the CLI's line, nothing else shown",
    async () => {
      await page.locator('input[type="file"]').setInputFiles({
        name: "台账.xls",
        mimeType: "application/vnd.ms-excel",
        buffer: Buffer.from("这不是 xlsx 文件 not a workbook"),
      });
      const error = page.getByText(/无法读取 台账\.xls：/);
      await error.waitFor({ timeout: 30_000 });
      const cli = path.join(work, "台账.xls");
      fs.writeFileSync(cli, "这不是 xlsx 文件 not a workbook");
      const r = await runCli(["validate", cli]);
      expect(r.code).toBe(2);
      const why = /无法读取 台账\.xls：(.+)$/.exec((await error.innerText()).trim())?.[1];
      expect(why).toBeTruthy();
      expect(r.err.join("\n")).toContain(why);
      expect(await page.getByRole("status", { name: "问题数" }).count()).toBe(0);
    },
    TEST_TIMEOUT
  );

  test(
    "the workbook chosen: the pane's validation list, the CLI's issues",
    async () => {
      await page.getByText("您的文件不会离开本机", { exact: false }).waitFor();
      await page.locator('input[type="file"]').setInputFiles(SAMPLE_XLSX);
      const counts = page.getByRole("status", { name: "问题数" });
      await counts.waitFor({ timeout: 60_000 });
      const cli = await cliIssues(SAMPLE_XLSX);
      const n = (s: string) => cli.filter((i) => i.severity === s && i.category === "data").length;
      const text = await counts.innerText();
      expect(text).toContain(`错误 ${n("error")}`);
      expect(text).toContain(`警告 ${n("warning")}`);
      expect(text).toContain(`合规提示 ${cli.filter((i) => i.category === "compliance").length}`);
      // grouped by sheet, the compliance findings apart, a filter
      await page.getByRole("region", { name: "合规提示" }).waitFor();
      await page.getByRole("searchbox", { name: "筛选问题" }).fill("贷款台账");
      await page.getByRole("searchbox", { name: "筛选问题" }).fill("");
      await saveScreenshot(page, "offline-validate");
    },
    TEST_TIMEOUT
  );

  async function generateAndDownload(name: string): Promise<string> {
    await page.getByRole("tab", { name: /^汇总/ }).click();
    const generate = page.getByRole("button", { name: "生成", exact: true });
    await generate.click();
    const link = page.getByRole("link", { name: /^下载 sample-汇总\.xlsx/ });
    await link.waitFor({ timeout: 120_000 });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("sample-汇总.xlsx");
    const file = path.join(work, name);
    await download.saveAs(file);
    return file;
  }

  test(
    "生成 and download: the same cells as cm-addin summarize",
    async () => {
      const mine = await generateAndDownload("page.xlsx");
      const cliOut = path.join(work, "cli.xlsx");
      const r = await runCli(["summarize", SAMPLE_XLSX, "-o", cliOut, "--force"]);
      expect(r.code).toBeLessThan(2);
      const a = await readWorkbookGrid(mine);
      const b = await readWorkbookGrid(cliOut);
      expect(a.sheets.map((s) => s.name)).toEqual(b.sheets.map((s) => s.name));
      expect(masked(a)).toEqual(masked(b));
      expect(a.sheets.length).toBeGreaterThan(8);
    },
    TEST_TIMEOUT
  );

  test(
    "a row of 等级汇总 selected: its explanation with the articles",
    async () => {
      const table = page.getByRole("table", { name: /^等级汇总/ });
      await table.waitFor({ timeout: 60_000 });
      await table.locator("tbody tr").first().click();
      const panel = page.getByRole("region", { name: "行说明" }).first();
      const steps = panel.locator("ol li");
      await steps.first().waitFor({ timeout: 10_000 });
      expect(await steps.count()).toBeGreaterThan(2);
      expect(await panel.innerText()).toMatch(/第[一二三四五六七八九十百]+条/);
      await saveScreenshot(page, "offline-summary");
    },
    TEST_TIMEOUT
  );

  test(
    "a policy figure edited: in the output's own 政策参数 sheet, the input's unchanged",
    async () => {
      const d = POLICY_SCHEMA.find((p) => p.key === EDITED_KEY)!;
      await page.getByRole("tab", { name: /^政策参数/ }).click();
      await page.getByRole("searchbox", { name: "搜索参数" }).fill(EDITED_KEY);
      const input = page.getByRole("textbox", { name: d.label.zh });
      await input.fill(String(EDITED_VALUE));
      await page.getByText("1 个参数已修改，将用于本次生成").waitFor();
      const file = await generateAndDownload("edited.xlsx");
      const grid = await readWorkbookGrid(file);
      const names = grid.sheets.map((s) => s.name);
      // one 政策参数 sheet, holding the edited figure; the input file's is unchanged
      expect(names.filter((n) => n.startsWith(POLICY_SHEET))).toEqual([POLICY_SHEET]);
      const edited = readPolicyFromGrid(grid, 2025).policy;
      const input0 = readPolicyFromGrid(await readWorkbookGrid(SAMPLE_XLSX), 2025).policy;
      expect(getParam(edited, d)).toBe(EDITED_VALUE);
      expect(getParam(input0, d)).not.toBe(EDITED_VALUE);
    },
    TEST_TIMEOUT
  );

  test(
    "English on request, Chinese first",
    async () => {
      await page.getByRole("button", { name: "English" }).click();
      await page.getByRole("button", { name: "Choose a workbook…" }).waitFor();
      await page.getByText("Your file never leaves this computer", { exact: false }).waitFor();
      await page.getByRole("tab", { name: /^Validate/ }).click();
      await page.getByRole("status", { name: "Issue counts" }).waitFor();
      await page.getByRole("button", { name: "中文" }).click();
      await page.getByRole("button", { name: "选择工作簿…" }).waitFor();
    },
    TEST_TIMEOUT
  );

  test("no request at all, no CSP violation, no page error", () => {
    expect(requests).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

/**
 * (issue 17) The offline page in Chromium, for `npm run bench`: the built
 * dist/cm-addin-offline.html opened from file:// (every request other than the file itself
 * blocked and counted), the generated workbook chosen (read and validated in the page's worker:
 * file chosen → counts shown), then 生成 of every default summary (click → download offered:
 * the worker's summarizeBytes, the CLI's path on bytes). Target: 生成 ≤ 2 × the CLI's time on
 * the same workbook; no request.
 *
 * The page's worker is given the file as the browser gives it (File → ArrayBuffer), as a user's
 * file would be.
 *
 * run.ts calls {@link benchOffline} on the L workbook with its own CLI time (the pipeline's
 * median). Without Chromium it reports that and measures nothing.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import { chromium } from "playwright-core";
import { ensureBuilt } from "../browser/support/build";
import { CHROMIUM, CHROMIUM_ARGS } from "../browser/support/harness";
import { summarizeWorkbook } from "../../src/cli/commands/summarize";
import { scaledSheets, SIZES, writeBenchWorkbook } from "./generate";

export const OFFLINE_TARGET = { cliRatio: 2 };

export interface OfflineBench {
  /** file chosen → validation list shown */
  inspectMs: number;
  /** 生成 clicked → download offered */
  summarizeMs: number;
  /** the downloaded file's size */
  outBytes: number;
  /** requests other than the page's file, data: and blob: */
  requests: string[];
  cliMs: number;
}

const LIMIT_MS = 600_000;

/** The offline page on `file` in Chromium (null without Chromium). */
export async function benchOffline(file: string, cliMs: number): Promise<OfflineBench | null> {
  if (!CHROMIUM) return null;
  const html = path.join(ensureBuilt(), "cm-addin-offline.html");
  const fileUrl = pathToFileURL(html).href;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "cm-offline-bench-"));
  try {
    const context = await browser.newContext({ locale: "zh-CN", acceptDownloads: true });
    const requests: string[] = [];
    const own = (u: string) => u === fileUrl || u.startsWith("data:") || u.startsWith("blob:");
    await context.route("**/*", (route) => {
      const u = route.request().url();
      if (own(u)) return route.continue();
      requests.push(u);
      return route.abort("blockedbyclient");
    });
    const page = await context.newPage();
    await page.goto(fileUrl, { waitUntil: "load" });
    await page.getByRole("button", { name: "选择工作簿…" }).waitFor({ timeout: 30_000 });
    let t0 = Date.now();
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByRole("status", { name: "问题数" }).waitFor({ timeout: LIMIT_MS });
    const inspectMs = Date.now() - t0;
    await page.getByRole("tab", { name: /^汇总/ }).click();
    t0 = Date.now();
    await page.getByRole("button", { name: "生成", exact: true }).click();
    const link = page.getByRole("link", { name: /^下载 / });
    await link.waitFor({ timeout: LIMIT_MS });
    const summarizeMs = Date.now() - t0;
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const out = path.join(work, "out.xlsx");
    await download.saveAs(out);
    const outBytes = fs.statSync(out).size;
    await context.close();
    return { inspectMs, summarizeMs, outBytes, requests, cliMs };
  } finally {
    await browser.close().catch(() => undefined);
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function s(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** The lines run.ts prints. */
export function offlineLines(b: OfflineBench, label: string): [string, string][] {
  return [
    [`(9) offline page on ${label}: workbook chosen → validation shown (worker)`, s(b.inspectMs)],
    [
      `(9) offline page on ${label}: 生成 → download offered (worker: summarizeBytes)`,
      `${s(b.summarizeMs)} — ${(b.outBytes / 1e6).toFixed(1)} MB, ${(b.summarizeMs / b.cliMs).toFixed(2)} × the CLI (${s(b.cliMs)})`,
    ],
    [`(9) offline page on ${label}: requests`, String(b.requests.length)],
  ];
}

/** The targets, as run.ts judges them. */
export function offlineChecks(b: OfflineBench, label: string): [string, boolean, string][] {
  return [
    [
      `offline page 生成 ≤ ${OFFLINE_TARGET.cliRatio} × the CLI's time (${label})`,
      b.summarizeMs <= OFFLINE_TARGET.cliRatio * b.cliMs,
      `${s(b.summarizeMs)} vs CLI ${s(b.cliMs)} = ${(b.summarizeMs / b.cliMs).toFixed(2)}`,
    ],
    [
      `offline page: no request (${label})`,
      b.requests.length === 0,
      b.requests.slice(0, 3).join(", ") || "none",
    ],
  ];
}

/** Alone: `node -r tsx/cjs test/bench/offline.ts [S|L]` generates the workbook and times the CLI itself (median of 3 after a warm-up). */
async function alone(label: string): Promise<void> {
  const size = SIZES.find((x) => x.label === label);
  if (!size) throw new Error(`unknown size ${label} (${SIZES.map((x) => x.label).join(", ")})`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "cm-bench-offline-"));
  try {
    const file = path.join(work, `${label}.xlsx`);
    await writeBenchWorkbook(file, scaledSheets(size.cms, size.loans));
    const times: number[] = [];
    for (let i = 0; i < 4; i++) {
      const t0 = performance.now();
      await summarizeWorkbook(file, path.join(work, `out-${i}.xlsx`), {});
      if (i > 0) times.push(performance.now() - t0);
    }
    const cliMs = [...times].sort((a, b) => a - b)[1];
    console.log(
      `offline page bench — ${label}: ${size.cms} CMs, ${size.loans} loans; load ${os.loadavg()[0].toFixed(1)}, ${new Date().toISOString().slice(0, 16)}Z`
    );
    const r = await benchOffline(file, cliMs);
    if (!r) {
      console.log("  Chromium not installed: the offline page was not measured");
      return;
    }
    for (const [k, v] of offlineLines(r, label)) console.log(`  ${k.padEnd(70)} ${v}`);
    const checks = offlineChecks(r, label);
    for (const [name, ok, detail] of checks)
      console.log(`  ${`${ok ? "PASS" : "FAIL"}  ${name}`.padEnd(70)} ${detail}`);
    if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  alone(process.argv[2] ?? "L").catch((e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(2);
  });
}

/**
 * The browser harness: Debian's Chromium driven by playwright-core, the built add-in served
 * from 127.0.0.1, Office.js replaced by the fake Excel host (host/fakeExcel.ts) seeded with a
 * workbook, and every request that would leave 127.0.0.1 blocked and recorded.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { chromium } from "playwright-core";
import type { ExportSheet, HostSeed } from "../host/fakeExcel";
import { startStaticServer, StaticServer } from "./server";

/** Chromium from Debian's package (NOTES.md 11): the real binary first, then the wrapper. */
export const CHROMIUM_PATHS = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"];
export const CHROMIUM = CHROMIUM_PATHS.find((p) => fs.existsSync(p)) ?? null;

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-default-apps",
  "--disable-extensions",
  "--lang=zh-CN",
];

/** A task pane is about this size in Excel. */
export const PANE_VIEWPORT = { width: 420, height: 900 };

let hostScript: string | null = null;

/** The fake host module as a plain script (transpiled once from TypeScript). */
function fakeHostScript(): string {
  if (hostScript) return hostScript;
  const src = fs.readFileSync(path.join(__dirname, "../host/fakeExcel.ts"), "utf8");
  const out = ts.transpileModule(src, {
    compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, removeComments: true },
    fileName: "fakeExcel.ts",
  });
  hostScript = out.outputText;
  return hostScript;
}

export function initScript(seed: HostSeed): string {
  return `(function () {
  var exports = {}; var module = { exports: exports };
  ${fakeHostScript()}
  exports.installFakeHost(window, ${JSON.stringify(seed)});
})();`;
}

export interface Suite {
  browser: Browser;
  server: StaticServer;
  close(): Promise<void>;
}

/**
 * Starts the static server over `distDir` and a headless Chromium. Playwright gives every
 * launch a fresh, empty --user-data-dir of its own (and removes it on close).
 */
export async function startSuite(distDir: string): Promise<Suite> {
  if (!CHROMIUM) throw new Error(`Chromium not found at ${CHROMIUM_PATHS.join(" or ")}`);
  const server = await startStaticServer(distDir);
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 30_000,
    });
  } catch (e) {
    await server.close();
    throw e;
  }
  return {
    browser,
    server,
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}

export interface Pane {
  page: Page;
  context: BrowserContext;
  /** every URL requested that was not on the test server (blocked) */
  foreignRequests: string[];
  /** uncaught exceptions in the page */
  pageErrors: string[];
  /** console.error lines */
  consoleErrors: string[];
  /** the fake host's state */
  exportWorkbook(): Promise<ExportSheet[]>;
  selection(): Promise<{ sheet: string; address: string } | null>;
  unsupported(): Promise<string[]>;
  hostErrors(): Promise<string[]>;
  syncCount(): Promise<number>;
  close(): Promise<void>;
}

export interface OpenOptions {
  hash?: string;
  viewport?: { width: number; height: number };
  /** reduced motion makes Fluent's transitions instant (screenshots, timing) */
  reducedMotion?: boolean;
}

/**
 * Opens the task pane with the fake host over `seed`. office.js (and the files it would load
 * itself) is answered with an empty script, so it cannot replace the fake; any request to
 * another host than the test server is aborted and recorded.
 */
export async function openPane(suite: Suite, seed: HostSeed, opts: OpenOptions = {}): Promise<Pane> {
  const context = await suite.browser.newContext({
    viewport: opts.viewport ?? PANE_VIEWPORT,
    locale: "zh-CN",
    reducedMotion: opts.reducedMotion === false ? "no-preference" : "reduce",
    serviceWorkers: "block",
  });
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const origin = suite.server.origin;
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (!url.startsWith(`${origin}/`)) {
      if (!foreignRequests.includes(url)) foreignRequests.push(url);
      await route.abort("blockedbyclient");
      return;
    }
    const p = new URL(url).pathname;
    if (p.startsWith("/office-js/")) {
      await route.fulfill({ status: 200, contentType: "text/javascript", body: "/* office.js: replaced by the test host */" });
      return;
    }
    await route.continue();
  });
  // requests Playwright's routing does not see (e.g. a WebSocket) are recorded too
  context.on("request", (req) => {
    const url = req.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith("data:") && !url.startsWith("blob:") && !foreignRequests.includes(url)) {
      foreignRequests.push(url);
    }
  });
  await context.addInitScript({ content: initScript(seed) });
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(`${e.name}: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  await page.goto(`${origin}/taskpane.html${opts.hash ? `#${opts.hash}` : ""}`, { waitUntil: "load" });
  await page.getByRole("tablist").waitFor({ state: "visible", timeout: 20_000 });
  const host = <T>(f: string) => page.evaluate(f) as Promise<T>;
  return {
    page,
    context,
    foreignRequests,
    pageErrors,
    consoleErrors,
    exportWorkbook: () => host<ExportSheet[]>("window.__fakeHost.exportWorkbook()"),
    selection: () => host("window.__fakeHost.selection"),
    unsupported: () => host<string[]>("window.__fakeHost.unsupported"),
    hostErrors: () => host<string[]>("window.__fakeHost.errors"),
    syncCount: () => host<number>("window.__fakeHost.syncs.length"),
    close: () => context.close(),
  };
}

/**
 * The one known false positive left out: Fluent UI's focus manager (tabster) puts focus
 * "bumpers" — `<i tabindex="0" aria-hidden="true" data-tabster-dummy>` — around a TabList;
 * they hand focus on at once and are hidden from screen readers on purpose. axe's
 * aria-hidden-focus flags them; Fluent closed it "by design" (microsoft/fluentui#27517,
 * microsoft/tabster#288) and Accessibility Insights suppresses exactly these nodes
 * (microsoft/accessibility-insights-web#7605). Only those nodes of that rule are dropped.
 */
function isTabsterBumper(ruleId: string, html: string): boolean {
  return ruleId === "aria-hidden-focus" && /^<i\b[^>]*\bdata-tabster-dummy=/.test(html);
}

/**
 * Waits until the page is at rest: no spinner or busy region, no CSS transition or animation
 * running (colours checked mid-transition would be neither the old nor the new ones).
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      !document.querySelector('.fui-Spinner, [aria-busy="true"]') &&
      document.getAnimations().every((a) => a.playState !== "running" && !a.pending),
    undefined,
    { timeout: 60_000, polling: 50 },
  );
}

/** axe-core over the page (once it is at rest): the violations of impact serious or critical. */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string; help: string; nodes: string[] }[]> {
  await settle(page);
  const axePath = require.resolve("axe-core/axe.min.js");
  const has = await page.evaluate("typeof window.axe !== 'undefined'");
  if (!has) await page.addScriptTag({ path: axePath });
  const result = (await page.evaluate(`window.axe.run(document, { resultTypes: ["violations"] })`)) as {
    violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; html: string }[] }[];
  };
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isTabsterBumper(v.id, n.html)) }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => ({ id: v.id, impact: v.impact ?? "", help: v.help, nodes: v.nodes.map((n) => `${n.target.join(" ")} ${n.html.slice(0, 160)}`) }));
}

export const SCREENSHOT_DIR = path.resolve(__dirname, "../../../assets/screenshots");

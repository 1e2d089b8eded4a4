/**
 * The browser harness: Debian's Chromium driven by playwright-core, the built add-in served
 * from 127.0.0.1, Office.js replaced by the fake Excel host (host/fakeExcel.ts) seeded with a
 * workbook, and every request that would leave 127.0.0.1 blocked and recorded. The page runs
 * with its own Content-Security-Policy (taskpane.html's meta tag): every violation is recorded.
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
    compilerOptions: {
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.CommonJS,
      removeComments: true,
    },
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
  /** the office.js URL taskpane.html loads (Microsoft's CDN, or office-js/office.js on the server) */
  officeJsUrl: string;
  close(): Promise<void>;
}

/** The src of taskpane.html's office.js script, absolute (relative ones resolved on `origin`). */
export function officeJsUrlOf(distDir: string, origin: string): string {
  const html = fs.readFileSync(path.join(distDir, "taskpane.html"), "utf8");
  const m = /<script\b[^>]*\bsrc=["']?([^"' >]*office\.js)["' >]/i.exec(html);
  if (!m) throw new Error(`${distDir}/taskpane.html loads no office.js`);
  return new URL(m[1], `${origin}/taskpane.html`).href;
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
    officeJsUrl: officeJsUrlOf(distDir, server.origin),
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
  /** requests for office.js and the files it loads from its own folder (answered by the test) */
  officeJsRequests: string[];
  /** Content-Security-Policy violations: "directive blocked-URI" (securitypolicyviolation events) */
  cspViolations: string[];
  /** Waits until every violation the page has seen is in cspViolations (they arrive asynchronously). */
  cspReported(): Promise<void>;
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
  /**
   * Answer office.js's requests from this folder (its URL's path under the office.js folder →
   * the file here) instead of with an empty script, and install no fake host: the real library
   * outside Office. Anything else it asks for is still blocked and recorded.
   */
  realOfficeJsDir?: string;
  /** Open the page without its Content-Security-Policy (to see what it would request without it). */
  bypassCsp?: boolean;
}

/**
 * Reports every Content-Security-Policy violation to the test (an init script: it is itself
 * outside the page's policy).
 */
const CSP_LISTENER = `window.__cmCspSeen = 0;
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cmCspSeen += 1;
  window.__cmCspViolation(String(e.effectiveDirective || e.violatedDirective), String(e.blockedURI || ""), String(e.sourceFile || "") + ":" + e.lineNumber);
});`;

/**
 * Opens the task pane with the fake host over `seed`. office.js (and the files it would load
 * itself) is answered with an empty script, so it cannot replace the fake; any request to
 * another host than the test server is aborted and recorded.
 */
export async function openPane(
  suite: Suite,
  seed: HostSeed,
  opts: OpenOptions = {}
): Promise<Pane> {
  const context = await suite.browser.newContext({
    viewport: opts.viewport ?? PANE_VIEWPORT,
    locale: "zh-CN",
    reducedMotion: opts.reducedMotion === false ? "no-preference" : "reduce",
    serviceWorkers: "block",
    bypassCSP: opts.bypassCsp === true,
  });
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const cspViolations: string[] = [];
  const officeJsRequests: string[] = [];
  const origin = suite.server.origin;
  // office.js and the files it loads itself from its folder (CDN or office-js/ on the server)
  const officeJsDir = suite.officeJsUrl.slice(0, suite.officeJsUrl.lastIndexOf("/") + 1);
  const isOfficeJs = (url: string) =>
    url.startsWith(officeJsDir) || url.startsWith(`${origin}/office-js/`);
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (isOfficeJs(url)) {
      officeJsRequests.push(url);
      if (!opts.realOfficeJsDir) {
        await route.fulfill({
          status: 200,
          contentType: "text/javascript",
          body: "/* office.js: replaced by the test host */",
        });
        return;
      }
      const rel = url
        .split(/[?#]/)[0]
        .slice(url.startsWith(officeJsDir) ? officeJsDir.length : `${origin}/office-js/`.length);
      const file = path.resolve(opts.realOfficeJsDir, decodeURIComponent(rel));
      if (
        file.startsWith(path.resolve(opts.realOfficeJsDir) + path.sep) &&
        fs.existsSync(file) &&
        fs.statSync(file).isFile()
      ) {
        await route.fulfill({
          status: 200,
          contentType: "text/javascript; charset=utf-8",
          body: fs.readFileSync(file),
        });
      } else {
        await route.fulfill({
          status: 404,
          contentType: "text/plain",
          body: `not in ${opts.realOfficeJsDir}: ${rel}`,
        });
      }
      return;
    }
    if (!url.startsWith(`${origin}/`)) {
      if (!foreignRequests.includes(url)) foreignRequests.push(url);
      await route.abort("blockedbyclient");
      return;
    }
    await route.continue();
  });
  // a request the page's CSP refuses never reaches the routing above: recorded from the violation
  let cspReportsArrived = 0; // (cspViolations may be emptied by a test)
  await context.exposeBinding(
    "__cmCspViolation",
    (_source, directive: string, blocked: string, where: string) => {
      cspReportsArrived += 1;
      cspViolations.push(`${directive} ${blocked} (${where})`);
      if (
        /^(https?|wss?):/.test(blocked) &&
        !blocked.startsWith(`${origin}/`) &&
        !foreignRequests.includes(blocked)
      )
        foreignRequests.push(blocked);
    }
  );
  await context.addInitScript({ content: CSP_LISTENER });
  // requests Playwright's routing does not see (e.g. a WebSocket) are recorded too
  context.on("request", (req) => {
    const url = req.url();
    if (
      !url.startsWith(`${origin}/`) &&
      !isOfficeJs(url) &&
      !url.startsWith("data:") &&
      !url.startsWith("blob:") &&
      !foreignRequests.includes(url)
    ) {
      foreignRequests.push(url);
    }
  });
  if (!opts.realOfficeJsDir) await context.addInitScript({ content: initScript(seed) });
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(`${e.name}: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  await page.goto(`${origin}/taskpane.html${opts.hash ? `#${opts.hash}` : ""}`, {
    waitUntil: "load",
  });
  await page.getByRole("tablist").waitFor({ state: "visible", timeout: 20_000 });
  const host = <T>(f: string) => page.evaluate(f) as Promise<T>;
  return {
    page,
    context,
    foreignRequests,
    pageErrors,
    consoleErrors,
    cspViolations,
    officeJsRequests,
    async cspReported() {
      const deadline = Date.now() + 10_000;
      while (((await page.evaluate("window.__cmCspSeen || 0")) as number) > cspReportsArrived) {
        if (Date.now() > deadline)
          throw new Error("CSP violations seen by the page were not reported");
        await new Promise((r) => setTimeout(r, 20));
      }
    },
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
    { timeout: 60_000, polling: 50 }
  );
}

/** axe-core over the page (once it is at rest): the violations of impact serious or critical. */
export async function axeViolations(
  page: Page
): Promise<{ id: string; impact: string; help: string; nodes: string[] }[]> {
  await settle(page);
  const axePath = require.resolve("axe-core/axe.min.js");
  const has = await page.evaluate("typeof window.axe !== 'undefined'");
  // evaluated, not added as a <script>: the page's CSP (rightly) refuses inline scripts
  if (!has) await page.evaluate(fs.readFileSync(axePath, "utf8"));
  const result = (await page.evaluate(
    `window.axe.run(document, { resultTypes: ["violations"] })`
  )) as {
    violations: {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: string[]; html: string }[];
    }[];
  };
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isTabsterBumper(v.id, n.html)) }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? "",
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(" ")} ${n.html.slice(0, 160)}`),
    }));
}

export const SCREENSHOT_DIR = path.resolve(__dirname, "../../../assets/screenshots");

/**
 * The REAL office.js outside Office (issue 16): the built task pane, as shipped (office.js from
 * Microsoft's CDN, the page's Content-Security-Policy), with the CDN's requests answered from the
 * copy in the @microsoft/office-js npm package — the copy `CM_OFFICE_JS=local` bundles — and
 * nothing else answered. Every request the page attempts is recorded: the files office.js loads
 * from its own folder, and every request to anywhere else (blocked by the page's CSP or, without
 * it, by the test's network guard). The README's network promise states this result; when a
 * different office.js asks for something else, this test says so.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { openPane, Pane } from "./support/harness";
import { describeBrowser, sampleWorkbookSeed, useSuite } from "./support/suite";

const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** office.js's own telemetry frame (Microsoft's), which it opens outside Office */
const TELEMETRY_ORIGIN = "https://telemetryservice.firstpartyapps.oaspapps.com";
/** how long the page is watched after Office.onReady (office.js starts its telemetry on timers) */
const WATCH_MS = 6_000;

interface Report {
  csp: boolean;
  officeJs: string[];
  foreign: string[];
  cspViolations: string[];
  pageErrors: string[];
  onReadyHost: unknown;
}

async function watch(pane: Pane, csp: boolean): Promise<Report> {
  // outside Office, onReady resolves with no host
  const info = (await pane.page.evaluate("Office.onReady().then(function (i) { return i; })")) as {
    host: unknown;
  };
  await pane.page.waitForTimeout(WATCH_MS);
  await pane.cspReported();
  const dir = (u: string) => u.replace(/^.*\/(lib\/1\/hosted|office-js)\//, "");
  const report: Report = {
    csp,
    officeJs: [...new Set(pane.officeJsRequests.map(dir))],
    foreign: [...pane.foreignRequests],
    cspViolations: [...pane.cspViolations],
    pageErrors: [...pane.pageErrors],
    onReadyHost: info.host,
  };
  const file = path.join(os.tmpdir(), `cm-addin-officejs-requests-${csp ? "csp" : "nocsp"}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `office.js outside Office (${csp ? "with" : "without"} the page's CSP) — ${file}\n${JSON.stringify(report, null, 2)}`
  );
  return report;
}

describeBrowser("the real office.js outside Office", () => {
  const suite = useSuite();

  test("the build loads office.js from Microsoft's CDN (or, built with CM_OFFICE_JS=local, from its own origin)", () => {
    const url = suite().officeJsUrl;
    expect([CDN_OFFICE_JS, `${suite().server.origin}/office-js/office.js`]).toContain(url);
  });

  test("as shipped (with the CSP): office.js loads two files of its own; its one outside request, a telemetry frame, is refused by the CSP; the pane works", async () => {
    const pane = await openPane(suite(), await sampleWorkbookSeed(), {
      realOfficeJsDir: OFFICE_JS_DIR,
    });
    try {
      const r = await watch(pane, true);
      expect(r.onReadyHost).toBeNull();
      expect(r.officeJs).toEqual(["office.js", "o15apptofilemappingtable.js"]);
      // everything that would leave: only Microsoft's telemetry frame, and the CSP refused it
      expect(r.foreign).toEqual([TELEMETRY_ORIGIN]);
      expect(r.cspViolations.map((v) => v.split(" ").slice(0, 2).join(" "))).toEqual([
        `frame-src ${TELEMETRY_ORIGIN}`,
      ]);
      expect(r.pageErrors).toEqual([]);
      // the pane itself: rendered, saying it is not in Excel
      await expect(pane.page.getByRole("tab").count()).resolves.toBe(4);
      await expect(pane.page.getByText("未在 Excel 中运行").count()).resolves.toBeGreaterThan(0);
    } finally {
      await pane.close();
    }
  });

  test("without the CSP: office.js's telemetry frame is what it asks for (stopped here by the test's network guard)", async () => {
    const pane = await openPane(suite(), await sampleWorkbookSeed(), {
      realOfficeJsDir: OFFICE_JS_DIR,
      bypassCsp: true,
    });
    try {
      const r = await watch(pane, false);
      expect(r.officeJs).toEqual(["office.js", "o15apptofilemappingtable.js"]);
      expect(r.cspViolations).toEqual([]);
      expect(r.foreign.length).toBeGreaterThan(0);
      for (const u of r.foreign) expect(u.startsWith(`${TELEMETRY_ORIGIN}/`)).toBe(true);
    } finally {
      await pane.close();
    }
  });
});

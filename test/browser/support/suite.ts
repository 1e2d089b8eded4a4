/**
 * Shared set-up of the browser test files: the built add-in, the static server, Chromium, the
 * sample workbook as the fake host's seed. Without Chromium the suite is skipped with a
 * visible reason (CI installs it: `apt-get install -y chromium`).
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import type { HostSeed } from "../host/fakeExcel";
import { seedFromXlsx } from "../workbook";
import { ensureBuilt, ROOT } from "./build";
import { CHROMIUM, CHROMIUM_PATHS, SCREENSHOT_DIR, settle, startSuite, Suite } from "./harness";

export const SAMPLE_XLSX = path.join(ROOT, "examples/sample.xlsx");

/** Time for the build (when dist/ is stale: seconds in CI, minutes on a loaded machine) and the browser start. */
export const SETUP_TIMEOUT = 660_000;

/** describe() when Chromium is installed; otherwise one skipped test whose name says why. */
export function describeBrowser(name: string, fn: () => void): void {
  if (CHROMIUM) {
    describe(name, fn);
    return;
  }
  describe(name, () => {
    test.skip(`浏览器测试已跳过：未安装 Chromium（${CHROMIUM_PATHS.join(" / ")}；apt-get install -y chromium）— browser tests skipped: Chromium is not installed`, () =>
      undefined);
  });
}

/** One browser test: waits on the page are bounded by their own timeouts, all below this. */
export const TEST_TIMEOUT = 180_000;

/** beforeAll/afterAll for one test file: returns a getter for the running suite. */
export function useSuite(): () => Suite {
  jest.setTimeout(TEST_TIMEOUT);
  let suite: Suite | null = null;
  beforeAll(async () => {
    const dist = ensureBuilt();
    suite = await startSuite(dist);
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await suite?.close();
  });
  return () => {
    if (!suite) throw new Error("browser suite not started");
    return suite;
  };
}

let sampleSeed: HostSeed | null = null;
/** The sample workbook (examples/sample.xlsx) as the fake host's seed (a fresh copy each call). */
export async function sampleWorkbookSeed(): Promise<HostSeed> {
  sampleSeed ??= await seedFromXlsx(SAMPLE_XLSX);
  return JSON.parse(JSON.stringify(sampleSeed)) as HostSeed;
}

/**
 * Saves a screenshot for the README: into assets/screenshots/NAME.png when that file is
 * missing or CM_UPDATE_SCREENSHOTS=1, else into a temporary folder (so `npm test` does not
 * rewrite tracked images on every run). Returns the path written.
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const target = path.join(SCREENSHOT_DIR, `${name}.png`);
  const update = process.env.CM_UPDATE_SCREENSHOTS === "1" || !fs.existsSync(target);
  const out = update
    ? target
    : path.join(require("os").tmpdir(), `cm-addin-screenshot-${name}.png`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await settle(page);
  await page.screenshot({ path: out, fullPage: true, animations: "disabled", caret: "hide" });
  return out;
}

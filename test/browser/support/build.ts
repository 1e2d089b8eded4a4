/**
 * The built add-in the browser tests load. `npm run build` (production, into dist/) is what
 * CI runs before `npm test`; when dist/ is missing or older than any source, the tests build
 * it themselves — into a cache folder of their own (node_modules/.cache/cm-addin-browser), so
 * that a test run never rewrites dist/ under someone else's feet — once, under a lock shared
 * by the jest workers. CM_BROWSER_DIST=FOLDER serves a build made elsewhere instead.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "../../..");
export const DIST = path.join(ROOT, "dist");
export const CACHE_DIST = path.join(ROOT, "node_modules/.cache/cm-addin-browser/dist");

/** Inputs of the build: a newer one makes a build stale (of assets/, only the icons are built in). */
const INPUTS = ["src", "webpack.config.js", "manifest.xml", "package.json", "tsconfig.json"];
const ICONS = /^icon-.*\.png$/;
const { newestMtime } = require("../../../.ci/build-cli.js") as { newestMtime(p: string): number };

export function sourcesMtime(): number {
  const assets = path.join(ROOT, "assets");
  const icons = fs.existsSync(assets)
    ? fs
        .readdirSync(assets)
        .filter((f) => ICONS.test(f))
        .map((f) => path.join(assets, f))
    : [];
  return Math.max(
    ...INPUTS.map((i) => path.join(ROOT, i))
      .concat(icons)
      .map(newestMtime)
  );
}

/** A build folder is fresh when its taskpane.html, functions.json and cm-addin-offline.html are newer than every input. */
export function isFresh(dir: string, sources = sourcesMtime()): boolean {
  // (issue 17) the offline page is built with them: a folder without it is an older build
  const files = ["taskpane.html", "functions.json", "cm-addin-offline.html"].map((f) =>
    path.join(dir, f)
  );
  if (!files.every((f) => fs.existsSync(f))) return false;
  return Math.min(...files.map((f) => fs.statSync(f).mtimeMs)) >= sources;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The folder to serve: dist/ when fresh, else the cache build (made now when stale).
 * Throws with webpack's output when the build fails.
 */
export function ensureBuilt(): string {
  // a build made elsewhere (e.g. `webpack --mode development --output-path /tmp/x`), as is
  const given = process.env.CM_BROWSER_DIST;
  if (given) {
    if (!fs.existsSync(path.join(given, "taskpane.html")))
      throw new Error(`CM_BROWSER_DIST=${given} has no taskpane.html`);
    return path.resolve(given);
  }
  const sources = sourcesMtime();
  if (isFresh(DIST, sources)) return DIST;
  if (isFresh(CACHE_DIST, sources)) return CACHE_DIST;
  const lock = path.join(path.dirname(CACHE_DIST), "build.lock");
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 600_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // another jest worker is building: wait for it, then use its result
      if (isFresh(CACHE_DIST, sources)) return CACHE_DIST;
      const st = fs.statSync(lock, { throwIfNoEntry: false });
      if (st && Date.now() - st.mtimeMs > 660_000)
        fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline)
        throw new Error("timed out waiting for another worker's build of the add-in");
      sleep(500);
    }
  }
  try {
    if (isFresh(CACHE_DIST, sources)) return CACHE_DIST;
    const webpack = path.join(ROOT, "node_modules/webpack/bin/webpack.js");
    const r = spawnSync(
      process.execPath,
      [webpack, "--mode", "production", "--output-path", CACHE_DIST],
      {
        cwd: ROOT,
        encoding: "utf8",
        // a production build needs CM_ADDIN_URL (webpack.config.js): a test-only one unless given
        env: {
          ...process.env,
          OFFICE_ADDIN_USAGE_DATA_OFF: "true",
          CI: process.env.CI ?? "true",
          CM_ADDIN_URL: process.env.CM_ADDIN_URL || "https://cm-addin.invalid/",
        },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 600_000,
      }
    );
    if (r.status !== 0) {
      throw new Error(
        `webpack build failed (exit ${r.status}):\n${(r.stdout ?? "").slice(-4000)}\n${(r.stderr ?? "").slice(-4000)}`
      );
    }
    if (!isFresh(CACHE_DIST, sources)) {
      // sources changed during the build: still usable for this run
      if (!fs.existsSync(path.join(CACHE_DIST, "taskpane.html")))
        throw new Error("webpack produced no taskpane.html");
    }
    return CACHE_DIST;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

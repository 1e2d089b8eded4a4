#!/usr/bin/env node
// Compiles the command line (src/cli and what it imports) to plain JavaScript in lib/
// (tsc -p tsconfig.cli.json), so `cm-addin` runs without TypeScript or tsx. Run by
// `npm run build:cli`, by `npm pack` (prepack: the tarball carries lib/), and — with
// --if-stale, compiling only when a source is newer than the last compile — by `npm run demo`,
// `npm run cli` and the tests that spawn the CLI. Not an install script: installing the packed
// tarball runs nothing (DEPLOY.md). Without TypeScript (an --omit=dev install) it says so and
// succeeds when a compiled lib/ is already there.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const LIB = path.join(ROOT, "lib");
const STAMP = path.join(LIB, ".built");
const INPUTS = ["src", "tsconfig.json", "tsconfig.cli.json", "package.json"];

/** The newest modification time of a file or of anything in a folder (0: it does not exist). Also used by the browser tests' build check. */
function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

/** True when lib/ was compiled after the last change to any input. */
function isFresh() {
  if (!fs.existsSync(STAMP) || !fs.existsSync(path.join(LIB, "cli", "main.js"))) return false;
  const built = fs.statSync(STAMP).mtimeMs;
  return INPUTS.every((i) => newestMtime(path.join(ROOT, i)) <= built);
}

/** Compiles lib/; returns { status, output }. status null: TypeScript is not installed. */
function buildCli({ ifStale = false } = {}) {
  if (ifStale && isFresh()) return { status: 0, output: "" };
  let tsc;
  try {
    tsc = require.resolve("typescript/bin/tsc", { paths: [ROOT] });
  } catch {
    return { status: null, output: "" };
  }
  const r = spawnSync(process.execPath, [tsc, "-p", path.join(ROOT, "tsconfig.cli.json")], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (r.status === 0) fs.writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  return { status: r.status, output: `${r.stdout || ""}${r.stderr || ""}` };
}

module.exports = { buildCli, isFresh, newestMtime, LIB };

if (require.main === module) {
  const r = buildCli({ ifStale: process.argv.includes("--if-stale") });
  if (r.status === null) {
    const have = fs.existsSync(path.join(LIB, "cli", "main.js"));
    (have ? process.stdout : process.stderr).write(
      `build-cli: 未安装 TypeScript（--omit=dev），无法编译${have ? "，沿用已有的 lib/" : "：请先 npm ci，或安装打包好的 cm-addin-*.tgz（DEPLOY.md）"}。` +
        ` TypeScript is not installed (--omit=dev): nothing compiled${have ? ", the existing lib/ is used" : ": run npm ci first, or install the packed cm-addin-*.tgz (DEPLOY.md)"}.\n`
    );
    process.exit(have ? 0 : 2);
  }
  process.stdout.write(r.output);
  process.exit(r.status ?? 1);
}

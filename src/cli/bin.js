#!/usr/bin/env node
// cm-addin command line: runs the compiled JavaScript in lib/ (compiled by `npm run build:cli`,
// `npm run demo`/`npm run cli` when stale, and `npm pack`). No TypeScript at run time.
"use strict";
const path = require("path");
const main = path.join(__dirname, "..", "..", "lib", "cli", "main.js");
require("./runtime.js")();
try {
  require.resolve(main);
} catch {
  process.stderr.write(
    `cm-addin: 命令行尚未编译（${main} 不存在）：请运行 npm run build:cli（DEPLOY.md）— the command line is not compiled yet: run npm run build:cli (DEPLOY.md)\n`
  );
  process.exit(2);
}
require(main);

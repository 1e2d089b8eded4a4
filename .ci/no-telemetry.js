#!/usr/bin/env node
// Runs a command with the office-addin tools' usage data (telemetry) switched off, on every
// platform (npm scripts on Windows cannot prefix `VAR=1`). Used by the package.json scripts:
//   node .ci/no-telemetry.js office-addin-lint check
// The office-addin-usage-data versions this project installs (2.1.x, 3.0.x) no longer send
// anything; OFFICE_ADDIN_USAGE_DATA_OFF=1 keeps any other version that honours it quiet too.
"use strict";
const { spawnSync } = require("child_process");

const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  process.stderr.write(
    "用法：node .ci/no-telemetry.js <命令> [参数…] (usage: node .ci/no-telemetry.js COMMAND [ARGS…])\n"
  );
  process.exit(2);
}
const env = { ...process.env, OFFICE_ADDIN_USAGE_DATA_OFF: "1" };
const r = spawnSync(cmd, args, { stdio: "inherit", env, shell: process.platform === "win32" });
if (r.error) {
  process.stderr.write(`无法运行 ${cmd}（cannot run ${cmd}）：${r.error.message}\n`);
  process.exit(2);
}
process.exit(r.status === null ? 1 : r.status);

// V8 settings of the cm-addin command line, applied before anything is loaded (./bin.js, and
// the benchmark's measured child process). Plain JavaScript: it runs before the CLI is loaded.
"use strict";

/**
 * A batch tool that reads a workbook once: keep the heap near one and a half times the live data.
 * V8's default lets the heap of a fast-allocating program grow to about four times what was live
 * at its last full collection before collecting again: a higher peak for no gain.
 * `--heap-growing-percent` is read by V8 whenever it sets the next limit, so setting it at
 * start-up takes effect. 50 rather than 100 (2026-12-08, L workbook, paired runs on the shared VM):
 * peak RSS 346–364 MB against 388–426 MB, the pipeline's time the same within the runs' spread (a
 * few more full collections). The figures: README, 基准 Benchmark.
 */
module.exports = function configureRuntime() {
  require("v8").setFlagsFromString("--heap-growing-percent=50");
};

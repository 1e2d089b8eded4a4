// V8 settings of the cm-addin command line, applied before anything is loaded (./bin.js, and
// the benchmark's measured child process). Plain JavaScript: it runs before the CLI is loaded.
"use strict";

/**
 * A batch tool that reads a workbook once: keep the heap near twice the live data. V8's default
 * lets the heap of a fast-allocating program grow to about four times what was live at its last
 * full collection before collecting again: a higher peak for no gain (the figures: README, 基准
 * Benchmark, "What made it fast"). `--heap-growing-percent` is read by V8 whenever it sets the
 * next limit, so setting it at start-up takes effect. The cost: a few more full collections.
 */
module.exports = function configureRuntime() {
  require("v8").setFlagsFromString("--heap-growing-percent=100");
};

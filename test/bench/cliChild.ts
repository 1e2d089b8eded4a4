/**
 * Runs the cm-addin command line in this process (as `node src/cli/bin.js` does: the same V8
 * settings, src/cli/runtime.js, then the command) and reports its peak resident memory:
 * `node -r tsx/cjs test/bench/cliChild.ts summarize IN -o OUT`.
 * The last stderr line is `CM_BENCH {"exit":…,"ms":…,"maxRssKb":…}`; the command's own output
 * is discarded.
 */
require("../../src/cli/runtime.js")();
const { main } = require("../../src/cli/main") as typeof import("../../src/cli/main");

const started = process.hrtime.bigint();
main(process.argv.slice(2), {
  out: () => undefined,
  err: (s) => process.stderr.write(`${s}\n`),
}).then(
  (exit) => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    process.stderr.write(
      `CM_BENCH ${JSON.stringify({ exit, ms, maxRssKb: process.resourceUsage().maxRSS })}\n`
    );
    process.exit(0);
  },
  (e) => {
    process.stderr.write(
      `CM_BENCH ${JSON.stringify({ error: e instanceof Error ? e.message : String(e) })}\n`
    );
    process.exit(1);
  }
);

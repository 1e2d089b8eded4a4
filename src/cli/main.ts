/**
 * `cm-addin` command line entry (compiled to lib/cli/main.js, run by ./bin.js). Parses only the command name
 * and the global options; each command (./commands/<name>.ts) parses its own arguments.
 *
 * Exit status: 0 ok; 1 the data has errors (validate/summarize); 2 usage error, unknown
 * command or option, a command not available yet, a missing or unreadable file (CliError) —
 * always ONE line on stderr; 3 an internal error (also one line; CM_ADDIN_DEBUG=1 prints the stack).
 */
import * as fs from "fs";
import * as path from "path";
import { CliError, CliIO } from "./command";
import { COMMANDS, commandInfo, loadCommand } from "./commands";

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 3;

export function packageVersion(): string {
  const pkg = JSON.parse(
    fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")
  ) as { version: string };
  return pkg.version;
}

/** The text of `cm-addin --help` (Chinese, then English). */
export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = [
    `cm-addin ${packageVersion()} — 客户经理考核规则命令行（Customer-manager rules on .xlsx files）`,
    "",
    "用法 Usage:",
    "  cm-addin <命令 command> [参数 arguments]",
    "  cm-addin <命令 command> --help    该命令的用法 (usage of one command)",
    "  cm-addin --help, -h              显示本帮助 (show this help)",
    "  cm-addin --version, -v           显示版本 (show the version)",
    "",
    "命令 Commands:",
  ];
  for (const c of COMMANDS) {
    lines.push(`  ${c.name.padEnd(width)}  ${c.summaryZh}`);
    lines.push(`  ${"".padEnd(width)}  ${c.summaryEn}`);
    lines.push(`  ${"".padEnd(width)}  ${c.usage}`);
  }
  lines.push(
    "",
    "退出状态 Exit status: 0 成功 (ok); 1 数据有错误 (the data has errors);",
    "  2 用法错误、文件缺失或无法读取 (usage error, missing or unreadable file); 3 内部错误 (internal error)",
    "",
    "示例 Example: npx cm-addin validate 台账.xlsx --json"
  );
  return lines.join("\n");
}

/** A CliError, also one thrown by a second copy of ../command (duplicated module instances). */
function isCliError(e: unknown): e is Error {
  return e instanceof CliError || (e instanceof Error && e.name === "CliError");
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, " ").trim();
}

/** Runs the command line with `argv` (without node and the script); returns the exit status. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.err("缺少命令（missing command）；运行 cm-addin --help 查看用法 (see cm-addin --help)");
    return EXIT_USAGE;
  }
  if (first === "--help" || first === "-h" || first === "help") {
    io.out(helpText());
    return EXIT_OK;
  }
  if (first === "--version" || first === "-v" || first === "-V") {
    io.out(packageVersion());
    return EXIT_OK;
  }
  if (first.startsWith("-")) {
    io.err(
      `未知选项 ${first}（unknown option）；运行 cm-addin --help 查看用法 (see cm-addin --help)`
    );
    return EXIT_USAGE;
  }
  const info = commandInfo(first);
  if (!info) {
    io.err(
      `未知命令 ${first}（unknown command）；可用命令：${COMMANDS.map((c) => c.name).join("、")} (see cm-addin --help)`
    );
    return EXIT_USAGE;
  }
  try {
    const command = loadCommand(first);
    if (!command) {
      io.err(`命令 ${first} 尚不可用（command ${first} is not available yet）`);
      return EXIT_USAGE;
    }
    if (rest.includes("--help") || rest.includes("-h")) {
      io.out(`${command.usage}\n  ${command.summaryZh}\n  ${command.summaryEn}`);
      return EXIT_OK;
    }
    return await command.run(rest, io);
  } catch (e) {
    if (isCliError(e)) {
      io.err(oneLine(e.message));
      return EXIT_USAGE;
    }
    const msg = e instanceof Error ? e.message : String(e);
    io.err(oneLine(`内部错误（internal error）：${msg}`));
    if (process.env.CM_ADDIN_DEBUG === "1" && e instanceof Error && e.stack)
      process.stderr.write(`${e.stack}\n`);
    return EXIT_INTERNAL;
  }
}

/** Writes `s` and a newline (the CliIO contract: one call, one line). */
function writeLine(stream: NodeJS.WriteStream, s: string): void {
  stream.write(`${s}\n`);
}

function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write("", () => resolve()));
}

/** Runs main on process.argv and exits with its status once stdout and stderr are flushed. */
export async function runProcess(): Promise<void> {
  // a closed pipe (`cm-addin policy | head`) ends the output quietly, as other command-line tools do
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(0);
      throw e;
    });
  }
  const io: CliIO = {
    out: (s) => writeLine(process.stdout, s),
    err: (s) => writeLine(process.stderr, s),
  };
  let code: number;
  try {
    code = await main(process.argv.slice(2), io);
  } catch (e) {
    io.err(oneLine(`内部错误（internal error）：${e instanceof Error ? e.message : String(e)}`));
    code = EXIT_INTERNAL;
  }
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

const entry = require.main?.filename ?? "";
if (require.main === module || /[\\/]cli[\\/]bin\.js$/.test(entry)) {
  void runProcess();
}

/**
 * The `cm-addin` entry: help, version, usage errors (one line on stderr, exit 2), and how main
 * treats command modules (missing, CliError, internal error, per-command --help).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { CliCommand, CliIO } from "../../src/cli/command";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "src/cli/bin.js");
const VERSION = (
  JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }
).version;
const COMMAND_NAMES = ["template", "validate", "summarize", "demo", "policy", "verify"];

// bin.js runs the compiled lib/ (issue 16): compile it first when a source is newer
const { buildCli } = require("../../.ci/build-cli.js") as {
  buildCli(o: { ifStale: boolean }): { status: number | null; output: string };
};
beforeAll(() => {
  const r = buildCli({ ifStale: true });
  if (r.status !== 0) throw new Error(`npm run build:cli failed (${r.status}):\n${r.output}`);
}, 300_000);

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60000,
  });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function lines(s: string): string[] {
  return s.split("\n").filter((l) => l.length > 0);
}

describe("cm-addin (spawned through src/cli/bin.js)", () => {
  test("--help prints the Chinese and English usage with every command, exit 0", () => {
    const r = run("--help");
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toMatch(/用法/);
    expect(r.out).toMatch(/Usage/);
    for (const name of COMMAND_NAMES) expect(r.out).toMatch(new RegExp(`^  ${name}\\s`, "m"));
    expect(r.out).toContain("cm-addin validate FILE.xlsx [--json]");
    expect(r.out).toContain("cm-addin summarize FILE.xlsx -o OUT.xlsx [--year YYYY]");
    // flushed completely before exit: the last line is there
    expect(r.out.trimEnd().split("\n").pop()).toMatch(/^示例 Example:/);
    expect(run("-h").out).toBe(r.out);
  });

  test("--version prints the package version, exit 0", () => {
    for (const flag of ["--version", "-v"]) {
      const r = run(flag);
      expect(r.code).toBe(0);
      expect(r.out).toBe(`${VERSION}\n`);
      expect(r.err).toBe("");
    }
  });

  test.each([
    [["frobnicate"], /未知命令 frobnicate.*unknown command/],
    [["--frobnicate"], /未知选项 --frobnicate.*unknown option/],
    [[], /缺少命令.*missing command/],
  ])("usage error %j: one line on stderr, nothing on stdout, exit 2", (args, message) => {
    const r = run(...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(lines(r.err)).toHaveLength(1);
    expect(r.err).toMatch(message);
  });
});

describe("main() with command modules", () => {
  function capture(): CliIO & { outLines: string[]; errLines: string[] } {
    const outLines: string[] = [];
    const errLines: string[] = [];
    return { outLines, errLines, out: (s) => outLines.push(s), err: (s) => errLines.push(s) };
  }

  /** main.ts with src/cli/commands' loadCommand replaced. */
  function mainWith(load: (name: string) => CliCommand | null) {
    let mod: typeof import("../../src/cli/main") | undefined;
    jest.isolateModules(() => {
      jest.doMock("../../src/cli/commands", () => ({
        ...jest.requireActual("../../src/cli/commands"),
        loadCommand: load,
      }));
      mod = require("../../src/cli/main");
    });
    jest.dontMock("../../src/cli/commands");
    return mod!.main;
  }

  function fakeCommand(name: string, run: CliCommand["run"]): CliCommand {
    return {
      name,
      usage: `cm-addin ${name} FILE.xlsx`,
      summaryZh: "中文说明",
      summaryEn: "English summary",
      run,
    };
  }

  test("a command whose module does not exist yet: one line, exit 2", async () => {
    const io = capture();
    expect(await mainWith(() => null)(["validate", "x.xlsx"], io)).toBe(2);
    expect(io.errLines).toEqual([
      "命令 validate 尚不可用（command validate is not available yet）",
    ]);
    expect(io.outLines).toEqual([]);
  });

  test("the command receives its arguments and its exit status is returned", async () => {
    const io = capture();
    const seen: string[][] = [];
    const main = mainWith((name) =>
      fakeCommand(name, async (args, cio) => {
        seen.push(args);
        cio.out("done");
        return 1;
      })
    );
    expect(await main(["validate", "a.xlsx", "--json"], io)).toBe(1);
    expect(seen).toEqual([["a.xlsx", "--json"]]);
    expect(io.outLines).toEqual(["done"]);
  });

  test("a CliError becomes one line on stderr and exit 2", async () => {
    const { CliError } = jest.requireActual(
      "../../src/cli/command"
    ) as typeof import("../../src/cli/command");
    const io = capture();
    const main = mainWith((name) =>
      fakeCommand(name, async () => {
        throw new CliError("文件不存在：a.xlsx\n（file not found）");
      })
    );
    expect(await main(["validate", "a.xlsx"], io)).toBe(2);
    expect(io.errLines).toEqual(["文件不存在：a.xlsx （file not found）"]);
  });

  test("an unexpected exception is an internal error: one line, exit 3", async () => {
    const io = capture();
    const main = mainWith((name) =>
      fakeCommand(name, async () => {
        throw new TypeError("x is undefined");
      })
    );
    expect(await main(["summarize", "a.xlsx"], io)).toBe(3);
    expect(io.errLines).toEqual(["内部错误（internal error）：x is undefined"]);
  });

  test("<command> --help prints the command's own usage, exit 0, without running it", async () => {
    const io = capture();
    const run = jest.fn(async () => 0);
    const main = mainWith((name) => fakeCommand(name, run));
    expect(await main(["policy", "--help"], io)).toBe(0);
    expect(run).not.toHaveBeenCalled();
    expect(io.outLines.join("\n")).toBe("cm-addin policy FILE.xlsx\n  中文说明\n  English summary");
  });
});

describe("loadCommand", () => {
  test("only the known commands, each loaded lazily from src/cli/commands/<name>.ts", () => {
    const { COMMAND_NAMES: names, loadCommand } = jest.requireActual(
      "../../src/cli/commands"
    ) as typeof import("../../src/cli/commands");
    expect([...names]).toEqual(COMMAND_NAMES);
    expect(loadCommand("nope")).toBeNull();
    for (const name of names) {
      const file = path.join(ROOT, "src/cli/commands", `${name}.ts`);
      if (fs.existsSync(file)) {
        const c = loadCommand(name);
        expect(c?.name).toBe(name);
        expect(typeof c?.run).toBe("function");
      } else expect(loadCommand(name)).toBeNull();
    }
  });
});

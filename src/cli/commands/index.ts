/**
 * The commands of `cm-addin`. Each lives in ./<name>.ts and exports `command: CliCommand`
 * (../command.ts); it is loaded with require only when it is run, so the help and the other
 * commands work while a command's module is still missing.
 */
import type { CliCommand } from "../command";
import { VERIFY_INFO } from "./verify.info";

export interface CommandInfo {
  name: string;
  /** usage shown by `cm-addin --help` (keep it the same as the module's own `usage`) */
  usage: string;
  summaryZh: string;
  summaryEn: string;
  load: () => unknown;
}

export const COMMANDS: readonly CommandInfo[] = [
  {
    name: "template",
    usage: "cm-addin template -o FILE.xlsx [--force]",
    summaryZh: "生成空白模板工作簿：全部输入表的表头与当年政策参数",
    summaryEn: "an empty workbook with every input sheet and the year's policy",
    load: () => require("./template"),
  },
  {
    name: "validate",
    usage: "cm-addin validate FILE.xlsx [--json]",
    summaryZh: "校验工作簿，列出问题（有错误时退出状态为 1）",
    summaryEn: "validate a workbook and list the issues (exit 1 on errors)",
    load: () => require("./validate"),
  },
  {
    name: "summarize",
    usage:
      "cm-addin summarize FILE.xlsx -o OUT.xlsx [--year YYYY] [--policy FILE.json] [--only 名称,…] [--force]",
    summaryZh: "生成全部汇总表，写入 OUT.xlsx（原有工作表不变；数据有错误时仍写入，退出状态为 1）",
    summaryEn:
      "write every summary the data allows to OUT.xlsx (input sheets unchanged; exit 1 when the data has errors)",
    load: () => require("./summarize"),
  },
  {
    name: "demo",
    usage: "cm-addin demo [-o OUT.xlsx] [--force]",
    summaryZh: "用自带的示例工作簿运行 summarize 并打印等级汇总",
    summaryEn: "run summarize on the bundled sample workbook and print the grade roster",
    load: () => require("./demo"),
  },
  {
    name: "policy",
    usage: "cm-addin policy [--year YYYY] [--json]",
    summaryZh: "打印某年度政策参数的默认值",
    summaryEn: "print the policy defaults of a year",
    load: () => require("./policy"),
  },
  { ...VERIFY_INFO, load: () => require("./verify") },
];

export const COMMAND_NAMES: readonly string[] = COMMANDS.map((c) => c.name);

export function commandInfo(name: string): CommandInfo | undefined {
  return COMMANDS.find((c) => c.name === name);
}

function isMissingModule(e: unknown, name: string): boolean {
  if (!(e instanceof Error) || (e as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND")
    return false;
  const first = e.message.split("\n")[0];
  return (
    first.includes(`'./${name}'`) ||
    new RegExp(`[\\\\/]commands[\\\\/]${name}(\\.ts)?'`).test(first)
  );
}

/**
 * The command's module, or null when it does not exist yet. A module that exists but fails to
 * load, or does not export a matching `command`, is an error (thrown).
 */
export function loadCommand(name: string): CliCommand | null {
  const info = commandInfo(name);
  if (!info) return null;
  let mod: unknown;
  try {
    mod = info.load();
  } catch (e) {
    if (isMissingModule(e, name)) return null;
    throw e;
  }
  const command = (mod as { command?: CliCommand } | null)?.command;
  if (!command || command.name !== name || typeof command.run !== "function") {
    throw new Error(
      `src/cli/commands/${name}.ts does not export a \`command\` named ${name} with a run() function`
    );
  }
  return command;
}

/**
 * The commands of `cm-addin`. Each lives in ./<name>.ts and exports `command: CliCommand`
 * (../command.ts); it is loaded with require only when it is run, so the help and the other
 * commands work while a command's module is still missing.
 */
import type { CliCommand } from "../command";
import { describedBy } from "../command";
import { COMMAND_METAS } from "./meta";

export interface CommandInfo {
  name: string;
  /** usage shown by `cm-addin --help`: the command's own, both made from its metadata (./meta.ts) */
  usage: string;
  summaryZh: string;
  summaryEn: string;
  load: () => unknown;
}

/** The module of each command, by name (literal requires, loaded only when run). */
const LOADERS: Record<string, () => unknown> = {
  template: () => require("./template"),
  validate: () => require("./validate"),
  summarize: () => require("./summarize"),
  demo: () => require("./demo"),
  policy: () => require("./policy"),
  verify: () => require("./verify"),
};

export const COMMANDS: readonly CommandInfo[] = COMMAND_METAS.map((m) => ({
  ...describedBy(m),
  load: LOADERS[m.name],
}));

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

/**
 * One command of the `cm-addin` command line. Each lives in src/cli/commands/<name>.ts and
 * exports `command`. main.ts parses nothing but the command name and the global options;
 * each command parses its own arguments with {@link parseOptions}.
 * Exit status: 0 ok; 1 the data has errors (validate/summarize); 2 usage, a missing or
 * unreadable file, a file that is not a workbook — one clear line on stderr.
 */
export interface CliIO {
  out(s: string): void;
  err(s: string): void;
}

export interface CliCommand {
  name: string;
  /** e.g. "cm-addin validate FILE.xlsx [--json]" */
  usage: string;
  summaryZh: string;
  summaryEn: string;
  run(args: string[], io: CliIO): Promise<number>;
}

/** A usage error or an unusable input file: main prints its message as one line, exit 2. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliError";
  }
}

export interface OptionSpec {
  /** "--json" */
  name: string;
  /** "-o" */
  alias?: string;
  /** takes a value (--year 2025 or --year=2025) */
  value?: boolean;
}

/** An option as the usage shows it: its value's placeholder, and whether it must be given. */
export interface OptionMeta extends OptionSpec {
  /** the value's placeholder in the usage ("YYYY"); set exactly when `value` is */
  placeholder?: string;
  /** shown without brackets (the command refuses to run without it) */
  required?: boolean;
}

/**
 * A command's metadata — the one place for its name, synopsis and options: `cm-addin --help`
 * (main.ts over commands/index.ts), the command's own `--help` and usage errors (its `usage`),
 * and its argument parsing (`parseOptions(args, meta.options)`) all read it.
 */
export interface CommandMeta {
  name: string;
  /** the positional arguments as the usage writes them ("FILE.xlsx"); none when empty */
  args: readonly string[];
  /** in the order the usage lists them */
  options: readonly OptionMeta[];
  summaryZh: string;
  summaryEn: string;
}

/** "cm-addin NAME ARGS… -o FILE.xlsx [--year YYYY] [--json]": an option by its alias when it has one. */
export function usageOf(meta: CommandMeta): string {
  const parts = ["cm-addin", meta.name, ...meta.args];
  for (const o of meta.options) {
    const flag = `${o.alias ?? o.name}${o.placeholder ? ` ${o.placeholder}` : ""}`;
    parts.push(o.required ? flag : `[${flag}]`);
  }
  return parts.join(" ");
}

/** The parts of a {@link CliCommand} its metadata gives: name, usage, summaries. */
export function describedBy(
  meta: CommandMeta
): Pick<CliCommand, "name" | "usage" | "summaryZh" | "summaryEn"> {
  return {
    name: meta.name,
    usage: usageOf(meta),
    summaryZh: meta.summaryZh,
    summaryEn: meta.summaryEn,
  };
}

/** Parses `args` into positionals and options; an unknown option or a missing value is a CliError. */
export function parseOptions(
  args: string[],
  specs: readonly OptionSpec[]
): { positional: string[]; options: Record<string, string | true> } {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith("-") && a !== "-") {
      const [flag, inline] = a.includes("=")
        ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]
        : [a, undefined];
      const spec = specs.find((s) => s.name === flag || s.alias === flag);
      if (!spec) throw new CliError(`未知选项 ${flag}（unknown option）`);
      const key = spec.name.replace(/^--/, "");
      if (spec.value) {
        const v = inline ?? args[++i];
        if (v === undefined || (inline === undefined && v.startsWith("-")))
          throw new CliError(`选项 ${flag} 需要一个值（option ${flag} needs a value）`);
        options[key] = v;
      } else {
        if (inline !== undefined)
          throw new CliError(`选项 ${flag} 不带值（option ${flag} takes no value）`);
        options[key] = true;
      }
    } else positional.push(a);
  }
  return { positional, options };
}

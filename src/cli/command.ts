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

/** Parses `args` into positionals and options; an unknown option or a missing value is a CliError. */
export function parseOptions(
  args: string[],
  specs: OptionSpec[]
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

/**
 * (issue 20 item 3) One metadata object per command (src/cli/commands/meta.ts): `cm-addin --help`
 * and each command's own usage are made from it, so they cannot differ.
 */
import { parseOptions, usageOf } from "../../src/cli/command";
import { COMMANDS, loadCommand } from "../../src/cli/commands";
import { COMMAND_METAS, SUMMARIZE_META } from "../../src/cli/commands/meta";
import { helpText } from "../../src/cli/main";

describe("CLI command metadata", () => {
  test("the usage each command's metadata makes (hand-written)", () => {
    expect(Object.fromEntries(COMMAND_METAS.map((m) => [m.name, usageOf(m)]))).toEqual({
      template: "cm-addin template -o FILE.xlsx [--force]",
      validate: "cm-addin validate FILE.xlsx [--json] [--previous LAST.xlsx]",
      summarize:
        "cm-addin summarize FILE.xlsx -o OUT.xlsx [--year YYYY] [--policy FILE.json] [--only 名称,…] [--statements] [--previous LAST.xlsx] [--force]",
      demo: "cm-addin demo [-o OUT.xlsx] [--force]",
      policy: "cm-addin policy [--year YYYY] [--json]",
      verify: "cm-addin verify OUT.xlsx [--policy FILE.json] [--previous LAST.xlsx] [--json]",
    });
  });

  test("--help's list and each command's own usage and summaries are the same", () => {
    const help = helpText();
    for (const info of COMMANDS) {
      const command = loadCommand(info.name)!;
      expect(command.usage).toBe(info.usage);
      expect(command.summaryZh).toBe(info.summaryZh);
      expect(command.summaryEn).toBe(info.summaryEn);
      expect(help).toContain(`  ${info.usage}\n`);
      expect(help).toContain(info.summaryZh);
    }
  });

  test("an option takes a value exactly when the usage shows a placeholder", () => {
    for (const m of COMMAND_METAS)
      for (const o of m.options) expect(Boolean(o.value)).toBe(Boolean(o.placeholder));
  });

  test("a command parses the options its usage shows, by name and alias", () => {
    const { positional, options } = parseOptions(
      ["a.xlsx", "-o", "b.xlsx", "--year=2025", "--statements"],
      SUMMARIZE_META.options
    );
    expect(positional).toEqual(["a.xlsx"]);
    expect(options).toEqual({ out: "b.xlsx", year: "2025", statements: true });
    expect(() => parseOptions(["--json"], SUMMARIZE_META.options)).toThrow(/未知选项 --json/);
  });
});

/** The command line, run in this process on the Node side of a browser test (the CLI's own code path). */
import { runCli } from "../../cli/helpers/run";

export { runCli };
export type { CliRun } from "../../cli/helpers/run";

export interface CliIssue {
  sheet: string;
  cell: string;
  severity: "error" | "warning" | "info";
  rule: string;
  message: string;
  /** "data", or "compliance" for the A13 findings (合规提示: counted apart in the pane) */
  category: "data" | "compliance";
}

/** `cm-addin validate FILE --json`: the issues (without the last object, the ready line: rule READY). */
export async function cliIssues(file: string): Promise<CliIssue[]> {
  const r = await runCli(["validate", file, "--json"]);
  if (r.code === 2) throw new Error(`cm-addin validate failed: ${r.err.join("\n")}`);
  return (JSON.parse(r.out.join("\n")) as CliIssue[]).filter((i) => i.rule !== "READY");
}

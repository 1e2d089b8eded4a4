/** The command line run in this process (its own code path, stdout and stderr as lines). */
import { main } from "../../../src/cli/main";

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
  /** wall time of the run */
  ms: number;
}

export async function runCli(args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const t0 = Date.now();
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out, err, ms: Date.now() - t0 };
}

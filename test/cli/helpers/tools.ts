/**
 * External programs for the tests that use them (LibreOffice, poppler-utils): where one is on
 * PATH, and running it. No side effect on import: each test says itself what it skips.
 */
import { execFile } from "child_process";
import { existsSync } from "fs";
import * as path from "path";

export function onPath(cmd: string): string | null {
  for (const d of (process.env.PATH ?? "").split(path.delimiter)) {
    const p = path.join(d, cmd);
    if (d && existsSync(p)) return p;
  }
  return null;
}

/** Runs `cmd` and gives its stdout and stderr; a failure names the program and carries its stderr. */
export function execOutputs(
  cmd: string,
  args: string[],
  timeout = 300_000
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${path.basename(cmd)} failed: ${err.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

/** {@link execOutputs}' stdout. */
export async function exec(cmd: string, args: string[], timeout = 300_000): Promise<string> {
  return (await execOutputs(cmd, args, timeout)).stdout;
}

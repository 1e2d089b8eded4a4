/**
 * Writing an output file safely (WORKBOOK.md rev 2 "The command line"):
 * - {@link checkOutput}: OUT is never the input itself — compared as files (device and inode),
 *   so a hard link, a symlink or a second mount path of the input is refused — never a symlink,
 *   device or folder, and an existing OUT is replaced only with --force;
 * - {@link writeAtomically}: the file is written under a temporary name in OUT's folder (mode
 *   of the input, else 0666 less the umask), flushed to disk, and only then given its name — no
 *   reader ever sees half a workbook; on any failure, and on Ctrl-C/SIGTERM/SIGHUP meanwhile,
 *   the temporary file is removed.
 */
import * as fsSync from "fs";
import { promises as fs } from "fs";
import * as nodePath from "path";
import { CliError } from "../command";

export interface OutputOptions {
  /** replace an existing OUT */
  force?: boolean;
}

function statOrNull(path: string, follow: boolean): fsSync.Stats | null {
  try {
    return follow ? fsSync.statSync(path) : fsSync.lstatSync(path);
  } catch {
    return null;
  }
}

/**
 * Refuses (CliError, one line) an OUT that is the input file, a symlink, a device or folder, or
 * an existing file without --force. `input` null: a new file from nothing (template).
 */
export function checkOutput(input: string | null, output: string, opts: OutputOptions = {}): void {
  const inSt = input === null ? null : statOrNull(input, true);
  const outLink = statOrNull(output, false);
  const outSt = statOrNull(output, true);
  if (inSt !== null && outSt !== null && inSt.dev === outSt.dev && inSt.ino === outSt.ino) {
    throw new CliError(
      `输出文件不能与输入文件相同：${output}（OUT.xlsx is the input file itself — by a link or another path; the input is never changed）`
    );
  }
  if (input !== null && nodePath.resolve(input) === nodePath.resolve(output)) {
    throw new CliError(
      `输出文件不能与输入文件相同：${output}（OUT.xlsx must not be the input file; the input is never changed）`
    );
  }
  if (outLink === null) return;
  if (outLink.isSymbolicLink())
    throw new CliError(
      `输出路径是符号链接，不写入：${output}（OUT is a symbolic link; give the path of a new file）`
    );
  if (outLink.isDirectory())
    throw new CliError(`输出路径是一个文件夹：${output}（OUT is a directory）`);
  if (!outLink.isFile())
    throw new CliError(
      `输出路径不是普通文件，不写入：${output}（OUT is a device or other special file）`
    );
  if (!opts.force)
    throw new CliError(
      `文件已存在，不覆盖：${output}（${output} exists; add --force to replace it）`
    );
}

/** Temporary files being written: removed if the process is interrupted. */
const inFlight = new Set<string>();
const SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
const EXIT_BY_SIGNAL: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

function onSignal(sig: NodeJS.Signals): void {
  for (const t of inFlight) {
    try {
      fsSync.rmSync(t, { force: true });
    } catch {
      // nothing more can be done while exiting
    }
  }
  inFlight.clear();
  process.exit(EXIT_BY_SIGNAL[sig] ?? 1);
}

function track(tmp: string): void {
  if (inFlight.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  inFlight.add(tmp);
}

function untrack(tmp: string): void {
  inFlight.delete(tmp);
  if (inFlight.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
}

/**
 * Writes `path` through `write(tmpPath)` (which creates and fills the temporary file), then
 * renames it into place. `mode`: the new file's permissions (the input's, for a copy of it).
 * Without `force` an OUT that appeared meanwhile is not replaced.
 */
export async function writeAtomically(
  path: string,
  write: (tmp: string, mode: number) => Promise<void>,
  opts: OutputOptions & { mode?: number } = {}
): Promise<void> {
  const dir = nodePath.dirname(path);
  const tmp = nodePath.join(
    dir,
    `.${nodePath.basename(path)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`
  );
  const mode = (opts.mode ?? 0o666) & 0o666;
  track(tmp);
  try {
    await write(tmp, mode);
    const fh = await fs.open(tmp, "r+");
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (opts.force) await fs.rename(tmp, path);
    else {
      // link fails if OUT exists (no race with another writer); a file system without hard links: rename
      try {
        await fs.link(tmp, path);
        await fs.rm(tmp, { force: true });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "EEXIST")
          throw new CliError(
            `文件已存在，不覆盖：${path}（${path} exists; add --force to replace it）`
          );
        if (
          code !== "EPERM" &&
          code !== "ENOTSUP" &&
          code !== "EOPNOTSUPP" &&
          code !== "EXDEV" &&
          code !== "EMLINK"
        )
          throw e;
        if (statOrNull(path, false) !== null)
          throw new CliError(
            `文件已存在，不覆盖：${path}（${path} exists; add --force to replace it）`
          );
        await fs.rename(tmp, path);
      }
    }
    try {
      const d = await fs.open(dir, "r");
      await d.sync().catch(() => undefined);
      await d.close();
    } catch {
      // a folder that cannot be opened for syncing (some file systems): the rename stands
    }
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  } finally {
    untrack(tmp);
  }
}

/** The permissions of the input file (for its copy), or undefined. */
export function modeOf(path: string): number | undefined {
  return statOrNull(path, true)?.mode;
}

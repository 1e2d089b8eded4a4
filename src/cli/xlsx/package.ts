/**
 * The .xlsx package (src/xlsx/package.ts) at the CLI's edges: read from a file (checked first:
 * missing, a folder, empty, too large) and written to one safely (./output.ts); the parts of a
 * file already found intact are remembered so that summarize does not check them twice.
 */
import { promises as fs } from "fs";
import { CliError } from "../command";
import { MAX_INPUT_BYTES, RefusedFileError, openPackage } from "../../xlsx/package";
import type { Package } from "../../xlsx/package";
import { MESSAGES } from "../../xlsx/detect";
import { ZipError } from "../../xlsx/zip";
import type { ZipEntry } from "../../xlsx/zip";
import { writeAtomically } from "./output";
import type { OutputOptions } from "./output";
import { nodeCodec } from "./nodeCodec";
import { ZipWriter } from "./zip";

export * from "../../xlsx/package";

function reason(e: unknown, writing = false): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case "ENOENT":
      return writing ? "所在文件夹不存在（folder not found）" : "文件不存在（file not found）";
    case "EACCES":
    case "EPERM":
      return writing ? "没有写入权限（permission denied）" : "没有读取权限（permission denied）";
    case "EROFS":
      return "只读文件系统，无法写入（read-only file system）";
    case "ENOSPC":
      return "磁盘空间不足（no space left on device）";
    case "EDQUOT":
      return "磁盘配额已满（disk quota exceeded）";
    case "EISDIR":
      return "这是一个文件夹（is a directory）";
    case "ENOTDIR":
      return "路径中有一段不是文件夹（not a directory）";
    default:
      return `${err?.message ?? String(e)}`;
  }
}

/**
 * The entries already found intact (CRC-32 checked) in a file, by the file's identity: summarize
 * reads the workbook, then copies its parts into OUT — the worksheets it read are not inflated a
 * second time to check them.
 */
const verifiedInFile = new Map<string, Set<string>>();

function fileKey(st: { dev: number; ino: number; size: number; mtimeMs: number }): string {
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}`;
}

function entryKey(e: ZipEntry): string {
  return `${e.localOffset}:${e.crc}:${e.name}`;
}

const fileKeys = new WeakMap<Package, string>();

/** Remembers which parts of a loaded package were found intact (see verifiedInFile). */
export function rememberVerified(pkg: Package): void {
  const key = fileKeys.get(pkg);
  if (key === undefined || pkg.source === null) return;
  const set = verifiedInFile.get(key) ?? new Set<string>();
  for (const e of pkg.source.verified) set.add(entryKey(e));
  verifiedInFile.clear(); // one file at a time is enough
  verifiedInFile.set(key, set);
}

/** The file's bytes, or a CliError saying why they cannot be read (missing, a folder, too large, a lock file). */
async function readInput(path: string): Promise<{ buf: Buffer; key: string }> {
  try {
    const st = await fs.stat(path);
    if (st.isDirectory()) {
      if (/\.numbers$/i.test(path)) throw new CliError(`无法读取 ${path}：${MESSAGES.numbers}`);
      throw Object.assign(new Error("directory"), { code: "EISDIR" });
    }
    if (!st.isFile()) throw new CliError(`无法读取 ${path}：不是普通文件（not a regular file）`);
    if (st.size === 0) throw new CliError(`无法读取 ${path}：文件为空（empty file）`);
    if (st.size > MAX_INPUT_BYTES)
      throw new CliError(
        `无法读取 ${path}：文件超过 ${MAX_INPUT_BYTES >> 20} MB（file too large）`
      );
    const buf = await fs.readFile(path);
    return { buf, key: fileKey(st) };
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`无法读取 ${path}：${reason(e)}`);
  }
}

/** Opens an .xlsx as a package; a CliError with what to do for anything that is not a readable workbook. */
export async function loadPackage(path: string): Promise<Package> {
  const { buf, key } = await readInput(path);
  let pkg: Package;
  try {
    pkg = openPackage(buf, path, nodeCodec);
  } catch (e) {
    if (e instanceof RefusedFileError) throw new CliError(`无法读取 ${path}：${e.message}`);
    throw e;
  }
  const zip = pkg.source!;
  fileKeys.set(pkg, key);
  const known = verifiedInFile.get(key);
  if (known) for (const e of zip.entries) if (known.has(entryKey(e))) zip.verified.add(e);
  return pkg;
}

/**
 * Writes the package to `path` through a temporary file in the same folder, flushed and then
 * renamed (./output.ts). A part of the input that turns out corrupt while it is copied is a
 * ZipError (the caller names the input); anything else that stops the write is a CliError.
 */
export async function savePackage(
  pkg: Package,
  path: string,
  now = new Date(),
  opts: OutputOptions & { mode?: number } = {}
): Promise<void> {
  try {
    await writeAtomically(
      path,
      async (tmp, mode) => {
        const w = await ZipWriter.create(tmp, now, { exclusive: true, mode });
        try {
          await pkg.writeTo(w);
          await w.finish();
        } catch (e) {
          await w.abort();
          throw e;
        }
      },
      { force: opts.force ?? true, mode: opts.mode }
    );
  } catch (e) {
    if (e instanceof CliError || e instanceof ZipError) throw e;
    throw new CliError(`无法写入 ${path}：${reason(e, true)}`);
  }
}

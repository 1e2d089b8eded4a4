/**
 * What a file that is not a readable .xlsx is, and what its user should do (WORKBOOK.md rev 2
 * "The command line"): one line each, Chinese first —
 * - an encrypted workbook (an OLE compound file holding an `EncryptedPackage` stream) → remove
 *   the password (另存时取消密码);
 * - .xls, .et (WPS), other compound files, .xlsb, .ods, .numbers, CSV or other text → open it
 *   and save it as Excel 工作簿 (.xlsx);
 * - a `~$` file → it is Excel's lock file: use the workbook itself;
 * - a corrupt or truncated file → 文件已损坏.
 * Everything here looks at bytes already in memory and at the zip directory: nothing is inflated.
 */
import * as nodePath from "path";
import type { ZipReader } from "./zip";

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");

const SAVE_AS_XLSX = "请在 Excel 中打开并另存为“Excel 工作簿 (.xlsx)”";

function saveAs(kindZh: string, kindEn: string): string {
  return `这是${kindZh}，${SAVE_AS_XLSX}（${kindEn}: open it and save it as Excel Workbook (.xlsx)）`;
}

export const MESSAGES = {
  encrypted:
    "工作簿设有打开密码（已加密），无法读取：请在 Excel 中打开，另存时取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后再试（encrypted workbook: remove the password and save it again）",
  lockFile:
    "这是 Excel 打开工作簿时生成的锁定文件（~$ 开头），不是工作簿：请使用同一文件夹中去掉 ~$ 的工作簿本身（Excel lock file: use the workbook itself）",
  xls: saveAs("旧版 Excel 97-2003 工作簿 (.xls)", "legacy .xls workbook"),
  et: saveAs("WPS 表格文件 (.et)", "WPS .et file"),
  compound: saveAs("旧版 Office 复合文档，不是 .xlsx", "OLE compound file, not .xlsx"),
  xlsb: saveAs("Excel 二进制工作簿 (.xlsb)", "binary .xlsb workbook"),
  ods: saveAs("OpenDocument 电子表格 (.ods)", "OpenDocument .ods spreadsheet"),
  numbers: saveAs("Apple Numbers 文件 (.numbers)", "Apple Numbers file"),
  csv: saveAs("文本文件（CSV 等），不是工作簿", "text (CSV) file, not a workbook"),
  notXlsx: `不是 .xlsx 工作簿，${SAVE_AS_XLSX}（not an .xlsx file）`,
  corrupt: (detail: string) =>
    `文件已损坏或不完整，请在 Excel 中打开修复并另存，或重新获取文件（corrupt or truncated file: ${detail}）`,
};

/** Whether the file's name says it is Excel's lock file (~$Book1.xlsx). */
export function isLockFileName(path: string): boolean {
  return nodePath.basename(path).startsWith("~$");
}

function startsWith(buf: Buffer, magic: Buffer): boolean {
  return buf.length >= magic.length && buf.subarray(0, magic.length).equals(magic);
}

/** Looks like text: no NUL and no other control bytes but tab, CR, LF in its first 4 KB (UTF-8/GBK text, CSV, HTML). */
function looksLikeText(buf: Buffer): boolean {
  const n = Math.min(buf.length, 4096);
  if (n === 0) return false;
  if (n >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)))
    return true; // UTF-16 BOM
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  }
  return true;
}

/**
 * Why a file whose bytes are not a zip cannot be read, as the line to show; null when it starts
 * like a zip (the archive is then opened and checked by {@link zipKind}).
 */
export function notZipReason(path: string, buf: Buffer): string | null {
  if (startsWith(buf, OLE_MAGIC)) {
    if (buf.includes(ENCRYPTED_PACKAGE)) return MESSAGES.encrypted;
    const ext = nodePath.extname(path).toLowerCase();
    if (ext === ".et" || ext === ".ett") return MESSAGES.et;
    if (ext === ".xls" || ext === ".xlt" || ext === ".xlsx" || ext === ".xlsm") return MESSAGES.xls;
    return MESSAGES.compound;
  }
  if (startsWith(buf, ZIP_MAGIC)) return null;
  // an empty archive or one that starts with its directory still is a zip
  if (buf.length >= 4 && buf.readUInt32LE(0) === 0x06054b50) return null;
  if (isLockFileName(path)) return MESSAGES.lockFile;
  if (looksLikeText(buf)) return MESSAGES.csv;
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b)
    return MESSAGES.corrupt("bad zip header");
  return MESSAGES.notXlsx;
}

/** For an archive that is not an .xlsx (no workbook part): what it is instead, or null. */
export function zipKind(zip: ZipReader): string | null {
  const names = new Set(zip.entries.map((e) => e.name.replace(/\\/g, "/").toLowerCase()));
  const mimetype = zip.get("mimetype");
  if (mimetype && mimetype.size < 200) {
    try {
      if (
        zip.bytes(mimetype, 200).toString("latin1").startsWith("application/vnd.oasis.opendocument")
      )
        return MESSAGES.ods;
    } catch {
      // a corrupt mimetype entry says nothing
    }
  }
  if (
    names.has("index/document.iwa") ||
    names.has("index.zip") ||
    [...names].some((n) => n.startsWith("index/") && n.endsWith(".iwa"))
  )
    return MESSAGES.numbers;
  if (
    [...names].some(
      (n) => n.endsWith(".bin") && (n.endsWith("workbook.bin") || n.startsWith("xl/worksheets/"))
    )
  )
    return MESSAGES.xlsb;
  return null;
}

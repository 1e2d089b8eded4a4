/**
 * The CLI's .xlsx reading and writing (WORKBOOK.md "The command line"):
 * - {@link readWorkbookGrid}: every worksheet's used values as a WorkbookGrid, read with
 *   part by part, streaming (src/cli/xlsx/read.ts);
 * - {@link writeNewWorkbook}: a new workbook holding the given sheets;
 * - {@link addSheetsToWorkbook}: a copy of a workbook with the sheets added — every part already
 *   there carried over unchanged, the new sheets named so that none is overwritten.
 * The sheets are laid out as the Office.js writer lays them out (src/cli/xlsx/sheetXml.ts).
 * A file that cannot be read or written is a CliError with one clear line.
 */
import type { SheetModel } from "../summary/model";
import { addSheetsToPackage, loadPackage, newPackage, savePackage } from "./xlsx/package";
import { CliError } from "./command";
import { MESSAGES } from "./xlsx/detect";
import { modeOf } from "./xlsx/output";
import type { OutputOptions } from "./xlsx/output";
import { PackageError } from "./xlsx/xml";
import { ZipError } from "./xlsx/zip";

export { checkOutput } from "./xlsx/output";

export { readWorkbookGrid } from "./xlsx/read";

/** Writes a new .xlsx at `path` with one sheet per model (at least one). */
export async function writeNewWorkbook(
  path: string,
  models: SheetModel[],
  opts: OutputOptions = {}
): Promise<void> {
  if (models.length === 0)
    throw new Error("新工作簿至少需要一个工作表（a workbook needs at least one sheet）");
  const zip = newPackage();
  addSheetsToPackage(zip, models);
  await savePackage(zip, path, new Date(), { force: opts.force ?? true });
}

/**
 * Writes `outPath`: the workbook at `inPath` with a new sheet per model after its own sheets.
 * Nothing that was there changes; returns the names the new sheets got (" (2)" … when taken).
 */
export async function addSheetsToWorkbook(
  inPath: string,
  outPath: string,
  models: SheetModel[],
  opts: OutputOptions = {}
): Promise<string[]> {
  const zip = await loadPackage(inPath);
  let names: string[];
  try {
    names = addSheetsToPackage(zip, models);
    // OUT gets the input's permissions (a workbook of HR data readable by its owner only stays so)
    await savePackage(zip, outPath, new Date(), {
      force: opts.force ?? true,
      mode: modeOf(inPath),
    });
  } catch (e) {
    // a workbook that cannot be extended is the file's problem; a model that cannot be written is not
    if (e instanceof PackageError) throw new CliError(`无法读取 ${inPath}：${e.message}`);
    if (e instanceof ZipError)
      throw new CliError(`无法读取 ${inPath}：${MESSAGES.corrupt(e.message)}`);
    // a summary beyond Excel's sheet size (e.g. more than 1,048,576 issues) is the data's size, not a fault
    if (e instanceof Error && /too many (rows|columns) for one sheet/.test(e.message))
      throw new CliError(`无法写入 ${outPath}：${e.message}`);
    throw e;
  }
  return names;
}

/**
 * Reading an .xlsx file into a WorkbookGrid (src/xlsx/read.ts on the file's bytes): a file that
 * cannot be read is a CliError with one clear line.
 */
import type { WorkbookGrid } from "../../core/grid";
import { CliError } from "../command";
import { gridOfPackage, readFailure } from "../../xlsx/read";
import { loadPackage, rememberVerified } from "./package";

export * from "../../xlsx/read";

/**
 * Every worksheet's used values, in the workbook's sheet order. Chart sheets are skipped. Dates
 * of a 1904 workbook are read as 1900 serials (src/xlsx/read.ts).
 */
export async function readWorkbookGrid(path: string): Promise<WorkbookGrid> {
  const pkg = await loadPackage(path);
  try {
    const grid = await gridOfPackage(pkg);
    rememberVerified(pkg);
    return grid;
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`无法读取 ${path}：${readFailure(e)}`);
  }
}

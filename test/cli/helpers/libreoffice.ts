/**
 * LibreOffice → PDF → text for the print tests (print.libreoffice.test.ts, statements.libreoffice.test.ts):
 * `soffice` converts an .xlsx to PDF, pdftotext (poppler-utils) reads each page's text, pdfinfo its
 * size. When soffice or pdftotext is not on PATH the tests using {@link maybe} are skipped with a note
 * (apt-get install -y libreoffice-calc-nogui poppler-utils).
 */
import * as path from "path";
import { exec, onPath } from "./tools";

export { exec, onPath };

export const soffice = onPath("soffice");
export const pdftotext = onPath("pdftotext");
export const pdfinfo = onPath("pdfinfo");
export const canPrint = !!soffice && !!pdftotext;
if (!canPrint) {
  console.warn(
    `NOTE: ${!soffice ? "LibreOffice (soffice)" : "pdftotext"} is not on PATH — the printed-report checks are skipped. Install: apt-get install -y libreoffice-calc-nogui poppler-utils`
  );
}
export const maybe = canPrint ? it : it.skip;

/** `xlsx` printed to PDF in `dir` (its own LibreOffice profile there): each page's text (-layout) and size ("595.3 x 841.9" points; [] without pdfinfo). */
export async function printedPages(
  xlsx: string,
  dir: string
): Promise<{ pages: string[]; sizes: string[] }> {
  await exec(soffice!, [
    "--headless",
    "--norestore",
    `-env:UserInstallation=file://${dir}/profile`,
    "--convert-to",
    "pdf",
    "--outdir",
    dir,
    xlsx,
  ]);
  const pdf = path.join(dir, path.basename(xlsx).replace(/\.xlsx$/i, ".pdf"));
  const text = await exec(pdftotext!, ["-layout", pdf, "-"]);
  const pages = text.split("\f");
  let sizes: string[] = [];
  if (pdfinfo) {
    const info = await exec(pdfinfo, ["-f", "1", "-l", String(pages.length), pdf]);
    sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+ x [\d.]+)/gm)].map((m) => m[1]);
  }
  return { pages, sizes };
}

/**
 * (issue 19 item 3) The charts of 考核概览 are real charts another spreadsheet program draws and
 * keeps: the overview of examples/sample.xlsx written by the .xlsx writer, then
 *
 * - rendered by LibreOffice to PDF and the first page rasterized (pdftoppm, poppler-utils): the
 *   chart area right of the tables holds coloured pixels (bars, slices — the tables are black
 *   text), the tables' side none; the same sheet written without its charts has none at all;
 * - converted by LibreOffice back to .xlsx: it lists the five charts as chart parts again, of
 *   the kinds written (column, bar, pie), over the sheet's cells.
 *
 * Runs when `soffice` and `pdftoppm` are on PATH; otherwise skipped with a note
 * (apt-get install -y libreoffice-calc-nogui poppler-utils).
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { writeNewWorkbook } from "../../src/cli/xlsx";
import { readWorkbookGrid } from "../../src/cli/xlsx/read";
import { ZipReader } from "../../src/cli/xlsx/zip";
import { buildSummaries } from "../../src/summary/build";
import type { SheetModel } from "../../src/summary/model";
import { NOW, policy2025 } from "../summary/helpers";
import { exec, onPath } from "./helpers/tools";

const soffice = onPath("soffice");
const pdftoppm = onPath("pdftoppm");
if (!soffice || !pdftoppm) {
  console.warn(
    `NOTE: ${!soffice ? "LibreOffice (soffice)" : "pdftoppm"} is not on PATH — the chart rendering checks are skipped. Install: apt-get install -y libreoffice-calc-nogui poppler-utils`
  );
}
const maybe = soffice && pdftoppm ? it : it.skip;

const SAMPLE = path.resolve(__dirname, "../../examples/sample.xlsx");

/** A binary PPM (P6) as width, height and RGB bytes. */
function readPpm(buf: Buffer): { width: number; height: number; rgb: Buffer } {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString("latin1"));
  if (!header) throw new Error("not a binary PPM");
  return {
    width: Number(header[1]),
    height: Number(header[2]),
    rgb: buf.subarray(header[0].length),
  };
}

/** Coloured pixels (a channel spread over 80: not black, grey or white) left and right of x = `split` (a fraction of the width). */
function colouredPixels(
  img: { width: number; height: number; rgb: Buffer },
  split: number
): { left: number; right: number } {
  let left = 0;
  let right = 0;
  const at = Math.floor(img.width * split);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 3;
      const r = img.rgb[i];
      const g = img.rgb[i + 1];
      const b = img.rgb[i + 2];
      if (Math.max(r, g, b) - Math.min(r, g, b) <= 80) continue;
      if (x < at) left++;
      else right++;
    }
  }
  return { left, right };
}

let dir: string;
let overview: SheetModel;
beforeAll(async () => {
  if (!soffice || !pdftoppm) return;
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "cm-charts-"));
  const r = buildSummaries(await readWorkbookGrid(SAMPLE), policy2025(), {
    now: NOW,
    only: ["考核概览"],
  });
  overview = r.models[0];
  await writeNewWorkbook(path.join(dir, "charts.xlsx"), [overview]);
  await writeNewWorkbook(path.join(dir, "plain.xlsx"), [{ ...overview, charts: undefined }]);
  const profile = `-env:UserInstallation=file://${dir}/profile`;
  await exec(soffice, [
    "--headless",
    "--norestore",
    profile,
    "--convert-to",
    "pdf",
    "--outdir",
    dir,
    path.join(dir, "charts.xlsx"),
    path.join(dir, "plain.xlsx"),
  ]);
  await fs.mkdir(path.join(dir, "back"));
  await exec(soffice, [
    "--headless",
    "--norestore",
    profile,
    "--convert-to",
    "xlsx",
    "--outdir",
    path.join(dir, "back"),
    path.join(dir, "charts.xlsx"),
  ]);
  for (const n of ["charts", "plain"])
    await exec(pdftoppm, [
      "-f",
      "1",
      "-l",
      "1",
      "-r",
      "40",
      path.join(dir, `${n}.pdf`),
      path.join(dir, n),
    ]);
}, 400_000);
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

async function page(name: string) {
  const file = (await fs.readdir(dir)).find((f) => f.startsWith(`${name}-`) && f.endsWith(".ppm"));
  if (!file) throw new Error(`no page image of ${name}`);
  return readPpm(await fs.readFile(path.join(dir, file)));
}

maybe("rendered: coloured charts right of the tables, none without the charts", async () => {
  expect(overview.charts).toHaveLength(5);
  // the charts start at column I of a page fitted to the sheet's width: right of the middle
  const withCharts = colouredPixels(await page("charts"), 0.5);
  const without = colouredPixels(await page("plain"), 0.5);
  expect(withCharts.right).toBeGreaterThan(2000);
  expect(withCharts.left).toBeLessThan(50);
  expect(without.left + without.right).toBeLessThan(50);
});

maybe(
  "round trip through LibreOffice: the five charts come back as chart parts of the kinds written, over the sheet's cells",
  async () => {
    const zip = ZipReader.open(await fs.readFile(path.join(dir, "back", "charts.xlsx")));
    const charts = zip.entries
      .filter((e) => /^xl\/charts\/chart\d+\.xml$/.test(e.name))
      .map((e) => zip.bytes(e).toString("utf8"));
    expect(charts).toHaveLength(5);
    const kinds = charts.map((x) =>
      x.includes("<c:pieChart>")
        ? "pie"
        : /<c:barDir val="bar"\/>/.test(x)
          ? "bar"
          : /<c:barDir val="col"\/>/.test(x)
            ? "column"
            : "other"
    );
    expect(kinds.sort()).toEqual(["bar", "bar", "column", "column", "pie"]);
    for (const x of charts) expect(x).toMatch(/<c:f>'?考核概览'?!\$A\$\d+:\$A\$\d+<\/c:f>/);
  }
);

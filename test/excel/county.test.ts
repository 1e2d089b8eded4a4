/**
 * The task pane's 汇总 at county scale on the strict fake host (Excel on the web's limits:
 * requests and responses ≤ 5 MB as office.js counts them, reads ≤ 5,000,000 cells, no
 * unbounded writes): 2,000 CMs and 30,000 loans generated as `npm run bench` does; every
 * request and response within the 4 MB budget, no refusal, and the written sheets equal to
 * `cm-addin summarize`'s output cell by cell (values and formulas). 10,000 / 100,000 runs in
 * `npm run bench` (row 6), not here: CI time.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { summarizeWorkbook } from "../../src/cli/commands/summarize";
import { generateSummaries } from "../../src/excel/summaries";
import { SUMMARIES } from "../../src/summary/common";
import { installFakeHost } from "../browser/host/fakeExcel";
import { compareWorkbooks, exportFromWorkbook, readXlsx, seedFromXlsx } from "../browser/workbook";
import { scaledSheets, writeBenchWorkbook } from "../bench/generate";

const NOW = new Date(2026, 0, 5, 9, 30);
type Globals = Record<"Excel" | "Office" | "OfficeExtension", unknown>;

test("2,000 CMs / 30,000 loans: 汇总 within the limits, the same sheets as the CLI", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-county-"));
  const g = globalThis as unknown as Partial<Globals>;
  const saved = { Excel: g.Excel, Office: g.Office, OfficeExtension: g.OfficeExtension };
  try {
    const file = path.join(dir, "county.xlsx");
    await writeBenchWorkbook(file, scaledSheets(2000, 30_000));
    const win: Record<string, unknown> = {};
    const host = installFakeHost(win, await seedFromXlsx(file));
    Object.assign(globalThis, {
      Excel: win.Excel,
      Office: win.Office,
      OfficeExtension: win.OfficeExtension,
    });
    const generated = await generateSummaries(undefined, undefined, NOW);
    expect(host.errors).toEqual([]);
    const reads = host.syncs.reduce((n, s) => n + s.responseBytes, 0);
    expect(reads).toBeGreaterThan(4_000_000); // more than one response's worth: read in pieces
    for (const s of host.syncs) {
      expect(s.bytes).toBeLessThanOrEqual(4_000_000);
      expect(s.responseBytes).toBeLessThanOrEqual(4_000_000);
    }
    const out = path.join(dir, "cli.xlsx");
    await summarizeWorkbook(file, out, { now: NOW });
    const cli = exportFromWorkbook(await readXlsx(out));
    const names = SUMMARIES.map((s) => s.name).filter((n) => generated.sheetNames.includes(n));
    expect(names.length).toBeGreaterThan(3);
    expect(compareWorkbooks(host.exportWorkbook(), cli, { sheets: names, formats: false })).toEqual(
      []
    );
  } finally {
    Object.assign(globalThis, saved);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 600_000);

/**
 * context.sync() counts of the add-in's Office.js code under office-addin-mock (the mock of
 * the Office Add-ins tooling): reading a whole workbook (src/excel/read.ts) and writing the
 * summaries (src/excel/write.ts). The largest request of the writes is measured on the fake
 * Excel host of the browser tests, which sizes each request as Excel on the web does.
 */
import Module from "module";
import * as path from "path";

// office-addin-mock imports office-addin-manifest, which pulls an ESM-only package; the mock
// only needs its OfficeApp enum (NOTES.md pitfall 3 — jest maps it the same way)
const resolver = Module as unknown as { _resolveFilename: (req: string, ...rest: unknown[]) => string };
const baseResolve = resolver._resolveFilename;
resolver._resolveFilename = function (req: string, ...rest: unknown[]) {
  if (req === "office-addin-manifest") return path.resolve(__dirname, "../../node_modules/office-addin-manifest/lib/officeApp.js");
  return baseResolve.call(this, req, ...rest);
};

const { OfficeMockObject } = require("office-addin-mock") as typeof import("office-addin-mock");
import { readWorkbookGridFromExcel } from "../../src/excel/read";
import { writeSheets } from "../../src/excel/write";
import type { SheetModel } from "../../src/summary/model";
import { installFakeHost } from "../browser/host/fakeExcel";
import { mockExcel } from "../fixtures/validation/officeMock";
import type { RawCell } from "../../src/core/parse";

function counted<T extends object>(ctx: T): { ctx: T; count: () => number } {
  let n = 0;
  const c = ctx as unknown as { sync: () => Promise<unknown> };
  const base = c.sync.bind(ctx);
  c.sync = () => {
    n++;
    return base();
  };
  return { ctx, count: () => n };
}

/** Syncs to read every sheet's used range (the task pane's validation and summary paths). */
export async function readSyncs(sheets: { name: string; values: RawCell[][] }[]): Promise<{ syncs: number; cells: number }> {
  const m = mockExcel(sheets.map((s) => ({ name: s.name, values: s.values })));
  const { ctx, count } = counted(m.context);
  const grid = await readWorkbookGridFromExcel(ctx);
  const cells = grid.sheets.reduce((n, s) => n + s.values.reduce((k, r) => k + r.length, 0), 0);
  return { syncs: count(), cells };
}

/** A worksheet that accepts every write the writer makes (office-addin-mock holds the calls). */
function sinkSheet(): unknown {
  const range = () => ({ values: null, numberFormat: null, format: { font: { bold: false }, columnWidth: 0 }, dataValidation: { rule: null } });
  return { getRange: range, freezePanes: { freezeRows: () => undefined }, activate: () => undefined };
}

/** Syncs to write `models` to new sheets of a workbook that has `existing` sheets. */
export async function writeSyncs(models: SheetModel[], existing: string[]): Promise<number> {
  const mock = new OfficeMockObject({
    workbook: {
      worksheets: {
        items: existing.map((name) => ({ name })),
        add: () => sinkSheet(),
        load: function (this: InstanceType<typeof OfficeMockObject>, props: string) {
          // office-addin-mock cannot navigate into arrays: "items/name" loads the items
          return OfficeMockObject.prototype.load.call(this, props === "items/name" ? "items" : props);
        },
      },
    },
    application: { suspendApiCalculationUntilNextSync: () => undefined },
  });
  const { ctx, count } = counted(mock as unknown as Excel.RequestContext);
  await writeSheets(ctx, models);
  return count();
}

/** The largest request (bytes, as Excel on the web counts them) of the same writes, on the fake host. */
export async function largestWriteRequest(models: SheetModel[], existing: string[]): Promise<{ bytes: number; syncs: number }> {
  const win: Record<string, unknown> = {};
  const host = installFakeHost(win, { sheets: existing.map((name) => ({ name, cells: [] })) });
  const Excel = win.Excel as { run: <T>(f: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T> };
  await Excel.run((ctx) => writeSheets(ctx, models));
  return { bytes: host.maxRequestBytes, syncs: host.syncs.length };
}

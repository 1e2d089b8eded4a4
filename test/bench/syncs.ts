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
const resolver = Module as unknown as {
  _resolveFilename: (req: string, ...rest: unknown[]) => string;
};
const baseResolve = resolver._resolveFilename;
resolver._resolveFilename = function (req: string, ...rest: unknown[]) {
  if (req === "office-addin-manifest")
    return path.resolve(__dirname, "../../node_modules/office-addin-manifest/lib/officeApp.js");
  return baseResolve.call(this, req, ...rest);
};

const { OfficeMockObject } = require("office-addin-mock") as typeof import("office-addin-mock");
import { readWorkbookGridFromExcel } from "../../src/excel/read";
import { generateSummariesIn } from "../../src/excel/summaries";
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
export async function readSyncs(
  sheets: { name: string; values: RawCell[][] }[]
): Promise<{ syncs: number; cells: number }> {
  const m = mockExcel(sheets.map((s) => ({ name: s.name, values: s.values })));
  const { ctx, count } = counted(m.context);
  const grid = await readWorkbookGridFromExcel(ctx);
  const cells = grid.sheets.reduce((n, s) => n + s.values.reduce((k, r) => k + r.length, 0), 0);
  return { syncs: count(), cells };
}

/** A worksheet that accepts every write the writer makes (office-addin-mock holds the calls). */
function sinkSheet(): unknown {
  const range = () => ({
    values: null,
    numberFormat: null,
    format: { font: { bold: false }, columnWidth: 0 },
    dataValidation: { rule: null },
  });
  return {
    getRange: range,
    freezePanes: { freezeRows: () => undefined },
    activate: () => undefined,
  };
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
          return OfficeMockObject.prototype.load.call(
            this,
            props === "items/name" ? "items" : props
          );
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
export async function largestWriteRequest(
  models: SheetModel[],
  existing: string[]
): Promise<{ bytes: number; syncs: number }> {
  const win: Record<string, unknown> = {};
  const host = installFakeHost(win, { sheets: existing.map((name) => ({ name, cells: [] })) });
  const Excel = win.Excel as {
    run: <T>(f: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
  };
  await Excel.run((ctx) => writeSheets(ctx, models));
  return { bytes: host.maxRequestBytes, syncs: host.syncs.length };
}

/** A fake-host seed of Office.js values (0-based cells; "" = empty). */
function seedOf(
  sheets: { name: string; values: RawCell[][] }[]
): { name: string; cells: [number, number, { v: string | number | boolean }][] }[] {
  return sheets.map((s) => {
    const cells: [number, number, { v: string | number | boolean }][] = [];
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== "")
          cells.push([r, c, { v: v as string | number | boolean }]);
      })
    );
    return { name: s.name, cells };
  });
}

export interface HostFigures {
  syncs: number;
  /** the largest request and response, bytes as the host counts them (calibrated on office.js) */
  maxRequest: number;
  maxResponse: number;
  /** the bytes of every response */
  responseBytes: number;
  wallMs: number;
  /** the sheets read (a read's first block of each is sized by a guess, FIRST_CELL_BYTES) */
  sheets?: number;
}

/** Reading the workbook on the strict fake host (responses ≤ 5 MB as Excel on the web): src/excel/read.ts. */
export async function readOnHost(
  sheets: { name: string; values: RawCell[][] }[]
): Promise<HostFigures> {
  const win: Record<string, unknown> = {};
  const host = installFakeHost(win, { sheets: seedOf(sheets) });
  const Excel = win.Excel as {
    run: <T>(f: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
  };
  const t0 = performance.now();
  await Excel.run((ctx) => readWorkbookGridFromExcel(ctx));
  const wallMs = performance.now() - t0;
  if (host.errors.length > 0) throw new Error(`read on the fake host: ${host.errors.join("; ")}`);
  return { ...figures(host, wallMs), sheets: sheets.length };
}

function figures(host: ReturnType<typeof installFakeHost>, wallMs: number): HostFigures {
  return {
    syncs: host.syncs.length,
    maxRequest: host.maxRequestBytes,
    maxResponse: host.maxResponseBytes,
    responseBytes: host.syncs.reduce((n, s) => n + s.responseBytes, 0),
    wallMs,
  };
}

/**
 * The task pane's 汇总 end to end on the strict fake host, in this process (src/excel/summaries.ts
 * `generateSummariesIn`: policy, reads in byte-sized blocks, the summaries, the writes). The
 * browser's Web Worker is not here: the compute runs inline, as in a host without workers.
 */
export async function paneSummariesOnHost(
  sheets: { name: string; values: RawCell[][] }[],
  now: Date
): Promise<HostFigures> {
  const win: Record<string, unknown> = {};
  const host = installFakeHost(win, { sheets: seedOf(sheets) });
  const Excel = win.Excel as {
    run: <T>(f: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
  };
  const g = globalThis as Record<string, unknown>;
  const saved = { Excel: g.Excel, Office: g.Office, OfficeExtension: g.OfficeExtension };
  Object.assign(g, { Excel: win.Excel, Office: win.Office, OfficeExtension: win.OfficeExtension });
  try {
    const t0 = performance.now();
    await Excel.run((ctx) => generateSummariesIn(ctx, undefined, undefined, now));
    const wallMs = performance.now() - t0;
    if (host.errors.length > 0) throw new Error(`汇总 on the fake host: ${host.errors.join("; ")}`);
    return figures(host, wallMs);
  } finally {
    Object.assign(g, saved);
  }
}

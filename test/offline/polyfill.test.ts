/**
 * The engine as webpack bundles it for the offline page: with the npm `buffer` polyfill instead
 * of Node's Buffer (no native latin1Slice/utf8Slice, no BigInt reads). The same bytes out as on
 * Node's Buffer, the same grid in.
 */
import * as fs from "fs";
import * as path from "path";

type Engine = typeof import("../../src/offline/engine");

const SAMPLE = path.resolve(__dirname, "../../examples/sample.xlsx");
const NOW = new Date(2026, 0, 5, 9, 30);

function loadEngine(polyfill: boolean): { engine: Engine; native: boolean } {
  let engine: Engine | null = null;
  let native = true;
  jest.isolateModules(() => {
    if (polyfill) jest.doMock("buffer", () => jest.requireActual("buffer/"));
    native = (require("buffer") as typeof import("buffer")).Buffer === globalThis.Buffer;
    engine = require("../../src/offline/engine") as Engine;
  });
  jest.dontMock("buffer");
  return { engine: engine!, native };
}

test("the polyfill's Buffer: the same output bytes and the same grid as Node's", async () => {
  const node = loadEngine(false);
  const poly = loadEngine(true);
  expect(node.native).toBe(true);
  expect(poly.native).toBe(false);
  const bytes = new Uint8Array(fs.readFileSync(SAMPLE));
  const a = await node.engine.summarizeBytes(bytes, "sample.xlsx", [], { now: NOW });
  const b = await poly.engine.summarizeBytes(bytes, "sample.xlsx", [], { now: NOW });
  if (!a.ok || !b.ok) throw new Error("not summarized");
  expect(b.sheetNames).toEqual(a.sheetNames);
  expect(Buffer.from(b.bytes!).equals(Buffer.from(a.bytes!))).toBe(true);
  const ga = await node.engine.inspectBytes(bytes, "sample.xlsx", { now: NOW });
  const gb = await poly.engine.inspectBytes(bytes, "sample.xlsx", { now: NOW });
  if (!ga.ok || !gb.ok) throw new Error("not read");
  expect(gb.grid).toEqual(ga.grid);
  expect(gb.issues).toEqual(ga.issues);
  // refused files too
  const xls = new Uint8Array(512);
  xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  expect(await poly.engine.inspectBytes(xls, "a.xls")).toEqual(
    await node.engine.inspectBytes(xls, "a.xls")
  );
}, 60_000);

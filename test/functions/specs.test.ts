/**
 * Issue 20 item 1: each custom-function parameter is declared once, in its `defineFunction` spec
 * (src/functions/args.ts FUNCTION_DEFS); the JSDoc that custom-functions-metadata reads (the
 * zh-CN functions.json) and the English help tables must agree with it — the same functions, the
 * same parameters in the same order, the same optional flags, a range spec ↔ a matrix parameter.
 */
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { FUNCTION_DEFS as DEFINED } from "../../src/functions/args";
import type { ArgSpec, FunctionDef } from "../../src/functions/args";
import { HELP_EN } from "../../src/functions/en";

const webpackConfig = require("../../webpack.config.js") as { FUNCTION_FILES: string[] };
const ROOT = path.resolve(__dirname, "../..");

interface MetaParam {
  name: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}
interface MetaFn {
  id: string;
  parameters: MetaParam[];
}

let fns: MetaFn[] = [];
const FUNCTION_DEFS = new Map<string, FunctionDef<readonly ArgSpec[]>>();

beforeAll(async () => {
  for (const f of webpackConfig.FUNCTION_FILES) require(path.join(ROOT, f));
  for (const d of DEFINED) {
    if (FUNCTION_DEFS.has(d.id)) throw new Error(`custom function ${d.id} is defined twice`);
    FUNCTION_DEFS.set(d.id, d);
  }
  const r = await generateCustomFunctionsMetadata(
    webpackConfig.FUNCTION_FILES.map((f) => path.join(ROOT, f)),
    true
  );
  expect(r.errors).toEqual([]);
  fns = (JSON.parse(r.metadataJson) as { functions: MetaFn[] }).functions;
});

/** A parameter as the spec declares it, in the metadata's terms. */
function fromSpec(p: ArgSpec) {
  return { name: p.name, optional: p.optional === true, matrix: p.range === true };
}
function fromMeta(p: MetaParam) {
  return { name: p.name, optional: p.optional === true, matrix: p.dimensionality === "matrix" };
}

test("every function of the metadata has exactly one spec, and every spec is a function", () => {
  expect(fns.length).toBeGreaterThan(20);
  expect([...FUNCTION_DEFS.keys()].sort()).toEqual(fns.map((f) => f.id).sort());
});

test("the JSDoc parameters are the spec's: names, order, optional, range ↔ matrix", () => {
  for (const f of fns) {
    const def = FUNCTION_DEFS.get(f.id)!;
    expect({ id: f.id, params: f.parameters.map(fromMeta) }).toEqual({
      id: f.id,
      params: def.params.map(fromSpec),
    });
    for (const p of f.parameters)
      expect(`${f.id}(${p.name}) ${p.repeating ?? false}`).toMatch(/false$/);
  }
});

test("the English help names the spec's parameters, each once", () => {
  for (const [id, def] of FUNCTION_DEFS) {
    const help = HELP_EN[id];
    if (!help) throw new Error(`no English help for ${id}`);
    expect({ id, params: Object.keys(help.params).sort() }).toEqual({
      id,
      params: def.params.map((p) => p.name).sort(),
    });
  }
});

test("the last parameter of every function is the optional policy year", () => {
  for (const [id, def] of FUNCTION_DEFS) {
    const last = def.params[def.params.length - 1];
    expect({ id, name: last?.name, type: last?.type, optional: last?.optional }).toEqual({
      id,
      name: "year",
      type: "year",
      optional: true,
    });
  }
});

test("a spec's default and enum are well formed: a default only on an optional parameter, enum only on text", () => {
  for (const [id, def] of FUNCTION_DEFS) {
    for (const p of def.params) {
      if (p.default !== undefined)
        expect(`${id}(${p.name}) optional=${p.optional}`).toMatch(/true$/);
      if (p.enum) expect(`${id}(${p.name}) ${p.type}`).toMatch(/ text$/);
    }
  }
});

test("the functions entry (src/functions/index.ts) loads exactly the files the metadata is generated from", () => {
  const entry = require("fs").readFileSync(
    path.join(ROOT, "src/functions/index.ts"),
    "utf8"
  ) as string;
  const imported = [...entry.matchAll(/^import "\.\/([\w.]+)";$/gm)].map(
    (m) => `./src/functions/${m[1]}.ts`
  );
  expect(imported.sort()).toEqual([...webpackConfig.FUNCTION_FILES].sort());
});

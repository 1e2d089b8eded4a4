/**
 * Both languages for every custom function: the generated metadata (functions.json, zh-CN from
 * the JSDoc) and the English help tables (src/functions/*.en.ts → functions.en-US.json).
 */
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { HELP_EN } from "../../src/functions/en";

const webpackConfig = require("../../webpack.config.js") as {
  FUNCTION_FILES: string[];
  localizeMetadata(
    json: string,
    help: typeof HELP_EN
  ): { json: string; missing: string[]; extra: string[] };
};

interface Param {
  name: string;
  description?: string;
  type?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  result: Record<string, unknown>;
}

const ROOT = path.resolve(__dirname, "../..");
const CJK = /[\u4e00-\u9fff]/;
const LATIN_WORD = /[A-Za-z]{2,}/;
const NAMESPACE = "CM";

let metadataJson = "";
let fns: Fn[] = [];

beforeAll(async () => {
  const r = await generateCustomFunctionsMetadata(
    webpackConfig.FUNCTION_FILES.map((f) => path.join(ROOT, f)),
    true
  );
  expect(r.errors).toEqual([]);
  metadataJson = r.metadataJson;
  fns = (JSON.parse(metadataJson) as { functions: Fn[] }).functions;
});

test("the first functions of issue 2 are there: CM.GRADE and CM.WAGECOEF", () => {
  const ids = fns.map((f) => f.id);
  expect(ids).toEqual(expect.arrayContaining(["GRADE", "WAGECOEF"]));
});

test("ids and names are ASCII, upper case, at least 3 characters, shown as CM.<NAME>", () => {
  for (const f of fns) {
    expect(f.id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
    expect(f.name).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
    expect(`${NAMESPACE}.${f.name}`).toMatch(/^CM\.[A-Z]/);
    for (const p of f.parameters) expect(p.name).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
  }
});

test("every function and every parameter has a Chinese description", () => {
  for (const f of fns) {
    expect(`${f.id}: ${f.description ?? ""}`).toMatch(CJK);
    for (const p of f.parameters) expect(`${f.id}(${p.name}): ${p.description ?? ""}`).toMatch(CJK);
  }
});

test("every function and every parameter has an English description", () => {
  for (const f of fns) {
    const en = HELP_EN[f.id];
    if (!en) throw new Error(`no English help for ${f.id} (add it to the rule set's *.en.ts)`);
    expect(`${f.id}: ${en.description}`).toMatch(LATIN_WORD);
    for (const p of f.parameters) {
      const text = en.params[p.name];
      if (!text || !text.trim())
        throw new Error(`no English help for parameter ${p.name} of ${f.id}`);
      expect(text).toMatch(LATIN_WORD);
    }
  }
});

test("the English help names no function or parameter that does not exist", () => {
  const byId = new Map(fns.map((f) => [f.id, f]));
  for (const [id, help] of Object.entries(HELP_EN)) {
    const f = byId.get(id);
    if (!f) throw new Error(`English help for unknown function ${id}`);
    for (const name of Object.keys(help.params)) {
      if (!f.parameters.some((p) => p.name === name))
        throw new Error(`English help of ${id} names unknown parameter ${name}`);
    }
    if (help.example !== undefined)
      expect(help.example).toMatch(new RegExp(`^=${NAMESPACE}\\.${f.name}\\(`));
  }
});

test("the build's en-US metadata differs from zh-CN only in the descriptions", () => {
  const { json, missing, extra } = webpackConfig.localizeMetadata(metadataJson, HELP_EN);
  expect(missing).toEqual([]);
  expect(extra).toEqual([]);
  const en = (JSON.parse(json) as { functions: Fn[] }).functions;
  const strip = (list: Fn[]) =>
    list.map((f) => ({
      ...f,
      description: undefined,
      parameters: f.parameters.map((p) => ({ ...p, description: undefined })),
    }));
  expect(strip(en)).toEqual(strip(fns));
  for (const f of en) expect(f.description).toBe(HELP_EN[f.id].description);
});

test("the build reports a function or a parameter without English help", () => {
  const { missing } = webpackConfig.localizeMetadata(metadataJson, {});
  expect(missing).toHaveLength(fns.length);
  const first = fns.find((f) => f.parameters.length > 0)!;
  const param = first.parameters[0].name;
  const help = {
    ...HELP_EN,
    [first.id]: { ...HELP_EN[first.id], params: { ...HELP_EN[first.id].params, [param]: " " } },
  };
  expect(webpackConfig.localizeMetadata(metadataJson, help).missing).toEqual([
    `${first.id}(${param}): no English parameter help`,
  ]);
});

test("the README's function table lists every function, each with an example formula", () => {
  const readme = require("fs").readFileSync(path.join(ROOT, "README.md"), "utf8") as string;
  for (const f of fns) {
    const row = readme.split("\n").find((l) => l.startsWith(`| \`CM.${f.id}\` |`));
    expect(row).toBeDefined();
    expect(row).toContain(`=CM.${f.id}(`);
  }
});

test("every function's English help has an example formula of that function", () => {
  for (const f of fns) expect(HELP_EN[f.id].example).toMatch(new RegExp(`^=CM\\.${f.id}\\(`));
});

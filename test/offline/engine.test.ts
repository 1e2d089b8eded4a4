/**
 * The offline page's engine (src/offline/engine.ts) on bytes, with pako: the same output as
 * `cm-addin summarize` (read back with the project's reader, cell by cell; every part's content
 * the same; the input's parts carried as the same compressed bytes), refused files with the
 * CLI's messages, and the pane's validation.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { inspectBytes, outputName, summarizeBytes } from "../../src/offline/engine";
import type { Summarized } from "../../src/offline/engine";
import { summarizeWorkbook } from "../../src/cli/commands/summarize";
import { readWorkbookGrid } from "../../src/cli/xlsx";
import { ZipReader } from "../../src/cli/xlsx/zip";
import { MESSAGES } from "../../src/xlsx/detect";
import { checkView } from "../../src/excel/compute";
import { checkWorkbook } from "../../src/summary/readiness";
import { availabilityOfGrid } from "../../src/summary/availability";
import { defaultPolicy } from "../../src/policy/defaults";
import { POLICY_SHEET } from "../../src/policy/schema";
import { readPolicyFromGrid } from "../../src/policy/sheet";
import { runCli } from "../cli/helpers/run";
import { scaledSheets, writeBenchWorkbook } from "../bench/generate";

const ROOT = path.resolve(__dirname, "../..");
const SAMPLE = path.join(ROOT, "examples/sample.xlsx");
const NOW = new Date(2026, 0, 5, 9, 30);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-offline-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Reads an .xlsx's bytes back with the CLI's reader. */
async function gridOf(bytes: Uint8Array, name: string) {
  const f = path.join(dir, name);
  fs.writeFileSync(f, bytes);
  return readWorkbookGrid(f);
}

/**
 * The engine's output against the CLI's for `input`: the same sheets and cells read back, the
 * same parts in the same order with the same content, and each part of the input carried as its
 * compressed bytes.
 */
async function expectSameAsCli(input: string, ids: string[] = []): Promise<Summarized> {
  const bytes = new Uint8Array(fs.readFileSync(input));
  const copy = Buffer.from(bytes);
  const r = await summarizeBytes(bytes, path.basename(input), ids, { now: NOW });
  if (!r.ok) throw new Error(r.line);
  expect(Buffer.from(bytes).equals(copy)).toBe(true); // the input is not touched
  const cliOut = path.join(dir, `cli-${path.basename(input)}`);
  const cli = await summarizeWorkbook(input, cliOut, {
    now: NOW,
    only: ids.length > 0 ? ids : undefined,
    force: true,
  });
  expect(r.sheetNames).toEqual(cli.sheetNames);
  expect(r.result.rowsLeftOut).toBe(cli.result.rowsLeftOut);
  expect(r.result.issues).toEqual(cli.result.issues);
  expect(r.result.skipped).toEqual(cli.result.skipped);

  // cell by cell, read back with the project's reader
  const mine = await gridOf(r.bytes!, `engine-${path.basename(input)}`);
  const theirs = await readWorkbookGrid(cliOut);
  expect(mine.sheets.map((s) => s.name)).toEqual(theirs.sheets.map((s) => s.name));
  for (let i = 0; i < theirs.sheets.length; i++) expect(mine.sheets[i]).toEqual(theirs.sheets[i]);

  // every part: the same names in order, the same content; the input's as the same stored bytes
  const zIn = ZipReader.open(bytes);
  const zMine = ZipReader.open(r.bytes!);
  const zCli = ZipReader.open(fs.readFileSync(cliOut));
  expect(zMine.entries.map((e) => e.name)).toEqual(zCli.entries.map((e) => e.name));
  for (const e of zCli.entries) {
    const m = zMine.get(e.name)!;
    expect(zMine.bytes(m, 1 << 30).equals(zCli.bytes(e, 1 << 30))).toBe(true);
  }
  const rewritten = new Set([
    "[Content_Types].xml",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
  ]);
  let carried = 0;
  for (const e of zIn.entries) {
    const m = zMine.get(e.name)!;
    expect(m).toBeDefined();
    if (rewritten.has(e.name) || /styles\d*\.xml$/.test(e.name)) continue;
    expect(Buffer.from(zMine.raw(m)).equals(Buffer.from(zIn.raw(e)))).toBe(true);
    expect([m.crc, m.size, m.method]).toEqual([e.crc, e.size, e.method]);
    carried++;
  }
  expect(carried).toBeGreaterThan(3);
  return r;
}

describe("summarizeBytes = cm-addin summarize", () => {
  test("the sample workbook: every summary", async () => {
    const r = await expectSameAsCli(SAMPLE);
    expect(r.fileName).toBe("sample-汇总.xlsx");
    expect(r.sheetNames.length).toBeGreaterThan(5);
    expect(r.result.rowsLeftOut).toBeGreaterThan(0); // the sample's deliberate data errors
  }, 60_000);

  test("the sample workbook: two summaries by name and id", async () => {
    const r = await expectSameAsCli(SAMPLE, ["等级汇总", "errors"]);
    expect(r.sheetNames.filter((n) => n !== "校验结果")).toHaveLength(2);
  }, 60_000);

  test("a policy edited in the page: used, and written into the output's 政策参数 sheet (its place kept)", async () => {
    const bytes = new Uint8Array(fs.readFileSync(SAMPLE));
    const base = await summarizeBytes(bytes, "sample.xlsx", ["grades"], { now: NOW });
    const policy = defaultPolicy(2025);
    policy.a.grades[0].minScore = 95;
    const r = await summarizeBytes(bytes, "sample.xlsx", ["grades"], {
      now: NOW,
      policyOverride: policy,
    });
    if (!r.ok || !base.ok) throw new Error("not summarized");
    expect(r.result.policy).toBe(policy);
    expect(r.sheetNames).toEqual([...base.sheetNames, POLICY_SHEET]);
    const g = await gridOf(r.bytes!, "override.xlsx");
    const input = await readWorkbookGrid(SAMPLE);
    // one 政策参数 sheet, where the input had it; every other input sheet unchanged
    const names = (x: typeof g) => x.sheets.map((s) => s.name);
    expect(names(g).slice(0, input.sheets.length)).toEqual(names(input));
    expect(names(g).filter((n) => n.startsWith(POLICY_SHEET))).toEqual([POLICY_SHEET]);
    for (const s of input.sheets.filter((x) => x.name !== POLICY_SHEET))
      expect(g.sheets.find((x) => x.name === s.name)).toEqual(s);
    // it holds the edited figures: the output read back gives the policy that made its summaries
    expect(readPolicyFromGrid(g, 2025).policy.a.grades[0].minScore).toBe(95);
    expect(readPolicyFromGrid(input, 2025).policy.a.grades[0].minScore).not.toBe(95);
    // the input's bytes are not touched
    expect(Buffer.from(bytes).equals(fs.readFileSync(SAMPLE))).toBe(true);
    // and `cm-addin verify` remakes the output's summaries from its own sheets: no difference
    const out = path.join(dir, "override-汇总.xlsx");
    fs.writeFileSync(out, r.bytes!);
    const v = await runCli(["verify", out]);
    expect({ code: v.code, out: v.out.join("\n") }).toMatchObject({ code: 0 });
  }, 60_000);

  test("10,000 CMs / 100,000 loans (generated): the same as the CLI", async () => {
    const file = path.join(dir, "county-L.xlsx");
    await writeBenchWorkbook(file, scaledSheets(10_000, 100_000));
    await expectSameAsCli(file);
  }, 600_000);
});

describe("inspectBytes", () => {
  test("the sample: the grid the CLI reads, the pane's validation and availability", async () => {
    const bytes = new Uint8Array(fs.readFileSync(SAMPLE));
    const r = await inspectBytes(bytes, "sample.xlsx", { now: NOW });
    if (!r.ok) throw new Error(r.line);
    const grid = await readWorkbookGrid(SAMPLE);
    expect(r.grid).toEqual(grid);
    expect(r.availability).toEqual(availabilityOfGrid(grid));
    expect(r.check).toEqual(checkView(checkWorkbook(grid, undefined, { today: NOW })));
    expect(r.issues.length).toBeGreaterThan(0);
    expect(r.issues.some((i) => i.severity === "error")).toBe(true);
  }, 60_000);
});

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

describe("refused files: the CLI's messages", () => {
  test("empty, text, .xls, encrypted, not a zip, a damaged zip, another archive", async () => {
    expect(await inspectBytes(new Uint8Array(0), "a.xlsx")).toEqual({
      ok: false,
      message: "文件为空（empty file）",
      line: "无法读取 a.xlsx：文件为空（empty file）",
    });
    const csv = new TextEncoder().encode("员工号,姓名\n1,张三\n");
    expect(await inspectBytes(csv, "a.xlsx")).toMatchObject({ ok: false, message: MESSAGES.csv });
    const xls = new Uint8Array(512);
    xls.set(OLE);
    expect(await inspectBytes(xls, "old.xls")).toMatchObject({ ok: false, message: MESSAGES.xls });
    const enc = Buffer.concat([
      Buffer.from(OLE),
      Buffer.alloc(100),
      Buffer.from("EncryptedPackage", "utf16le"),
    ]);
    expect(await summarizeBytes(enc, "secret.xlsx", [])).toMatchObject({
      ok: false,
      message: MESSAGES.encrypted,
    });
    expect(await inspectBytes(new Uint8Array([1, 2, 3, 0, 9]), "x.xlsx")).toMatchObject({
      ok: false,
      message: MESSAGES.notXlsx,
    });
    const sample = fs.readFileSync(SAMPLE);
    const truncated = await inspectBytes(sample.subarray(0, sample.length - 100), "t.xlsx");
    expect(truncated.ok).toBe(false);
    if (!truncated.ok) expect(truncated.message).toMatch(/^文件已损坏或不完整/);
    const ods = new JSZip();
    ods.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", {
      compression: "STORE",
    });
    ods.file("content.xml", "<x/>");
    const odsBytes = await ods.generateAsync({ type: "uint8array" });
    expect(await inspectBytes(odsBytes, "a.ods")).toMatchObject({
      ok: false,
      message: MESSAGES.ods,
    });
  });

  test("the same line as the CLI for each (cm-addin summarize)", async () => {
    const f = path.join(dir, "old.xls");
    const xls = new Uint8Array(512);
    xls.set(OLE);
    fs.writeFileSync(f, xls);
    const r = await inspectBytes(xls, f);
    await expect(summarizeWorkbook(f, path.join(dir, "o.xlsx"))).rejects.toThrow(
      r.ok ? "?" : r.line
    );
  });

  test("a damaged worksheet: the CLI's message, no output", async () => {
    const z = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
    const name = Object.keys(z.files).find((n) => /worksheets\/sheet1\.xml$/.test(n))!;
    z.file(name, '<worksheet><sheetData><row r="x"></worksheet>');
    const bad = await z.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const f = path.join(dir, "bad.xlsx");
    fs.writeFileSync(f, bad);
    const r = await summarizeBytes(bad, f, []);
    expect(r.ok).toBe(false);
    await expect(summarizeWorkbook(f, path.join(dir, "bad-out.xlsx"))).rejects.toThrow(
      r.ok ? "?" : r.line
    );
  });
});

test("output name", () => {
  expect(outputName("台账.xlsx")).toBe("台账-汇总.xlsx");
  expect(outputName("C:\\x\\Book.XLSX")).toBe("Book-汇总.xlsx");
  expect(outputName("data")).toBe("data-汇总.xlsx");
});

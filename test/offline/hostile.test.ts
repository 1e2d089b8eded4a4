/**
 * Hostile and damaged files on the offline page's path (src/offline/engine.ts, pako): each is
 * refused with the line `cm-addin` prints for it — the same ZIP_LIMITS, caps and checks — and
 * quickly, the bombs stopped at their declared sizes (nothing large is committed: built here).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import JSZip from "jszip";
import { inspectBytes, summarizeBytes } from "../../src/offline/engine";
import { runCli } from "../cli/helpers/run";
import { bookEntries, craftBook, craftZip, crc32 } from "../cli/helpers/craft";
import { ZipReader } from "../../src/cli/xlsx/zip";
import type { CraftEntry } from "../cli/helpers/craft";

const SAMPLE = path.resolve(__dirname, "../../examples/sample.xlsx");
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-offline-hostile-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
function put(buf: Buffer): string {
  const p = path.join(dir, `f${++n}.xlsx`);
  fs.writeFileSync(p, buf);
  return p;
}

/** The engine refuses `buf` with the CLI's line (validate for inspect, summarize for summarize), within `ms`. */
async function sameRefusal(buf: Buffer, msg: RegExp, ms = 10_000): Promise<void> {
  const file = put(buf);
  const bytes = new Uint8Array(buf);
  const t0 = Date.now();
  const i = await inspectBytes(bytes, file);
  const s = await summarizeBytes(bytes, file, []);
  expect(Date.now() - t0).toBeLessThan(ms);
  const v = await runCli(["validate", file]);
  const out = path.join(dir, `out${n}.xlsx`);
  const c = await runCli(["summarize", file, "-o", out]);
  expect(v.code).toBe(2);
  expect(i).toMatchObject({ ok: false, line: v.err[0] });
  expect(s).toMatchObject({ ok: false, line: c.err[0] });
  expect(v.err[0]).toMatch(msg);
}

const CORRUPT = /文件已损坏/;
const W = "xl/worksheets/sheet1.xml";

test("CRC and size mismatches", async () => {
  await sameRefusal(craftBook({ tweak: { [W]: { crc: 12345 } } }), CORRUPT);
  await sameRefusal(craftBook({ tweak: { [W]: { size: 10 } } }), CORRUPT);
  await sameRefusal(craftBook({ tweak: { [W]: { size: 100_000 } } }), CORRUPT);
  await sameRefusal(craftBook({ tweak: { "xl/workbook.xml": { size: 5 } } }), CORRUPT);
});

test("an entry that inflates far beyond its declared size stops at the declared size", async () => {
  const raw = zlib.deflateRawSync(Buffer.alloc(200 << 20, 0x20), { level: 9 });
  await sameRefusal(
    craftBook({ tweak: { [W]: { raw, size: 1000, crc: 1 } } }),
    /部件 xl\/worksheets\/sheet1\.xml 已损坏/
  );
  const wb = craftBook({ tweak: { "xl/workbook.xml": { raw, size: 1000, crc: 1 } } });
  await sameRefusal(wb, /部件 xl\/workbook\.xml 已损坏/);
});

test("declared sizes beyond the caps are refused before anything is inflated", async () => {
  const raw = zlib.deflateRawSync(Buffer.from("<x/>"));
  await sameRefusal(
    craftBook({ extra: [{ name: "xl/media/big.bin", data: "x", raw, size: 0xfffffff0 }] }),
    /解压后超过 1024 MB/
  );
  await sameRefusal(
    craftBook({ tweak: { "xl/workbook.xml": { raw, size: 100 << 20 } } }),
    /部件 xl\/workbook\.xml 解压后 100 MB，超过上限 64 MB/
  );
});

test("duplicate and traversal part names", async () => {
  const entries = bookEntries();
  await sameRefusal(
    craftZip([...entries, { name: "xl/workbook.xml", data: "<x/>" }]),
    /部件 xl\/workbook\.xml 出现了两次/
  );
  await sameRefusal(craftZip([...entries, { name: "../../evil.xml", data: "x" }]), /无效/);
});

test("a corrupt part that is only carried (the sample's theme): no output, the CLI's line", async () => {
  const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
  const entries: CraftEntry[] = [];
  for (const name of Object.keys(zip.files)) {
    const data = await zip.file(name)!.async("nodebuffer");
    entries.push(
      name === "xl/theme/theme1.xml" ? { name, data, crc: (crc32(data) ^ 1) >>> 0 } : { name, data }
    );
  }
  const buf = craftZip(entries);
  const file = put(buf);
  const s = await summarizeBytes(new Uint8Array(buf), file, ["等级汇总"]);
  const c = await runCli([
    "summarize",
    file,
    "-o",
    path.join(dir, "out-theme.xlsx"),
    "--only",
    "等级汇总",
  ]);
  expect(c.code).toBe(2);
  expect(s).toMatchObject({ ok: false, line: c.err[0] });
  expect(c.err[0]).toMatch(/部件 xl\/theme\/theme1\.xml 已损坏/);
});

test("a worksheet of 170 MB of cells (honest sizes, < 1 MB compressed) is refused by the cell cap", async () => {
  const row = Buffer.from(`<row>${"<c><v>1</v></c>".repeat(12)}</row>`);
  const rows = 900_000;
  const huge = Buffer.alloc(row.length * rows);
  for (let i = 0; i < rows; i++) row.copy(huge, i * row.length);
  const raw = zlib.deflateRawSync(huge, { level: 9 });
  const buf = craftBook({ tweak: { [W]: { raw, size: huge.length, crc: crc32(huge) } } });
  const file = put(buf);
  const i = await inspectBytes(new Uint8Array(buf), file);
  const v = await runCli(["validate", file]);
  expect(i).toMatchObject({ ok: false, line: v.err[0] });
  expect(v.err[0]).toMatch(/单元格过多/);
}, 60_000);

test("flipped bits and truncations of the sample: the same outcome as the CLI, line for line", async () => {
  const good = fs.readFileSync(SAMPLE);
  let seed = 12345;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
  const cases: Buffer[] = [];
  for (let k = 0; k < 30; k++) {
    const bad = Buffer.from(good);
    for (let j = 0; j < 3; j++) bad[Math.floor(rand() * bad.length)] ^= 1 << Math.floor(rand() * 8);
    cases.push(bad);
  }
  for (let k = 0; k < 10; k++) cases.push(good.subarray(0, Math.floor(rand() * good.length)));
  // damage inside the largest part's deflate stream: the codecs' own errors (pako's, zlib's)
  const z = ZipReader.open(good);
  const big = [...z.entries].sort((a, b) => b.compressedSize - a.compressedSize)[0];
  const raw = z.raw(big);
  const at = good.indexOf(raw);
  for (let k = 0; k < 20; k++) {
    const bad = Buffer.from(good);
    const p = at + Math.floor(rand() * raw.length);
    bad[p] ^= 0xff;
    if (k % 2) bad.fill(0x55, p, Math.min(at + raw.length, p + 50));
    cases.push(bad);
  }
  for (const bad of cases) {
    const file = put(bad);
    const r = await inspectBytes(new Uint8Array(bad), file);
    const v = await runCli(["validate", file]);
    expect(r.ok ? null : r.line).toBe(v.code === 2 ? v.err[0] : null);
  }
}, 60_000);

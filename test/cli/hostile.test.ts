/**
 * The hostile-input suite (issue 14): broken and malicious files generated here at test time
 * (bombs built small — nothing large is committed) — truncations, flipped bytes, CRC and size
 * mismatches, duplicate and traversal names, bombs, DOCTYPE and entities, deep nesting, invalid
 * UTF-8/UTF-16, huge attributes and strings, out-of-range references, refused formats, and the
 * file-system cases (the same file by symlink and hard link, an existing OUT, a read-only
 * folder, an interrupted write). Each asserts the exit status, ONE line on stderr (no stack),
 * the input unchanged, no OUT or temporary file left behind, and bounded time; the bombs also
 * bounded memory, in a child process.
 */
import { spawn, spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { runCli } from "./helpers/run";
import { ByteXmlScanner } from "../../src/cli/xlsx/scan";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { bookEntries, craftBook, craftZip, crc32, T } from "./helpers/craft";
import type { CraftEntry } from "./helpers/craft";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "src/cli/bin.js");
const SAMPLE = path.join(ROOT, "examples/sample.xlsx");

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-hostile-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

let n = 0;
function put(buf: Buffer, name = `f${++n}.xlsx`): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, buf);
  return p;
}

const sha = (p: string) => crypto.createHash("sha256").update(fs.readFileSync(p)).digest("hex");

/** No temporary or output file left in the folder but those named. */
function leftovers(except: string[]): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".tmp") || (f.startsWith("out") && !except.includes(f)));
}

/**
 * validate and summarize on `file`: exit 2, one line on stderr matching `msg` (no stack), the
 * input unchanged, no OUT, within `ms`.
 */
async function refused(file: string, msg: RegExp, ms = 10_000): Promise<void> {
  const before = sha(file);
  const v = await runCli(["validate", file]);
  expect({ code: v.code, err: v.err }).toEqual({ code: 2, err: [expect.stringMatching(msg)] });
  expect(v.err[0]).not.toMatch(/\n|内部错误|internal error| {4}at /);
  expect(v.ms).toBeLessThan(ms);
  const out = path.join(dir, `out-${path.basename(file)}`);
  const s = await runCli(["summarize", file, "-o", out]);
  expect({ code: s.code, err: s.err }).toEqual({ code: 2, err: [expect.stringMatching(msg)] });
  expect(s.ms).toBeLessThan(ms);
  expect(fs.existsSync(out)).toBe(false);
  expect(sha(file)).toBe(before);
  expect(leftovers([])).toEqual([]);
}

/** Never exit 3 and never more than one line on stderr for an error; within `ms`. */
async function survives(file: string, ms = 10_000): Promise<number> {
  const v = await runCli(["validate", file]);
  expect(v.code).not.toBe(3);
  if (v.code === 2) expect(v.err).toHaveLength(1);
  expect(v.ms).toBeLessThan(ms);
  return v.code;
}

const CORRUPT = /文件已损坏/;

describe("broken archives: exit 2, 文件已损坏, input unchanged", () => {
  const good = craftBook({
    sharedStrings: ["员工号", "姓名"],
    sheets: {
      客户经理: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>',
    },
  });

  test("truncated anywhere", async () => {
    for (const at of [0.1, 0.5, 0.9]
      .map((f) => Math.floor(good.length * f))
      .concat([good.length - 1, good.length - 22, 30])) {
      await refused(put(good.subarray(0, at)), CORRUPT);
    }
  });

  test("flipped bytes in the compressed data", async () => {
    const entries = bookEntries({
      sheets: {
        S: `<row r="1">${Array.from({ length: 200 }, (_, i) => `<c r="A${i + 1}"><v>${i * 7}</v></c>`).join("")}</row>`,
      },
    });
    const sheet = entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    const raw = zlib.deflateRawSync(Buffer.from(String(sheet.data)));
    for (const at of [3, Math.floor(raw.length / 2), raw.length - 3]) {
      const bad = Buffer.from(raw);
      bad[at] ^= 0x55;
      await refused(
        put(craftZip(entries.map((e) => (e === sheet ? { ...e, raw: bad } : e)))),
        CORRUPT
      );
    }
  });

  test("flipped bytes anywhere: never an internal error", async () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 40; k++) {
      const bad = Buffer.from(good);
      for (let j = 0; j < 3; j++)
        bad[Math.floor(rand() * bad.length)] ^= 1 << Math.floor(rand() * 8);
      await survives(put(bad));
    }
  });

  test("CRC and size mismatches", async () => {
    const w = "xl/worksheets/sheet1.xml";
    await refused(put(craftBook({ tweak: { [w]: { crc: 12345 } } })), CORRUPT);
    await refused(put(craftBook({ tweak: { [w]: { size: 10 } } })), CORRUPT);
    await refused(put(craftBook({ tweak: { [w]: { size: 100_000 } } })), CORRUPT);
    await refused(put(craftBook({ tweak: { "xl/workbook.xml": { size: 5 } } })), CORRUPT);
  });

  test("a corrupt part that is only copied (the sample's theme) is not carried into OUT", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
    const entries: CraftEntry[] = [];
    for (const name of Object.keys(zip.files)) {
      const data = await zip.file(name)!.async("nodebuffer");
      entries.push(
        name === "xl/theme/theme1.xml"
          ? { name, data, crc: (crc32(data) ^ 1) >>> 0 }
          : { name, data }
      );
    }
    const file = put(craftZip(entries));
    const before = sha(file);
    const out = path.join(dir, "out-theme.xlsx");
    const s = await runCli(["summarize", file, "-o", out, "--only", "等级汇总"]);
    expect([s.code, s.err]).toEqual([
      2,
      [expect.stringMatching(/文件已损坏.*部件 xl\/theme\/theme1\.xml 已损坏/)],
    ]);
    expect(fs.existsSync(out)).toBe(false);
    expect(sha(file)).toBe(before);
    expect(leftovers([])).toEqual([]);
  });

  test("duplicate and traversal part names", async () => {
    const entries = bookEntries();
    await refused(
      put(craftZip([...entries, { name: "xl/workbook.xml", data: "<x/>" }])),
      /部件 xl\/workbook\.xml 出现了两次/
    );
    await refused(
      put(craftZip([...entries, { name: "XL/Workbook.xml", data: "<x/>" }])),
      /出现了两次/
    );
    for (const name of ["../../evil.xml", "/etc/passwd", "xl/../../x.xml", "C:/x.xml"]) {
      await refused(put(craftZip([...entries, { name, data: "x" }])), /部件名 .* 无效/);
    }
  });
});

describe("bombs and huge parts: refused cheaply (in a child process: exit 2, one line, bounded time and memory)", () => {
  /** Runs the CLI as bin.js does, with the peak RSS measured by the child itself. */
  function child(args: string[]): { code: number | null; err: string; rssMb: number; ms: number } {
    const t0 = Date.now();
    const script = `require(${JSON.stringify(path.join(ROOT, "src/cli/runtime.js"))})();require("tsx/cjs");process.on("exit",()=>require("fs").writeSync(3, String(process.resourceUsage().maxRSS)));const m=require(${JSON.stringify(path.join(ROOT, "src/cli/main.ts"))});m.runProcess();`;
    const r = spawnSync(process.execPath, ["-e", script, "--", "cm-addin", ...args], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 60_000,
      stdio: ["ignore", "pipe", "pipe", "pipe"],
    });
    const rss = Number((r.output[3] as unknown as string) ?? "0");
    return { code: r.status, err: r.stderr, rssMb: rss / 1024, ms: Date.now() - t0 };
  }

  function expectRefused(r: ReturnType<typeof child>, msg: RegExp): void {
    expect({ code: r.code, lines: r.err.trim().split("\n").length }).toEqual({ code: 2, lines: 1 });
    expect(r.err).toMatch(msg);
    expect(r.ms).toBeLessThan(30_000);
    expect(r.rssMb).toBeLessThan(1024);
  }

  test("an entry that inflates far beyond its declared size stops at the declared size", () => {
    const huge = Buffer.alloc(200 << 20, 0x20); // 200 MB of spaces → 200 KB deflated
    const raw = zlib.deflateRawSync(huge, { level: 9 });
    const file = put(
      craftBook({ tweak: { "xl/worksheets/sheet1.xml": { raw, size: 1000, crc: 1 } } })
    );
    expectRefused(child(["validate", file]), /部件 xl\/worksheets\/sheet1\.xml 已损坏/);
  });

  test("declared sizes beyond the caps are refused before anything is inflated", () => {
    const raw = zlib.deflateRawSync(Buffer.from("<x/>"));
    const file = put(
      craftBook({ extra: [{ name: "xl/media/big.bin", data: "x", raw, size: 0xfffffff0 }] })
    );
    expectRefused(child(["validate", file]), /解压后超过 1024 MB/);
    const wb = put(craftBook({ tweak: { "xl/workbook.xml": { raw, size: 100 << 20 } } }));
    expectRefused(child(["validate", wb]), /部件 xl\/workbook\.xml 解压后 100 MB，超过上限 64 MB/);
  });

  test("a worksheet of 170 MB of cells (honest sizes, < 1 MB on disk) is refused by the cell cap, within time and memory", () => {
    const row = Buffer.from(`<row>${"<c><v>1</v></c>".repeat(12)}</row>`);
    const rows = 900_000;
    const huge = Buffer.alloc(row.length * rows);
    for (let i = 0; i < rows; i++) row.copy(huge, i * row.length);
    const raw = zlib.deflateRawSync(huge, { level: 9 });
    const file = put(
      craftBook({
        tweak: {
          "xl/worksheets/sheet1.xml": { raw, size: huge.length, crc: zlib.crc32(huge) >>> 0 },
        },
      })
    );
    expectRefused(child(["validate", file]), /单元格过多/);
  });

  test("one text or tag of 40 MB in a worksheet is refused (a cell holds 32,767 characters)", () => {
    const big = `<row r="1"><c r="A1" t="inlineStr"><is><t>${"x".repeat(40 << 20)}</t></is></c></row>`;
    expectRefused(
      child(["validate", put(craftBook({ sheets: { S: big } }))]),
      /超过 32 MB 的单个元素或文本/
    );
  });
});

describe("hostile XML: exit 2 with one line, or read safely", () => {
  test("DOCTYPE and entities (billion laughs) in a package part are refused; in a worksheet not expanded", async () => {
    const laughs =
      '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>';
    const entries = bookEntries();
    const wb = entries.find((e) => e.name === "xl/workbook.xml")!;
    await refused(
      put(
        craftZip(
          entries.map((e) =>
            e === wb ? { ...e, data: String(e.data).replace("\n", `\n${laughs}`) } : e
          )
        )
      ),
      /DOCTYPE/
    );
    await refused(
      put(
        craftBook({
          override: {
            "_rels/.rels": `${laughs}<Relationships xmlns="${T.pkgRel}">&c;</Relationships>`,
          },
        })
      ),
      /DOCTYPE/
    );
    await refused(
      put(
        craftBook({
          override: {
            "xl/workbook.xml": `<!DOCTYPE x SYSTEM "file:///etc/passwd"><workbook xmlns="${T.main}"><sheets/></workbook>`,
          },
        })
      ),
      /DOCTYPE/
    );
    // a worksheet's DOCTYPE is skipped and its entities stay as written: nothing is expanded or fetched
    const sheet = `${laughs}<worksheet xmlns="${T.main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&c;</t></is></c></row></sheetData></worksheet>`;
    const f = put(craftBook({ override: { "xl/worksheets/sheet1.xml": sheet } }));
    expect(await survives(f)).not.toBe(2);
  });

  test("malformed package parts: corrupt workbook.xml, rels, [Content_Types].xml, styles.xml", async () => {
    await refused(
      put(
        craftBook({
          override: { "xl/workbook.xml": `<workbook xmlns="${T.main}"><sheets><sheet name="a"` },
        })
      ),
      /xl\/workbook\.xml 不是格式正确的 XML/
    );
    await refused(
      put(
        craftBook({
          override: { "xl/_rels/workbook.xml.rels": "<Relationships><Relationship Id=" },
        })
      ),
      /workbook\.xml\.rels 不是格式正确的 XML/
    );
    await refused(
      put(
        craftBook({
          override: {
            "xl/workbook.xml": `<workbook xmlns="${T.main}">&#x110000;<sheets/></workbook>`,
          },
        })
      ),
      /不是格式正确的 XML/
    );
    await refused(
      put(
        craftBook({
          override: { "xl/workbook.xml": "\ufeff<workbook>".replace("\ufeff", "") + "</wrong>" },
        })
      ),
      /不是格式正确的 XML/
    );
    // UTF-16 is not what a package part is
    await refused(
      put(
        craftBook({
          override: {},
          tweak: {
            "xl/workbook.xml": {
              data: Buffer.from(
                `\ufeff<workbook xmlns="${T.main}"><sheets/></workbook>`,
                "utf16le"
              ),
            },
          },
        })
      ),
      /不是格式正确的 XML/
    );
    // parts only summarize reads: content types and styles
    for (const [part, text, msg] of [
      ["[Content_Types].xml", "<Types><Default", /\[Content_Types\]\.xml 不是格式正确的 XML/],
      [
        "xl/styles.xml",
        `<styleSheet xmlns="${T.main}"><cellXfs><xf>`,
        /styles\.xml 不是格式正确的 XML/,
      ],
      [
        "xl/styles.xml",
        `<styleSheet xmlns="${T.main}"><cellXfs>${"<xf>".repeat(30_000)}`,
        /styles\.xml/,
      ],
    ] as const) {
      const file = put(craftBook({ sheets: { 客户经理: "" }, override: { [part]: text } }));
      const out = path.join(dir, "out-part.xlsx");
      const s = await runCli(["summarize", SAMPLE, "-o", out, "--only", "等级汇总"]);
      expect(s.code).toBeLessThan(2);
      fs.rmSync(out, { force: true });
      const r = await runCli(["summarize", file, "-o", out]);
      expect(r.code).not.toBe(3);
      if (r.code === 2) expect(r.err).toEqual([expect.stringMatching(msg)]);
      expect(fs.existsSync(out) && r.code === 2).toBe(false);
      fs.rmSync(out, { force: true });
    }
  });

  test("deep nesting, huge attributes, 200,000 number formats, a 32,767-character name, &#x110000; in a cell", async () => {
    const deep = `<workbook xmlns="${T.main}">${"<a>".repeat(100_000)}${"</a>".repeat(100_000)}<sheets/></workbook>`;
    await refused(put(craftBook({ override: { "xl/workbook.xml": deep } })), /嵌套超过/);
    const deepSheet = `<row r="1"><c r="A1"><v>1</v></c></row>${"<x>".repeat(200_000)}${"</x>".repeat(200_000)}`;
    await survives(put(craftBook({ sheets: { S: deepSheet } })));
    const attr = `<row r="1"><c r="A1" junk="${"y".repeat(5 << 20)}"><v>1</v></c></row>`;
    await survives(put(craftBook({ sheets: { S: attr } })));
    // styles with 200,000 custom formats: summarize extends it (no argument-list limits)
    const fmts = Array.from(
      { length: 200_000 },
      (_, i) =>
        `<numFmt numFmtId="${164 + i}" formatCode="0.${"0".repeat(i % 5)}&quot;${i}&quot;"/>`
    ).join("");
    const styles = `<styleSheet xmlns="${T.main}"><numFmts count="200000">${fmts}</numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="1"><xf/></cellXfs></styleSheet>`;
    const name = "名".repeat(32_767);
    const cm =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>员工号</t></is></c><c r="B1" t="inlineStr"><is><t>&#x110000;&#0;</t></is></c></row>';
    const file = put(
      craftBook({
        styles,
        sheets: { [name]: '<row r="1"><c r="A1"><v>1</v></c></row>', 客户经理: cm },
      })
    );
    const out = path.join(dir, "out-styles.xlsx");
    const r = await runCli(["summarize", file, "-o", out]);
    expect(r.code).not.toBe(3);
    if (r.code === 2) expect(r.err).toHaveLength(1);
    fs.rmSync(out, { force: true });
    expect(await survives(file, 20_000)).not.toBe(3);
  });

  test("invalid UTF-8 and out-of-range references", async () => {
    const bad = Buffer.concat([
      Buffer.from(
        `<worksheet xmlns="${T.main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`
      ),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from("</t></is></c></row></sheetData></worksheet>"),
    ]);
    await survives(put(craftBook({ tweak: { "xl/worksheets/sheet1.xml": { data: bad } } })));
    await refused(
      put(craftBook({ sheets: { S: '<row r="1048577"><c><v>1</v></c></row>' } })),
      /行号超出范围/
    );
    await refused(
      put(craftBook({ sheets: { S: '<row r="1"><c r="XFE1"><v>1</v></c></row>' } })),
      /列号超出范围/
    );
    await refused(
      put(
        craftBook({
          sheets: {
            S: '<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>1</v></c></row><row r="1048576"><c r="A1048576"><v>1</v></c></row>',
          },
        })
      ),
      /已用区域过大|单元格过多/
    );
    await refused(
      put(
        craftBook({
          sharedStrings: ["a"],
          sheets: { S: '<row r="1"><c r="A1" t="s"><v>5</v></c></row>' },
        })
      ),
      /共享字符串索引 5 不存在/
    );
    await refused(
      put(craftBook({ sheets: { S: '<row r="-3"><c><v>1</v></c></row>' } })),
      /行号超出范围/
    );
  });

  test("the byte scanner is linear whatever the chunking (a 4 MB text and a 4 MB tag in 1 KB chunks)", () => {
    for (const doc of [
      `<a>${"x".repeat(4 << 20)}</a>`,
      `<a b="${"x".repeat(4 << 20)}"/>`,
      `<!--${"x".repeat(4 << 20)}--><a/>`,
    ]) {
      const buf = Buffer.from(doc);
      let opened = 0;
      const s = new ByteXmlScanner({
        open: () => void opened++,
        close: () => undefined,
        text: () => undefined,
      });
      const t0 = Date.now();
      for (let i = 0; i < buf.length; i += 1024) s.feed(buf.subarray(i, i + 1024));
      s.end();
      expect(opened).toBe(1);
      expect(Date.now() - t0).toBeLessThan(2000);
    }
  });
});

describe("refused formats: each told what to do", () => {
  const ole = (extra: Buffer) =>
    Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
      extra,
    ]);

  test("an encrypted workbook: remove the password", async () => {
    await refused(
      put(ole(Buffer.from("\0EncryptedInfo\0EncryptedPackage", "utf16le")), "secret.xlsx"),
      /另存时取消密码/
    );
  });

  test(".xls, .et, .xlsb, .ods, .numbers, CSV: save as Excel 工作簿 (.xlsx); xlsb never passes validate", async () => {
    const saveAs = /另存为“Excel 工作簿 \(\.xlsx\)”/;
    await refused(put(ole(Buffer.from("Workbook", "utf16le")), "old.xls"), /\.xls\)/);
    await refused(put(ole(Buffer.from("WpsBook", "utf16le")), "wps.et"), /WPS/);
    const xlsb = craftZip([
      { name: "[Content_Types].xml", data: `<Types xmlns="${T.ct}"/>` },
      {
        name: "_rels/.rels",
        data: `<Relationships xmlns="${T.pkgRel}"><Relationship Id="r" Type="${T.rel}/officeDocument" Target="xl/workbook.bin"/></Relationships>`,
      },
      { name: "xl/workbook.bin", data: Buffer.from([0x83, 1, 0]) },
      { name: "xl/worksheets/sheet1.bin", data: Buffer.from([0x81, 1, 0]) },
    ]);
    await refused(put(xlsb, "book.xlsb"), /\.xlsb/);
    const ods = craftZip([
      { name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", method: 0 },
      { name: "content.xml", data: "<office:document-content/>" },
    ]);
    await refused(put(ods, "calc.ods"), /\.ods/);
    const numbers = craftZip([{ name: "Index/Document.iwa", data: Buffer.from([0, 1, 2]) }]);
    await refused(put(numbers, "mac.numbers"), /Numbers/);
    await refused(put(Buffer.from("员工号,姓名\r\n1001,张三\r\n"), "roster.csv"), /CSV/);
    for (const f of fs.readdirSync(dir).filter((x) => /\.(xls|et|xlsb|ods|numbers|csv)$/.test(x))) {
      const r = await runCli(["validate", path.join(dir, f)]);
      expect([f, r.code, r.err[0]]).toEqual([f, 2, expect.stringMatching(saveAs)]);
    }
  });

  test("a ~$ lock file: use the workbook itself", async () => {
    const lock = Buffer.concat([
      Buffer.from([5]),
      Buffer.from("zhang"),
      Buffer.alloc(50, 0x20),
      Buffer.from([5, 0]),
      Buffer.from("zhang", "utf16le"),
      Buffer.alloc(60),
    ]);
    await refused(put(lock, "~$台账.xlsx"), /锁定文件.*工作簿本身/);
  });
});

describe("output safety", () => {
  async function summarizeTo(input: string, out: string, ...more: string[]) {
    return runCli(["summarize", input, "-o", out, "--only", "等级汇总", ...more]);
  }

  test("OUT is never the input: same name, symlink, hard link (compared by device and inode)", async () => {
    const input = path.join(dir, "same.xlsx");
    fs.copyFileSync(SAMPLE, input);
    const before = sha(input);
    const link = path.join(dir, "out-link.xlsx");
    fs.symlinkSync(input, link);
    const hard = path.join(dir, "out-hard.xlsx");
    fs.linkSync(input, hard);
    const viaDots = path.join(dir, "..", path.basename(dir), "same.xlsx");
    for (const out of [input, viaDots, link, hard]) {
      for (const force of [[], ["--force"]]) {
        const r = await summarizeTo(input, out, ...force);
        expect([out, r.code, r.err]).toEqual([
          out,
          2,
          [expect.stringMatching(/输出文件不能与输入文件相同/)],
        ]);
      }
    }
    expect(sha(input)).toBe(before);
    fs.rmSync(link);
    fs.rmSync(hard);
  });

  test("an existing OUT is replaced only with --force; a symlink or device OUT never; OUT keeps the input's mode", async () => {
    const input = path.join(dir, "private.xlsx");
    fs.copyFileSync(SAMPLE, input);
    fs.chmodSync(input, 0o600);
    const out = path.join(dir, "out-exists.xlsx");
    fs.writeFileSync(out, "keep me");
    const r = await summarizeTo(input, out);
    expect([r.code, r.err]).toEqual([2, [expect.stringMatching(/文件已存在，不覆盖.*--force/)]]);
    expect(fs.readFileSync(out, "utf8")).toBe("keep me");
    const f = await summarizeTo(input, out, "--force");
    expect(f.code).toBeLessThan(2);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toContain("等级汇总");
    const target = path.join(dir, "target.txt");
    fs.writeFileSync(target, "target");
    const sym = path.join(dir, "out-sym.xlsx");
    fs.symlinkSync(target, sym);
    const s = await summarizeTo(input, sym, "--force");
    expect([s.code, s.err]).toEqual([2, [expect.stringMatching(/符号链接/)]]);
    expect(fs.readFileSync(target, "utf8")).toBe("target");
    const d = await summarizeTo(input, "/dev/null", "--force");
    expect([d.code, d.err]).toEqual([2, [expect.stringMatching(/不是普通文件/)]]);
    fs.rmSync(sym);
    fs.rmSync(out);
    expect(leftovers([])).toEqual([]);
  });

  const root = process.getuid?.() === 0;
  (root ? test.skip : test)("a read-only folder: exit 2, one line, nothing left", async () => {
    const ro = path.join(dir, "ro");
    fs.mkdirSync(ro);
    fs.chmodSync(ro, 0o500);
    const r = await summarizeTo(SAMPLE, path.join(ro, "out.xlsx"));
    expect([r.code, r.err]).toEqual([2, [expect.stringMatching(/^无法写入 .*没有写入权限/)]]);
    expect(fs.readdirSync(ro)).toEqual([]);
    fs.chmodSync(ro, 0o700);
  });

  test("killed during the write (SIGINT, SIGTERM): no OUT and no temporary file is left", async () => {
    for (const sig of ["SIGINT", "SIGTERM"] as const) {
      const sub = path.join(dir, `kill-${sig}`);
      fs.mkdirSync(sub);
      const out = path.join(sub, "out.xlsx");
      const p = spawn(process.execPath, [BIN, "summarize", SAMPLE, "-o", out], {
        cwd: ROOT,
        stdio: "ignore",
      });
      // kill as soon as the temporary file appears
      const seen = await new Promise<boolean>((resolve) => {
        const t0 = Date.now();
        const tick = setInterval(() => {
          const tmp = fs.readdirSync(sub).some((f) => f.endsWith(".tmp"));
          if (tmp || Date.now() - t0 > 30_000 || p.exitCode !== null) {
            clearInterval(tick);
            if (p.exitCode === null) p.kill(sig);
            resolve(tmp);
          }
        }, 2);
      });
      const code = await new Promise<number | null>((resolve) =>
        p.exitCode !== null ? resolve(p.exitCode) : p.on("exit", (c) => resolve(c))
      );
      if (seen) {
        expect(code).not.toBe(0);
        expect(fs.readdirSync(sub)).toEqual([]);
      } else expect(fs.readdirSync(sub).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    }
  });
});

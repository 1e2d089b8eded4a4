/**
 * (issue 19 item 4) `cm-addin verify OUT.xlsx`: untouched → 0; a summary cell edited by hand →
 * named (sheet!cell, expected vs found), exit 1; formatting-only changes → 0; a summary renamed
 * with " (2)" still checked; an input cell edited → 数据指纹 differs; a bad file or one without
 * summaries → 2. Edits are made with ExcelJS, as another program would.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli } from "./helpers/run";
import { summarizeWorkbook } from "../../src/cli/commands/summarize";
import { readWorkbookGrid } from "../../src/cli/xlsx";
import { inputFingerprint } from "../../src/summary/fingerprint";
import { SUMMARIES } from "../../src/summary/common";

const ROOT = path.resolve(__dirname, "../..");
const SAMPLE = path.join(ROOT, "examples/sample.xlsx");
const NOW = new Date(2026, 0, 5, 9, 30);

let dir: string;
let out: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-verify-"));
  out = path.join(dir, "out.xlsx");
  await summarizeWorkbook(SAMPLE, out, { now: NOW });
}, 120000);
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of OUT edited with ExcelJS. */
async function edited(name: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  edit(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe("cm-addin verify", () => {
  test("the summaries as written agree: exit 0, every summary sheet listed", async () => {
    const r = await runCli(["verify", out]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toContain("不比较格式");
    for (const s of SUMMARIES.filter((x) => !x.optIn))
      expect(r.out.some((l) => new RegExp(`^  ${s.name}\\s+\\d+ 格，一致`).test(l))).toBe(true);
    expect(r.out[r.out.length - 1]).toBe("全部一致（all summaries agree）");
  }, 120000);

  test("a cell of a summary edited by hand is named with what it should be: exit 1", async () => {
    let old: unknown;
    const file = await edited("hand.xlsx", (wb) => {
      const ws = wb.getWorksheet("等级汇总")!;
      old = ws.getCell("H3").value;
      ws.getCell("H3").value = 99.99;
    });
    expect(typeof old).toBe("number");
    const r = await runCli(["verify", file]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`  等级汇总!H3  应为 ${old}，实为 99.99（expected vs found）`);
    expect(r.out.filter((l) => /^  \S+!\w+\d+  /.test(l))).toHaveLength(1);
    expect(r.out.some((l) => /^  等级汇总\s+\d+ 格，1 处不同/.test(l))).toBe(true);
    expect(r.out[r.out.length - 1]).toBe("共 1 处不同（1 differences）");
    const j = await runCli(["verify", file, "--json"]);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.out.join("\n")).differences).toEqual([
      expect.objectContaining({ sheet: "等级汇总", cell: "H3", expected: old, found: 99.99 }),
    ]);
  }, 120000);

  test("formatting-only changes (number formats, fonts, fills, widths, on summaries and inputs) agree: exit 0", async () => {
    const file = await edited("format.xlsx", (wb) => {
      for (const name of ["等级汇总", "末位名单", "贷款台账", "客户经理"]) {
        const ws = wb.getWorksheet(name)!;
        ws.getColumn(2).width = 40;
        ws.getColumn(3).numFmt = "0.0000";
        ws.getRow(3).font = { bold: true, color: { argb: "FFFF0000" } };
        ws.getCell("A3").fill = {
          type: "pattern",
          pattern: "solid",
          fgColor: { argb: "FFFFFF00" },
        };
      }
    });
    const r = await runCli(["verify", file]);
    expect(r.out.filter((l) => l.includes("!"))).toEqual([]);
    expect(r.code).toBe(0);
    // the input fingerprint did not move either
    expect(inputFingerprint(await readWorkbookGrid(file))).toBe(
      inputFingerprint(await readWorkbookGrid(out))
    );
  }, 120000);

  test('a summary renamed with a " (2)" suffix is checked as that summary', async () => {
    const file = await edited("renamed.xlsx", (wb) => {
      const ws = wb.getWorksheet("末位名单")!;
      ws.name = "末位名单 (2)";
      ws.getCell("A2").value = "工号";
    });
    const r = await runCli(["verify", file]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("  末位名单 (2)!A2  应为 “员工号”，实为 “工号”（expected vs found）");
  }, 120000);

  test("an input cell the rules read, edited after the summary: 数据指纹 differs, the cells it moves are named", async () => {
    const file = await edited("input.xlsx", (wb) => {
      const ws = wb.getWorksheet("客户经理")!;
      const header = ws.getRow(1).values as unknown[];
      const c = header.findIndex((h) => h === "姓名");
      expect(c).toBeGreaterThan(0);
      ws.getRow(2).getCell(c).value = "改过的名字";
    });
    const r = await runCli(["verify", file]);
    expect(r.code).toBe(1);
    expect(r.out.some((l) => /^  等级汇总  数据指纹不同：/.test(l))).toBe(true);
    expect(r.out.some((l) => /^  等级汇总!B\d+  应为 “改过的名字”/.test(l))).toBe(true);
  }, 120000);

  test("a file without summaries, a missing file, no file: exit 2 with one line", async () => {
    for (const args of [
      ["verify", SAMPLE],
      ["verify", path.join(dir, "missing.xlsx")],
      ["verify"],
    ]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.err).toHaveLength(1);
    }
    expect((await runCli(["verify", SAMPLE])).err[0]).toContain("没有汇总表");
  }, 120000);

  test("listed in --help with its usage", async () => {
    const r = await runCli(["--help"]);
    expect(r.out.join("\n")).toContain(
      "cm-addin verify OUT.xlsx [--policy FILE.json] [--previous LAST.xlsx] [--json]"
    );
    const h = await runCli(["verify", "--help"]);
    expect(h.out[0].split("\n")[0]).toBe(
      "cm-addin verify OUT.xlsx [--policy FILE.json] [--previous LAST.xlsx] [--json]"
    );
  });
});

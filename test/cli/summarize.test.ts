/**
 * `cm-addin summarize` on the sample workbook: the input sheets unchanged plus every summary,
 * laid out as the models say; issues printed as validate prints them; running it on its own
 * output adds suffixed sheets and changes nothing that was there; the output opens in
 * LibreOffice; usage errors exit 2; text that looks like a formula stays text.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli } from "./helpers/run";
import { summarizeWorkbook } from "../../src/cli/commands/summarize";
import { SUMMARIES } from "../../src/summary/common";
import { GRADES_HEADERS } from "../../src/summary/grades";
import { BUYOUT_HEADERS } from "../../src/summary/buyout";
import { compareWorkbooks, exportFromWorkbook, readXlsx } from "../browser/workbook";

const ROOT = path.resolve(__dirname, "../..");
const SAMPLE = path.join(ROOT, "examples/sample.xlsx");
const INPUT_SHEETS = ["客户经理", "贷款台账", "公司客户", "差错记录", "风险预警", "政策参数"];
const SUMMARY_SHEETS = SUMMARIES.filter((s) => !s.optIn).map((s) => s.name);
const NOW = new Date(2026, 0, 5, 9, 30);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-summarize-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("summarize on the sample workbook", () => {
  let out1: string;
  let run: { code: number; out: string[]; err: string[] };

  beforeAll(async () => {
    out1 = path.join(dir, "out1.xlsx");
    run = await runCli(["summarize", SAMPLE, "-o", out1]);
  });

  test("exit 1 (the sample has deliberate data errors), the issues printed as validate prints them, then what was written", () => {
    expect(run.err).toEqual([]);
    expect(run.code).toBe(1);
    expect(run.out[0]).toMatch(/^工作表 sheet\s+单元格 cell/);
    expect(run.out.some((l) => /^贷款台账\s+K62\s+错误\s+TYPE\.amount/.test(l))).toBe(true);
    expect(run.out.some((l) => /^贷款台账\s+N99\s+错误\s+ENUM\.五级分类/.test(l))).toBe(true);
    expect(
      run.out.some((l) => /^错误 2，警告 2，提示 \d+（errors 2, warnings 2, notices \d+）$/.test(l))
    ).toBe(true);
    const i = run.out.findIndex((l) => l.startsWith("已写入 "));
    expect(run.out[i]).toContain(path.resolve(out1));
    expect(run.out.slice(i + 1).map((l) => l.trim().split(/\s+/)[0])).toEqual(SUMMARY_SHEETS);
  });

  test("the input sheets come first and are unchanged; every summary follows", async () => {
    const input = exportFromWorkbook(await readXlsx(SAMPLE));
    const output = exportFromWorkbook(await readXlsx(out1));
    expect(output.map((s) => s.name)).toEqual([...INPUT_SHEETS, ...SUMMARY_SHEETS]);
    expect(compareWorkbooks(input, output, { sheets: INPUT_SHEETS })).toEqual([]);
  });

  test("each summary: title line, exact header row (frozen), money formats, bold 合计 rows", async () => {
    const wb = await readXlsx(out1);
    const grades = wb.getWorksheet("等级汇总")!;
    expect(String(grades.getCell("A1").value)).toMatch(
      /^信贷客户经理考核等级汇总（Credit CM grade roster）｜政策年度 2025｜评定日期 2025-12-31｜金额单位 元｜生成时间 /
    );
    const header = (ws: ExcelJS.Worksheet, n: number) =>
      Array.from({ length: n }, (_, c) => ws.getRow(2).getCell(c + 1).value);
    expect(header(grades, GRADES_HEADERS.length + 1)).toEqual([...GRADES_HEADERS, "退出原因"]);
    expect(grades.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(typeof grades.getCell("H3").value).toBe("number");
    expect(grades.getCell("H3").numFmt).toBe("0.00");
    const buyout = wb.getWorksheet("退休买断")!;
    expect(header(buyout, BUYOUT_HEADERS.length)).toEqual([...BUYOUT_HEADERS]);
    let totals = 0;
    buyout.eachRow((row, r) => {
      if (r < 3 || row.getCell(2).value !== "合计") return;
      totals += 1;
      expect(row.getCell(6).font?.bold).toBe(true);
      expect(row.getCell(6).numFmt).toBe("#,##0.00");
    });
    expect(totals).toBe(4);
    // the worked example of RULES.md A11 is in the sample (CM 6201046): 115,000.00 bought out, no shortfall
    let worked: unknown[] | null = null;
    buyout.eachRow((row) => {
      if (row.getCell(1).value === "6201046" && row.getCell(2).value === "合计")
        worked = [row.getCell(6).value, row.getCell(7).value, row.getCell(10).value];
    });
    expect(worked).toEqual([115000, 115000, 0]);
  });

  test("running summarize on its own output adds suffixed sheets and changes nothing that was there", async () => {
    const out2 = path.join(dir, "out2.xlsx");
    const again = await summarizeWorkbook(out1, out2, { now: NOW });
    expect(again.sheetNames).toEqual(SUMMARY_SHEETS.map((n) => `${n} (2)`));
    const before = exportFromWorkbook(await readXlsx(out1));
    const after = exportFromWorkbook(await readXlsx(out2));
    expect(after.map((s) => s.name)).toEqual([
      ...before.map((s) => s.name),
      ...SUMMARY_SHEETS.map((n) => `${n} (2)`),
    ]);
    expect(compareWorkbooks(before, after, { sheets: before.map((s) => s.name) })).toEqual([]);
    // the summary sheets already there are not read as data: the new summaries are the same
    const mask = (s: string) =>
      s
        .replace(/生成时间 \d{4}-\d\d-\d\d \d\d:\d\d/, "生成时间 …")
        .replace(/生成于 \d{4}-\d\d-\d\d \d\d:\d\d/, "生成于 …");
    for (const name of SUMMARY_SHEETS) {
      const a = { ...before.find((s) => s.name === name)!, name: "x" };
      const b = { ...after.find((s) => s.name === `${name} (2)`)!, name: "x" };
      expect(compareWorkbooks([a], [b], { mask })).toEqual([]);
    }
  });

  test("the output opens in LibreOffice: every sheet converts to CSV", () => {
    const soffice = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"].find((p) =>
      fs.existsSync(p)
    );
    if (!soffice) {
      console.warn(
        "SKIPPED: LibreOffice (soffice) is not installed — the output was not opened in LibreOffice"
      );
      return;
    }
    const csvDir = path.join(dir, "csv");
    fs.mkdirSync(csvDir);
    const profile = `file://${path.join(dir, "lo-profile")}`;
    // 44,34,76 = comma, quote, UTF-8; the last field -1 = every sheet to its own file (LibreOffice ≥ 7.2)
    const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
    const r = spawnSync(
      soffice,
      [
        `-env:UserInstallation=${profile}`,
        "--headless",
        "--convert-to",
        filter,
        "--outdir",
        csvDir,
        out1,
      ],
      { encoding: "utf8", timeout: 120000 }
    );
    expect(r.status).toBe(0);
    const files = fs.readdirSync(csvDir);
    const csvOf = (sheet: string) => {
      const f = files.find((x) => x === `out1-${sheet}.csv`);
      if (!f) throw new Error(`no CSV for ${sheet}; got ${files.join(", ")}; stderr: ${r.stderr}`);
      return fs.readFileSync(path.join(csvDir, f), "utf8");
    };
    expect(csvOf("客户经理").split("\n")[0]).toMatch(/^员工号,姓名,性别/);
    const grades = csvOf("等级汇总").split("\n");
    expect(grades[1]).toMatch(
      /^员工号,姓名,行别类型,笔数得分,利息得分,质量得分,扣分,总分,分数等级,封顶原因,最终等级,工资系数,说明,退出原因/
    );
    expect(grades[2]).toMatch(/^6201001,/);
    expect(csvOf("退休买断")).toContain(",合计,");
    for (const name of SUMMARY_SHEETS) expect(csvOf(name).length).toBeGreaterThan(0);
  }, 180000);
});

describe("options and errors", () => {
  test("--year sets the policy year and the assessment date (31 December)", async () => {
    const out = path.join(dir, "y2024.xlsx");
    const o = await summarizeWorkbook(SAMPLE, out, { year: 2024, now: NOW, only: ["等级汇总"] });
    expect(o.result.policy.year).toBe(2024);
    expect(o.result.models[0].title).toContain("政策年度 2024｜评定日期 2024-12-31");
  });

  test("usage errors and unusable files: one line on stderr, exit 2, nothing written", async () => {
    const cases: [string[], RegExp][] = [
      [["summarize", SAMPLE], /缺少 -o OUT\.xlsx/],
      [["summarize", "-o", path.join(dir, "x.xlsx")], /缺少输入文件名/],
      [["summarize", SAMPLE, "-o", path.join(dir, "x.xlsx"), "--bogus"], /未知选项 --bogus/],
      [["summarize", SAMPLE, "-o", path.join(dir, "x.xlsx"), "--year", "25"], /--year/],
      [
        ["summarize", SAMPLE, "-o", path.join(dir, "x.xlsx"), "--only", "汇总"],
        /未知的汇总表“汇总”/,
      ],
      [["summarize", SAMPLE, "-o", SAMPLE], /输出文件不能与输入文件相同/],
      [["summarize", path.join(dir, "none.xlsx"), "-o", path.join(dir, "x.xlsx")], /文件不存在/],
    ];
    for (const [args, msg] of cases) {
      const r = await runCli(args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toMatch(msg);
    }
    expect(fs.existsSync(path.join(dir, "x.xlsx"))).toBe(false);
  });

  test("text that looks like a formula is written as text; a workbook without errors exits 0", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("差错记录");
    ws.addRow(["员工号", "日期", "条款", "次数", "加重扣分", "说明"]);
    ws.addRow(["E01", "2025-03-01", "3.3", 1, null, "=危险公式"]);
    const m = wb.addWorksheet("客户经理");
    m.addRow(["员工号", "姓名"]);
    m.addRow(["E01", '=HYPERLINK("x")']);
    m.addRow(["E02", "+张三"]);
    const input = path.join(dir, "formula.xlsx");
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "formula-out.xlsx");
    const r = await runCli(["summarize", input, "-o", out, "--year", "2025"]);
    expect(r.code).toBe(0);
    const back = exportFromWorkbook(await readXlsx(out));
    const sheet = back.find((s) => s.name === "差错积分汇总")!;
    expect(sheet.cells.B3).toEqual(expect.objectContaining({ v: '=HYPERLINK("x")' }));
    expect(sheet.cells.B3.f).toBeUndefined();
    expect(sheet.cells.B4.v).toBe("+张三");
    expect(sheet.cells.B4.f).toBeUndefined();
    expect(sheet.cells.C3.v).toBe(5);
  });
});

/**
 * (issue 18 items 1 and 4) Last year's summaries as input, on a two-year workbook pair built here:
 * this year's 汇总 made by summarize from the sample, edited as last year's (grades, levels, a
 * yellow card, a share, a new CM, a bad cell), then summarize run again with --previous — and the
 * same tables copied into the workbook as 上年… sheets (the task pane's path).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli } from "./helpers/run";
import { parseSummarizeArgs } from "../../src/cli/commands/summarize";
import { PREVIOUS_OPTION } from "../../src/cli/commands/meta";
import { readWorkbookGrid } from "../../src/cli/xlsx";
import { buildSummaries } from "../../src/summary/build";
import type { SummariesResult } from "../../src/summary/build";
import { resolvePolicy } from "../../src/cli/policyOption";
import { EXIT_REASONS } from "../../src/rules/a/exit";
import type { SheetModel } from "../../src/summary/model";
import { inputFingerprint } from "../../src/summary/fingerprint";

const ROOT = path.resolve(__dirname, "../..");
const SAMPLE = path.join(ROOT, "examples/sample.xlsx");

let dir: string;
let thisYear: string;
let lastYear: string;
let out: string;
let run: { code: number; out: string[]; err: string[] };

/** The row (1-based) of a worksheet whose first cell is `id`. */
function rowOf(ws: ExcelJS.Worksheet, id: string): ExcelJS.Row {
  let found: ExcelJS.Row | null = null;
  ws.eachRow((row) => {
    if (!found && row.getCell(1).value === id) found = row;
  });
  if (!found) throw new Error(`no row ${id} in ${ws.name}`);
  return found;
}

/** The 1-based column of a header in row `headerRow`. */
function colOf(ws: ExcelJS.Worksheet, header: string, headerRow: number): number {
  let c = 0;
  ws.getRow(headerRow).eachCell((cell, n) => {
    if (!c && cell.value === header) c = n;
  });
  if (!c) throw new Error(`no column ${header} in ${ws.name}`);
  return c;
}

function set(ws: ExcelJS.Worksheet, id: string, header: string, headerRow: number, v: unknown) {
  rowOf(ws, id).getCell(colOf(ws, header, headerRow)).value = v as ExcelJS.CellValue;
}

async function sheetRows(file: string, name: string): Promise<Record<string, unknown>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(name)!;
  const headers = (ws.getRow(2).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  ws.eachRow((row, r) => {
    if (r < 3) return;
    const id = row.getCell(1).value;
    if (typeof id !== "string" || !/^\d+$/.test(id)) return;
    const o: Record<string, unknown> = {};
    headers.forEach((h, i) => (o[h] = row.getCell(i + 1).value ?? null));
    rows.push(o);
  });
  return rows;
}

const byId = (rows: Record<string, unknown>[], id: string) => rows.find((r) => r["员工号"] === id)!;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-previous-"));
  // last year: this year's summaries, edited
  const made = path.join(dir, "made.xlsx");
  const r0 = await runCli(["summarize", SAMPLE, "-o", made]);
  expect(r0.err).toEqual([]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(made);
  const grades = wb.getWorksheet("等级汇总")!;
  set(grades, "6201001", "最终等级", 2, "二级"); // this year 一级 → ↑
  set(grades, "6201003", "最终等级", 2, "一级"); // this year 三级 → ↓
  set(grades, "6201005", "最终等级", 2, "优"); // a bad cell: no 上年等级, no 变化
  rowOf(grades, "6201002").getCell(1).value = "6209999"; // 6201002 not there last year → 新任
  const corp = wb.getWorksheet("公司客户经理等级")!;
  set(corp, "6201006", "新等级", 2, "一级"); // this year 二级 typed and kept: ↓ and a disagreement
  const bottom = wb.getWorksheet("末位名单")!;
  set(bottom, "6201004", "黄牌", 2, "否"); // no second yellow card for 6201004
  const mgrs = wb.getWorksheet("客户经理")!;
  // last year's share of 6201001 = the one typed this year as last year's (93.91)
  set(mgrs, "6201001", "正常类贷款占比", 1, 93.91);
  lastYear = path.join(dir, "last.xlsx");
  await wb.xlsx.writeFile(lastYear);

  // this year: the sample with 6201001's 现等级 and 上年正常类贷款占比 blank, 6201008's exam flag typed 否
  const cur = new ExcelJS.Workbook();
  await cur.xlsx.readFile(SAMPLE);
  const m = cur.getWorksheet("客户经理")!;
  set(m, "6201001", "现等级", 1, null);
  set(m, "6201001", "上年正常类贷款占比", 1, null);
  set(m, "6201008", "连续两次资格考试未通过", 1, "否");
  thisYear = path.join(dir, "this.xlsx");
  await cur.xlsx.writeFile(thisYear);

  out = path.join(dir, "out.xlsx");
  run = await runCli(["summarize", thisYear, "-o", out, "--previous", lastYear]);
}, 120_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("summarize --previous on a two-year pair", () => {
  test("the usage names --previous; the option is parsed", () => {
    expect(PREVIOUS_OPTION).toMatchObject({ name: "--previous", placeholder: "LAST.xlsx" });
    expect(
      parseSummarizeArgs(["a.xlsx", "-o", "b.xlsx", "--previous", "last.xlsx"]).opts.previousFile
    ).toBe("last.xlsx");
    expect(parseSummarizeArgs(["a.xlsx", "-o", "b.xlsx"]).opts.previousFile).toBeUndefined();
  });

  test("written, saying which tables of last year were read", () => {
    expect(run.err).toEqual([]);
    expect(run.code).toBe(1); // the sample's deliberate data errors, as without --previous
    expect(run.out).toContain(
      "  上年表（last year）：上年汇总文件“last.xlsx”：等级汇总、公司客户经理等级、末位名单、客户经理"
    );
  });

  test("last year's file made with this year's policy year (2025): said once per table", () => {
    const w = run.out.filter((l) => /PREV\.year/.test(l));
    expect(w).toHaveLength(3);
    expect(w[0]).toMatch(
      /^\[last\.xlsx\]等级汇总\s+A1\s+警告\s+PREV\.year\s+上年表“等级汇总”的标题为政策年度 2025，本年为 2025（应为 2024）/
    );
  });

  test("等级汇总: 上年等级 and 变化 at the end — ↑ ↓ =, 新任, and nothing for a bad cell", async () => {
    const rows = await sheetRows(out, "等级汇总");
    const headers = Object.keys(rows[0]);
    expect(headers.slice(-2)).toEqual(["上年等级", "变化"]);
    const g = (id: string) => [
      byId(rows, id)["最终等级"],
      byId(rows, id)["上年等级"],
      byId(rows, id)["变化"],
    ];
    expect(g("6201001")).toEqual(["一级", "二级", "↑"]);
    expect(g("6201003")).toEqual(["三级", "一级", "↓"]);
    expect(g("6201004")).toEqual(["二级", "二级", "="]);
    expect(g("6201002")).toEqual(["一级", null, "新任"]);
    expect(g("6201005")).toEqual(["一级", null, null]);
    expect(
      run.out.some((l) =>
        /^\[last\.xlsx\]等级汇总\s+K7\s+警告\s+PREV\.cell\s+上年最终等级“优”/.test(l)
      )
    ).toBe(true);
  });

  test("公司客户经理等级: 现等级 derived where blank, a typed one kept and the disagreement warned", async () => {
    const rows = await sheetRows(out, "公司客户经理等级");
    expect(Object.keys(rows[0]).slice(-2)).toEqual(["上年等级", "变化"]);
    const c = (id: string) =>
      ["现等级", "决定", "新等级", "上年等级", "变化"].map((h) => byId(rows, id)[h]);
    // 6201001: 现等级 blank this year → last year's 新等级 高级; share 93.91 < 94.45 → 续聘
    expect(c("6201001")).toEqual(["高级", "续聘", "高级", "高级", "="]);
    // 6201006: typed 二级 kept (续聘 二级); last year's 新等级 edited to 一级 → ↓
    expect(c("6201006")).toEqual(["二级", "续聘", "二级", "一级", "↓"]);
    // 6201022 left last year (退出): 上年等级 shows it, no 变化
    expect(c("6201022").slice(3)).toEqual(["退出", null]);
    const warn = run.out.find((l) => /^客户经理\s+X7\s+警告\s+PREV\.disagree/.test(l));
    expect(warn).toContain("田超（6201006）现等级：本表填写“二级”");
    expect(warn).toContain("（[last.xlsx]公司客户经理等级!F6）为“一级”；按填写的“二级”计算");
    expect(
      run.out.some((l) =>
        /PREV\.derived\s+由上年汇总文件“last\.xlsx”补入本表空白的：现等级 1 人、上年正常类贷款占比 1 人、连续两次资格考试未通过 \d+ 人/.test(
          l
        )
      )
    ).toBe(true);
  });

  test("连续两次资格考试未通过: 是 derived from both years' 考试不合格次数 ≥ 1; a typed 否 kept and warned", async () => {
    const rows = await sheetRows(out, "等级汇总");
    // 6201003: 考试不合格次数 1 in both years, the flag blank → exit reason
    expect(String(byId(rows, "6201003")["退出原因"])).toContain(EXIT_REASONS.examFails.zh);
    // 6201001: 0 fails → nothing derived
    expect(byId(rows, "6201001")["退出原因"] ?? "").not.toContain(EXIT_REASONS.examFails.zh);
    // 6201008: typed 否 → kept, warned
    expect(byId(rows, "6201008")["退出原因"] ?? "").not.toContain(EXIT_REASONS.examFails.zh);
    expect(
      run.out.some(
        (l) =>
          /^客户经理\s+AH9\s+警告\s+PREV\.disagree/.test(l) &&
          l.includes("连续两次资格考试未通过：本表填写“否”") &&
          l.includes("为“是”")
      )
    ).toBe(true);
  });

  test("a second consecutive yellow card: a warning naming the 解聘 candidate, under 末位名单 too", async () => {
    const yellow = run.out.filter((l) => /A7\.连续黄牌/.test(l));
    expect(yellow.some((l) => l.includes("杨永福（6201025）上年、本年连续两年黄牌警告"))).toBe(
      true
    );
    expect(yellow.some((l) => l.includes("6201004"))).toBe(false);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const notes: string[] = [];
    wb.getWorksheet("末位名单")!.eachRow((row) => notes.push(String(row.getCell(2).value ?? "")));
    expect(notes.some((n) => n.startsWith("杨永福（6201025）上年、本年连续两年黄牌警告"))).toBe(
      true
    );
  });

  test("without --previous (and no 上年 sheet) the output has no such column", async () => {
    const rows = await sheetRows(lastYear, "等级汇总");
    expect(Object.keys(rows[0])).not.toContain("上年等级");
  });

  test("a --previous file that is missing, or holds none of last year's tables: one line, exit 2", async () => {
    const missing = await runCli([
      "summarize",
      thisYear,
      "-o",
      path.join(dir, "x.xlsx"),
      "--previous",
      path.join(dir, "nope.xlsx"),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.err).toHaveLength(1);
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet("Sheet1").getCell("A1").value = "无关";
    const other = path.join(dir, "other.xlsx");
    await empty.xlsx.writeFile(other);
    const none = await runCli([
      "summarize",
      thisYear,
      "-o",
      path.join(dir, "y.xlsx"),
      "--previous",
      other,
    ]);
    expect(none.code).toBe(2);
    expect(none.err).toHaveLength(1);
    expect(none.err[0]).toContain("未找到上年的等级汇总、公司客户经理等级、末位名单或“客户经理”表");
    expect(fs.existsSync(path.join(dir, "y.xlsx"))).toBe(false);
  });
});

describe("the workbook's own 上年… sheets (the task pane's path)", () => {
  let result: SummariesResult;
  beforeAll(async () => {
    const grid = await readWorkbookGrid(thisYear);
    const last = await readWorkbookGrid(lastYear);
    const copy = (name: string, as: string) => ({
      ...last.sheets.find((s) => s.name === name)!,
      name: as,
    });
    grid.sheets.push(
      copy("等级汇总", "上年等级汇总"),
      copy("公司客户经理等级", "上年公司客户经理等级")
    );
    const { policy } = resolvePolicy(grid, {});
    result = buildSummaries(grid, policy, { now: new Date(2026, 0, 5) });
  });

  const model = (name: string): SheetModel => result.models.find((m) => m.name === name)!;
  const cell = (m: SheetModel, id: string, header: string) =>
    m.rows.find((r) => r[0] === id)![m.columns.findIndex((c) => c.header === header)];

  test("read by the same code: 上年等级 / 变化, the derived 现等级; said in the result", () => {
    expect(result.lastYear).toEqual({
      source: "本工作簿的上年表",
      sheets: ["上年等级汇总", "上年公司客户经理等级"],
    });
    const g = model("等级汇总");
    expect(cell(g, "6201001", "变化")).toBe("↑");
    expect(cell(g, "6201002", "变化")).toBe("新任");
    const c = model("公司客户经理等级");
    expect(cell(c, "6201001", "现等级")).toBe("高级");
    expect(cell(c, "6201006", "变化")).toBe("↓");
  });

  test("the 上年 sheets are not read as input tables (no look-alike warning)", () => {
    expect(
      result.issues.filter((i) => i.sheet.startsWith("上年") && i.rule.startsWith("TABLE"))
    ).toEqual([]);
  });
});

describe("verify an output made with --previous", () => {
  test("with the same --previous: every summary agrees; without it: 上年等级 / 变化 differ", async () => {
    const same = await runCli(["verify", out, "--previous", lastYear]);
    expect(same.err).toEqual([]);
    expect(same.out[same.out.length - 1]).toBe("全部一致（all summaries agree）");
    expect(same.code).toBe(0);
    const without = await runCli(["verify", out]);
    expect(without.code).toBe(1);
    expect(without.out.some((l) => /^\s+等级汇总\s+\d+ 格，\d+ 处不同/.test(l))).toBe(true);
  }, 120_000);
});

describe("数据指纹 with last year's tables", () => {
  test("differs from the run without them, and follows last year's values; the same without them as before", async () => {
    const fpOf = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      return /数据指纹 ([0-9a-f]{12})/.exec(
        String(wb.getWorksheet("等级汇总")!.getCell("A1").value)
      )![1];
    };
    const plain = path.join(dir, "plain.xlsx");
    await runCli(["summarize", thisYear, "-o", plain]);
    const withPrev = await fpOf(out);
    expect(withPrev).not.toBe(await fpOf(plain));
    // without last year's tables: the fingerprint of the input tables alone, as before issue 18
    expect(await fpOf(plain)).toBe(inputFingerprint(await readWorkbookGrid(thisYear)));
  }, 120_000);
});

/**
 * (issue 18 item 1) 连续两年后三名 from last year's 公司客户经理等级 on a two-year pair made by
 * summarize: year 1 is the sample with an added 本年后三名 column (its 汇总 keeps it on
 * 公司客户经理等级), year 2 the sample with 本年后三名 again and some 连续两年后三名 cells blank,
 * summarized with --previous. Both years 是 → 连续两年后三名 是 → 低聘 one level (B4 step 2,
 * 第十九条 三); 否 last year → 否; a typed 否 against both years' 是 → PREV.disagree; last year's
 * file without the column → nothing derived.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli } from "./helpers/run";

const ROOT = path.resolve(__dirname, "../..");
const SAMPLE = path.join(ROOT, "examples/sample.xlsx");

let dir: string;
const runs: Record<string, { code: number; out: string[]; err: string[] }> = {};
const files: Record<string, string> = {};

/** The sample with 本年后三名 per 员工号 added and the listed 连续两年后三名 cells blank. */
async function sampleWith(
  file: string,
  bottom3: Record<string, string>,
  blankTwoYears: string[] = []
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const ws = wb.getWorksheet("客户经理")!;
  const twoYears = (ws.getRow(1).values as unknown[]).indexOf("连续两年后三名");
  const col = ws.columnCount + 1;
  ws.getRow(1).getCell(col).value = "本年后三名";
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const id = String(row.getCell(1).value);
    if (bottom3[id] !== undefined) row.getCell(col).value = bottom3[id];
    if (blankTwoYears.includes(id)) row.getCell(twoYears).value = null;
  });
  const out = path.join(dir, file);
  await wb.xlsx.writeFile(out);
  return out;
}

async function corporateRows(file: string): Promise<Map<string, Record<string, unknown>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("公司客户经理等级")!;
  const headers = (ws.getRow(2).values as unknown[]).slice(1).map(String);
  const rows = new Map<string, Record<string, unknown>>();
  ws.eachRow((row, r) => {
    const id = row.getCell(1).value;
    // the first row of an id (the table; rows below it, e.g. the notes, may repeat an id)
    if (r < 3 || typeof id !== "string" || !/^\d+$/.test(id) || rows.has(id)) return;
    const o: Record<string, unknown> = {};
    headers.forEach((h, i) => (o[h] = row.getCell(i + 1).value ?? null));
    rows.set(id, o);
  });
  return rows;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-bottom3-"));
  // year 1: 6201001 and 6201002 in the bottom three, 6201006 not
  const year1 = await sampleWith("year1.xlsx", {
    "6201001": "是",
    "6201006": "否",
    "6201002": "是",
  });
  files.last = path.join(dir, "last.xlsx");
  runs.last = await runCli(["summarize", year1, "-o", files.last]);
  // last year's summaries made from the sample as it is: no 本年后三名 column
  files.lastPlain = path.join(dir, "lastPlain.xlsx");
  runs.lastPlain = await runCli(["summarize", SAMPLE, "-o", files.lastPlain]);
  // year 2: all three in the bottom three; 6201001's and 6201006's 连续两年后三名 blank, 6201002's typed 否 kept
  files.thisYear = await sampleWith(
    "year2.xlsx",
    { "6201001": "是", "6201006": "是", "6201002": "是" },
    ["6201001", "6201006"]
  );
  files.plain = path.join(dir, "plain.xlsx");
  runs.plain = await runCli(["summarize", files.thisYear, "-o", files.plain]);
  files.out = path.join(dir, "out.xlsx");
  runs.out = await runCli(["summarize", files.thisYear, "-o", files.out, "--previous", files.last]);
  files.outPlain = path.join(dir, "outPlain.xlsx");
  runs.outPlain = await runCli([
    "summarize",
    files.thisYear,
    "-o",
    files.outPlain,
    "--previous",
    files.lastPlain,
  ]);
}, 240_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const pick = (rows: Map<string, Record<string, unknown>>, id: string, headers: string[]) =>
  headers.map((h) => rows.get(id)![h]);

test("year 1's 公司客户经理等级 shows 本年后三名 right after 黄牌, as typed; without the column none", async () => {
  for (const k of ["last", "lastPlain", "plain", "out", "outPlain"])
    expect([k, runs[k].err]).toEqual([k, []]);
  const last = await corporateRows(files.last);
  const headers = Object.keys(last.get("6201001")!);
  expect(headers[headers.indexOf("黄牌") + 1]).toBe("本年后三名");
  expect(pick(last, "6201001", ["本年后三名"])).toEqual(["是"]);
  expect(pick(last, "6201006", ["本年后三名"])).toEqual(["否"]);
  expect(pick(last, "6201003", ["本年后三名"])).toEqual([null]);
  expect(Object.keys((await corporateRows(files.lastPlain)).get("6201001")!)).not.toContain(
    "本年后三名"
  );
});

test("是 both years: 连续两年后三名 derived 是 → 6201001 高级 低聘 一级 (B4 step 2)", async () => {
  const plain = await corporateRows(files.plain);
  // without last year's tables 连续两年后三名 is blank (no): not 低聘
  expect(pick(plain, "6201001", ["现等级", "决定"])).not.toEqual(["高级", "低聘"]);
  const out = await corporateRows(files.out);
  expect(pick(out, "6201001", ["现等级", "决定", "新等级", "本年后三名"])).toEqual([
    "高级",
    "低聘",
    "一级",
    "是",
  ]);
  expect(
    runs.out.out.some((l) =>
      /PREV\.derived\s+由上年汇总文件“last\.xlsx”补入本表空白的：.*连续两年后三名 2 人/.test(l)
    )
  ).toBe(true);
});

test("否 last year: derived 否 → 6201006 decided as with a typed 否 (the sample's)", async () => {
  const sample = path.join(dir, "sample.xlsx");
  expect((await runCli(["summarize", SAMPLE, "-o", sample])).err).toEqual([]);
  const typed = await corporateRows(sample);
  const out = await corporateRows(files.out);
  expect(pick(out, "6201006", ["决定", "新等级"])).toEqual(
    pick(typed, "6201006", ["决定", "新等级"])
  );
  expect(pick(out, "6201006", ["决定"])).not.toEqual(["低聘"]);
}, 120_000);

test("typed 否 against both years' 是: PREV.disagree at the typed cell, the typed 否 decides", async () => {
  const warn = runs.out.out.filter(
    (l) => /^客户经理\s+AB3\s+警告\s+PREV\.disagree/.test(l) && l.includes("连续两年后三名")
  );
  expect(warn).toHaveLength(1);
  expect(warn[0]).toContain("（6201002）连续两年后三名：本表填写“否”");
  expect(warn[0]).toContain("的“本年后三名”（上年“是”，本年“是”）（[last.xlsx]公司客户经理等级!");
  expect(warn[0]).toContain("为“是”；按填写的“否”计算");
  const out = await corporateRows(files.out);
  const plain = await corporateRows(files.plain);
  expect(pick(out, "6201002", ["决定", "新等级"])).toEqual(
    pick(plain, "6201002", ["决定", "新等级"])
  );
  expect(pick(out, "6201002", ["决定"])).not.toEqual(["低聘"]);
});

test("last year's file without 本年后三名: nothing derived, the decisions as without --previous", async () => {
  const out = await corporateRows(files.outPlain);
  const plain = await corporateRows(files.plain);
  for (const id of ["6201001", "6201006", "6201002"])
    expect(pick(out, id, ["决定", "新等级"])).toEqual(pick(plain, id, ["决定", "新等级"]));
  expect(runs.outPlain.out.some((l) => /连续两年后三名 \d+ 人/.test(l))).toBe(false);
  expect(runs.outPlain.out.some((l) => /PREV\.disagree.*连续两年后三名/.test(l))).toBe(false);
});

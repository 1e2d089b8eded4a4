/**
 * (issue 18 item 1, h18f) `cm-addin validate --previous LAST.xlsx` on a two-year pair: last year's
 * 汇总 made by summarize from the sample and edited (a bad cell, a level that disagrees with this
 * year's), validated against the sample; the same PREV.* issues as summarize --previous; a file
 * without any of last year's tables: exit 2.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli } from "./helpers/run";

const SAMPLE = path.resolve(__dirname, "../../examples/sample.xlsx");

let dir: string;
let last: string;
let letter: string;

type J = { sheet: string; cell: string; rule: string; severity: string; message: string };
const prevOf = (list: J[]) =>
  list.filter((i) => i.rule.startsWith("PREV.")).map((i) => [i.rule, i.sheet, i.cell]);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-validate-prev-"));
  const made = path.join(dir, "made.xlsx");
  expect((await runCli(["summarize", SAMPLE, "-o", made])).err).toEqual([]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(made);
  const grades = wb.getWorksheet("等级汇总")!;
  let col = 0;
  grades.getRow(2).eachCell((c, n) => {
    if (!col && c.value === "最终等级") col = n;
  });
  // the first CM's 最终等级 unreadable: PREV.cell at its address in the other file
  grades.getRow(3).getCell(col).value = "优";
  letter = String.fromCharCode(64 + col);
  last = path.join(dir, "last.xlsx");
  await wb.xlsx.writeFile(last);
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("validate --previous: the PREV.* issues summarize --previous gives; exit status as without", async () => {
  const plain = await runCli(["validate", SAMPLE, "--json"]);
  const v = await runCli(["validate", SAMPLE, "--json", "--previous", last]);
  expect(v.err).toEqual([]);
  expect(v.code).toBe(plain.code);
  const issues = JSON.parse(v.out.join("\n")) as J[];
  const prev = prevOf(issues);
  expect(prevOf(JSON.parse(plain.out.join("\n")) as J[])).toEqual([]);
  // the file is this year's own (政策年度 2025): said once per summary table read
  expect(prev.filter((p) => p[0] === "PREV.year").map((p) => p[1])).toEqual([
    "[last.xlsx]等级汇总",
    "[last.xlsx]公司客户经理等级",
    "[last.xlsx]末位名单",
  ]);
  expect(prev).toContainEqual(["PREV.cell", "[last.xlsx]等级汇总", `${letter}3`]);
  const cell = issues.find((i) => i.rule === "PREV.cell")!;
  expect(cell.message).toMatch(/^上年最终等级/);
  // summarize --previous reports the same PREV.* issues (one place: src/summary/lastYear.ts)
  const s = await runCli(["summarize", SAMPLE, "-o", path.join(dir, "o.xlsx"), "--previous", last]);
  for (const p of prev) expect(s.out.some((l) => l.includes(p[0]) && l.includes(p[1]))).toBe(true);
}, 120_000);

test("validate --previous with a file without last year's tables: exit 2", async () => {
  const empty = new ExcelJS.Workbook();
  empty.addWorksheet("其他").getCell("A1").value = "无关";
  const file = path.join(dir, "empty.xlsx");
  await empty.xlsx.writeFile(file);
  const v = await runCli(["validate", SAMPLE, "--previous", file]);
  expect(v.code).toBe(2);
  expect(v.err.join("\n")).toMatch(/未找到上年的/);
}, 60_000);

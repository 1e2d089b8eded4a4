/**
 * Issue 5 "done when": the validation workbook (test/fixtures/validation/build.ts) is reported
 * exactly — each defect at its cell, no false alarm — by the CLI (readWorkbookGrid →
 * validateWorkbook, through the validate command) and by the task pane's path (an Office.js
 * workbook under office-addin-mock → src/excel/read.ts → validateWorkbook): the same issues.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { command } from "../../src/cli/commands/validate";
import { readWorkbookGridFromExcel } from "../../src/excel/read";
import { validateWorkbook, validateWorkbookFull } from "../../src/reader/validate";
import type { Issue } from "../../src/core/issues";
import {
  buildValidationWorkbook,
  officeSheets,
  writeValidationWorkbook,
} from "../fixtures/validation/build";
import {
  EXPECTED_CHECK,
  EXPECTED_ISSUES,
  EXPECTED_MESSAGES,
} from "../fixtures/validation/expected";
import { mockExcel } from "../fixtures/validation/officeMock";

let dir: string;
let file: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-validate-"));
  file = path.join(dir, "validation.xlsx");
  await writeValidationWorkbook(file);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

type JsonIssue = { sheet: string; cell: string; severity: string; rule: string; message: string };

function tuples(
  issues: { sheet: string; cell: string; severity: string; rule: string }[]
): string[][] {
  return issues.map((i) => [i.sheet, i.cell, i.severity, i.rule]);
}

function checkMessages(issues: { sheet: string; cell: string; message: string }[]): void {
  for (const i of issues) expect(i.message).toMatch(/[\u4e00-\u9fff]/);
  for (const [at, message] of Object.entries(EXPECTED_MESSAGES)) {
    expect(issues.find((i) => `${i.sheet}!${i.cell}` === at)?.message).toBe(message);
  }
}

describe("the validation workbook", () => {
  let cli: JsonIssue[];

  test("CLI: validate --json reports exactly the expected issues and exits 1", async () => {
    const c = capture();
    const status = await command.run([file, "--json"], c.io);
    expect(status).toBe(1);
    expect(c.err).toEqual([]);
    cli = JSON.parse(c.out.join("\n")) as JsonIssue[];
    // exactly the keys of WORKBOOK.md
    for (const i of cli)
      expect(Object.keys(i)).toEqual(["sheet", "cell", "severity", "rule", "message", "category"]);
    // (rev 2) the data issues, then what summarize would say (rows left out per summary, unset figures), then the ready line
    expect(tuples(cli)).toEqual(EXPECTED_CHECK);
    checkMessages(cli);
  });

  test("task pane: Office.js values → src/excel/read.ts → the same issues, with three syncs (sheets, used-range sizes, one block)", async () => {
    const m = mockExcel(officeSheets(buildValidationWorkbook()));
    const sync = jest.spyOn(m.context, "sync");
    const grid = await readWorkbookGridFromExcel(m.context);
    expect(sync).toHaveBeenCalledTimes(3);
    const pane: Issue[] = validateWorkbook(grid);
    expect(tuples(pane)).toEqual(EXPECTED_ISSUES);
    checkMessages(pane);
    expect(pane.map((i) => i.message)).toEqual(
      cli.slice(0, EXPECTED_ISSUES.length).map((i) => i.message)
    );
  });

  test("the valid tricky forms are read as numbers, dates and ids — and only the valid rows", async () => {
    const m = mockExcel(officeSheets(buildValidationWorkbook()));
    const { data, policy } = validateWorkbookFull(await readWorkbookGridFromExcel(m.context));
    expect(policy.year).toBe(2025);
    // (WORKBOOK.md rev 2) a row with a bad cell is read, that field null (1003 E6/J6/L6, 1007, 1008);
    // repeated ids (C8, C9) and a missing name (B10) are not read at all
    expect(data.managers.map((x) => x.id)).toEqual([
      "1001",
      "1002",
      "1003",
      "1006",
      "1007",
      "1008",
    ]);
    expect(data.managers.find((x) => x.id === "1003")?.sex).toBeNull();
    expect(data.invalidRows).toEqual({
      managers: 6,
      loans: 7,
      customers: 3,
      errors: 4,
      warnings: 3,
    });
    const zhang = data.managers[0];
    expect(zhang.loanCount).toBe(123); // １２３
    expect(zhang.interestIncome?.toString()).toBe("120000"); // 12万元 under a 万元 header
    expect(zhang.managedLoans?.toString()).toBe("1234567.5"); // 1,234,567.50
    expect(zhang.birth).toBe("1975-05-01"); // an Excel date
    expect(zhang.firstAppointed).toBe("2010-03-01"); // 2010年3月1日
    expect(zhang.branchType).toBe("一类行"); // 城关区
    expect([zhang.urban, zhang.examPassed, zhang.bottom3TwoYears, zhang.tasksDone]).toEqual([
      true,
      true,
      false,
      true,
    ]);
    const li = data.managers[1];
    expect(li.id).toBe("1002"); // typed as the number 1002
    expect(li.birth).toBe("1985-03-01"); // 1985/3/1
    expect(li.interestIncome?.toString()).toBe("35000"); // 3.5 under the 万元 header
    const byId = new Map(data.loans.map((l) => [l.loanId, l]));
    expect(byId.get("L013")?.granted).toBe("2023-03-15"); // the serial 45000
    expect(byId.get("L013")?.limitationLost).toBe(true);
    expect(byId.get("L014")?.borrowerType).toBe("企业"); // 组织
    expect(byId.get("L014")?.amount?.toString()).toBe("1234.5"); // 1,234.50
    expect(byId.get("L008")?.granted).toBe("2025-02-01"); // 2025年2月1日
    // (rev 2) the D8 row (次数 not a whole number) is read with its count null; 差错积分汇总 leaves it out and says so
    expect(data.errors.map((e) => [e.item, e.count])).toEqual([
      ["3.2b", 1],
      ["3.15/3.3", 2],
      ["1.1", 1],
      ["2.1", null],
      ["2.2", 1],
    ]);
  });

  test("CLI: the human table lists sheet, cell, severity, rule and message, then the counts", async () => {
    const c = capture();
    expect(await command.run([file], c.io)).toBe(1);
    expect(c.out[0]).toMatch(
      /^工作表 sheet\s+单元格 cell\s+级别 severity\s+规则 rule\s+说明 message$/
    );
    // rev 2: the data issues and notices, their counts, the ready line, then a blank line, the 合规提示 heading and the four A13 findings
    expect(c.out).toHaveLength(EXPECTED_CHECK.length + 4);
    expect(
      c.out[1 + EXPECTED_ISSUES.findIndex(([sheet, cell]) => sheet === "人员名单" && cell === "E6")]
    ).toMatch(/^人员名单\s+E6\s+错误\s+ENUM\.性别\s+“性别”：“未知”不是允许的值（男\/女）$/);
    const counts = c.out.length - 8;
    expect(c.out[counts]).toBe("错误 30，警告 16，提示 20（errors 30, warnings 16, notices 20）");
    expect(c.out[counts + 1]).toMatch(/^先更正数据错误再汇总：23 行有无法读取的单元格/);
    expect(c.out[counts + 2]).toBe("");
    expect(c.out[counts + 3]).toMatch(
      /^合规提示（compliance findings, RULES\.md A13）：4 条，不是数据错误/
    );
    expect(c.out.slice(counts + 4).map((l) => /A13\.第.+?条/.exec(l)?.[0])).toEqual([
      "A13.第二十七条",
      "A13.第二十四条",
      "A13.第二十六条",
      "A13.第三十一条",
    ]);
  });
});

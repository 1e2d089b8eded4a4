/**
 * RULES.md POLICY rev 2 (第十四条): with no year from the user or the 政策参数 sheet, the year
 * assessed is the previous calendar year from January to June, the current one from July —
 * and the output says which was taken. "Today" is always passed in: no real clock here.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { resolvePolicy } from "../../src/cli/policyOption";
import { outcomeLines, summarizeWorkbook } from "../../src/cli/commands/summarize";
import { currentYear, defaultYearChoice } from "../../src/policy/store";
import type { WorkbookGrid } from "../../src/core/grid";
import { validateWorkbookFull } from "../../src/reader/validate";

function grid(sheets: Record<string, unknown[][]>): WorkbookGrid {
  return {
    sheets: Object.entries(sheets).map(([name, values]) => ({
      name,
      rowOffset: 0,
      colOffset: 0,
      values: values as never,
    })),
  };
}

describe("defaultYearChoice: one function decides the default year", () => {
  test.each([
    [new Date(2026, 0, 1, 0, 0), 2025],
    [new Date(2026, 5, 30, 23, 59), 2025],
    [new Date(2026, 6, 1, 0, 0), 2026],
    [new Date(2026, 11, 31, 23, 59), 2026],
  ])("%s → %i", (today, year) => {
    expect(defaultYearChoice(today).year).toBe(year);
    expect(currentYear(today)).toBe(year);
  });

  test("it says which year was taken and why", () => {
    expect(defaultYearChoice(new Date(2026, 2, 5)).zh).toBe(
      "未指定年度：今天 2026-03-05 在 1–6 月，按第十四条（每年 1 月份初评上年度）默认评定上一年度 2025"
    );
    expect(defaultYearChoice(new Date(2026, 8, 5)).zh).toBe(
      "未指定年度：今天 2026-09-05 在 7–12 月，默认评定当年 2026（第十四条）"
    );
  });
});

describe("the CLI's policy: --year, the JSON, the sheet, else the default year (said)", () => {
  const noYear = grid({
    政策参数: [
      ["参数", "值"],
      ["金额单位", "元"],
    ],
  });
  const withYear = grid({
    政策参数: [
      ["参数", "值"],
      ["年度", 2024],
    ],
  });
  const march = new Date(2026, 2, 5);

  test("no year anywhere: March 2026 → 2025, with an info issue and a note", () => {
    const r = resolvePolicy(noYear, { today: march });
    expect(r.policy.year).toBe(2025);
    expect(r.policy.assessmentDate).toBe("2025-12-31");
    expect(r.yearNote?.year).toBe(2025);
    expect(r.issues.filter((i) => i.rule === "POLICY.year").map((i) => i.severity)).toEqual([
      "info",
    ]);
  });

  test("September 2026 → 2026; no policy sheet at all → the same default", () => {
    expect(resolvePolicy(noYear, { today: new Date(2026, 8, 1) }).policy.year).toBe(2026);
    expect(resolvePolicy(grid({}), { today: march }).policy.year).toBe(2025);
  });

  test("--year or the sheet's 年度: taken as given, no note", () => {
    const a = resolvePolicy(noYear, { today: march, year: 2026 });
    expect([a.policy.year, a.yearNote, a.issues.some((i) => i.rule === "POLICY.year")]).toEqual([
      2026,
      null,
      false,
    ]);
    const b = resolvePolicy(withYear, { today: march });
    expect([b.policy.year, b.yearNote, b.issues.some((i) => i.rule === "POLICY.year")]).toEqual([
      2024,
      null,
      false,
    ]);
  });

  test("validate (and the task pane's 校验) say it too; a policy given or a sheet year: nothing", () => {
    const v = validateWorkbookFull(noYear, undefined, { today: march });
    expect(v.policy.year).toBe(2025);
    expect(v.issues.find((i) => i.rule === "POLICY.year")?.message).toContain(
      "默认评定上一年度 2025"
    );
    expect(
      validateWorkbookFull(withYear, undefined, { today: march }).issues.some(
        (i) => i.rule === "POLICY.year"
      )
    ).toBe(false);
  });
});

describe("cm-addin summarize: the default year in the printed lines and every title", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-year-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function input(withYear: boolean): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("差错记录");
    ws.addRow(["员工号", "日期", "条款"]);
    ws.addRow(["E01", "2025-03-01", "1.1"]);
    if (withYear) {
      const p = wb.addWorksheet("政策参数");
      p.addRow(["参数", "值"]);
      p.addRow(["年度", 2026]);
    }
    const f = path.join(dir, `in-${withYear}.xlsx`);
    await wb.xlsx.writeFile(f);
    return f;
  }

  test("no year: 2025 in May 2026, said in the output and in the title lines", async () => {
    const o = await summarizeWorkbook(await input(false), path.join(dir, "out1.xlsx"), {
      now: new Date(2026, 4, 20, 10, 0),
    });
    expect(o.result.policy.year).toBe(2025);
    const lines = outcomeLines(o);
    expect(lines[1]).toBe(
      "  未指定年度：今天 2026-05-20 在 1–6 月，按第十四条（每年 1 月份初评上年度）默认评定上一年度 2025"
    );
    const errors = o.result.models.find((m) => m.name === "差错积分汇总")!;
    expect(errors.title).toContain("政策年度 2025（未指定年度，1–6 月默认上一年度（第十四条））");
  });

  test("the sheet's 年度: no note", async () => {
    const o = await summarizeWorkbook(await input(true), path.join(dir, "out2.xlsx"), {
      now: new Date(2026, 4, 20, 10, 0),
    });
    expect(o.result.policy.year).toBe(2026);
    expect(outcomeLines(o).some((l) => l.includes("未指定年度"))).toBe(false);
    expect(o.result.models[0].title).not.toContain("未指定年度");
  });
});

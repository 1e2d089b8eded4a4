/**
 * The add-in side of the summaries (src/excel/summaries.ts) on the fake Excel host of the
 * browser tests (test/browser/host/fakeExcel.ts: Office.js request semantics, Excel's reading of
 * typed text, 5 MB request limit), seeded from examples/sample.xlsx:
 * - the task-pane code path and the CLI produce the same summaries, cell by cell;
 * - the number of context.sync() calls does not grow with the rows;
 * - selecting a row of 等级汇总 / 退休买断 gives that row's explanation key;
 * - the report's links activate the sheets; availability from a first read.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { summarizeWorkbook } from "../../src/cli/commands/summarize";
import {
  activateSheet,
  explanationsFromWorkbook,
  generateSummaries,
  SelectedSummaryRow,
  selectedRowKey,
  summaryAvailabilityInExcel,
  watchSummarySelection,
} from "../../src/excel/summaries";
import type { SummaryProgress } from "../../src/excel/summaries";
import { SUMMARIES } from "../../src/summary/common";
import { pageBreakRows, sheetLayout } from "../../src/summary/model";
import type { FakeHostApi, HostSeed } from "../browser/host/fakeExcel";
import { installFakeHost } from "../browser/host/fakeExcel";
import { compareWorkbooks, exportFromWorkbook, readXlsx, seedFromXlsx } from "../browser/workbook";

const SAMPLE = path.resolve(__dirname, "../../examples/sample.xlsx");
const SUMMARY_SHEETS = SUMMARIES.filter((s) => !s.optIn).map((s) => s.name);
const NOW = new Date(2026, 0, 5, 9, 30);

type Globals = Record<"Excel" | "Office" | "OfficeExtension", unknown>;
const saved: Partial<Globals> = {};

function install(seed: HostSeed): FakeHostApi {
  const win: Record<string, unknown> = {};
  const api = installFakeHost(win, seed);
  const g = globalThis as unknown as Globals;
  g.Excel = win.Excel;
  g.Office = win.Office;
  g.OfficeExtension = win.OfficeExtension;
  return api;
}

let sampleSeed: HostSeed;
let dir: string;

beforeAll(async () => {
  const g = globalThis as unknown as Partial<Globals>;
  saved.Excel = g.Excel;
  saved.Office = g.Office;
  saved.OfficeExtension = g.OfficeExtension;
  sampleSeed = await seedFromXlsx(SAMPLE);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-excel-summaries-"));
});

afterAll(() => {
  Object.assign(globalThis, saved);
  fs.rmSync(dir, { recursive: true, force: true });
});

function cloneSeed(s: HostSeed): HostSeed {
  return JSON.parse(JSON.stringify(s)) as HostSeed;
}

describe("on the sample workbook", () => {
  let host: FakeHostApi;
  let progress: SummaryProgress[];
  let generated: Awaited<ReturnType<typeof generateSummaries>>;

  beforeAll(async () => {
    host = install(cloneSeed(sampleSeed));
    progress = [];
    host.beginOperation("generate");
    generated = await generateSummaries(undefined, (p) => progress.push(p), NOW);
    host.beginOperation(null);
  });

  test("every summary goes to a new sheet after the input sheets; progress runs from 0 to 1", () => {
    expect(generated.sheetNames).toEqual(SUMMARY_SHEETS);
    expect(host.sheetNames()).toEqual([...sampleSeed.sheets.map((s) => s.name), ...SUMMARY_SHEETS]);
    expect(host.unsupported).toEqual([]);
    expect(progress[0].fraction).toBe(0);
    expect(progress[progress.length - 1].fraction).toBe(1);
    for (let i = 1; i < progress.length; i++)
      expect(progress[i].fraction).toBeGreaterThanOrEqual(progress[i - 1].fraction);
  });

  test("CLI and task-pane code path produce the same summaries, cell by cell", async () => {
    const out = path.join(dir, "cli.xlsx");
    await summarizeWorkbook(SAMPLE, out, { now: NOW });
    const cli = exportFromWorkbook(await readXlsx(out));
    const pane = host.exportWorkbook();
    // every value, formula, bold and frozen row; number formats within the tables (title, header,
    // data rows): below a table, in the notes lines, the Office.js writer's whole-column formats
    // reach cells the .xlsx writer leaves General — values there are compared all the same
    expect(compareWorkbooks(pane, cli, { sheets: SUMMARY_SHEETS, formats: false })).toEqual([]);
    const tablesOnly = (sheets: typeof pane) =>
      sheets.map((s) => {
        const m = generated.models[generated.sheetNames.indexOf(s.name)];
        if (!m) return s;
        const last = sheetLayout(m).firstDataRow + m.rows.length; // 1-based row of the last data row
        const cells = Object.fromEntries(
          Object.entries(s.cells).filter(([a]) => Number(/\d+$/.exec(a)![0]) <= last)
        );
        return { ...s, cells };
      });
    expect(compareWorkbooks(tablesOnly(pane), tablesOnly(cli), { sheets: SUMMARY_SHEETS })).toEqual(
      []
    );
    // and they hold something: the grade roster has its 60 CMs under the title and header rows
    const grades = pane.find((s) => s.name === "等级汇总")!;
    expect(grades.cells.A3.v).toBe("6201001");
    expect(grades.cells.A62.v).toBe("6201060");
    expect(grades.freezeRows).toBe(2);
  });

  test("selecting a row of 等级汇总 or 退休买断 gives its explanation key; the title row gives none", async () => {
    const seen: (SelectedSummaryRow | null)[] = [];
    const remove = await watchSummarySelection((r) => seen.push(r));
    await host.userSelect("等级汇总", "C5");
    await host.userSelect("退休买断", "D3:F3");
    await host.userSelect("等级汇总", "A1");
    await host.userSelect("退休买断", "A2");
    expect(seen[0]).toEqual({
      sheet: "等级汇总",
      summary: "grades",
      key: "6201003",
      employeeId: "6201003",
      loanId: null,
      row: 5,
    });
    const buyout = host.exportWorkbook().find((s) => s.name === "退休买断")!;
    const loan = String(buyout.cells.B3.v);
    expect(seen[1]).toEqual({
      sheet: "退休买断",
      summary: "buyout",
      key: `${buyout.cells.A3.v}|${loan}`,
      employeeId: String(buyout.cells.A3.v),
      loanId: loan,
      row: 3,
    });
    expect(seen.slice(2)).toEqual([null, null]);
    expect(generated.explanations.grades?.[seen[0]!.key]?.length).toBeGreaterThan(0);
    expect(generated.explanations.buyout?.[seen[1]!.key]?.length).toBeGreaterThan(0);
    await remove();
    await host.userSelect("等级汇总", "C6");
    expect(seen).toHaveLength(4);
  });

  test("the explanations recomputed from the workbook have the same rows", async () => {
    const again = await explanationsFromWorkbook(NOW);
    expect(Object.keys(again.grades ?? {}).sort()).toEqual(
      Object.keys(generated.explanations.grades ?? {}).sort()
    );
    expect(again.buyout).toEqual(generated.explanations.buyout);
  });

  test("a report link activates its sheet", async () => {
    await activateSheet("末位名单");
    expect(host.activeSheet()).toBe("末位名单");
  });

  test("a second generation adds suffixed sheets and leaves the first ones as they were", async () => {
    const before = host.exportWorkbook();
    const g2 = await generateSummaries(["等级汇总", "校验结果"], undefined, NOW);
    expect(g2.sheetNames).toEqual(["等级汇总 (2)", "校验结果 (2)"]);
    const after = host.exportWorkbook();
    expect(compareWorkbooks(before, after, { sheets: before.map((s) => s.name) })).toEqual([]);
  });
});

describe("syncs and availability", () => {
  async function syncsFor(seed: HostSeed): Promise<number> {
    const host = install(seed);
    host.beginOperation("gen");
    await generateSummaries(undefined, undefined, NOW);
    host.beginOperation(null);
    return host.syncs.filter((s) => s.operation === "gen").length;
  }

  test("the number of syncs grows with the bytes, not with the rows (3,000 more loans: one more read block at most)", async () => {
    const small = await syncsFor(cloneSeed(sampleSeed));
    const big = cloneSeed(sampleSeed);
    const ledger = big.sheets.find((s) => s.name === "贷款台账")!;
    const row1 = ledger.cells.filter(([r]) => r === 1);
    const last = Math.max(...ledger.cells.map(([r]) => r));
    for (let k = 1; k <= 3000; k++) {
      for (const [, c, cell] of row1)
        ledger.cells.push([
          last + k,
          c,
          c === 0 ? { v: `X${String(k).padStart(6, "0")}` } : { ...cell },
        ]);
    }
    const large = await syncsFor(big);
    // issue 12: reads go in byte-sized row blocks (≤ 4 MB of response each)
    expect(large).toBeGreaterThanOrEqual(small);
    expect(large).toBeLessThanOrEqual(small + 1);
    expect(small).toBeLessThanOrEqual(16);
  });

  test("availability from a first read: the sample allows every summary; a roster alone allows none but 校验结果", async () => {
    install(cloneSeed(sampleSeed));
    const a = await summaryAvailabilityInExcel();
    expect(SUMMARIES.every((s) => a[s.id].available)).toBe(true);
    install({
      sheets: [
        {
          name: "客户经理",
          cells: [
            [0, 0, { v: "员工号" }],
            [0, 1, { v: "姓名" }],
            [1, 0, { v: "E1" }],
            [1, 1, { v: "张" }],
          ],
        },
      ],
    });
    const b = await summaryAvailabilityInExcel();
    expect(SUMMARIES.filter((s) => b[s.id].available).map((s) => s.name)).toEqual(["校验结果"]);
    expect(b.warnings.reasonZh).toContain("缺少“风险预警”表");
  });

  test("selectedRowKey: the header is found by 员工号; rows above it and rows without an id give none", () => {
    const top = [["标题"], ["员工号", "贷款编号", "顺序"]];
    expect(selectedRowKey("退休买断 (2)", "buyout", top, 5, ["E1", "L9", 1])).toEqual({
      sheet: "退休买断 (2)",
      summary: "buyout",
      key: "E1|L9",
      employeeId: "E1",
      loanId: "L9",
      row: 5,
    });
    expect(selectedRowKey("退休买断", "buyout", top, 2, ["员工号", "贷款编号"])).toBeNull();
    expect(selectedRowKey("退休买断", "buyout", top, 9, [null, null])).toBeNull();
    expect(selectedRowKey("等级汇总", "grades", [["x"]], 9, ["E1"])).toBeNull();
  });
});

describe("(issue 19) 考核通知单 through Office.js", () => {
  test("a page break above each CM but the first, at the rows the .xlsx writer breaks at; same cells as the CLI", async () => {
    const host = install(cloneSeed(sampleSeed));
    const g = await generateSummaries(["考核通知单"], undefined, NOW);
    expect(g.sheetNames).toEqual(["考核通知单"]);
    expect(host.unsupported).toEqual([]);
    const m = g.models[0];
    const pane = host.exportWorkbook().find((s) => s.name === "考核通知单")!;
    expect(m.pageBreaks!.length).toBeGreaterThan(10);
    expect(pane.pageBreaks).toEqual(pageBreakRows(m));
    const out = path.join(dir, "statements.xlsx");
    await summarizeWorkbook(SAMPLE, out, { now: NOW, only: ["考核通知单"] });
    const cli = exportFromWorkbook(await readXlsx(out));
    expect(
      compareWorkbooks(host.exportWorkbook(), cli, { sheets: ["考核通知单"], formats: false })
    ).toEqual([]);
  });
});

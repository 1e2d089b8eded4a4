/**
 * 核对汇总 on the fake Excel host (issue 19 item 4): the summaries the pane wrote agree with the
 * ones remade from the workbook (Office.js reading back what the Office.js writer wrote); a user's
 * edit of a summary cell is named; an edit of an input cell shows as 数据指纹不同.
 */
import * as path from "path";
import { generateSummaries } from "../../src/excel/summaries";
import { verifySummariesInExcel } from "../../src/excel/verify";
import { SUMMARIES } from "../../src/summary/common";
import type { FakeHostApi, HostSeed } from "../browser/host/fakeExcel";
import { installFakeHost } from "../browser/host/fakeExcel";
import { seedFromXlsx } from "../browser/workbook";

const SAMPLE = path.resolve(__dirname, "../../examples/sample.xlsx");
const NOW = new Date(2026, 0, 5, 9, 30);

type Globals = Record<"Excel" | "Office" | "OfficeExtension", unknown>;
const saved: Partial<Globals> = {};
let host: FakeHostApi;

beforeAll(async () => {
  const g = globalThis as unknown as Partial<Globals>;
  Object.assign(saved, { Excel: g.Excel, Office: g.Office, OfficeExtension: g.OfficeExtension });
  const seed: HostSeed = await seedFromXlsx(SAMPLE);
  const win: Record<string, unknown> = {};
  host = installFakeHost(win, seed);
  Object.assign(globalThis, {
    Excel: win.Excel,
    Office: win.Office,
    OfficeExtension: win.OfficeExtension,
  });
  await generateSummaries(undefined, undefined, NOW);
}, 120000);

afterAll(() => {
  Object.assign(globalThis, saved);
});

describe("verifySummariesInExcel", () => {
  test("what the pane wrote agrees, every summary sheet checked", async () => {
    const r = await verifySummariesInExcel();
    expect(r.differences).toEqual([]);
    expect(r.sheets.map((s) => s.sheet)).toEqual(
      SUMMARIES.filter((s) => !s.optIn).map((s) => s.name)
    );
    for (const s of r.sheets) expect(s.cells).toBeGreaterThan(0);
  }, 120000);

  test("a summary cell typed over by the user is named, expected vs found", async () => {
    host.userEdit("末位名单", "B3", [["某某"]]);
    const r = await verifySummariesInExcel();
    expect(r.differences).toHaveLength(1);
    expect(r.differences[0]).toMatchObject({ sheet: "末位名单", cell: "B3", found: "某某" });
  }, 120000);

  test("an input cell edited: the input fingerprint differs on every summary", async () => {
    host.userEdit("客户经理", "B2", [["改过的名字"]]);
    const r = await verifySummariesInExcel();
    const findings = r.differences.filter(
      (d) => d.cell === "" && d.message.startsWith("数据指纹不同")
    );
    expect(findings.map((d) => d.sheet)).toEqual(
      SUMMARIES.filter((s) => !s.optIn).map((s) => s.name)
    );
  }, 120000);
});

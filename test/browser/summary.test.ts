/**
 * 汇总 in the browser, on the sample workbook in the fake Excel host: the pane offers the
 * summaries the data allows, generates them into new sheets, and the resulting workbook
 * equals the CLI's `summarize` output on the same file, cell by cell (values, formulas, number
 * formats, bold, frozen rows; the "made at" time of the title lines masked). The report's links
 * open the sheets; selecting a row of 等级汇总 shows its explanation in the pane.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { ExportSheet } from "./host/fakeExcel";
import { runCli } from "./support/cli";
import { axeViolations, openPane, Pane } from "./support/harness";
import {
  describeBrowser,
  SAMPLE_XLSX,
  sampleWorkbookSeed,
  saveScreenshot,
  useSuite,
} from "./support/suite";
import { compareWorkbooks, exportFromWorkbook, maskMadeAt, readXlsx } from "./workbook";

describeBrowser("汇总 page in the browser", () => {
  const suite = useSuite();
  let pane: Pane;
  let cliBook: ExportSheet[];
  let inputSheets: string[];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cm-browser-summary-"));

  beforeAll(async () => {
    const out = path.join(tmp, "cli-out.xlsx");
    const r = await runCli(["summarize", SAMPLE_XLSX, "-o", out]);
    if (r.code === 2) throw new Error(`cm-addin summarize failed: ${r.err.join("\n")}`);
    cliBook = exportFromWorkbook(await readXlsx(out));
    const seed = await sampleWorkbookSeed();
    inputSheets = seed.sheets.map((s) => s.name);
    pane = await openPane(suite(), seed);
    await pane.page.getByRole("tab", { name: "汇总", exact: true }).click();
  }, 120_000);
  afterAll(async () => {
    await pane?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test("the summaries the data allows are offered and chosen", async () => {
    const boxes = pane.page.getByRole("group", { name: "选择汇总表" }).getByRole("checkbox");
    await pane.page.waitForFunction(
      () => document.querySelectorAll('main fieldset input[type="checkbox"]:checked').length > 0,
      undefined,
      { timeout: 60_000 }
    );
    const cliSummaries = cliBook.map((s) => s.name).filter((n) => !inputSheets.includes(n));
    const checked = await boxes.evaluateAll((els) =>
      els
        .filter((e) => (e as HTMLInputElement).checked)
        .map((e) => e.closest("div")?.textContent ?? "")
    );
    for (const name of cliSummaries)
      expect(checked.some((label) => label.startsWith(name))).toBe(true);
  });

  let paneBook: ExportSheet[];

  test("生成 writes the summaries to new sheets — the same workbook as `cm-addin summarize`, cell by cell", async () => {
    await pane.page.getByRole("button", { name: "生成", exact: true }).click();
    await pane.page.getByText(/已生成 \d+ 张汇总表/).waitFor({ timeout: 120_000 });
    await saveScreenshot(pane.page, "summary-report");
    paneBook = await pane.exportWorkbook();
    const paneNames = paneBook.map((s) => s.name);
    const cliNames = cliBook.map((s) => s.name);
    expect(paneNames).toEqual(cliNames);
    // values, formulas, bold and frozen rows
    expect(compareWorkbooks(paneBook, cliBook, { mask: maskMadeAt, formats: false })).toEqual([]);
    expect(pane.pageErrors).toEqual([]);
    await expect(pane.hostErrors()).resolves.toEqual([]);
    await expect(pane.unsupported()).resolves.toEqual([]);
    // no request to Excel exceeded the 5 MB limit of Excel on the web
    await expect(
      pane.page.evaluate(() => (window as any).__fakeHost.maxRequestBytes)
    ).resolves.toBeLessThan(5 * 1024 * 1024);
  });

  test("…and the same number format in every non-blank cell (what Excel displays)", () => {
    expect(compareWorkbooks(paneBook, cliBook, { mask: maskMadeAt })).toEqual([]);
  });

  test("the report's link opens a new sheet", async () => {
    const before = await pane.page.evaluate(
      () => (window as any).__fakeHost.selectionHistory.length
    );
    await pane.page.getByRole("button", { name: /打开“等级汇总”/ }).click();
    // 生成 already left 等级汇总 active, so wait for the link's own selection, not for the active sheet
    await pane.page.waitForFunction(
      (n) => (window as any).__fakeHost.selectionHistory.length > n,
      before
    );
    await expect(pane.page.evaluate(() => (window as any).__fakeHost.activeSheet())).resolves.toBe(
      "等级汇总"
    );
    await expect(pane.selection()).resolves.toEqual({ sheet: "等级汇总", address: "A1" });
  });

  test("selecting a row of 等级汇总 in Excel shows that CM's explanation in the pane", async () => {
    const roster = (await pane.exportWorkbook()).find((s) => s.name === "等级汇总")!;
    const headerRow = Object.entries(roster.cells)
      .find(([, c]) => c.v === "员工号")![0]
      .replace(/^[A-Z]+/, "");
    const dataRow = Number(headerRow) + 1;
    const id = String(roster.cells[`A${dataRow}`].v);
    await pane.page.evaluate(
      ([r]) => (window as any).__fakeHost.userSelect("等级汇总", `C${r}`),
      [dataRow]
    );
    await pane.page
      .locator("main")
      .getByText(new RegExp(`${id}`))
      .first()
      .waitFor({ timeout: 30_000 });
    const text = await pane.page.locator("main").innerText();
    expect(text).toMatch(/第十条/);
    await saveScreenshot(pane.page, "summary-explain");
    await expect(axeViolations(pane.page)).resolves.toEqual([]);
    expect(pane.foreignRequests).toEqual([]);
  });

  test("(issue 19) 核对汇总: the summaries as written agree; a cell of 等级汇总 edited by hand is found, one click goes to it", async () => {
    const verify = pane.page
      .getByRole("region", { name: "核对汇总" })
      .getByRole("button", { name: "核对汇总" });
    await verify.click();
    await pane.page.getByText(/张汇总表全部一致/).waitFor({ timeout: 120_000 });
    const roster = (await pane.exportWorkbook()).find((s) => s.name === "等级汇总")!;
    const headerRow = Number(
      Object.entries(roster.cells)
        .find(([, c]) => c.v === "员工号")![0]
        .replace(/^[A-Z]+/, "")
    );
    const total = String.fromCharCode(65 + 7); // 总分 is the 8th column (H)
    await pane.page.evaluate(
      ([a]) => (window as any).__fakeHost.userEdit("等级汇总", a, [[99.99]]),
      [`${total}${headerRow + 1}`]
    );
    await verify.click();
    await pane.page.getByText(/共 \d+ 处不同（等级汇总/).waitFor({ timeout: 120_000 });
    await saveScreenshot(pane.page, "summary-verify");
    await pane.page
      .getByRole("list", { name: "不同之处" })
      .getByRole("button", { name: new RegExp(`^等级汇总!${total}${headerRow + 1}\\s`) })
      .click();
    // the click's Excel.run selects the cell asynchronously (as the report's link above)
    await pane.page.waitForFunction(
      (a) => (window as any).__fakeHost.selection?.address === a,
      `${total}${headerRow + 1}`
    );
    await expect(pane.selection()).resolves.toEqual({
      sheet: "等级汇总",
      address: `${total}${headerRow + 1}`,
    });
  });
});

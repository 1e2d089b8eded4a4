/**
 * 校验 in the browser, on the sample workbook (examples/sample.xlsx) in the fake Excel host:
 * one click validates; the counts and every listed issue are those of `cm-addin validate
 * --json` on the same file; clicking an issue (or Enter on it) selects its cell in the host;
 * highlighting fills the bad cells and a second click restores every previous fill; the export
 * adds a 校验结果 sheet; no value of the workbook ever changes.
 */
import type { ExportSheet } from "./host/fakeExcel";
import { cliIssues, CliIssue } from "./support/cli";
import { axeViolations, openPane, Pane } from "./support/harness";
import {
  describeBrowser,
  SAMPLE_XLSX,
  sampleWorkbookSeed,
  saveScreenshot,
  useSuite,
} from "./support/suite";

const SEVERITY_ZH = { error: "错误", warning: "警告", info: "提示" } as const;

/** The values (and fills) of every cell, by sheet: what validation must never change. */
function contents(book: ExportSheet[], withFill: boolean): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const s of book) {
    out[s.name] = {};
    for (const [a, c] of Object.entries(s.cells))
      out[s.name][a] = withFill ? [c.v, c.f ?? null, c.fill ?? null] : [c.v, c.f ?? null];
  }
  return out;
}

describeBrowser("校验 page in the browser", () => {
  const suite = useSuite();
  let pane: Pane;
  let expected: CliIssue[];
  let before: ExportSheet[];

  beforeAll(async () => {
    expected = await cliIssues(SAMPLE_XLSX);
    pane = await openPane(suite(), await sampleWorkbookSeed());
    before = await pane.exportWorkbook();
  }, 120_000);
  afterAll(async () => {
    await pane?.close();
  });

  /** The issues listed in the pane: sheet!cell from the button title, then "cell rule", then the message. */
  async function listedIssues(): Promise<
    { sheet: string; cell: string; rule: string; message: string }[]
  > {
    return pane.page.$$eval("main li button[title]", (buttons) =>
      buttons.map((b) => {
        const title = b.getAttribute("title") ?? "";
        const where = title.replace(/^选中 /, "");
        const bang = where.lastIndexOf("!");
        const lines = (b as HTMLElement).innerText
          .split("\n")
          .map((s) => s.trim())
          .filter(Boolean);
        const [, rule = ""] = (lines[0] ?? "").split(/\s+/);
        return {
          sheet: where.slice(0, bang),
          cell: where.slice(bang + 1),
          rule,
          message: lines.slice(1).join(" "),
        };
      })
    );
  }

  test("one click validates: the counts and the issues are those of `cm-addin validate --json`", async () => {
    expect(expected.length).toBeGreaterThan(0);
    await pane.page.getByRole("button", { name: "校验整个工作簿" }).click();
    const counts = pane.page.getByRole("status", { name: "问题数" });
    await counts.waitFor({ timeout: 60_000 });
    const text = await counts.innerText();
    // (rev 2) the A13 findings are counted apart as 合规提示, not under 警告
    const data = expected.filter((i) => i.category === "data");
    for (const s of ["error", "warning", "info"] as const) {
      expect(text).toContain(`${SEVERITY_ZH[s]} ${data.filter((i) => i.severity === s).length}`);
    }
    expect(text).toContain(`合规提示 ${expected.length - data.length}`);
    const listed = await listedIssues();
    const key = (i: { sheet: string; cell: string; rule: string; message: string }) =>
      `${i.sheet}!${i.cell} ${i.rule} ${i.message}`;
    // a sheet-wide issue (a sheet, no cell: e.g. SUMMARY.leftOut) is listed at the sheet's A1
    const withCell = expected
      .filter((i) => i.sheet !== "")
      .map((i) => ({ ...i, cell: i.cell || "A1" }));
    expect(listed.map(key).sort()).toEqual(withCell.slice(0, 500).map(key).sort());
    expect(pane.pageErrors).toEqual([]);
    await expect(pane.hostErrors()).resolves.toEqual([]);
    await expect(pane.unsupported()).resolves.toEqual([]);
    await saveScreenshot(pane.page, "validate-results");
  });

  test("clicking an issue selects its cell in Excel; Enter on a focused issue does the same", async () => {
    const firstError = expected.find((i) => i.severity === "error" && i.cell !== "")!;
    await pane.page
      .locator(`main li button[title="选中 ${firstError.sheet}!${firstError.cell}"]`)
      .first()
      .click();
    await pane.page.waitForFunction(
      (want) => JSON.stringify((window as any).__fakeHost.selection) === want,
      JSON.stringify({ sheet: firstError.sheet, address: firstError.cell })
    );
    await expect(pane.page.evaluate(() => (window as any).__fakeHost.activeSheet())).resolves.toBe(
      firstError.sheet
    );

    const other = expected.find(
      (i) => i.cell !== "" && (i.sheet !== firstError.sheet || i.cell !== firstError.cell)
    )!;
    await pane.page
      .locator(`main li button[title="选中 ${other.sheet}!${other.cell}"]`)
      .first()
      .focus();
    await pane.page.keyboard.press("Enter");
    await pane.page.waitForFunction(
      (want) => JSON.stringify((window as any).__fakeHost.selection) === want,
      JSON.stringify({ sheet: other.sheet, address: other.cell })
    );
  });

  test("the results page passes axe-core (no serious or critical violation)", async () => {
    await expect(axeViolations(pane.page)).resolves.toEqual([]);
  });

  test("highlight fills the cells of errors and warnings; the second click restores every previous fill", async () => {
    await pane.page.getByRole("button", { name: "标出问题单元格" }).click();
    await pane.page.getByRole("button", { name: "取消标出" }).waitFor();
    const lit = await pane.exportWorkbook();
    const errorCell = expected.find((i) => i.severity === "error" && i.cell !== "")!;
    expect(lit.find((s) => s.name === errorCell.sheet)!.cells[errorCell.cell]?.fill).toBe(
      "#FFC7CE"
    );
    expect(contents(lit, false)).toEqual(contents(before, false));

    await pane.page.getByRole("button", { name: "取消标出" }).click();
    await pane.page.getByRole("button", { name: "标出问题单元格" }).waitFor();
    expect(contents(await pane.exportWorkbook(), true)).toEqual(contents(before, true));
  });

  test("the export adds a 校验结果 sheet with every issue; no existing sheet changes", async () => {
    await pane.page.getByRole("button", { name: "导出到“校验结果”工作表" }).click();
    await pane.page.getByText(/已导出到新工作表“校验结果/).waitFor();
    const after = await pane.exportWorkbook();
    const sheet = after.find((s) => s.name === "校验结果")!;
    expect(sheet).toBeDefined();
    const texts = Object.values(sheet.cells).map((c) => c.v);
    for (const i of expected.filter((x) => x.cell !== "").slice(0, 50))
      expect(texts).toContain(i.message);
    const old = contents(after, true);
    delete old["校验结果"];
    expect(old).toEqual(contents(before, true));
    await expect(pane.hostErrors()).resolves.toEqual([]);
    expect(pane.foreignRequests).toEqual([]);
  });
});

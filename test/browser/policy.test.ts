/**
 * 政策参数 in the browser: the user edits a parameter (第十条: the minimum total of 一级,
 * 90 → 80), saves it to the 政策参数 sheet (the host records a full recalculation, so every
 * CM.* formula follows), generates the summaries again and sees the grades change — exactly
 * as the CLI computes them from the workbook the pane left behind.
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
import {
  compareWorkbooks,
  exportFromWorkbook,
  maskMadeAt,
  readXlsx,
  writeXlsxFromExport,
} from "./workbook";

/** 员工号 → [总分, 分数等级] of a 等级汇总 sheet. */
function roster(book: ExportSheet[], name = "等级汇总"): Map<string, [number, string]> {
  const s = book.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  const rows = new Map<number, Record<string, unknown>>();
  const header: Record<string, string> = {};
  let headerRow = -1;
  for (const [addr, c] of Object.entries(s.cells)) {
    const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
    if (c.v === "员工号") headerRow = Number(m[2]);
    (rows.get(Number(m[2])) ?? rows.set(Number(m[2]), {}).get(Number(m[2]))!)[m[1]] = c.v;
  }
  for (const [col, v] of Object.entries(rows.get(headerRow) ?? {})) header[String(v)] = col;
  const out = new Map<string, [number, string]>();
  for (const [r, cells] of rows) {
    if (r <= headerRow) continue;
    const id = cells[header["员工号"]];
    const total = cells[header["总分"]];
    if (typeof id === "string" && typeof total === "number")
      out.set(id, [total, String(cells[header["分数等级"]])]);
  }
  return out;
}

describeBrowser("政策参数 page in the browser", () => {
  const suite = useSuite();
  let pane: Pane;
  let baseline: Map<string, [number, string]>;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cm-browser-policy-"));

  beforeAll(async () => {
    const out = path.join(tmp, "baseline.xlsx");
    const r = await runCli(["summarize", SAMPLE_XLSX, "-o", out, "--only", "等级汇总"]);
    if (r.code === 2) throw new Error(r.err.join("\n"));
    baseline = roster(exportFromWorkbook(await readXlsx(out)));
    pane = await openPane(suite(), await sampleWorkbookSeed());
  }, 120_000);
  afterAll(async () => {
    await pane?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test("edit 一级最低总分, save: the 政策参数 sheet holds it and Excel recalculates", async () => {
    const page = pane.page;
    await page.getByRole("tab", { name: "政策参数", exact: true }).click();
    await page.getByRole("heading", { name: "政策参数", exact: true }).waitFor({ timeout: 30_000 });
    // the workbook's own policy (2025, from its 政策参数 sheet) is the one shown
    const year = page.getByRole("combobox", { name: "年度" });
    await page.waitForFunction(
      (el) => (el as HTMLSelectElement).value === "2025",
      await year.elementHandle(),
      { timeout: 30_000 }
    );
    await page.getByRole("searchbox", { name: "搜索参数" }).fill("一级最低总分");
    const field = page.getByRole("textbox", { name: "一级最低总分" });
    await field.waitFor();
    await expect(field.inputValue()).resolves.toBe("90");
    await field.fill("80");
    await page.getByText("1 个参数已修改，尚未保存").waitFor();
    await page.getByRole("button", { name: "保存到工作表" }).click();
    await page.getByText(/已写入“政策参数”工作表/).waitFor({ timeout: 30_000 });
    const book = await pane.exportWorkbook();
    const sheet = book.find((s) => s.name === "政策参数")!;
    const keyCell = Object.entries(sheet.cells).find(([, c]) => c.v === "A.一级.最低分");
    expect(keyCell).toBeDefined();
    const row = keyCell![0].replace(/^[A-Z]+/, "");
    expect(
      Object.entries(sheet.cells).some(
        ([a, c]) => a.endsWith(row) && a !== keyCell![0] && c.v === 80
      )
    ).toBe(true);
    await expect(page.evaluate(() => (window as any).__fakeHost.calculations)).resolves.toContain(
      "calculate:Full"
    );
    await saveScreenshot(page, "policy-edited");
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  test("a hand edit of the 政策参数 sheet in Excel is picked up by the page", async () => {
    const page = pane.page;
    const book = await pane.exportWorkbook();
    const sheet = book.find((s) => s.name === "政策参数")!;
    const keyCell = Object.entries(sheet.cells).find(([, c]) => c.v === "A.一级.最低分")![0];
    const row = keyCell.replace(/^[A-Z]+/, "");
    const valueCell = Object.entries(sheet.cells).find(
      ([a, c]) => a.endsWith(row) && a !== keyCell && c.v === 80
    )![0];
    const field = await page.getByRole("textbox", { name: "一级最低总分" }).elementHandle();
    const shows = (v: string) =>
      page.waitForFunction(
        ([el, want]) => (el as HTMLInputElement).value === want,
        [field, v] as const,
        { timeout: 30_000 }
      );
    await page.evaluate(
      ([cell]) => (window as any).__fakeHost.userEdit("政策参数", cell, [[85]]),
      [valueCell]
    );
    await shows("85");
    // back to 80 for the next scenario, the same way
    await page.evaluate(
      ([cell]) => (window as any).__fakeHost.userEdit("政策参数", cell, [[80]]),
      [valueCell]
    );
    await shows("80");
  });

  test("the summaries generated again follow the new policy — and match the CLI on the saved workbook", async () => {
    const page = pane.page;
    await page.getByRole("tab", { name: "汇总", exact: true }).click();
    await page.waitForFunction(
      () => document.querySelectorAll('main fieldset input[type="checkbox"]:checked').length > 0,
      undefined,
      { timeout: 60_000 }
    );
    await page.getByRole("button", { name: "生成", exact: true }).click();
    await page.getByText(/已生成 \d+ 张汇总表/).waitFor({ timeout: 120_000 });
    const book = await pane.exportWorkbook();
    const after = roster(book);
    let changed = 0;
    for (const [id, [total, grade]] of after) {
      const [, before] = baseline.get(id)!;
      const lifted = Math.round(total * 100) / 100 >= 80 && Math.round(total * 100) / 100 < 90;
      if (lifted && before === "二级") {
        expect([id, grade]).toEqual([id, "一级"]);
        changed++;
      } else expect([id, grade]).toEqual([id, before]);
    }
    expect(changed).toBeGreaterThan(0);

    // the CLI on the workbook as the pane left it (its input sheets, the saved 政策参数)
    const inputs = book.filter((s) =>
      ["客户经理", "贷款台账", "公司客户", "差错记录", "风险预警", "政策参数"].includes(s.name)
    );
    const file = path.join(tmp, "saved.xlsx");
    await writeXlsxFromExport(inputs, file);
    const out = path.join(tmp, "saved-out.xlsx");
    const r = await runCli(["summarize", file, "-o", out, "--only", "等级汇总"]);
    expect(r.code).not.toBe(2);
    const cli = exportFromWorkbook(await readXlsx(out));
    expect(
      compareWorkbooks(book, cli, { sheets: ["等级汇总"], mask: maskMadeAt, formats: false })
    ).toEqual([]);
    expect(pane.pageErrors).toEqual([]);
    await expect(pane.unsupported()).resolves.toEqual([]);
    expect(pane.foreignRequests).toEqual([]);
  });
});

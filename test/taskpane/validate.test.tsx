/**
 * @jest-environment jsdom
 */
/**
 * The 校验 page over a fake Excel side holding the validation workbook: progress, counts,
 * issues grouped by sheet and severity, select a cell, filter, export, highlight toggle,
 * insert template, language.
 */
import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { LangProvider } from "../../src/taskpane/i18n";
import { OfficeHostProvider } from "../../src/taskpane/host";
import {
  filterIssues,
  groupIssues,
  ValidatePage,
  ValidatePaneApi,
} from "../../src/taskpane/pages/ValidatePage";
import type { WorkbookGrid } from "../../src/core/grid";
import type { SheetModel } from "../../src/summary/model";
import type { Issue } from "../../src/core/issues";
import { buildValidationWorkbook, officeSheets } from "../fixtures/validation/build";
import { EXPECTED_CHECK, EXPECTED_ISSUES } from "../fixtures/validation/expected";

function fixtureGrid(): WorkbookGrid {
  return {
    sheets: officeSheets(buildValidationWorkbook()).map((s) => ({
      name: s.name,
      values: s.values,
      rowOffset: s.rowOffset ?? 0,
      colOffset: s.colOffset ?? 0,
    })),
  };
}

function fakeApi(grid: WorkbookGrid) {
  let highlighted = false;
  let release: (() => void) | null = null;
  const api = {
    gate: false,
    readGrid: jest.fn(
      () =>
        new Promise<WorkbookGrid>((resolve) => {
          if (api.gate) release = () => resolve(grid);
          else resolve(grid);
        })
    ),
    selectCell: jest.fn(async () => undefined),
    highlight: jest.fn(async (targets: readonly { severity: string }[]) => {
      highlighted = true;
      return targets.filter((x) => x.severity !== "info").length;
    }),
    clearHighlight: jest.fn(async () => {
      highlighted = false;
      return 3;
    }),
    isHighlighted: () => highlighted,
    writeSheets: jest.fn(async (models: SheetModel[]) => models.map((m) => `${m.name} (2)`)),
    release: () => release?.(),
  };
  return api;
}

function renderPage(api: ValidatePaneApi, lang: "zh" | "en" = "zh") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <LangProvider initial={lang}>
        <OfficeHostProvider host="Excel">
          <ValidatePage api={api} />
        </OfficeHostProvider>
      </LangProvider>
    </FluentProvider>
  );
}

/** A button by its exact text (getByRole's name computation is slow over long lists in jsdom). */
function button(label: string): HTMLButtonElement {
  const b = screen.getByText(label, { selector: "button, button *" }).closest("button");
  if (!b) throw new Error(`no button ${label}`);
  return b;
}

/** The issue button whose title is `title`. */
function issueButton(title: string): HTMLButtonElement {
  const b = document.querySelector<HTMLButtonElement>(`button[title="${title}"]`);
  if (!b) throw new Error(`no issue button ${title}`);
  return b;
}

async function flush() {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

async function validated(api: ReturnType<typeof fakeApi>, lang: "zh" | "en" = "zh") {
  renderPage(api, lang);
  fireEvent.click(button(lang === "zh" ? "校验整个工作簿" : "Validate the whole workbook"));
  await flush();
}

/** The issue buttons on screen, as "sheet!cell rule". */
function listed(): string[] {
  return Array.from(document.querySelectorAll('button[title^="选中 "]')).map((b) =>
    b.getAttribute("title")!.replace("选中 ", "")
  );
}

test("progress live while reading: rows read of all after each read, then the check (through src/excel/compute.ts)", async () => {
  const api = fakeApi(fixtureGrid());
  let step: ((done: number) => void) | null = null;
  let finish: (() => void) | null = null;
  api.readGrid.mockImplementationOnce(
    ((onProgress?: (done: number, total: number) => void) =>
      new Promise<WorkbookGrid>((resolve) => {
        step = (done) => onProgress?.(done, 30_000);
        finish = () => resolve(fixtureGrid());
      })) as never
  );
  renderPage(api);
  fireEvent.click(button("校验整个工作簿"));
  expect(screen.getByText("正在读取并校验工作簿…")).toBeTruthy();
  act(() => step!(12_000));
  expect(screen.getByText("正在读取工作簿…（12000/30000 行）")).toBeTruthy();
  act(() => step!(30_000));
  expect(screen.getByText("正在读取工作簿…（30000/30000 行）")).toBeTruthy();
  await act(async () => finish!());
  await flush();
  expect(screen.queryByText(/正在读取/)).toBeNull();
  expect(within(screen.getByRole("status", { name: "问题数" })).getByText("错误 30")).toBeTruthy();
});

test("one click: a progress indicator while reading, then counts and every issue grouped by sheet and severity", async () => {
  const api = fakeApi(fixtureGrid());
  api.gate = true;
  renderPage(api);
  fireEvent.click(button("校验整个工作簿"));
  expect(screen.getByText("正在读取并校验工作簿…")).toBeTruthy();
  await act(async () => {
    api.release();
  });
  await flush();
  expect(screen.queryByText("正在读取并校验工作簿…")).toBeNull();
  const counts = screen.getByRole("status", { name: "问题数" });
  // rev 2: the four A13 findings (two were 错误, two 警告) are counted apart as 合规提示
  expect(within(counts).getByText("错误 30")).toBeTruthy();
  // (rev 2, issue 15) + PLAUSIBLE.unit, PLAUSIBLE.scale and two POLICY.unset; + 4 BLANK.zero, 3 COLUMN.optional and 8 SUMMARY.leftOut
  expect(within(counts).getByText("警告 16")).toBeTruthy();
  expect(within(counts).getByText("合规提示 4")).toBeTruthy();
  expect(within(counts).getByText("提示 20")).toBeTruthy();
  // the tables read, with the rows left out
  // (rev 2) rows with a bad cell are read (1003, 1007, 1008); repeated ids and the blank name are not
  expect(
    screen.getByText(
      "客户经理：工作表“人员名单”，读取 6 行，其中 3 行有无法读取的单元格（需要该列的汇总不计入）；3 行未读取（必填项有误或编号重复）"
    )
  ).toBeTruthy();
  // grouped: a section per sheet, severities inside
  const managers = screen.getByRole("region", { name: "人员名单" });
  expect(within(managers).getByRole("heading", { name: "错误（11）" })).toBeTruthy();
  expect(within(managers).getByRole("heading", { name: "警告（5）" })).toBeTruthy();
  expect(within(managers).getByRole("heading", { name: "提示（15）" })).toBeTruthy();
  // every issue of a sheet is listed once (one without a cell goes to A1) (errors, then warnings, then notices per sheet)
  // (rev 2) with the notices summarize would give (EXPECTED_CHECK); the ready line (no sheet) is the 结论 below the list
  const withSheet = EXPECTED_CHECK.filter(([sheet]) => sheet !== "").map(
    ([s, c]) => `${s}!${c || "A1"}`
  );
  expect([...listed()].sort()).toEqual([...withSheet].sort());
});

test("rev 2: the A13 findings are listed as their own group 合规提示 with their count, not under the sheet's 错误/警告", async () => {
  const api = fakeApi(fixtureGrid());
  await validated(api);
  const group = screen.getByRole("region", { name: "合规提示" });
  expect(within(group).getByRole("heading", { name: "合规提示（4）" })).toBeTruthy();
  expect(within(group).getByText(/不是数据错误/)).toBeTruthy();
  const inGroup = Array.from(group.querySelectorAll('button[title^="选中 "]')).map((b) =>
    b.getAttribute("title")!.replace("选中 ", "")
  );
  expect(inGroup).toEqual(["贷款台账!G4", "贷款台账!O9", "贷款台账!N10", "贷款台账!J11"]);
  const loans = screen.getByRole("region", { name: "贷款台账" });
  expect(within(loans).queryByText(/A13\./)).toBeNull();
});

test("an issue selects its cell, by click, and is a focusable button (Enter/Space activate it)", async () => {
  const api = fakeApi(fixtureGrid());
  await validated(api);
  const entry = issueButton("选中 人员名单!E6");
  expect(entry.tagName).toBe("BUTTON");
  expect((entry as HTMLButtonElement).disabled).toBe(false);
  entry.focus();
  expect(document.activeElement).toBe(entry);
  expect(entry.textContent).toContain("ENUM.性别");
  expect(entry.textContent).toContain("“性别”：“未知”不是允许的值（男/女）");
  fireEvent.click(entry);
  expect(api.selectCell).toHaveBeenCalledWith("人员名单", "E6");
  // a sheet-wide issue goes to the sheet's A1
  fireEvent.click(issueButton("选中 政策参数!A1"));
  expect(api.selectCell).toHaveBeenLastCalledWith("政策参数", "");
});

test("filter by severity and by text", async () => {
  const api = fakeApi(fixtureGrid());
  await validated(api);
  fireEvent.click(screen.getByRole("checkbox", { name: "提示（20）" }));
  fireEvent.click(screen.getByRole("checkbox", { name: "警告（16）" }));
  // 30 errors, and the 4 compliance findings (their own check box)
  expect(listed()).toHaveLength(34);
  fireEvent.click(screen.getByRole("checkbox", { name: "合规提示（4）" }));
  expect(listed()).toHaveLength(30);
  fireEvent.change(screen.getByRole("searchbox"), { target: { value: "l005" } });
  expect(listed()).toEqual(["贷款台账!C7", "贷款台账!C8"]);
  fireEvent.change(screen.getByRole("searchbox"), { target: { value: "没有这种问题" } });
  expect(screen.getByText("没有符合筛选条件的问题。")).toBeTruthy();
});

test("export writes the 校验结果 sheet with every issue", async () => {
  const api = fakeApi(fixtureGrid());
  await validated(api);
  fireEvent.click(button("导出到“校验结果”工作表"));
  await flush();
  const [models] = api.writeSheets.mock.calls[0];
  expect(models).toHaveLength(1);
  expect(models[0].name).toBe("校验结果");
  // every issue and notice listed (EXPECTED_CHECK but the ready line, which is the sheet's 结论)
  expect(models[0].rows).toHaveLength(EXPECTED_CHECK.length - 1);
  expect(
    models[0].rows[
      EXPECTED_ISSUES.findIndex(([sheet, cell]) => sheet === "人员名单" && cell === "E6")
    ]
  ).toEqual([
    "人员名单",
    "E6",
    "错误",
    "ENUM.性别",
    "“性别”：“未知”不是允许的值（男/女）",
    "数据问题",
  ]);
  expect(models[0].columns.map((c: { header: string }) => c.header)).toEqual([
    "工作表",
    "单元格",
    "严重程度",
    "规则",
    "说明",
    "类别",
  ]);
  // rev 2: the compliance findings come last, as their own group
  expect(models[0].rows.slice(-4).map((r: unknown[]) => [r[3], r[5]])).toEqual([
    ["A13.第二十七条", "合规提示"],
    ["A13.第二十四条", "合规提示"],
    ["A13.第二十六条", "合规提示"],
    ["A13.第三十一条", "合规提示"],
  ]);
  expect(screen.getByText("已导出到新工作表“校验结果 (2)”")).toBeTruthy();
});

test("highlight, then a second click removes it", async () => {
  const api = fakeApi(fixtureGrid());
  await validated(api);
  const btn = button("标出问题单元格");
  fireEvent.click(btn);
  await flush();
  expect(api.highlight).toHaveBeenCalledTimes(1);
  expect(api.highlight.mock.calls[0][0]).toHaveLength(EXPECTED_CHECK.length - 1);
  // 30 errors, 16 warnings, 4 compliance findings (the fake counts what is not a notice)
  expect(screen.getByText("已标出 50 个有错误或警告的单元格")).toBeTruthy();
  const off = button("取消标出");
  expect(off.getAttribute("aria-pressed")).toBe("true");
  fireEvent.click(off);
  await flush();
  expect(api.clearHighlight).toHaveBeenCalledTimes(1);
  expect(button("标出问题单元格")).toBeTruthy();
});

test("insert template adds only the sheets the workbook lacks", async () => {
  const grid: WorkbookGrid = {
    sheets: [
      {
        name: "客户经理",
        rowOffset: 0,
        colOffset: 0,
        values: [
          ["员工号", "姓名"],
          ["1001", "甲"],
        ],
      },
    ],
  };
  const api = fakeApi(grid);
  renderPage(api);
  fireEvent.click(button("插入模板"));
  await flush();
  const [models] = api.writeSheets.mock.calls[0];
  // (rev 2) the template's 填写说明 comes first with the sheets it describes
  expect(models.map((m: SheetModel) => m.name)).toEqual([
    "填写说明",
    "贷款台账",
    "公司客户",
    "差错记录",
    "风险预警",
    "政策参数",
  ]);
  expect(screen.getByText(/已插入模板工作表：.*贷款台账 \(2\)/)).toBeTruthy();

  const full = fakeApi(fixtureGrid());
  renderPage(full);
  fireEvent.click(screen.getAllByRole("button", { name: "插入模板" })[1]);
  await flush();
  expect(full.writeSheets).not.toHaveBeenCalled();
  expect(screen.getByText("工作簿已包含全部输入表和政策参数表，未插入新工作表")).toBeTruthy();
});

test("a failure is shown, not swallowed", async () => {
  const api = fakeApi(fixtureGrid());
  api.readGrid.mockImplementationOnce(() => Promise.reject(new Error("工作簿正在编辑单元格")));
  renderPage(api);
  fireEvent.click(button("校验整个工作簿"));
  await flush();
  expect(screen.getByText("工作簿正在编辑单元格")).toBeTruthy();
});

test("English", async () => {
  const api = fakeApi(fixtureGrid());
  await validated(api, "en");
  expect(screen.getByText("Errors 30")).toBeTruthy();
  expect(screen.getByText("Compliance findings 4")).toBeTruthy();
  expect(screen.getByRole("heading", { name: 'Sheet "人员名单"' })).toBeTruthy();
  expect(screen.getByText('性别: "未知" is not one of 男/女')).toBeTruthy();
});

test("outside Excel the buttons are disabled", () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <LangProvider initial="zh">
        <OfficeHostProvider host={null}>
          <ValidatePage />
        </OfficeHostProvider>
      </LangProvider>
    </FluentProvider>
  );
  expect((button("校验整个工作簿") as HTMLButtonElement).disabled).toBe(true);
  expect(screen.getByText("需要在 Excel 中打开本任务窗格才能校验。")).toBeTruthy();
});

describe("pure helpers", () => {
  const issues: Issue[] = [
    { sheet: "B", cell: "A2", severity: "warning", rule: "REF.x", message: "引用" },
    {
      sheet: "",
      cell: "",
      severity: "info",
      rule: "TABLE.missing",
      message: "未找到",
      messageEn: "not found",
    },
    { sheet: "B", cell: "A3", severity: "error", rule: "TYPE.int", message: "整数" },
  ];
  test("groupIssues keeps the list order of sheets and orders severities", () => {
    expect(groupIssues(issues).map((g) => [g.sheet, g.bySeverity.map((s) => s.severity)])).toEqual([
      ["B", ["error", "warning"]],
      ["", ["info"]],
    ]);
  });
  test("filterIssues matches either language, case-insensitively", () => {
    expect(
      filterIssues(issues, new Set(["error", "warning", "info"]), "NOT FOUND").map((i) => i.rule)
    ).toEqual(["TABLE.missing"]);
    expect(filterIssues(issues, new Set(["error"]), "").map((i) => i.rule)).toEqual(["TYPE.int"]);
  });
});

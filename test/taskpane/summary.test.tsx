/**
 * @jest-environment jsdom
 */
/**
 * The 汇总 page with a fake Excel side: check boxes for the summaries the data allows (others
 * disabled with the reason), generation with a progress bar, the report with links that
 * activate the new sheets, and the explanation of a selected row in both languages.
 */
import * as React from "react";
import { act, configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ExplainStep } from "../../src/core/explain";
import { step } from "../../src/core/explain";
import type {
  GeneratedSummaries,
  SelectedSummaryRow,
  SummaryPaneApi,
  SummaryProgress,
} from "../../src/excel/summaries";
import { renderStep } from "../../src/rules/explain";
import type { Availability } from "../../src/summary/availability";
import type { SummaryId } from "../../src/summary/common";
import { SUMMARIES } from "../../src/summary/common";
import { LangProvider } from "../../src/taskpane/i18n";
import type { Lang } from "../../src/taskpane/i18n";
import { OfficeHostProvider } from "../../src/taskpane/host";
import { SummaryPage } from "../../src/taskpane/pages/SummaryPage";

// role queries over Fluent's DOM are slow in jsdom on a busy machine
configure({ asyncUtilTimeout: 15000 });

const STEPS: ExplainStep[] = [
  step("calc", "A", "第十条", "A_SCORE_GRADE", { score: "91.50", grade: "一级" }),
  step("cap", "A", "第十二条", "A_CAP_SERIOUS", {
    cap: "二级",
    count: 1,
    from: "一级",
    effect: true,
  }),
];
const OTHER_STEPS: ExplainStep[] = [
  step("calc", "A", "第十条", "A_SCORE_GRADE", { score: "70.00", grade: "三级" }),
];

function availability(): Record<SummaryId, Availability> {
  const out = {} as Record<SummaryId, Availability>;
  for (const s of SUMMARIES) {
    out[s.id] = {
      id: s.id,
      available: true,
      reasonZh: "",
      reasonEn: "",
      missing: [],
      absentOptional: [],
    };
  }
  out.corporate = {
    id: "corporate",
    available: false,
    reasonZh: "缺少“公司客户”表（表头至少应含 客户名称、客户经理）",
    reasonEn: "no 公司客户 (corporate customers) table",
    missing: [{ table: "customers", sheet: "公司客户", column: null }],
    absentOptional: [],
  };
  return out;
}

function generated(): GeneratedSummaries {
  const model = (name: string, rows: number, totals: number[] = []) => ({
    name,
    title: "t",
    columns: [{ header: "员工号", format: "text" as const }],
    rows: Array.from({ length: rows }, () => ["x"]),
    freezeHeader: true,
    totalRows: totals,
  });
  return {
    policy: {} as GeneratedSummaries["policy"],
    models: [model("等级汇总", 60), model("退休买断", 6, [5]), model("校验结果", 4)],
    ids: ["grades", "buyout", "issues"],
    sheetNames: ["等级汇总 (2)", "退休买断", "校验结果"],
    skipped: [
      {
        id: "warnings",
        name: "预警时效",
        reasonZh: "“风险预警”表缺少列：发现日期",
        reasonEn: "the 风险预警 table lacks the column 发现日期",
      },
    ],
    issues: [
      { sheet: "贷款台账", cell: "K62", severity: "error", rule: "TYPE.amount", message: "x" },
      {
        sheet: "贷款台账",
        cell: "D157",
        severity: "warning",
        rule: "REF.第一责任人",
        message: "y",
      },
    ],
    explanations: { grades: { E01: STEPS } },
    availability: availability(),
  };
}

interface Fake {
  api: SummaryPaneApi;
  generate: jest.Mock;
  activate: jest.Mock;
  explanations: jest.Mock;
  finish: () => void;
  progress: (p: SummaryProgress) => void;
  select: (r: SelectedSummaryRow | null) => void;
  removed: () => number;
}

function fakeApi(
  opts: { availability?: () => Promise<Record<SummaryId, Availability>> } = {}
): Fake {
  let finish: () => void = () => undefined;
  let onProgress: (p: SummaryProgress) => void = () => undefined;
  let onRow: (r: SelectedSummaryRow | null) => void = () => undefined;
  let removed = 0;
  const generate = jest.fn((_only: readonly SummaryId[], cb: (p: SummaryProgress) => void) => {
    onProgress = cb;
    return new Promise<GeneratedSummaries>((resolve) => {
      finish = () => resolve(generated());
    });
  });
  const activate = jest.fn(() => Promise.resolve());
  const explanations = jest.fn(() => Promise.resolve({ grades: { E09: OTHER_STEPS } }));
  const api: SummaryPaneApi = {
    availability: opts.availability ?? (() => Promise.resolve(availability())),
    generate,
    activate,
    watchSelection: (cb) => {
      onRow = cb;
      return Promise.resolve(async () => {
        removed += 1;
      });
    },
    explanations,
  };
  return {
    api,
    generate,
    activate,
    explanations,
    finish: () => finish(),
    progress: (p) => onProgress(p),
    select: (r) => onRow(r),
    removed: () => removed,
  };
}

function page(api: SummaryPaneApi | undefined, lang: Lang = "zh", host: string | null = "Excel") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <LangProvider initial={lang}>
        <OfficeHostProvider host={host}>
          <SummaryPage api={api} />
        </OfficeHostProvider>
      </LangProvider>
    </FluentProvider>
  );
}

function checkbox(name: RegExp): HTMLInputElement {
  return screen.getByLabelText(name) as HTMLInputElement;
}

const row = (key: string): SelectedSummaryRow => ({
  sheet: "等级汇总 (2)",
  summary: "grades",
  key,
  employeeId: key,
  loanId: null,
  row: 3,
});

test("the summaries the data allows are checked; the others are disabled with the missing sheet", async () => {
  const f = fakeApi();
  page(f.api);
  await waitFor(() => expect(checkbox(/^等级汇总/).checked).toBe(true));
  expect(checkbox(/^等级汇总/).disabled).toBe(false);
  expect(checkbox(/^公司客户经理等级/).disabled).toBe(true);
  expect(checkbox(/^公司客户经理等级/).checked).toBe(false);
  expect(
    screen.getByText("不可用：缺少“公司客户”表（表头至少应含 客户名称、客户经理）")
  ).toBeTruthy();
});

test("生成: progress, then a report whose links activate the new sheets", async () => {
  const f = fakeApi();
  page(f.api);
  await waitFor(() => expect(checkbox(/^等级汇总/).checked).toBe(true));
  fireEvent.click(checkbox(/^末位名单/)); // unchecked: not generated
  fireEvent.click(screen.getByRole("button", { name: "生成" }));
  await waitFor(() => expect(f.generate).toHaveBeenCalledTimes(1));
  expect(f.generate.mock.calls[0][0]).toEqual([
    "grades",
    "buyout",
    "exitPay",
    "errors",
    "warnings",
    "annual",
    "overview",
    "issues",
  ]);
  act(() => f.progress({ fraction: 0.5, zh: "正在写入工作表…", en: "Writing the sheets…" }));
  expect(screen.getByRole("progressbar")).toBeTruthy();
  expect(screen.getByText("正在写入工作表…")).toBeTruthy();
  expect((screen.getByRole("button", { name: "生成" }) as HTMLButtonElement).disabled).toBe(true);
  await act(async () => f.finish());
  expect(screen.queryByRole("progressbar")).toBeNull();
  expect(screen.getByText("已生成 3 张汇总表")).toBeTruthy();
  expect(screen.getByText(/数据问题：错误 1，警告 1/)).toBeTruthy();
  expect(screen.getByText("跳过“预警时效”：“风险预警”表缺少列：发现日期")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "打开“等级汇总 (2)”（60 行）" }));
  await waitFor(() => expect(f.activate).toHaveBeenCalledWith("等级汇总 (2)"));
  expect(screen.getByRole("button", { name: "打开“退休买断”（5 行，1 个合计行）" })).toBeTruthy();
});

test("selecting a row shows its explanation (articles, caps) in the current language", async () => {
  const f = fakeApi();
  const view = page(f.api);
  await waitFor(() => expect(checkbox(/^等级汇总/).checked).toBe(true));
  expect(screen.getByText(/选中一行/)).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "生成" }));
  await waitFor(() => expect(f.generate).toHaveBeenCalled());
  await act(async () => f.finish());
  act(() => f.select(row("E01")));
  expect(screen.getByText("等级汇总 (2) 第 3 行：员工号 E01")).toBeTruthy();
  expect(screen.getByText(renderStep(STEPS[0], "zh"))).toBeTruthy();
  expect(screen.getByText(renderStep(STEPS[1], "zh"))).toBeTruthy();
  expect(screen.getByText("封顶")).toBeTruthy();
  expect(f.explanations).not.toHaveBeenCalled();
  view.unmount();
  expect(f.removed()).toBeGreaterThan(0);

  const en = fakeApi();
  page(en.api, "en");
  await waitFor(() => expect(checkbox(/^等级汇总/).checked).toBe(true));
  fireEvent.click(screen.getByRole("button", { name: "Generate" }));
  await waitFor(() => expect(en.generate).toHaveBeenCalled());
  await act(async () => en.finish());
  act(() => en.select(row("E01")));
  expect(screen.getByText(renderStep(STEPS[1], "en"))).toBeTruthy();
  expect(screen.getByText("cap")).toBeTruthy();
});

test("a row this session did not make is explained from the workbook, and says so", async () => {
  const f = fakeApi();
  page(f.api);
  await waitFor(() => expect(checkbox(/^等级汇总/).checked).toBe(true));
  act(() => f.select(row("E09")));
  await waitFor(() => expect(screen.getByText(renderStep(OTHER_STEPS[0], "zh"))).toBeTruthy());
  expect(f.explanations).toHaveBeenCalledTimes(1);
  expect(screen.getByText(/根据工作簿当前数据重新计算/)).toBeTruthy();
  act(() => f.select(row("E77")));
  await waitFor(() => expect(screen.getByText(/未找到该行的说明/)).toBeTruthy());
  expect(f.explanations).toHaveBeenCalledTimes(1);
});

test("(issue 12) steps kept in the worker: the selected row's are asked for (rowSteps), not recomputed", async () => {
  const f = fakeApi();
  const rowSteps = jest.fn((r: SelectedSummaryRow) =>
    Promise.resolve(r.key === "E05" ? OTHER_STEPS : null)
  );
  page({ ...f.api, rowSteps });
  await waitFor(() => expect(checkbox(/^等级汇总/).checked).toBe(true));
  fireEvent.click(screen.getByRole("button", { name: "生成" }));
  await waitFor(() => expect(f.generate).toHaveBeenCalled());
  await act(async () => f.finish());
  // E01 is in the result's explanations: not asked
  act(() => f.select(row("E01")));
  expect(screen.getByText(renderStep(STEPS[0], "zh"))).toBeTruthy();
  expect(rowSteps).not.toHaveBeenCalled();
  // E05 is not: its steps come from the worker, shown as this session's (no "recomputed" note)
  act(() => f.select(row("E05")));
  await waitFor(() => expect(screen.getByText(renderStep(OTHER_STEPS[0], "zh"))).toBeTruthy());
  expect(rowSteps).toHaveBeenCalledTimes(1);
  expect(rowSteps.mock.calls[0][0].key).toBe("E05");
  expect(screen.queryByText(/根据工作簿当前数据重新计算/)).toBeNull();
  expect(f.explanations).not.toHaveBeenCalled();
  // a row the worker has no steps for: recomputed from the workbook, as before
  act(() => f.select(row("E09")));
  await waitFor(() => expect(screen.getByText(/根据工作簿当前数据重新计算/)).toBeTruthy());
  expect(rowSteps).toHaveBeenCalledTimes(2);
  expect(f.explanations).toHaveBeenCalledTimes(1);
});

test("a failing first read is shown; outside Excel nothing is called", async () => {
  const f = fakeApi({ availability: () => Promise.reject(new Error("工作簿无法读取")) });
  page(f.api);
  await waitFor(() => expect(screen.getByText("工作簿无法读取")).toBeTruthy());
  expect((screen.getByRole("button", { name: "生成" }) as HTMLButtonElement).disabled).toBe(true);

  const outside = page(undefined, "zh", null);
  expect(outside.getByText("需要在 Excel 中打开本任务窗格才能生成汇总表。")).toBeTruthy();
  expect(outside.getAllByRole("checkbox").every((c) => (c as HTMLInputElement).disabled)).toBe(
    true
  );
});

test("(issue 19) 考核通知单 and 公示名单: offered unchecked; checked, they are generated with the others", async () => {
  const f = fakeApi();
  page(f.api);
  await waitFor(() => expect(checkbox(/^等级汇总/).checked).toBe(true));
  expect(checkbox(/^考核通知单/).checked).toBe(false);
  expect(checkbox(/^考核通知单/).disabled).toBe(false);
  expect(checkbox(/^公示名单/).checked).toBe(false);
  fireEvent.click(checkbox(/^考核通知单/));
  fireEvent.click(screen.getByRole("button", { name: "生成" }));
  await waitFor(() => expect(f.generate).toHaveBeenCalledTimes(1));
  expect(f.generate.mock.calls[0][0]).toEqual([
    "grades",
    "bottom",
    "buyout",
    "exitPay",
    "errors",
    "warnings",
    "annual",
    "overview",
    "statements",
    "issues",
  ]);
});

/**
 * @jest-environment jsdom
 */
/**
 * (issue 18 item 3) 假设分析 in the pane: select a 等级汇总 row, change a figure, see the new score,
 * grade, coefficient and explanation at once — nothing written to the sheet.
 */
import * as React from "react";
import { act, configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type {
  GeneratedSummaries,
  SelectedSummaryRow,
  SummaryPaneApi,
} from "../../src/excel/summaries";
import { defaultPolicy } from "../../src/policy/defaults";
import type { Policy } from "../../src/policy/types";
import { assessCreditManagers } from "../../src/rules/a/assess";
import { whatIfInputs } from "../../src/rules/a/whatif";
import type { Availability } from "../../src/summary/availability";
import type { SummaryId } from "../../src/summary/common";
import { SUMMARIES } from "../../src/summary/common";
import { LangProvider } from "../../src/taskpane/i18n";
import type { Lang } from "../../src/taskpane/i18n";
import { OfficeHostProvider } from "../../src/taskpane/host";
import { SummaryPage } from "../../src/taskpane/pages/SummaryPage";
import { manager } from "../rules/a/helpers";

configure({ asyncUtilTimeout: 15000 });

// hand-worked (test/rules/a/whatif.test.ts): E1 100 loans, 500,000 元, r = 1 %; peer E2 100 loans,
// 1,000,000 元 → 83.33 二级; income 666,527.79 → 90.00 一级 (the average moving with it)
const E1 = manager({
  id: "E1",
  name: "张一",
  loanCount: 100,
  interestIncome: 500000,
  newNpl: 10000,
  managedLoans: 1000000,
});
const E2 = manager({
  id: "E2",
  loanCount: 100,
  interestIncome: 1000000,
  newNpl: 0,
  managedLoans: 1000000,
});

function availability(): Record<SummaryId, Availability> {
  const out = {} as Record<SummaryId, Availability>;
  for (const s of SUMMARIES)
    out[s.id] = {
      id: s.id,
      available: true,
      reasonZh: "",
      reasonEn: "",
      missing: [],
      absentOptional: [],
    };
  return out;
}

function generated(policy: Policy, managers = [E1, E2]): GeneratedSummaries {
  const roster = assessCreditManagers(managers, policy);
  return {
    policy,
    models: [],
    ids: [],
    sheetNames: [],
    skipped: [],
    issues: [],
    explanations: {
      grades: Object.fromEntries(roster.rows.map((r) => [r.employeeId, r.ok ? r.steps : []])),
    },
    availability: availability(),
    whatIf: whatIfInputs(managers, roster.peers),
  };
}

function setup(policy: Policy = defaultPolicy(2025), lang: Lang = "zh", managers = [E1, E2]) {
  let onRow: (r: SelectedSummaryRow | null) => void = () => undefined;
  const generate = jest.fn(() => Promise.resolve(generated(policy, managers)));
  const activate = jest.fn(() => Promise.resolve());
  const explanations = jest.fn(() => Promise.resolve({}));
  const api: SummaryPaneApi = {
    availability: () => Promise.resolve(availability()),
    generate,
    activate,
    watchSelection: (cb) => {
      onRow = cb;
      return Promise.resolve(async () => undefined);
    },
    explanations,
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <LangProvider initial={lang}>
        <OfficeHostProvider host="Excel">
          <SummaryPage api={api} />
        </OfficeHostProvider>
      </LangProvider>
    </FluentProvider>
  );
  return { generate, activate, explanations, select: (r: SelectedSummaryRow) => onRow(r) };
}

const row = (key: string): SelectedSummaryRow => ({
  sheet: "等级汇总",
  summary: "grades",
  key,
  employeeId: key,
  loanId: null,
  row: 3,
});

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

// any Excel call would go through Excel.run: none may happen while the what-if is used
const excelRun = jest.fn();
beforeAll(() => {
  (globalThis as unknown as { Excel: unknown }).Excel = { run: excelRun };
});
afterAll(() => {
  delete (globalThis as unknown as { Excel?: unknown }).Excel;
});

async function generateAndSelect(f: ReturnType<typeof setup>, generateLabel = "生成", key = "E1") {
  await waitFor(() =>
    expect(
      (screen.getByRole("button", { name: generateLabel }) as HTMLButtonElement).disabled
    ).toBe(false)
  );
  fireEvent.click(screen.getByRole("button", { name: generateLabel }));
  await waitFor(() => expect(f.generate).toHaveBeenCalledTimes(1));
  await act(async () => undefined);
  act(() => f.select(row(key)));
  const open = screen.queryByRole("button", {
    name: generateLabel === "生成" ? "假设分析…" : "What-if…",
  });
  if (open) fireEvent.click(open);
}

test("prefilled from the row; a change recomputes score, grade, coefficient and explanation — nothing written", async () => {
  const f = setup();
  await generateAndSelect(f);
  expect(screen.getByText("假设分析")).toBeTruthy();
  expect(field("当年发放贷款笔数").value).toBe("100");
  expect(field("当年贷款利息收入（元）").value).toBe("500000");
  expect(field("新增不良贷款余额（元）").value).toBe("10000");
  expect(field("严重违规次数").value).toBe("0");
  const result = () => screen.getByLabelText("假设结果").textContent;
  expect(result()).toBe("总分 83.33（原 83.33），等级 二级（原 二级），工资系数 1.8");

  fireEvent.change(field("当年贷款利息收入（元）"), { target: { value: "666,527.79" } });
  expect(result()).toBe("总分 90.00（原 83.33），等级 一级（原 二级），工资系数 2");
  expect(screen.getByText(/一类行平均：贷款笔数 100，利息收入 833,263.90 元/)).toBeTruthy();
  const steps = screen.getByLabelText("假设分析说明").textContent ?? "";
  expect(steps).toContain("假设分析（未写入工作表）：客户经理 E1 张一");
  expect(steps).toContain("[第十一条 2]");

  fireEvent.change(field("当年贷款利息收入（元）"), { target: { value: "666527.78" } });
  expect(result()).toBe("总分 89.99（原 83.33），等级 二级（原 二级），工资系数 1.8");

  // a deduction: a serious violation takes 10 and caps at 二级 (A4)
  fireEvent.change(field("当年贷款利息收入（元）"), { target: { value: "2000000" } });
  fireEvent.change(field("严重违规次数"), { target: { value: "1" } });
  expect(result()).toBe("总分 106.67（原 83.33），等级 二级（原 二级），工资系数 1.8");
  expect(screen.getAllByText("封顶").length).toBeGreaterThan(0);

  fireEvent.click(screen.getByRole("button", { name: "恢复原值" }));
  expect(field("当年贷款利息收入（元）").value).toBe("500000");

  expect(excelRun).not.toHaveBeenCalled();
  expect(f.generate).toHaveBeenCalledTimes(1);
  expect(f.activate).not.toHaveBeenCalled();
  expect(f.explanations).not.toHaveBeenCalled();
});

test("bad entries are named under the field and nothing is computed", async () => {
  const f = setup();
  await generateAndSelect(f);
  fireEvent.change(field("当年发放贷款笔数"), { target: { value: "abc" } });
  expect(screen.getByText("“abc”不是数值")).toBeTruthy();
  expect(screen.queryByLabelText("假设结果")).toBeNull();
  fireEvent.change(field("当年发放贷款笔数"), { target: { value: "1.5" } });
  expect(screen.getByText("应为整数：1.5")).toBeTruthy();
  fireEvent.change(field("当年发放贷款笔数"), { target: { value: "" } });
  expect(screen.getByText("请填写")).toBeTruthy();
  fireEvent.change(field("新增不良贷款余额（元）"), { target: { value: "-1" } });
  expect(screen.getByText("不能为负数：-1")).toBeTruthy();
  fireEvent.change(field("新增不良贷款余额（元）"), { target: { value: "0" } });
  // loan count 0 → 一类行 average 50 → 10 points: 10 + 33.33 + 40 = 83.33
  fireEvent.change(field("当年发放贷款笔数"), { target: { value: "0" } });
  expect(screen.getByLabelText("假设结果").textContent).toContain("总分 83.33");
  expect(excelRun).not.toHaveBeenCalled();
});

test("a peer average of 0 is the rules' error, never a number", async () => {
  const Z1 = manager({ id: "Z1", loanCount: 5, interestIncome: 1, newNpl: 0, managedLoans: 1 });
  const Z2 = manager({ id: "Z2", loanCount: 0, interestIncome: 1, newNpl: 0, managedLoans: 1 });
  const f = setup(defaultPolicy(2025), "zh", [Z1, Z2]);
  await generateAndSelect(f, "生成", "Z1");
  expect(screen.getByLabelText("假设结果")).toBeTruthy();
  fireEvent.change(field("当年发放贷款笔数"), { target: { value: "0" } });
  expect(screen.getByText(/平均贷款笔数为 0，无法计算笔数得分/)).toBeTruthy();
  expect(screen.queryByLabelText("假设结果")).toBeNull();
});

test("a 万元 workbook: the figures in 万元; English", async () => {
  const policy = { ...defaultPolicy(2025), amountUnit: "万元" as const };
  const f = setup(policy, "en");
  await generateAndSelect(f, "Generate");
  expect(screen.getByText("What-if")).toBeTruthy();
  expect(field("Interest income（万元）").value).toBe("50");
  fireEvent.change(field("Interest income（万元）"), { target: { value: "66.652779万元" } });
  expect(screen.getByLabelText("What-if result").textContent).toBe(
    "Score 90.00 (was 83.33), grade 一级 (was 二级), wage coefficient 2"
  );
  expect(screen.getByLabelText("What-if explanation").textContent).toContain(
    "What-if (nothing written to the sheet)"
  );
});

test("without a generation this session, or for a row not assessed, it says why there is no what-if", async () => {
  const E3 = manager({ id: "E3", newNpl: null });
  const f = setup(defaultPolicy(2025), "zh", [E1, E2, E3]);
  await waitFor(() =>
    expect((screen.getByRole("button", { name: "生成" }) as HTMLButtonElement).disabled).toBe(false)
  );
  act(() => f.select(row("E1")));
  await waitFor(() => expect(f.explanations).toHaveBeenCalledTimes(1));
  expect(screen.getByText(/假设分析：在本次会话中生成“等级汇总”后可用/)).toBeTruthy();
  expect(screen.queryByLabelText("当年发放贷款笔数")).toBeNull();
  await generateAndSelect(f, "生成", "E3");
  expect(screen.getByText(/假设分析：该行未能评定/)).toBeTruthy();
  act(() => f.select(row("E1")));
  // opened on request
  expect(screen.queryByLabelText("当年发放贷款笔数")).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "假设分析…" }));
  expect(field("当年发放贷款笔数").value).toBe("100");
  // stays open for the next row, with that CM's figures
  act(() => f.select(row("E2")));
  expect(field("当年贷款利息收入（元）").value).toBe("1000000");
  fireEvent.click(screen.getByRole("button", { name: "收起假设分析" }));
  expect(screen.queryByLabelText("当年发放贷款笔数")).toBeNull();
});

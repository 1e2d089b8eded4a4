/**
 * @jest-environment jsdom
 */
/**
 * The explanation panel shows a 等级汇总 row's 距上一等级 (issue 18 item 2) under its steps: the
 * column's text, in the pane's language; the steps list keeps only the other steps.
 */
import * as React from "react";
import { act, configure, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { dec } from "../../src/core/money";
import { step } from "../../src/core/explain";
import type { SelectedSummaryRow, SummaryPaneApi } from "../../src/excel/summaries";
import { defaultPolicy } from "../../src/policy/defaults";
import { nextOfManager, nextSteps } from "../../src/rules/a/next";
import { renderStep } from "../../src/rules/explain";
import { LangProvider } from "../../src/taskpane/i18n";
import type { Lang } from "../../src/taskpane/i18n";
import { ExplainPanel } from "../../src/taskpane/pages/ExplainPanel";

configure({ asyncUtilTimeout: 15000 });

const P = defaultPolicy(2025);
// the hand-worked CM of test/rules/a/next.test.ts: 83.33 二级, one peer (100 loans, 1,000,000 元)
const v = nextOfManager(
  { loanCount: 100, interestIncome: dec(500000), newNpl: dec(10000), managedLoans: dec(1000000) },
  { examFails: 0, penalties: 0, criticisms: 0, seriousViolations: 0 },
  { count: 1, sumLoanCount: dec(100), sumIncome: dec(1000000) },
  { finalGrade: "二级", caps: [] },
  null,
  P
);
const GRADE = step("calc", "A", "第十条", "A_SCORE_GRADE", { score: "83.33", grade: "二级" });
const STEPS = [GRADE, ...nextSteps(v, P)];

function panel(lang: Lang) {
  let onRow: (r: SelectedSummaryRow | null) => void = () => undefined;
  const api = {
    watchSelection: (cb: (r: SelectedSummaryRow | null) => void) => {
      onRow = cb;
      return Promise.resolve(async () => undefined);
    },
    explanations: () => Promise.resolve({}),
  } as unknown as SummaryPaneApi;
  render(
    <FluentProvider theme={webLightTheme}>
      <LangProvider initial={lang}>
        <ExplainPanel api={api} explanations={{ grades: { E01: STEPS } }} sheetsVersion={1} />
      </LangProvider>
    </FluentProvider>
  );
  return (r: SelectedSummaryRow) => onRow(r);
}

const row: SelectedSummaryRow = {
  sheet: "等级汇总",
  summary: "grades",
  key: "E01",
  employeeId: "E01",
  loanId: null,
  row: 2,
};

test("距上一等级 under the steps, the column's text; not in the steps list", async () => {
  const select = panel("zh");
  await act(async () => undefined);
  act(() => select(row));
  expect(screen.getByText(renderStep(GRADE, "zh"))).toBeTruthy();
  const group = screen.getByRole("group", { name: "距上一等级" });
  expect(group.textContent).toBe(
    "距上一等级一级（90 分）：贷款笔数 +400 笔；或利息收入 +166,527.79 元；或新增不良 ≤ 3,335.00 元"
  );
  expect(screen.getAllByRole("listitem")).toHaveLength(1);
});

test("in English", async () => {
  const select = panel("en");
  await act(async () => undefined);
  act(() => select(row));
  const group = screen.getByRole("group", { name: "Next grade" });
  expect(group.textContent).toContain(
    "一级 (90 points): loan count +400 loans; or interest income +166,527.79 yuan; or new NPL ≤ 3,335.00 yuan"
  );
});

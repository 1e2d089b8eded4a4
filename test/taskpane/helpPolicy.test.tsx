/**
 * @jest-environment jsdom
 */
/**
 * (issue 20 item 2) The help page shows the active policy's figures (src/policy/store.ts): the
 * workbook's own score lines and coefficients, updated when the workbook's policy changes.
 */
import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { HelpPage } from "../../src/taskpane/pages/HelpPage";
import { figureText } from "../../src/taskpane/pages/PolicyFigures";
import { defaultPolicy } from "../../src/policy/defaults";
import { clearWorkbookPolicies, setWorkbookPolicy } from "../../src/policy/store";
import { clonePolicy, paramByKey } from "../../src/policy/schema";

afterEach(() => clearWorkbookPolicies());

function gradeRows(): string[][] {
  const table = screen.getByRole("table", { name: "等级分数线与工资系数" });
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((r) =>
      within(r)
        .getAllByRole("cell")
        .map((c) => c.textContent ?? "")
    );
}

test("the grade table is the workbook's policy, and follows a changed policy", () => {
  const p = clonePolicy(defaultPolicy(2025));
  setWorkbookPolicy(p);
  render(<HelpPage />);
  expect(gradeRows()).toEqual([
    ["一级", "≥ 90", "2.0"],
    ["二级", "≥ 75", "1.8"],
    ["三级", "≥ 60", "1.6"],
    ["取消资格", "< 60", "—"],
  ]);
  const changed = clonePolicy(p);
  changed.a.grades[0].minScore = 88;
  changed.a.grades[2].minScore = 58;
  changed.a.grades[1].wageCoefficient = 1.75;
  changed.nplToleranceRatePct = 1.2;
  act(() => setWorkbookPolicy(changed));
  expect(gradeRows()).toEqual([
    ["一级", "≥ 88", "2.0"],
    ["二级", "≥ 75", "1.75"],
    ["三级", "≥ 58", "1.6"],
    ["取消资格", "< 58", "—"],
  ]);
  expect(screen.getByText(/不良容忍度：1.2%（第十二条）/)).toBeTruthy();
});

test("every parameter by rule set, with its value, unit and article, from the policy object", () => {
  const p = clonePolicy(defaultPolicy(2025));
  p.d.midAmount = 1_200_000;
  setWorkbookPolicy(p);
  render(<HelpPage />);
  fireEvent.click(screen.getByRole("button", { name: /^D 贷款风险预警（\d+ 项）$/ }));
  const row = screen.getByRole("row", { name: /D\.中额起点/ });
  const cells = within(row)
    .getAllByRole("cell")
    .map((c) => c.textContent);
  expect(cells.slice(0, 2)).toEqual(["D.中额起点", "1,200,000 元"]);
  expect(cells[2]).toContain("第十一条（一）1");
});

test("figureText: fractions as percent, amounts grouped with the unit, unset said", () => {
  expect(figureText(paramByKey("A.容忍度.自然人比例")!, 0.07, "zh")).toBe("7%");
  expect(figureText(paramByKey("B.高级.通讯费")!, 300, "zh")).toBe("300 元/月");
  expect(figureText(paramByKey("不良容忍度")!, null, "zh")).toBe("未设置");
  expect(figureText(paramByKey("不良容忍度")!, null, "en")).toBe("unset");
  expect(figureText(paramByKey("年度")!, 2025, "zh")).toBe("2025");
  expect(figureText(paramByKey("A.责任不良.五级分类")!, ["次级", "可疑"], "zh")).toBe("次级、可疑");
});

/**
 * @jest-environment jsdom
 */
/**
 * 核对汇总 (issue 19 item 4) with a fake Excel side: the button runs the comparison, the result
 * says how many summaries agree or lists each difference; one click on a difference selects its
 * cell; an error is shown; both languages.
 */
import * as React from "react";
import { configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { VerifyPaneApi } from "../../src/excel/verify";
import type { VerifyReport } from "../../src/summary/verify";
import { LangProvider } from "../../src/taskpane/i18n";
import type { Lang } from "../../src/taskpane/i18n";
import { VerifyPanel } from "../../src/taskpane/pages/VerifyPanel";

configure({ asyncUtilTimeout: 15000 });

const DIFFERING: VerifyReport = {
  sheets: [
    { sheet: "等级汇总", id: "grades", cells: 120, differences: 1 },
    { sheet: "末位名单 (2)", id: "bottom", cells: 40, differences: 0 },
  ],
  differences: [
    {
      sheet: "等级汇总",
      cell: "H3",
      expected: 91.5,
      found: 99.99,
      message: "应为 91.5，实为 99.99（expected vs found）",
    },
  ],
};

function fakeApi(
  report: VerifyReport | Error
): VerifyPaneApi & { selected: [string, string][]; calls: number } {
  const api = {
    selected: [] as [string, string][],
    calls: 0,
    verify: () => {
      api.calls++;
      return report instanceof Error ? Promise.reject(report) : Promise.resolve(report);
    },
    selectCell: (sheet: string, cell: string) => {
      api.selected.push([sheet, cell]);
      return Promise.resolve();
    },
  };
  return api;
}

function show(api: VerifyPaneApi, lang: Lang = "zh") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <LangProvider initial={lang}>
        <VerifyPanel api={api} />
      </LangProvider>
    </FluentProvider>
  );
}

describe("核对汇总 panel", () => {
  test("lists each difference; one click takes the user to the cell", async () => {
    const api = fakeApi(DIFFERING);
    show(api);
    expect(api.calls).toBe(0);
    fireEvent.click(screen.getByRole("button", { name: "核对汇总" }));
    await screen.findByText("共 1 处不同（等级汇总）");
    expect(api.calls).toBe(1);
    fireEvent.click(screen.getByRole("button", { name: /等级汇总!H3\s+应为 91\.5，实为 99\.99/ }));
    await waitFor(() => expect(api.selected).toEqual([["等级汇总", "H3"]]));
  });

  test("all agree", async () => {
    show(
      fakeApi({ sheets: DIFFERING.sheets.map((s) => ({ ...s, differences: 0 })), differences: [] })
    );
    fireEvent.click(screen.getByRole("button", { name: "核对汇总" }));
    await screen.findByText("2 张汇总表全部一致。");
    expect(screen.queryByRole("list", { name: "不同之处" })).toBeNull();
  });

  test("no summary sheet, in English", async () => {
    show(fakeApi({ sheets: [], differences: [] }), "en");
    fireEvent.click(screen.getByRole("button", { name: "Verify" }));
    await screen.findByText("The workbook has no summary sheet to verify.");
  });

  test("an error is shown", async () => {
    show(fakeApi(new Error("读取失败")));
    fireEvent.click(screen.getByRole("button", { name: "核对汇总" }));
    await screen.findByText("读取失败");
  });
});

/**
 * @jest-environment jsdom
 */
/**
 * The task pane shell: renders outside Office, switches tabs and language, shows the function
 * list from the build's metadata, keeps working when one page fails.
 */
import * as path from "path";
import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as args from "../../src/functions/args";
import { App, pageFromHash } from "../../src/taskpane/App";
import { functionHelpRows } from "../../src/taskpane/pages/HelpPage";
import { HELP_EN } from "../../src/functions/en";

/*
 * The pages other helpers own (校验, 汇总, 政策参数) are replaced by stand-ins: this file tests the
 * shell's contract (named export, no props, one page per tab, error boundary), not those pages.
 * SummaryPage fails while failSummaryPage is true (to test the page error boundary).
 */
let failSummaryPage = false;
jest.mock("../../src/taskpane/pages/ValidatePage", () => ({
  ValidatePage: () => <h2>stand-in validate page</h2>,
}));
jest.mock("../../src/taskpane/pages/PolicyPage", () => ({
  PolicyPage: () => <h2>stand-in policy page</h2>,
}));
jest.mock("../../src/taskpane/pages/SummaryPage", () => ({
  SummaryPage: () => {
    if (failSummaryPage) throw new Error("汇总模型不可用");
    return <h2>stand-in summary page</h2>;
  },
}));

const ROOT = path.resolve(__dirname, "../..");
const FUNCTION_FILES = ["a", "b", "c", "d"].map((x) => path.join(ROOT, `src/functions/${x}.ts`));

type Meta = {
  functions: {
    id: string;
    name: string;
    description?: string;
    parameters?: { name: string; description?: string; optional?: boolean }[];
  }[];
};
let META: Meta;

beforeAll(async () => {
  const r = await generateCustomFunctionsMetadata(FUNCTION_FILES, true);
  META = JSON.parse(r.metadataJson) as Meta;
});

beforeEach(() => {
  delete (globalThis as { __CM_FUNCTIONS__?: unknown }).__CM_FUNCTIONS__;
});

function tab(name: RegExp | string) {
  return screen.getByRole("tab", { name });
}

test("renders outside Office in Chinese with the four sections and a notice that Excel is needed", () => {
  render(<App host={null} />);
  for (const name of ["校验", "汇总", "政策参数", "帮助"]) expect(tab(name)).toBeTruthy();
  expect(tab("校验").getAttribute("aria-selected")).toBe("true");
  expect(screen.getByText(/未在 Excel 中运行/)).toBeTruthy();
  expect(screen.getByRole("main", { name: "校验" })).toBeTruthy();
  expect(screen.getByRole("heading", { name: "stand-in validate page" })).toBeTruthy();
});

test("in Excel there is no notice", () => {
  render(<App host="Excel" />);
  expect(screen.queryByText(/未在 Excel 中运行/)).toBeNull();
});

test("switching tabs shows each page", () => {
  render(<App host="Excel" />);
  fireEvent.click(tab("汇总"));
  expect(tab("汇总").getAttribute("aria-selected")).toBe("true");
  expect(tab("校验").getAttribute("aria-selected")).toBe("false");
  expect(screen.getByRole("main", { name: "汇总" })).toBeTruthy();
  expect(screen.getByRole("heading", { name: "stand-in summary page" })).toBeTruthy();
  fireEvent.click(tab("政策参数"));
  expect(screen.getByRole("main", { name: "政策参数" })).toBeTruthy();
  expect(screen.getByRole("heading", { name: "stand-in policy page" })).toBeTruthy();
  fireEvent.click(tab("帮助"));
  expect(screen.getByRole("heading", { name: "这是什么" })).toBeTruthy();
  expect(screen.getByRole("heading", { name: "规则来源" })).toBeTruthy();
  expect(screen.queryByRole("heading", { name: /stand-in/ })).toBeNull();
});

test("switching language changes the navigation and the page, is remembered, and sets the functions' message language", () => {
  const spy = jest.spyOn(args, "setMessageLanguage");
  const first = render(<App host="Excel" initialPage="help" />);
  const group = screen.getByRole("group", { name: /Language/ });
  fireEvent.click(within(group).getByRole("button", { name: "English" }));
  for (const name of ["Validate", "Summaries", "Policy", "Help"]) expect(tab(name)).toBeTruthy();
  expect(screen.queryByRole("tab", { name: "校验" })).toBeNull();
  expect(screen.getByRole("heading", { name: "What this is" })).toBeTruthy();
  expect(tab("Help").getAttribute("aria-selected")).toBe("true");
  expect(spy).toHaveBeenLastCalledWith("en");
  expect(document.documentElement.lang).toBe("en");
  first.unmount();

  // remembered for the next time the pane opens
  render(<App host="Excel" />);
  expect(tab("Validate")).toBeTruthy();
  fireEvent.click(
    within(screen.getByRole("group", { name: /Language/ })).getByRole("button", { name: "中文" })
  );
  expect(tab("校验")).toBeTruthy();
  expect(spy).toHaveBeenLastCalledWith("zh");
  expect(document.documentElement.lang).toBe("zh-CN");
  spy.mockRestore();
});

test("the help page lists every function of the build's metadata, in both languages, and filters", () => {
  (globalThis as { __CM_FUNCTIONS__?: unknown }).__CM_FUNCTIONS__ = META;
  render(<App host="Excel" initialPage="help" />);
  const names = META.functions.map((f) => `CM.${f.name}`);
  expect(names).toContain("CM.GRADE");
  for (const n of names) expect(screen.getByRole("button", { name: n })).toBeTruthy();
  expect(screen.getByText(`共 ${names.length} 个函数，显示 ${names.length} 个。`)).toBeTruthy();

  fireEvent.click(screen.getByRole("button", { name: "CM.GRADE" }));
  const grade = META.functions.find((f) => f.id === "GRADE")!;
  expect(screen.getByText(grade.description!.replace(/\s+/g, " ").trim())).toBeTruthy();

  fireEvent.change(screen.getByRole("searchbox"), { target: { value: "wagecoef" } });
  expect(screen.queryByRole("button", { name: "CM.GRADE" })).toBeNull();
  expect(screen.getByRole("button", { name: "CM.WAGECOEF" })).toBeTruthy();

  fireEvent.click(
    within(screen.getByRole("group", { name: /Language/ })).getByRole("button", { name: "English" })
  );
  expect(screen.getByText(`${names.length} functions, 1 shown.`)).toBeTruthy();
});

test("help rows: signature with optional arguments in brackets, English falls back to Chinese", () => {
  const meta = {
    functions: [
      {
        id: "ZZTEST",
        name: "ZZTEST",
        description: "中文说明",
        parameters: [
          { name: "x", description: "甲" },
          { name: "year", description: "年度", optional: true },
        ],
      },
    ],
  };
  const [zh] = functionHelpRows(meta, {}, "zh");
  expect(zh.signature).toBe("=CM.ZZTEST(x, [year])");
  expect(zh.params.map((p) => p.text)).toEqual(["甲", "年度"]);
  const [en] = functionHelpRows(
    meta,
    { ZZTEST: { description: "English text", params: { x: "an x" }, example: "=CM.ZZTEST(A1)" } },
    "en"
  );
  expect(en.description).toBe("English text");
  expect(en.params.map((p) => p.text)).toEqual(["an x", "年度"]);
  expect(en.example).toBe("=CM.ZZTEST(A1)");
  expect(functionHelpRows(META, HELP_EN, "en").every((r) => r.description.length > 0)).toBe(true);
});

test("without build metadata the help page says so instead of an empty list", () => {
  render(<App host={null} initialPage="help" />);
  expect(screen.getByText(/函数列表在构建时/)).toBeTruthy();
});

test("the URL fragment picks the first page (#help from the manifest's SupportUrl)", () => {
  expect(pageFromHash("#help")).toBe("help");
  expect(pageFromHash("#policy")).toBe("policy");
  expect(pageFromHash("#nope")).toBeNull();
  expect(pageFromHash("")).toBeNull();
  expect(pageFromHash(undefined)).toBeNull();
});

test("a page that fails to render shows an error in its place; the other pages still work", () => {
  failSummaryPage = true;
  const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    render(<App host="Excel" />);
    fireEvent.click(tab("汇总"));
    expect(screen.getByText(/此页面出错，无法显示：汇总模型不可用/)).toBeTruthy();
    fireEvent.click(tab("帮助"));
    expect(screen.getByRole("heading", { name: "这是什么" })).toBeTruthy();
  } finally {
    failSummaryPage = false;
    quiet.mockRestore();
  }
});

test("boot: renders into #container once Office is ready, with the host", async () => {
  document.body.innerHTML = '<div id="container"></div>';
  let ready: ((info: { host: string | null }) => void) | undefined;
  (globalThis as { Office?: unknown }).Office = {
    onReady: (cb: (info: { host: string | null }) => void) => {
      ready = cb;
      return Promise.resolve({ host: null });
    },
  };
  require("../../src/taskpane/index");
  expect(document.querySelector('[role="tablist"]')).toBeNull();
  await act(async () => ready!({ host: "Excel" }));
  expect(screen.getByRole("tab", { name: "校验" })).toBeTruthy();
  expect(screen.queryByText(/未在 Excel 中运行/)).toBeNull();
  delete (globalThis as { Office?: unknown }).Office;
});

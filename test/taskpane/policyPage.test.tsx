/**
 * @jest-environment jsdom
 */
/**
 * The 政策参数 page: parameters grouped by rule set with inline validation, reset per parameter
 * and for all, year switch, save / reload through src/excel/policy (mocked here: the Office
 * side has its own tests).
 */
import * as React from "react";
import axe from "axe-core";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { LangProvider } from "../../src/taskpane/i18n";
import { OfficeHostProvider } from "../../src/taskpane/host";
import { PolicyPage } from "../../src/taskpane/pages/PolicyPage";
import { defaultPolicy } from "../../src/policy/defaults";
import { clearWorkbookPolicies, currentYear, setWorkbookPolicy } from "../../src/policy/store";
import type { Policy } from "../../src/policy/types";

jest.mock("../../src/excel/policy", () => ({
  loadWorkbookPolicyOnce: jest.fn(),
  loadWorkbookPolicy: jest.fn(),
  writePolicySheet: jest.fn(),
  watchPolicySheet: jest.fn(() => Promise.resolve(true)),
  PolicyWriteError: class PolicyWriteError extends Error {
    constructor(
      message: string,
      readonly en: string
    ) {
      super(message);
    }
  },
}));
import * as excelPolicy from "../../src/excel/policy";
const mocked = excelPolicy as jest.Mocked<typeof excelPolicy>;

beforeEach(() => {
  clearWorkbookPolicies();
  jest.clearAllMocks();
});

function page(host: string | null = null, lang: "zh" | "en" = "zh") {
  return render(
    <LangProvider initial={lang}>
      <OfficeHostProvider host={host}>
        <PolicyPage />
      </OfficeHostProvider>
    </LangProvider>
  );
}

function openSet(name: RegExp) {
  fireEvent.click(screen.getByRole("button", { name }));
}

/** The control of a field by its exact label (a direct lookup: the page holds ~100 fields). */
function input(label: string): HTMLInputElement {
  const l = Array.from(document.querySelectorAll("label")).find((x) => x.textContent === label);
  if (!l) throw new Error(`no field labelled ${label}`);
  const el = document.getElementById(l.htmlFor);
  if (!el) throw new Error(`label ${label} is not tied to a control`);
  return el as HTMLInputElement;
}

function resetButton(label: string): HTMLButtonElement {
  const b = document.querySelector(`button[aria-label="恢复默认：${label}"]`);
  if (!b) throw new Error(`no reset button for ${label}`);
  return b as HTMLButtonElement;
}

/** Texts of the validation messages shown. */
function messages(): string[] {
  return Array.from(document.querySelectorAll(".fui-Field__validationMessage")).map(
    (x) => x.textContent ?? ""
  );
}

function type(label: string, value: string) {
  fireEvent.change(input(label), { target: { value } });
}

const save = () => screen.getByRole("button", { name: "保存到工作表" }) as HTMLButtonElement;

describe("outside Excel", () => {
  test("shows the current year's defaults, the general group open, unset shown as such, saving disabled", () => {
    page();
    expect(screen.getByRole("heading", { name: "政策参数" })).toBeTruthy();
    expect(input("年度").value).toBe(String(currentYear()));
    expect(screen.getByText(/未在 Excel 中运行/)).toBeTruthy();
    const tol = input("不良贷款容忍度");
    expect(tol.value).toBe("");
    expect(tol.placeholder).toBe("未设置");
    expect(
      screen.getAllByText(/不良容忍度 · 000 篇9 第十二条 · 单位 % · 默认 未设置/).length
    ).toBeGreaterThan(0);
    expect(save().disabled).toBe(true);
    expect((screen.getByRole("button", { name: "读取工作表" }) as HTMLButtonElement).disabled).toBe(
      true
    );
  });

  test("edit a value, see the validation, reset it", () => {
    page();
    openSet(/A 信贷客户经理等级与不良贷款/);
    expect(input("一级最低总分").value).toBe("90");
    type("一级最低总分", "九十");
    expect(messages()).toEqual([expect.stringContaining("参数“A.一级.最低分”：“九十”不是数值")]);
    expect(screen.getByText("有 1 个参数需要更正，更正后才能保存")).toBeTruthy();
    fireEvent.click(resetButton("一级最低总分"));
    expect(input("一级最低总分").value).toBe("90");
    expect(messages()).toEqual([]);
    expect(resetButton("一级最低总分").disabled).toBe(true);
  });

  test("thresholds out of order are flagged on the fields they concern", () => {
    page();
    openSet(/A 信贷客户经理等级与不良贷款/);
    type("二级最低总分", "95");
    expect(messages().filter((m) => m.includes("各等级最低分须从高到低排列"))).toHaveLength(3);
  });

  test("a rate typed ×100 names the likely value; a share may be typed as a percent", () => {
    page();
    type("不良贷款容忍度", "120");
    expect(messages()).toEqual([expect.stringContaining("可能应为 1.2")]);
    type("不良贷款容忍度", "1.2");
    expect(messages()).toEqual([]);
    expect(screen.getByText("1 个参数已修改，尚未保存")).toBeTruthy();
  });

  test("switching the year shows that year's policy (assessment date 31 December)", () => {
    page();
    fireEvent.change(screen.getByLabelText("年度"), { target: { value: "2024" } });
    expect(input("年度").value).toBe("2024");
    expect(input("评定日期").value).toBe("2024-12-31");
  });

  test("reset all restores the year's defaults but keeps the amount unit", () => {
    const p = defaultPolicy(currentYear());
    p.amountUnit = "万元";
    p.nplToleranceRatePct = 1.5;
    setWorkbookPolicy(p);
    page();
    expect(input("不良贷款容忍度").value).toBe("1.5");
    fireEvent.click(screen.getByRole("button", { name: "全部恢复默认" }));
    expect(input("不良贷款容忍度").value).toBe("");
    expect((screen.getByLabelText("金额单位") as HTMLSelectElement).value).toBe("万元");
  });

  test("search finds a parameter in a closed group", () => {
    page();
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "黄牌" } });
    expect(input("黄牌警告金额").value).toBe("1000000");
  });

  test("accessible: every control has a name (axe), the reset buttons name their parameter", async () => {
    // the toolbar and the general group (axe over every group is too slow under jsdom)
    const { container } = page();
    const r = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
    expect(r.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    openSet(/A 信贷客户经理等级与不良贷款/);
    expect(document.querySelectorAll('button[aria-label^="恢复默认："]').length).toBeGreaterThan(
      60
    );
  }, 120000);

  test("English labels on request", () => {
    page(null, "en");
    expect(screen.getByRole("heading", { name: "Policy parameters" })).toBeTruthy();
    expect(input("Year").value).toBe(String(currentYear()));
    expect(input("NPL tolerance rate").placeholder).toBe("unset");
  });
});

describe("in Excel", () => {
  const sheetPolicy = (): Policy => {
    const p = defaultPolicy(2025);
    p.a.grades[0].minScore = 85;
    return p;
  };

  test("loads the workbook's policy and lists the sheet's issues", async () => {
    mocked.loadWorkbookPolicyOnce.mockResolvedValue({
      policy: sheetPolicy(),
      found: true,
      issues: [
        {
          sheet: "政策参数",
          cell: "B7",
          severity: "error",
          rule: "POLICY.value",
          message: "参数“A.二级.最低分”：“七十五”不是数值；已使用默认值 75",
        },
      ],
    });
    page("Excel");
    await waitFor(() => expect(input("年度").value).toBe("2025"));
    expect(screen.getByText(/政策参数!B7：参数“A.二级.最低分”/)).toBeTruthy();
    openSet(/A 信贷客户经理等级与不良贷款/);
    expect(input("一级最低总分").value).toBe("85");
  });

  test("save writes the edited policy to the sheet and reports the recalculation", async () => {
    mocked.loadWorkbookPolicyOnce.mockResolvedValue({
      policy: sheetPolicy(),
      found: true,
      issues: [],
    });
    mocked.writePolicySheet.mockResolvedValue({ created: false, updated: 230, added: 0 });
    page("Excel");
    await waitFor(() => expect(input("年度").value).toBe("2025"));
    type("不良贷款容忍度", "1.2");
    expect(save().disabled).toBe(false);
    await act(async () => {
      fireEvent.click(save());
    });
    expect(mocked.writePolicySheet).toHaveBeenCalledTimes(1);
    const written = mocked.writePolicySheet.mock.calls[0][0];
    expect(written).toEqual({ ...sheetPolicy(), nplToleranceRatePct: 1.2 });
    expect(screen.getByText(/全部公式已按新参数重新计算/)).toBeTruthy();
    expect(screen.queryByText(/尚未保存/)).toBeNull();
  });

  test("a save that fails says why; nothing is lost from the form", async () => {
    mocked.loadWorkbookPolicyOnce.mockResolvedValue({
      policy: sheetPolicy(),
      found: true,
      issues: [],
    });
    mocked.writePolicySheet.mockRejectedValue(
      new excelPolicy.PolicyWriteError(
        "工作表“政策参数”已有内容，但找不到“参数”“值”表头，未写入",
        "no header"
      )
    );
    page("Excel");
    await waitFor(() => expect(input("年度").value).toBe("2025"));
    type("不良贷款容忍度", "1.3");
    await act(async () => {
      fireEvent.click(save());
    });
    expect(screen.getByText(/保存失败：工作表“政策参数”已有内容/)).toBeTruthy();
    expect(input("不良贷款容忍度").value).toBe("1.3");
  });

  test("读取工作表 reloads", async () => {
    mocked.loadWorkbookPolicyOnce.mockResolvedValue({
      policy: defaultPolicy(2025),
      found: true,
      issues: [],
    });
    const p = defaultPolicy(2025);
    p.nplToleranceRatePct = 2;
    mocked.loadWorkbookPolicy.mockResolvedValue({ policy: p, found: true, issues: [] });
    page("Excel");
    await waitFor(() => expect(mocked.loadWorkbookPolicyOnce).toHaveBeenCalled());
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "读取工作表" }));
    });
    expect(input("不良贷款容忍度").value).toBe("2");
    expect(within(screen.getByRole("status")).getByText("已读取“政策参数”工作表")).toBeTruthy();
  });
});

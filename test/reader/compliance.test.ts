/** (rev 2) A13 findings as compliance findings (合规提示): category, never an error, never a row left out; 第二十四条 in 元 after unit conversion. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { validateWorkbookFull } from "../../src/reader/validate";
import type { SheetGrid, WorkbookGrid } from "../../src/core/grid";
import { hasErrors, issueCategory } from "../../src/core/issues";
import { issuesSheetModel } from "../../src/summary/issuesSheet";
import { defaultPolicy } from "../../src/policy/defaults";
import { main } from "../../src/cli/main";
import { writeNewWorkbook } from "../../src/cli/xlsx";

function grid(...sheets: [string, unknown[][]][]): WorkbookGrid {
  return {
    sheets: sheets.map(([name, values]) => ({
      name,
      values: values as SheetGrid["values"],
      rowOffset: 0,
      colOffset: 0,
    })),
  };
}
const policy = (unit: string): [string, unknown[][]] => [
  "政策参数",
  [
    ["参数", "值"],
    ["年度", 2025],
    ["金额单位", unit],
  ],
];
const MANAGERS: [string, unknown[][]] = [
  "客户经理",
  [
    ["员工号", "姓名"],
    ["1001", "甲"],
  ],
];
const HEAD = [
  "贷款编号",
  "借款人类型",
  "第一责任人",
  "管理责任人",
  "发放日期",
  "发放金额",
  "配偶或家庭成员担保",
  "无配偶证明",
  "担保方式",
  "职工直系亲属",
  "依法起诉",
];

function a13(unit: string, rows: unknown[][]) {
  const v = validateWorkbookFull(grid(policy(unit), MANAGERS, ["贷款台账", [HEAD, ...rows]]));
  return { v, found: v.issues.filter((i) => i.rule.startsWith("A13.")) };
}

describe("compliance findings", () => {
  test("category compliance, severity warning, the article in the message; the rows are all read", () => {
    const { v, found } = a13("元", [
      ["L1", "自然人", "1001", null, "1999-01-01", 10000, "否", "否", "保证", "否", "否"],
      ["L2", "企业", "1001", "1001", "2025-03-01", 50000, null, null, "信用", "是", "是"],
      ["L3", "自然人", null, "1001", "1998-12-31", 9999.99, "否", null, "保证", "否", "否"],
    ]);
    expect(found.map((i) => `${i.cell} ${i.rule}`)).toEqual(
      ["D2 A13.第二十七条", "G2 A13.第二十四条", "I3 A13.第二十六条", "E3 A13.第三十一条"].sort(
        (a, b) => order(a) - order(b)
      )
    );
    expect(found.every((i) => i.category === "compliance" && i.severity === "warning")).toBe(true);
    expect(found.every((i) => /第(十九|二十四|二十六|二十七|三十一)条/.test(i.message))).toBe(true);
    expect(v.data.loans.map((l) => l.loanId)).toEqual(["L1", "L2", "L3"]);
    expect(v.data.invalidRows.loans).toBe(0);
    expect(hasErrors(v.issues)).toBe(false);
    // every other issue is a data issue
    expect(
      v.issues.filter((i) => !i.rule.startsWith("A13.")).every((i) => issueCategory(i) === "data")
    ).toBe(true);
  });

  test("第二十四条 in a 万元 workbook: 1 万元 (= 10,000 元) → finding; 0.999999 万元 (9,999.99 元) → none", () => {
    const { found } = a13("万元", [
      ["W1", "自然人", "1001", "1001", "2020-01-01", 1, "否", null, "保证", "否", "否"],
      ["W2", "自然人", "1001", "1001", "2020-01-01", 0.999999, "否", null, "保证", "否", "否"],
    ]);
    expect(found.map((i) => `${i.cell} ${i.rule}`)).toEqual(["G2 A13.第二十四条"]);
    expect(found[0].message).toContain("10,000.00 元");
  });

  test("无配偶证明 = 是 waives 第二十四条; 否 does not", () => {
    const { found } = a13("元", [
      ["N1", "自然人", "1001", "1001", "2020-01-01", 20000, "否", "是", "保证", "否", "否"],
      ["N2", "自然人", "1001", "1001", "2020-01-01", 20000, "否", "否", "保证", "否", "否"],
    ]);
    expect(found.map((i) => i.cell)).toEqual(["G3"]);
  });

  test("校验结果 groups them apart: data issues first, then the findings with 类别 合规提示 and a note", () => {
    const { v } = a13("元", [
      ["L1", "自然人", "1001", "1001", "2020-01-01", 20000, "否", "否", "保证", "否", "否"],
      ["L2", "企业", "1001", "1001", "2020-01-01", "abc", null, null, "保证", "否", "否"],
    ]);
    const m = issuesSheetModel(v.issues, defaultPolicy(2025), new Date(2026, 0, 5, 9, 0));
    expect(m.columns.map((c) => c.header)).toEqual([
      "工作表",
      "单元格",
      "严重程度",
      "规则",
      "说明",
      "类别",
    ]);
    const cats = m.rows.map((r) => r[5]);
    const firstFinding = cats.indexOf("合规提示");
    expect(firstFinding).toBeGreaterThan(0);
    expect(cats.slice(firstFinding).every((c) => c === "合规提示")).toBe(true);
    expect(cats.slice(0, firstFinding).every((c) => c === "数据问题")).toBe(true);
    expect(m.title).toMatch(/；合规提示 1 — /);
    expect(String(m.notes?.[0]?.[1])).toContain("不是数据错误");
  });
});

function order(s: string): number {
  // validate sorts by row then column: D2, G2 (row 2); E3, I3 (row 3)
  const m = /^([A-Z]+)(\d+)/.exec(s)!;
  return +m[2] * 100 + m[1].charCodeAt(0);
}

describe("cm-addin validate with compliance findings only", () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-compliance-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("exit 0; --json carries category; the table lists them under 合规提示", async () => {
    const f = path.join(dir, "a13.xlsx");
    const cols = HEAD.map((h) => ({
      header: h,
      format: (h === "发放金额" ? "money" : "text") as "money" | "text",
    }));
    await writeNewWorkbook(f, [
      {
        name: "政策参数",
        title: null,
        freezeHeader: true,
        columns: [
          { header: "参数", format: "text" },
          { header: "值", format: "text" },
        ],
        rows: [["年度", "2025"]],
      },
      {
        name: "客户经理",
        title: null,
        freezeHeader: true,
        columns: [
          { header: "员工号", format: "text" },
          { header: "姓名", format: "text" },
        ],
        rows: [["1001", "甲"]],
      },
      {
        name: "贷款台账",
        title: null,
        freezeHeader: true,
        columns: cols,
        rows: [
          ["L1", "自然人", "1001", "1001", "2020-01-01", 20000, "否", "否", "信用", "是", "否"],
        ],
      },
    ]);
    const out: string[] = [];
    const status = await main(["validate", f, "--json"], {
      out: (s) => out.push(s),
      err: () => undefined,
    });
    expect(status).toBe(0);
    const json = JSON.parse(out.join("\n")) as {
      rule: string;
      category: string;
      severity: string;
    }[];
    const a = json.filter((i) => i.rule.startsWith("A13."));
    expect(a.map((i) => [i.rule, i.category, i.severity])).toEqual([
      ["A13.第二十四条", "compliance", "warning"],
      ["A13.第二十六条", "compliance", "warning"],
    ]);
    expect(json.filter((i) => !i.rule.startsWith("A13.")).every((i) => i.category === "data")).toBe(
      true
    );
    const text: string[] = [];
    expect(await main(["validate", f], { out: (s) => text.push(s), err: () => undefined })).toBe(0);
    const h = text.findIndex((l) => l.startsWith("合规提示"));
    expect(h).toBeGreaterThan(0);
    expect(text.slice(h + 1).every((l) => l.includes("A13."))).toBe(true);
    expect(text.slice(0, h).some((l) => l.includes("A13."))).toBe(false);
  });
});

import { validateWorkbook, validateWorkbookFull } from "../../src/reader/validate";
import { defaultPolicy } from "../../src/policy/defaults";
import type { SheetGrid, WorkbookGrid } from "../../src/core/grid";
import type { Issue } from "../../src/core/issues";

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

const POLICY_2025: [string, unknown[][]] = [
  "政策参数",
  [
    ["参数", "值"],
    ["年度", 2025],
  ],
];

/** Issues other than the notices about absent tables/columns and the policy defaults. */
function brief(issues: Issue[]): string[] {
  return issues
    .filter((i) => !["COLUMN.optional", "TABLE.missing", "POLICY.default"].includes(i.rule))
    .map((i) => `${i.sheet}!${i.cell} ${i.severity} ${i.rule}`);
}

const MANAGERS: [string, unknown[][]] = [
  "客户经理",
  [
    ["员工号", "姓名", "首次任职日期"],
    ["1001", "甲", "2020-01-01"],
    ["1002", "乙", "2026-01-05"],
    ["1003", "丙", "bad"],
  ],
];

describe("validateWorkbook: across tables", () => {
  test("references must be employee ids of 客户经理 (rows left out for their own errors count as known)", () => {
    const g = grid(
      POLICY_2025,
      MANAGERS,
      [
        "贷款台账",
        [
          ["贷款编号", "第一责任人", "管理责任人", "介绍担保职工", "接手责任人"],
          ["L1", "1001", "1003", null, null],
          ["L2", "9999", "1001", "8888", "7777"],
        ],
      ],
      [
        "公司客户",
        [
          ["客户名称", "客户经理"],
          ["甲公司", "1002"],
          ["乙公司", "5555"],
        ],
      ],
      [
        "差错记录",
        [
          ["员工号", "日期", "条款"],
          ["4444", "2025-01-02", "1.1"],
        ],
      ]
    );
    expect(brief(validateWorkbook(g))).toEqual([
      "客户经理!C3 warning DATE.future",
      "客户经理!C4 error TYPE.date",
      "贷款台账!B3 warning REF.第一责任人",
      "贷款台账!D3 warning REF.介绍担保职工",
      "贷款台账!E3 warning REF.接手责任人",
      "公司客户!B3 warning REF.客户经理",
      "差错记录!A2 warning REF.员工号",
    ]);
  });

  test("without a 客户经理 table, references are not checked (its absence is the notice)", () => {
    const g = grid(POLICY_2025, [
      "贷款台账",
      [
        ["贷款编号", "第一责任人"],
        ["L1", "9999"],
      ],
    ]);
    const issues = validateWorkbook(g);
    expect(brief(issues)).toEqual([]);
    expect(issues.filter((i) => i.rule === "TABLE.missing").map((i) => i.message)).toContainEqual(
      expect.stringContaining("客户经理")
    );
  });

  test("event dates after the assessment date are warnings; maturity may be later", () => {
    const g = grid(POLICY_2025, [
      "贷款台账",
      [
        ["贷款编号", "发放日期", "到期日期", "形成不良年份"],
        ["L1", "2025-12-31", "2027-01-01", 2025],
        ["L2", "2026-01-01", "2027-01-01", 2026],
      ],
    ]);
    const issues = validateWorkbook(g);
    expect(brief(issues)).toEqual([
      "贷款台账!B3 warning DATE.future",
      "贷款台账!D3 warning DATE.future",
    ]);
    expect(issues.find((i) => i.cell === "B3")?.message).toBe(
      "“发放日期”2026-01-01 晚于评定日期 2025-12-31"
    );
  });

  test("the assessment date comes from the policy sheet, or from the policy given", () => {
    const g = grid(
      [
        "政策参数",
        [
          ["参数", "值"],
          ["年度", 2026],
        ],
      ],
      [
        "贷款台账",
        [
          ["贷款编号", "发放日期"],
          ["L1", "2026-01-01"],
        ],
      ]
    );
    expect(brief(validateWorkbook(g))).toEqual([]);
    expect(brief(validateWorkbook(g, defaultPolicy(2025)))).toEqual([
      "贷款台账!B2 warning DATE.future",
    ]);
    expect(validateWorkbookFull(g).policy.year).toBe(2026);
  });

  test("normal-class shares written one as a fraction and one as a percent", () => {
    const g = grid(POLICY_2025, [
      "客户经理",
      [
        ["员工号", "姓名", "正常类贷款占比", "上年正常类贷款占比"],
        ["1001", "甲", 0.95, 93],
        ["1002", "乙", 95, 93],
        ["1003", "丙", 0.95, 0.93],
        ["1004", "丁", 0, 0.5],
      ],
    ]);
    // issue 15 item 4: besides the row, each share column holding fractions gets one warning at its header
    expect(brief(validateWorkbook(g))).toEqual([
      "客户经理!C1 warning PLAUSIBLE.scale",
      "客户经理!D1 warning PLAUSIBLE.scale",
      "客户经理!C2 warning RANGE.正常类贷款占比",
    ]);
  });

  test("a customer listed twice for the same CM", () => {
    const g = grid(POLICY_2025, MANAGERS, [
      "公司客户",
      [
        ["客户名称", "客户经理"],
        ["甲公司", "1001"],
        ["甲公司", "1002"],
        ["甲公司", "1001"],
      ],
    ]);
    const issues = validateWorkbook(g).filter((i) => i.rule === "UNIQUE.客户名称");
    expect(issues).toEqual([
      expect.objectContaining({ sheet: "公司客户", cell: "A4", severity: "warning" }),
    ]);
    expect(issues[0].message).toContain("A2");
  });

  test("policy sheet issues are included (不良容忍度 120 looks like a mistyped percent)", () => {
    const g = grid([
      "政策参数",
      [
        ["参数", "值"],
        ["年度", 2025],
        ["不良容忍度", 120],
      ],
    ]);
    const issues = validateWorkbook(g).filter(
      (i) => i.sheet === "政策参数" && i.rule !== "POLICY.default"
    );
    expect(issues).toEqual([expect.objectContaining({ cell: "B3", severity: "warning" })]);
  });

  test("sorted by sheet (workbook order, workbook-wide first), row, column", () => {
    const g = grid(
      [
        "贷款台账",
        [
          ["贷款编号", "贷款余额", "发放日期"],
          ["L1", "x", "y"],
          ["L2", "z", null],
        ],
      ],
      POLICY_2025,
      [
        "客户经理",
        [
          ["员工号", "姓名", "性别"],
          ["1", "甲", "?"],
        ],
      ]
    );
    const order = validateWorkbook(g).map((i) => `${i.sheet}!${i.cell}`);
    const firstSheetIssue = order.findIndex((s) => s.startsWith("贷款台账"));
    expect(order.slice(0, firstSheetIssue).every((s) => s.startsWith("!"))).toBe(true);
    const ledger = order.filter((s) => s.startsWith("贷款台账") && s !== "贷款台账!A1");
    expect(ledger).toEqual(["贷款台账!B2", "贷款台账!C2", "贷款台账!B3"]);
    expect(order.indexOf("客户经理!C2")).toBeGreaterThan(order.indexOf("贷款台账!B3"));
  });

  test("validation never changes the grid", () => {
    const g = grid(POLICY_2025, MANAGERS);
    const before = JSON.stringify(g);
    validateWorkbook(g);
    expect(JSON.stringify(g)).toBe(before);
  });
});

describe("validateWorkbook: A13 through rule set A", () => {
  test("findings land on the loan's cell, naming the article", () => {
    const g = grid(POLICY_2025, MANAGERS, [
      "贷款台账",
      [
        [
          "贷款编号",
          "借款人类型",
          "第一责任人",
          "管理责任人",
          "发放日期",
          "发放金额",
          "配偶或家庭成员担保",
          "担保方式",
          "职工直系亲属",
        ],
        ["L1", "自然人", "1001", null, "2025-01-01", 20000, "否", "保证", "否"],
        ["L2", "企业", "1001", "1001", "2025-01-01", 20000, "否", "信用", "是"],
      ],
    ]);
    const a13 = validateWorkbook(g).filter((i) => i.rule.startsWith("A13."));
    expect(a13.map((i) => `${i.cell} ${i.severity} ${i.rule}`)).toEqual([
      "D2 warning A13.第二十七条",
      "G2 warning A13.第二十四条",
      "H3 warning A13.第二十六条",
    ]);
    expect(a13[1].message).toContain("第二十四条");
  });

  test("a column the ledger does not have gives its notice, not one finding per loan", () => {
    const g = grid(POLICY_2025, MANAGERS, [
      "贷款台账",
      [
        ["贷款编号", "第一责任人", "发放日期"],
        ["L1", "1001", "2025-01-01"],
        ["L2", "1001", "2025-02-01"],
      ],
    ]);
    const issues = validateWorkbook(g);
    expect(issues.filter((i) => i.rule.startsWith("A13."))).toEqual([]);
    expect(
      issues.filter((i) => i.rule === "COLUMN.optional" && i.message.includes("管理责任人"))
    ).toHaveLength(1);
  });
});

import { readWorkbook } from "../../src/reader/read";
import { toSerial } from "../../src/core/dates";
import { defaultPolicy } from "../../src/policy/defaults";
import type { Policy } from "../../src/policy/types";
import type { SheetGrid, WorkbookGrid } from "../../src/core/grid";

const P2025 = defaultPolicy(2025);
const P_WAN: Policy = { ...P2025, amountUnit: "万元" };

function grid(...sheets: [string, unknown[][], number?, number?][]): WorkbookGrid {
  return {
    sheets: sheets.map(([name, values, r, c]) => ({
      name,
      values: values as SheetGrid["values"],
      rowOffset: r ?? 0,
      colOffset: c ?? 0,
    })),
  };
}

function brief(issues: { sheet: string; cell: string; severity: string; rule: string }[]) {
  return issues
    .filter((i) => i.rule !== "COLUMN.optional" && i.rule !== "TABLE.missing")
    .map((i) => `${i.sheet}!${i.cell} ${i.severity} ${i.rule}`);
}

describe("readWorkbook: typed rows", () => {
  test("manager cells of every type, tricky forms accepted", () => {
    const g = grid([
      "客户经理",
      [
        [
          "员工号",
          "姓名",
          "性别",
          "出生日期",
          "行别类型",
          "城区",
          "当年发放贷款笔数",
          "当年贷款利息收入（万元）",
          "年末管理贷款总额",
          "正常类贷款占比",
          "现等级",
        ],
        [
          "１００１ ",
          " 张三",
          "男",
          toSerial("1975-03-31"),
          "城关区",
          "是",
          "１２３",
          "12万元",
          "1,234.50",
          "95%",
          "见习",
        ],
        ["1002", "李四", "女性", "1985年3月1日", "二类行", "N", 7, 3.5, 100, 90, null],
      ],
    ]);
    const d = readWorkbook(g, P2025);
    expect(brief(d.issues)).toEqual([]);
    expect(d.managers).toHaveLength(2);
    const [m1, m2] = d.managers;
    expect(m1.src).toEqual({ sheet: "客户经理", row: 1 });
    expect(m1.id).toBe("1001");
    expect(m1.name).toBe("张三");
    expect(m1.sex).toBe("男");
    expect(m1.birth).toBe("1975-03-31");
    expect(m1.branchType).toBe("一类行");
    expect(m1.urban).toBe(true);
    expect(m1.loanCount).toBe(123);
    // 12 万元 under a 万元 header → 120,000 元
    expect(m1.interestIncome?.toString()).toBe("120000");
    // no unit in the header: the policy's 金额单位 (元)
    expect(m1.managedLoans?.toString()).toBe("1234.5");
    expect(m1.normalShare).toBe(95);
    expect(m1.level).toBe("见习");
    expect(m2.sex).toBe("女");
    expect(m2.birth).toBe("1985-03-01");
    expect(m2.urban).toBe(false);
    expect(m2.interestIncome?.toString()).toBe("35000");
    expect(m2.level).toBeNull();
    // absent columns are null, never 0
    expect(m2.retiring).toBeNull();
    expect(m2.riskFund).toBeNull();
    expect(d.tables.managers).toEqual({
      sheet: "客户经理",
      headerRow: 0,
      columns: expect.objectContaining({ id: 0, name: 1, level: 10 }),
    });
  });

  test("the policy's 万元 applies to amount columns without a unit; a header's 元 wins", () => {
    const g = grid([
      "公司客户",
      [
        ["客户名称", "客户经理", "日均存款", "日均贷款(元)", "国际结算额美元"],
        ["甲公司", "1001", 2, 30000, 5000],
      ],
    ]);
    const [c] = readWorkbook(g, P_WAN).customers;
    expect(c.deposits?.toString()).toBe("20000");
    expect(c.loans?.toString()).toBe("30000");
    // USD is never scaled by the amount unit
    expect(c.settlementUsd).toBe(5000);
  });

  test("numbers in cells are read as Excel shows them (15 significant digits), before the unit", () => {
    const g = grid(
      [
        "客户经理",
        [
          [
            "员工号",
            "姓名",
            "当年发放贷款笔数",
            "当年贷款利息收入",
            "新增不良贷款余额",
            "年末管理贷款总额（万元）",
            "正常类贷款占比",
            "出生日期",
            "原岗位工资系数",
          ],
          [
            "1001",
            "张三",
            3.0000000000000004,
            0.30000000000000004,
            123456789012.345,
            99.99999999999999,
            100.00000000000001,
            toSerial("1975-06-30") - 1e-11,
            1.7999999999999998,
          ],
          [
            "1002",
            "李四",
            2 ** 53,
            -0,
            1e-7,
            0.1234567890123456,
            89.99499999999999,
            toSerial("1975-06-30"),
            1.8,
          ],
        ],
      ],
      [
        "风险预警",
        [
          ["贷款编号", "预警类型", "风险金额", "到期日期"],
          ["W1", "到期", 999999.9999999999, 45838],
          ["W2", "到期", 999999.99, 45838],
        ],
      ]
    );
    const d = readWorkbook(g, P2025);
    expect(brief(d.issues)).toEqual([]);
    const [m1, m2] = d.managers;
    expect(m1.loanCount).toBe(3); // =0.1*3*10, shown 3: a whole number
    expect(m1.interestIncome?.toString()).toBe("0.3");
    expect(m1.newNpl?.toString()).toBe("123456789012.345"); // typed with 15 digits: unchanged
    expect(m1.managedLoans?.toString()).toBe("1000000"); // 99.99999999999999 万元 is shown as 100
    expect(m1.normalShare).toBe(100); // not above 100%
    expect(m1.birth).toBe("1975-06-30"); // a serial a hair below the day's is shown as the day
    expect(m2.birth).toBe("1975-06-30");
    expect(m1.prevCoefficient).toBe(1.8);
    expect(m2.loanCount).toBe(9007199254740990);
    expect(Object.is(m2.interestIncome?.toNumber(), 0)).toBe(true);
    expect(m2.newNpl?.toString()).toBe("1e-7");
    expect(m2.managedLoans?.toString()).toBe("1234.56789012346");
    expect(m2.normalShare).toBe(89.995);
    expect(m2.prevCoefficient).toBe(1.8);
    // the 1,000,000 line of rule set D: a risk amount shown as 1,000,000 is on it
    expect(d.warnings.map((w) => w.amount?.toString())).toEqual(["1000000", "999999.99"]);
  });

  test("12万元 under a header without a unit is an error, never 12 or 0", () => {
    const g = grid([
      "公司客户",
      [
        ["客户名称", "客户经理", "日均存款"],
        ["甲公司", "1001", "12万元"],
      ],
    ]);
    const d = readWorkbook(g, P2025);
    expect(brief(d.issues)).toEqual(["公司客户!C2 error TYPE.amount"]);
    expect(d.issues.find((i) => i.rule === "TYPE.amount")?.message).toBe(
      "“日均存款”：“12万元”不是数值"
    );
    // rev 2: the row is read with the cell null and recorded as unreadable (summaries needing 日均存款 leave it out)
    expect(d.customers.map((c) => [c.customer, c.deposits])).toEqual([["甲公司", null]]);
    expect([...d.unreadable.customers.values()]).toEqual([
      [
        {
          key: "deposits",
          cell: "C2",
          zh: "日均存款“12万元”不是数值",
          en: '日均存款: "12万元" is not a number',
        },
      ],
    ]);
    expect(d.invalidRows.customers).toBe(1);
  });

  test("blank rows and totals rows are skipped; offsets give sheet addresses", () => {
    const g = grid([
      "台账",
      [
        ["贷款编号", "贷款余额"],
        ["L1", 10],
        [null, ""],
        ["  ", null],
        ["L2", "abc"],
        ["合计", 10],
      ],
      3,
      1,
    ]);
    const d = readWorkbook(g, P2025);
    expect(brief(d.issues)).toEqual(["台账!C8 error TYPE.amount", "台账!B9 info ROW.total"]);
    expect(d.loans.map((l) => [l.loanId, l.src.row, l.balance?.toString() ?? null])).toEqual([
      ["L1", 4, "10"],
      ["L2", 7, null],
    ]);
    expect(d.tables.loans).toEqual({
      sheet: "台账",
      headerRow: 3,
      columns: { loanId: 1, balance: 2 },
    });
  });

  test("差错记录: 次数 blank = 1, item codes through rule set C", () => {
    const g = grid([
      "差错记录",
      [
        ["员工号", "日期", "条款", "次数", "加重扣分", "说明"],
        ["1001", "2025-03-01", "3.2Ｂ", null, null, null],
        ["1001", "2025-03-02", "3.15/3.3", 2, 1.5, "有风险"],
        ["1001", "2025-03-03", "3.15", 1, null, null],
        ["1001", "2025-03-04", "9.9", 1, null, null],
        ["1001", "2025-03-05", 3.1, 1, null, null],
      ],
    ]);
    const d = readWorkbook(g, P2025);
    expect(brief(d.issues)).toEqual([
      "差错记录!C4 error CODE.条款",
      "差错记录!C5 error CODE.条款",
      "差错记录!C6 error CODE.条款",
    ]);
    expect(d.issues.find((i) => i.cell === "C4")?.message).toContain("3.15/3.3");
    expect(d.issues.find((i) => i.cell === "C6")?.message).toContain("3.10");
    expect(d.errors.map((e) => [e.item, e.count, e.aggravation, e.note])).toEqual([
      ["3.2b", 1, null, null],
      ["3.15/3.3", 2, 1.5, "有风险"],
    ]);
  });
});

describe("readWorkbook: cell checks", () => {
  test("required cells, types, allowed values, ranges", () => {
    const g = grid([
      "客户经理",
      [
        [
          "员工号",
          "姓名",
          "性别",
          "行别类型",
          "当年发放贷款笔数",
          "年末管理贷款总额",
          "正常类贷款占比",
          "当年退休",
          "出生日期",
        ],
        ["1001", "", "男", "一类行", 1, 1, 90, "否", "1970-01-01"],
        ["1002", "乙", "未知", "四类行", 1.5, -3, 120, "可能", "1970-02-30"],
        ["1003", "丙", "女", "三类行", 2, 0, 80, "是", "#N/A"],
      ],
    ]);
    const d = readWorkbook(g, P2025);
    expect(brief(d.issues)).toEqual([
      "客户经理!B2 error REQUIRED",
      "客户经理!C3 error ENUM.性别",
      "客户经理!D3 error ENUM.行别类型",
      "客户经理!E3 error TYPE.int",
      "客户经理!F3 error TYPE.amount",
      "客户经理!G3 error RANGE.正常类贷款占比",
      "客户经理!H3 error TYPE.yesno",
      "客户经理!I3 error TYPE.date",
      "客户经理!F4 warning RANGE.年末管理贷款总额",
      "客户经理!I4 error TYPE.date",
    ]);
    // the row with only a warning is kept, with its value (A2 reports the error itself)
    // rev 2: only the row with a blank 姓名 (required) is not read; the others are, their bad cells null and recorded
    expect(d.managers.map((m) => m.id)).toEqual(["1002", "1003"]);
    expect(d.dropped.managers.map((r) => [r.label, r.cells.map((c) => c.cell)])).toEqual([
      ["1001", ["B2"]],
    ]);
    expect(d.unreadable.managers.get(d.managers[0])?.map((c) => c.key)).toEqual([
      "sex",
      "birth",
      "branchType",
      "loanCount",
      "managedLoans",
      "retiring",
      "normalShare",
    ]);
    expect(d.unreadable.managers.get(d.managers[1])?.map((c) => c.key)).toEqual(["birth"]);
    expect(d.managers[1].retiring).toBe(true);
    expect(d.invalidRows.managers).toBe(3);
    expect(d.issues.find((i) => i.cell === "F3")?.message).toContain("不能为负数");
    expect(d.issues.find((i) => i.cell === "I4")?.message).toContain("#N/A");
  });

  test("a warning does not drop the row", () => {
    const g = grid([
      "客户经理",
      [
        ["员工号", "姓名", "年末管理贷款总额"],
        ["1003", "丙", 0],
      ],
    ]);
    const d = readWorkbook(g, P2025);
    expect(brief(d.issues)).toEqual(["客户经理!C2 warning RANGE.年末管理贷款总额"]);
    expect(d.managers[0].managedLoans?.isZero()).toBe(true);
  });

  test("unique ids: every occurrence is an error and none is read; ids compare half-width", () => {
    const g = grid([
      "贷款台账",
      [
        ["贷款编号", "借款人"],
        ["L1", "甲"],
        ["L2", "乙"],
        ["Ｌ1", "丙"],
      ],
    ]);
    const d = readWorkbook(g, P2025);
    expect(brief(d.issues)).toEqual([
      "贷款台账!A2 error UNIQUE.贷款编号",
      "贷款台账!A4 error UNIQUE.贷款编号",
    ]);
    expect(d.issues[d.issues.length - 1].message).toContain("A2、A4");
    expect(d.loans.map((l) => l.loanId)).toEqual(["L2"]);
    expect(d.invalidRows.loans).toBe(2);
  });

  test("dates in order: granted ≤ maturity, NPL year not before granting, found ≤ reported", () => {
    const g = grid(
      [
        "贷款台账",
        [
          ["贷款编号", "发放日期", "到期日期", "形成不良年份"],
          ["L1", "2025-03-01", "2025-03-01", 2025],
          ["L2", "2025-03-01", "2024-03-01", null],
          ["L3", "2020-01-01", "2030-01-01", 2019],
        ],
      ],
      [
        "风险预警",
        [
          ["贷款编号", "发现日期", "支行上报日期", "分行上报日期"],
          ["L1", "2025-05-02", "2025-05-01", "2025-05-03"],
          ["L3", "2025-05-01", "2025-05-02", "2025-05-01"],
        ],
      ]
    );
    const d = readWorkbook(g, P2025);
    expect(brief(d.issues)).toEqual([
      "贷款台账!C3 error DATE.order",
      "贷款台账!D4 error DATE.order",
      "风险预警!C2 error DATE.order",
      "风险预警!D3 error DATE.order",
    ]);
    expect(d.issues.find((i) => i.cell === "C3")?.message).toBe(
      "“到期日期”2024-03-01 早于“发放日期”2025-03-01"
    );
    // rev 2: rows with a date-order error are read; both dates are in doubt
    expect(d.loans.map((l) => l.loanId)).toEqual(["L1", "L2", "L3"]);
    expect(d.unreadable.loans.get(d.loans[1])?.map((c) => c.key)).toEqual(["granted", "maturity"]);
    expect(d.unreadable.loans.get(d.loans[2])?.map((c) => c.key)).toEqual(["granted", "nplYear"]);
  });
});

describe("预警类型: one list of spellings for the reader and CM.WARNDEADLINE (issue 20)", () => {
  // the spellings CM.WARNDEADLINE has always accepted (test/functions/d) are read from a sheet too
  test.each([
    ["到期预警", "到期"],
    ["到期前30天", "到期"],
    ["欠息预警", "欠息"],
    ["突发事件", "重大事项"],
    ["担保企业", "关联企业"],
    ["财务预警", "财务异常"],
    ["后三类预警", "后三类预测"],
    ["越权放贷预警", "越权放贷"],
    ["未落实前提条件", "未落实贷款条件"],
  ])("%s is read as %s", (typed, type) => {
    const g = grid([
      "风险预警",
      [
        ["贷款编号", "预警类型", "风险金额", "到期日期"],
        ["W1", typed, 1000, 45838],
      ],
    ]);
    const d = readWorkbook(g, P2025);
    expect(brief(d.issues)).toEqual([]);
    expect(d.warnings.map((w) => w.type)).toEqual([type]);
  });

  test("an unknown type is still an issue at its cell", () => {
    const g = grid([
      "风险预警",
      [
        ["贷款编号", "预警类型", "风险金额", "到期日期"],
        ["W1", "逾期预警", 1000, 45838],
      ],
    ]);
    const d = readWorkbook(g, P2025);
    expect(brief(d.issues)).toEqual(["风险预警!B2 error ENUM.预警类型"]);
    expect(d.warnings.map((w) => w.type)).toEqual([null]);
  });
});

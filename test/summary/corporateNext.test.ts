/** 公司客户经理等级 · 距上一级别 (issue 18 item 2): the last column, per CM, hand-worked. */
import { build, CUSTOMER_HEADER, model, Rows } from "./helpers";

const MANAGERS: Rows = [
  [
    "员工号",
    "姓名",
    "首次任职日期",
    "现等级",
    "年度考核结果",
    "连续营销年限",
    "升等考试通过",
    "连续两年后三名",
    "完成主要业务指标",
    "正常类贷款占比",
    "上年正常类贷款占比",
    "诫勉中",
    "见习考试合格",
  ],
  ["K1", "甲", "2024-03-01", "见习", "称职", 1, "否", "否", "是", 98, 97, "否", "是"],
  ["K2", "乙", "2015-03-01", "二级", "称职", 5, "否", "否", "是", 98, 97, "否", null],
  ["K4", "丁", "2015-03-01", "高级", "称职", 5, "否", "否", "是", 98, 97, "否", null],
  ["K3", "丙", "2015-03-01", null, null, null, null, null, null, null, null, null, null],
];
const CUSTOMERS: Rows = [
  [...CUSTOMER_HEADER],
  ["甲一公司", "K1", 10000000, 0, 0, 1000000, "否", "否", "否"],
  ["甲二公司", "K1", 6000000, 0, 0, 0, "否", "否", "否"],
  ["乙一公司", "K2", 80000000, 60000000, 0, 26000000, "否", "否", "否"],
  ["丁一公司", "K4", 1000000, 0, 0, 0, "否", "否", "否"],
  ["丙一公司", "K3", 900000, 0, 0, 0, "否", "否", "否"],
];

describe("公司客户经理等级 · 距上一级别", () => {
  const m = model(build({ 客户经理: MANAGERS, 公司客户: CUSTOMERS }), "公司客户经理等级");
  const last = (i: number) => m.rows[i][m.rows[i].length - 1];

  test("appended after 说明, at the end", () => {
    expect(m.columns.slice(-2).map((c) => c.header)).toEqual(["说明", "距上一级别"]);
  });

  test("二级 → 一级: 2 of a–d needed, none met; the gaps over the counted customer", () => {
    // 一级: a 150,000,000 (one 30,000,000), b 200,000,000 (one 75,000,000), c USD 20,000,000,
    // d 30,000,000; 乙一公司 80,000,000 / 60,000,000 / 0 / 26,000,000
    expect(m.rows[1][0]).toBe("K2");
    expect(last(1)).toBe(
      "一级：a–d 还需 2 项（0/2）：a 日均存款 差 70,000,000.00 元；" +
        "b 日均贷款 差 140,000,000.00 元，单户最高差 15,000,000.00 元；" +
        "c 国际结算 差 20,000,000.00 美元；d 新增日均存款 差 4,000,000.00 元"
    );
  });

  test("见习 → 四级 already met; 高级 is the top; a CM not assessed says why", () => {
    expect(last(0)).toBe("四级：条件均已满足");
    expect(m.rows[2][0]).toBe("K4");
    expect(last(2)).toBe("已是最高级别");
    expect(m.rows[3][0]).toBe("K3");
    expect(String(last(3))).toMatch(/^无法计算：.*现等级为空/);
  });
});

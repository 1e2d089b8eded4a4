/** 等级汇总 rev 2: 职务 (第十三条) in 工资系数, every A8 reason in 退出原因, a missing column said once. */
import { APPENDIX_LABEL } from "../../src/summary/print";
import { build, model, pick, Rows } from "./helpers";

const HEAD = [
  "员工号",
  "姓名",
  "性别",
  "出生日期",
  "行别类型",
  "首次任职日期",
  "当年发放贷款笔数",
  "当年贷款利息收入",
  "新增不良贷款余额",
  "年末管理贷款总额",
  "考试不合格次数",
  "经济处罚次数",
  "通报批评次数",
  "严重违规次数",
];
const EXIT_COLS = [
  "职务",
  "连续两次资格考试未通过",
  "支行考核不合格",
  "总行资格评定不合格",
  "因病不能胜任",
  "重大违规",
  "延长任职至",
];
const base = (id: string, name: string, sex: string, birth: string): (string | number | null)[] => [
  id,
  name,
  sex,
  birth,
  "一类行",
  "2010-01-01",
  100,
  1000000,
  0,
  10000000,
  0,
  0,
  0,
  0,
];

const MANAGERS: Rows = [
  [...HEAD, ...EXIT_COLS],
  [...base("E01", "张一", "男", "1980-01-01"), "支行长", null, null, null, null, null, null],
  [...base("E02", "李二", "男", "1980-01-01"), "客户经理", "是", "是", null, null, "否", null],
  [...base("E03", "王三", "男", "1970-06-15"), null, null, null, null, null, null, "2026-06-30"],
  [...base("E04", "赵四", "男", "1970-06-15"), "副行长", null, null, null, "是", null, null],
  [...base("E05", "钱五", "女", "1985-01-01"), "分理处主任", null, null, null, null, null, null],
];
const ERRORS: Rows = [
  ["员工号", "日期", "条款", "次数"],
  ["E05", "2025-03-01", "1.5", 1],
  ["E01", "2024-03-01", "1.6", 1],
];

describe("等级汇总 rev 2", () => {
  const r = build({ 客户经理: MANAGERS, 差错记录: ERRORS });
  const m = model(r, "等级汇总");

  test("branch heads: grade shown, 工资系数 = 按岗位职务系数（第十三条）; 客户经理/blank: the number", () => {
    expect(pick(m, 0, ["最终等级", "工资系数"])).toEqual(["一级", "按岗位职务系数（第十三条）"]);
    expect(pick(m, 1, ["最终等级", "工资系数"])).toEqual(["一级", 2]);
    expect(pick(m, 2, ["工资系数"])).toEqual([2]);
    expect(pick(m, 3, ["工资系数"])).toEqual(["按岗位职务系数（第十三条）"]);
    expect(pick(m, 4, ["工资系数"])).toEqual(["按岗位职务系数（第十三条）"]);
    expect(String(pick(m, 0, ["说明"])[0])).toContain("第十三条");
  });

  test("退出原因 lists every reason; 最终等级 keeps the grade; 延长任职至 postpones the age exit", () => {
    const [grade, reasons] = pick(m, 1, ["最终等级", "退出原因"]) as [string, string];
    expect(grade).toBe("一级");
    expect(reasons).toContain("连续两次资格考试");
    expect(reasons).toContain("支行考核不合格");
    expect(reasons.split("；")).toHaveLength(2);
    // E03 born 1970-06-15 reached 55 on 2025-06-15 but is extended until 2026-06-30
    expect(pick(m, 2, ["退出原因", "退出日期"])).toEqual([null, "2026-06-30"]);
    // E04: illness
    expect(String(pick(m, 3, ["退出原因"])[0])).toContain("因病");
    // E05: the ✕ item 1.5 of 2025 (E01's 1.6 is of 2024: not counted)
    expect(String(pick(m, 4, ["退出原因"])[0])).toContain("1.5");
    expect(pick(m, 0, ["退出原因"])).toEqual([null]);
    expect(String(pick(m, 0, ["说明"])[0])).not.toContain("无法判断");
  });

  test("without the exit columns and the error log: said once per CM and once below the table, never 'no reason'", () => {
    const OLD: Rows = [HEAD, base("E01", "张一", "男", "1980-01-01")];
    const o = model(build({ 客户经理: OLD }), "等级汇总");
    const note = String(pick(o, 0, ["说明"])[0]);
    expect(note.match(/无法判断/g)).toHaveLength(1);
    expect(note).toContain("支行考核不合格");
    expect(note).toContain("差错积分");
    // the notes under the table (the print appendix after the sign-off repeats each CM's 说明 whole)
    const all = (o.notes ?? []).map((n) => n.map(String).join(" "));
    const appendix = all.findIndex((t) => t.startsWith(APPENDIX_LABEL));
    const lines = (appendix < 0 ? all : all.slice(0, appendix)).filter((t) =>
      t.includes("无法判断")
    );
    expect(lines).toHaveLength(1);
    expect(pick(o, 0, ["工资系数"])).toEqual([2]);
  });
});

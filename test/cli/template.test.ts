import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli } from "./helpers/run";
import { readWorkbookGrid } from "../../src/cli/xlsx";
import { validateWorkbook, validateWorkbookFull } from "../../src/reader/validate";
import { templateSheetModels, TYPE_FORMATS } from "../../src/summary/template";
import { SCHEMA, TABLE_IDS } from "../../src/reader/schema";
import { defaultPolicy } from "../../src/policy/defaults";
import { currentYear } from "../../src/policy/store";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-template-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (...argv: string[]) => runCli(argv);

describe("templateSheetModels", () => {
  // (rev 2) 填写说明 first; the input sheets after it
  const all = templateSheetModels(defaultPolicy(2025));
  const models = all.slice(1);
  test("every input sheet in WORKBOOK.md order with the first accepted names, then 政策参数", () => {
    expect(all.map((m) => m.name)).toEqual([
      "填写说明",
      "客户经理",
      "贷款台账",
      "公司客户",
      "差错记录",
      "风险预警",
      "政策参数",
    ]);
    expect(models[0].columns.slice(0, 6).map((c) => c.header)).toEqual([
      "员工号",
      "姓名",
      "性别",
      "出生日期",
      "支行",
      "行别类型",
    ]);
    expect(models[1].columns.map((c) => c.header)).toEqual([
      "贷款编号",
      "借款人",
      "借款人类型",
      "第一责任人",
      "管理责任人",
      "介绍担保职工",
      "接手责任人",
      "发放日期",
      "到期日期",
      "发放金额（元）",
      "贷款余额（元）",
      "担保方式",
      "配偶或家庭成员担保",
      "五级分类",
      "逾期天数",
      "形成不良年份",
      "已丧失诉讼时效",
      "处置阶段",
      "职工直系亲属",
      "依法起诉",
      // rev 2 (WORKBOOK.md): the optional A11/A12/A13 columns
      "已赔偿金额（元）",
      "免责金额（元）",
      "无配偶证明",
    ]);
    for (const m of models.slice(0, 5)) {
      expect(m.title).toBeNull();
      // (rev 2) one 示例 row
      expect(m.rows).toHaveLength(1);
      expect(m.rows[0][0]).toBe("示例");
      expect(m.freezeHeader).toBe(true);
    }
  });
  test("drop-downs on enumerated and yes/no columns, formats per type", () => {
    const col = (sheet: number, header: string) =>
      models[sheet].columns.find((c) => c.header === header)!;
    expect(col(0, "行别类型").list).toEqual(["一类行", "二类行", "三类行"]);
    expect(col(0, "当年退休").list).toEqual(["是", "否"]);
    expect(col(1, "五级分类").list).toEqual(["正常", "关注", "次级", "可疑", "损失"]);
    expect(col(1, "处置阶段").list).toEqual(["无", "诉讼", "执行", "拍卖", "处置"]);
    expect(col(4, "预警级别").list).toEqual(["黄色", "橙色", "红色"]);
    expect(col(0, "员工号").list).toBeUndefined();
    expect(col(1, "贷款余额（元）").format).toBe("money");
    expect(col(1, "发放日期").format).toBe("date");
    expect(col(1, "逾期天数").format).toBe("int");
    // codes stay text: 3.10 must not become 3.1
    expect(col(3, "条款").format).toBe("text");
    expect(col(0, "员工号").format).toBe("text");
    for (const id of TABLE_IDS) {
      SCHEMA[id].columns.forEach((c, i) =>
        expect(models[TABLE_IDS.indexOf(id)].columns[i].format).toBe(TYPE_FORMATS[c.type])
      );
    }
  });
});

describe("cm-addin template -o FILE.xlsx", () => {
  test("writes every input sheet and the policy; the empty template validates without a problem", async () => {
    const f = path.join(dir, "模板.xlsx");
    const r = await run("template", "-o", f);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    const grid = await readWorkbookGrid(f);
    expect(grid.sheets.map((s) => s.name)).toEqual([
      "填写说明",
      "客户经理",
      "贷款台账",
      "公司客户",
      "差错记录",
      "风险预警",
      "政策参数",
    ]);
    const v = validateWorkbookFull(grid);
    expect(v.issues.filter((i) => i.severity !== "info")).toEqual([]);
    // every table found, every column present
    expect(
      v.issues.filter((i) => i.rule.startsWith("TABLE.") || i.rule.startsWith("COLUMN."))
    ).toEqual([]);
    expect(v.policy.year).toBe(currentYear());
    // the drop-downs reach the file
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    const ws = wb.getWorksheet("贷款台账")!;
    const dv = ws.getCell("N2").dataValidation;
    expect(dv.type).toBe("list");
    expect(dv.formulae?.[0]).toContain("正常,关注,次级,可疑,损失");
  });

  test("filled in, the template reads back as typed rows", async () => {
    const f = path.join(dir, "t2.xlsx");
    expect((await run("template", "-o", f)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    const ws = wb.getWorksheet("客户经理")!;
    ws.getCell("A2").value = "1001";
    ws.getCell("B2").value = "张三";
    ws.getCell("F2").value = "二类行";
    const filled = path.join(dir, "filled.xlsx");
    await wb.xlsx.writeFile(filled);
    const issues = validateWorkbook(await readWorkbookGrid(filled));
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    // ExcelJS expands each drop-down's 10,000 rows into cells (rev 2 adds the 员工号 and 条款 lists)
  }, 120_000);

  test("never overwrites a file; -o is required; nothing else is accepted", async () => {
    const f = path.join(dir, "exists.xlsx");
    fs.writeFileSync(f, "keep");
    const r = await run("template", "-o", f);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(fs.readFileSync(f, "utf8")).toBe("keep");
    for (const argv of [
      ["template"],
      ["template", "x.xlsx"],
      ["template", "-o"],
      ["template", "-o", path.join(dir, "a.csv")],
      ["template", "-o", "b.xlsx", "--year", "2024"],
    ]) {
      const x = await run(...argv);
      expect(x.code).toBe(2);
      expect(x.err).toHaveLength(1);
    }
  });
});

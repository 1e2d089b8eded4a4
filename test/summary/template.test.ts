/**
 * (rev 2) The template: 填写说明 derived from the reader's schema, units in amount headers that the
 * reader accepts, one 示例 row per sheet that the reader skips, drop-downs from 客户经理's 员工号
 * and the 条款 catalogue, the yearly policy figures first and highlighted while blank.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { readWorkbookGrid, writeNewWorkbook } from "../../src/cli/xlsx";
import { defaultPolicy } from "../../src/policy/defaults";
import { readPolicyFromGrid } from "../../src/policy/sheet";
import { readWorkbook } from "../../src/reader/read";
import { SCHEMA, TABLE_IDS, COLUMN_NOTES } from "../../src/reader/schema";
import { validateWorkbookFull } from "../../src/reader/validate";
import { CATALOGUE } from "../../src/rules/c/catalogue";
import { listSource, sheetLayout } from "../../src/summary/model";
import {
  guideSheetModel,
  itemCodes,
  missingTemplateSheets,
  templateHeader,
  templateSheetModels,
  YEARLY_KEYS,
} from "../../src/summary/template";
import { grid } from "./helpers";

const P = defaultPolicy(2025);
const models = templateSheetModels(P);
const byName = (n: string) => models.find((m) => m.name === n)!;

describe("填写说明", () => {
  const g = guideSheetModel(P);
  test("first; one line per sheet and per column of the schema, with type, unit, rules and articles", () => {
    expect(models[0].name).toBe("填写说明");
    const cols = TABLE_IDS.reduce((n, id) => n + SCHEMA[id].columns.length + 1, 0);
    expect(g.rows).toHaveLength(cols + 1);
    const row = (sheet: string, col: string) => g.rows.find((r) => r[0] === sheet && r[1] === col)!;
    expect(row("贷款台账", "贷款余额（元）").slice(2, 5)).toEqual(["金额", "元", null]);
    expect(row("客户经理", "员工号")[4]).toBe("是");
    expect(row("客户经理", "当年发放贷款笔数")[7]).toBe(
      "《银行客户经理及不良贷款管理办法》第十一条"
    );
    expect(row("公司客户", "日均存款（元）")[7]).toBe(
      "《银行客户经理等级管理办法》第十一条二、第九条"
    );
    expect(String(row("客户经理", "行别类型")[8])).toContain("可填：一类行、二类行、三类行");
    expect(String(row("贷款台账", "第一责任人")[8])).toContain("员工号");
    expect(row("客户经理", "（整张表）")[5]).toContain("人力资源部");
  });
  test("the 条款 catalogue below the table: every item of rule set C but 3.15 alone, and 3.15/X", () => {
    const codes = itemCodes();
    expect(codes).not.toContain("3.15");
    expect(codes).toContain("3.15/3.3");
    expect(codes.filter((c) => !c.includes("/"))).toHaveLength(CATALOGUE.length - 1);
    expect(g.notes!.slice(1).map((n) => n[1])).toEqual(codes);
    expect(g.notes!.find((n) => n[1] === "1.5")![3]).toBe("✕ 取消客户经理资格");
    expect(g.notes!.find((n) => n[1] === "3.2b")![3]).toBe(`${P.c.points["3.2b"]} 分（每次）`);
  });
  test("every column note names a column of the schema", () => {
    for (const [t, notes] of Object.entries(COLUMN_NOTES)) {
      for (const k of Object.keys(notes!))
        expect(SCHEMA[t as keyof typeof SCHEMA].columns.some((c) => c.key === k)).toBe(true);
    }
  });
});

describe("input sheets", () => {
  test("units in amount and percent headers, in the policy's unit", () => {
    expect(byName("贷款台账").columns.map((c) => c.header)).toContain("贷款余额（元）");
    const wan = templateSheetModels({ ...P, amountUnit: "万元" });
    expect(wan[2].columns.map((c) => c.header)).toContain("贷款余额（万元）");
    expect(byName("客户经理").columns.map((c) => c.header)).toContain("正常类贷款占比（%）");
    expect(
      templateHeader(
        SCHEMA.loans.columns.find((c) => c.key === "borrower")!,
        P
      )
    ).toBe("借款人");
  });
  test("drop-downs: 员工号 references from 客户经理, 条款 from the catalogue in 填写说明", () => {
    const loans = byName("贷款台账");
    const c = loans.columns.findIndex((x) => x.header === "第一责任人");
    expect(listSource(loans, c)).toBe("='客户经理'!$A$2:$A$10001");
    const errs = byName("差错记录");
    const guide = models[0];
    const L = sheetLayout(guide);
    const item = errs.columns.findIndex((x) => x.header === "条款");
    expect(listSource(errs, item)).toBe(
      `='填写说明'!$B$${L.notesRow! + 2}:$B$${L.notesRow! + guide.notes!.length}`
    );
    expect(
      listSource(
        errs,
        errs.columns.findIndex((x) => x.header === "员工号")
      )
    ).toBe("='客户经理'!$A$2:$A$10001");
  });
  test("the pane's 插入模板: references go to the workbook's own 客户经理 table; 填写说明 added once", () => {
    const g = grid({ 人员: [[], [null, "姓名", "员工号"], [null, "张三", "1001"]] });
    const added = missingTemplateSheets(g, P);
    expect(added.map((m) => m.name)).toEqual([
      "填写说明",
      "贷款台账",
      "公司客户",
      "差错记录",
      "风险预警",
      "政策参数",
    ]);
    const loans = added[1];
    expect(
      listSource(
        loans,
        loans.columns.findIndex((x) => x.header === "第一责任人")
      )
    ).toBe("='人员'!$C$3:$C$10002");
    const again = missingTemplateSheets(
      { sheets: [...g.sheets, { name: "填写说明", rowOffset: 0, colOffset: 0, values: [] }] },
      P
    );
    expect(again.map((m) => m.name)).not.toContain("填写说明");
  });
});

describe("示例 rows", () => {
  test("each input sheet has one, first cell 示例; the reader skips it (and a 示例 row among data)", () => {
    for (const id of TABLE_IDS) expect(byName(SCHEMA[id].zh).rows[0][0]).toBe("示例");
    const m = byName("客户经理");
    const headers = m.columns.map((c) => c.header);
    const row2 = [...m.rows[0]];
    row2[0] = "1001";
    const data = readWorkbook(
      grid({ 客户经理: [headers, m.rows[0], row2, [" 示例 ", "王五"]] }),
      P
    );
    expect(data.managers.map((r) => r.id)).toEqual(["1001"]);
    expect(data.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
  test("the written template reads back: every table found, the 示例 rows skipped, units taken from the headers", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "cm-tpl-"));
    try {
      const f = path.join(dir, "t.xlsx");
      await writeNewWorkbook(f, templateSheetModels({ ...P, amountUnit: "万元" }));
      const g = await readWorkbookGrid(f);
      const v = validateWorkbookFull(g);
      expect(v.issues.filter((i) => i.severity !== "info")).toEqual([]);
      for (const id of TABLE_IDS) expect(v.data.tables[id]).not.toBeNull();
      expect(v.data.managers).toEqual([]);
      expect(v.data.loans).toEqual([]);
      // a 万元 header is read as 万元 whatever the policy says
      const loans = g.sheets.find((s) => s.name === "贷款台账")!;
      const bal = (loans.values[0] as unknown[]).indexOf("贷款余额（万元）");
      loans.values[1][0] = "L1";
      loans.values[1][bal] = 2;
      const d = readWorkbook(g, P);
      expect(d.issues.filter((i) => i.severity === "error")).toEqual([]);
      expect(d.loans[0].balance?.toString()).toBe("20000");
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe("政策参数", () => {
  test("the yearly figures first, blank and highlighted while blank; the sheet reads back as the policy", () => {
    const m = byName("政策参数");
    expect(m.rows.slice(0, 3).map((r) => r[0])).toEqual([...YEARLY_KEYS]);
    expect(m.rows.slice(0, 3).map((r) => r[1])).toEqual([null, null, null]);
    expect(m.blankHighlight).toMatchObject({ rows: [0, 1, 2], col: 1 });
    const headers = m.columns.map((c) => c.header);
    const r = readPolicyFromGrid(grid({ 政策参数: [headers, ...m.rows] }), 2025);
    expect(r.policy).toEqual(P);
    expect(r.issues.filter((i) => i.severity !== "info")).toEqual([]);
  });
});

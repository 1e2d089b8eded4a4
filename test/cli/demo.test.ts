/**
 * `cm-addin demo`: the sample workbook summarized into OUT.xlsx, the grade roster printed as a
 * table aligned by display width (Chinese characters take two columns), where OUT.xlsx went.
 * Also checks that examples/sample.xlsx is what examples/make-sample.ts makes (deterministic).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "./helpers/run";
import { rosterTable, SAMPLE_PATH } from "../../src/cli/commands/demo";
import { displayWidth } from "../../src/cli/commands/validate";
import type { SheetModel } from "../../src/summary/model";
import { DELIBERATE_ERRORS, writeSample } from "../../examples/make-sample";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-demo-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The table part of a roster line: up to the wage coefficient (the free-text column follows it). */
function tablePart(line: string): string {
  return line.split(/ {2}(?=封顶|退出|未评定|系数：)/)[0].trimEnd();
}

describe("demo", () => {
  test("prints the issues, the grade roster of the 60 CMs aligned by display width, and where OUT.xlsx went; exit 0", async () => {
    const out = path.join(dir, "demo.xlsx");
    const r = await runCli(["demo", "-o", out]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe(`示例工作簿（sample workbook）：${SAMPLE_PATH}`);
    expect(r.out.some((l) => /^贷款台账\s+K62\s+错误/.test(l))).toBe(true);
    const start = r.out.findIndex((l) => l.startsWith("等级汇总（grade roster）"));
    expect(start).toBeGreaterThan(0);
    const head = r.out[start + 1];
    expect(head.split(/\s+/).slice(0, 11)).toEqual([
      "员工号",
      "姓名",
      "行别",
      "笔数",
      "利息",
      "质量",
      "扣分",
      "总分",
      "分数等级",
      "最终等级",
      "系数",
    ]);
    const rows = r.out.slice(start + 3, start + 3 + 60);
    expect(rows.map((l) => l.slice(0, 7))).toEqual(
      Array.from({ length: 60 }, (_, i) => String(6201001 + i))
    );
    const widths = new Set(
      [head, r.out[start + 2], ...rows].map((l) => displayWidth(tablePart(l)))
    );
    expect(widths.size).toBe(1);
    // the grade columns line up too: 分数等级 starts at the same display column on every line
    const gradeCol = (l: string) =>
      displayWidth(l.slice(0, l.search(/一级|二级|三级|取消资格|分数等级/)));
    expect(new Set([head, ...rows].map(gradeCol)).size).toBe(1);
    expect(r.out.some((l) => l.startsWith("同类行平均（第十一条）：一类行 20 人"))).toBe(true);
    const written = r.out.find((l) => l.startsWith("已写入 "))!;
    expect(written).toContain(path.resolve(out));
    expect(fs.existsSync(out)).toBe(true);
  });

  test("without -o the summaries go to a new temporary folder", async () => {
    const r = await runCli(["demo"]);
    expect(r.code).toBe(0);
    const m = /^已写入 (.+\.xlsx)（wrote）/.exec(r.out.find((l) => l.startsWith("已写入 "))!);
    expect(m).not.toBeNull();
    expect(m![1].startsWith(path.join(os.tmpdir(), "cm-addin-demo-"))).toBe(true);
    expect(fs.existsSync(m![1])).toBe(true);
    fs.rmSync(path.dirname(m![1]), { recursive: true, force: true });
  });

  test("a file argument is a usage error (exit 2)", async () => {
    const r = await runCli(["demo", "x.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/demo 不接受文件参数/);
  });

  test("rosterTable pads by display width and shows why a CM was not graded", () => {
    const m: SheetModel = {
      name: "等级汇总",
      title: "t",
      columns: [
        "员工号",
        "姓名",
        "行别类型",
        "笔数得分",
        "利息得分",
        "质量得分",
        "扣分",
        "总分",
        "分数等级",
        "封顶原因",
        "最终等级",
        "工资系数",
        "说明",
        "退出原因",
      ].map((header) => ({ header, format: "text" as const })),
      rows: [
        ["E1", "欧阳明月", "一类行", 20, 50, 40, 0, 110, "一级", null, "一级", 2, "…", null],
        [
          "E22",
          "Li",
          "二类行",
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          "未评定：缺少年末管理贷款总额",
          null,
        ],
      ],
      freezeHeader: true,
    };
    const lines = rosterTable(m);
    expect(lines[2]).toBe(
      "E1      欧阳明月  一类行  20.00  50.00  40.00  0.00  110.00  一级      一级         2"
    );
    expect(lines[3]).toBe(
      "E22     Li        二类行      -      -      -     -       -  -         -            -  未评定：缺少年末管理贷款总额"
    );
    expect(lines[0]).toBe(
      "员工号  姓名      行别     笔数   利息   质量  扣分    总分  分数等级  最终等级  系数  封顶原因 / 退出原因"
    );
  });

  test("rosterTable: a post's coefficient (支行长…, 第十三条) keeps the 系数 column narrow and is said in the free text", () => {
    const m: SheetModel = {
      name: "等级汇总",
      title: "t",
      columns: [
        "员工号",
        "姓名",
        "行别类型",
        "笔数得分",
        "利息得分",
        "质量得分",
        "扣分",
        "总分",
        "分数等级",
        "封顶原因",
        "最终等级",
        "工资系数",
        "说明",
        "退出原因",
      ].map((header) => ({ header, format: "text" as const })),
      rows: [
        ["E1", "王", "一类行", 20, 50, 40, 0, 110, "一级", null, "一级", 2, "…", null],
        [
          "E2",
          "张",
          "一类行",
          20,
          50,
          40,
          0,
          110,
          "一级",
          null,
          "一级",
          "按岗位职务系数（第十三条）",
          "…",
          null,
        ],
      ],
      freezeHeader: true,
    };
    const lines = rosterTable(m);
    expect(lines[2]).toBe(
      "E1      王    一类行  20.00  50.00  40.00  0.00  110.00  一级      一级           2"
    );
    expect(lines[3]).toBe(
      "E2      张    一类行  20.00  50.00  40.00  0.00  110.00  一级      一级      按职务  系数：按岗位职务系数（第十三条）"
    );
  });
});

describe("the sample workbook", () => {
  test("examples/sample.xlsx is exactly what examples/make-sample.ts makes", async () => {
    const again = path.join(dir, "sample-again.xlsx");
    const buf = await writeSample(again);
    if (!buf.equals(fs.readFileSync(SAMPLE_PATH))) {
      throw new Error(
        "examples/sample.xlsx is out of date (the script or the policy sheet changed): run npx tsx examples/make-sample.ts and commit it"
      );
    }
    expect(DELIBERATE_ERRORS).toHaveLength(4);
  });
});

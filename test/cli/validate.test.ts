import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "./helpers/run";
import { displayWidth, issueJson, issueTable } from "../../src/cli/commands/validate";
import { writeNewWorkbook } from "../../src/cli/xlsx";
import type { Issue } from "../../src/core/issues";
import { issuesSheetModel } from "../../src/summary/issuesSheet";
import { defaultPolicy } from "../../src/policy/defaults";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-validate-cli-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (...argv: string[]) => runCli(argv);

describe("cm-addin validate: unusable input is one line on stderr, exit 2", () => {
  test("missing file", async () => {
    const r = await run("validate", path.join(dir, "none.xlsx"));
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toContain("none.xlsx");
  });
  test("a file that is not a workbook", async () => {
    const f = path.join(dir, "text.xlsx");
    fs.writeFileSync(f, "员工号,姓名\n1001,张三\n");
    const r = await run("validate", f);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
  });
  test("no file, two files, an unknown option", async () => {
    for (const argv of [
      ["validate"],
      ["validate", "a.xlsx", "b.xlsx"],
      ["validate", "a.xlsx", "--csv"],
    ]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).not.toContain("\n");
    }
  });
});

describe("cm-addin validate: exit status", () => {
  test("warnings and notices only → 0; the JSON is an array", async () => {
    const f = path.join(dir, "ok.xlsx");
    await writeNewWorkbook(f, [
      {
        name: "客户经理",
        title: null,
        freezeHeader: true,
        columns: [
          { header: "员工号", format: "text" },
          { header: "姓名", format: "text" },
          { header: "首次任职日期", format: "date" },
        ],
        rows: [["1001", "张三", "2099-01-01"]],
      },
    ]);
    const r = await run("validate", f, "--json");
    expect(r.code).toBe(0);
    const issues = JSON.parse(r.out.join("\n")) as { severity: string; rule: string }[];
    expect(issues.some((i) => i.severity === "warning" && i.rule === "DATE.future")).toBe(true);
    expect(issues.some((i) => i.severity === "error")).toBe(false);
  });
  test("rev 2: an error that leaves no row out (a policy value not used) → 0, and the ready line says what to check", async () => {
    const f = path.join(dir, "policy-error.xlsx");
    await writeNewWorkbook(f, [
      {
        name: "客户经理",
        title: null,
        freezeHeader: true,
        columns: [
          { header: "员工号", format: "text" },
          { header: "姓名", format: "text" },
        ],
        rows: [["1001", "张三"]],
      },
      {
        name: "政策参数",
        title: null,
        freezeHeader: true,
        columns: [
          { header: "参数", format: "text" },
          { header: "值", format: "text" },
        ],
        rows: [
          ["年度", "2025"],
          ["不良容忍度", "abc"],
        ],
      },
    ]);
    const r = await run("validate", f);
    expect(r.out.some((l) => /政策参数\s+\S+\s+错误\s+POLICY\.value/.test(l))).toBe(true);
    expect(r.out[r.out.length - 1]).toMatch(
      /^可以汇总；但请先核对上面的 1 处错误（未使任何行不计入）/
    );
    expect(r.code).toBe(0);
  });
  test("an error → 1", async () => {
    const f = path.join(dir, "bad.xlsx");
    await writeNewWorkbook(f, [
      {
        name: "客户经理",
        title: null,
        freezeHeader: true,
        columns: [
          { header: "员工号", format: "text" },
          { header: "姓名", format: "text" },
          { header: "性别", format: "text" },
        ],
        rows: [["1001", "张三", "X"]],
      },
    ]);
    const r = await run("validate", f);
    expect(r.code).toBe(1);
    expect(r.out.some((l) => /客户经理\s+C2\s+错误\s+ENUM\.性别/.test(l))).toBe(true);
  });
});

describe("formatting", () => {
  const issues: Issue[] = [
    {
      sheet: "",
      cell: "",
      severity: "info",
      rule: "TABLE.missing",
      message: "未找到",
      messageEn: "none",
    },
    {
      sheet: "贷款台账",
      cell: "AB100",
      severity: "error",
      rule: "TYPE.amount",
      message: "不是数值",
    },
  ];
  test("JSON objects carry exactly sheet, cell, severity, rule, message (rev 2: and category)", () => {
    expect(issueJson(issues)).toEqual([
      {
        sheet: "",
        cell: "",
        severity: "info",
        rule: "TABLE.missing",
        message: "未找到",
        category: "data",
      },
      {
        sheet: "贷款台账",
        cell: "AB100",
        severity: "error",
        rule: "TYPE.amount",
        message: "不是数值",
        category: "data",
      },
    ]);
  });
  test("columns line up by display width (CJK = 2)", () => {
    const lines = issueTable(issues);
    expect(lines).toHaveLength(4);
    const at = (l: string, word: string) => displayWidth(l.slice(0, l.indexOf(word)));
    expect(at(lines[1], "-")).toBe(at(lines[2], "AB100"));
    expect(at(lines[1], "提示")).toBe(at(lines[2], "错误"));
    expect(lines[3]).toBe("错误 1，警告 0，提示 1（errors 1, warnings 0, notices 1）");
  });
  test("no issues", () => {
    expect(issueTable([])[0]).toBe("未发现问题（no issues found）");
  });
  test("display width", () => {
    expect(displayWidth("ab")).toBe(2);
    expect(displayWidth("贷款")).toBe(4);
    expect(displayWidth("（）")).toBe(4);
  });
});

describe("校验结果 sheet model", () => {
  test("title line with counts, policy year, amount unit and time; one row per issue; severity in Chinese", () => {
    const p = { ...defaultPolicy(2025), amountUnit: "万元" as const };
    const m = issuesSheetModel(
      [
        {
          sheet: "贷款台账",
          cell: "C7",
          severity: "error",
          rule: "UNIQUE.贷款编号",
          message: "重复",
        },
        { sheet: "", cell: "", severity: "info", rule: "TABLE.missing", message: "未找到" },
      ],
      p,
      new Date(2025, 11, 31, 9, 5)
    );
    expect(m.name).toBe("校验结果");
    expect(m.title).toBe(
      "校验结果：错误 1，警告 0，提示 1 — 2025 年度政策，金额单位：万元，生成于 2025-12-31 09:05"
    );
    expect(m.columns.map((c) => c.header)).toEqual([
      "工作表",
      "单元格",
      "严重程度",
      "规则",
      "说明",
    ]);
    expect(m.columns.every((c) => c.format === "text")).toBe(true);
    expect(m.rows).toEqual([
      ["贷款台账", "C7", "错误", "UNIQUE.贷款编号", "重复"],
      ["", "", "提示", "TABLE.missing", "未找到"],
    ]);
    expect(m.freezeHeader).toBe(true);
  });
});

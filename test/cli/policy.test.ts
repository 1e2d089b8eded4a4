import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { command } from "../../src/cli/commands/policy";
import { CliError, type CliIO } from "../../src/cli/command";
import { parseYearOption, resolvePolicy } from "../../src/cli/policyOption";
import { defaultPolicy } from "../../src/policy/defaults";
import { policyFromJson } from "../../src/policy/json";
import { policySheetModel } from "../../src/summary/policySheet";
import { currentYear } from "../../src/policy/store";
import type { WorkbookGrid } from "../../src/core/grid";
import { modelGrid } from "../policy/helpers";

function io(): CliIO & { lines: string[]; errs: string[] } {
  const lines: string[] = [];
  const errs: string[] = [];
  return { lines, errs, out: (s) => lines.push(s), err: (s) => errs.push(s) };
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-policy-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text, "utf8");
  return f;
}

describe("cm-addin policy", () => {
  test("prints the year's defaults as a table 参数 值 说明, grouped by rule set", async () => {
    const o = io();
    expect(await command.run(["--year", "2025"], o)).toBe(0);
    const text = o.lines.join("\n");
    expect(text).toContain("2025 年度政策参数默认值");
    expect(text).toMatch(/参数\s+值\s+说明/);
    expect(text).toMatch(/A\.一级\.最低分\s+90 分\s+总分不低于此分为一级.*\[第十条\]/);
    expect(text).toMatch(/不良容忍度\s+（未设置）/);
    expect(text).toMatch(/评定日期\s+2025-12-31/);
    for (const h of ["【通用参数】", "【A ", "【B ", "【C ", "【D "]) expect(text).toContain(h);
  });

  test("--json prints the JSON that --policy reads back", async () => {
    const o = io();
    expect(await command.run(["--year=2024", "--json"], o)).toBe(0);
    const obj = JSON.parse(o.lines.join("\n"));
    expect(obj["年度"]).toBe(2024);
    expect(policyFromJson(o.lines.join("\n"), defaultPolicy(2024))).toEqual(defaultPolicy(2024));
  });

  test("without --year: the current year", async () => {
    const o = io();
    await command.run(["--json"], o);
    expect(JSON.parse(o.lines.join("\n"))["年度"]).toBe(currentYear());
  });

  test("a bad year or an extra argument is a usage error", async () => {
    await expect(command.run(["--year", "25"], io())).rejects.toThrow(CliError);
    await expect(command.run(["--year", "2025", "x.xlsx"], io())).rejects.toThrow(CliError);
    await expect(command.run(["--yr", "2025"], io())).rejects.toThrow(CliError);
    expect(() => parseYearOption("abcd")).toThrow(/--year/);
    expect(parseYearOption(undefined)).toBeUndefined();
  });
});

describe("resolvePolicy", () => {
  const sheet2025 = (): WorkbookGrid => {
    const p = defaultPolicy(2025);
    p.amountUnit = "万元";
    p.nplToleranceRatePct = 1.2;
    p.assessmentDate = "2025-06-30";
    p.a.grades[0].minScore = 88;
    return modelGrid(policySheetModel(p));
  };

  test("the workbook's sheet", () => {
    const r = resolvePolicy(sheet2025(), {});
    expect(r.policy.year).toBe(2025);
    expect(r.policy.a.grades[0].minScore).toBe(88);
    expect(r.policy.assessmentDate).toBe("2025-06-30");
    expect(r.issues).toEqual([]);
  });

  test("--year other than the sheet's: that year's defaults, the sheet's amount unit, 31 December", () => {
    const r = resolvePolicy(sheet2025(), { year: 2024 });
    expect(r.policy).toEqual({ ...defaultPolicy(2024), amountUnit: "万元" });
    expect(r.policy.assessmentDate).toBe("2024-12-31");
    expect(r.issues).toMatchObject([{ severity: "info", rule: "POLICY.year" }]);
  });

  test("--year equal to the sheet's keeps the sheet's 评定日期", () => {
    expect(resolvePolicy(sheet2025(), { year: 2025 }).policy.assessmentDate).toBe("2025-06-30");
  });

  test("no sheet: the current year's defaults (or --year's)", () => {
    const empty: WorkbookGrid = { sheets: [] };
    expect(resolvePolicy(empty, {}).policy).toEqual(defaultPolicy(currentYear()));
    expect(resolvePolicy(empty, { year: 2023 }).policy).toEqual(defaultPolicy(2023));
  });

  test("--policy FILE.json overrides the sheet", () => {
    const f = file("p.json", JSON.stringify({ "A.一级.最低分": 92, a: { countBase: 25 } }));
    const r = resolvePolicy(sheet2025(), { policyFile: f });
    expect(r.policy.a.grades[0].minScore).toBe(92);
    expect(r.policy.a.countBase).toBe(25);
    expect(r.policy.nplToleranceRatePct).toBe(1.2); // from the sheet
    expect(r.policy.amountUnit).toBe("万元");
  });

  test("the JSON's 年度 chooses the year when --year is absent", () => {
    const f = file("y.json", JSON.stringify({ 年度: 2023, 不良容忍度: 2 }));
    const r = resolvePolicy(sheet2025(), { policyFile: f });
    expect(r.policy.year).toBe(2023);
    expect(r.policy.nplToleranceRatePct).toBe(2);
    expect(r.policy.assessmentDate).toBe("2023-12-31");
    expect(r.policy.amountUnit).toBe("万元");
  });

  test("no sheet: the JSON's 年度, and the notice names that year", () => {
    const f = file("n.json", JSON.stringify({ 年度: 2022 }));
    const r = resolvePolicy({ sheets: [] }, { policyFile: f });
    expect(r.policy).toEqual(defaultPolicy(2022));
    expect(r.issues).toMatchObject([{ severity: "info", rule: "POLICY.missing" }]);
    expect(r.issues[0].message).toContain("2022 年默认参数");
  });

  test("a bad JSON, a missing file: one-line CliErrors naming the file", () => {
    const bad = file("bad.json", JSON.stringify({ "A.一级.最低分": "高" }));
    expect(() => resolvePolicy(sheet2025(), { policyFile: bad })).toThrow(CliError);
    try {
      resolvePolicy(sheet2025(), { policyFile: bad });
    } catch (e) {
      expect((e as Error).message).toContain("bad.json");
      expect((e as Error).message).not.toContain("\n");
    }
    expect(() => resolvePolicy(sheet2025(), { policyFile: path.join(dir, "nope.json") })).toThrow(
      /文件不存在/
    );
    expect(() => resolvePolicy(sheet2025(), { year: 1800 })).toThrow(CliError);
  });

  test("a JSON year that conflicts with --year is an error", () => {
    const f = file("c.json", JSON.stringify({ 年度: 2023 }));
    expect(() => resolvePolicy(sheet2025(), { year: 2025, policyFile: f })).toThrow(/不一致/);
  });

  test("the sheet's issues are passed on", () => {
    const g = sheet2025();
    g.sheets[0].values[2][1] = "很多";
    const r = resolvePolicy(g, {});
    expect(r.issues.some((i) => i.severity === "error" && i.sheet === "政策参数")).toBe(true);
  });
});

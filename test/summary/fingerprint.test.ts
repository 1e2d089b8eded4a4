/**
 * (issue 19 item 4) The fingerprints: the canonical cells, stable across formatting-free changes
 * (column order, blank rows, sheets not read, summary sheets), changed by a read cell or a policy
 * figure; the title line's facts read back; the value comparison of a summary sheet.
 */
import { createHash } from "crypto";
import * as path from "path";
import { policyToJson } from "../../src/policy/json";
import type { WorkbookGrid } from "../../src/core/grid";
import { readWorkbookGrid } from "../../src/cli/xlsx";
import { withYearNote } from "../../src/summary/common";
import {
  canonicalCell,
  canonicalInput,
  inputFingerprint,
  madeAtDate,
  policyFingerprint,
  titleFacts,
  withFingerprints,
} from "../../src/summary/fingerprint";
import type { SheetModel } from "../../src/summary/model";
import { compareSheet, sameValue } from "../../src/summary/verify";
import { build, grid, policy2025, Rows } from "./helpers";

const SAMPLE = path.resolve(__dirname, "../../examples/sample.xlsx");

const MANAGERS: Rows = [
  ["员工号", "姓名", "行别类型", "所属支行"],
  ["6201001", "王强", "一类行", "城关支行"],
  ["6201002", "李娜", "二类行", "西湖支行"],
];

function clone(g: WorkbookGrid): WorkbookGrid {
  return { sheets: g.sheets.map((s) => ({ ...s, values: s.values.map((r) => [...r]) })) };
}

function swapColumns(g: WorkbookGrid, sheet: string, a: number, b: number): WorkbookGrid {
  const out = clone(g);
  for (const r of out.sheets.find((s) => s.name === sheet)!.values) [r[a], r[b]] = [r[b], r[a]];
  return out;
}

describe("canonical cells (hand-worked)", () => {
  it("blank, numbers as Excel shows them, text trimmed and escaped, logical values", () => {
    expect(canonicalCell(null)).toBe("");
    expect(canonicalCell(undefined)).toBe("");
    expect(canonicalCell("  \u3000")).toBe("");
    expect(canonicalCell(12.5)).toBe("n12.5");
    expect(canonicalCell(0.1 + 0.2)).toBe("n0.3"); // 0.30000000000000004 shows as 0.3
    expect(canonicalCell(-0)).toBe("n0");
    expect(canonicalCell(" 王强 ")).toBe("s王强");
    expect(canonicalCell("a\tb\\c\nd")).toBe("sa\\tb\\\\c\\nd");
    expect(canonicalCell(true)).toBe("b1");
    expect(canonicalCell(new Date(Date.UTC(2025, 0, 2)))).toBe("d2025-01-02T00:00:00.000Z");
  });

  it("the text of a small workbook, and its fingerprint = the first 12 hex of its SHA-256", () => {
    const g = grid({ 客户经理: MANAGERS });
    const text = [...canonicalInput(g)].join("");
    expect(text.startsWith("T\tmanagers\nC\tid\t\nC\tname\t\n")).toBe(true);
    expect(text).toContain("s6201001\ts王强\t");
    expect(text).toContain("T\tloans\t-\n");
    expect(inputFingerprint(g)).toBe(
      createHash("sha256").update(text, "utf8").digest("hex").slice(0, 12)
    );
    expect(inputFingerprint(g)).toMatch(/^[0-9a-f]{12}$/);
  });
});

describe("input fingerprint", () => {
  let sample: WorkbookGrid;
  let fp: string;
  beforeAll(async () => {
    sample = await readWorkbookGrid(SAMPLE);
    fp = inputFingerprint(sample);
  });
  const loans = () => sample.sheets.find((s) => s.name === "贷款台账")!;

  it("is the same when columns are reordered, blank rows added, sheets renamed or reordered", () => {
    expect(inputFingerprint(swapColumns(sample, "贷款台账", 0, 3))).toBe(fp);
    const blank = clone(sample);
    const l = blank.sheets.find((s) => s.name === "贷款台账")!;
    l.values.splice(
      3,
      0,
      l.values[3].map(() => null)
    );
    expect(inputFingerprint(blank)).toBe(fp);
    const renamed = clone(sample);
    renamed.sheets.reverse();
    renamed.sheets.find((s) => s.name === "客户经理")!.name = "人员名单";
    expect(inputFingerprint(renamed)).toBe(fp);
  });

  it("ignores the summary sheets, the policy sheet and columns the schema does not know", () => {
    const g = clone(sample);
    g.sheets.push({
      name: "等级汇总",
      rowOffset: 0,
      colOffset: 0,
      values: [["x"], ["员工号", "姓名"], ["1", "某"]],
    });
    const policy = g.sheets.find((s) => s.name === "政策参数")!;
    policy.values[2] = [...policy.values[2]];
    policy.values[2][1] = "changed";
    const l = g.sheets.find((s) => s.name === "贷款台账")!;
    const w = l.values[0].length;
    l.values.forEach((r, i) => (r[w] = i === 0 ? "备注（用户自加）" : `note ${i}`));
    expect(inputFingerprint(g)).toBe(fp);
  });

  it("changes when a cell the reader reads changes (one digit of one balance), and comes back", () => {
    const g = clone(sample);
    const l = g.sheets.find((s) => s.name === "贷款台账")!;
    const c = l.values[0].findIndex((h) => typeof h === "string" && h.startsWith("贷款余额"));
    expect(c).toBeGreaterThanOrEqual(0);
    const old = l.values[5][c];
    l.values[5][c] = typeof old === "number" ? old + 0.01 : 1;
    expect(inputFingerprint(g)).not.toBe(fp);
    l.values[5][c] = old;
    expect(inputFingerprint(g)).toBe(fp);
    expect(loans().values[5][c]).toBe(old);
  });

  it("a header's unit counts: 贷款余额（万元） is not 贷款余额（元）", () => {
    const a = grid({
      贷款台账: [
        ["贷款编号", "贷款余额（元）"],
        ["L1", 100],
      ],
    });
    const b = grid({
      贷款台账: [
        ["贷款编号", "贷款余额（万元）"],
        ["L1", 100],
      ],
    });
    expect(inputFingerprint(a)).not.toBe(inputFingerprint(b));
  });
});

describe("policy fingerprint", () => {
  it("is the first 12 hex of the SHA-256 of policyToJson; a figure or the year changes it", () => {
    const p = policy2025();
    expect(policyFingerprint(p)).toBe(
      createHash("sha256").update(policyToJson(p), "utf8").digest("hex").slice(0, 12)
    );
    const q = policy2025();
    q.nplToleranceRatePct = 1.6;
    expect(policyFingerprint(q)).not.toBe(policyFingerprint(p));
    expect(policyFingerprint(policy2025("万元"))).not.toBe(policyFingerprint(p));
    expect(policyFingerprint(policy2025())).toBe(policyFingerprint(p));
  });
});

describe("title line", () => {
  it("every summary built carries both fingerprints; its facts read back", () => {
    const r = build({ 客户经理: MANAGERS });
    expect(r.models.length).toBeGreaterThan(0);
    const g = grid({ 客户经理: MANAGERS });
    for (const m of r.models) {
      const f = titleFacts(m.title!);
      expect(f.policyFingerprint).toBe(policyFingerprint(r.policy));
      expect(f.inputFingerprint).toBe(inputFingerprint(g));
      expect(f.year).toBe(2025);
      expect(f.madeAt).toBe("2026-01-05 09:30");
    }
  });

  it("reads the default-year note, and 校验结果's own form", () => {
    const p = policy2025();
    const t = withFingerprints(
      withYearNote(
        "等级汇总｜政策年度 2025｜生成时间 2026-01-05 09:30",
        p,
        "未指定年度，1–6 月默认上一年度（第十四条）"
      ),
      { policy: "0123456789ab", input: "ba9876543210" }
    );
    expect(t).toBe(
      "等级汇总｜政策年度 2025（未指定年度，1–6 月默认上一年度（第十四条））｜生成时间 2026-01-05 09:30｜政策指纹 0123456789ab｜数据指纹 ba9876543210"
    );
    expect(titleFacts(t)).toEqual({
      year: 2025,
      yearNote: "未指定年度，1–6 月默认上一年度（第十四条）",
      policyFingerprint: "0123456789ab",
      inputFingerprint: "ba9876543210",
      madeAt: "2026-01-05 09:30",
    });
    const issues = titleFacts(
      "校验结果：错误 1，警告 0，提示 1 — 2024 年度政策，金额单位：万元，生成于 2025-12-31 09:05｜政策指纹 0123456789ab｜数据指纹 ba9876543210"
    );
    expect(issues).toMatchObject({
      year: 2024,
      yearNote: null,
      madeAt: "2025-12-31 09:05",
      inputFingerprint: "ba9876543210",
    });
    expect(titleFacts("用户自己的标题")).toEqual({
      year: null,
      yearNote: null,
      policyFingerprint: null,
      inputFingerprint: null,
      madeAt: null,
    });
    expect(madeAtDate("2026-01-05 09:30")!.getTime()).toBe(new Date(2026, 0, 5, 9, 30).getTime());
    expect(madeAtDate("2026-1-5")).toBeNull();
  });
});

describe("compareSheet (values, not formatting)", () => {
  const m: SheetModel = {
    name: "表",
    title: "标题",
    columns: [
      { header: "员工号", format: "text" },
      { header: "日期", format: "date" },
      { header: "金额", format: "money" },
    ],
    rows: [["6201001", "2025-01-02", 1.1]],
    freezeHeader: true,
    notes: [["说明", "一行"]],
  };
  const sheet = (values: (string | number | null)[][]) => ({
    name: "表",
    rowOffset: 0,
    colOffset: 0,
    values,
  });
  const same = (): (string | number | null)[][] => [
    ["标题"],
    ["员工号", "日期", "金额"],
    ["6201001", 45659, 1.1],
    [],
    ["说明", "一行"],
  ];

  it("agrees with the sheet as written (dates as serial numbers)", () => {
    expect(compareSheet(m, sheet(same()))).toEqual({ cells: 1 + 3 + 3 + 2, differences: [] });
  });

  it("names each cell that differs, expected vs found; something typed outside the table too", () => {
    const v = same();
    v[2][2] = 1.2;
    v[4][1] = null;
    v[6] = [null, null, null, "我加的"];
    const d = compareSheet(m, sheet(v)).differences;
    expect(d.map((x) => [x.cell, x.expected, x.found])).toEqual([
      ["C3", 1.1, 1.2],
      ["B5", "一行", null],
      ["D7", null, "我加的"],
    ]);
    expect(d[0].message).toBe("应为 1.1，实为 1.2（expected vs found）");
  });

  it("numbers agree as Excel shows them; blank text is blank", () => {
    expect(sameValue(0.3, 0.1 + 0.2)).toBe(true);
    expect(sameValue(null, "  ")).toBe(true);
    expect(sameValue(1, "1")).toBe(false);
    expect(sameValue(null, 0)).toBe(false);
  });
});

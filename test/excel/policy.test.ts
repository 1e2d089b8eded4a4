/**
 * loadWorkbookPolicy / writePolicySheet under office-addin-mock. The request context, the
 * workbook, the worksheet collection and the application are an OfficeMockObject (its null
 * worksheet must be loaded and synced before isNullObject is read); the worksheets are a small
 * simulation of Excel's cells: a range's values can be read only after load() and a sync, and
 * text written into a cell not formatted "@" is converted the way Excel converts typed text
 * (a date text becomes a serial number, a number text a number). Syncs are counted on the context.
 */
import { OfficeMockObject } from "office-addin-mock";
import { a1, parseA1 } from "../../src/core/issues";
import { toSerial } from "../../src/core/dates";
import { loadWorkbookPolicy, PolicyWriteError, writePolicySheet } from "../../src/excel/policy";
import { defaultPolicy } from "../../src/policy/defaults";
import { POLICY_SCHEMA, shownParams } from "../../src/policy/schema";
import { policySheetModel } from "../../src/summary/policySheet";
import { activePolicy, clearWorkbookPolicies, currentYear } from "../../src/policy/store";
import type { Policy } from "../../src/policy/types";
import { everyFieldChanged } from "../policy/helpers";

type Scalar = string | number | boolean;
interface Cell {
  v: Scalar | null;
  fmt: string;
}

function enter(v: unknown, fmt: string): Scalar | null {
  if (v === null || v === undefined || v === "") return null;
  if (fmt === "@") return typeof v === "string" ? v : String(v);
  if (typeof v !== "string") return v as Scalar;
  if (/^[+-]?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.trim());
  if (d) return toSerial(v.trim());
  return v;
}

class Book {
  sheets = new Map<string, Map<string, Cell>>();
  order: string[] = [];
  syncs = 0;
  calcs: string[] = [];
  writes: string[] = [];

  constructor(init: Record<string, Scalar[][]>) {
    for (const [name, rows] of Object.entries(init)) {
      this.add(name);
      rows.forEach((row, r) =>
        row.forEach((v, c) => this.put(name, r, c, v === "" ? null : v, "General"))
      );
    }
  }
  add(name: string): void {
    if (this.sheets.has(name)) throw new Error(`sheet ${name} exists`);
    this.sheets.set(name, new Map());
    this.order.push(name);
  }
  put(sheet: string, r: number, c: number, v: Scalar | null, fmt: string): void {
    this.sheets.get(sheet)!.set(`${r},${c}`, { v, fmt });
  }
  cell(sheet: string, r: number, c: number): Cell | undefined {
    return this.sheets.get(sheet)!.get(`${r},${c}`);
  }
  /** bounding box of non-blank cells */
  used(sheet: string): { r0: number; c0: number; r1: number; c1: number } | null {
    let box: { r0: number; c0: number; r1: number; c1: number } | null = null;
    for (const [k, cell] of this.sheets.get(sheet)!) {
      if (cell.v === null) continue;
      const [r, c] = k.split(",").map(Number);
      box = box
        ? {
            r0: Math.min(box.r0, r),
            c0: Math.min(box.c0, c),
            r1: Math.max(box.r1, r),
            c1: Math.max(box.c1, c),
          }
        : { r0: r, c0: c, r1: r, c1: c };
    }
    return box;
  }
  /** the sheet as rows of values ("" blank), from A1 */
  rows(sheet: string): (Scalar | "")[][] {
    const u = this.used(sheet);
    if (!u) return [];
    const out: (Scalar | "")[][] = [];
    for (let r = 0; r <= u.r1; r++) {
      const row: (Scalar | "")[] = [];
      for (let c = 0; c <= u.c1; c++) row.push(this.cell(sheet, r, c)?.v ?? "");
      out.push(row);
    }
    return out;
  }
  snapshot(sheet: string): string {
    return JSON.stringify([...this.sheets.get(sheet)!]);
  }
}

function box(address: string): { r0: number; c0: number; r1: number; c1: number } {
  const [p, q] = address.split(":");
  const a = parseA1(p)!;
  const b = parseA1(q ?? p)!;
  return { r0: a.row, c0: a.col, r1: b.row, c1: b.col };
}

/** A range over the book; values/address readable only after load() and a later sync. */
function fakeRange(
  book: Book,
  sheet: string,
  b: { r0: number; c0: number; r1: number; c1: number } | null
) {
  let loadedAt = -1;
  const need = () => {
    if (loadedAt < 0 || book.syncs <= loadedAt)
      throw new Error("range property read before load() + sync()");
  };
  const quoted = `'${sheet}'`;
  return {
    get isNullObject() {
      need();
      return b === null;
    },
    load(_p: string) {
      loadedAt = book.syncs;
      return this;
    },
    get address() {
      need();
      return `${quoted}!${a1(b!.r0, b!.c0)}:${a1(b!.r1, b!.c1)}`;
    },
    get values() {
      need();
      const out: unknown[][] = [];
      for (let r = b!.r0; r <= b!.r1; r++) {
        const row: unknown[] = [];
        for (let c = b!.c0; c <= b!.c1; c++) row.push(book.cell(sheet, r, c)?.v ?? "");
        out.push(row);
      }
      return out;
    },
    set numberFormat(f: string[][]) {
      book.writes.push(`${sheet}!numberFormat`);
      for (let r = b!.r0; r <= b!.r1; r++)
        for (let c = b!.c0; c <= b!.c1; c++) {
          const old = book.cell(sheet, r, c);
          book.put(sheet, r, c, old?.v ?? null, f[r - b!.r0][c - b!.c0]);
        }
    },
    set values(v: unknown[][]) {
      book.writes.push(`${sheet}!values`);
      if (v.length !== b!.r1 - b!.r0 + 1 || v.some((row) => row.length !== b!.c1 - b!.c0 + 1))
        throw new Error("size mismatch");
      for (let r = b!.r0; r <= b!.r1; r++)
        for (let c = b!.c0; c <= b!.c1; c++) {
          const fmt = book.cell(sheet, r, c)?.fmt ?? "General";
          book.put(sheet, r, c, enter(v[r - b!.r0][c - b!.c0], fmt), fmt);
        }
    },
    format: {
      set columnWidth(_w: number) {
        book.writes.push(`${sheet}!columnWidth`);
      },
      font: {
        set bold(_b: boolean) {
          book.writes.push(`${sheet}!bold`);
        },
      },
    },
  };
}

function fakeSheet(book: Book, name: string) {
  return {
    name,
    isNullObject: false,
    load() {
      return this;
    },
    getUsedRangeOrNullObject(valuesOnly?: boolean) {
      if (valuesOnly !== true) throw new Error("values-only used range expected");
      return fakeRange(book, name, book.used(name));
    },
    getRange(address: string) {
      return fakeRange(book, name, box(address));
    },
    freezePanes: {
      freezeRows(n: number) {
        book.writes.push(`${name}!freeze${n}`);
      },
    },
    onChanged: { add: () => undefined },
  };
}

function harness(init: Record<string, Scalar[][]>) {
  const book = new Book(init);
  const seed = {
    nullSheet: { isNullObject: true },
    workbook: {
      worksheets: {
        getItemOrNullObject(name: string) {
          return book.sheets.has(name)
            ? fakeSheet(book, name)
            : (ctx as unknown as { nullSheet: unknown }).nullSheet;
        },
        add(name: string) {
          book.add(name);
          book.writes.push(`${name}!add`);
          return fakeSheet(book, name);
        },
        load() {
          return this;
        },
      },
      application: {
        calculate(type: string) {
          book.calcs.push(type);
        },
      },
    },
  };
  const ctx = new OfficeMockObject(seed) as unknown as {
    sync: () => Promise<void>;
    workbook: { worksheets: object };
  };
  // the collection's items: the sheets at the time they are read
  Object.defineProperty(ctx.workbook.worksheets, "items", {
    get: () => book.order.map((n) => fakeSheet(book, n)),
  });
  const mockSync = ctx.sync.bind(ctx);
  ctx.sync = async () => {
    book.syncs++;
    await mockSync();
  };
  const sync = jest.spyOn(ctx, "sync");
  return { book, context: ctx as unknown as Excel.RequestContext, sync };
}

const SHEET = "政策参数";

function sheetRows(p: Policy): Scalar[][] {
  const m = policySheetModel(p);
  return [
    m.columns.map((c) => c.header),
    ...m.rows.map((r) => r.map((v) => (v === null ? "" : v))),
  ];
}

const roster: Scalar[][] = [
  ["员工号", "姓名"],
  ["1001", "张三"],
];

beforeAll(() => {
  (globalThis as Record<string, unknown>).Excel = {
    CalculationType: { full: "Full" },
    run: () => Promise.reject(new Error("use a context")),
  };
});
beforeEach(() => clearWorkbookPolicies());

describe("writePolicySheet", () => {
  test("creates the 政策参数 sheet, registers the policy, recalculates fully; 3 syncs; nothing else touched", async () => {
    const h = harness({ 客户经理: roster });
    const before = h.book.snapshot("客户经理");
    const p = everyFieldChanged(2026);
    const r = await writePolicySheet(p, h.context);
    expect(r).toEqual({ created: true, updated: 0, added: shownParams(p).length });
    expect(h.sync).toHaveBeenCalledTimes(3);
    expect(h.book.calcs).toEqual(["Full"]);
    expect(activePolicy()).toEqual(p);
    expect(h.book.snapshot("客户经理")).toBe(before);
    expect(h.book.writes.every((w) => w.startsWith(`${SHEET}!`))).toBe(true);
    // header in row 1, frozen; dates stay text (cell formatted @)
    expect(h.book.rows(SHEET)[0]).toEqual(["参数", "值", "说明", "规则", "条款", "单位", "默认值"]);
    expect(h.book.writes).toContain(`${SHEET}!freeze1`);
    const dateRow = POLICY_SCHEMA.findIndex((d) => d.key === "评定日期") + 1;
    expect(h.book.cell(SHEET, dateRow, 1)).toEqual({ v: "2026-06-30", fmt: "@" });
    // and it reads back as the same policy
    clearWorkbookPolicies();
    const back = await loadWorkbookPolicy(h.context);
    expect(back.issues).toEqual([]);
    expect(back.policy).toEqual(p);
  });

  test("updates the 值 cells in place: user rows kept in their order, unknown rows and user notes untouched, missing keys appended", async () => {
    const full = sheetRows(defaultPolicy(2025));
    const header = full[0];
    const body = full.slice(1);
    // the user reordered rows, dropped two keys, added a row of their own and wrote a note
    const dropped = ["A.笔数.最高分", "D.大额起点"];
    const kept = body.filter((r) => !dropped.includes(r[0] as string)).reverse();
    const tolIdx = kept.findIndex((r) => r[0] === "不良容忍度");
    const capIdx = kept.findIndex((r) => r[0] === "A.封顶.严重违规");
    kept[capIdx] = [...kept[capIdx]];
    kept[capIdx][2] = "2025 年总行文件确认";
    const user: Scalar[] = ["本表由风险部维护", "", "", "", "", "", ""];
    const h = harness({ 客户经理: roster, [SHEET]: [header, user, ...kept] });
    const before = h.book.snapshot("客户经理");

    const p = defaultPolicy(2025);
    p.nplToleranceRatePct = 1.2;
    p.a.countMax = 32;
    p.a.grades[0].minScore = 88;
    const r = await writePolicySheet(p, h.context);
    expect(r).toEqual({ created: false, updated: shownParams(p).length - 2, added: 2 });
    expect(h.sync).toHaveBeenCalledTimes(4);
    expect(h.book.calcs).toEqual(["Full"]);
    expect(h.book.snapshot("客户经理")).toBe(before);

    const rows = h.book.rows(SHEET);
    expect(rows[1][0]).toBe("本表由风险部维护");
    expect(rows.slice(2, 2 + kept.length).map((x) => x[0])).toEqual(kept.map((x) => x[0]));
    expect(rows.slice(2 + kept.length).map((x) => x[0])).toEqual(dropped);
    expect(rows[2 + kept.length]).toEqual([
      "A.笔数.最高分",
      32,
      expect.any(String),
      "A",
      "第十一条 1",
      "分",
      30,
    ]);
    // 不良容忍度: value set, the add-in's 说明 no longer says 未设置
    expect(rows[2 + tolIdx][1]).toBe(1.2);
    expect(String(rows[2 + tolIdx][2])).not.toMatch(/^未设置/);
    // the user's own note stays
    expect(rows[2 + capIdx][2]).toBe("2025 年总行文件确认");

    clearWorkbookPolicies();
    const back = await loadWorkbookPolicy(h.context);
    expect(back.policy).toEqual(p);
    expect(back.issues.filter((i) => i.severity !== "info")).toEqual([
      expect.objectContaining({ severity: "warning", rule: "POLICY.unknown", cell: "A2" }),
    ]);
  });

  test("a 政策参数 sheet with other content and no header is refused; nothing written", async () => {
    const h = harness({ [SHEET]: [["这是别的内容", 1]] });
    await expect(writePolicySheet(defaultPolicy(2025), h.context)).rejects.toThrow(
      PolicyWriteError
    );
    expect(h.book.writes).toEqual([]);
    expect(h.book.calcs).toEqual([]);
  });

  test("a policy with errors is refused before anything is written", async () => {
    const h = harness({});
    const p = defaultPolicy(2025);
    p.a.grades[1].minScore = 95;
    await expect(writePolicySheet(p, h.context)).rejects.toThrow(/从高到低/);
    expect(h.sync).not.toHaveBeenCalled();
    expect(activePolicy()).toEqual(defaultPolicy(currentYear()));
  });

  test("the sync count does not grow with the workbook", async () => {
    const big: Record<string, Scalar[][]> = {};
    for (let i = 0; i < 20; i++) big[`S${i}`] = Array.from({ length: 200 }, (_, r) => [`r${r}`, r]);
    big[SHEET] = sheetRows(defaultPolicy(2025));
    const h = harness(big);
    await writePolicySheet(defaultPolicy(2025), h.context);
    expect(h.sync).toHaveBeenCalledTimes(4);
  });
});

describe("loadWorkbookPolicy", () => {
  test("reads the 政策参数 sheet in 2 syncs (+1 to recalculate when the policy changed), registers it", async () => {
    const p = defaultPolicy(2025);
    p.a.grades[0].minScore = 85;
    const h = harness({ 客户经理: roster, [SHEET]: sheetRows(p) });
    const r = await loadWorkbookPolicy(h.context);
    expect(r.found).toBe(true);
    expect(r.policy).toEqual(p);
    expect(activePolicy().a.grades[0].minScore).toBe(85);
    expect(h.book.calcs).toEqual(["Full"]);
    expect(h.sync).toHaveBeenCalledTimes(3);
    // unchanged on the second load: no recalculation
    await loadWorkbookPolicy(h.context);
    expect(h.book.calcs).toEqual(["Full"]);
    expect(h.sync).toHaveBeenCalledTimes(5);
    expect(h.book.writes).toEqual([]);
  });

  test("issues of the sheet are returned with their cells; defaults used for bad cells", async () => {
    const rows = sheetRows(defaultPolicy(2025));
    const i = rows.findIndex((r) => r[0] === "不良容忍度");
    rows[i][1] = 120;
    const j = rows.findIndex((r) => r[0] === "A.一级.最低分");
    rows[j][1] = "高";
    const h = harness({ [SHEET]: rows });
    const r = await loadWorkbookPolicy(h.context);
    expect(r.issues.map((x) => [x.cell, x.severity])).toEqual([
      [`B${i + 1}`, "warning"],
      [`B${j + 1}`, "error"],
    ]);
    expect(activePolicy().nplToleranceRatePct).toBeNull();
    expect(activePolicy().a.grades[0].minScore).toBe(90);
  });

  test("a table in another sheet is found by its header (4 syncs)", async () => {
    const p = defaultPolicy(2024);
    const rows = sheetRows(p).map((r) => ["", ...r]);
    const h = harness({ 客户经理: roster, 参数表: [["2024 政策"], ...rows] });
    const r = await loadWorkbookPolicy(h.context);
    expect(r.found).toBe(true);
    expect(r.policy).toEqual(p);
    expect(h.sync).toHaveBeenCalledTimes(4);
  });

  test("no table: the current year's defaults apply and any earlier workbook policy is dropped", async () => {
    const h = harness({ 客户经理: roster });
    const p = defaultPolicy(2025);
    p.a.countBase = 25;
    const { setWorkbookPolicy } = await import("../../src/policy/store");
    setWorkbookPolicy(p);
    const r = await loadWorkbookPolicy(h.context);
    expect(r.found).toBe(false);
    expect(activePolicy()).toEqual(defaultPolicy(currentYear()));
    expect(h.book.calcs).toEqual(["Full"]);
  });
});

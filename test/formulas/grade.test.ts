/**
 * CM.GRADE and CM.WAGECOEF as Excel evaluates them, in HyperFormula through the same wrappers
 * Excel calls (./hfAdapter.ts): formulas over cells, blanks, text, errors, ranges, and — on
 * hundreds of scores, every x.995 boundary among them — the same grade as a native IFS/ROUND
 * formula in the next column (RULES.md A1, 第十条: the grade is read from the total rounded
 * half-up to 0.01).
 */
import type { HyperFormula } from "hyperformula";
import { buildEngine } from "./hfAdapter";
import { loadCustomFunctions, LoadedFunction } from "./metadata";
import { defaultPolicy } from "../../src/policy/defaults";

let fns: LoadedFunction[];
beforeAll(async () => {
  fns = await loadCustomFunctions();
}, 120_000);

/** The native formula of 第十条 for the score in B{row}, thresholds from the default policy. */
function nativeGrade(row: number): string {
  const g = defaultPolicy(2025).a.grades;
  const s = `ROUND(B${row},2)`;
  return `=IFS(${s}>=${g[0].minScore},"${g[0].grade}",${s}>=${g[1].minScore},"${g[1].grade}",${s}>=${g[2].minScore},"${g[2].grade}",TRUE(),"取消资格")`;
}

/** Scores: every boundary ± a little, x.995 / x.994999, and a deterministic spread. */
function scores(): number[] {
  const out: number[] = [];
  for (const b of [60, 75, 90]) {
    out.push(
      b,
      b - 0.01,
      b - 0.005,
      b - 0.0051,
      b - 0.004999,
      b + 0.005,
      b - 1 + 0.995,
      b - 1 + 0.994,
      b - 1 + 0.9949999,
      b + 0.001
    );
  }
  out.push(0, -0.005, -12.5, 100, 120.345, 59.994, 74.9951, 89.99500001, 1e-9, 45.5);
  let x = 12345;
  for (let i = 0; i < 400; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(Math.round(((x / 2147483648) * 110 - 5) * 1000) / 1000);
  }
  return out;
}

function values(hf: HyperFormula, col: number, rows: number): unknown[] {
  const id = hf.getSheetId("成绩")!;
  return Array.from({ length: rows }, (_, r) => hf.getCellValue({ sheet: id, row: r + 1, col }));
}

test("every CM.GRADE agrees with the native IFS(ROUND(…)) grade, boundaries included", () => {
  const xs = scores();
  const sheet = [
    ["分数", "总分", "CM.GRADE", "原生公式"],
    ...xs.map((s, i) => [`R${i + 2}`, s, `=CM.GRADE(B${i + 2})`, nativeGrade(i + 2)]),
  ];
  const hf = buildEngine(fns, { 成绩: sheet });
  const ours = values(hf, 2, xs.length);
  const native = values(hf, 3, xs.length);
  const disagree = xs
    .map((s, i) => ({ s, ours: ours[i], native: native[i] }))
    .filter((r) => r.ours !== r.native);
  expect(disagree).toEqual([]);
  expect(xs.length).toBeGreaterThan(400);
  // the named boundaries, explicitly
  const at = (s: number) => ours[xs.indexOf(s)];
  expect(at(89.995)).toBe("一级");
  expect(at(89.994)).toBe("二级");
  expect(at(74.995)).toBe("二级");
  expect(at(59.995)).toBe("三级");
  expect(at(59.994)).toBe("取消资格");
  expect(at(-12.5)).toBe("取消资格");
});

test("text the user types (full-width, grouped) is read as the number; other text is #VALUE! naming the argument", () => {
  const hf = buildEngine(fns, {
    成绩: [
      ["ok", "８９.９９５", "=CM.GRADE(B1)"],
      ["ok", " 75 ", "=CM.GRADE(B2)"],
      ["bad", "八十分", "=CM.GRADE(B3)"],
      ["bool", "=TRUE()", "=CM.GRADE(B4)"],
    ],
  });
  const id = hf.getSheetId("成绩")!;
  const v = (r: number) => hf.getCellValue({ sheet: id, row: r, col: 2 });
  expect(v(0)).toBe("一级");
  expect(v(1)).toBe("二级");
  expect(v(2)).toMatchObject({
    value: "#VALUE!",
    message: expect.stringMatching(/^参数 score（总分）.*不是数值/),
  });
  expect(v(3)).toMatchObject({ value: "#VALUE!", message: expect.stringContaining("参数 score") });
});

test("a blank score is #VALUE! (never a grade from a silent 0) in Excel on the web", () => {
  const hf = buildEngine(fns, { 成绩: [["空", null, "=CM.GRADE(B1)"]] });
  const id = hf.getSheetId("成绩")!;
  expect(hf.getCellValue({ sheet: id, row: 0, col: 2 })).toMatchObject({
    value: "#VALUE!",
    message: expect.stringContaining("不能为空"),
  });
});

test("errors propagate: an error in the score cell, and from CM.GRADE into CM.WAGECOEF", () => {
  const hf = buildEngine(fns, {
    成绩: [
      ["div0", "=1/0", "=CM.GRADE(B1)", "=CM.WAGECOEF(C1)"],
      ["ok", 91, "=CM.GRADE(B2)", "=CM.WAGECOEF(C2)"],
      ["low", 10, "=CM.GRADE(B3)", "=CM.WAGECOEF(C3)"],
      ["text", "x", "=CM.GRADE(B4)", "=CM.WAGECOEF(C4)"],
    ],
  });
  const id = hf.getSheetId("成绩")!;
  const v = (r: number, c: number) => hf.getCellValue({ sheet: id, row: r, col: c });
  expect(v(0, 2)).toMatchObject({ value: "#DIV/0!" });
  expect(v(0, 3)).toMatchObject({ value: "#DIV/0!" });
  expect(v(1, 3)).toBe(defaultPolicy(2025).a.grades[0].wageCoefficient);
  expect(v(2, 2)).toBe("取消资格");
  expect(v(2, 3)).toMatchObject({ value: "#N/A", message: expect.stringContaining("第十条") });
  expect(v(3, 3)).toMatchObject({
    value: "#VALUE!",
    message: expect.stringContaining("参数 score"),
  });
});

test("a range given to the score is lifted cell by cell and spills, like Excel's dynamic arrays", () => {
  const hf = buildEngine(fns, { 成绩: [[95, "=CM.GRADE(A1:A4)"], [80], [61], [12]] });
  const id = hf.getSheetId("成绩")!;
  expect(
    hf.getRangeValues({ start: { sheet: id, row: 0, col: 1 }, end: { sheet: id, row: 3, col: 1 } })
  ).toEqual([["一级"], ["二级"], ["三级"], ["取消资格"]]);
});

test("the optional arguments: serious violation caps at 二级, protection period lifts to 三级, year picks the policy", () => {
  const hf = buildEngine(fns, {
    成绩: [
      [95, "=CM.GRADE(A1,1)"],
      [95, "=CM.GRADE(A2,0)"],
      [40, `=CM.GRADE(A3,,,,"2025-03-01",,2025)`],
      [40, `=CM.GRADE(A4,,,,"2020-03-01",,2025)`],
      [95, "=CM.GRADE(A5,,,,,,1800)"],
    ],
  });
  const id = hf.getSheetId("成绩")!;
  const v = (r: number) => hf.getCellValue({ sheet: id, row: r, col: 1 });
  expect(v(0)).toBe("二级");
  expect(v(1)).toBe("一级");
  expect(v(2)).toBe("三级");
  expect(v(3)).toBe("取消资格");
  expect(v(4)).toMatchObject({ value: "#VALUE!", message: expect.stringContaining("参数 year") });
});

test("every function is registered with its real arity: too few or too many arguments is an error", () => {
  const sheet: unknown[][] = [];
  for (const f of fns) {
    const required = f.meta.parameters.filter((p) => !p.optional).length;
    const tooMany = Array.from({ length: f.meta.parameters.length + 1 }, () => "1").join(",");
    sheet.push([
      f.meta.id,
      required > 0 ? `=CM.${f.meta.id}()` : null,
      `=CM.${f.meta.id}(${tooMany})`,
    ]);
  }
  const hf = buildEngine(fns, { 成绩: sheet });
  const id = hf.getSheetId("成绩")!;
  fns.forEach((f, r) => {
    const required = f.meta.parameters.filter((p) => !p.optional).length;
    if (required > 0)
      expect([f.meta.id, hf.getCellValue({ sheet: id, row: r, col: 1 })]).toEqual([
        f.meta.id,
        expect.objectContaining({ value: "#N/A" }),
      ]);
    expect([f.meta.id, hf.getCellValue({ sheet: id, row: r, col: 2 })]).toEqual([
      f.meta.id,
      expect.objectContaining({ value: "#N/A" }),
    ]);
  });
  expect(fns.map((f) => f.meta.id)).toEqual(expect.arrayContaining(["GRADE", "WAGECOEF"]));
});

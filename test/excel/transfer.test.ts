/**
 * src/excel/transfer.ts: values sent to or from the worker in pieces come back equal, whatever
 * their shape; each piece is bounded in cells; pieces may arrive in any order; a missing piece
 * is an error, never a partial value.
 */
import { Assembler, CHUNK_KEY, splitForTransfer } from "../../src/excel/transfer";
import { structuredClone as clone } from "./cloneShim";

function roundTrip(
  value: unknown,
  cells?: number,
  order: (n: number) => number[] = (n) => [...Array(n).keys()]
): unknown {
  const { skeleton, pieces } = splitForTransfer(value, cells);
  const a = new Assembler();
  for (const i of order(pieces.length)) a.add(clone(pieces[i]));
  return a.finish(clone(skeleton));
}

const rows = (n: number, w: number) =>
  Array.from({ length: n }, (_, r) =>
    Array.from({ length: w }, (_, c) =>
      c % 3 === 0 ? `R${r}C${c}` : c % 3 === 1 ? r * c : c % 2 === 0
    )
  );

test("a grid of 10,000 rows × 14 cells: pieces of at most 20,000 cells, the same grid back", () => {
  const grid = {
    sheets: [
      { name: "贷款台账", rowOffset: 0, colOffset: 0, values: rows(10_000, 14) },
      { name: "小", rowOffset: 2, colOffset: 1, values: rows(3, 2) },
    ],
  };
  const { skeleton, pieces } = splitForTransfer(grid);
  // 14 cells + the row itself: 15 per row → 1,333 rows per piece → 8 pieces
  expect(pieces.length).toBe(8);
  for (const p of pieces) expect(p.items.length * 15).toBeLessThanOrEqual(20_000);
  expect((skeleton as { sheets: { values: unknown }[] }).sheets[0].values).toEqual({
    [CHUNK_KEY]: 0,
    length: 10_000,
  });
  expect((skeleton as { sheets: { values: unknown }[] }).sheets[1].values).toEqual(rows(3, 2));
  expect(roundTrip(grid)).toEqual(grid);
  // in reverse order
  expect(roundTrip(grid, undefined, (n) => [...Array(n).keys()].reverse())).toEqual(grid);
});

test("objects with many keys (explanations by 员工号) go as entries; dates, nulls and nesting survive", () => {
  const explanations: Record<string, unknown[]> = {};
  for (let i = 0; i < 3_000; i++)
    explanations[`E${i}`] = [
      {
        kind: "rule",
        article: "第十条",
        params: { score: i / 100, at: new Date(Date.UTC(2025, 0, 1 + (i % 28))) },
      },
    ];
  const value = {
    models: [{ name: "等级汇总", rows: rows(2_500, 30), notes: null }],
    explanations: { grades: explanations },
    n: 3,
    s: "文字",
    empty: [] as unknown[],
  };
  const { pieces } = splitForTransfer(value, 5_000);
  expect(pieces.length).toBeGreaterThan(10);
  const back = roundTrip(value, 5_000) as typeof value;
  expect(back).toEqual(value);
  expect(
    Object.prototype.toString.call(
      (back.explanations.grades.E5[0] as { params: { at: Date } }).params.at
    )
  ).toBe("[object Date]");
});

test("small values are not split: no piece at all", () => {
  const v = { a: [1, 2, 3], b: { c: "x" } };
  expect(splitForTransfer(v).pieces).toEqual([]);
  expect(roundTrip(v)).toEqual(v);
  expect(roundTrip("text")).toBe("text");
});

test("a missing piece is an error naming what is missing", () => {
  const { skeleton, pieces } = splitForTransfer({ values: rows(5_000, 10) });
  const a = new Assembler();
  pieces.slice(1).forEach((p) => a.add(p));
  expect(() => a.finish(skeleton)).toThrow(/transfer incomplete: 0 of 5000/);
});

test("pieces are bounded by what they hold, at every depth: long texts and nested steps weigh by their size", () => {
  const text = "第十一条 ".repeat(120); // 600 characters: 1 + 600/16 = 38 cells
  const notes = Array.from({ length: 5_000 }, (_, i) => [`E${i}`, text]);
  const steps: Record<string, unknown> = {};
  for (let i = 0; i < 2_000; i++)
    steps[`E${i}`] = Array.from({ length: 20 }, (_, k) => ({
      article: "第十条",
      params: { k, values: [i, k, i * k] },
    }));
  const value = { notes, steps };
  const { pieces } = splitForTransfer(value);
  // 5,000 × (1 + 1 + 38) = 200,000 cells of notes → about 10 pieces; 2,000 × ~180 cells of steps → about 18
  const ofRef = (r: number) => pieces.filter((p) => p.ref === r);
  expect(ofRef(0).length).toBeGreaterThanOrEqual(10);
  expect(ofRef(0).length).toBeLessThanOrEqual(12);
  expect(ofRef(1).length).toBeGreaterThanOrEqual(15);
  for (const p of pieces) expect(JSON.stringify(p).length).toBeLessThan(450_000);
  expect(roundTrip(value)).toEqual(value);
});

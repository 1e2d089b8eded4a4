/**
 * The reader's fast path for plain cells (src/reader/cells.ts plainCell) against the general
 * parser (parseCell): wherever the fast path answers, the value is exactly parseCell's, for
 * every column type, whatever the cell holds (fast-check, fixed seed).
 */
import fc from "fast-check";
import { D } from "../../src/core/money";
import type { RawCell } from "../../src/core/parse";
import { defaultPolicy } from "../../src/policy/defaults";
import { parseCell, plainCell } from "../../src/reader/cells";
import { SCHEMA, TABLE_IDS } from "../../src/reader/schema";
import type { ColumnDef } from "../../src/reader/schema";

const COLUMNS: ColumnDef[] = [];
for (const t of TABLE_IDS)
  for (const c of SCHEMA[t].columns) if (!COLUMNS.some((x) => x.type === c.type)) COLUMNS.push(c);

const raw: fc.Arbitrary<RawCell> = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer({ min: -1000, max: 1e9 }),
  fc.constantFrom(0, -0, 0.1 + 0.2, 89.99 + 0.005, 1e21, 2 ** 53, 12.345, 45000, 2958465, 2958466),
  fc.string(),
  fc.constantFrom(
    " 1001 ",
    "１００１",
    "#N/A",
    "a#b",
    " #VALUE! ",
    "1,234.5",
    "12万元",
    "是",
    "次级",
    "3.2b",
    "2025-03-01",
    "\u3000张三\u3000",
    "L 001"
  ),
  fc.boolean()
);

function same(a: unknown, b: unknown): boolean {
  if (a instanceof D && b instanceof D) return a.eq(b) && a.toString() === b.toString();
  return Object.is(a, b);
}

describe("plainCell agrees with parseCell", () => {
  test.each(COLUMNS.map((c) => [c.type, c] as const))("%s columns", (_type, col) => {
    for (const unit of [null, "元", "万元"]) {
      for (const amountUnit of ["元", "万元"] as const) {
        const policy = { ...defaultPolicy(2025), amountUnit };
        fc.assert(
          fc.property(raw, (x) => {
            const fast = plainCell(x, col, unit, policy);
            if (fast === undefined) return true;
            const full = parseCell(x, col, unit, policy);
            return full.ok && same(fast, full.value);
          }),
          { seed: 20251231, numRuns: 400 }
        );
      }
    }
  });

  test("it answers for the plain cells of a sheet (numbers, texts)", () => {
    const policy = defaultPolicy(2025);
    const col = (type: string) => COLUMNS.find((c) => c.type === type)!;
    expect(plainCell(12, col("int"), null, policy)).toBe(12);
    expect(plainCell(1.5, col("int"), null, policy)).toBeUndefined();
    expect(plainCell(-1, col("amount"), null, policy)).toBeUndefined();
    expect(
      (plainCell(123.45, col("amount"), "万元", policy) as InstanceType<typeof D>).toString()
    ).toBe("1234500");
    expect(plainCell(" L001 ", col("id"), null, policy)).toBe("L001");
    expect(plainCell("#N/A", col("text"), null, policy)).toBeUndefined();
    expect(plainCell(45000, col("date"), null, policy)).toBeUndefined();
  });
});

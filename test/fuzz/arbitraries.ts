/**
 * What Excel may hand a custom function, as fast-check arbitraries: numbers of every size
 * (and the non-finite values a host bug could pass), text as people type it (full-width
 * digits, thousands separators, units, dates in several spellings, 是/否, error texts,
 * formulas, very long text), logical values, null and undefined, Excel error values, and
 * arrays — 2-D, single rows and columns, ragged, nested deeper, empty.
 */
import fc from "fast-check";

const DIGITS_FW = "０１２３４５６７８９";

export const numberArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
  fc.constantFrom(
    0,
    -0,
    0.005,
    59.995,
    74.995,
    89.995,
    1e-300,
    5e-324,
    -5e-324,
    1e15,
    Number.MAX_SAFE_INTEGER + 2,
    1e300,
    -1e300,
    2958465,
    2958466,
    1,
    36526,
    45657
  ),
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.EPSILON
  ),
  fc.double()
);

const fullWidth = fc
  .integer({ min: 0, max: 99999 })
  .map((n) => [...String(n)].map((d) => DIGITS_FW[+d]).join(""));

export const textArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 8 }),
  fullWidth,
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => n.toLocaleString("en-US")),
  fc
    .double({ noNaN: true, noDefaultInfinity: true, min: -1e7, max: 1e7 })
    .map((x) => x.toLocaleString("en-US", { maximumFractionDigits: 4 })),
  fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.constantFrom("万元", "元", "万", "%", "年", "笔", " 元", "USD")
    )
    .map(([n, u]) => `${n}${u}`),
  fc
    .tuple(
      fc.integer({ min: 1890, max: 2110 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 })
    )
    .chain(([y, m, d]) =>
      fc.constantFrom(
        `${y}-${m}-${d}`,
        `${y}/${m}/${d}`,
        `${y}年${m}月${d}日`,
        `${y}.${m}.${d}`,
        `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}T00:00:00Z`
      )
    ),
  fc.constantFrom(
    "",
    " ",
    "\u3000",
    "是",
    "否",
    "Y",
    "n",
    "TRUE",
    "false",
    "√",
    "#N/A",
    "#VALUE!",
    "#DIV/0!",
    "=1+1",
    "+12",
    "-3",
    "@x",
    "一级",
    "二级",
    "三级",
    "取消资格",
    "高级",
    "见习",
    "四级",
    "信用",
    "抵押",
    "质押",
    "保证",
    "正常",
    "关注",
    "次级",
    "可疑",
    "损失",
    "诉讼",
    "执行",
    "自然人",
    "企业",
    "一类行",
    "城关区",
    "优秀",
    "称职",
    "不称职",
    "黄色",
    "橙色",
    "红色",
    "到期",
    "欠息",
    "重大事项",
    "3.2b",
    "3.15/3.3",
    "3.15",
    "1.5",
    "9.9",
    "E001",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e309",
    "0x10",
    "1,23,4",
    "１，２３４．５",
    "2025",
    "2025年",
    "2025-02-29",
    "2024-02-29",
    "1899-12-31"
  ),
  fc.string({ minLength: 300, maxLength: 600 })
);

export const scalarArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: numberArb },
  { weight: 4, arbitrary: textArb },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined) }
);

/** An Excel error value as the runtime passes it (a CustomFunctions.Error). */
export const errorValueArb: fc.Arbitrary<CustomFunctions.Error> = fc
  .constantFrom("#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#REF!", "#NAME?", "#NULL!")
  .map(
    (code) =>
      new CustomFunctions.Error(
        code as CustomFunctions.ErrorCode,
        code === "#N/A" ? "上游单元格无值" : undefined
      )
  );

/** 2-D arrays as Excel passes a range (rectangular), and shapes it never passes (ragged, deeper, empty). */
export function arrayArb(cell: fc.Arbitrary<unknown> = scalarArb): fc.Arbitrary<unknown> {
  const rect = fc
    .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 4 }))
    .chain(([rows, cols]) =>
      fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), {
        minLength: rows,
        maxLength: rows,
      })
    );
  const column = fc.array(cell, { minLength: 1, maxLength: 25 }).map((xs) => xs.map((x) => [x]));
  const row = fc.array(cell, { minLength: 1, maxLength: 8 }).map((xs) => [xs]);
  const ragged = fc.array(fc.array(cell, { maxLength: 4 }), { minLength: 2, maxLength: 5 });
  const flat = fc.array(cell, { maxLength: 6 });
  const deeper = fc.array(fc.array(fc.array(cell, { maxLength: 3 }), { maxLength: 3 }), {
    maxLength: 3,
  });
  const empty = fc.constantFrom([], [[]], [[], []]);
  return fc.oneof(
    { weight: 6, arbitrary: rect },
    { weight: 4, arbitrary: column },
    { weight: 2, arbitrary: row },
    { weight: 1, arbitrary: ragged },
    { weight: 1, arbitrary: flat },
    { weight: 1, arbitrary: deeper },
    { weight: 1, arbitrary: empty }
  );
}

/** Any argument at all: a scalar, an error value, an array of any shape. */
export const anyArgArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: scalarArb },
  { weight: 1, arbitrary: errorValueArb },
  { weight: 2, arbitrary: arrayArb() }
);

/** The fixed seed of every property run here: the fuzz tests are deterministic. */
export const FUZZ_SEED = 20251231;

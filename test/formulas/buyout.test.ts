/**
 * CM.BUYOUT as a user types it in a sheet (HyperFormula, through the wrapper Excel calls):
 * the loan columns as ranges, the total as one cell, the schedule as a spilled array
 * (schedule flag TRUE), blanks in optional columns, and errors propagating — on the worked
 * example of RULES.md A11 (第四十九–五十三条): Y = 2025, T = 180,000, funds
 * 50,000 / 30,000 / 40,000 → total 115,000.00, paid 50,000 + 30,000 + 35,000, L4's
 * 67,500.00 暂存; with pay 20,000 the shortfall is 15,000.00.
 */
import type { HyperFormula } from "hyperformula";
import { buildEngine } from "./hfAdapter";
import { loadCustomFunctions, LoadedFunction } from "./metadata";

let fns: LoadedFunction[];
beforeAll(async () => {
  fns = await loadCustomFunctions();
}, 120_000);

const HEAD = [
  "贷款编号",
  "第一责任人",
  "发放日期",
  "到期日期",
  "贷款余额",
  "担保方式",
  "五级分类",
  "逾期天数",
  "形成不良年份",
  "已丧失诉讼时效",
  "处置阶段",
];
// columns A..K, rows 2..5 (the worked example; every loan is a responsible NPL of E001)
const serial = (iso: string) =>
  (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86400000;
// L1's dates as Excel stores typed dates (serial numbers), the others as date text
const LOANS = [
  [
    "L1",
    "E001",
    serial("2003-05-01"),
    serial("2004-05-01"),
    200000,
    "信用",
    "损失",
    7000,
    2004,
    "是",
    null,
  ],
  ["L2", "E001", "2007-03-01", "2008-03-01", 300000, "保证", "可疑", 6000, 2008, "否", null],
  ["L3", "E001", "2014-06-01", "2015-06-01", 150000, "信用", "次级", 3800, 2015, "否", null],
  ["L4", "E001", "2018-01-10", "2019-01-10", 250000, "抵押", "可疑", 2500, 2019, "否", "诉讼"],
];

/** The call with the three funds from M2:O2, the schedule flag in P2. */
function buyout(schedule: string): string {
  return `=CM.BUYOUT("E001",A2:A5,B2:B5,C2:C5,D2:D5,E2:E5,F2:F5,G2:G5,H2:H5,I2:I5,J2:J5,L2,M2,N2,O2,${schedule},,,K2:K5,,,2025)`;
}

function engine(pay: number, formulas: Record<string, string>): HyperFormula {
  const rows: unknown[][] = [
    [...HEAD, "容忍额度", "风险考核基金", "岗位风险金", "效益工资"],
    ...LOANS.map((r) => [...r]),
  ];
  rows[1].push(180000, 50000, 30000, pay);
  for (let i = 0; i < 20; i++) rows.push([]);
  const hf = buildEngine(fns, { 台账: rows });
  const id = hf.getSheetId("台账")!;
  // formulas after the data, as a user adds them (HyperFormula sizes a spill when it parses it)
  for (const [a1, f] of Object.entries(formulas))
    hf.setCellContents(hf.simpleCellAddressFromString(a1, id)!, [[f]]);
  return hf;
}

function at(hf: HyperFormula, a1: string): unknown {
  return hf.getCellValue(hf.simpleCellAddressFromString(a1, hf.getSheetId("台账")!)!);
}

test("the total of the worked example is 115,000.00", () => {
  const hf = engine(40000, { Q2: buyout("FALSE()") });
  expect(at(hf, "Q2")).toBe(115000);
});

test("with TRUE the schedule spills: header, one row per loan in priority order, the total row", () => {
  const hf = engine(40000, { A8: buyout("TRUE()") });
  const id = hf.getSheetId("台账")!;
  const size = hf.getSheetDimensions(id);
  const spill = hf.getRangeValues({
    start: { sheet: id, row: 7, col: 0 },
    end: { sheet: id, row: size.height - 1, col: size.width - 1 },
  });
  const header = spill[0] as string[];
  const c = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`no column ${name} in ${header.join(",")}`);
    return i;
  };
  const body = spill.slice(1).filter((r) => r.some((x) => x !== null));
  expect(body.map((r) => r[c("贷款编号")])).toEqual(["L1", "L3", "L2", "L4", ""]);
  expect(body.map((r) => r[c("顺序")])).toEqual([1, 2, 3, 4, "合计"]);
  expect(body.map((r) => r[c("应买断金额")])).toEqual([10000, 7500, 30000, 67500, 115000]);
  expect(body.map((r) => r[c("已扣金额")])).toEqual([10000, 7500, 30000, 67500, 115000]);
  expect(body.map((r) => r[c("未足额")])).toEqual([0, 0, 0, 0, 0]);
  expect(body.map((r) => r[c("暂存")]).slice(0, 4)).toEqual(["否", "否", "否", "是"]);
  // the spill is exactly the schedule: nothing beyond its last row and column
  expect(size.height).toBe(8 + body.length);
});

test("with pay 20,000 the shortfall is 15,000.00, on L4", () => {
  const hf = engine(20000, { A8: buyout("TRUE()") });
  const id = hf.getSheetId("台账")!;
  const spill = hf.getRangeValues({
    start: { sheet: id, row: 7, col: 0 },
    end: { sheet: id, row: 12, col: 9 },
  });
  const header = spill[0] as string[];
  const total = spill[5];
  const l4 = spill[4];
  expect(l4[header.indexOf("贷款编号")]).toBe("L4");
  expect(l4[header.indexOf("已扣金额")]).toBe(52500);
  expect(l4[header.indexOf("未足额")]).toBe(15000);
  expect(total[header.indexOf("未足额")]).toBe(15000);
});

test("blanks in an optional column count as not given; an error in a column propagates; a bad cell names its row", () => {
  const hf = engine(40000, {
    Q2: buyout("FALSE()"),
    Q3: `=CM.BUYOUT("E001",A2:A5,B2:B5,C2:C5,D2:D5,E2:E5,F2:F5,G2:G5,H2:H5,I2:I5,J2:J5,L2)`,
  });
  expect(at(hf, "Q3")).toBe(115000);
  hf.setCellContents(hf.simpleCellAddressFromString("E3", hf.getSheetId("台账")!)!, [["=1/0"]]);
  expect(at(hf, "Q2")).toMatchObject({ value: "#DIV/0!" });
  hf.setCellContents(hf.simpleCellAddressFromString("E3", hf.getSheetId("台账")!)!, [["三十万"]]);
  expect(at(hf, "Q2")).toMatchObject({
    value: "#VALUE!",
    message: expect.stringMatching(/参数 balances（贷款余额列） 第 2 个值/),
  });
});

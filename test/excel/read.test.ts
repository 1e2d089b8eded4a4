import { readWorkbookGridFromExcel, rangeOrigin } from "../../src/excel/read";
import { mockExcel, MockSheet } from "../fixtures/validation/officeMock";

function ledger(rows: number): MockSheet {
  const values: (string | number)[][] = [["贷款编号", "借款人", "贷款余额", "发放日期"]];
  for (let i = 1; i <= rows; i++) values.push([`L${i}`, `借款人${i}`, i * 100, 45658 + (i % 300)]);
  return { name: "贷款台账", values, rowOffset: 2, colOffset: 1 };
}

describe("readWorkbookGridFromExcel", () => {
  test.each([10, 10000])("%i rows: two syncs, every value read", async (rows) => {
    const m = mockExcel([{ name: "客户经理", values: [["员工号", "姓名"], ["1001", "甲"]] }, ledger(rows), { name: "空白", values: [] }]);
    const sync = jest.spyOn(m.context, "sync");
    const grid = await readWorkbookGridFromExcel(m.context);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(grid.sheets.map((s) => [s.name, s.rowOffset, s.colOffset, s.values.length])).toEqual([
      ["客户经理", 0, 0, 2],
      ["贷款台账", 2, 1, rows + 1],
      ["空白", 0, 0, 0],
    ]);
    expect(grid.sheets[1].values[rows]).toEqual([`L${rows}`, `借款人${rows}`, rows * 100, 45658 + (rows % 300)]);
  });

  test("the sync count does not grow with sheets either", async () => {
    const sheets = Array.from({ length: 30 }, (_, i) => ({ name: `S${i}`, values: [["a", i]] }));
    const m = mockExcel(sheets);
    const sync = jest.spyOn(m.context, "sync");
    const grid = await readWorkbookGridFromExcel(m.context);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(grid.sheets).toHaveLength(30);
  });
});

describe("rangeOrigin", () => {
  test.each([
    ["Sheet1!A1:C3", 0, 0],
    ["'贷款 台账'!C2:F20", 1, 2],
    ["'a!b'!AB10", 9, 27],
  ])("%p", (address, row, col) => {
    expect(rangeOrigin(address)).toEqual({ row, col });
  });
});

/**
 * The HyperFormula adapter itself, on test-only functions that go through the real
 * defineFunction: what a wrapper receives for blanks, omitted arguments, ranges, single
 * values given to a range parameter and error values; errors and spilled results coming back.
 * (The product's functions are evaluated in the other files of this folder.)
 */
import * as path from "path";
import type { HyperFormula } from "hyperformula";
import { buildEngine } from "./hfAdapter";
import { loadCustomFunctions, LoadedFunction } from "./metadata";

let fns: LoadedFunction[];
beforeAll(async () => {
  fns = await loadCustomFunctions([path.join(__dirname, "fixtures/probe.ts")]);
}, 60_000);

function sheet(hf: HyperFormula) {
  const id = hf.getSheetId("S")!;
  return (a1: string) => hf.getCellValue(hf.simpleCellAddressFromString(a1, id)!);
}

test("the metadata gives each function its real parameter list", () => {
  const ids = fns.map((f) => f.meta.id).sort();
  expect(ids).toEqual(["BLANKS", "ECHO", "NOTSET", "SUMCOL", "TABLE"]);
  expect(fns.find((f) => f.meta.id === "SUMCOL")!.meta.parameters).toEqual([
    expect.objectContaining({ name: "values", dimensionality: "matrix" }),
  ]);
});

test("blanks and omitted arguments arrive as null (Excel on the web); desktop mode passes 0", () => {
  const data = [[5, "=CM.ECHO(A1)", "=CM.ECHO(Z9)", "=CM.ECHO()", "=CM.ECHO(A2)"], ["1,234"]];
  const v = sheet(buildEngine(fns, { S: data }));
  expect(v("B1")).toBe("number:5");
  expect(v("C1")).toBe("null");
  expect(v("D1")).toBe("null");
  expect(v("E1")).toBe("string:1,234");
  const d = sheet(buildEngine(fns, { S: data }, { emptyCell: "zero" }));
  expect(d("C1")).toBe("number:0");
  expect(d("D1")).toBe("null");
});

test("a range arrives as rows, blanks as null; one value given to a range parameter is [[value]]", () => {
  const v = sheet(
    buildEngine(fns, {
      S: [
        [1, "=CM.SUMCOL(A1:A4)", "=CM.BLANKS(A1:A5)", "=CM.SUMCOL(7)", "=CM.SUMCOL(A1:B2)"],
        ["2"],
        [null],
        ["３"],
        [null],
      ],
    })
  );
  expect(v("B1")).toBe(6);
  expect(v("C1")).toBe(2);
  expect(v("D1")).toBe(7);
  expect(v("E1")).toMatchObject({
    value: "#VALUE!",
    message: expect.stringContaining("应为一列或一行"),
  });
});

test("errors keep their code and message, and propagate through other formulas", () => {
  const v = sheet(
    buildEngine(fns, {
      S: [
        ["=CM.NOTSET()", "=CM.ECHO(A1)", "=CM.ECHO(1/0)", "=CM.SUMCOL(D2:D3)", '=B1&"x"'],
        [null, null, null, "=1/0"],
      ],
    })
  );
  expect(v("A1")).toMatchObject({ value: "#N/A", message: "比例未设置（测试）" });
  expect(v("B1")).toMatchObject({ value: "#N/A", message: "比例未设置（测试）" });
  expect(v("C1")).toMatchObject({ value: "#DIV/0!" });
  expect(v("D1")).toMatchObject({ value: "#DIV/0!" });
  expect(v("E1")).toMatchObject({ value: "#N/A" });
});

test("a 2-D result spills with its exact size, and a bad argument gives #VALUE! with the Chinese message", () => {
  const hf = buildEngine(fns, { S: [["=CM.TABLE(3)"], [], [], [], ["=CM.TABLE(0)"]] });
  const id = hf.getSheetId("S")!;
  expect(
    hf.getRangeValues({ start: { sheet: id, row: 0, col: 0 }, end: { sheet: id, row: 3, col: 1 } })
  ).toEqual([
    ["i", "square"],
    [1, 1],
    [2, 4],
    [3, 9],
  ]);
  expect(hf.getCellValue({ sheet: id, row: 4, col: 0 })).toMatchObject({
    value: "#VALUE!",
    message: "参数 n（行数）：不能小于 1：0",
  });
});

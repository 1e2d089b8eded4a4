/** The contract checker of the fuzz tests does reject what it must (so a passing fuzz run means something). */
import { outcomeProblem } from "./outcome";

const E = (code: string, message?: string) =>
  new CustomFunctions.Error(code as CustomFunctions.ErrorCode, message);

test("accepts cells, rectangular arrays, typed errors and errors passed in", () => {
  expect(outcomeProblem("一级", [])).toBeNull();
  expect(outcomeProblem(0, [])).toBeNull();
  expect(outcomeProblem(false, [])).toBeNull();
  expect(
    outcomeProblem(
      [
        ["a", 1],
        ["b", 2],
      ],
      []
    )
  ).toBeNull();
  expect(outcomeProblem(E("#VALUE!", "参数 score（总分）：不能为空"), [])).toBeNull();
  const passed = E("#DIV/0!");
  expect(outcomeProblem(passed, [1, [[passed]]])).toBeNull();
});

test("rejects NaN, Infinity, null, ragged or empty arrays, untyped or silent errors, internal errors", () => {
  expect(outcomeProblem(NaN, [])).toMatch(/non-finite/);
  expect(outcomeProblem([[1, Infinity]], [])).toMatch(/non-finite/);
  expect(outcomeProblem(null, [])).toMatch(/unsupported/);
  expect(outcomeProblem(undefined, [])).toMatch(/unsupported/);
  expect(outcomeProblem([[1, 2], [3]], [])).toMatch(/ragged/);
  expect(outcomeProblem([], [])).toMatch(/empty/);
  expect(outcomeProblem([1, 2], [])).toMatch(/2-D/);
  expect(outcomeProblem(E("#VALUE!"), [])).toMatch(/without a message/);
  expect(outcomeProblem(E("#DIV/0!", "x"), [])).toMatch(/not passed in/);
  expect(outcomeProblem(E("#VALUE!", "内部错误：x is undefined"), [])).toMatch(/internal error/);
  expect(outcomeProblem([[E("#N/A", "x")]], [])).toMatch(/inside an array/);
});

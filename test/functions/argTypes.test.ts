/**
 * ArgValue follows the declaration: an enum gives its canonical values, a default removes null,
 * an optional argument without one may be null. The type assertions fail `tsc --noEmit` (part
 * of `npm test`) when the types drift; the runtime checks hold convertArgs to the same.
 */
import { ArgValues, convertArgs } from "../../src/functions/args";
import { defaultPolicy } from "../../src/policy/defaults";

type Equal<X, Y> =
  (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
const expectType = <T extends true>(_: T) => undefined;

const PARAMS = [
  { name: "count", zh: "次数", type: "int", optional: true, default: 0 },
  { name: "rate", zh: "比例", type: "number", optional: true },
  { name: "kind", zh: "类别", type: "text", enum: { 甲: ["A"], 乙: [] } },
  { name: "maybeKind", zh: "类别", type: "text", optional: true, enum: { 甲: ["A"], 乙: [] } },
  { name: "flag", zh: "标志", type: "yesno", optional: true, default: false },
  { name: "note", zh: "备注", type: "text" },
] as const;
type V = ArgValues<typeof PARAMS>;

describe("ArgValue honours default and enum", () => {
  test("types", () => {
    expectType<Equal<V["count"], number>>(true);
    expectType<Equal<V["rate"], number | null>>(true);
    expectType<Equal<V["kind"], "甲" | "乙">>(true);
    expectType<Equal<V["maybeKind"], "甲" | "乙" | null>>(true);
    expectType<Equal<V["flag"], boolean>>(true);
    expectType<Equal<V["note"], string>>(true);
  });

  test("values: defaults for blanks, canonical enum values, null only without a default", () => {
    const v = convertArgs(PARAMS, [null, "", "A", null, undefined, "x"], defaultPolicy(2025));
    expect(v).toEqual({
      count: 0,
      rate: null,
      kind: "甲",
      maybeKind: null,
      flag: false,
      note: "x",
    });
  });
});

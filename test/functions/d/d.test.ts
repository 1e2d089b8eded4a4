import fc from "fast-check";
import { toSerial } from "../../../src/core/dates";
import * as F from "../../../src/functions/d";

/** Excel passes null for omitted optionals and any cell value anywhere: call the wrappers untyped. */
type Loose = (...args: unknown[]) => any;
const { warndeadline, warnlate } = F as unknown as Record<string, Loose>;
import { defaultPolicy } from "../../../src/policy/defaults";
import { clearWorkbookPolicies, setWorkbookPolicy } from "../../../src/policy/store";

const isErr = (x: unknown): x is CustomFunctions.Error => x instanceof CustomFunctions.Error;
const S = toSerial;

beforeEach(() => setWorkbookPolicy(defaultPolicy(2025)));
afterEach(() => clearWorkbookPolicies());

describe("CM.WARNDEADLINE", () => {
  test("到期 bands, dates as serials or text, amounts exactly on the band lines", () => {
    expect(warndeadline("到期", 999999.99, "2025-06-30", null)).toBe(S("2025-06-05"));
    expect(warndeadline("到期", 1000000, S("2025-06-30"), "2025/6/10")).toBe(S("2025-06-12"));
    expect(
      warndeadline("到期前30天", "5,000,000", "2025年6月30日", "2025-06-10", null, null, null)
    ).toBe(S("2025-06-11"));
    expect(warndeadline("到期", 5000000, "2025-06-30", "2025-05-01")).toBe(S("2025-05-31"));
  });
  test("amounts in the workbook unit (万元)", () => {
    setWorkbookPolicy({ ...defaultPolicy(2025), amountUnit: "万元" });
    expect(warndeadline("到期", 100, "2025-06-30", "2025-06-10")).toBe(S("2025-06-12"));
    expect(warndeadline("到期", 99.99, "2025-06-30", "2025-06-10")).toBe(S("2025-06-05"));
  });
  test("an amount Excel shows as 1,000,000 (the double 999999.9999999999) is on the 1,000,000 line, as shown", () => {
    expect(warndeadline("到期", 999999.9999999999, "2025-06-30", "2025-06-10")).toBe(
      S("2025-06-12")
    );
    expect(warndeadline("到期", [[999999.9999999999]], "2025-06-30", "2025-06-10")).toBe(
      S("2025-06-12")
    );
    expect(warndeadline("到期", 999999.999999, "2025-06-30", "2025-06-10")).toBe(S("2025-06-05")); // shown as typed: below the line
    expect(
      warnlate("到期", 999999.9999999999, null, null, "2025-05-31", "分行", "2025-06-02")
    ).toBe("按时");
    setWorkbookPolicy({ ...defaultPolicy(2025), amountUnit: "万元" });
    expect(warndeadline("到期", 99.99999999999999, "2025-06-30", "2025-06-10")).toBe(
      S("2025-06-12")
    ); // 100 万元
  });
  test("other types", () => {
    expect(warndeadline("欠息", null, null, "2025-03-01")).toBe(S("2025-03-03"));
    expect(warndeadline("重大事项", null, null, "2025-03-01")).toBe(S("2025-03-02"));
    expect(warndeadline("关联企业", null, null, "2025-03-01")).toBe(S("2025-03-03"));
    expect(warndeadline("财务异常", null, null, "2025-03-01")).toBe(S("2025-03-03"));
  });
  test("branch office → head office stage", () => {
    expect(warndeadline("到期", 1000000, null, null, "分行", "2025-05-01")).toBe(S("2025-05-03"));
    expect(warndeadline("欠息", 5000000, null, null, "分行上报总行", "2025-05-01")).toBe(
      S("2025-05-02")
    );
    const na = warndeadline(
      "到期",
      999999,
      null,
      null,
      "分行",
      "2025-05-01"
    ) as CustomFunctions.Error;
    expect(na.code).toBe("#N/A");
    expect(na.message).toContain("无分行上报总行时限");
    const noBranch = warndeadline(
      "到期",
      2000000,
      null,
      null,
      "分行",
      null
    ) as CustomFunctions.Error;
    expect(noBranch.code).toBe("#VALUE!");
    expect(noBranch.message).toContain("branchReported（支行上报日期）");
  });
  test("missing or bad input → #VALUE! with a Chinese message", () => {
    const cases: [unknown[], string][] = [
      [["", 1, "2025-06-30"], "type（预警类型）"],
      [["逾期", 1, "2025-06-30"], "type（预警类型）"],
      [["到期", null, "2025-06-30"], "风险金额为空"],
      [["到期", 1, null], "到期日期为空"],
      [["到期", 2000000, "2025-06-30", null], "发现日期为空"],
      [["到期", "一百万", "2025-06-30"], "amount（风险金额）"],
      [["到期", 1, "2025-02-30"], "maturity（到期日期）"],
      [["欠息", null, null, null], "发现日期为空"],
      [["到期", 1, "2025-06-30", null, "总行"], "stage（上报环节）"],
    ];
    for (const [args, msg] of cases) {
      const r = warndeadline(...args);
      expect(isErr(r)).toBe(true);
      expect((r as CustomFunctions.Error).code).toBe("#VALUE!");
      expect((r as CustomFunctions.Error).message).toContain(msg);
    }
  });
});

describe("CM.WARNLATE", () => {
  test("on the deadline day → 按时; the day after → 迟报; none → 未上报", () => {
    expect(warnlate("到期", 2000000, "2025-06-30", "2025-05-20", "2025-05-31")).toBe("按时");
    expect(warnlate("到期", 2000000, "2025-06-30", "2025-05-20", "2025-06-01")).toBe("迟报");
    expect(warnlate("到期", 2000000, "2025-06-30", "2025-05-20", null)).toBe("未上报");
    expect(warnlate("到期", 10, "2025-06-30", "2025-06-10", "2025-06-11")).toBe("迟报");
  });
  test("branch office stage", () => {
    expect(warnlate("到期", 2000000, null, null, "2025-05-31", "分行", "2025-06-02")).toBe("按时");
    expect(warnlate("到期", 2000000, null, null, "2025-05-31", "分行", "2025-06-03")).toBe("迟报");
    expect(warnlate("到期", 6000000, null, null, "2025-05-31", "分行", "2025-06-02")).toBe("迟报");
    expect(warnlate("到期", 6000000, null, null, "2025-05-31", "分行", null)).toBe("未上报");
    expect(warnlate("到期", 999999, null, null, "2025-05-31", "分行", null)).toBe("不适用");
    expect(warnlate("到期", 2000000, null, null, null, "分行", null)).toBe("支行未上报");
  });
});

test("the wrappers never throw", () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.string(),
    fc.double(),
    fc.boolean(),
    fc.integer({ min: 40000, max: 50000 }),
    fc.constantFrom("到期", "欠息", "分行", "支行", "2025-06-30")
  );
  fc.assert(
    fc.property(
      fc.array(
        fc.oneof(
          cell,
          fc.array(fc.array(cell, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 })
        ),
        { maxLength: 8 }
      ),
      (args) => {
        for (const f of [warndeadline, warnlate]) {
          const r = f(...args);
          if (typeof r === "number") expect(Number.isFinite(r)).toBe(true);
        }
      }
    ),
    { numRuns: 400 }
  );
});

describe("rev 2: 后三类预测, 越权放贷, 未落实贷款条件", () => {
  test("后三类预测: the last day of F's month (F on the last day: that day); the branch-office stage as usual", () => {
    expect(warndeadline("后三类预测", null, null, "2025-02-03")).toBe(S("2025-02-28"));
    expect(warndeadline("后三类", null, null, "2024-02-29")).toBe(S("2024-02-29"));
    expect(warndeadline("后三类预测", 2000000, null, "2025-05-31", "分行", "2025-05-31")).toBe(
      S("2025-06-02")
    );
    expect(warnlate("后三类预测", null, null, "2025-05-10", "2025-05-31")).toBe("按时");
    expect(warnlate("后三类预测", null, null, "2025-05-10", "2025-06-01")).toBe("迟报");
  });
  test("越权放贷 F + 1, 未落实贷款条件 F + 2, whatever the stage; judged on officeReported", () => {
    expect(warndeadline("越权放贷", null, null, "2025-03-31")).toBe(S("2025-04-01"));
    expect(warndeadline("违规放贷", null, null, "2025-03-31", "分行", null)).toBe(S("2025-04-01"));
    expect(warndeadline("未落实贷款条件", 10, null, "2025-03-31")).toBe(S("2025-04-02"));
    // branchReported is not what is judged
    expect(warnlate("越权放贷", null, null, "2025-03-01", "2025-03-01", null, "2025-03-02")).toBe(
      "按时"
    );
    expect(warnlate("越权放贷", null, null, "2025-03-01", "2025-03-01", null, "2025-03-03")).toBe(
      "迟报"
    );
    expect(warnlate("未落实贷款条件", null, null, "2025-03-01", null, "分行", "2025-03-03")).toBe(
      "按时"
    );
    expect(
      warnlate("未落实贷款条件", null, null, "2025-03-01", "2025-03-01", "支行", "2025-03-04")
    ).toBe("迟报");
    expect(warnlate("未落实贷款条件", null, null, "2025-03-01", "2025-03-01")).toBe("未上报");
  });
  test("a blank discovery date → #VALUE! naming it", () => {
    const e = warndeadline("越权放贷", null, null, null) as CustomFunctions.Error;
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("发现日期为空");
  });
});

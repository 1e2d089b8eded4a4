/**
 * (issue 20 item 3) CM.WARNLATE's 不适用 at the branch-office stage is the rule's
 * (rules/d officeDeadline: below D.中额起点), so it follows the workbook's policy.
 */
import * as F from "../../../src/functions/d";
import { defaultPolicy } from "../../../src/policy/defaults";
import { clearWorkbookPolicies, setWorkbookPolicy } from "../../../src/policy/store";

type Loose = (...a: unknown[]) => unknown;
const { warnlate } = F as unknown as Record<string, Loose>;

afterEach(() => clearWorkbookPolicies());

test("the head-office band starts at the policy's D.中额起点", () => {
  // default 1,000,000: 1,500,000 is in the middle band — reported 2 days after the branch: on time
  expect(warnlate("到期", 1_500_000, null, null, "2025-05-31", "分行", "2025-06-02")).toBe("按时");
  const p = defaultPolicy(2025);
  setWorkbookPolicy({ ...p, d: { ...p.d, midAmount: 2_000_000 } });
  expect(warnlate("到期", 1_500_000, null, null, "2025-05-31", "分行", "2025-06-02")).toBe(
    "不适用"
  );
  // exactly on the line belongs to the band
  expect(warnlate("到期", 2_000_000, null, null, "2025-05-31", "分行", "2025-06-02")).toBe("按时");
});

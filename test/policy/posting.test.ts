/**
 * (issue 19) The policy texts of 公示名单 and 考核通知单: 公示期 and 申诉受理 — in the schema, the
 * 政策参数 sheet and the JSON, blank by default; an older 政策参数 sheet without them is read without
 * a "missing parameters" notice (their default is blank, as an empty row would be), one that has
 * them lacking others still names only the others.
 */
import { defaultPolicy } from "../../src/policy/defaults";
import { policyFromJson, policyToJson } from "../../src/policy/json";
import { paramByKey } from "../../src/policy/schema";
import { readPolicyFromGrid } from "../../src/policy/sheet";
import { policySheetModel } from "../../src/summary/policySheet";
import { modelGrid } from "./helpers";

const KEYS = ["公示期", "申诉受理"];

test("in the schema as blank-by-default texts, at the end of the general figures, on the 政策参数 sheet", () => {
  const p = defaultPolicy(2025);
  expect(p.postingPeriod).toBeNull();
  expect(p.appealPlace).toBeNull();
  for (const k of KEYS) {
    const d = paramByKey(k)!;
    expect(d.type).toBe("text");
    expect(d.nullable).toBe(true);
    expect(d.quietWhenMissing).toBe(true);
  }
  const rows = policySheetModel(p).rows.map((r) => r[0]);
  expect(rows.indexOf("公示期")).toBe(rows.indexOf("单位名称") + 1);
  expect(rows.indexOf("申诉受理")).toBe(rows.indexOf("单位名称") + 2);
});

test("read from the 政策参数 sheet; a sheet without the two rows gives no notice, one without another row names only that one", () => {
  const g = modelGrid(policySheetModel(defaultPolicy(2025)));
  const rows = g.sheets[0].values;
  rows[rows.findIndex((r) => r[0] === "公示期")][1] = "2026年1月10日至1月16日";
  rows[rows.findIndex((r) => r[0] === "申诉受理")][1] = "人力资源部";
  const r = readPolicyFromGrid(g, 2025);
  expect(r.policy.postingPeriod).toBe("2026年1月10日至1月16日");
  expect(r.policy.appealPlace).toBe("人力资源部");
  expect(r.issues.filter((i) => i.rule === "POLICY.default")).toEqual([]);

  const without = g.sheets[0].values.filter((row) => !KEYS.includes(String(row[0])));
  const r2 = readPolicyFromGrid({ sheets: [{ ...g.sheets[0], values: without }] }, 2025);
  expect(r2.policy.postingPeriod).toBeNull();
  expect(r2.issues.filter((i) => i.rule === "POLICY.default")).toEqual([]);

  const lacksUnit = without.filter((row) => row[0] !== "单位名称");
  const r3 = readPolicyFromGrid({ sheets: [{ ...g.sheets[0], values: lacksUnit }] }, 2025);
  expect(r3.issues.filter((i) => i.rule === "POLICY.default").map((i) => i.message)).toEqual([
    "政策参数表缺少 1 个参数（单位名称），已使用 2025 年默认值",
  ]);
});

test("the JSON form: by key and round trip", () => {
  const p = policyFromJson(
    JSON.stringify({ 公示期: "五个工作日", 申诉受理: "纪检室" }),
    defaultPolicy(2025)
  );
  expect([p.postingPeriod, p.appealPlace]).toEqual(["五个工作日", "纪检室"]);
  expect(policyFromJson(policyToJson(p), defaultPolicy(2025))).toMatchObject({
    postingPeriod: "五个工作日",
    appealPlace: "纪检室",
  });
});

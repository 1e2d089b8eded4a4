import { defaultPolicy } from "../../src/policy/defaults";
import {
  citation,
  getParam,
  isIdentityPath,
  leafPaths,
  paramByKey,
  paramByPath,
  pathText,
  POLICY_SCHEMA,
  RULE_SET_ORDER,
} from "../../src/policy/schema";
import { everyFieldChanged } from "./helpers";

describe("policy schema", () => {
  test("every leaf of defaultPolicy(2025) has a schema entry (new fields cannot be forgotten)", () => {
    const missing = leafPaths(defaultPolicy(2025))
      .filter((p) => !isIdentityPath(p))
      .map(pathText)
      .filter((p) => !paramByPath(p));
    expect(missing).toEqual([]);
  });

  test("every leaf of a policy with the records filled (C points, annual ratios) has an entry too", () => {
    const missing = leafPaths(everyFieldChanged())
      .filter((p) => !isIdentityPath(p))
      .map(pathText)
      .filter((p) => !paramByPath(p));
    expect(missing).toEqual([]);
  });

  test("every schema entry points at a real place of the policy", () => {
    const p = defaultPolicy(2025);
    for (const d of POLICY_SCHEMA) {
      if (d.recordEntry) continue;
      expect({
        key: d.key,
        defined: getParam(p, d) !== undefined && (getParam(p, d) !== null || d.nullable),
      }).toEqual({ key: d.key, defined: true });
    }
  });

  test("the fixed keys of RULES.md POLICY exist with their paths", () => {
    expect(paramByKey("年度")?.path).toEqual(["year"]);
    expect(paramByKey("金额单位")?.path).toEqual(["amountUnit"]);
    expect(paramByKey("评定日期")?.path).toEqual(["assessmentDate"]);
    expect(paramByKey("不良容忍度")?.path).toEqual(["nplToleranceRatePct"]);
    expect(paramByKey("不良容忍度")?.unit).toBe("%");
    expect(paramByKey("美元兑人民币汇率")?.path).toEqual(["usdCnyRate"]);
  });

  test("keys are unique after normalisation and matched leniently", () => {
    const keys = POLICY_SCHEMA.map((d) => d.key.toLowerCase().replace(/\s/g, ""));
    expect(new Set(keys).size).toBe(keys.length);
    expect(paramByKey(" Ａ.一级.最低分 ")?.path).toEqual(["a", "grades", 0, "minScore"]);
  });

  test("arrays and records get one key per element field", () => {
    expect(paramByKey("A.二级.工资系数")?.path).toEqual(["a", "grades", 1, "wageCoefficient"]);
    expect(paramByKey("A.超容忍度.档2.上限")?.path).toEqual(["a", "overTolBands", 1, "maxOver"]);
    expect(paramByKey("A.买断.档1.截止年份")?.path).toEqual(["a", "buyoutBuckets", 0, "lastYear"]);
    expect(paramByKey("B.高级.日均存款")?.path).toEqual(["b", "levels", 0, "depositMin"]);
    expect(paramByKey("C.3.2a")?.path).toEqual(["c", "points", "3.2a"]);
    for (let y = 1999; y <= 2010; y++)
      expect(paramByKey(`A.年度补偿.比例.${y}`)?.nullable).toBe(true);
  });

  test("every entry has a rule set, an article (or is a workbook convention), labels and descriptions in both languages", () => {
    for (const d of POLICY_SCHEMA) {
      expect(RULE_SET_ORDER).toContain(d.ruleSet);
      expect(d.label.zh && d.label.en && d.description.zh && d.description.en).toBeTruthy();
      // workbook conventions with no article: 金额单位, (rev 2) 单位名称, (issue 19) 公示期, 申诉受理
      if (!["金额单位", "单位名称", "公示期", "申诉受理"].includes(d.key))
        expect(d.article).toMatch(/第.+[条项]/);
    }
    expect(citation(paramByKey("A.一级.最低分")!)).toBe(
      "《银行客户经理及不良贷款管理办法》（000 篇9）第十条"
    );
    expect(citation(paramByKey("C.3.2a")!)).toBe(
      "《非业绩指标“差错积分”考核标准》（003）三、第2项"
    );
  });

  test("amounts are documented as 元 whatever the amount unit", () => {
    const amounts = POLICY_SCHEMA.filter((d) => d.type === "amount");
    expect(amounts.length).toBeGreaterThan(20);
    for (const d of amounts) {
      expect(d.description.zh).toContain("金额一律以元填写");
      expect(d.unit.startsWith("元")).toBe(true);
    }
  });

  test("ranges are consistent with the defaults", () => {
    const p = defaultPolicy(2025);
    for (const d of POLICY_SCHEMA) {
      const v = getParam(p, d);
      if (typeof v !== "number") continue;
      if (d.min !== undefined) expect({ k: d.key, ok: v >= d.min }).toEqual({ k: d.key, ok: true });
      if (d.max !== undefined) expect({ k: d.key, ok: v <= d.max }).toEqual({ k: d.key, ok: true });
    }
  });
});

/** The rev 2 keys of rule set A (A6 switch, A10b teller figures): declared, defaulted, read from the 政策参数 sheet. */
import { paramByKey, getParam } from "../../src/policy/schema";
import { defaultPolicy } from "../../src/policy/defaults";
import { checkDraft, draftOf } from "../../src/policy/validate";

describe("rule set A rev 2 policy keys", () => {
  const p = defaultPolicy(2025);
  it("A.责任不良.逾期即计入: enum 是/否, default 是, article 第四十条", () => {
    const d = paramByKey("A.责任不良.逾期即计入")!;
    expect(d).toMatchObject({
      type: "enum",
      enumValues: ["是", "否"],
      nullable: false,
      ruleSet: "A",
      article: "第四十条",
    });
    expect(getParam(p, d)).toBe("是");
  });
  it("A.柜员平均效益工资 / A.柜员平均工资系数: unset by default", () => {
    for (const k of ["A.柜员平均效益工资", "A.柜员平均工资系数"]) {
      const d = paramByKey(k)!;
      expect(d.nullable).toBe(true);
      expect(getParam(p, d)).toBeNull();
    }
  });
  it("the pane's draft check reads 否 and teller figures; a bad switch value is an error at its key", () => {
    const ok = checkDraft(
      {
        ...draftOf(p),
        "A.责任不良.逾期即计入": "否",
        "A.柜员平均效益工资": "60000",
        "A.柜员平均工资系数": "1.4",
      },
      p
    );
    expect(ok.errors).toEqual({});
    expect(ok.policy?.a).toMatchObject({
      nplOverdueCounts: "否",
      tellerAvgPay: 60000,
      tellerAvgCoefficient: 1.4,
    });
    expect(
      checkDraft({ ...draftOf(p), "A.责任不良.逾期即计入": "也许" }, p).errors[
        "A.责任不良.逾期即计入"
      ]
    ).toBeDefined();
  });
});

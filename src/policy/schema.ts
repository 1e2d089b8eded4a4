/**
 * The schema of the policy: one entry per leaf of the {@link Policy} object — the key the
 * 政策参数 sheet shows in its 参数 column, where the value lives in the object, its type, unit,
 * range, whether it may be left unset, the rule set and article it comes from, and a label
 * and description in Chinese and English.
 *
 * Arrays of the policy (A grades, overTolBands, buyoutBuckets, B levels) get one key per
 * element field; the records (C points per item, A annual compensation ratios per formation
 * year from 1999 on — rev 2: open-ended, up to the year the latest 年度 buys out) get one key per entry. The element "identity" fields (the grade or level
 * name) are part of the key, not parameters: see {@link IDENTITY_FIELDS}.
 *
 * Amounts in the sheet are always in 元, whatever the workbook's 金额单位 (the policy object
 * holds 元 too): a threshold does not change when the unit of the data columns changes.
 */
import { normKey } from "../core/text";
import { defaultPolicy } from "./defaults";
import { FIVE_CLASSES } from "../core/rows";
import { POLICY_SHEET_NAME } from "../core/sheetNames";
import { CREDIT_GRADES } from "./types";
import type { Policy } from "./types";

export type ParamType =
  "int" | "number" | "percent" | "fraction" | "amount" | "date" | "year" | "enum" | "text";
export type RuleSetId = "A" | "B" | "C" | "D" | "通用";
export type PathSeg = string | number;

export interface Bilingual {
  zh: string;
  en: string;
}

export interface ParamDef {
  /** the 参数 column text (fixed keys 年度, 金额单位, 评定日期, 不良容忍度, 美元兑人民币汇率, 单位名称) */
  key: string;
  /** where the value lives in the Policy object */
  path: readonly PathSeg[];
  /**
   * int/number: as written; percent: a number of percent (1.2 = 1.2%, "1.2%" accepted);
   * fraction: a share 0–1 (0.05, or "5%"); amount: 元 (≥ 0; "100万" accepted);
   * date: yyyy-mm-dd; year: four digits; enum: one of enumValues (several, separated by 、
   * when multi); text: non-blank text.
   */
  type: ParamType;
  /** 元, %, 分, 天, 年, 美元 …; "" when none */
  unit: string;
  min?: number;
  max?: number;
  /** true: the value may be left blank (unset) */
  nullable: boolean;
  /** allowed values (type enum) */
  enumValues?: readonly string[];
  /** enum list: several values, written joined with 、 */
  multi?: boolean;
  /** a key of a record (annualCompRatios): unset = the entry is absent */
  recordEntry?: boolean;
  /**
   * A record entry that a year's policy uses (A12: the ratio of the formation year Y − lag). The
   * sheets and lists show a record entry only when it is set or used by the policy's year
   * ({@link shownParams}); any entry is read when typed.
   */
  usedBy?: (p: Policy) => boolean;
  /** (issue 19) a blank-by-default text an older 政策参数 sheet lacks: its absence is not reported (公示期, 申诉受理) */
  quietWhenMissing?: boolean;
  ruleSet: RuleSetId;
  /** "第十条", "第十一条 1", "三、第2项" … */
  article: string;
  /** the document the article belongs to (title and seed file) */
  source: string;
  label: Bilingual;
  description: Bilingual;
  /**
   * The usual range of the figure. A value outside it is accepted (when inside min/max) with a
   * warning; when {@link hint} turns the value into one inside it, the warning names that value
   * (a rate typed as 120 instead of 1.2).
   */
  typical?: { min: number; max: number };
  /** the value the user probably meant (e.g. ×100 / ÷100 for a percent), or null */
  hint?: (v: number) => number | null;
}

/** Source documents of the rule sets (RULES.md). */
export const SOURCES: Record<RuleSetId, Bilingual> = {
  A: {
    zh: "《银行客户经理及不良贷款管理办法》（000 篇9）",
    en: "Measures for Credit CMs and NPLs (seed 000, part 9)",
  },
  B: {
    zh: "《银行客户经理等级管理办法》（002）",
    en: "Measures for CM Grade Management (seed 002)",
  },
  C: {
    zh: "《非业绩指标“差错积分”考核标准》（003）",
    en: "Error-point assessment standard (seed 003)",
  },
  D: { zh: "《贷款风险预警制度》（004 篇8）", en: "Loan risk-warning rules (seed 004, part 8)" },
  通用: { zh: "RULES.md 政策参数", en: "RULES.md POLICY" },
};

export const RULE_SET_TITLES: Record<RuleSetId, Bilingual> = {
  通用: { zh: "通用参数", en: "General" },
  A: { zh: "A 信贷客户经理等级与不良贷款", en: "A Credit CM grade and NPLs" },
  B: { zh: "B 公司客户经理等级", en: "B Corporate CM levels" },
  C: { zh: "C 差错积分", en: "C Error points" },
  D: { zh: "D 贷款风险预警", en: "D Loan risk warnings" },
};

export const RULE_SET_ORDER: readonly RuleSetId[] = ["通用", "A", "B", "C", "D"];

/** The sheet the add-in writes the policy to. */
export const POLICY_SHEET = POLICY_SHEET_NAME;

/** Fields inside array elements that name the element; they are part of the key, not editable. */
const IDENTITY_FIELDS: readonly string[] = ["a.grades.*.grade", "b.levels.*.level"];

export const GRADE_VALUES = CREDIT_GRADES;
const UNIT_VALUES = ["元", "万元"] as const;
export const FIVE_CLASS_VALUES = FIVE_CLASSES;
const CURRENCY_VALUES = ["USD", "CNY"] as const;
const YES_NO_VALUES = ["是", "否"] as const;

const MAX_AMOUNT = 1e13;
/** the latest 年度 a policy may have (the A12 ratio keys reach the formation year it buys out) */
const MAX_POLICY_YEAR = 2100;

type Opt = Partial<
  Pick<
    ParamDef,
    | "min"
    | "max"
    | "enumValues"
    | "multi"
    | "recordEntry"
    | "usedBy"
    | "quietWhenMissing"
    | "typical"
    | "hint"
  >
> & {
  nullable?: boolean;
};

/** Text of a description: amounts always say they are in 元. */
function amountNote(d: Bilingual, type: ParamType): Bilingual {
  if (type !== "amount") return d;
  return {
    zh: `${d.zh}（金额一律以元填写，不随金额单位变化）`,
    en: `${d.en} (always in yuan, whatever the amount unit)`,
  };
}

function def(
  key: string,
  path: readonly PathSeg[],
  type: ParamType,
  unit: string,
  ruleSet: RuleSetId,
  article: string,
  label: Bilingual,
  description: Bilingual,
  o: Opt = {}
): ParamDef {
  const { nullable, ...rest } = o;
  const min = o.min ?? (type === "amount" || type === "fraction" || type === "int" ? 0 : undefined);
  const max = o.max ?? (type === "amount" ? MAX_AMOUNT : type === "fraction" ? 1 : undefined);
  return {
    key,
    path,
    type,
    unit,
    nullable: nullable ?? false,
    ruleSet,
    article,
    source: SOURCES[ruleSet].zh,
    label,
    description: amountNote(description, type),
    ...rest,
    min,
    max,
  };
}

const bi = (zh: string, en: string): Bilingual => ({ zh, en });

/** ×100 or ÷100 when that lands in the typical range (a percent typed as a fraction, or ×100). */
function percentHint(typ: { min: number; max: number }): (v: number) => number | null {
  return (v) => {
    for (const c of [v / 100, v * 100]) {
      const r = Number(c.toPrecision(12));
      if (r >= typ.min && r <= typ.max) return r;
    }
    return null;
  };
}

function generalDefs(): ParamDef[] {
  const tolTypical = { min: 0.1, max: 10 };
  const fxTypical = { min: 3, max: 15 };
  return [
    def(
      "年度",
      ["year"],
      "year",
      "年",
      "通用",
      "002 第十一条",
      bi("政策年度", "Policy year"),
      bi(
        "参数所属年度；总行按年度调整（002 第十一条末段）。缺省：1–6 月为上一年度，7 月起为当年（000 篇9 第十四条：每年1月份初评）",
        "Year of these parameters; adjusted yearly by the head office (002 art. 11). Default: " +
          "January–June the previous year, from July the current one (000 part 9, art. 14)"
      ),
      { min: 1999, max: MAX_POLICY_YEAR }
    ),
    def(
      "金额单位",
      ["amountUnit"],
      "enum",
      "",
      "通用",
      "",
      bi("金额单位", "Amount unit"),
      bi(
        "工作簿各金额列的单位：元 或 万元（本表金额参数仍以元填写）",
        "Unit of every amount column of the workbook: 元 or 万元 (amounts in this sheet stay in yuan)"
      ),
      { enumValues: UNIT_VALUES }
    ),
    def(
      "评定日期",
      ["assessmentDate"],
      "date",
      "",
      "通用",
      "000 篇9 第七条、第十五条、第四十一条",
      bi("评定日期", "Assessment date"),
      bi(
        "年龄、任职年限、保护期均计算至此日；缺省为年度的 12 月 31 日",
        "Ages, tenure and protection periods are counted to this date; default 31 December of the year"
      )
    ),
    def(
      "不良容忍度",
      ["nplToleranceRatePct"],
      "percent",
      "%",
      "通用",
      "000 篇9 第十二条",
      bi("不良贷款容忍度", "NPL tolerance rate"),
      bi(
        "新增不良率的容忍度，以 % 填写（1.2 表示 1.2%）；未设置时不适用超容忍度封顶",
        "Tolerance of the new-NPL rate, in % (1.2 means 1.2%); when unset the tolerance caps are not applied"
      ),
      { nullable: true, min: 0, max: 100, typical: tolTypical, hint: percentHint(tolTypical) }
    ),
    def(
      "美元兑人民币汇率",
      ["usdCnyRate"],
      "number",
      "元/美元",
      "通用",
      "002 第十一条",
      bi("美元兑人民币汇率", "USD→CNY rate"),
      bi(
        "1 美元折合人民币元数，用于四级国际结算（以人民币计）的折算；未设置时该条件无法判断",
        "Yuan per US dollar, converts the 四级 settlement threshold (in yuan); unset: that condition cannot be judged"
      ),
      {
        nullable: true,
        min: 0.0001,
        max: 1000,
        typical: fxTypical,
        hint: (v) =>
          v > 0 && 1 / v >= fxTypical.min && 1 / v <= fxTypical.max
            ? Number((1 / v).toPrecision(6))
            : null,
      }
    ),
    def(
      "单位名称",
      ["unitName"],
      "text",
      "",
      "通用",
      "",
      bi("单位名称", "Name of the bank or branch"),
      bi(
        "打印在每张汇总表页眉的银行或支行名称（如“某某农村商业银行某某支行”）；可留空",
        "Bank or branch name printed in every summary's page header; may be left blank"
      ),
      { nullable: true }
    ),
    def(
      "公示期",
      ["postingPeriod"],
      "text",
      "",
      "通用",
      "",
      bi("公示期", "Posting period"),
      bi(
        "印在“公示名单”上的公示起止时间（如“2026年1月10日至1月16日，共 5 个工作日”）；留空则名单上留出空白手填",
        "Posting period printed on 公示名单 (e.g. 10–16 January 2026); blank: a line is left to fill in by hand"
      ),
      { nullable: true, quietWhenMissing: true }
    ),
    def(
      "申诉受理",
      ["appealPlace"],
      "text",
      "",
      "通用",
      "",
      bi("申诉受理", "Where to appeal"),
      bi(
        "印在“公示名单”和“考核通知单”上的申诉受理部门、地点和电话；留空则留出空白手填",
        "Office, place and telephone for appeals, printed on 公示名单 and 考核通知单; blank: a line is left to fill in by hand"
      ),
      { nullable: true, quietWhenMissing: true }
    ),
  ];
}

function aDefs(p: Policy): ParamDef[] {
  const out: ParamDef[] = [];
  const A = (
    key: string,
    path: PathSeg[],
    type: ParamType,
    unit: string,
    article: string,
    label: Bilingual,
    d: Bilingual,
    o?: Opt
  ) => out.push(def(key, ["a", ...path], type, unit, "A", article, label, d, o));
  const grade: Opt = { enumValues: GRADE_VALUES };

  p.a.grades.forEach((g, i) => {
    A(
      `A.${g.grade}.最低分`,
      ["grades", i, "minScore"],
      "number",
      "分",
      "第十条",
      bi(`${g.grade}最低总分`, `Minimum score for ${g.grade}`),
      bi(
        `总分不低于此分为${g.grade}（各级最低分须从高到低排列）`,
        `A total at or above this is ${g.grade} (minima must descend)`
      ),
      { min: 0, max: 1000 }
    );
    A(
      `A.${g.grade}.工资系数`,
      ["grades", i, "wageCoefficient"],
      "number",
      "",
      "第十条",
      bi(`${g.grade}工资系数`, `Wage coefficient of ${g.grade}`),
      bi(`${g.grade}客户经理的工资系数`, `Wage coefficient of a ${g.grade} CM`),
      { min: 0, max: 100 }
    );
  });
  A(
    "A.笔数.基础分",
    ["countBase"],
    "number",
    "分",
    "第十一条 1",
    bi("贷款笔数基础分", "Loan count base points"),
    bi("笔数等于同类行平均时的得分", "Points when the count equals the peer average"),
    { min: 0, max: 1000 }
  );
  A(
    "A.笔数.每百分点分值",
    ["countPerPct"],
    "number",
    "分",
    "第十一条 1",
    bi("笔数每高低 1 个百分点加减分", "Points per percentage point of count"),
    bi(
      "笔数比同类行平均每高（低）1 个百分点加（减）的分数",
      "Points added (deducted) per percentage point above (below) the peer average"
    ),
    { min: 0, max: 100 }
  );
  A(
    "A.笔数.最高分",
    ["countMax"],
    "number",
    "分",
    "第十一条 1",
    bi("贷款笔数最高分", "Loan count maximum"),
    bi("笔数得分上限（基础分加奖励分）", "Upper limit of the count points (base plus bonus)"),
    { min: 0, max: 1000 }
  );
  A(
    "A.笔数.最低分",
    ["countMin"],
    "number",
    "分",
    "第十一条 1",
    bi("贷款笔数最低分", "Loan count minimum"),
    bi("笔数得分下限", "Lower limit of the count points"),
    { min: 0, max: 1000 }
  );
  A(
    "A.利息.基础分",
    ["incomeBase"],
    "number",
    "分",
    "第十一条 2",
    bi("利息收入基础分", "Interest income base points"),
    bi(
      "利息收入等于同类行平均时的得分，按比例增减",
      "Points when income equals the peer average; proportional"
    ),
    { min: 0, max: 1000 }
  );
  A(
    "A.利息.最高分",
    ["incomeMax"],
    "number",
    "分",
    "第十一条 2",
    bi("利息收入最高分", "Interest income maximum"),
    bi("利息收入得分上限", "Upper limit of the income points"),
    { min: 0, max: 1000 }
  );
  A(
    "A.利息.最低分",
    ["incomeMin"],
    "number",
    "分",
    "第十一条 2",
    bi("利息收入最低分", "Interest income minimum"),
    bi("利息收入得分下限", "Lower limit of the income points"),
    { min: 0, max: 1000 }
  );
  A(
    "A.质量.基础分",
    ["qualityBase"],
    "number",
    "分",
    "第十一条 3",
    bi("贷款质量基础分", "Loan quality base points"),
    bi("新增不良率等于基准时的得分", "Points when the new-NPL rate equals the pivot"),
    { min: 0, max: 1000 }
  );
  A(
    "A.质量.每百分点分值",
    ["qualityPerPct"],
    "number",
    "分",
    "第十一条 3",
    bi("不良率每 1 个百分点加减分", "Points per percentage point of NPL rate"),
    bi(
      "不良率每低（高）于基准 1 个百分点加（减）的分数（每 0.1 个百分点 1 分即 10）",
      "Points per percentage point below (above) the pivot (1 point per 0.1 pp = 10)"
    ),
    { min: 0, max: 1000 }
  );
  A(
    "A.质量.基准不良率",
    ["qualityPivotPct"],
    "percent",
    "%",
    "第十一条 3",
    bi("质量基准不良率", "Quality pivot NPL rate"),
    bi("贷款质量得分的基准新增不良率，以 % 填写", "Pivot new-NPL rate of the quality points, in %"),
    { min: 0, max: 100 }
  );
  A(
    "A.质量.最低分",
    ["qualityMin"],
    "number",
    "分",
    "第十一条 3",
    bi("贷款质量最低分", "Loan quality minimum"),
    bi("贷款质量得分下限", "Lower limit of the quality points"),
    { min: 0, max: 1000 }
  );
  A(
    "A.质量.最高分",
    ["qualityMax"],
    "number",
    "分",
    "第十一条 3",
    bi("贷款质量最高分", "Loan quality maximum"),
    bi(
      "贷款质量得分上限；留空表示不封顶（原文未规定上限）",
      "Upper limit of the quality points; blank = no cap (none in the source)"
    ),
    { nullable: true, min: 0, max: 1000 }
  );
  A(
    "A.扣分.考试不合格",
    ["deductExamFail"],
    "number",
    "分",
    "第十二条 1",
    bi("考试不合格扣分", "Deduction: failed exam"),
    bi("总行业务考试、技能测试不合格每次扣分", "Points per failed head-office exam or skills test"),
    { min: 0, max: 1000 }
  );
  A(
    "A.扣分.经济处罚",
    ["deductPenalty"],
    "number",
    "分",
    "第十二条 1",
    bi("违规经济处罚扣分", "Deduction: economic penalty"),
    bi("违规并给予经济处罚每次扣分", "Points per violation with an economic penalty"),
    { min: 0, max: 1000 }
  );
  A(
    "A.扣分.通报批评",
    ["deductCriticism"],
    "number",
    "分",
    "第十二条 1",
    bi("通报批评扣分", "Deduction: criticism"),
    bi("违规被通报批评每次扣分", "Points per violation circulated with criticism"),
    { min: 0, max: 1000 }
  );
  A(
    "A.扣分.严重违规",
    ["deductSeriousViolation"],
    "number",
    "分",
    "第十二条 2",
    bi("严重违规扣分", "Deduction: serious violation"),
    bi("严重违规每次扣分", "Points per serious violation"),
    { min: 0, max: 1000 }
  );
  A(
    "A.封顶.严重违规",
    ["capSeriousViolation"],
    "enum",
    "",
    "第十二条 2",
    bi("严重违规最高等级", "Grade cap: serious violation"),
    bi("有严重违规时最高只能评到的等级", "Highest grade with a serious violation"),
    grade
  );
  A(
    "A.封顶.超容忍度",
    ["capOverTolerance"],
    "enum",
    "",
    "第十二条 3",
    bi("超容忍度最高等级", "Grade cap: over tolerance"),
    bi(
      "新增不良率超过不良容忍度时最高等级",
      "Highest grade when the new-NPL rate exceeds the tolerance rate"
    ),
    grade
  );
  A(
    "A.封顶.远超倍数",
    ["farOverToleranceFactor"],
    "number",
    "倍",
    "第十二条 3",
    bi("远超容忍度倍数", "Far-over-tolerance factor"),
    bi(
      "不良率超过容忍度的此倍数（“超过容忍度50%”即 1.5）时适用下一行等级",
      'Rate above this multiple of the tolerance ("50% over" = 1.5) gets the next cap'
    ),
    { min: 1, max: 100 }
  );
  A(
    "A.封顶.远超容忍度",
    ["capFarOverTolerance"],
    "enum",
    "",
    "第十二条 3",
    bi("远超容忍度最高等级", "Grade cap: far over tolerance"),
    bi(
      "不良率超过容忍度上述倍数时最高等级",
      "Highest grade when the rate exceeds the factor × tolerance"
    ),
    grade
  );
  A(
    "A.保护期.年数",
    ["protectionYears"],
    "int",
    "年",
    "第七条、第十五条",
    bi("首次任职保护期", "First-appointment protection period"),
    bi(
      "首次任职后此年数内不取消资格",
      "Years after the first appointment during which the CM is not disqualified"
    ),
    { max: 20 }
  );
  A(
    "A.保护期.等级",
    ["protectedGrade"],
    "enum",
    "",
    "第十五条",
    bi("保护期内等级", "Grade in the protection period"),
    bi(
      "保护期内分数低于最低等级时给予的等级",
      "Grade given in the protection period instead of 取消资格"
    ),
    grade
  );
  A(
    "A.责任不良.逾期天数",
    ["nplOverdueDays"],
    "int",
    "天",
    "第四十条",
    bi("责任不良逾期天数", "Responsible NPL overdue days"),
    bi(
      "逾期达到此天数（含本数，逾期一年以上）的贷款不论形态、担保方式计入责任不良",
      "Loans overdue this many days or more (one year or more) count as responsible NPL whatever their class and security"
    ),
    { max: 3650 }
  );
  A(
    "A.责任不良.逾期即计入",
    ["nplOverdueCounts"],
    "enum",
    "",
    "第四十条",
    bi("信用保证贷款逾期即计入", "Overdue credit/guaranteed loans count"),
    bi(
      "是：信用、保证贷款逾期（逾期天数 ≥ 1）即计入责任不良（第四十条“以五级分类形态和贷款是否到期为准”）；否：只有后三类计入",
      '是: a credit or guaranteed loan overdue at all counts (Art. 40 "by five-class form and whether the loan has fallen due"); 否: only when 次级/可疑/损失'
    ),
    { enumValues: YES_NO_VALUES }
  );
  A(
    "A.责任不良.五级分类",
    ["nplClasses"],
    "enum",
    "",
    "第四十条",
    bi("责任不良五级分类", "Responsible NPL classes"),
    bi(
      "计入责任不良的五级分类，多个用“、”分隔",
      "Five-class categories that count as NPL, separated by 、"
    ),
    { enumValues: FIVE_CLASS_VALUES, multi: true }
  );
  A(
    "A.第一责任人起始日",
    ["responsibilityStart"],
    "date",
    "",
    "第十九条",
    bi("第一责任人起始日", "First-responsibility start date"),
    bi(
      "此日及以后发放的贷款有第一责任人",
      "Loans granted on or after this date have a first responsible person"
    )
  );
  A(
    "A.末位.名单人数",
    ["bottomListSize"],
    "int",
    "人",
    "第三十九条",
    bi("末位名单人数", "Bottom list size"),
    bi(
      "责任不良余额最大的前若干名列入末位名单（并列全部列入）",
      "The CMs with the largest responsible NPL (ties included)"
    ),
    { min: 1, max: 10000 }
  );
  A(
    "A.末位.黄牌金额",
    ["yellowCardAmount"],
    "amount",
    "元",
    "第三十九条",
    bi("黄牌警告金额", "Yellow-card amount"),
    bi(
      "责任不良余额超过此金额给予黄牌警告并制定清收计划",
      "Responsible NPL above this: yellow card and collection plan"
    )
  );
  A(
    "A.退出.男性年龄",
    ["exitAgeMale"],
    "int",
    "岁",
    "第四十一条",
    bi("男性退出年龄", "Exit age (male)"),
    bi("男性客户经理年满此岁数后退出岗位", "A male CM older than this leaves the post"),
    { min: 16, max: 80 }
  );
  A(
    "A.退出.女性年龄",
    ["exitAgeFemale"],
    "int",
    "岁",
    "第四十一条",
    bi("女性退出年龄", "Exit age (female)"),
    bi("女性客户经理年满此岁数后退出岗位", "A female CM older than this leaves the post"),
    { min: 16, max: 80 }
  );
  A(
    "A.退出.过渡期年数",
    ["transitionYears"],
    "int",
    "年",
    "第四十三条、第四十四条",
    bi("退出过渡期", "Exit transition period"),
    bi(
      "退出后第一责任贷款压降至零的年数",
      "Years to cut first-responsibility lending to 0 after exit"
    ),
    { max: 20 }
  );
  A(
    "A.退出.首年压降比例",
    ["transitionFirstYearShare"],
    "fraction",
    "比例",
    "第四十三条",
    bi("过渡首年保留比例", "First-year share kept"),
    bi(
      "过渡期第一年第一责任贷款压降至退出时余额的比例（0.5 即 50%）",
      "Share of the exit-date balance allowed in the first year (0.5 = 50%)"
    )
  );
  A(
    "A.容忍度.基数年数",
    ["toleranceBaseYears"],
    "int",
    "年",
    "第四十七条",
    bi("容忍度基数年数", "Tolerance base years"),
    bi(
      "以达到退出年龄前若干年的贷款利息收入为基数",
      "Interest income of this many years before exit age is the base"
    ),
    { min: 1, max: 20 }
  );
  A(
    "A.容忍度.自然人比例",
    ["toleranceNaturalRate"],
    "fraction",
    "比例",
    "第四十七条",
    bi("自然人利息容忍比例", "Natural-person interest ratio"),
    bi(
      "自然人贷款利息收入乘以此比例（0.1 即 10%）",
      "Ratio applied to natural-person interest (0.1 = 10%)"
    )
  );
  A(
    "A.容忍度.企业比例",
    ["toleranceEnterpriseRate"],
    "fraction",
    "比例",
    "第四十七条",
    bi("企业利息容忍比例", "Enterprise interest ratio"),
    bi("企业及组织贷款利息收入乘以此比例", "Ratio applied to enterprise/organisation interest")
  );
  A(
    "A.容忍度.城区系数",
    ["toleranceUrbanFactor"],
    "fraction",
    "比例",
    "第四十七条",
    bi("支行长及城区系数", "Branch-head/urban factor"),
    bi(
      "支行长及城区客户经理按上述比例的此倍数计算（0.6 即 60%）",
      "Branch heads and urban CMs use this share of the ratios (0.6 = 60%)"
    )
  );
  A(
    "A.超容忍度.清收完成比例",
    ["overTolCollectionMin"],
    "fraction",
    "比例",
    "第四十八条 2",
    bi("清收任务完成比例", "Collection done at least"),
    bi(
      "完成清收任务达此比例方可享受绩效工资",
      "Share of the collection task that must be done to get any pay"
    )
  );
  p.a.overTolBands.forEach((_, i) => {
    A(
      `A.超容忍度.档${i + 1}.上限`,
      ["overTolBands", i, "maxOver"],
      "fraction",
      "比例",
      "第四十八条 2",
      bi(`超容忍度第${i + 1}档上限`, `Over-tolerance band ${i + 1} upper bound`),
      bi(
        `超出容忍度的比例不超过此值（含）属第${i + 1}档（0.2 即 20%）；各档须从小到大`,
        `Over-tolerance share up to this (inclusive) is band ${i + 1} (0.2 = 20%); bands ascend`
      ),
      { max: 100 }
    );
    A(
      `A.超容忍度.档${i + 1}.绩效比例`,
      ["overTolBands", i, "share"],
      "fraction",
      "比例",
      "第四十八条 2",
      bi(`第${i + 1}档绩效工资比例`, `Band ${i + 1} pay share`),
      bi(
        `第${i + 1}档享受柜员平均绩效工资的比例`,
        `Share of the tellers' average performance pay in band ${i + 1}`
      )
    );
  });
  A(
    "A.超容忍度.超出末档比例",
    ["overTolBeyondShare"],
    "fraction",
    "比例",
    "第四十八条 2",
    bi("超过末档绩效比例", "Pay share beyond the last band"),
    bi("超过最后一档上限时的绩效工资比例", "Pay share when above the last band")
  );
  p.a.buyoutBuckets.forEach((_, i) => {
    A(
      `A.买断.档${i + 1}.截止年份`,
      ["buyoutBuckets", i, "lastYear"],
      "year",
      "年",
      "第四十九条",
      bi(`买断第${i + 1}档截止年份`, `Buyout bucket ${i + 1} last year`),
      bi(
        `不良形成于此年及以前（且晚于上一档）的按第${i + 1}档比例买断；各档年份须递增`,
        `NPL formed in or before this year (after the previous bucket) uses bucket ${i + 1}; years ascend`
      ),
      { min: 1900, max: 2100 }
    );
    A(
      `A.买断.档${i + 1}.比例`,
      ["buyoutBuckets", i, "rate"],
      "fraction",
      "比例",
      "第四十九条",
      bi(`买断第${i + 1}档比例`, `Buyout bucket ${i + 1} rate`),
      bi(`第${i + 1}档买断比例（0.05 即 5%）`, `Buyout rate of bucket ${i + 1} (0.05 = 5%)`)
    );
  });
  A(
    "A.买断.容忍度内比例",
    ["buyoutWithinTolRate"],
    "fraction",
    "比例",
    "第四十九条",
    bi("容忍度内买断比例", "Buyout rate within tolerance"),
    bi("末档以后形成的不良，容忍度以内部分的买断比例", "Rate for later NPL within the tolerance")
  );
  A(
    "A.买断.超容忍度比例",
    ["buyoutAboveTolRate"],
    "fraction",
    "比例",
    "第四十九条",
    bi("超容忍度买断比例", "Buyout rate above tolerance"),
    bi("末档以后形成的不良，超过容忍度部分的买断比例", "Rate for later NPL above the tolerance")
  );
  A(
    "A.买断.直系亲属比例",
    ["buyoutRelativeRate"],
    "fraction",
    "比例",
    "第三十八条",
    bi("职工直系亲属贷款赔偿比例", "Staff-relative loan rate"),
    bi(
      "职工直系亲属不良贷款的赔偿比例（1 即全额）",
      "Compensation rate of a staff relative's NPL (1 = in full)"
    )
  );
  A(
    "A.买断.介绍担保分界日",
    ["introducerCutoff"],
    "date",
    "",
    "第三十七条",
    bi("介绍担保贷款分界日", "Introduced-loan cut-off date"),
    bi(
      "职工介绍、担保的贷款在此日及以后发放的按下一行比例",
      "Loans introduced/guaranteed by staff granted on or after this date use the next rate"
    )
  );
  A(
    "A.买断.介绍担保分界后比例",
    ["introducerLateRate"],
    "fraction",
    "比例",
    "第三十七条",
    bi("分界日后介绍担保贷款比例", "Rate after the cut-off"),
    bi(
      "分界日及以后发放的职工介绍、担保贷款的买断比例",
      "Buyout rate of staff-introduced loans granted on or after the cut-off"
    )
  );
  A(
    "A.年度补偿.间隔年数",
    ["annualCompLag"],
    "int",
    "年",
    "第三十三条",
    bi("年度补偿间隔年数", "Annual compensation lag"),
    bi(
      "Y 年买断 Y 减此年数形成的责任贷款（2012 年买断 2001 年）",
      "Year Y buys out loans formed this many years earlier"
    ),
    { max: 100 }
  );
  A(
    "A.年度补偿.起始年份",
    ["annualCompFirstYear"],
    "year",
    "年",
    "第三十三条",
    bi("年度补偿起始形成年份", "Annual compensation first year"),
    bi("年度补偿所涵盖的最早形成年份", "Earliest formation year covered"),
    { min: 1900, max: 2100 }
  );
  A(
    "A.年度补偿.截止年份",
    ["annualCompLastYear"],
    "year",
    "年",
    "第三十三条、第三十六条",
    bi("年度补偿按总额计算的截止形成年份", "Annual compensation: last year on the full balance"),
    bi(
      "此年及以前形成的按贷款余额计算；以后形成的按免责后余额（余额 − 免责金额）计算（rev 2：以后的年份同样补偿，不再截止）",
      "Loans formed in or before this year use their balance; later ones the balance after exemption (rev 2: later years are compensated too)"
    ),
    { min: 1900, max: 2100 }
  );
  // (rev 2) one ratio per formation year from the first year on, up to the last formation year a policy year can reach
  for (let y = p.a.annualCompFirstYear; y <= MAX_POLICY_YEAR - p.a.annualCompLag; y++) {
    A(
      `A.年度补偿.比例.${y}`,
      ["annualCompRatios", String(y)],
      "fraction",
      "比例",
      "第三十三条、第三十六条",
      bi(`${y} 年形成贷款补偿比例`, `Compensation ratio, formed ${y}`),
      bi(
        `${y} 年形成的责任贷款的年度补偿比例，由总行确定；未设置时计算提示“比例未设置”`,
        `Ratio for responsibility loans formed in ${y}, set by the head office; unset gives "ratio not set"`
      ),
      { nullable: true, recordEntry: true, usedBy: (q) => q.year - q.a.annualCompLag === y }
    );
  }
  A(
    "A.柜员平均效益工资",
    ["tellerAvgPay"],
    "amount",
    "元",
    "第四十五条、第四十七条",
    bi("柜员平均效益工资", "Tellers' average performance pay"),
    bi(
      "本行柜员平均效益工资，离岗待遇表中显示（不计算工资）；未设置时显示“未设置”",
      "The bank's tellers' average performance pay, shown in 离岗待遇 (no pay is computed); unset: shown as 未设置"
    ),
    { nullable: true }
  );
  A(
    "A.柜员平均工资系数",
    ["tellerAvgCoefficient"],
    "number",
    "",
    "第四十八条",
    bi("柜员平均工资系数", "Tellers' average wage coefficient"),
    bi(
      "本支行柜员平均工资系数（超容忍度离岗人员按此系数），离岗待遇表中显示；未设置时显示“未设置”",
      "The branch tellers' average wage coefficient (beyond tolerance after exit), shown in 离岗待遇; unset: shown as 未设置"
    ),
    { nullable: true, min: 0, max: 10 }
  );
  A(
    "A.家庭担保.起点金额",
    ["familyGuarantorMinAmount"],
    "amount",
    "元",
    "第二十四条",
    bi("需家庭成员担保的贷款起点", "Family-guarantor threshold"),
    bi(
      "自然人贷款达到此金额须有配偶或家庭成员连带保证",
      "A natural-person loan of this amount or more needs a family guarantor"
    )
  );
  return out;
}

/** Per-field metadata of a B level (CorpLevelRule) — every field but `level`. */
const LEVEL_FIELDS: {
  field: string;
  name: string;
  type: ParamType;
  unit: string;
  article: string;
  label: Bilingual;
  opt?: Opt;
}[] = [
  {
    field: "staffGrade",
    name: "行员等级",
    type: "text",
    unit: "",
    article: "第四条",
    label: bi("对应行员等级", "Staff grade"),
  },
  {
    field: "allowance",
    name: "通讯费",
    type: "amount",
    unit: "元/月",
    article: "第十三条",
    label: bi("通讯费补贴", "Communication allowance"),
  },
  {
    field: "exclusionLine",
    name: "剔除线",
    type: "amount",
    unit: "元",
    article: "第十一条",
    label: bi("剔除客户日均存款线", "Customer exclusion line"),
  },
  {
    field: "depositMin",
    name: "日均存款",
    type: "amount",
    unit: "元",
    article: "第十一条",
    label: bi("日均存款合计下限", "Daily average deposits, total"),
  },
  {
    field: "depositOneMin",
    name: "单户日均存款",
    type: "amount",
    unit: "元",
    article: "第十一条",
    label: bi("单户日均存款下限", "Daily average deposits, one customer"),
    opt: { nullable: true },
  },
  {
    field: "loanMin",
    name: "日均贷款",
    type: "amount",
    unit: "元",
    article: "第十一条",
    label: bi("日均贷款合计下限", "Daily average loans, total"),
  },
  {
    field: "loanOneMin",
    name: "单户日均贷款",
    type: "amount",
    unit: "元",
    article: "第十一条",
    label: bi("单户日均贷款下限", "Daily average loans, one customer"),
    opt: { nullable: true },
  },
  {
    field: "settlementMin",
    name: "国际结算",
    type: "number",
    unit: "美元/元",
    article: "第十一条",
    label: bi("国际结算量下限", "International settlement"),
    opt: { min: 0, max: MAX_AMOUNT },
  },
  {
    field: "settlementCurrency",
    name: "结算币种",
    type: "enum",
    unit: "",
    article: "第十一条",
    label: bi("国际结算下限币种", "Settlement threshold currency"),
    opt: { enumValues: CURRENCY_VALUES },
  },
  {
    field: "newDepositMin",
    name: "新增日均存款",
    type: "amount",
    unit: "元",
    article: "第十一条",
    label: bi("新增日均存款下限", "New daily average deposits"),
  },
  {
    field: "conditionsNeeded",
    name: "需满足条件数",
    type: "int",
    unit: "项",
    article: "第十一条",
    label: bi("需满足的业务条件数", "Conditions needed"),
    opt: { min: 1, max: 4 },
  },
  {
    field: "tenureYears",
    name: "连续营销年限",
    type: "int",
    unit: "年",
    article: "第十一条",
    label: bi("连续营销年限要求", "Marketing years needed"),
    opt: { max: 50 },
  },
];

const LEVEL_DESC: Record<string, (lv: string) => Bilingual> = {
  staffGrade: (lv) => bi(`${lv}客户经理对应的行员等级`, `Staff grade of a ${lv} CM`),
  allowance: (lv) =>
    bi(
      `${lv}每月通讯费补贴；诫勉期间按诫勉比例发放`,
      `Monthly allowance of ${lv}; reduced under admonishment`
    ),
  exclusionLine: (lv) =>
    bi(
      `考核${lv}时日均存款低于此线的客户不计入任何指标`,
      `For ${lv}, customers below this daily deposit are left out of every indicator`
    ),
  depositMin: (lv) =>
    bi(
      `${lv}条件 a：日均存款合计不低于此数（不含协议存款）`,
      `${lv} condition a: total daily average deposits at least this (agreement deposits excluded)`
    ),
  depositOneMin: (lv) =>
    bi(
      `${lv}条件 a 另需一户日均存款不低于此数；留空表示无此要求`,
      `${lv} condition a also needs one customer at least this; blank = none`
    ),
  loanMin: (lv) =>
    bi(
      `${lv}条件 b：日均贷款合计不低于此数`,
      `${lv} condition b: total daily average loans at least this`
    ),
  loanOneMin: (lv) =>
    bi(
      `${lv}条件 b 另需一户日均贷款不低于此数；留空表示无此要求`,
      `${lv} condition b also needs one customer at least this; blank = none`
    ),
  settlementMin: (lv) =>
    bi(
      `${lv}条件 c：年度国际结算量不低于此数（币种见“结算币种”；人民币按美元兑人民币汇率折算）`,
      `${lv} condition c: settlement in the year at least this (currency in the next key; CNY converted with the USD→CNY rate)`
    ),
  settlementCurrency: (lv) =>
    bi(
      `${lv}国际结算下限的币种：USD（美元）或 CNY（人民币元）`,
      `Currency of the ${lv} settlement threshold: USD or CNY`
    ),
  newDepositMin: (lv) =>
    bi(
      `${lv}条件 d：年度新增日均存款不低于此数`,
      `${lv} condition d: new daily average deposits in the year at least this`
    ),
  conditionsNeeded: (lv) =>
    bi(`${lv}需满足条件 a–d 中的项数`, `How many of conditions a–d ${lv} needs`),
  tenureYears: (lv) =>
    bi(`${lv}要求的在本行连续营销年限`, `Years of continuous marketing ${lv} needs`),
};

function bDefs(p: Policy): ParamDef[] {
  const out: ParamDef[] = [];
  const B = (
    key: string,
    path: PathSeg[],
    type: ParamType,
    unit: string,
    article: string,
    label: Bilingual,
    d: Bilingual,
    o?: Opt
  ) => out.push(def(key, ["b", ...path], type, unit, "B", article, label, d, o));
  p.b.levels.forEach((lv, i) => {
    for (const f of LEVEL_FIELDS) {
      B(
        `B.${lv.level}.${f.name}`,
        ["levels", i, f.field],
        f.type,
        f.unit,
        f.article,
        bi(`${lv.level}${f.label.zh}`, `${lv.level} ${f.label.en}`),
        LEVEL_DESC[f.field](lv.level),
        f.opt
      );
    }
  });
  B(
    "B.见习.行员等级",
    ["trainee", "staffGrade"],
    "text",
    "",
    "第四条",
    bi("见习对应行员等级", "Trainee staff grade"),
    bi("见习客户经理对应的行员等级", "Staff grade of a trainee CM")
  );
  B(
    "B.见习.通讯费",
    ["trainee", "allowance"],
    "amount",
    "元/月",
    "第十三条",
    bi("见习通讯费补贴", "Trainee allowance"),
    bi("见习客户经理每月通讯费补贴", "Monthly allowance of a trainee")
  );
  B(
    "B.见习.剔除线",
    ["trainee", "exclusionLine"],
    "amount",
    "元",
    "第十一条 6",
    bi("见习剔除客户日均存款线", "Trainee exclusion line"),
    bi(
      "考核见习时日均存款低于此线的客户不计入",
      "Customers below this daily deposit are left out for a trainee"
    )
  );
  B(
    "B.见习.日均存款",
    ["trainee", "depositMin"],
    "amount",
    "元",
    "第十一条 6、第九条",
    bi("见习日均存款下限", "Trainee daily average deposits"),
    bi(
      "见习客户经理日均存款合计不低于此数",
      "A trainee's total daily average deposits at least this"
    )
  );
  B(
    "B.见习.见习期月数",
    ["trainee", "periodMonths"],
    "int",
    "月",
    "第六条、第十九条五",
    bi("见习期", "Trainee period"),
    bi(
      "“见习期满日期”为空时，见习期自首次任职日期起按此月数计（应届毕业生一年；其他人员不少于 6 个月，可在见习期满日期列填写）",
      "When 见习期满日期 is blank the trainee period runs this many months from the first " +
        "appointment (one year for graduates; at least six months for others, who may have " +
        "见习期满日期 filled in)"
    ),
    { min: 6, max: 60 }
  );
  B(
    "B.及格线.剔除线",
    ["passLineExclusion"],
    "amount",
    "元",
    "第九条",
    bi("及格线剔除客户日均存款线", "Pass-line exclusion"),
    bi(
      "计算在岗最低及格线时日均存款低于此线的客户不计入",
      "Customers below this are left out of the pass line"
    )
  );
  B(
    "B.及格线.见习",
    ["passLineTrainee"],
    "amount",
    "元",
    "第九条",
    bi("见习在岗最低及格线", "Pass line (trainee)"),
    bi(
      "见习客户经理日均存款不低于此数为及格",
      "A trainee passes with daily average deposits at least this"
    )
  );
  B(
    "B.及格线.其他等级",
    ["passLineOther"],
    "amount",
    "元",
    "第九条",
    bi("其他等级在岗最低及格线", "Pass line (other levels)"),
    bi(
      "其他等级客户经理日均存款不低于此数为及格",
      "Other levels pass with daily average deposits at least this"
    )
  );
  B(
    "B.诫勉.补贴比例",
    ["admonishedAllowanceFactor"],
    "fraction",
    "比例",
    "第二十四条",
    bi("诫勉期间两费补贴比例", "Allowance share under admonishment"),
    bi(
      "诫勉期间两费补贴按此比例发放（0.5 即 50%）",
      "Allowances are paid at this share under admonishment (0.5 = 50%)"
    )
  );
  B(
    "B.诫勉.计划完成比例",
    ["admonishPlanShare"],
    "fraction",
    "比例",
    "第二十条",
    bi("诫勉计划完成比例", "Admonishment plan share"),
    bi(
      "主要指标完成计划低于此比例连续若干季度的予以诫勉",
      "Main indicators under this share of plan for consecutive quarters → admonishment"
    )
  );
  B(
    "B.诫勉.连续季度数",
    ["admonishQuarters"],
    "int",
    "季度",
    "第二十条",
    bi("诫勉连续季度数", "Admonishment quarters"),
    bi("主要指标连续未达计划比例的季度数", "Consecutive quarters under the plan share"),
    { min: 1, max: 12 }
  );
  B(
    "B.诫勉.逾期欠息月数",
    ["admonishOverdueMonths"],
    "int",
    "月",
    "第二十条",
    bi("诫勉逾期欠息月数", "Admonishment overdue months"),
    bi(
      "信贷客户贷款逾期或欠息达到此月数以上（含本数）的予以诫勉",
      "A credit customer overdue or in arrears this many months or more (included) → admonishment"
    ),
    { max: 120 }
  );
  B(
    "B.诫勉.期限月数",
    ["admonishMonths"],
    "int",
    "月",
    "第二十条",
    bi("诫勉期限", "Admonishment period"),
    bi("诫勉期的月数", "Months of admonishment"),
    { min: 1, max: 120 }
  );
  B(
    "B.破格.等级差",
    ["breakthroughLevels"],
    "int",
    "级",
    "第十九条 一",
    bi("破格晋升等级差", "Breakthrough level gap"),
    bi(
      "达标等级高出现等级此级数及以上时标记为破格晋升候选（只标记，不自动晋升）",
      "A qualified level this many levels or more above the current one is flagged as a breakthrough candidate (flagged, not applied)"
    ),
    { min: 2, max: 5 }
  );
  B(
    "B.黄牌.连续未完成季度数",
    ["yellowQuarters"],
    "int",
    "季度",
    "第二十一条",
    bi("黄牌连续未完成季度数", "Yellow-card quarters"),
    bi("连续此季度数未完成任务给予黄牌", "Tasks not done this many quarters running → yellow card"),
    { min: 1, max: 12 }
  );
  B(
    "B.解聘.连续黄牌年数",
    ["dismissYellowYears"],
    "int",
    "年",
    "第二十二条",
    bi("解聘连续黄牌年数", "Dismissal yellow-card years"),
    bi("连续此年数被黄牌警告的予以解聘", "Yellow cards this many years running → dismissal"),
    { min: 1, max: 20 }
  );
  return out;
}

/** Short names of the error items of RULES.md C (003). */
const C_ITEMS: Record<string, Bilingual> = {
  "1.1": bi("违规操作", "Irregular operation"),
  "1.2": bi("怠慢客户、越权允诺、蒙骗客户", "Neglecting, over-promising or deceiving customers"),
  "1.3": bi("行内恶意竞争", "Malicious internal competition"),
  "1.4": bi("泄露银行或客户商业机密", "Leaking bank or customer secrets"),
  "1.7a": bi("将客户据为己有、拒绝提供客户信息", "Keeping customers to oneself"),
  "1.7b": bi("拒绝或不配合共同服务", "Refusing joint service"),
  "1.8": bi("不及时沟通、不配合、不按小组要求工作", "Not communicating or cooperating"),
  "2.1": bi("未按要求拜访客户或未及时报告", "Visits not made or not reported"),
  "2.2": bi("未建立或未及时归档客户档案", "Customer files missing or late"),
  "2.3": bi("未及时收集反馈信息", "Feedback not collected"),
  "2.4": bi("未定期工作报告或内容不符", "Work reports missing or deficient"),
  "3.1a": bi("未按规定收集资料", "Documents not collected"),
  "3.2a": bi("抵(质)押物未现场调查评估或不严不细", "Collateral not inspected properly"),
  "3.2b": bi("抵(质)押登记或手续不齐全", "Collateral registration incomplete"),
  "3.3": bi("未按规定撰写信贷调查报告", "Credit investigation report deficient"),
  "3.4": bi("未按程序办理签章放款", "Signing/disbursement out of procedure"),
  "3.5a": bi("未登录系统、未及时归档信贷档案", "Credit files not entered or filed"),
  "3.5b": bi("重要信贷材料遗失", "Important credit documents lost"),
  "3.6": bi("未跟踪检查贷款使用", "Loan use not followed up"),
  "3.7": bi("未按时限定期贷后检查", "Post-loan checks late"),
  "3.8": bi("现场检查流于形式", "Perfunctory on-site checks"),
  "3.9": bi("未按要求撰写贷后检查报告", "Post-loan report deficient"),
  "3.10": bi("贷后检查故意隐瞒问题", "Concealing problems in checks"),
  "3.11a": bi("未提前通知客户本息支付", "Customer not reminded of payments"),
  "3.11b": bi("由此造成欠息或不能按期还款", "Arrears caused by that"),
  "3.12": bi("未做好五级分类", "Five-class classification deficient"),
  "3.13": bi("接管业务未履行管理责任", "Taken-over business not managed"),
  "3.14a": bi("贷后管理不落实造成风险", "Post-loan management lapses causing risk"),
  "3.16": bi("票据承兑未核实贸易背景", "Bill acceptance without trade check"),
  "3.17a": bi("个人贷款材料不全或不真实", "Personal loan documents incomplete"),
  "3.17b": bi("个人贷款未调查或抵质押不落实", "Personal loan not investigated"),
  "3.17c": bi("个人贷款未按时检查", "Personal loan checks late"),
  "3.18": bi("其他信贷管理问题", "Other credit management problems"),
  "4.1a": bi("服务不到位致重点客户业务量减少", "Poor service reducing key customer business"),
  "4.1b": bi("服务不到位致重点客户流失", "Poor service losing a key customer"),
  "4.2": bi("缺乏或未落实客户服务方案", "No customer service plan"),
  "4.3": bi("态度恶劣、重大失误、遭投诉", "Rudeness, major mistakes, complaints"),
};

const C_SECTIONS = ["一", "二", "三", "四", "五", "六"];

/** "3.2a" → "三、第2项". */
function cArticle(code: string): string {
  const m = /^(\d+)\.(\d+)/.exec(code);
  if (!m) return code;
  return `${C_SECTIONS[+m[1] - 1] ?? m[1]}、第${m[2]}项`;
}

function cDefs(p: Policy): ParamDef[] {
  return Object.keys(p.c.points).map((code) => {
    const item = C_ITEMS[code] ?? bi(`差错条款 ${code}`, `Error item ${code}`);
    return def(
      `C.${code}`,
      ["c", "points", code],
      "number",
      "分",
      "C",
      cArticle(code),
      bi(`${code} ${item.zh}`, `${code} ${item.en}`),
      bi(
        `差错“${item.zh}”的扣分（每次、每户或每项，按条款）`,
        `Points deducted for "${item.en}" (per time, customer or item, as the item says)`
      ),
      { min: 0, max: 1000 }
    );
  });
}

function dDefs(): ParamDef[] {
  const out: ParamDef[] = [];
  const D = (
    key: string,
    field: string,
    type: ParamType,
    unit: string,
    article: string,
    label: Bilingual,
    d: Bilingual,
    o?: Opt
  ) => out.push(def(key, ["d", field], type, unit, "D", article, label, d, o));
  const days: Opt = { max: 366 };
  D(
    "D.到期预警天数",
    "dueWithinDays",
    "int",
    "天",
    "第十一条（一）1",
    bi("到期预警范围", "Due-date warning window"),
    bi(
      "对此天数内到期、预计不能归还的贷款预警",
      "Loans due within this many days that may not be repaid"
    ),
    days
  );
  D(
    "D.中额起点",
    "midAmount",
    "amount",
    "元",
    "第十一条（一）1",
    bi("中额预警起点", "Middle amount"),
    bi("风险金额达到此数（含）适用中额时限", "At or above this amount the middle deadlines apply")
  );
  D(
    "D.大额起点",
    "largeAmount",
    "amount",
    "元",
    "第十一条（一）1",
    bi("大额预警起点", "Large amount"),
    bi("风险金额达到此数（含）适用大额时限", "At or above this amount the large deadlines apply")
  );
  D(
    "D.小额.到期前天数",
    "smallDaysBefore",
    "int",
    "天",
    "第十一条（一）1",
    bi("小额到期前上报天数", "Small: days before maturity"),
    bi(
      "中额起点以下的，支行至少在到期前此天数上报分行",
      "Below the middle amount: report at least this many days before maturity"
    ),
    days
  );
  D(
    "D.中额.到期前天数",
    "midDaysBefore",
    "int",
    "天",
    "第十一条（一）1",
    bi("中额到期前上报天数", "Middle/large: days before maturity"),
    bi(
      "中额及以上的，支行在到期前此天数上报分行",
      "Middle and above: report this many days before maturity"
    ),
    days
  );
  D(
    "D.中额.发现后天数",
    "midFoundDays",
    "int",
    "天",
    "第十一条（一）1",
    bi("中额发现后上报天数", "Middle: days after discovery"),
    bi(
      "中额的风险发现较晚时，在发现后此天数内上报",
      "Middle amount found later: report within this many days of discovery"
    ),
    days
  );
  D(
    "D.大额.发现后天数",
    "largeFoundDays",
    "int",
    "天",
    "第十一条（一）1",
    bi("大额发现后上报天数", "Large: days after discovery"),
    bi(
      "大额的风险发现较晚时，在发现后此天数内（24 小时即 1）上报",
      "Large amount found later: report within this many days (24 hours = 1)"
    ),
    days
  );
  D(
    "D.欠息.上报天数",
    "arrearsDays",
    "int",
    "天",
    "第十一条（一）3",
    bi("欠息上报天数", "Arrears: days"),
    bi("发生欠息后此天数内上报", "Report within this many days of arrears"),
    days
  );
  D(
    "D.重大事项.上报天数",
    "majorEventDays",
    "int",
    "天",
    "第十一条（一）4",
    bi("重大事项上报天数", "Major event: days"),
    bi(
      "重大事项一律红色预警，此天数内上报",
      "A major event is always red; report within this many days"
    ),
    days
  );
  D(
    "D.关联企业.上报天数",
    "groupDays",
    "int",
    "天",
    "第十一条（一）5",
    bi("关联企业上报天数", "Related group: days"),
    bi(
      "集团关联企业预警在发现后此天数内上报",
      "Related-group warnings within this many days of discovery"
    ),
    days
  );
  D(
    "D.财务异常.上报天数",
    "financialDays",
    "int",
    "天",
    "第十一条（一）6",
    bi("财务异常上报天数", "Abnormal financials: days"),
    bi(
      "财务指标异常变化在发现后此天数内上报",
      "Abnormal financials within this many days of discovery"
    ),
    days
  );
  D(
    "D.分行.中额上报天数",
    "officeMidDays",
    "int",
    "天",
    "第十二条（一）1",
    bi("分行上报总行天数（中额）", "Office to head office: middle"),
    bi(
      "中额及以上，分行在支行上报后此天数内上报总行",
      "Middle and above: the branch office reports within this many days"
    ),
    days
  );
  D(
    "D.分行.大额上报天数",
    "officeLargeDays",
    "int",
    "天",
    "第十二条（一）1",
    bi("分行上报总行天数（大额）", "Office to head office: large"),
    bi(
      "大额，分行在支行上报后此天数内（24 小时即 1）上报总行",
      "Large: the branch office reports within this many days (24 hours = 1)"
    ),
    days
  );
  D(
    "D.越权放贷.上报天数",
    "overstepDays",
    "int",
    "天",
    "第十二条（一）2",
    bi("越权放贷上报总行天数", "Unauthorised lending: days"),
    bi(
      "越权、变相越权、违规放贷预警，分行在发现后此天数内（24 小时即 1）上报总行",
      "Unauthorised or irregular lending: the branch office reports to the head office within this many days of discovery (24 hours = 1)"
    ),
    days
  );
  D(
    "D.未落实贷款条件.上报天数",
    "unmetConditionsDays",
    "int",
    "天",
    "第十二条（一）2",
    bi("未落实贷款条件上报总行天数", "Loan conditions not met: days"),
    bi(
      "贷款发放未落实贷款条件预警，分行在发现后此天数内上报总行",
      "Loan made without its approved conditions: the branch office reports to the head office within this many days of discovery"
    ),
    days
  );
  return out;
}

function buildSchema(): ParamDef[] {
  const p = defaultPolicy(2025);
  return [...generalDefs(), ...aDefs(p), ...bDefs(p), ...cDefs(p), ...dDefs()];
}

/** Every parameter, grouped by rule set (通用, A, B, C, D) in sheet order. */
export const POLICY_SCHEMA: readonly ParamDef[] = buildSchema();

/**
 * The parameters a policy's sheet, lists and exports show: every one but the record entries
 * neither set nor used by the policy's year (of the A12 ratios, the year's own formation year and
 * those the user set — not one row per year up to 2089).
 */
export function shownParams(p: Policy): ParamDef[] {
  return POLICY_SCHEMA.filter((d) => !d.recordEntry || d.usedBy?.(p) || getParam(p, d) !== null);
}

const BY_KEY = new Map<string, ParamDef>(POLICY_SCHEMA.map((d) => [normKey(d.key), d]));
const BY_PATH = new Map<string, ParamDef>(POLICY_SCHEMA.map((d) => [pathText(d.path), d]));

/** "a.grades.0.minScore" */
export function pathText(path: readonly PathSeg[]): string {
  return path.join(".");
}

/** The parameter of a 参数 text (matched after trimming, full-width → half-width and case). */
export function paramByKey(key: string): ParamDef | undefined {
  return BY_KEY.get(normKey(key));
}

/** The parameter at a Policy path ("a.grades.0.minScore"). */
export function paramByPath(path: string): ParamDef | undefined {
  return BY_PATH.get(path);
}

/**
 * "《银行客户经理及不良贷款管理办法》（000 篇9）第十条". General parameters carry their source in
 * the article text ("000 篇9 第七条…"); no article: a convention of the workbook (金额单位).
 */
export function citation(d: ParamDef, lang: "zh" | "en" = "zh"): string {
  if (!d.article) return lang === "zh" ? "工作簿约定" : "workbook convention";
  if (d.ruleSet === "通用") return d.article;
  const src = SOURCES[d.ruleSet][lang];
  return lang === "zh" ? `${src}${d.article}` : `${src}, ${d.article}`;
}

/** A deep copy of a policy (plain JSON data). */
export function clonePolicy(p: Policy): Policy {
  return JSON.parse(JSON.stringify(p)) as Policy;
}

/** The value at a parameter's path; an absent record entry is null. */
export function getParam(p: Policy, d: ParamDef): unknown {
  let cur: unknown = p;
  for (const seg of d.path) {
    if (cur === null || typeof cur !== "object") return null;
    cur = (cur as Record<string, unknown>)[String(seg)];
  }
  return cur === undefined ? null : cur;
}

/** Sets a parameter in place (the policy must be a copy the caller owns); null removes a record entry. */
export function setParam(p: Policy, d: ParamDef, value: unknown): void {
  let cur = p as unknown as Record<string, unknown>;
  for (const seg of d.path.slice(0, -1)) cur = cur[String(seg)] as Record<string, unknown>;
  const last = String(d.path[d.path.length - 1]);
  if (d.recordEntry && value === null) delete cur[last];
  else cur[last] = Array.isArray(value) ? [...value] : value;
}

/** Every leaf path of a policy value: objects and arrays are walked, everything else is a leaf. */
export function leafPaths(p: unknown, prefix: PathSeg[] = []): PathSeg[][] {
  if (Array.isArray(p) && p.length > 0 && p.every((x) => x !== null && typeof x === "object")) {
    return p.flatMap((x, i) => leafPaths(x, [...prefix, i]));
  }
  if (p !== null && typeof p === "object" && !Array.isArray(p)) {
    return Object.entries(p as Record<string, unknown>).flatMap(([k, v]) =>
      leafPaths(v, [...prefix, k])
    );
  }
  return [prefix];
}

/** True when a leaf path is an element identity (grade or level name), see {@link IDENTITY_FIELDS}. */
export function isIdentityPath(path: readonly PathSeg[]): boolean {
  const t = path.map((s) => (typeof s === "number" ? "*" : s)).join(".");
  return IDENTITY_FIELDS.includes(t);
}

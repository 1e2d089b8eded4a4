/**
 * RULES.md C (003 非业绩指标“差错积分”考核标准): the whole catalogue of error items as ONE data
 * table — read by the rules, the custom functions, the validator and the summaries.
 * Points are not here: they come from `policy.c.points` (the head office may change them);
 * items marked disqualifying (✕, 取消客户经理资格) carry no points.
 *
 * `article` is the item's place in the source: section (一 职业道德, 二 基础管理工作,
 * 三 信贷操作及管理工作, 四 服务质量) and its number.
 */

/** per time (每次), per customer (每户), or a plain deduction (扣 N 分). */
export type ItemUnit = "time" | "customer" | "plain";

export interface CatalogueItem {
  /** item code as written in the 差错记录 sheet, e.g. "3.2b" */
  code: string;
  /** place in the source, e.g. "三、2" */
  article: string;
  zh: string;
  en: string;
  unit: ItemUnit;
  /** ✕: 取消客户经理资格 outright */
  disqualifying: boolean;
  /** the source allows 加重处罚 for this item */
  aggravation: boolean;
  /** 3.15: scored as the item it breaks, written `3.15/X` */
  refers?: boolean;
}

const T: ItemUnit = "time";
const C: ItemUnit = "customer";
const P: ItemUnit = "plain";

function item(
  code: string,
  article: string,
  zh: string,
  en: string,
  unit: ItemUnit,
  disqualifying = false,
  aggravation = false
): CatalogueItem {
  return { code, article, zh, en, unit, disqualifying, aggravation };
}

export const CATALOGUE: readonly CatalogueItem[] = [
  // 一、职业道德
  item("1.1", "一、1", "违规操作", "Operating against the rules", T, false, true),
  // (rev 2) 1.1 "情节恶劣的，取消客户经理资格"
  item(
    "1.1b",
    "一、1",
    "违规操作，情节恶劣",
    "Operating against the rules, flagrant case",
    P,
    true
  ),
  item(
    "1.2",
    "一、2",
    "怠慢客户、越权允诺、蒙骗客户",
    "Neglecting, over-promising to or deceiving customers",
    T,
    false,
    true
  ),
  // (rev 2) 1.2 "情节恶劣的，取消客户经理资格"
  item(
    "1.2b",
    "一、2",
    "怠慢客户、越权允诺、蒙骗客户，情节恶劣",
    "Neglecting, over-promising to or deceiving customers, flagrant case",
    P,
    true
  ),
  item("1.3", "一、3", "行内恶意竞争", "Malicious competition within the bank", T, false, true),
  item(
    "1.4",
    "一、4",
    "泄露银行或客户商业机密",
    "Leaking the bank's or customers' business secrets",
    T,
    false,
    true
  ),
  item(
    "1.5",
    "一、5",
    "与客户串通弄虚作假、欺骗银行",
    "Colluding with customers to falsify or deceive the bank",
    P,
    true
  ),
  item("1.6", "一、6", "违法乱纪", "Breaking the law or discipline", P, true),
  item(
    "1.7a",
    "一、7",
    "将客户据为己有、拒绝提供客户信息",
    "Keeping customers to oneself, refusing to share customer information",
    P
  ),
  item(
    "1.7b",
    "一、7",
    "拒绝或不配合共同服务",
    "Refusing or failing to cooperate in joint service",
    P
  ),
  item(
    "1.8",
    "一、8",
    "不及时沟通、不配合、不按小组要求工作",
    "Not communicating, not cooperating, not working as the team requires",
    P
  ),
  // 二、基础管理工作
  item(
    "2.1",
    "二、1",
    "未按要求拜访客户或未及时报告",
    "Customer visits not made or not reported as required",
    T
  ),
  item(
    "2.2",
    "二、2",
    "未建立或未及时归档客户档案",
    "Customer files not set up or not filed in time",
    T
  ),
  item(
    "2.3",
    "二、3",
    "未及时收集反馈信息",
    "Customer, market or product information not collected and fed back in time",
    T
  ),
  item(
    "2.4",
    "二、4",
    "未定期工作报告或内容不符",
    "No regular work report, or its content not as required",
    T
  ),
  // 三、信贷操作及管理工作
  item("3.1a", "三、1", "未按规定收集资料", "Documents not collected as required", T, false, true),
  item(
    "3.1b",
    "三、1",
    "串通提供虚假资料骗取贷款",
    "Colluding to provide false documents to obtain a loan",
    P,
    true
  ),
  item(
    "3.2a",
    "三、2",
    "抵(质)押物未现场调查评估或不严不细",
    "Collateral not inspected or valued on site, or not thoroughly",
    T,
    false,
    true
  ),
  item(
    "3.2b",
    "三、2",
    "抵(质)押登记或手续不齐全",
    "Collateral registration or formalities incomplete",
    T,
    false,
    true
  ),
  item(
    "3.3",
    "三、3",
    "未按规定撰写信贷调查报告",
    "Credit investigation report not written as required",
    T
  ),
  item(
    "3.4",
    "三、4",
    "未按程序办理签章放款",
    "Signing and disbursement not done by the procedure",
    T,
    false,
    true
  ),
  item(
    "3.5a",
    "三、5",
    "未登录系统、未及时归档信贷档案",
    "Not entered in the system, or credit files not filed in time",
    T
  ),
  item("3.5b", "三、5", "重要信贷材料遗失", "Important credit documents lost", P),
  item(
    "3.6",
    "三、6",
    "未跟踪检查贷款使用",
    "Use of the loan not followed up after disbursement",
    T
  ),
  item("3.7", "三、7", "未按时限定期贷后检查", "Regular post-loan checks not done on time", T),
  item("3.8", "三、8", "现场检查流于形式", "On-site check done as a formality", T),
  item(
    "3.9",
    "三、9",
    "未按要求撰写贷后检查报告",
    "Post-loan check report not written or reported as required",
    T
  ),
  item(
    "3.10",
    "三、10",
    "贷后检查故意隐瞒问题",
    "Problems deliberately concealed in a post-loan check",
    T,
    false,
    true
  ),
  item(
    "3.11a",
    "三、11",
    "未提前通知客户本息支付",
    "Customer not told in advance to prepare principal and interest",
    T
  ),
  item(
    "3.11b",
    "三、11",
    "由此造成欠息或不能按期还款",
    "Arrears or late repayment caused by that",
    T
  ),
  item("3.12", "三、12", "未做好五级分类", "Five-class classification not done as required", T),
  item(
    "3.13",
    "三、13",
    "接管业务未履行管理责任",
    "Management duty not fulfilled for business taken over",
    T,
    false,
    true
  ),
  item(
    "3.14a",
    "三、14",
    "贷后管理不落实造成风险",
    "Post-loan management not carried out, causing risk",
    P
  ),
  item("3.14b", "三、14", "贷后管理不落实造成风险，情节严重", "The same, serious case", P, true),
  {
    ...item(
      "3.15",
      "三、15",
      "借新还旧未视同新贷款管理",
      "Refinancing not managed as a new loan",
      T
    ),
    refers: true,
  },
  item(
    "3.16",
    "三、16",
    "票据承兑未核实贸易背景",
    "Trade background of an acceptance bill not verified",
    T,
    false,
    true
  ),
  item(
    "3.17a",
    "三、17",
    "个人贷款材料不全或不真实",
    "Personal-loan documents incomplete or untrue",
    P,
    false,
    true
  ),
  item(
    "3.17b",
    "三、17",
    "个人贷款未调查或抵质押不落实",
    "Personal loan not investigated, or collateral not secured",
    T,
    false,
    true
  ),
  item(
    "3.17c",
    "三、17",
    "个人贷款未按时检查",
    "Personal loan not checked on time",
    T,
    false,
    true
  ),
  item("3.18", "三、18", "其他信贷管理问题", "Other credit-management failures", T, false, true),
  // 四、服务质量
  item(
    "4.1a",
    "四、1",
    "服务不到位致重点客户业务量减少",
    "Poor service reduced a key customer's business",
    C
  ),
  item("4.1b", "四、1", "服务不到位致重点客户流失", "Poor service lost a key customer", C),
  item(
    "4.2",
    "四、2",
    "缺乏或未落实客户服务方案",
    "No customer service plan, or not carried out",
    P
  ),
  item(
    "4.3",
    "四、3",
    "态度恶劣、重大失误、遭投诉",
    "Bad attitude, major mistake, or a customer complaint",
    T
  ),
];

/** The item written `3.15/X` (scored as X). */
export const REFERRING_CODE = "3.15";

/**
 * Words in an entry's note that point to a risk or a bad outcome — the grounds on which the
 * source allows 加重处罚 ("带来风险", "造成不良影响", "影响恶劣", "资产质量变坏", "损失"…).
 * An aggravation-eligible entry with no aggravation entered and such a note is flagged.
 */
export const RISK_KEYWORDS: readonly string[] = [
  "风险",
  "损失",
  "不良影响",
  "恶劣",
  "严重",
  "变坏",
  "不良贷款",
  "逾期",
  "欠息",
  "诉讼",
];

export const UNIT_ZH: Record<ItemUnit, string> = { time: "每次", customer: "每户", plain: "" };

const BY_CODE = new Map(CATALOGUE.map((i) => [i.code, i]));

/** The catalogue item with this exact (normalised) code, or undefined. */
export function catalogueItem(code: string): CatalogueItem | undefined {
  return BY_CODE.get(code);
}

/** Codes that share a number with letter variants ("3.2" → ["3.2a", "3.2b"]). */
export function variantsOf(code: string): string[] {
  return CATALOGUE.filter(
    (i) => i.code.length === code.length + 1 && i.code.startsWith(code) && /[a-z]$/.test(i.code)
  ).map((i) => i.code);
}

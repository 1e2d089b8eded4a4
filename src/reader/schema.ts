/**
 * The input tables of WORKBOOK.md as data: ONE schema, read by the table finder, the cell
 * reader, the validator and the template. The 政策参数 table belongs to src/policy/sheet.ts.
 *
 * Required columns (a table without one of them cannot be read; its cells must not be blank):
 * - 客户经理: 员工号, 姓名 (WORKBOOK.md: "only the id and the name are required");
 * - 贷款台账: 贷款编号 (the loan's id; everything else feeds one rule or another);
 * - 公司客户: 客户名称, 客户经理 (a customer row means nothing without its CM);
 * - 差错记录: 员工号, 日期, 条款 (RULES.md C: only entries dated within the year count, so an
 *   undated entry cannot be placed; the item decides the points);
 * - 风险预警: 贷款编号.
 * Every other column is optional: when it is missing, the rules listed in `rules` are skipped
 * with a notice naming the column.
 */
import { recordOf } from "../core/record";
import { CORP_LEVELS, FIVE_CLASSES } from "../core/rows";
import type {
  CorpCustomerRow,
  CorpLevelName,
  ErrorLogRow,
  FiveClass,
  LoanRow,
  ManagerRow,
  WarningRow,
  WarningType,
} from "../core/rows";

export type TableId = "managers" | "loans" | "customers" | "errors" | "warnings";

export const TABLE_IDS: readonly TableId[] = [
  "managers",
  "loans",
  "customers",
  "errors",
  "warnings",
];

/**
 * Cell types (WORKBOOK.md "Types"):
 * - id: text that identifies a person or a loan; full-width characters and white space are
 *   normalised so that "１００１" and "1001" are the same id;
 * - text; int (whole number ≥ 0); number (≥ 0, not scaled); amount (≥ 0 in the header's unit
 *   or else the policy's 金额单位, converted to 元); percent (0–100, "95%" accepted);
 * - date; year (four digits); yesno; enum (canonical value → accepted spellings);
 * - item: an item code of RULES.md C (parsed by rule set C's parseItemCode: "3.15" alone is an error).
 */
export type ColumnType =
  | "id"
  | "text"
  | "int"
  | "number"
  | "amount"
  | "percent"
  | "date"
  | "year"
  | "yesno"
  | "enum"
  | "item";

export interface ColumnDef {
  key: string;
  /** accepted header names; the first is the template's header */
  names: readonly string[];
  type: ColumnType;
  /** for enum: canonical value → other accepted spellings */
  values?: Readonly<Record<string, readonly string[]>>;
  /** the column must be present and its cells not blank */
  required?: boolean;
  /** value of a blank cell (差错记录.次数: blank = 1) */
  blankValue?: number;
  /** (rev 2) a blank cell is read as `blankValue` and the run says so once per column (the deduction counts: blank = 0) */
  blankNotice?: boolean;
  /** units a header may state after the name ("贷款余额（万元）"); amount columns: 元/万元 */
  units?: readonly string[];
  /** an employee id that must exist in 客户经理 (REF.<column>) */
  refManager?: boolean;
  /** values must be unique within the table (UNIQUE.<column>) */
  unique?: boolean;
  /** an event date that should not be after the assessment date (DATE.future) */
  notAfterAssessment?: boolean;
  /** the rules (RULES.md ids) that need this column */
  rules: readonly string[];
  /**
   * (rev 2) an optional column whose absence means "none" (已赔偿金额, 免责金额, 无配偶证明), or that
   * nothing asks for (issue 18: 本年后三名, only an input for next year's): no COLUMN.optional notice
   */
  absentMeansNone?: boolean;
}

export interface TableDef {
  id: TableId;
  /** the sheet name of WORKBOOK.md / the template */
  zh: string;
  en: string;
  columns: readonly ColumnDef[];
}

type Cols<R> = { [K in Exclude<keyof R, "src">]: Omit<ColumnDef, "key"> };

function toColumns<R>(cols: Cols<R>): ColumnDef[] {
  return (Object.keys(cols) as (keyof Cols<R> & string)[]).map((key) => ({
    key,
    ...(cols[key] as Omit<ColumnDef, "key">),
  }));
}

const AMOUNT_UNITS = ["元", "万元"] as const;
const COUNT_UNITS = ["笔", "次", "天", "日", "个"] as const;
const YES_NO_LIST = ["是", "否"] as const;

export const SEX_VALUES = { 男: ["男性", "M"], 女: ["女性", "F"] } as const;
/** RULES.md A2: 一类行 (城关区), 二类行 (乡镇区), 三类行 (行政村区). */
export const BRANCH_TYPE_VALUES = {
  一类行: ["城关区"],
  二类行: ["乡镇区"],
  三类行: ["行政村区"],
} as const;
/** 职务 (rev 2, RULES.md A1 第十三条): blank = 客户经理. */
export const POST_VALUES = { 客户经理: [], 支行长: [], 副行长: [], 分理处主任: [] } as const;
/** B 第三条: the six levels (core CORP_LEVELS), no other spelling. */
export const CORP_LEVEL_VALUES: Record<CorpLevelName, readonly string[]> = recordOf(
  CORP_LEVELS,
  () => []
);
export const ASSESSMENT_VALUES = { 优秀: [], 称职: [], 基本称职: [], 不称职: [] } as const;
/** 原行员等级 (rev 2, B4 套改): the staff grades of B1 (第四条); which level each maps to is the policy's B1 table. */
export const STAFF_GRADE_VALUES = {
  "5等": ["五等", "5"],
  "6等": ["六等", "6"],
  "7等": ["七等", "7"],
  "8等": ["八等", "8"],
  "9等": ["九等", "9"],
} as const;
/** WORKBOOK.md: 自然人/企业 (组织 = 企业). */
const BORROWER_TYPE_VALUES = { 自然人: ["个人"], 企业: ["组织"] } as const;
export const SECURITY_VALUES = { 信用: [], 保证: [], 抵押: [], 质押: [] } as const;
/** 五级分类 (core FIVE_CLASSES), each also spelt with 类: 正常类 … */
export const FIVE_CLASS_VALUES: Record<FiveClass, readonly string[]> = recordOf(
  FIVE_CLASSES,
  (c) => [`${c}类`]
);
export const DISPOSAL_VALUES = { 无: [], 诉讼: [], 执行: [], 拍卖: [], 处置: [] } as const;
/**
 * 预警类型 (RULES.md D) and the other ways a sheet or a CM.WARNDEADLINE argument names each: the
 * one list of both (the reader's column and the functions of rule set D).
 */
export const WARNING_TYPE_VALUES: Record<WarningType, readonly string[]> = {
  到期: ["到期预警", "到期前30天", "到期前30天预计不能归还", "预计不能按时归还"],
  欠息: ["欠息预警", "贷款欠息"],
  重大事项: ["重大事项预警", "重大变化", "突发事件"],
  关联企业: ["集团关联企业", "关联企业预警", "担保企业"],
  财务异常: ["财务指标异常", "财务异常预警", "财务预警"],
  // rev 2 (RULES.md D): 第十一条（一）2 and the management warnings of 第十二条（一）2
  后三类预测: ["后三类", "拟划分后三类", "后三类预警"],
  越权放贷: ["越权", "变相越权", "违规放贷", "越权放贷预警"],
  未落实贷款条件: ["未落实贷款条件预警", "未落实前提条件"],
};
const WARNING_LEVEL_VALUES = { 黄色: ["黄"], 橙色: ["橙"], 红色: ["红"] } as const;

const MANAGERS: Cols<ManagerRow> = {
  id: {
    names: ["员工号", "工号", "员工编号"],
    type: "id",
    required: true,
    unique: true,
    rules: ["all"],
  },
  name: { names: ["姓名", "客户经理"], type: "text", required: true, rules: ["all"] },
  sex: { names: ["性别"], type: "enum", values: SEX_VALUES, rules: ["A8"] },
  birth: { names: ["出生日期"], type: "date", notAfterAssessment: true, rules: ["A8", "A11"] },
  branch: { names: ["支行", "机构"], type: "text", rules: ["summaries"] },
  branchType: {
    names: ["行别类型", "行别"],
    type: "enum",
    values: BRANCH_TYPE_VALUES,
    rules: ["A2"],
  },
  urban: { names: ["城区或支行长", "城区"], type: "yesno", rules: ["A9"] },
  firstAppointed: {
    names: ["首次任职日期", "任职日期"],
    type: "date",
    notAfterAssessment: true,
    rules: ["A5", "B2"],
  },
  prevCoefficient: { names: ["原岗位工资系数"], type: "number", rules: ["A5"] },
  loanCount: { names: ["当年发放贷款笔数"], type: "int", units: COUNT_UNITS, rules: ["A2"] },
  interestIncome: {
    names: ["当年贷款利息收入"],
    type: "amount",
    units: AMOUNT_UNITS,
    rules: ["A2"],
  },
  newNpl: { names: ["新增不良贷款余额"], type: "amount", units: AMOUNT_UNITS, rules: ["A2", "A4"] },
  managedLoans: {
    names: ["年末管理贷款总额"],
    type: "amount",
    units: AMOUNT_UNITS,
    rules: ["A2", "A4"],
  },
  examFails: {
    names: ["考试不合格次数"],
    type: "int",
    units: COUNT_UNITS,
    blankValue: 0,
    blankNotice: true,
    rules: ["A3", "A4"],
  },
  penalties: {
    names: ["经济处罚次数"],
    type: "int",
    units: COUNT_UNITS,
    blankValue: 0,
    blankNotice: true,
    rules: ["A3", "A4"],
  },
  criticisms: {
    names: ["通报批评次数"],
    type: "int",
    units: COUNT_UNITS,
    blankValue: 0,
    blankNotice: true,
    rules: ["A3", "A4"],
  },
  seriousViolations: {
    names: ["严重违规次数"],
    type: "int",
    units: COUNT_UNITS,
    blankValue: 0,
    blankNotice: true,
    rules: ["A3", "A4"],
  },
  retiring: { names: ["当年退休"], type: "yesno", rules: ["A11"] },
  npInterest3y: {
    names: ["近三年自然人贷款利息收入"],
    type: "amount",
    units: AMOUNT_UNITS,
    rules: ["A9"],
  },
  entInterest3y: {
    names: ["近三年企业贷款利息收入"],
    type: "amount",
    units: AMOUNT_UNITS,
    rules: ["A9"],
  },
  riskFund: { names: ["风险考核基金余额"], type: "amount", units: AMOUNT_UNITS, rules: ["A11"] },
  postRiskFund: { names: ["岗位风险金余额"], type: "amount", units: AMOUNT_UNITS, rules: ["A11"] },
  retirementPay: {
    names: ["退休当年效益工资"],
    type: "amount",
    units: AMOUNT_UNITS,
    rules: ["A11"],
  },
  level: { names: ["现等级"], type: "enum", values: CORP_LEVEL_VALUES, rules: ["B1", "B4"] },
  assessment: { names: ["年度考核结果"], type: "enum", values: ASSESSMENT_VALUES, rules: ["B4"] },
  marketingYears: { names: ["连续营销年限"], type: "number", units: ["年"], rules: ["B2"] },
  examPassed: { names: ["升等考试通过"], type: "yesno", rules: ["B4"] },
  bottom3TwoYears: { names: ["连续两年后三名"], type: "yesno", rules: ["B4"] },
  // (issue 18) in this year's bottom three of the annual assessment, as the bank ranks them: shown on
  // 公司客户经理等级; with last year's, 连续两年后三名 is derived (rules/previous.ts). Never required.
  bottom3ThisYear: { names: ["本年后三名"], type: "yesno", rules: ["B4"], absentMeansNone: true },
  tasksDone: { names: ["完成主要业务指标"], type: "yesno", rules: ["B4"] },
  traineeEnd: { names: ["见习期满日期"], type: "date", rules: ["B4"] },
  traineeExamPassed: { names: ["见习考试合格"], type: "yesno", rules: ["B4"] },
  formerStaffGrade: {
    names: ["原行员等级"],
    type: "enum",
    values: STAFF_GRADE_VALUES,
    rules: ["B4"],
  },
  normalShare: { names: ["正常类贷款占比"], type: "percent", units: ["%"], rules: ["B2"] },
  normalSharePrev: { names: ["上年正常类贷款占比"], type: "percent", units: ["%"], rules: ["B2"] },
  admonished: { names: ["诫勉中"], type: "yesno", rules: ["B1"] },
  post: { names: ["职务"], type: "enum", values: POST_VALUES, rules: ["A1", "A9"] },
  examFailsTwice: { names: ["连续两次资格考试未通过"], type: "yesno", rules: ["A8"] },
  branchAssessmentFailed: { names: ["支行考核不合格"], type: "yesno", rules: ["A8"] },
  headOfficeFailed: { names: ["总行资格评定不合格"], type: "yesno", rules: ["A8"] },
  illness: { names: ["因病不能胜任"], type: "yesno", rules: ["A8"] },
  majorViolation: { names: ["重大违规"], type: "yesno", rules: ["A8"] },
  extendedUntil: { names: ["延长任职至"], type: "date", rules: ["A8"] },
};

const LOANS: Cols<LoanRow> = {
  loanId: {
    names: ["贷款编号", "借据号"],
    type: "id",
    required: true,
    unique: true,
    rules: ["all"],
  },
  borrower: { names: ["借款人"], type: "text", rules: ["summaries"] },
  borrowerType: {
    names: ["借款人类型"],
    type: "enum",
    values: BORROWER_TYPE_VALUES,
    rules: ["A13"],
  },
  firstResponsible: {
    names: ["第一责任人"],
    type: "id",
    refManager: true,
    rules: ["A6", "A7", "A11", "A13"],
  },
  manager: { names: ["管理责任人"], type: "id", refManager: true, rules: ["A13"] },
  introducer: { names: ["介绍担保职工"], type: "id", refManager: true, rules: ["A6", "A11"] },
  successor: { names: ["接手责任人"], type: "id", refManager: true, rules: ["A11"] },
  granted: {
    names: ["发放日期"],
    type: "date",
    notAfterAssessment: true,
    rules: ["A6", "A11", "A13"],
  },
  maturity: { names: ["到期日期"], type: "date", rules: ["A11"] },
  amount: { names: ["发放金额"], type: "amount", units: AMOUNT_UNITS, rules: ["A13"] },
  balance: { names: ["贷款余额"], type: "amount", units: AMOUNT_UNITS, rules: ["A6", "A7", "A11"] },
  security: {
    names: ["担保方式"],
    type: "enum",
    values: SECURITY_VALUES,
    rules: ["A6", "A11", "A13"],
  },
  familyGuarantor: { names: ["配偶或家庭成员担保"], type: "yesno", rules: ["A13"] },
  fiveClass: { names: ["五级分类"], type: "enum", values: FIVE_CLASS_VALUES, rules: ["A6"] },
  overdueDays: { names: ["逾期天数"], type: "int", units: ["天", "日"], rules: ["A6"] },
  nplYear: { names: ["形成不良年份"], type: "year", rules: ["A11"] },
  limitationLost: { names: ["已丧失诉讼时效"], type: "yesno", rules: ["A11"] },
  disposal: { names: ["处置阶段"], type: "enum", values: DISPOSAL_VALUES, rules: ["A11"] },
  staffRelative: { names: ["职工直系亲属"], type: "yesno", rules: ["A11", "A13"] },
  sued: { names: ["依法起诉"], type: "yesno", rules: ["A13"] },
  compensated: {
    names: ["已赔偿金额"],
    type: "amount",
    units: AMOUNT_UNITS,
    rules: ["A11"],
    absentMeansNone: true,
  },
  exempted: {
    names: ["免责金额"],
    type: "amount",
    units: AMOUNT_UNITS,
    rules: ["A12"],
    absentMeansNone: true,
  },
  noSpouseCertificate: {
    names: ["无配偶证明"],
    type: "yesno",
    rules: ["A13"],
    absentMeansNone: true,
  },
};

const CUSTOMERS: Cols<CorpCustomerRow> = {
  customer: { names: ["客户名称"], type: "text", required: true, rules: ["all"] },
  manager: { names: ["客户经理"], type: "id", required: true, refManager: true, rules: ["all"] },
  deposits: { names: ["日均存款"], type: "amount", units: AMOUNT_UNITS, rules: ["B2", "B3"] },
  loans: { names: ["日均贷款"], type: "amount", units: AMOUNT_UNITS, rules: ["B2"] },
  settlementUsd: {
    names: ["国际结算额美元", "国际结算额"],
    type: "number",
    units: ["美元", "USD"],
    rules: ["B2"],
  },
  newDeposits: { names: ["新增日均存款"], type: "amount", units: AMOUNT_UNITS, rules: ["B2"] },
  badLoans: { names: ["后三类贷款"], type: "yesno", rules: ["B2"] },
  arrears: { names: ["欠息"], type: "yesno", rules: ["B2"] },
  advances: { names: ["垫款"], type: "yesno", rules: ["B2"] },
};

const ERRORS: Cols<ErrorLogRow> = {
  employeeId: {
    names: ["员工号", "工号", "员工编号"],
    type: "id",
    required: true,
    refManager: true,
    rules: ["all"],
  },
  date: { names: ["日期"], type: "date", required: true, notAfterAssessment: true, rules: ["all"] },
  item: { names: ["条款"], type: "item", required: true, rules: ["all"] },
  count: { names: ["次数"], type: "int", units: COUNT_UNITS, blankValue: 1, rules: ["C"] },
  aggravation: { names: ["加重扣分"], type: "number", units: ["分"], rules: ["C"] },
  note: { names: ["说明"], type: "text", rules: ["C"] },
};

const WARNINGS: Cols<WarningRow> = {
  loanId: { names: ["贷款编号", "借据号"], type: "id", required: true, rules: ["all"] },
  type: { names: ["预警类型"], type: "enum", values: WARNING_TYPE_VALUES, rules: ["D"] },
  level: { names: ["预警级别"], type: "enum", values: WARNING_LEVEL_VALUES, rules: ["D"] },
  amount: { names: ["风险金额"], type: "amount", units: AMOUNT_UNITS, rules: ["D"] },
  maturity: { names: ["到期日期"], type: "date", rules: ["D"] },
  found: { names: ["发现日期"], type: "date", notAfterAssessment: true, rules: ["D"] },
  branchReported: { names: ["支行上报日期"], type: "date", notAfterAssessment: true, rules: ["D"] },
  officeReported: { names: ["分行上报日期"], type: "date", notAfterAssessment: true, rules: ["D"] },
};

export const SCHEMA: Readonly<Record<TableId, TableDef>> = {
  managers: { id: "managers", zh: "客户经理", en: "managers", columns: toColumns(MANAGERS) },
  loans: { id: "loans", zh: "贷款台账", en: "loan ledger", columns: toColumns(LOANS) },
  customers: {
    id: "customers",
    zh: "公司客户",
    en: "corporate customers",
    columns: toColumns(CUSTOMERS),
  },
  errors: { id: "errors", zh: "差错记录", en: "error log", columns: toColumns(ERRORS) },
  warnings: { id: "warnings", zh: "风险预警", en: "warning log", columns: toColumns(WARNINGS) },
};

export function column(table: TableId, key: string): ColumnDef {
  const c = SCHEMA[table].columns.find((x) => x.key === key);
  if (!c) throw new Error(`no column ${key} in ${table}`);
  return c;
}

/** The header a column is known by in messages and the template: its first accepted name. */
export function columnName(c: ColumnDef): string {
  return c.names[0];
}

/** The drop-down list of a column in the template, or undefined when it has none. */
export function columnList(c: ColumnDef): string[] | undefined {
  if (c.type === "enum" && c.values) return Object.keys(c.values);
  if (c.type === "yesno") return [...YES_NO_LIST];
  return undefined;
}

/** "A2、A4" / "all rules" wording of the rules a column feeds. */
export function rulesText(c: ColumnDef): { zh: string; en: string } {
  if (c.rules.includes("all")) return { zh: "所有规则", en: "every rule" };
  const zh = c.rules.map((r) => (r === "summaries" ? "汇总表显示" : r)).join("、");
  const en = c.rules.map((r) => (r === "summaries" ? "summary display" : r)).join(", ");
  return { zh, en };
}

// ---------------------------------------------------------------------------------------
// (issue 15) What the template's 填写说明 sheet says beyond a column's name, type and rules.

/** Per input sheet: what it holds and who fills it in. */
export const TABLE_NOTES: Readonly<Record<TableId, { what: string; filledBy: string }>> = {
  managers: {
    what: "每名客户经理一行：身份、任职、当年考核数据",
    filledBy: "人力资源部（考核数据由信贷管理部、财务会计部提供）",
  },
  loans: { what: "每笔贷款一行：责任人、金额、担保、五级分类、处置", filledBy: "信贷管理部" },
  customers: { what: "每个公司客户与其客户经理一行：日均存贷款、国际结算", filledBy: "公司业务部" },
  errors: { what: "每次记录的差错一行：员工号、日期、条款、次数", filledBy: "各支行、稽核部门" },
  warnings: {
    what: "每条风险预警一行：类型、级别、金额、发现与上报日期",
    filledBy: "风险管理部（支行上报）",
  },
};

/**
 * Per column (by table and key), where its name does not say it all: what it means (`desc`) and
 * the value shown in the template's 示例 row (`example`; else one made from its type).
 */
export const COLUMN_NOTES: Readonly<
  Partial<Record<TableId, Readonly<Record<string, { desc?: string; example?: string | number }>>>>
> = {
  managers: {
    name: { example: "张三" },
    birth: { example: "1980-06-01" },
    firstAppointed: { example: "2015-07-01" },
    branch: { example: "城关支行" },
    branchType: {
      desc: "一类行（城关区）、二类行（乡镇区）、三类行（行政村区），决定同类行平均值",
    },
    urban: { desc: "城区客户经理或支行长：是则容忍度按 60% 计算" },
    prevCoefficient: { desc: "首次任职前原岗位的工资系数（保护期内用）", example: 1.2 },
    loanCount: { desc: "当年新发放贷款的笔数", example: 85 },
    examFails: { desc: "当年次数；空白按 0 计", example: 0 },
    penalties: { desc: "当年次数；空白按 0 计", example: 0 },
    criticisms: { desc: "当年次数；空白按 0 计", example: 0 },
    seriousViolations: { desc: "当年次数；空白按 0 计", example: 0 },
    retiring: { desc: "当年退休的客户经理填“是”，用于退休买断" },
    marketingYears: { example: 3 },
    normalShare: { desc: "以百分数填写，98.5 表示 98.5%", example: 98.5 },
    normalSharePrev: { desc: "以百分数填写，98.5 表示 98.5%", example: 97.8 },
  },
  loans: {
    borrower: { example: "李四" },
    firstResponsible: { desc: "发放时的第一责任人（员工号）" },
    introducer: { desc: "介绍或担保该笔贷款的本行职工（员工号），可空" },
    successor: { desc: "调岗后接手管理的客户经理（员工号），可空" },
    granted: { example: "2023-03-15" },
    maturity: { example: "2024-03-15" },
    nplYear: { desc: "贷款形成不良的年份", example: 2024 },
    overdueDays: { example: 0 },
  },
  customers: {
    customer: { example: "某某商贸有限公司" },
    deposits: { desc: "不含协议存款" },
    settlementUsd: { desc: "以美元填写，按政策参数的汇率折算" },
  },
  errors: {
    item: {
      desc: "差错积分标准的条款编号，如 3.2b；借新还旧写 3.15/所违反条款（如 3.15/3.3）",
      example: "3.2b",
    },
    count: { desc: "空白按 1 次计", example: 1 },
    aggravation: { desc: "加重处罚另扣的分数，可空", example: 0 },
    note: { example: "抵押登记手续不全" },
  },
  warnings: {
    amount: { desc: "可能无法收回的风险金额" },
  },
};

/** RULES.md rule ids → the articles of their source (for the template's 填写说明). */
export const RULE_ARTICLES: Readonly<Record<string, string>> = {
  A1: "第十条",
  A2: "第十一条",
  A3: "第十二条",
  A4: "第十二条",
  A5: "第七条、第十五条",
  A6: "第四十条",
  A7: "第三十九条",
  A8: "第四十一条",
  A9: "第四十七条",
  A10: "第四十八条",
  A10b: "第四十五、四十七、四十八条",
  A11: "第四十九–五十三条、第三十八条",
  A12: "第三十三、三十六条",
  A13: "第十九、二十四、二十六、二十七、三十一条",
  B1: "第三、四条",
  B2: "第十一条二",
  B3: "第九条",
  B4: "第十九条",
  B5: "第二十–二十四条",
  C: "差错积分考核标准",
  D: "第六–十二条",
};

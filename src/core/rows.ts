/**
 * Typed rows of the input tables of WORKBOOK.md, as the reader produces them and the rules
 * consume them. Field names are WORKBOOK.md's column keys. `null` = the cell is blank or the
 * column is absent (a rule that needs the figure says so; it never becomes 0).
 * Amounts are Decimals in 元 (the reader has applied the workbook's 金额单位); dates are ISO
 * strings; yes/no are booleans; enumerations hold their canonical Chinese value.
 */
import type { IsoDate } from "./dates";
import type { Dec } from "./money";

export type Sex = "男" | "女";
export type BranchType = "一类行" | "二类行" | "三类行";
/** B 第三条: the corporate CMs' six levels, highest first — the one list (policy, reader, rules B, summaries). */
export const CORP_LEVELS = ["高级", "一级", "二级", "三级", "四级", "见习"] as const;
export type CorpLevelName = (typeof CORP_LEVELS)[number];
export type Assessment = "优秀" | "称职" | "基本称职" | "不称职";
/** 行员等级 (B1 第四条): the staff grades the CM levels map to. */
export type StaffGrade = "5等" | "6等" | "7等" | "8等" | "9等";
export type BorrowerType = "自然人" | "企业";
export type Security = "信用" | "保证" | "抵押" | "质押";
/** 五级分类, best first: the one list of the classes (policy A6 第四十条, the reader, the functions). */
export const FIVE_CLASSES = ["正常", "关注", "次级", "可疑", "损失"] as const;
export type FiveClass = (typeof FIVE_CLASSES)[number];
export type Disposal = "无" | "诉讼" | "执行" | "拍卖" | "处置";
export type WarningType =
  | "到期"
  | "欠息"
  | "重大事项"
  | "关联企业"
  | "财务异常"
  | "后三类预测"
  | "越权放贷"
  | "未落实贷款条件";
export type WarningLevel = "黄色" | "橙色" | "红色";
/** 职务 (rev 2, 第十三条): blank = 客户经理. */
export type Post = "客户经理" | "支行长" | "副行长" | "分理处主任";

/** Where a row came from, for issues and links back to the sheet. */
export interface RowSource {
  sheet: string;
  /** 0-based row in the sheet */
  row: number;
}

/** 客户经理 */
export interface ManagerRow {
  src: RowSource;
  id: string;
  name: string;
  sex: Sex | null;
  birth: IsoDate | null;
  branch: string | null;
  branchType: BranchType | null;
  urban: boolean | null;
  firstAppointed: IsoDate | null;
  prevCoefficient: number | null;
  loanCount: number | null;
  interestIncome: Dec | null;
  newNpl: Dec | null;
  managedLoans: Dec | null;
  examFails: number | null;
  penalties: number | null;
  criticisms: number | null;
  seriousViolations: number | null;
  retiring: boolean | null;
  npInterest3y: Dec | null;
  entInterest3y: Dec | null;
  riskFund: Dec | null;
  postRiskFund: Dec | null;
  retirementPay: Dec | null;
  level: CorpLevelName | null;
  assessment: Assessment | null;
  marketingYears: number | null;
  examPassed: boolean | null;
  bottom3TwoYears: boolean | null;
  /** (issue 18) 本年后三名 (optional column): null = blank or the column absent */
  bottom3ThisYear?: boolean | null;
  tasksDone: boolean | null;
  /** rev 2, B4 step 3 (第六条, 第十九条五): 见习期满日期 (blank → 首次任职日期 + 1 year), 见习考试合格, 原行员等级 */
  traineeEnd: IsoDate | null;
  traineeExamPassed: boolean | null;
  formerStaffGrade: StaffGrade | null;
  /** percent as written (95 = 95%) */
  normalShare: number | null;
  normalSharePrev: number | null;
  admonished: boolean | null;
  /** 职务 (rev 2, A1 第十三条, A9); null = 客户经理 */
  post?: Post | null;
  /** A8 (rev 2) 第四十一条 exit flags; null = blank (否) or the column absent */
  examFailsTwice?: boolean | null;
  branchAssessmentFailed?: boolean | null;
  headOfficeFailed?: boolean | null;
  illness?: boolean | null;
  majorViolation?: boolean | null;
  /** 延长任职至 (rev 2, A8 5): replaces the exit date by age */
  extendedUntil?: IsoDate | null;
}

/** 贷款台账 */
export interface LoanRow {
  src: RowSource;
  loanId: string;
  borrower: string | null;
  borrowerType: BorrowerType | null;
  firstResponsible: string | null;
  manager: string | null;
  introducer: string | null;
  successor: string | null;
  granted: IsoDate | null;
  maturity: IsoDate | null;
  amount: Dec | null;
  balance: Dec | null;
  security: Security | null;
  familyGuarantor: boolean | null;
  fiveClass: FiveClass | null;
  overdueDays: number | null;
  nplYear: number | null;
  limitationLost: boolean | null;
  disposal: Disposal | null;
  staffRelative: boolean | null;
  sued: boolean | null;
  /** (rev 2) 已赔偿金额: compensation already paid for the loan (A12), credited in A11 (第三十六条) */
  compensated: Dec | null;
  /** (rev 2) 免责金额: the exempted part of the balance (A12 base for 2011+) */
  exempted: Dec | null;
  /** (rev 2) 无配偶证明: the borrower has no spouse and a certificate is on file (A13 第二十四条) */
  noSpouseCertificate: boolean | null;
}

/** 公司客户 (one row per customer and CM) */
export interface CorpCustomerRow {
  src: RowSource;
  customer: string;
  /** employee id of the CM */
  manager: string;
  deposits: Dec | null;
  loans: Dec | null;
  /** USD, never scaled by the amount unit */
  settlementUsd: number | null;
  newDeposits: Dec | null;
  badLoans: boolean | null;
  arrears: boolean | null;
  advances: boolean | null;
}

/** 差错记录 */
export interface ErrorLogRow {
  src: RowSource;
  employeeId: string;
  date: IsoDate | null;
  /** item code as written, e.g. "3.2b" or "3.15/3.3" */
  item: string;
  /** blank = 1 */
  count: number;
  aggravation: number | null;
  note: string | null;
}

/** 风险预警 */
export interface WarningRow {
  src: RowSource;
  loanId: string;
  type: WarningType | null;
  level: WarningLevel | null;
  amount: Dec | null;
  maturity: IsoDate | null;
  found: IsoDate | null;
  branchReported: IsoDate | null;
  officeReported: IsoDate | null;
}

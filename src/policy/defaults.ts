/**
 * The built-in policy: the defaults of RULES.md for a year. Each figure cites its article.
 * The head office adjusts them yearly; users edit them in the 政策参数 sheet.
 */
import { endOfYear } from "../core/dates";
import type { Policy } from "./types";

/** Sources: A = 000 篇9 银行客户经理及不良贷款管理办法; B = 002 等级管理办法; C = 003 差错积分; D = 004 篇8 贷款风险预警制度. */
export function defaultPolicy(year: number): Policy {
  return {
    year,
    amountUnit: "元",
    assessmentDate: endOfYear(year),
    nplToleranceRatePct: null,
    usdCnyRate: null,
    unitName: null,
    postingPeriod: null,
    appealPlace: null,
    a: {
      // 第十条
      grades: [
        { grade: "一级", minScore: 90, wageCoefficient: 2.0 },
        { grade: "二级", minScore: 75, wageCoefficient: 1.8 },
        { grade: "三级", minScore: 60, wageCoefficient: 1.6 },
      ],
      // 第十一条 1
      countBase: 20,
      countPerPct: 0.1,
      countMax: 30,
      countMin: 0,
      // 第十一条 2
      incomeBase: 50,
      incomeMax: 70,
      incomeMin: 0,
      // 第十一条 3
      qualityBase: 30,
      qualityPerPct: 10,
      qualityPivotPct: 1,
      qualityMin: 0,
      qualityMax: null,
      // 第十二条
      deductExamFail: 3,
      deductPenalty: 2,
      deductCriticism: 5,
      deductSeriousViolation: 10,
      capSeriousViolation: "二级",
      capOverTolerance: "二级",
      farOverToleranceFactor: 1.5,
      capFarOverTolerance: "三级",
      // 第七条, 第十五条
      protectionYears: 2,
      protectedGrade: "三级",
      // 第四十条
      nplOverdueDays: 365,
      nplClasses: ["次级", "可疑", "损失"],
      nplOverdueCounts: "是",
      // 第十九条
      responsibilityStart: "1999-01-01",
      // 第三十九条
      bottomListSize: 10,
      yellowCardAmount: 1000000,
      // 第四十一条, 第四十三–四十四条
      exitAgeMale: 55,
      exitAgeFemale: 45,
      transitionYears: 2,
      transitionFirstYearShare: 0.5,
      // 第四十七条
      toleranceBaseYears: 3,
      toleranceNaturalRate: 0.1,
      toleranceEnterpriseRate: 0.05,
      toleranceUrbanFactor: 0.6,
      // 第四十八条 2
      overTolCollectionMin: 0.8,
      overTolBands: [
        { maxOver: 0.2, share: 0.8 },
        { maxOver: 0.5, share: 0.5 },
      ],
      overTolBeyondShare: 0,
      // 第四十九–五十三条
      buyoutBuckets: [
        { lastYear: 2005, rate: 0.05 },
        { lastYear: 2010, rate: 0.1 },
      ],
      buyoutWithinTolRate: 0.05,
      buyoutAboveTolRate: 0.3,
      // 第三十八条 全额赔偿; 第三十七条
      buyoutRelativeRate: 1,
      introducerCutoff: "2008-01-01",
      introducerLateRate: 1,
      // 第三十三、三十六条: ratios set by the head office (none built in); rev 2: every formation year from 1999, after 2010 on the balance after exemption
      annualCompLag: 11,
      annualCompFirstYear: 1999,
      annualCompLastYear: 2010,
      annualCompRatios: {},
      // 第四十五、四十七、四十八条 (rev 2): the bank's teller figures, none built in
      tellerAvgPay: null,
      tellerAvgCoefficient: null,
      // 第二十四条
      familyGuarantorMinAmount: 10000,
    },
    b: {
      // 第三、四、十一、十三条
      levels: [
        {
          level: "高级",
          staffGrade: "5等",
          allowance: 300,
          exclusionLine: 5000000,
          depositMin: 250000000,
          depositOneMin: 100000000,
          loanMin: 350000000,
          loanOneMin: 150000000,
          settlementMin: 30000000,
          settlementCurrency: "USD",
          newDepositMin: 50000000,
          conditionsNeeded: 2,
          tenureYears: 3,
        },
        {
          level: "一级",
          staffGrade: "6等",
          allowance: 260,
          exclusionLine: 3000000,
          depositMin: 150000000,
          depositOneMin: 30000000,
          loanMin: 200000000,
          loanOneMin: 75000000,
          settlementMin: 20000000,
          settlementCurrency: "USD",
          newDepositMin: 30000000,
          conditionsNeeded: 2,
          tenureYears: 3,
        },
        {
          level: "二级",
          staffGrade: "7等",
          allowance: 200,
          exclusionLine: 1000000,
          depositMin: 75000000,
          depositOneMin: 25000000,
          loanMin: 180000000,
          loanOneMin: 50000000,
          settlementMin: 10000000,
          settlementCurrency: "USD",
          newDepositMin: 25000000,
          conditionsNeeded: 1,
          tenureYears: 1,
        },
        {
          level: "三级",
          staffGrade: "8等",
          allowance: 160,
          exclusionLine: 500000,
          depositMin: 38000000,
          depositOneMin: null,
          loanMin: 72000000,
          loanOneMin: null,
          settlementMin: 5000000,
          settlementCurrency: "USD",
          newDepositMin: 15000000,
          conditionsNeeded: 1,
          tenureYears: 0,
        },
        {
          level: "四级",
          staffGrade: "9等",
          allowance: 160,
          exclusionLine: 500000,
          depositMin: 15000000,
          depositOneMin: null,
          loanMin: 36000000,
          loanOneMin: null,
          settlementMin: 10000000,
          settlementCurrency: "CNY",
          newDepositMin: 15000000,
          conditionsNeeded: 1,
          tenureYears: 0,
        },
      ],
      trainee: {
        staffGrade: "9等",
        allowance: 160,
        exclusionLine: 500000,
        depositMin: 10000000,
        periodMonths: 12,
      },
      // 第九条
      passLineExclusion: 500000,
      passLineTrainee: 10000000,
      passLineOther: 15000000,
      // 第二十四条
      admonishedAllowanceFactor: 0.5,
      // 第二十条
      admonishPlanShare: 0.8,
      admonishQuarters: 2,
      admonishOverdueMonths: 1,
      admonishMonths: 6,
      // 第二十一条
      yellowQuarters: 2,
      // 第二十二条
      dismissYellowYears: 2,
      // 第十九条 一 (RULES.md B4: 破格 flagged when qualified is two or more levels above)
      breakthroughLevels: 2,
    },
    c: {
      // 003 差错积分考核标准 (✕ items are disqualifying and carry no points)
      points: {
        "1.1": 10,
        "1.2": 10,
        "1.3": 5,
        "1.4": 10,
        "1.7a": 5,
        "1.7b": 20,
        "1.8": 10,
        "2.1": 1,
        "2.2": 1,
        "2.3": 2,
        "2.4": 2,
        "3.1a": 2,
        "3.2a": 5,
        "3.2b": 10,
        "3.3": 5,
        "3.4": 10,
        "3.5a": 1,
        "3.5b": 50,
        "3.6": 2,
        "3.7": 5,
        "3.8": 1,
        "3.9": 2,
        "3.10": 20,
        "3.11a": 1,
        "3.11b": 10,
        "3.12": 2,
        "3.13": 10,
        "3.14a": 30,
        "3.16": 5,
        "3.17a": 1,
        "3.17b": 2,
        "3.17c": 5,
        "3.18": 1,
        "4.1a": 5,
        "4.1b": 20,
        "4.2": 5,
        "4.3": 20,
      },
    },
    d: {
      // 004 篇8 第六–十二条
      dueWithinDays: 30,
      midAmount: 1000000,
      largeAmount: 5000000,
      smallDaysBefore: 25,
      midDaysBefore: 30,
      midFoundDays: 2,
      largeFoundDays: 1,
      arrearsDays: 2,
      majorEventDays: 1,
      groupDays: 2,
      financialDays: 2,
      officeMidDays: 2,
      officeLargeDays: 1,
      // 第十二条（一）2 (rev 2): 越权放贷 within 24 hours, 未落实贷款条件 within 2 days
      overstepDays: 1,
      unmetConditionsDays: 2,
    },
  };
}

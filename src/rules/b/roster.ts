/**
 * Rule set B over a whole roster (for the 公司客户经理等级 summary): per CM the indicators
 * and conditions per level (B2), the qualified level, the minimum pass line (B3), the annual
 * decision with the 破格 flag (B4) and the allowance after the decision (B1).
 * A CM whose data cannot be assessed gets an error instead (never a guessed result) — also when
 * the qualified level depends on the unset USD→CNY rate (四级 c is stated in 元).
 */
import { isRuleError } from "../../core/errors";
import type { ExplainStep } from "../../core/explain";
import type { Dec } from "../../core/money";
import { step } from "../../core/explain";
import type {
  Assessment,
  CorpCustomerRow,
  ErrorLogRow,
  ManagerRow,
  RowSource,
} from "../../core/rows";
import type { CorpLevel, Policy } from "../../policy/types";
import { allowance } from "./allowance";
import { disqualifyingItemsByManager } from "../c/disqualify";
import type { Disqualification } from "../c/disqualify";
import { decide, Decision, MissingTraineeInput } from "./decision";
import { assessLevel, LevelCheck, requireDecided } from "./indicators";
import type { LevelOrNone } from "./levels";
import { nextLevel, NextLevelResult } from "./next";
import { passLine, PassLineResult } from "./passline";

export interface CorpManagerAssessed {
  ok: true;
  id: string;
  name: string;
  src: RowSource;
  currentLevel: CorpLevel;
  /** 年度考核结果 (第二十一条 二: 不称职 is a yellow card) */
  assessment: Assessment;
  /** 高级 … 四级, 见习: indicators and conditions per target level */
  checks: LevelCheck[];
  qualifiedLevel: LevelOrNone;
  passLine: PassLineResult;
  decision: Decision;
  /** level held after the decision; null after 退出 */
  newLevel: CorpLevel | null;
  /** 破格晋升 candidate */
  breakthrough: boolean;
  /** monthly communication allowance after the decision, 元 (never in the workbook unit) */
  allowance: Dec;
  customers: number;
  steps: ExplainStep[];
  /** (issue 18) the level above the current one and what each of its conditions lacks (B2) */
  next: NextLevelResult;
}

export interface CorpManagerError {
  ok: false;
  id: string;
  name: string;
  src: RowSource;
  /** the 客户经理 field that is missing, when that is the cause */
  field: "level" | "assessment" | "traineeEnd" | "traineeExamPassed" | null;
  error: { zh: string; en: string };
}

export type CorpManagerResult = CorpManagerAssessed | CorpManagerError;

type ManagerInput = Pick<
  ManagerRow,
  | "src"
  | "id"
  | "name"
  | "level"
  | "assessment"
  | "marketingYears"
  | "firstAppointed"
  | "normalShare"
  | "normalSharePrev"
  | "examPassed"
  | "bottom3TwoYears"
  | "tasksDone"
  | "admonished"
  | "traineeEnd"
  | "traineeExamPassed"
  | "formerStaffGrade"
>;

/** The CM's ✕ items of rule set C: undefined = none recorded; null = no error log read at all. */
type DisqualificationOf = Disqualification | undefined | null;

function assessOne(
  m: ManagerInput,
  own: readonly CorpCustomerRow[],
  policy: Policy,
  dq: DisqualificationOf
): CorpManagerResult {
  const base = { id: m.id, name: m.name, src: m.src };
  if (m.level === null) {
    return {
      ok: false,
      ...base,
      field: "level",
      error: {
        zh: `${m.name}（${m.id}）的现等级为空：无法评定公司客户经理等级（第十九条）`,
        en: `${m.id}: the current level is blank (Art. 19)`,
      },
    };
  }
  if (m.assessment === null) {
    return {
      ok: false,
      ...base,
      field: "assessment",
      error: {
        zh: `${m.name}（${m.id}）的年度考核结果为空：无法作出年度聘任决定（第十九条）`,
        en: `${m.id}: the annual assessment is blank (Art. 19)`,
      },
    };
  }
  try {
    const lv = assessLevel(own, m, policy);
    // a qualified level that hangs on the unset USD→CNY rate is not guessed (RULES.md POLICY)
    const qualified = requireDecided(lv, policy);
    const pl = passLine(own, m.level, policy);
    // B4 step 0 (rev 2): the ✕ items of rule set C in the year
    const dqSteps: ExplainStep[] = [];
    if (dq === null) dqSteps.push(step("warning", "B", "第十九条", "B_DEC_NO_ERRORLOG", {}));
    for (const u of dq?.unreadable ?? [])
      dqSteps.push(
        step("warning", "B", "第十九条", "B_DEC_ERRORLOG_UNREADABLE", { what: u.zh, whatEn: u.en })
      );
    const dr = decide(
      {
        current: m.level,
        qualified,
        assessment: m.assessment,
        examPassed: m.examPassed,
        bottom3TwoYears: m.bottom3TwoYears,
        tasksDone: m.tasksDone,
        passLine: pl.met,
        disqualifying: dq?.items ?? [],
        trainee: {
          periodEnd: m.traineeEnd,
          firstAppointed: m.firstAppointed,
          examPassed: m.traineeExamPassed,
          formerStaffGrade: m.formerStaffGrade,
        },
      },
      policy
    );
    const al = allowance(dr.newLevel, m.admonished, policy);
    return {
      ok: true,
      ...base,
      currentLevel: m.level,
      assessment: m.assessment,
      checks: lv.checks,
      qualifiedLevel: lv.qualified,
      passLine: pl,
      decision: dr.decision,
      newLevel: dr.newLevel,
      breakthrough: dr.breakthrough,
      allowance: al.monthly,
      customers: own.length,
      steps: [...lv.steps, ...pl.steps, ...dqSteps, ...dr.steps, ...al.steps],
      next: nextLevel(m.level, own, m, policy),
    };
  } catch (e) {
    const field = e instanceof MissingTraineeInput ? e.field : null;
    if (isRuleError(e))
      return {
        ok: false,
        ...base,
        field,
        error: { zh: `${m.name}（${m.id}）：${e.zh}`, en: `${m.id}: ${e.en}` },
      };
    throw e;
  }
}

type ErrorLogInput = Pick<ErrorLogRow, "src" | "employeeId" | "date" | "item">;

/**
 * Every CM of the roster, in roster order; customers are matched by 客户经理 = 员工号
 * (customers of unknown CMs are the validator's business and are not used here).
 * `errorLog`: the 差错记录 rows for B4 step 0 (rev 2); null when the workbook has no error log
 * (each explanation then says step 0 was not judged); omitted = none recorded.
 */
export function assessCorporateManagers(
  managers: readonly ManagerInput[],
  customers: readonly CorpCustomerRow[],
  policy: Policy,
  errorLog: readonly ErrorLogInput[] | null = []
): CorpManagerResult[] {
  return [...corporateResults(managers, customers, policy, errorLog)];
}

/** {@link assessCorporateManagers} one CM at a time, as they are reached (a summary keeps only what it writes of each). */
export function* corporateResults(
  managers: readonly ManagerInput[],
  customers: readonly CorpCustomerRow[],
  policy: Policy,
  errorLog: readonly ErrorLogInput[] | null = []
): Generator<CorpManagerResult> {
  const dq = errorLog === null ? null : disqualifyingItemsByManager(errorLog, policy);
  const byManager = new Map<string, CorpCustomerRow[]>();
  for (const c of customers) {
    const list = byManager.get(c.manager);
    if (list) list.push(c);
    else byManager.set(c.manager, [c]);
  }
  for (const m of managers)
    yield assessOne(m, byManager.get(m.id) ?? [], policy, dq === null ? null : dq.get(m.id));
}

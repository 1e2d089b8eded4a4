/**
 * Rule set B (002 银行客户经理等级管理办法): the six levels, their order, and where each
 * level's figures live in the policy (第三、四、十一条).
 */
import { valueError } from "../../core/errors";
import { CORP_LEVELS } from "../../core/rows";
import type { CorpLevel, CorpLevelRule, Policy } from "../../policy/types";

/** A level, or 无 when no level qualifies (RULES.md B4: 达标等级 is 无). */
export type LevelOrNone = CorpLevel | "无";

/** Lowest first: 见习 < 四级 < 三级 < 二级 < 一级 < 高级 (第三条). */
export const LEVELS_ASCENDING: readonly CorpLevel[] = [...CORP_LEVELS].reverse();

/** Highest first, as the qualified level is looked for (RULES.md B2). */
export const LEVELS_DESCENDING: readonly CorpLevel[] = [...LEVELS_ASCENDING].reverse();

export const LEVEL_EN: Record<LevelOrNone, string> = {
  高级: "senior",
  一级: "grade 1",
  二级: "grade 2",
  三级: "grade 3",
  四级: "grade 4",
  见习: "trainee",
  无: "none",
};

/** 0 for 见习 … 5 for 高级; −1 for 无. */
export function levelRank(level: LevelOrNone): number {
  return level === "无" ? -1 : LEVELS_ASCENDING.indexOf(level);
}

/** The level `steps` places above (positive) or below (negative); null when outside the sequence. */
export function shiftLevel(level: CorpLevel, steps: number): CorpLevel | null {
  const r = levelRank(level) + steps;
  return r >= 0 && r < LEVELS_ASCENDING.length ? LEVELS_ASCENDING[r] : null;
}

/** 第十一条 二 1–6: the item of the article that states a level's indicators. */
export function levelArticle(level: CorpLevel): string {
  const item = CORP_LEVELS.indexOf(level) + 1; // 高级 1 … 见习 6
  return `第十一条 二 ${item}`;
}

/** The policy's rule for a level from 四级 up; a policy without it cannot be used. */
export function levelRule(policy: Policy, level: Exclude<CorpLevel, "见习">): CorpLevelRule {
  const r = policy.b.levels.find((x) => x.level === level);
  if (!r) {
    throw valueError(
      `政策参数缺少${level}客户经理的业务指标（第十一条）`,
      `the policy has no indicators for the ${LEVEL_EN[level]} level (Art. 11)`
    );
  }
  return r;
}

/** Monthly communication allowance (通讯费, 第十三条) of a level, in 元. */
export function levelAllowance(policy: Policy, level: CorpLevel): number {
  return level === "见习" ? policy.b.trainee.allowance : levelRule(policy, level).allowance;
}

/** Staff grade (行员等级, 第四条) of a level. */
export function levelStaffGrade(policy: Policy, level: CorpLevel): string {
  return level === "见习" ? policy.b.trainee.staffGrade : levelRule(policy, level).staffGrade;
}

/**
 * (rev 2, B4 套改, 第十九条五) The level a former staff grade (原行员等级) maps to, by the policy's B1
 * table (第四条): the highest level from 四级 up whose 行员等级 it is (9等 → 四级, not 见习); null when
 * no level of the policy has that grade.
 */
export function levelOfStaffGrade(
  policy: Policy,
  grade: string
): Exclude<CorpLevel, "见习"> | null {
  for (const l of LEVELS_DESCENDING) {
    if (l === "见习") continue;
    if (levelRule(policy, l).staffGrade === grade) return l;
  }
  return null;
}

/**
 * A2 第十一条: the peer averages — every credit CM of a branch type, the CM being scored
 * included. One averaging (`peerMeans`) for the roster (`peerAverages` in ./assess.ts, per
 * branch type over the 客户经理 rows) and for CM.SCORE's peer columns (`peerFiguresOfColumns`).
 */
import { naError, valueError } from "../../core/errors";
import { D, Dec, dec } from "../../core/money";
import type { BranchType } from "../../core/rows";
import type { PeerFigures } from "./score";

/** The exact means of the group's loan counts and interest incomes (null for an empty group). */
export function peerMeans(
  counts: readonly Dec[],
  incomes: readonly Dec[]
): { avgLoanCount: Dec | null; avgIncome: Dec | null } {
  return {
    avgLoanCount: counts.length > 0 ? D.sum(...counts).div(counts.length) : null,
    avgIncome: incomes.length > 0 ? D.sum(...incomes).div(incomes.length) : null,
  };
}

/**
 * The peers' averages from peer columns (a single value each is a column of one), the rows of
 * `branchType` only when peer branch types are given. A row blank in both figures is an empty
 * row of the selection; one figure missing → #N/A naming the row. `count`: the rows averaged.
 */
export function peerFiguresOfColumns(
  counts: readonly (number | null)[],
  incomes: readonly (Dec | null)[],
  branchType: BranchType | null,
  types: readonly (BranchType | null)[]
): PeerFigures & { count: number } {
  if (counts.length !== incomes.length) {
    throw valueError(
      `同类行贷款笔数（${counts.length} 个）与利息收入（${incomes.length} 个）的个数不一致`,
      `peer counts (${counts.length}) and incomes (${incomes.length}) differ in length`
    );
  }
  const filtered = types.some((t) => t !== null);
  if (filtered && branchType === null)
    throw valueError(
      "给出了同类行的行别类型，但缺少本人的行别类型（参数 branchType）",
      "peer branch types given but not this CM's branch type"
    );
  if (filtered && types.length !== counts.length) {
    throw valueError(
      `行别类型（${types.length} 个）与同类行数据（${counts.length} 个）的个数不一致`,
      `peer branch types (${types.length}) and peer figures (${counts.length}) differ in length`
    );
  }
  const c: Dec[] = [];
  const inc: Dec[] = [];
  counts.forEach((x, i) => {
    if (filtered && types[i] !== branchType) return;
    const y = incomes[i];
    if (x === null && y === null) return; // an empty row of the selection
    if (x === null || y === null) {
      throw naError(
        `同类行第 ${i + 1} 行缺少${x === null ? "贷款笔数" : "利息收入"}，无法计算平均值（第十一条）`,
        `peer row ${i + 1} lacks the ${x === null ? "loan count" : "interest income"} (Art. 11)`
      );
    }
    c.push(dec(x));
    inc.push(y);
  });
  const { avgLoanCount, avgIncome } = peerMeans(c, inc);
  if (avgLoanCount === null || avgIncome === null)
    throw naError(
      `没有${branchType ?? "同类行"}客户经理的数据，无法计算平均值（第十一条）`,
      `no peer data for ${branchType ?? "the peer group"} (Art. 11)`
    );
  return { branchType, avgLoanCount, avgIncome, count: c.length };
}

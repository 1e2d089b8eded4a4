/**
 * CM.NEXTGRADE (issue 18 item 2; RULES.md A1 第十条, A2 第十一条, A4 第十二条, A5): what lifts a
 * credit CM's final grade one step — the extra loan count, the extra interest income, or the
 * new-NPL balance not to be exceeded, each alone, and what lifts a cap that holds him
 * (src/rules/a/next.ts `nextOfManager`, the code of the 等级汇总 column 距上一等级).
 * Chinese JSDoc (zh-CN metadata), a one-line body calling `defineFunction`; English help in
 * ./next.en.ts. The build (CustomFunctionsMetadataPlugin) reads this file.
 */
import { valueError } from "../core/errors";
import { dec, Dec } from "../core/money";
import { fromYuan } from "../policy/units";
import { assessGrade } from "../rules/a/grade";
import {
  NEXT_IMPOSSIBLE,
  NEXT_TOP,
  nextCapText,
  nextOfManager,
  othersOfGroup,
} from "../rules/a/next";
import { defineFunction, OutCell, YEAR_ARG } from "./args";
import { SCORE_ARGS, scoreOfArgs } from "./scoreArgs";

const NEXTGRADE_HEADERS: OutCell[] = [
  "目标等级",
  "增加贷款笔数",
  "增加利息收入",
  "新增不良不超过",
  "新增不良率不超过（%）",
  "封顶",
];

const NEXTGRADE = defineFunction(
  {
    id: "NEXTGRADE",
    params: [
      ...SCORE_ARGS,
      { name: "toleranceRate", zh: "不良容忍度（%）", type: "number", optional: true, min: 0 },
      { name: "firstAppointed", zh: "首次任职日期", type: "date", optional: true },
      { name: "peerCount", zh: "同类行人数", type: "int", optional: true, min: 1 },
      { name: "withHeaders", zh: "带标题行", type: "yesno", optional: true, default: false },
      YEAR_ARG,
    ] as const,
  },
  (a, ctx) => {
    const { policy } = ctx;
    const { quant, ded, peers, score } = scoreOfArgs(a, policy);
    const columns = a.peerLoanCount.length > 1 || (a.peerBranchTypes ?? []).some((t) => t !== null);
    if (!columns && a.peerCount === null)
      throw valueError(
        "同类行只给出平均数时须给出同类行人数（参数 peerCount，含本人，见 CM.PEERAVG 的“人数”）：本人的数值计入平均数（第十一条）",
        "with the peer averages as single values give the number of peers (peerCount, the CM " +
          "included; CM.PEERAVG's count): his own figures move the average (Art. 11)"
      );
    if (columns && a.peerCount !== null && a.peerCount !== peers.count)
      throw valueError(
        `同类行人数（${a.peerCount}）与同类行数据的行数（${peers.count}）不一致`,
        `peerCount (${a.peerCount}) differs from the peer rows (${peers.count})`
      );
    const count = columns ? peers.count : (a.peerCount as number);
    const others = othersOfGroup(
      { count, avgLoanCount: peers.avgLoanCount, avgIncome: peers.avgIncome },
      quant.loanCount,
      quant.interestIncome
    );
    const off = (x: Dec) => (others.count === 0 ? !x.isZero() : x.isNeg());
    if (off(others.sumLoanCount) || off(others.sumIncome))
      throw valueError(
        "本人的贷款笔数、利息收入与同类行平均数及人数不符：同类行应含本人（第十一条）",
        "his loan count and income do not fit the peer averages and count: the peers include the CM (Art. 11)"
      );
    const g = assessGrade(
      {
        score: dec(score.total),
        seriousViolations: ded.seriousViolations,
        nplRatePct: score.nplRatePct,
        toleranceRatePct: a.toleranceRate ?? undefined,
        firstAppointed: a.firstAppointed,
      },
      policy
    );
    const tol = a.toleranceRate ?? policy.nplToleranceRatePct;
    const v = nextOfManager(quant, ded, others, g, tol, policy);
    // amounts in the workbook's unit, exact to the 分 (a rounded 万元 figure could fall short)
    const unit = (x: Dec | null): OutCell =>
      x === null ? NEXT_IMPOSSIBLE : fromYuan(x, policy.amountUnit).toNumber();
    const row: OutCell[] =
      v.goal === null
        ? [NEXT_TOP, "", "", "", "", ""]
        : [
            v.goal,
            v.extraLoans === null ? NEXT_IMPOSSIBLE : v.extraLoans,
            unit(v.extraIncome),
            unit(v.maxNewNpl),
            v.maxRatePct === null ? "" : v.maxRatePct.toNumber(),
            nextCapText(v, policy),
          ];
    return a.withHeaders ? [NEXTGRADE_HEADERS, row] : [row];
  }
);

/**
 * 信贷客户经理距上一等级（第十条、第十一条、第十二条）：使最终等级提高一级的最小单项变化，各项单独计算——增加的贷款笔数、增加的利息收入，或新增不良贷款余额的上限。本人计入同类行平均数（第十一条），平均数随本人的数值变动，按此精确计算；各项得分有上限，单项达不到的返回“不可能（已封顶）”。
 * 受第十二条封顶的：给出须不超过的新增不良率（解除封顶）；严重违规的封顶当年不能撤销。参数同 CM.SCORE，另加不良容忍度、首次任职日期和同类行人数（只给平均数时必填）。返回一行：目标等级、增加贷款笔数、增加利息收入、新增不良不超过、新增不良率不超过（%）、封顶说明；已是一级且未封顶返回“已是最高等级”。
 * @customfunction NEXTGRADE
 * @param {any} loanCount 当年发放贷款笔数
 * @param {any} interestIncome 当年贷款利息收入（工作簿金额单位）
 * @param {any} newNpl 新增不良贷款余额（工作簿金额单位）
 * @param {any} managedLoans 年末管理贷款总额，不含银行承兑汇票贴现（工作簿金额单位）
 * @param {any[][]} peerLoanCount 同类行平均贷款笔数，或所有客户经理的贷款笔数列
 * @param {any[][]} peerIncome 同类行平均利息收入，或所有客户经理的利息收入列
 * @param {any} [branchType] 本人行别类型：一类行/二类行/三类行（给出行别类型列时必填）
 * @param {any[][]} [peerBranchTypes] 所有客户经理的行别类型列（可选，与上两列等长）
 * @param {any} [examFails] 考试不合格次数（可选，默认 0）
 * @param {any} [penalties] 经济处罚次数（可选，默认 0）
 * @param {any} [criticisms] 通报批评次数（可选，默认 0）
 * @param {any} [seriousViolations] 严重违规次数（可选，默认 0）
 * @param {any} [toleranceRate] 不良容忍度，按百分数填写（可选，默认取政策参数“不良容忍度”）
 * @param {any} [firstAppointed] 首次任职日期（可选，用于两年保护期）
 * @param {any} [peerCount] 同类行人数，含本人（只给平均数时必填；给整列时可省略）
 * @param {any} [withHeaders] 是否带标题行（可选，默认 否）
 * @param {any} [year] 政策年度（可选，默认本工作簿的政策）
 * @returns {any[][]} 目标等级、增加贷款笔数、增加利息收入、新增不良不超过、新增不良率不超过（%）、封顶
 */
export function nextgrade(
  loanCount: any,
  interestIncome: any,
  newNpl: any,
  managedLoans: any,
  peerLoanCount: any[][],
  peerIncome: any[][],
  branchType?: any,
  peerBranchTypes?: any[][],
  examFails?: any,
  penalties?: any,
  criticisms?: any,
  seriousViolations?: any,
  toleranceRate?: any,
  firstAppointed?: any,
  peerCount?: any,
  withHeaders?: any,
  year?: any
): any[][] {
  return NEXTGRADE(...arguments) as any[][];
}

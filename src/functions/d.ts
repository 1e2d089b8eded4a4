/**
 * Custom functions of rule set D（贷款风险预警时限，RULES.md D）.
 * Each function: Chinese JSDoc (`@customfunction ID`, zh-CN help in functions.json), a one-line
 * body calling a `defineFunction(spec, impl)` of ./args.ts; English help in ./d.en.ts.
 * The build (CustomFunctionsMetadataPlugin) reads this file and registers every function.
 */
import { IsoDate, toSerial } from "../core/dates";
import { naError, valueError } from "../core/errors";
import { Dec, fmtMoney } from "../core/money";
import type { Policy } from "../policy/types";
import {
  branchDeadline,
  isManagementWarning,
  judge,
  officeDeadline,
  warningDeadline,
} from "../rules/d";
import { WARNING_TYPE_VALUES } from "../reader/schema";
import { defineFunction, YEAR_ARG } from "./args";
import type { ArgValues } from "./args";

const STAGE_ENUM = {
  支行: ["支行上报", "支行上报分行", "支行→分行", "branch"],
  分行: ["分行上报", "分行上报总行", "分行→总行", "office"],
} as const;

const COMMON = [
  { name: "type", zh: "预警类型", type: "text", enum: WARNING_TYPE_VALUES },
  { name: "amount", zh: "风险金额", type: "amount", optional: true },
  { name: "maturity", zh: "到期日期", type: "date", optional: true },
  { name: "found", zh: "发现日期", type: "date", optional: true },
] as const;

type Common = ArgValues<typeof COMMON>;

function branch(a: Common, policy: Policy): IsoDate {
  return branchDeadline(
    { type: a.type, level: null, amount: a.amount, maturity: a.maturity, found: a.found },
    policy
  ).deadline;
}

/** 越权放贷 / 未落实贷款条件 (第十二条（一）2): the branch office → head office deadline from discovery, their only stage. */
function management(a: Common, policy: Policy): IsoDate {
  return warningDeadline(
    { type: a.type, level: null, amount: a.amount, maturity: a.maturity, found: a.found },
    policy
  ).deadline;
}

/** Branch office → head office deadline; errors say what is missing. */
function office(amount: Dec | null, branchReported: IsoDate | null, policy: Policy): IsoDate {
  if (amount === null)
    throw valueError(
      "参数 amount（风险金额）不能为空：分行上报总行的时限按风险金额确定（第十二条）",
      "argument amount must not be blank: the head-office deadline depends on it (Art. 12)"
    );
  if (branchReported === null) {
    throw valueError(
      "参数 branchReported（支行上报日期）不能为空：分行上报总行的时限自支行上报之日起算（第十二条）",
      "argument branchReported must not be blank: the head-office deadline counts from the branch report (Art. 12)"
    );
  }
  const o = officeDeadline(amount, branchReported, policy);
  if (o.deadline === null) {
    const line = fmtMoney(policy.d.midAmount);
    throw naError(
      `风险金额低于 ${line} 元：无分行上报总行时限（第十二条）`,
      `amount below ${line} yuan: no head-office deadline (Art. 12)`
    );
  }
  return o.deadline;
}

const WARNDEADLINE = defineFunction(
  {
    id: "WARNDEADLINE",
    params: [
      ...COMMON,
      {
        name: "stage",
        zh: "上报环节",
        type: "text",
        enum: STAGE_ENUM,
        optional: true,
        default: "支行",
      },
      { name: "branchReported", zh: "支行上报日期", type: "date", optional: true },
      YEAR_ARG,
    ] as const,
  },
  (a, ctx) => {
    if (isManagementWarning(a.type)) return toSerial(management(a, ctx.policy));
    if (a.stage === "分行") return toSerial(office(a.amount, a.branchReported, ctx.policy));
    return toSerial(branch(a, ctx.policy));
  }
);

/**
 * 贷款风险预警的上报时限（《贷款风险预警制度》第十一、十二条），返回日期。支行上报分行：到期预警按风险金额分档（分界为政策参数 D.中额起点、D.大额起点，含本数归上一档）——
 * 小额为到期日前 D.小额.到期前天数 天；中额为到期日前 D.中额.到期前天数 天或发现后 D.中额.发现后天数 天；大额为到期日前 D.中额.到期前天数 天或发现后 D.大额.发现后天数 天（数字见帮助页“本年度政策数字”）。
 * 解释：“发现较晚”指发现后时限晚于到期前的时限，取两者中较晚者；小额无此规定（按字面，发现晚于时限即迟报）。
 * 欠息、关联企业、财务异常、重大事项（一律红色）为发现后 D.欠息.上报天数、D.关联企业.上报天数、D.财务异常.上报天数、D.重大事项.上报天数 天；后三类预测（月末预测下月将列入后三类，第十一条（一）2）为发现当月的最后一天。
 * 分行上报总行：中额及以上自支行上报起 D.分行.中额上报天数 天内，大额 D.分行.大额上报天数 天内。
 * 管理风险预警（第十二条（一）2）由分行直接上报总行、无支行时限：越权放贷（越权、变相越权、违规放贷）为发现后 D.越权放贷.上报天数 天，未落实贷款条件为发现后 D.未落实贷款条件.上报天数 天；不论上报环节，均返回此时限。
 * @customfunction WARNDEADLINE
 * @param {any} type 预警类型：到期/欠息/重大事项/关联企业/财务异常/后三类预测/越权放贷/未落实贷款条件
 * @param {any} [amount] 风险金额（到期预警及分行环节必填，按本工作簿金额单位）
 * @param {any} [maturity] 贷款到期日期（到期预警必填）
 * @param {any} [found] 发现风险日期（除小额到期预警外必填）
 * @param {any} [stage] 上报环节：支行（支行上报分行，默认）或 分行（分行上报总行）；管理风险预警只有分行环节
 * @param {any} [branchReported] 支行上报日期（分行环节必填）
 * @param {any} [year] 政策年度（可选，默认本工作簿的政策）
 * @returns {any} 上报时限（日期，当日上报为按时）
 */
export function warndeadline(
  type: any,
  amount?: any,
  maturity?: any,
  found?: any,
  stage?: any,
  branchReported?: any,
  year?: any
): any {
  return WARNDEADLINE(...arguments);
}

const WARNLATE = defineFunction(
  {
    id: "WARNLATE",
    params: [
      ...COMMON,
      { name: "branchReported", zh: "支行上报日期", type: "date", optional: true },
      {
        name: "stage",
        zh: "上报环节",
        type: "text",
        enum: STAGE_ENUM,
        optional: true,
        default: "支行",
      },
      { name: "officeReported", zh: "分行上报日期", type: "date", optional: true },
      YEAR_ARG,
    ] as const,
  },
  (a, ctx) => {
    if (isManagementWarning(a.type)) return judge(a.officeReported, management(a, ctx.policy));
    if (a.stage !== "分行") return judge(a.branchReported, branch(a, ctx.policy));
    // below the head-office band (第十二条（一）1): the rule says so, not a comparison here
    if (officeDeadline(a.amount, a.branchReported, ctx.policy).notApplicable) return "不适用";
    if (a.branchReported === null) return "支行未上报";
    return judge(a.officeReported, office(a.amount, a.branchReported, ctx.policy));
  }
);

/**
 * 判断风险预警是否按时上报（第十一、十二、十八条）：在时限当日或之前上报为“按时”，晚于时限为“迟报”，未填上报日期为“未上报”。
 * 时限规则与解释同 CM.WARNDEADLINE。分行环节：风险金额低于 D.中额起点 返回“不适用”，支行尚未上报返回“支行未上报”。
 * 越权放贷、未落实贷款条件为管理风险预警，不论上报环节，按分行上报日期（officeReported）与发现后时限判断。
 * @customfunction WARNLATE
 * @param {any} type 预警类型：到期/欠息/重大事项/关联企业/财务异常/后三类预测/越权放贷/未落实贷款条件
 * @param {any} [amount] 风险金额（到期预警及分行环节必填）
 * @param {any} [maturity] 贷款到期日期（到期预警必填）
 * @param {any} [found] 发现风险日期（除小额到期预警外必填）
 * @param {any} [branchReported] 支行上报日期（留空为未上报）
 * @param {any} [stage] 判断的环节：支行（默认）或 分行
 * @param {any} [officeReported] 分行上报总行日期（分行环节及越权放贷、未落实贷款条件使用）
 * @param {any} [year] 政策年度（可选，默认本工作簿的政策）
 * @returns {any} 按时/迟报/未上报（分行环节另有 不适用/支行未上报）
 */
export function warnlate(
  type: any,
  amount?: any,
  maturity?: any,
  found?: any,
  branchReported?: any,
  stage?: any,
  officeReported?: any,
  year?: any
): any {
  return WARNLATE(...arguments);
}

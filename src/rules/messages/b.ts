/** Explanation templates of rule set B (codes B_…): 002 银行客户经理等级管理办法. */
import type { MessageCatalog } from "../../core/explain";

export const MESSAGES_B: MessageCatalog = {
  // B2 indicators (第十一条 二)
  B_SCOPE: {
    zh: "{level}：只统计单户日均存款 ≥ {line} 元的客户，计入 {included} 户，剔除 {excluded} 户",
    en: "{level}: only customers with a daily average deposit ≥ {line} yuan count: {included} counted, {excluded} left out",
  },
  B_BLANKS: {
    zh: "{level}：{n} 户计入的客户“{field}”为空，按未发生计（未计入合计）",
    en: "{level}: {n} counted customers have a blank {fieldEn}; nothing was added for them",
  },
  B_COND_A: {
    zh: "{level} 条件 a：日均存款（不含协议存款）{value} 元，要求 ≥ {min} 元 → 满足：{met}",
    en: "{level} condition a: daily average deposits (agreement deposits excluded) {value} yuan, needed ≥ {min} → met: {met}",
  },
  B_COND_A_ONE: {
    zh: "{level} 条件 a：日均存款（不含协议存款）{value} 元，要求 ≥ {min} 元；单户最高 {one} 元，要求 ≥ {oneMin} 元 → 满足：{met}",
    en:
      "{level} condition a: daily average deposits (agreement deposits excluded) {value} yuan, " +
      "needed ≥ {min}; largest single customer {one}, needed ≥ {oneMin} → met: {met}",
  },
  B_COND_B: {
    zh: "{level} 条件 b：日均贷款 {value} 元，要求 ≥ {min} 元 → 满足：{met}",
    en: "{level} condition b: daily average loans {value} yuan, needed ≥ {min} → met: {met}",
  },
  B_COND_B_ONE: {
    zh: "{level} 条件 b：日均贷款 {value} 元，要求 ≥ {min} 元；单户最高 {one} 元，要求 ≥ {oneMin} 元 → 满足：{met}",
    en: "{level} condition b: daily average loans {value} yuan, needed ≥ {min}; largest single customer {one}, needed ≥ {oneMin} → met: {met}",
  },
  B_COND_C_USD: {
    zh: "{level} 条件 c：年国际结算额 {value} 美元，要求 ≥ {min} 美元 → 满足：{met}",
    en: "{level} condition c: international settlement in the year USD {value}, needed ≥ USD {min} → met: {met}",
  },
  B_COND_C_CNY: {
    zh: "{level} 条件 c：年国际结算额 {usd} 美元 × 汇率 {rate} = {value} 元，要求 ≥ {min} 元 → 满足：{met}",
    en: "{level} condition c: international settlement USD {usd} × rate {rate} = {value} yuan, needed ≥ {min} yuan → met: {met}",
  },
  B_INTERP_CNY: {
    zh: "解释：{level} 条件 c 原文为“年国际结算额 {min} 元”（人民币，非美元），国际结算额按美元填写，以政策参数“美元兑人民币汇率”折算",
    en: "Interpretation: {level} condition c is stated in yuan ({min}), not USD; settlement is entered in USD and converted with the policy's USD→CNY rate",
  },
  B_RATE_UNSET: {
    zh: "{level} 条件 c：汇率未设置——政策参数“美元兑人民币汇率”为空，无法把 {usd} 美元与 {min} 元比较，该项按未满足处理（其他条件照常判断）",
    en:
      "{level} condition c: rate not set — the policy's USD→CNY rate is blank, so USD {usd} " +
      "cannot be compared with {min} yuan; this condition counts as not met (the others are " +
      "judged as usual)",
  },
  B_RATE_DECIDES: {
    zh: "{level}：除条件 c 外其他条件均已满足，是否达标取决于 {usd} 美元折合人民币是否 ≥ {min} 元——请在政策参数中设置“美元兑人民币汇率”",
    en:
      "{level}: every other condition holds, so whether the level qualifies depends on whether " +
      "USD {usd} is worth ≥ {min} yuan — set the policy's USD→CNY rate",
  },
  B_COND_D: {
    zh: "{level} 条件 d：年新增日均存款 {value} 元，要求 ≥ {min} 元 → 满足：{met}",
    en: "{level} condition d: new daily average deposits in the year {value} yuan, needed ≥ {min} → met: {met}",
  },
  B_COUNT: {
    zh: "{level}：条件 a–d 满足 {n} 项，需 {needed} 项 → 满足：{met}",
    en: "{level}: {n} of conditions a–d met, {needed} needed → met: {met}",
  },
  B_INTERP_A_DEPOSITS: {
    zh: "解释：{level} 条件 a 原文写“本外币日均贷款余额……（不含协议存款）”，括号说明所指为存款，按日均存款计算",
    en:
      'Interpretation: {level} condition a reads "daily average loans … (agreement deposits ' +
      'excluded)"; the parenthesis shows deposits are meant, so deposits are used',
  },
  B_QUALITY_FLAGS: {
    zh: "条件(2)：全部 {customers} 户授信客户（不受排除线限制）中后三类贷款 {bad} 户、欠息 {arrears} 户、垫款 {advances} 户 → 满足：{met}",
    en:
      "Condition (2): among all {customers} credit customers (no exclusion line) {bad} with " +
      "loans in the last three classes, {arrears} in arrears, {advances} with advances → met: " +
      "{met}",
  },
  B_QUALITY_WHO: {
    zh: "条件(2)：有后三类贷款、欠息或垫款的客户：{who}",
    en: "Condition (2): customers with such loans, arrears or advances: {who}",
  },
  B_QUALITY_BLANK_FLAGS: {
    zh: "条件(2)：{n} 户客户的后三类贷款/欠息/垫款标记有空白，空白按“否”计",
    en: "Condition (2): {n} customers have a blank bad-loan/arrears/advance flag; a blank counts as no",
  },
  B_QUALITY_SHARE: {
    zh: "条件(2)：正常类贷款占比 {share}%，上年 {prev}%，“要进一步提高”即须高于上年 → 高于上年：{met}",
    en: 'Condition (2): normal-class loan share {share}%, last year {prev}%; it "must rise further", i.e. be higher than last year\'s → higher: {met}',
  },
  B_QUALITY_SHARE_MISSING: {
    zh: "条件(2)：正常类贷款占比（{share}）或上年占比（{prev}）未填写，无法确认，按未满足处理",
    en: "Condition (2): the normal-class share ({share}) or last year's ({prev}) is blank; it cannot be confirmed and counts as not met",
  },
  B_INTERP_SHARE_FULL: {
    zh: "解释：正常类贷款占比为 100%（{share}），无法再提高，视为满足“要进一步提高”（第十一条 二 (2)）",
    en: "Interpretation: the normal-class share is 100% ({share}) and cannot rise; it counts as having risen (Art. 11 (2) (2))",
  },
  B_INTERP_NO_CREDIT: {
    zh: "解释：经管的 {customers} 户客户均无授信业务（日均贷款为 0，无后三类、欠息、垫款），正常类贷款占比无从提高，视为满足（第十一条 二 (2)）",
    en:
      "Interpretation: none of the CM's {customers} customers has credit business (daily " +
      "average loans 0, no flags); the normal-class share cannot rise and the condition counts " +
      "as met (Art. 11 (2) (2))",
  },
  B_QUALITY_REF: {
    zh: "{level}：条件(2)（见上）→ 满足：{met}",
    en: "{level}: condition (2) (see above) → met: {met}",
  },
  // tenure (第十一条 一)
  B_TENURE_NONE: {
    zh: "{level}：无连续营销年限要求",
    en: "{level}: no tenure requirement",
  },
  B_TENURE_COLUMN: {
    zh: "连续营销年限（客户经理表）：{years} 年",
    en: "Years of continuous marketing (managers sheet): {years}",
  },
  B_TENURE_FROM_DATE: {
    zh: "连续营销年限为空，按首次任职日期 {from} 至评定日期 {to} 的整年数计：{years} 年",
    en: "Years of continuous marketing blank: full years from first appointment {from} to the assessment date {to}: {years}",
  },
  B_TENURE_MISSING: {
    zh: "{level}：连续营销年限与首次任职日期均为空，无法确认是否满 {min} 年，按未满足处理",
    en: "{level}: tenure and first appointment date are both blank; {min} years cannot be confirmed and the requirement counts as not met",
  },
  B_TENURE: {
    zh: "{level}：连续营销 {years} 年，要求 ≥ {min} 年 → 满足：{met}",
    en: "{level}: {years} years of continuous marketing, needed ≥ {min} → met: {met}",
  },
  B_LEVEL_RESULT: {
    zh: "{level}：全部条件满足：{met}",
    en: "{level}: all conditions hold: {met}",
  },
  // 见习 (第十一条 6, 第九条)
  B_TRAINEE: {
    zh: "见习：日均存款 {value} 元，要求 ≥ {min} 元 → 满足：{met}；见习不考核条件(2)（见习期不得办理授信业务）",
    en: "Trainee: daily average deposits {value} yuan, needed ≥ {min} → met: {met}; condition (2) does not apply (trainees do no credit business)",
  },
  B_INTERP_TRAINEE_BALANCE: {
    zh: "解释：第十一条 6 对见习写“新增日均存款”，第九条写日均存款余额；按第九条（日均存款余额）计算",
    en: 'Interpretation: Art. 11 (6) says "new daily average deposits" for trainees where Art. 9 says the balance; Art. 9 (the balance) is applied',
  },
  B_QUALIFIED: {
    zh: "达标等级（全部条件满足的最高等级）：{level}",
    en: "Qualified level (the highest level all of whose conditions hold): {level}",
  },
  // B3 (第九条)
  B_PASSLINE: {
    zh: "在岗最低及格线（现等级 {level}）：日均存款 {value} 元，要求 ≥ {min} 元 → 达到：{met}",
    en: "Minimum pass line (current level {level}): daily average deposits {value} yuan, needed ≥ {min} → met: {met}",
  },
  // B4 (第十九条)
  B_DEC_INPUT: {
    zh: "年度决定依据：现等级 {current}，达标等级 {qualified}，年度考核 {assessment}，升等考试通过 {exam}，连续两年后三名 {bottom3}，完成主要业务指标 {tasks}，达到最低及格线 {passLine}",
    en:
      "Decision inputs: current {current}, qualified {qualified}, assessment {assessment}, " +
      "promotion exam passed {exam}, bottom three two years running {bottom3}, main tasks done " +
      "{tasks}, pass line met {passLine}",
  },
  B_DEC_BLANK_TASKS: {
    zh: "“完成主要业务指标”为空：按已完成处理",
    en: '"Main tasks completed" is blank: treated as completed',
  },
  B_DEC_BLANK_BOTTOM3: {
    zh: "“连续两年后三名”为空：按否处理",
    en: '"Bottom three two years running" is blank: treated as no',
  },
  B_DEC_EXIT_PASSLINE: {
    zh: "未达到在岗最低及格线 → 退出：次年退出客户经理序列，待岗培训",
    en: "Below the minimum pass line → exit: leaves the CM sequence next year, for training",
  },
  B_DEC_EXIT_TASKS: {
    zh: "未完成主要业务指标或连续两年后三名，见习无更低等级 → 退出",
    en: "Main tasks not completed or bottom three two years running; a trainee has no lower level → exit",
  },
  B_DEC_DEMOTE_TASKS: {
    zh: "未完成主要业务指标或连续两年后三名 → 低聘一级：{current} → {newLevel}",
    en: "Main tasks not completed or bottom three two years running → demoted one level: {current} → {newLevel}",
  },
  B_DEC_NO_ERRORLOG: {
    zh: "工作簿没有差错记录表：未判断差错积分取消资格条款（第十九条，先于其他各项）",
    en: "The workbook has no error log: disqualifying error items (checked before every other step) were not judged",
  },
  B_DEC_ERRORLOG_UNREADABLE: {
    zh: "无法判断是否为取消资格条款：{what}",
    en: "Cannot tell whether this is a disqualifying item: {whatEn}",
  },
  B_DEC_EXIT_C: {
    zh: "差错积分考核标准取消客户经理资格条款：{items} → 退出（先于其他各项判断）",
    en: "Disqualifying item(s) of the error-point standard: {itemsEn} → exit (before every other step)",
  },
  B_TRAINEE_END: {
    zh: "见习期满日期（客户经理表）：{end}",
    en: "Trainee period end (managers sheet): {end}",
  },
  B_TRAINEE_END_DEFAULT: {
    zh: "见习期满日期为空，按首次任职日期 {from} 起 {months} 个月计：{end}",
    en: "Trainee period end blank: {months} months from the first appointment {from}: {end}",
  },
  B_INTERP_TRAINEE_END_DAY: {
    zh: "解释：见习期至 {end} 届满，评定日期早于该日为见习期内，当日及以后为已期满（“届满”含当日）；评定日期 {asOf} → 见习期内：{running}",
    en:
      "Interpretation: the trainee period ends on {end}; before that day it runs, on the day " +
      "and after it has ended (届满 includes the day); assessment date {asOf} → still running: " +
      "{running}",
  },
  B_DEC_TRAINEE_RUNNING: {
    zh: "见习期尚未届满（{end}）→ 见习中，暂不作定级决定",
    en: "The trainee period has not ended ({end}) → in the trainee period, no decision yet",
  },
  B_DEC_TRAINEE_FAILED: {
    zh: "见习期满（{end}），分行组织的考试不合格 → 退出（退回原岗位）",
    en: "Trainee period ended ({end}) and the branch's exam was failed → exit (back to the former post)",
  },
  B_DEC_TRAINEE_GRADE_STAFF: {
    zh: "见习期满（{end}），考试合格，按原行员等级 {grade} 套改对应的客户经理等级 → 定级为 {newLevel}",
    en: "Trainee period ended ({end}), exam passed: graded by the former staff grade {grade} → {newLevel}",
  },
  B_DEC_TRAINEE_GRADE_QUALIFIED: {
    zh: "见习期满（{end}），考试合格，原行员等级为空 → 定级为 {newLevel}（达标等级 {qualified}）",
    en: "Trainee period ended ({end}), exam passed, former staff grade blank → graded {newLevel} (qualified {qualified})",
  },
  B_INTERP_TRAINEE_QUALIFIED: {
    zh: "解释：原行员等级为空，按达标等级定级（达标等级为四级及以上取达标等级，否则四级）：达标等级 {qualified} → {newLevel}；第十一条 6“次年根据本人实际业绩…聘任”指次年按业绩重新核定，首次定级为套改等级",
    en:
      "Interpretation: with the former staff grade blank, graded at the qualified level if 四级 " +
      'or above, else 四级: qualified {qualified} → {newLevel}; Art. 11 (6) "the next year by ' +
      'actual results" re-grades the year after, the first level being the 套改 one',
  },
  B_INTERP_BASIC_COMPETENT: {
    zh: "解释：年度考核基本称职，达标等级 {qualified} 不低于现等级 {current}：第十九条二只对称职及以上续聘，未达条件者低聘，对基本称职而条件已达的情形未作规定——既不能续聘也不能晋升，故低聘",
    en:
      "Interpretation: assessment 基本称职 (basically competent) with qualified {qualified} at or " +
      "above {current}: Art. 19 (2) renews only at competent or better and demotes when " +
      "conditions are not met, and is silent on this case — neither renewal nor promotion is " +
      "allowed, so demotion is what remains",
  },
  B_DEC_BREAKTHROUGH: {
    zh: "达标等级 {qualified} 高于现等级 {current} {levels} 级及以上：列为破格晋升候选（标记，不自动执行）",
    en: "Qualified {qualified} is {levels} or more levels above {current}: flagged as a breakthrough-promotion candidate (flag only)",
  },
  B_DEC_PROMOTE: {
    zh: "考核称职及以上，达标等级 {qualified} 高于现等级，升等考试合格 → 晋升一级：{current} → {newLevel}",
    en: "Assessment competent or better, qualified {qualified} above current, exam passed → promoted one level: {current} → {newLevel}",
  },
  B_DEC_NO_EXAM: {
    zh: "达标等级 {qualified} 高于现等级，但升等考试未通过（或未填写）：不晋升",
    en: "Qualified {qualified} is above the current level but the promotion exam was not passed (or is blank): no promotion",
  },
  B_DEC_RENEW: {
    zh: "考核称职及以上，继续达到现等级 {current} 条件 → 续聘",
    en: "Assessment competent or better and still qualified for {current} → renewed",
  },
  B_DEC_EXIT: {
    zh: "考核或业绩未达现等级 {current} 条件，且无可低聘的等级（达标等级 {qualified}）→ 退出",
    en: "Assessment or results below {current} and no lower level to go to (qualified {qualified}) → exit",
  },
  B_DEC_DEMOTE: {
    zh: "考核或业绩未达现等级 {current} 条件 → 低聘：{current} → {newLevel}（达标等级 {qualified}）",
    en: "Assessment or results below {current} → demoted: {current} → {newLevel} (qualified {qualified})",
  },
  // B1 (第十三条, 第二十四条)
  B_ALLOW_EXIT: {
    zh: "退出客户经理序列：通讯费 0 元",
    en: "Left the CM sequence: allowance 0 yuan",
  },
  B_ALLOW_LEVEL: {
    zh: "{level}（行员 {grade}）通讯费每月 {base} 元",
    en: "{level} (staff grade {grade}): allowance {base} yuan per month",
  },
  B_ALLOW_ADMONISHED: {
    zh: "诫勉期间两费补贴按 {pct}% 发放：{value} 元",
    en: "Under admonishment the two allowances are paid at {pct}%: {value} yuan",
  },
  B_ALLOW_RESULT: {
    zh: "每月通讯费：{value} 元",
    en: "Monthly allowance: {value} yuan",
  },
  // B5 (第二十–二十四条)
  B_QUARTERS: {
    zh: "{n} 个季度：连续低于计划 {pct}% 最长 {underShare} 个季度，连续未完成计划最长 {notDone} 个季度",
    en: "{n} quarters: longest run under {pct}% of plan {underShare}, longest run of unfinished plans {notDone}",
  },
  B_ADMONISH_FELL: {
    zh: "诫勉：经管主要客户半年内存、贷款余额或结算量连续下降",
    en: "Admonishment: the main customers' deposits, loans or settlement fell over the half year",
  },
  B_ADMONISH_LOAN_RISK: {
    zh: "诫勉：所管贷款客户出现欠息、逾期等风险",
    en: "Admonishment: arrears or overdue at a loan customer",
  },
  B_ADMONISH_PLAN: {
    zh: "诫勉：主要业务指标连续 {run} 个季度低于计划的 {pct}%（{quarters} 个季度即触发）",
    en: "Admonishment: main indicators under {pct}% of plan for {run} quarters running ({quarters} trigger it)",
  },
  B_ADMONISH_OVERDUE: {
    zh: "诫勉：授信客户贷款逾期 {months} 个月，达到 {limit} 个月以上（含 {limit} 个月）",
    en: "Admonishment: a credit customer's loan overdue {months} months, {limit} months or more ({limit} included)",
  },
  B_ADMONISH_ARREARS: {
    zh: "诫勉：授信客户贷款欠息 {months} 个月，达到 {limit} 个月以上（含 {limit} 个月）",
    en: "Admonishment: a credit customer's interest in arrears {months} months, {limit} months or more ({limit} included)",
  },
  B_ADMONISH_OVERDUE_SINCE: {
    zh: "授信客户贷款自 {since} 起逾期，满 {limit} 个月之日为 {reached}（次月同日，无同日取月末；含当日），至 {asOf} → 达到 {limit} 个月以上：{met}",
    en:
      "A credit customer's loan overdue since {since}; {limit} month(s) are reached on " +
      "{reached} (same day of the month, or the month's last day; that day included); as of " +
      "{asOf} → {limit} months or more: {met}",
  },
  B_ADMONISH_ARREARS_SINCE: {
    zh: "授信客户贷款自 {since} 起欠息，满 {limit} 个月之日为 {reached}（次月同日，无同日取月末；含当日），至 {asOf} → 达到 {limit} 个月以上：{met}",
    en:
      "A credit customer's interest in arrears since {since}; {limit} month(s) are reached on " +
      "{reached} (same day of the month, or the month's last day; that day included); as of " +
      "{asOf} → {limit} months or more: {met}",
  },
  B_ADMONISH_ADVANCE: {
    zh: "诫勉：授信客户银行承兑汇票出现垫款",
    en: "Admonishment: an acceptance-bill advance at a credit customer",
  },
  B_ADMONISH_PERIOD: {
    zh: "诫勉期 {months} 个月，期间两费补贴按 {pct}% 发放",
    en: "Admonishment period {months} months; the two allowances are paid at {pct}% meanwhile",
  },
  B_YELLOW_QUARTERS: {
    zh: "黄牌警告：连续 {run} 个季度未完成任务（{quarters} 个季度即触发）",
    en: "Yellow card: tasks not completed for {run} quarters running ({quarters} trigger it)",
  },
  B_YELLOW_ASSESSMENT: {
    zh: "黄牌警告：年度考核不称职",
    en: "Yellow card: annual assessment incompetent",
  },
  B_YELLOW_PASSLINE: {
    zh: "黄牌警告：未达到在岗最低及格线",
    en: "Yellow card: below the minimum pass line",
  },
  B_DISMISS_CONDUCT: {
    zh: "解聘：有第二十二条一至四项情形（违法违规、玩忽职守、重大过失、不服从组织管理）",
    en: "Dismissal: a conduct case of Art. 22 (1)–(4)",
  },
  B_DISMISS_YELLOW: {
    zh: "解聘：连续 {years} 年受黄牌警告（{needed} 年即解聘）",
    en: "Dismissal: yellow cards in {years} consecutive years ({needed} lead to dismissal)",
  },
  B_TRIGGERS_RESULT: {
    zh: "诫勉 {admonish}，黄牌警告 {yellow}，解聘 {dismiss}",
    en: "Admonishment {admonish}, yellow card {yellow}, dismissal {dismiss}",
  },
  // issue 18: the next level above the current one (B2, 第十一条)
  B_NEXT_TOP: {
    zh: "现等级 {level} 已是最高级别，无上一级别",
    en: "The current level {level} is the highest; there is no level above",
  },
  B_NEXT_TARGET: {
    zh: "上一级别：现等级 {level} 之上为 {target}",
    en: "Next level: above the current {level} is {target}",
  },
  B_NEXT_SHORT: {
    zh: "{target}：条件 a–d 已满足 {n} 项，需 {needed} 项，还需 {short} 项",
    en: "{target}: {n} of conditions a–d met, {needed} needed, {short} more to meet",
  },
  B_NEXT_GAP: {
    zh: "{target} 条件 {key}：计入客户合计还差 {missing} 元",
    en: "{target} condition {key}: the counted customers' total is {missing} yuan short",
  },
  B_NEXT_GAP_ONE: {
    zh: "{target} 条件 {key}：单户最高还差 {missing} 元",
    en: "{target} condition {key}: the largest single customer is {missing} yuan short",
  },
  B_NEXT_GAP_C: {
    zh: "{target} 条件 c：年国际结算额还差 {missing} 美元",
    en: "{target} condition c: international settlement is USD {missing} short",
  },
  B_NEXT_GAP_C_CNY: {
    zh: "{target} 条件 c：年国际结算额还差 {cny} 元，按汇率折 {missing} 美元",
    en: "{target} condition c: international settlement is {cny} yuan short, USD {missing} at the rate",
  },
  B_NEXT_GAP_RATE: {
    zh: "{target} 条件 c：政策参数“美元兑人民币汇率”未设置，差额无法计算",
    en: "{target} condition c: the policy's USD→CNY rate is not set; the shortfall cannot be computed",
  },
  B_NEXT_Q_FLAGS: {
    zh: "{target} 条件(2)：须无后三类贷款、欠息、垫款，现有：{who}",
    en: "{target} condition (2): no loans in the last three classes, arrears or advances allowed; now: {who}",
  },
  B_NEXT_Q_SHARE: {
    zh: "{target} 条件(2)：正常类贷款占比须高于上年 {prev}%（现 {share}%）",
    en: "{target} condition (2): the normal-class loan share must be higher than last year's {prev}% (now {share}%)",
  },
  B_NEXT_Q_MISSING: {
    zh: "{target} 条件(2)：正常类贷款占比或上年占比未填写，无法计算差距",
    en: "{target} condition (2): the normal-class share or last year's is blank; the gap cannot be computed",
  },
  B_NEXT_TENURE_YEARS: {
    zh: "{target}：连续营销年限须满 {min} 年，还差 {years} 年",
    en: "{target}: {min} years of continuous marketing needed, {years} years short",
  },
  B_NEXT_TENURE_MONTHS: {
    zh: "{target}：连续营销年限须满 {min} 年，{date} 满，距评定日期还差 {months} 个月",
    en: "{target}: {min} years of continuous marketing needed, reached on {date}, {months} months after the assessment date",
  },
  B_NEXT_TENURE_MISSING: {
    zh: "{target}：连续营销年限须满 {min} 年，年限与首次任职日期均未填写，差距无法计算",
    en: "{target}: {min} years of continuous marketing needed; tenure and first appointment date are blank, the gap cannot be computed",
  },
  B_NEXT_RESULT: {
    zh: "{target}：全部条件满足：{met}",
    en: "{target}: all conditions hold: {met}",
  },
  B_NEXT_B4: {
    zh: "说明：以上只按第十一条的等级条件计算；晋升另须年度考核称职以上、升等考试通过（第十九条）",
    en:
      "Note: only the level conditions of Art. 11 are computed; a promotion also needs an " +
      "assessment of competent or better and the promotion exam passed (Art. 19)",
  },
};

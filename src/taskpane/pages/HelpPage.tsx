/**
 * 帮助 page: what the add-in does, the active policy's figures (./PolicyFigures.tsx: the
 * workbook's own score lines, coefficients, ratios — never literals here), every CM.* function
 * (from the metadata generated at build time, zh-CN, and the English help tables), how arguments
 * and errors work, and where the rules come from.
 */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Caption1,
  makeStyles,
  SearchBox,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { HELP_EN } from "../../functions/en";
import type { HelpTable } from "../../functions/help";
import { FINAL_GRADES } from "../../rules/a/common";
import { Lang, useLang, useT } from "../i18n";
import { PolicyFigures } from "./PolicyFigures";

/** One function of functions.json (the fields the help page shows). */
export interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  parameters?: { name: string; description?: string; optional?: boolean; repeating?: boolean }[];
}

export interface FunctionsMetadata {
  functions: FunctionMeta[];
}

/* Set by webpack's DefinePlugin (webpack.config.js); absent under jest unless a test sets it. */
declare const __CM_FUNCTIONS__: FunctionsMetadata | null | undefined;
declare const __CM_VERSION__: string | undefined;

function builtMetadata(): FunctionsMetadata | null {
  return typeof __CM_FUNCTIONS__ === "undefined" ? null : __CM_FUNCTIONS__;
}

function version(): string {
  return typeof __CM_VERSION__ === "undefined" ? "" : __CM_VERSION__;
}

export const NAMESPACE = "CM";

export interface FunctionHelpRow {
  name: string;
  signature: string;
  description: string;
  params: { name: string; optional: boolean; text: string }[];
  example: string | null;
}

/** The rows of the function list in one language (English falls back to Chinese when missing). */
export function functionHelpRows(
  meta: FunctionsMetadata,
  helpEn: HelpTable,
  lang: Lang
): FunctionHelpRow[] {
  return [...meta.functions]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((fn) => {
      const en = helpEn[fn.id];
      const params = (fn.parameters ?? []).map((p) => ({
        name: p.name,
        optional: Boolean(p.optional),
        text: (lang === "en" ? en?.params[p.name] : undefined) ?? p.description ?? "",
      }));
      const args = params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
      return {
        name: `${NAMESPACE}.${fn.name}`,
        signature: `=${NAMESPACE}.${fn.name}(${args})`,
        description: (lang === "en" ? en?.description : undefined) ?? fn.description ?? "",
        params,
        example: en?.example ?? null,
      };
    });
}

const RULE_SETS: { id: string; zh: string; en: string; source: string }[] = [
  {
    id: "A",
    zh: "信贷客户经理：总分与等级、工资系数、责任不良贷款、末位淘汰、退出、容忍度、退休买断",
    en: "Credit CMs: score and grade, wage coefficient, responsible NPL, bottom list, exit, tolerance, retirement buyout",
    source: "银行客户经理及不良贷款管理办法",
  },
  {
    id: "B",
    zh: "公司客户经理六级等级：业务指标、及格线、年度晋升/续聘/低聘/退出、通讯费、诫勉与黄牌",
    en: "Corporate CMs' six levels: indicators, pass line, annual decision, allowance, admonishment and yellow card",
    source: "银行客户经理等级管理办法",
  },
  {
    id: "C",
    zh: "差错积分：每项差错的扣分、取消资格的差错",
    en: "Error points: deduction per error, disqualifying errors",
    source: "非业绩指标“差错积分”考核标准",
  },
  {
    id: "D",
    zh: "贷款风险预警：预警上报时限、是否迟报",
    en: "Loan risk warnings: report-by deadlines, late or on time",
    source: "贷款风险预警制度",
  },
];

const useStyles = makeStyles({
  root: {
    "& h2": { marginTop: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalS },
    "& p": { marginTop: 0, marginBottom: tokens.spacingVerticalS },
  },
  section: { marginBottom: tokens.spacingVerticalL },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    wordBreak: "break-all",
  },
  search: { width: "100%", maxWidth: "100%", marginBottom: tokens.spacingVerticalS },
  params: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalL },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  description: { whiteSpace: "pre-line" },
});

function FunctionList(): React.JSX.Element {
  const styles = useStyles();
  const t = useT();
  const { lang } = useLang();
  const [query, setQuery] = React.useState("");
  const meta = builtMetadata();
  const rows = React.useMemo(
    () => (meta ? functionHelpRows(meta, HELP_EN, lang) : []),
    [meta, lang]
  );
  if (!meta) {
    return (
      <Body1 block as="p">
        {t(
          "函数列表在构建时由函数说明生成，当前页面未包含。",
          "The function list is generated at build time and is not part of this page."
        )}
      </Body1>
    );
  }
  const q = query.trim().toLowerCase();
  const shown = q
    ? rows.filter(
        (r) => r.name.toLowerCase().includes(q) || r.description.toLowerCase().includes(q)
      )
    : rows;
  return (
    <>
      <SearchBox
        className={styles.search}
        placeholder={t("按名称或说明筛选", "Filter by name or description")}
        aria-label={t("筛选函数", "Filter functions")}
        value={query}
        onChange={(_, d) => setQuery(d.value)}
      />
      <Caption1 block as="p">
        {t(
          `共 ${rows.length} 个函数，显示 ${shown.length} 个。`,
          `${rows.length} functions, ${shown.length} shown.`
        )}
      </Caption1>
      <Accordion collapsible multiple>
        {shown.map((r) => (
          <AccordionItem key={r.name} value={r.name}>
            <AccordionHeader size="small">
              <strong>{r.name}</strong>
            </AccordionHeader>
            <AccordionPanel>
              <Body1 block as="p" className={styles.description}>
                {r.description}
              </Body1>
              <Caption1 block as="p">
                {t("语法", "Syntax")}: <code className={styles.code}>{r.signature}</code>
              </Caption1>
              {r.params.length > 0 && (
                <ul className={styles.params}>
                  {r.params.map((p) => (
                    <li key={p.name}>
                      <Caption1>
                        <code className={styles.code}>{p.name}</code>
                        {p.optional ? t("（可选）", " (optional)") : ""}：{p.text}
                      </Caption1>
                    </li>
                  ))}
                </ul>
              )}
              {r.example && (
                <Caption1 block as="p">
                  {t("示例", "Example")}: <code className={styles.code}>{r.example}</code>
                </Caption1>
              )}
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </>
  );
}

export function HelpPage(): React.JSX.Element {
  const styles = useStyles();
  const t = useT();
  const v = version();
  return (
    <div className={styles.root}>
      <section className={styles.section}>
        <Subtitle2 block as="h2">
          {t("这是什么", "What this is")}
        </Subtitle2>
        <Body1 block as="p">
          {t(
            "客户经理考核加载项把行内客户经理管理办法的计算规则带进 Excel：在单元格里输入 CM.* 函数即可得到等级、工资系数、责任不良、退休买断金额、差错扣分和预警时限；任务窗格可校验台账数据、生成汇总表、维护每年的政策参数。",
            "The CM Rules add-in brings the bank's customer-manager rules into Excel: CM.* functions " +
              "in cells give grades, wage coefficients, responsible NPL, retirement buyout amounts, " +
              "error deductions and warning deadlines; the task pane validates the ledgers, writes " +
              "summary sheets and keeps each year's policy parameters."
          )}
        </Body1>
        <Body1 block as="p">
          {t("示例：在单元格中输入 ", "Example: type ")}
          <code className={styles.code}>=CM.GRADE(B2)</code>
          {t(
            `，B2 为总分，结果为 ${FINAL_GRADES.join(" / ")}（分数线见下方“本年度政策数字”）。`,
            ` in a cell where B2 holds the total score; the result is ${FINAL_GRADES.join(" / ")} (the score lines: “Policy figures of the year” below).`
          )}
        </Body1>
      </section>

      <section className={styles.section}>
        <Subtitle2 block as="h2">
          {t("本年度政策数字", "Policy figures of the year")}
        </Subtitle2>
        <PolicyFigures />
      </section>

      <section className={styles.section}>
        <Subtitle2 block as="h2">
          {t("自定义函数", "Functions")}
        </Subtitle2>
        <FunctionList />
      </section>

      <section className={styles.section}>
        <Subtitle2 block as="h2">
          {t("参数与错误", "Arguments and errors")}
        </Subtitle2>
        <ul className={styles.list}>
          <li>
            <Body1>
              {t(
                "数字可以是文本形式（1,234.5、全角数字），数值按 Excel 显示的 15 位有效数字读取（=89.99+0.005 即 89.995）；日期可以是 Excel 日期或“2025年3月1日”等文本；是/否 可写作 是、否、Y、N。",
                "Numbers may be text (1,234.5, full-width digits) and are read as Excel shows them, to " +
                  "15 significant digits (=89.99+0.005 is 89.995); dates may be Excel dates or text such " +
                  "as 2025年3月1日; yes/no may be 是, 否, Y, N."
              )}
            </Body1>
          </li>
          <li>
            <Body1>
              {t(
                "每个函数的最后一个参数 year 可选：指定使用哪一年的政策参数；省略时使用工作簿“政策参数”表的年度。",
                "The last argument of every function, year, is optional: which year's policy to use; by default the year of the workbook's 政策参数 sheet."
              )}
            </Body1>
          </li>
          <li>
            <Body1>
              {t(
                "金额按“政策参数”中的金额单位（元或万元）输入和输出。",
                "Amounts are read and returned in the policy's amount unit (元 or 万元)."
              )}
            </Body1>
          </li>
          <li>
            <Body1>
              {t(
                "输入无效时返回 #VALUE!，政策参数未设置等无法计算时返回 #N/A；将鼠标停在错误单元格上可看到中文原因。函数从不用 0 代替无法计算的结果。",
                "Invalid input gives #VALUE!, a result that cannot be computed (an unset policy figure) " +
                  "gives #N/A; hover over the cell to read the reason. A function never returns 0 in place " +
                  "of a result it cannot compute."
              )}
            </Body1>
          </li>
        </ul>
      </section>

      <section className={styles.section}>
        <Subtitle2 block as="h2">
          {t("规则来源", "Where the rules come from")}
        </Subtitle2>
        <Table size="small" aria-label={t("规则集", "Rule sets")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("规则集", "Set")}</TableHeaderCell>
              <TableHeaderCell>{t("内容", "What it decides")}</TableHeaderCell>
              <TableHeaderCell>{t("出处", "Source")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {RULE_SETS.map((r) => (
              <TableRow key={r.id}>
                <TableCell>{r.id}</TableCell>
                <TableCell>{t(r.zh, r.en)}</TableCell>
                <TableCell>{r.source}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Body1 block as="p">
          {t(
            "每条计算都注明所依据的条款（第N条）；原文有歧义之处采用项目规格（RULES.md）中标明的“解释”，并在函数说明与计算说明中写明。所有分数线、比例和金额均来自当年的政策参数，可在“政策参数”页调整。",
            "Every computation cites its article (第N条); where the source text is ambiguous, the " +
              "interpretation marked in the project's specification (RULES.md) applies and is stated " +
              "in the function help and the explanations. Every threshold, ratio and amount comes from " +
              "the year's policy, editable on the Policy page."
          )}
        </Body1>
      </section>

      {v && (
        <Caption1 block as="p">
          cm-addin {v}
        </Caption1>
      )}
    </div>
  );
}

/**
 * (issue 20 item 2) The help page's 本年度政策数字: the figures of the active policy (the
 * workbook's 政策参数, else the year's defaults — src/policy/store.ts), generated from the policy
 * object and its schema: the grade table of A 第十条 and every parameter by rule set, with its
 * unit and article. The function help (functions.json, made at build time) states the rules
 * without the year's figures and points here, so the help never contradicts the workbook.
 */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { D } from "../../core/money";
import {
  citation,
  getParam,
  ParamDef,
  RULE_SET_ORDER,
  RULE_SET_TITLES,
  RuleSetId,
  shownParams,
} from "../../policy/schema";
import { activePolicy, onPolicyChange } from "../../policy/store";
import type { Policy } from "../../policy/types";
import { DISQUALIFIED } from "../../rules/a/common";
import { useLang, useT } from "../i18n";

/** The active policy, followed as the workbook's policy is read or changed. */
export function useActivePolicy(): Policy {
  const [policy, setPolicy] = React.useState<Policy>(() => activePolicy());
  React.useEffect(() => {
    setPolicy(activePolicy());
    return onPolicyChange(() => setPolicy(activePolicy()));
  }, []);
  return policy;
}

const GROUPING = new Intl.NumberFormat("en-US", { maximumFractionDigits: 10 });

/** A parameter's value as the help shows it: fractions as percent, amounts grouped, lists with 、. */
export function figureText(d: ParamDef, v: unknown, lang: "zh" | "en"): string {
  if (v === null || v === undefined) return lang === "zh" ? "未设置" : "unset";
  if (Array.isArray(v)) return v.join("、");
  if (typeof v === "number") {
    if (d.type === "fraction") return `${D(v).times(100).toString()}%`;
    if (d.type === "year") return String(v);
    const n = GROUPING.format(v);
    return d.unit && d.unit !== "比例" ? `${n} ${d.unit}` : n;
  }
  return String(v);
}

/** A wage coefficient as the summaries show it: at least one decimal (2.0), else as set (1.75). */
export function coefficientText(v: number): string {
  return Number.isInteger(v) ? v.toFixed(1) : String(v);
}

function GradeTable({ policy }: { policy: Policy }): React.JSX.Element {
  const t = useT();
  const grades = policy.a.grades;
  const lowest = grades[grades.length - 1];
  return (
    <Table
      size="small"
      aria-label={t("等级分数线与工资系数", "Grade score lines and coefficients")}
    >
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t("等级", "Grade")}</TableHeaderCell>
          <TableHeaderCell>{t("总分", "Total score")}</TableHeaderCell>
          <TableHeaderCell>{t("工资系数", "Wage coefficient")}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {grades.map((g) => (
          <TableRow key={g.grade}>
            <TableCell>{g.grade}</TableCell>
            <TableCell>≥ {g.minScore}</TableCell>
            <TableCell>{coefficientText(g.wageCoefficient)}</TableCell>
          </TableRow>
        ))}
        {lowest && (
          <TableRow>
            <TableCell>{DISQUALIFIED}</TableCell>
            <TableCell>&lt; {lowest.minScore}</TableCell>
            <TableCell>—</TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}

function ParamTable(props: { policy: Policy; params: ParamDef[] }): React.JSX.Element {
  const t = useT();
  const { lang } = useLang();
  return (
    <Table size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t("参数", "Parameter")}</TableHeaderCell>
          <TableHeaderCell>{t("值", "Value")}</TableHeaderCell>
          <TableHeaderCell>{t("条款", "Article")}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.params.map((d) => (
          <TableRow key={d.key}>
            <TableCell>{lang === "zh" ? d.key : `${d.label.en} (${d.key})`}</TableCell>
            <TableCell>{figureText(d, getParam(props.policy, d), lang)}</TableCell>
            <TableCell>{citation(d, lang)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function PolicyFigures(): React.JSX.Element {
  const t = useT();
  const policy = useActivePolicy();
  const bySet = new Map<RuleSetId, ParamDef[]>();
  for (const d of shownParams(policy)) {
    const list = bySet.get(d.ruleSet) ?? [];
    list.push(d);
    bySet.set(d.ruleSet, list);
  }
  const tolerance = policy.nplToleranceRatePct;
  return (
    <>
      <Body1 block as="p">
        {t(
          `以下数字取自本工作簿的政策参数（${policy.year} 年度；没有“政策参数”表时为该年度的默认值），函数说明中“政策参数的分数线、比例、金额”即指这些数字；可在“政策参数”页修改。`,
          `These figures are this workbook's policy (year ${policy.year}; the year's defaults when ` +
            `the workbook has no 政策参数 sheet) — the score lines, ratios and amounts the function help ` +
            `refers to; edit them on the Policy page.`
        )}
      </Body1>
      <Caption1 block as="p">
        {t(
          `A 第十条 等级分数线与工资系数；不良容忍度：${tolerance === null ? "未设置" : `${tolerance}%`}（第十二条）。`,
          `A Art. 10 grade score lines and wage coefficients; NPL tolerance: ${tolerance === null ? "unset" : `${tolerance}%`} (Art. 12).`
        )}
      </Caption1>
      <GradeTable policy={policy} />
      <Accordion collapsible multiple>
        {RULE_SET_ORDER.filter((id) => bySet.has(id)).map((id) => (
          <AccordionItem key={id} value={id}>
            <AccordionHeader size="small">
              {t(
                `${RULE_SET_TITLES[id].zh}（${bySet.get(id)!.length} 项）`,
                `${RULE_SET_TITLES[id].en} (${bySet.get(id)!.length})`
              )}
            </AccordionHeader>
            <AccordionPanel>
              <ParamTable policy={policy} params={bySet.get(id)!} />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </>
  );
}

/**
 * 假设分析 What-if (issue 18 item 3): under the explanation of a 等级汇总 row, a button that opens a
 * small form with the CM's figures — loan count, interest income, new NPL balance and the four deduction counts —
 * prefilled from his row. Every change recomputes at once with the rules (src/rules/a/whatif.ts:
 * scoreManager + assessGrade, the peer average moving with his own figures) and shows the new
 * score, grade, wage coefficient and explanation. Nothing is written to the sheet: no Office call
 * is made here, the inputs came with the summaries (SummariesResult.whatIf).
 *
 * Amounts are typed in the workbook's 金额单位 (as the sheets show them) and read by the same
 * parsers as the cells (src/core/parse.ts); a bad entry is named under its field, and nothing is
 * computed from it.
 */
import * as React from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { isRuleError } from "../../core/errors";
import { dec, fmtMoney } from "../../core/money";
import { parseInt0, parseNonNegative } from "../../core/parse";
import type { Parsed } from "../../core/parse";
import { fromYuan, toYuan } from "../../policy/units";
import type { Policy } from "../../policy/types";
import {
  DISQUALIFIED,
  POST_COEFFICIENT_TEXT,
  POST_COEFFICIENT_TEXT_EN,
} from "../../rules/a/common";
import { figuresOf, whatIfAssess } from "../../rules/a/whatif";
import type { CreditWhatIfInput, WhatIfFigures, WhatIfResult } from "../../rules/a/whatif";
import { renderStep } from "../../rules/explain";
import { useLang, useT } from "../i18n";

/** 等级汇总's what-if inputs of this session's generation (SummariesResult.whatIf), with its policy. */
export interface WhatIfData {
  policy: Policy;
  inputs: Record<string, CreditWhatIfInput>;
}

export interface WhatIfProps {
  /** null: no generation this session (the inputs come with the summaries) */
  data: WhatIfData | null;
  /** 员工号 of the selected row */
  id: string;
}

export interface WhatIfFormProps {
  input: CreditWhatIfInput;
  /** the policy the summaries were made with */
  policy: Policy;
}

/** The what-if of the selected 等级汇总 row, or why there is none. */
export function WhatIf(props: WhatIfProps): React.JSX.Element {
  const t = useT();
  // opened on request (the explanation stays short); stays open from one selected row to the next
  const [open, setOpen] = React.useState(false);
  const input = props.data?.inputs[props.id];
  if (props.data && input)
    return (
      <>
        <div>
          <Button size="small" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
            {open ? t("收起假设分析", "Hide the what-if") : t("假设分析…", "What-if…")}
          </Button>
        </div>
        {open && <WhatIfForm key={props.id} input={input} policy={props.data.policy} />}
      </>
    );
  return (
    <Caption1>
      {props.data
        ? t(
            "假设分析：该行未能评定（缺少数据），无法测算。",
            "What-if: this row could not be assessed (figures missing)."
          )
        : t(
            "假设分析：在本次会话中生成“等级汇总”后可用（按那次生成时的数据测算）。",
            "What-if: available once 等级汇总 has been generated in this session (from the figures of that generation)."
          )}
    </Caption1>
  );
}

type FieldKey =
  | "loanCount"
  | "interestIncome"
  | "newNpl"
  | "examFails"
  | "penalties"
  | "criticisms"
  | "seriousViolations";

const AMOUNTS: readonly FieldKey[] = ["interestIncome", "newNpl"];

const LABELS: Record<FieldKey, { zh: string; en: string }> = {
  loanCount: { zh: "当年发放贷款笔数", en: "Loans granted in the year" },
  interestIncome: { zh: "当年贷款利息收入", en: "Interest income" },
  newNpl: { zh: "新增不良贷款余额", en: "New NPL balance" },
  examFails: { zh: "考试不合格次数", en: "Failed exams" },
  penalties: { zh: "经济处罚次数", en: "Economic penalties" },
  criticisms: { zh: "通报批评次数", en: "Circulated criticisms" },
  seriousViolations: { zh: "严重违规次数", en: "Serious violations" },
};

const KEYS = Object.keys(LABELS) as FieldKey[];

const useStyles = makeStyles({
  root: {
    marginTop: tokens.spacingVerticalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  badge: { marginRight: tokens.spacingHorizontalXS },
});

/** The form's starting texts: his figures, amounts in the workbook's unit. */
export function initialTexts(input: CreditWhatIfInput, policy: Policy): Record<FieldKey, string> {
  const f = figuresOf(input);
  const unit = policy.amountUnit;
  return {
    loanCount: String(f.loanCount),
    interestIncome: fromYuan(f.interestIncome, unit).toString(),
    newNpl: fromYuan(f.newNpl, unit).toString(),
    examFails: String(f.examFails),
    penalties: String(f.penalties),
    criticisms: String(f.criticisms),
    seriousViolations: String(f.seriousViolations),
  };
}

/** The texts read as figures (amounts → 元), or the errors per field. */
export function readFigures(
  texts: Record<FieldKey, string>,
  policy: Policy
): {
  figures: WhatIfFigures | null;
  errors: Partial<Record<FieldKey, { zh: string; en: string }>>;
} {
  const unit = policy.amountUnit;
  const errors: Partial<Record<FieldKey, { zh: string; en: string }>> = {};
  const values = {} as Record<FieldKey, number>;
  for (const k of KEYS) {
    const p: Parsed<number> = AMOUNTS.includes(k)
      ? parseNonNegative(texts[k], { unit })
      : parseInt0(texts[k]);
    if (p.ok) values[k] = p.value;
    else errors[k] = texts[k].trim() === "" ? { zh: "请填写", en: "required" } : p;
  }
  if (Object.keys(errors).length > 0) return { figures: null, errors };
  return {
    figures: {
      loanCount: values.loanCount,
      interestIncome: toYuan(dec(values.interestIncome), unit),
      newNpl: toYuan(dec(values.newNpl), unit),
      examFails: values.examFails,
      penalties: values.penalties,
      criticisms: values.criticisms,
      seriousViolations: values.seriousViolations,
    },
    errors,
  };
}

export function WhatIfForm(props: WhatIfFormProps): React.JSX.Element {
  const t = useT();
  const { lang } = useLang();
  const styles = useStyles();
  const { input, policy } = props;
  const start = React.useMemo(() => initialTexts(input, policy), [input, policy]);
  const [texts, setTexts] = React.useState(start);
  React.useEffect(() => setTexts(start), [start]);

  const before = React.useMemo(() => {
    try {
      return whatIfAssess(input, figuresOf(input), policy);
    } catch {
      return null;
    }
  }, [input, policy]);
  const read = React.useMemo(() => readFigures(texts, policy), [texts, policy]);
  const outcome = React.useMemo((): { r: WhatIfResult } | { zh: string; en: string } | null => {
    if (!read.figures) return null;
    try {
      return { r: whatIfAssess(input, read.figures, policy) };
    } catch (e) {
      if (isRuleError(e)) return { zh: e.zh, en: e.en };
      throw e;
    }
  }, [input, policy, read]);

  const unit = policy.amountUnit;
  const coef = (r: WhatIfResult) =>
    r.postCoefficient
      ? t(POST_COEFFICIENT_TEXT, POST_COEFFICIENT_TEXT_EN)
      : r.wageCoefficient === null
        ? t(`无（${DISQUALIFIED}）`, `none (${DISQUALIFIED})`)
        : String(r.wageCoefficient);
  const changed = KEYS.some((k) => texts[k] !== start[k]);

  return (
    <section className={styles.root} aria-label={t("假设分析", "What-if")}>
      <Subtitle2 as="h4">{t("假设分析", "What-if")}</Subtitle2>
      <Caption1>
        {t(
          `修改 ${input.name}（${input.employeeId}）的数据，立即按规则重算总分、等级和工资系数；${input.branchType}平均值随本人数据变动。仅供测算，不写入工作表。`,
          `Change the figures of ${input.name} (${input.employeeId}) to recompute the score, grade ` +
            `and wage coefficient at once; the ${input.branchType} averages move with his own. For ` +
            `estimates only: nothing is written to the sheet.`
        )}
      </Caption1>
      <div className={styles.grid}>
        {KEYS.map((k) => {
          const err = read.errors[k];
          const label = AMOUNTS.includes(k)
            ? `${t(LABELS[k].zh, LABELS[k].en)}（${unit}）`
            : t(LABELS[k].zh, LABELS[k].en);
          return (
            <Field
              key={k}
              label={label}
              validationState={err ? "error" : "none"}
              validationMessage={err ? t(err.zh, err.en) : undefined}
            >
              <Input
                value={texts[k]}
                inputMode="decimal"
                onChange={(_, d) => setTexts((prev) => ({ ...prev, [k]: d.value }))}
              />
            </Field>
          );
        })}
      </div>
      <div>
        <Button size="small" disabled={!changed} onClick={() => setTexts(start)}>
          {t("恢复原值", "Reset")}
        </Button>
      </div>
      {outcome && "zh" in outcome && (
        <MessageBar intent="error">
          <MessageBarBody>{t(outcome.zh, outcome.en)}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && "r" in outcome && (
        <>
          <Body1 as="p" aria-label={t("假设结果", "What-if result")}>
            {t(
              `总分 ${outcome.r.total.toFixed(2)}${before ? `（原 ${before.total.toFixed(2)}）` : ""}，等级 ` +
                `${outcome.r.finalGrade}${before ? `（原 ${before.finalGrade}）` : ""}，工资系数 ${coef(outcome.r)}`,
              `Score ${outcome.r.total.toFixed(2)}${before ? ` (was ${before.total.toFixed(2)})` : ""}, ` +
                `grade ${outcome.r.finalGrade}${before ? ` (was ${before.finalGrade})` : ""}, wage ` +
                `coefficient ${coef(outcome.r)}`
            )}
          </Body1>
          <Caption1>
            {t(
              `${input.branchType}平均：贷款笔数 ${outcome.r.avgLoanCount.toDecimalPlaces(2).toString()}，利息收入 ` +
                `${fmtMoney(fromYuan(outcome.r.avgIncome, unit))} ${unit}`,
              `${input.branchType} averages: loans ` +
                `${outcome.r.avgLoanCount.toDecimalPlaces(2).toString()}, interest income ` +
                `${fmtMoney(fromYuan(outcome.r.avgIncome, unit))} ${unit}`
            )}
          </Caption1>
          <ol className={styles.list} aria-label={t("假设分析说明", "What-if explanation")}>
            {outcome.r.steps.map((s, i) => (
              <li key={i}>
                {s.kind === "cap" && (
                  <Badge className={styles.badge} appearance="tint" color="danger" size="small">
                    {t("封顶", "cap")}
                  </Badge>
                )}
                {renderStep(s, lang)}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

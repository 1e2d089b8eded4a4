/**
 * The explanation of a summary row: when the user selects a row in 等级汇总 or 退休买断, the
 * pane shows how that row was computed — the inputs, each article applied, the caps and the
 * interpretations — rendered by src/rules/explain.ts in the current language.
 *
 * The selection handlers are registered on those sheets through the page's api (Office
 * Worksheet.onSelectionChanged); they are registered again whenever `sheetsVersion` changes
 * (new sheets were written) and removed when the panel unmounts. The explanations come from
 * the last generation of this session; without one they are recomputed once from the workbook
 * (and the panel says so). A 等级汇总 row's 距上一等级 (the steps A_NEXT_*, rules/a/next.ts) is
 * shown apart, under the steps, as the column's text in the current language.
 */
import * as React from "react";
import {
  Badge,
  Body1,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import type { ExplainStep, StepKind } from "../../core/explain";
import type { SelectedSummaryRow, SummaryPaneApi } from "../../excel/summaries";
import { renderStep, SOURCE_TITLES } from "../../rules/explain";
import { isNextStep, renderNextSteps } from "../../rules/a/next";
import type { SummaryId } from "../../summary/common";
import { useLang, useT } from "../i18n";
import { WhatIf } from "./WhatIf";
import type { WhatIfData } from "./WhatIf";

export type ExplanationMap = Partial<Record<SummaryId, Record<string, ExplainStep[]>>>;

export interface ExplainPanelProps {
  api: SummaryPaneApi;
  /** explanations of the sheets made in this session (null: none yet) */
  explanations: ExplanationMap | null;
  /** changes when new sheets were written (the handlers are registered again) */
  sheetsVersion: number;
  /** (issue 18) 等级汇总's what-if inputs of this session's generation, with its policy */
  whatIf?: WhatIfData | null;
}

const useStyles = makeStyles({
  root: {
    marginTop: tokens.spacingVerticalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: { lineHeight: tokens.lineHeightBase300 },
  badge: { marginRight: tokens.spacingHorizontalXS },
});

const KIND_LABEL: Partial<
  Record<
    StepKind,
    { zh: string; en: string; color: "danger" | "warning" | "informative" | "success" }
  >
> = {
  cap: { zh: "封顶", en: "cap", color: "danger" },
  interpretation: { zh: "解释", en: "interpretation", color: "informative" },
  warning: { zh: "注意", en: "note", color: "warning" },
  result: { zh: "结果", en: "result", color: "success" },
};

/** The steps of a selected row, or undefined when the map has no entry for it. */
export function stepsFor(
  map: ExplanationMap | null,
  row: SelectedSummaryRow
): ExplainStep[] | undefined {
  return map?.[row.summary]?.[row.key];
}

export function ExplainPanel(props: ExplainPanelProps): React.JSX.Element {
  const t = useT();
  const { lang } = useLang();
  const styles = useStyles();
  const { api, explanations, sheetsVersion } = props;
  const [row, setRow] = React.useState<SelectedSummaryRow | null>(null);
  const [recomputed, setRecomputed] = React.useState<ExplanationMap | null>(null);
  const [loading, setLoading] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    let remove: (() => Promise<void>) | null = null;
    let cancelled = false;
    Promise.resolve()
      .then(() => api.watchSelection((r) => setRow(r)))
      .then(
        (rm) => {
          if (cancelled) void rm().catch(() => undefined);
          else remove = rm;
        },
        (e: unknown) => setError(e instanceof Error ? e.message : String(e))
      );
    return () => {
      cancelled = true;
      if (remove) void remove().catch(() => undefined);
    };
  }, [api, sheetsVersion]);

  // a selection this session's explanations do not cover: recompute once from the workbook
  const own = row ? stepsFor(explanations, row) : undefined;
  React.useEffect(() => {
    if (!row || own || recomputed || loading) return;
    setLoading(true);
    Promise.resolve()
      .then(() => api.explanations())
      .then(
        (m) => {
          setRecomputed(m);
          setLoading(false);
        },
        (e: unknown) => {
          setError(e instanceof Error ? e.message : String(e));
          setLoading(false);
        }
      );
  }, [api, row, own, recomputed, loading]);

  const all = own ?? (row ? stepsFor(recomputed, row) : undefined);
  const fromRecompute = !own && all !== undefined;
  // 距上一等级 (issue 18): a 等级汇总 row's next-grade steps, shown as one line under the steps
  const steps = all?.filter((s) => !isNextStep(s));
  const next = all?.filter(isNextStep) ?? [];

  return (
    <section className={styles.root} aria-live="polite" aria-label={t("行说明", "Row explanation")}>
      <Subtitle2 as="h3">{t("行说明", "Row explanation")}</Subtitle2>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            {t(`无法读取选中的行：${error}`, `Cannot read the selected row: ${error}`)}
          </MessageBarBody>
        </MessageBar>
      )}
      {!row && (
        <Caption1>
          {t(
            "在“等级汇总”或“退休买断”工作表中选中一行，这里将显示该行的计算依据：所用数据、适用条款、封顶和解释。",
            "Select a row in a 等级汇总 (grade roster) or 退休买断 (buyout) sheet to see how it was " +
              "computed: the figures used, the articles applied, caps and interpretations."
          )}
        </Caption1>
      )}
      {row && (
        <Body1 as="p">
          {row.summary === "grades"
            ? t(
                `${row.sheet} 第 ${row.row} 行：员工号 ${row.employeeId}`,
                `${row.sheet} row ${row.row}: employee ${row.employeeId}`
              )
            : row.loanId === "合计"
              ? t(
                  `${row.sheet} 第 ${row.row} 行：员工号 ${row.employeeId} 的合计`,
                  `${row.sheet} row ${row.row}: totals of employee ${row.employeeId}`
                )
              : t(
                  `${row.sheet} 第 ${row.row} 行：员工号 ${row.employeeId}，贷款 ${row.loanId}`,
                  `${row.sheet} row ${row.row}: employee ${row.employeeId}, loan ${row.loanId}`
                )}
        </Body1>
      )}
      {row && loading && !steps && (
        <Spinner size="tiny" label={t("正在计算说明…", "Computing the explanation…")} />
      )}
      {row && !loading && !steps && recomputed && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t(
              "未找到该行的说明：工作簿数据可能已更改，请重新生成汇总表。",
              "No explanation for this row: the workbook's data may have changed; generate the summaries again."
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {steps && (
        <>
          <Caption1>
            {SOURCE_TITLES[steps[0]?.source ?? "A"][lang]}
            {fromRecompute
              ? t(
                  "（根据工作簿当前数据重新计算）",
                  " (recomputed from the workbook's current data)"
                )
              : ""}
          </Caption1>
          <ol className={styles.list}>
            {steps.map((s, i) => {
              const k = KIND_LABEL[s.kind];
              return (
                <li key={i} className={styles.item}>
                  {k && (
                    <Badge className={styles.badge} appearance="tint" color={k.color} size="small">
                      {k[lang]}
                    </Badge>
                  )}
                  {renderStep(s, lang)}
                </li>
              );
            })}
          </ol>
          {next.length > 0 && (
            <div role="group" aria-label={t("距上一等级", "Next grade")}>
              <Caption1 as="h4">{t("距上一等级", "Next grade")}</Caption1>
              <Body1 as="p">{renderNextSteps(next, lang)}</Body1>
            </div>
          )}
        </>
      )}
      {row?.summary === "grades" && <WhatIf data={props.whatIf ?? null} id={row.key} />}
    </section>
  );
}

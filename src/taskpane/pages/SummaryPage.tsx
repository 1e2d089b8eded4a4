/**
 * 汇总 page: choose the summaries, generate them into new sheets, open them, explain a row.
 *
 * - A first read of the workbook decides which summaries the data allows; the others are shown
 *   disabled with the reason (which sheet or column is missing).
 * - 生成 builds the chosen summaries with the same code as the CLI (src/excel/summaries.ts →
 *   src/summary/build.ts) and writes each to a NEW sheet, with a progress bar.
 * - The report lists the new sheets as buttons that activate them, the skipped summaries with
 *   their reason, and the count of data issues (rows with errors are left out).
 * - Below, the explanation of the row selected in 等级汇总 or 退休买断 (ExplainPanel).
 *
 * `api` is the Excel side (src/excel/summaries.ts); tests pass a fake.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { countIssues } from "../../summary/issuesSheet";
import type { Availability } from "../../summary/availability";
import type { SummaryId } from "../../summary/common";
import { SUMMARIES } from "../../summary/common";
import type { GeneratedSummaries, SummaryPaneApi, SummaryProgress } from "../../excel/summaries";
import { excelSummaryPaneApi } from "../../excel/summaries";
import { useOfficeHost } from "../host";
import { useLang, useT } from "../i18n";
import { ExplainPanel } from "./ExplainPanel";
import type { ExplanationMap } from "./ExplainPanel";
import type { WhatIfData } from "./WhatIf";
import { VerifyPanel } from "./VerifyPanel";
import type { VerifyPaneApi } from "../../excel/verify";

export interface SummaryPageProps {
  /** the Excel side; default: the real one (used only inside Excel) */
  api?: SummaryPaneApi;
  /** the 核对汇总 side; default: the real one */
  verifyApi?: VerifyPaneApi;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  options: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  option: { display: "flex", flexDirection: "column" },
  reason: { marginLeft: "32px", color: tokens.colorPaletteRedForeground1 },
  detail: { marginLeft: "32px", color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  links: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXXS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
});

/** What the report shows of a generation. */
interface Report {
  sheets: { id: SummaryId; name: string; rows: number; totals: number }[];
  skipped: { name: string; reasonZh: string; reasonEn: string }[];
  errors: number;
  warnings: number;
  /** (issue 18) the workbook's 上年… sheets used (上年等级 / 变化, inputs derived where blank); null: none */
  lastYear: string[] | null;
}

export function reportOf(g: GeneratedSummaries): Report {
  const n = countIssues(g.issues);
  return {
    sheets: g.models.map((m, i) => ({
      id: g.ids[i],
      name: g.sheetNames[i],
      rows: m.rows.length - (m.totalRows?.length ?? 0),
      totals: m.totalRows?.length ?? 0,
    })),
    skipped: g.skipped.map((s) => ({ name: s.name, reasonZh: s.reasonZh, reasonEn: s.reasonEn })),
    errors: n.error,
    warnings: n.warning,
    lastYear: g.lastYear ? g.lastYear.sheets : null,
  };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Runs an api call so that a synchronous throw (e.g. Excel not loaded) becomes a rejection the page shows. */
export function attempt<T>(f: () => Promise<T>): Promise<T> {
  return Promise.resolve().then(f);
}

export function SummaryPage(props: SummaryPageProps = {}): React.JSX.Element {
  const t = useT();
  const { lang } = useLang();
  const styles = useStyles();
  const { inExcel } = useOfficeHost();
  const api = props.api ?? excelSummaryPaneApi;
  const active = inExcel || props.api !== undefined;

  const [availability, setAvailability] = React.useState<Record<SummaryId, Availability> | null>(
    null
  );
  const [checking, setChecking] = React.useState(false);
  const [selected, setSelected] = React.useState<Set<SummaryId>>(new Set());
  const [progress, setProgress] = React.useState<SummaryProgress | null>(null);
  const [report, setReport] = React.useState<Report | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [explanations, setExplanations] = React.useState<ExplanationMap | null>(null);
  const [sheetsVersion, setSheetsVersion] = React.useState(0);
  const [whatIf, setWhatIf] = React.useState<WhatIfData | null>(null);
  const running = progress !== null;

  const check = React.useCallback(() => {
    setChecking(true);
    setError(null);
    attempt(() => api.availability()).then(
      (a) => {
        setAvailability(a);
        // (issue 19) 考核通知单 and 公示名单 (optIn) are offered unchecked
        setSelected(
          new Set(
            SUMMARIES.filter((s) => !s.optIn)
              .map((s) => s.id)
              .filter((id) => a[id].available)
          )
        );
        setChecking(false);
      },
      (e: unknown) => {
        setError(message(e));
        setChecking(false);
      }
    );
  }, [api]);

  React.useEffect(() => {
    if (active) check();
  }, [active, check]);

  const toggle = (id: SummaryId, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const generate = () => {
    const only = SUMMARIES.map((s) => s.id).filter((id) => selected.has(id));
    setError(null);
    setReport(null);
    setProgress({ fraction: 0, zh: "开始…", en: "Starting…" });
    attempt(() => api.generate(only, (p) => setProgress(p))).then(
      (g) => {
        setReport(reportOf(g));
        setExplanations(g.explanations);
        setWhatIf(g.whatIf ? { policy: g.policy, inputs: g.whatIf } : null);
        setSheetsVersion((v) => v + 1);
        setProgress(null);
      },
      (e: unknown) => {
        setError(message(e));
        setProgress(null);
      }
    );
  };

  const open = (name: string) => {
    attempt(() => api.activate(name)).catch((e: unknown) => setError(message(e)));
  };

  return (
    <section className={styles.root}>
      <Subtitle2 as="h2">{t("生成汇总表", "Generate summaries")}</Subtitle2>
      <Body1 as="p">
        {t(
          "根据工作簿数据和政策参数生成汇总表，每张写入新的工作表（名称已存在时加 (2)、(3) 后缀），从不覆盖已有工作表；有错误的数据行不计入，并在标题行注明。",
          "Builds the summaries from the workbook's data and policy, each on a new sheet (suffixed " +
            "(2), (3) when the name is taken), never overwriting a sheet; rows with data errors are " +
            "left out and counted in the title line."
        )}
      </Body1>
      {!active && (
        <MessageBar intent="info">
          <MessageBarBody>
            {t(
              "需要在 Excel 中打开本任务窗格才能生成汇总表。",
              "Open this pane in Excel to generate the summaries."
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {checking && <Spinner size="tiny" label={t("正在读取工作簿…", "Reading the workbook…")} />}

      <fieldset
        className={styles.options}
        aria-label={t("选择汇总表", "Choose the summaries")}
        style={{ border: "none", padding: 0, margin: 0 }}
      >
        {SUMMARIES.map((s) => {
          const a = availability?.[s.id];
          const enabled = active && !!a?.available && !running;
          return (
            <div key={s.id} className={styles.option}>
              <Checkbox
                label={`${s.name}\u3000${lang === "zh" ? s.titleZh : s.titleEn}`}
                checked={selected.has(s.id)}
                disabled={!enabled}
                onChange={(_, d) => toggle(s.id, d.checked === true)}
              />
              {a && !a.available && (
                <Caption1 className={styles.reason}>
                  {t(`不可用：${a.reasonZh}`, `Not available: ${a.reasonEn}`)}
                </Caption1>
              )}
              {a && a.available && a.absentOptional.length > 0 && (
                <Caption1 className={styles.detail}>
                  {t(
                    `缺少可选列 ${a.absentOptional.map((o) => o.column).join("、")}：相关规则不适用`,
                    `Optional columns absent (${a.absentOptional.map((o) => o.column).join(", ")}): the rules that need them are not applied`
                  )}
                </Caption1>
              )}
            </div>
          );
        })}
      </fieldset>

      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={!active || running || checking || selected.size === 0}
          onClick={generate}
        >
          {t("生成", "Generate")}
        </Button>
        <Button disabled={!active || running || checking} onClick={check}>
          {t("重新读取工作簿", "Read the workbook again")}
        </Button>
      </div>

      {progress && (
        <Field
          validationMessage={t(progress.zh, progress.en)}
          validationState="none"
          label={t("进度", "Progress")}
        >
          <ProgressBar
            value={progress.fraction}
            max={1}
            aria-label={t("生成进度", "Generation progress")}
          />
        </Field>
      )}

      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t("出错了", "Something went wrong")}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}

      {report && (
        <MessageBar intent={report.errors > 0 ? "warning" : "success"} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {t(
                `已生成 ${report.sheets.length} 张汇总表`,
                `${report.sheets.length} summar${report.sheets.length === 1 ? "y" : "ies"} written`
              )}
            </MessageBarTitle>
            {report.errors + report.warnings > 0 &&
              t(
                `数据问题：错误 ${report.errors}，警告 ${report.warnings}（有错误的行未计入，详见“校验结果”工作表）`,
                `Data issues: ${report.errors} errors, ${report.warnings} warnings (rows with errors are left out; see the 校验结果 sheet)`
              )}
            {report.lastYear && (
              <div>
                {t(
                  `已使用上年表：${report.lastYear.join("、")}（上年等级、变化列；空白的现等级等由上年补入，填写的值不被替换）`,
                  `Last year's sheets used: ${report.lastYear.join(", ")} (上年等级 / 变化 columns; blank inputs such as 现等级 filled in from them, typed values kept)`
                )}
              </div>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {report && report.sheets.length > 0 && (
        <ul className={styles.links} aria-label={t("新工作表", "New sheets")}>
          {report.sheets.map((s) => (
            <li key={s.name}>
              <Button appearance="transparent" size="small" onClick={() => open(s.name)}>
                {t(
                  `打开“${s.name}”（${s.rows} 行${s.totals > 0 ? `，${s.totals} 个合计行` : ""}）`,
                  `Open ${s.name} (${s.rows} rows${s.totals > 0 ? `, ${s.totals} totals` : ""})`
                )}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {report && report.skipped.length > 0 && (
        <ul className={styles.links} aria-label={t("已跳过", "Skipped")}>
          {report.skipped.map((s) => (
            <li key={s.name}>
              <Caption1>
                {t(`跳过“${s.name}”：${s.reasonZh}`, `Skipped ${s.name}: ${s.reasonEn}`)}
              </Caption1>
            </li>
          ))}
        </ul>
      )}

      {active && <VerifyPanel api={props.verifyApi} disabled={running} />}
      {active && (
        <ExplainPanel
          api={api}
          explanations={explanations}
          sheetsVersion={sheetsVersion}
          whatIf={whatIf}
        />
      )}
    </section>
  );
}

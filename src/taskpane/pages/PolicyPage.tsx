/**
 * 政策参数 page: the year's policy grouped by rule set, every parameter with its label, article
 * and unit, editable with inline validation; 保存到工作表 writes the 政策参数 sheet and
 * recalculates every CM.* formula; 恢复默认 per parameter or for all; 读取工作表 reloads; a
 * year switch shows another year's policy.
 *
 * The page only wires: parsing and checks are src/policy (checkDraft), Office calls are
 * src/excel/policy.ts.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { ArrowReset20Regular, ArrowSync20Regular, Save20Regular } from "@fluentui/react-icons";
import type { Issue } from "../../core/issues";
import {
  loadWorkbookPolicy,
  loadWorkbookPolicyOnce,
  PolicyWriteError,
  watchPolicySheet,
  writePolicySheet,
} from "../../excel/policy";
import { defaultPolicy } from "../../policy/defaults";
import { getParam, POLICY_SCHEMA } from "../../policy/schema";
import { activePolicy, onPolicyChange } from "../../policy/store";
import type { Policy } from "../../policy/types";
import { checkDraft, draftOf, paramText, type PolicyDraft } from "../../policy/validate";
import { useOfficeHost } from "../host";
import { useLang, useT } from "../i18n";
import { PolicyParams } from "./PolicyParams";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-end",
    marginBottom: tokens.spacingVerticalM,
  },
  gap: { marginBottom: tokens.spacingVerticalM },
  issues: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Years offered by the year switch: around this year and the policy's year. */
function yearOptions(years: number[]): number[] {
  const lo = Math.max(1999, Math.min(...years) - 5);
  const hi = Math.min(2100, Math.max(...years) + 3);
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

function issueLine(i: Issue, lang: "zh" | "en"): string {
  const where = i.cell ? `${i.sheet}!${i.cell}` : i.sheet;
  return `${where}：${lang === "zh" ? i.message : (i.messageEn ?? i.message)}`;
}

export function PolicyPage(): React.JSX.Element {
  const t = useT();
  const { lang } = useLang();
  const { inExcel } = useOfficeHost();
  const styles = useStyles();

  const [base, setBase] = React.useState<Policy>(() => activePolicy());
  const [draft, setDraft] = React.useState<PolicyDraft>(() => draftOf(activePolicy()));
  const [sheetIssues, setSheetIssues] = React.useState<Issue[]>([]);
  const [status, setStatus] = React.useState<{
    intent: "success" | "error" | "info";
    text: string;
  } | null>(null);
  const [busy, setBusy] = React.useState<"load" | "save" | null>(null);

  const year = base.year;
  const defaults = React.useMemo(() => defaultPolicy(year), [year]);
  const check = React.useMemo(() => checkDraft(draft, base), [draft, base]);
  const changed = React.useMemo(
    () => POLICY_SCHEMA.filter((d) => draft[d.key] !== paramText(d, getParam(base, d))).length,
    [draft, base]
  );
  const changedRef = React.useRef(changed);
  changedRef.current = changed;

  const show = React.useCallback((p: Policy) => {
    setBase(p);
    setDraft(draftOf(p));
  }, []);

  const load = React.useCallback(
    async (first: boolean) => {
      setBusy("load");
      setStatus(null);
      try {
        const r = await (first ? loadWorkbookPolicyOnce() : loadWorkbookPolicy());
        show(r.policy);
        setSheetIssues(r.issues.filter((i) => i.severity !== "info" || !r.found));
        if (!first)
          setStatus({
            intent: "success",
            text: r.found
              ? t("已读取“政策参数”工作表", "The 政策参数 sheet was read")
              : t(
                  "工作簿中没有政策参数表，显示默认值",
                  "The workbook has no policy table; showing the defaults"
                ),
          });
      } catch (e) {
        setStatus({
          intent: "error",
          text: `${t("读取失败", "Reading failed")}：${e instanceof Error ? e.message : String(e)}`,
        });
      } finally {
        setBusy(null);
      }
    },
    [show, t]
  );

  React.useEffect(() => {
    if (inExcel) void load(true);
  }, [inExcel, load]);

  // the sheet was edited by hand and reloaded: follow it unless the page holds unsaved edits
  React.useEffect(
    () =>
      onPolicyChange(() => {
        if (changedRef.current === 0) show(activePolicy());
      }),
    [show]
  );

  const onChange = React.useCallback((key: string, text: string) => {
    setStatus(null);
    setDraft((d) => ({ ...d, [key]: text }));
  }, []);

  const switchYear = (y: number) => {
    setStatus(null);
    show(activePolicy(y));
  };

  const resetAll = () => {
    setStatus(null);
    // the amount unit describes the workbook's columns: it is kept
    setDraft({ ...draftOf(defaults), 金额单位: draft["金额单位"] });
  };

  const save = async () => {
    if (!check.policy) return;
    setBusy("save");
    setStatus(null);
    try {
      const r = await writePolicySheet(check.policy);
      show(check.policy);
      setSheetIssues([]);
      if (r.created) void watchPolicySheet().catch(() => false);
      setStatus({
        intent: "success",
        text: t(
          "已写入“政策参数”工作表，全部公式已按新参数重新计算",
          "Written to the 政策参数 sheet; every formula was recalculated"
        ),
      });
    } catch (e) {
      const text =
        e instanceof PolicyWriteError
          ? lang === "zh"
            ? e.message
            : e.en
          : e instanceof Error
            ? e.message
            : String(e);
      setStatus({ intent: "error", text: `${t("保存失败", "Saving failed")}：${text}` });
    } finally {
      setBusy(null);
    }
  };

  const errorCount = Object.keys(check.errors).length;

  return (
    <section aria-label={t("政策参数", "Policy parameters")}>
      <Subtitle2 block as="h2">
        {t("政策参数", "Policy parameters")}
      </Subtitle2>
      <Body1 block as="p" className={styles.gap}>
        {t(
          "修改后点“保存到工作表”：参数写入“政策参数”工作表，所有 CM.* 公式按新参数重新计算。金额一律以元填写；比例填小数（0.05）或百分数（5%）。",
          "Edit and press Save: the parameters go to the 政策参数 sheet and every CM.* formula recalculates. Amounts are in yuan; shares as 0.05 or 5%."
        )}
      </Body1>
      {!inExcel ? (
        <MessageBar intent="info" className={styles.gap}>
          <MessageBarBody>
            {t(
              "未在 Excel 中运行：可以查看和校验参数，保存与读取工作表需要 Excel。",
              "Not running in Excel: you can view and check the parameters; saving and reading the sheet need Excel."
            )}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      <div className={styles.bar}>
        <Field label={t("年度", "Year")}>
          <Select value={String(year)} onChange={(_, data) => switchYear(Number(data.value))}>
            {yearOptions([year, new Date().getFullYear()]).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          appearance="primary"
          icon={busy === "save" ? <Spinner size="tiny" /> : <Save20Regular />}
          disabled={!inExcel || busy !== null || !check.policy}
          onClick={() => void save()}
        >
          {t("保存到工作表", "Save to sheet")}
        </Button>
        <Button
          icon={<ArrowReset20Regular />}
          disabled={busy !== null}
          onClick={resetAll}
          title={t(
            "全部恢复为该年度默认值（金额单位保留）",
            "Reset all to the year's defaults (the amount unit is kept)"
          )}
        >
          {t("全部恢复默认", "Reset all")}
        </Button>
        <Button
          icon={busy === "load" ? <Spinner size="tiny" /> : <ArrowSync20Regular />}
          disabled={!inExcel || busy !== null}
          onClick={() => void load(false)}
        >
          {t("读取工作表", "Read the sheet")}
        </Button>
      </div>

      <div role="status" aria-live="polite">
        {status ? (
          <MessageBar intent={status.intent} className={styles.gap}>
            <MessageBarBody>{status.text}</MessageBarBody>
          </MessageBar>
        ) : null}
        {errorCount > 0 ? (
          <MessageBar intent="error" className={styles.gap}>
            <MessageBarBody>
              {t(
                `有 ${errorCount} 个参数需要更正，更正后才能保存`,
                `${errorCount} parameter(s) must be corrected before saving`
              )}
            </MessageBarBody>
          </MessageBar>
        ) : changed > 0 ? (
          <Caption1 block className={styles.gap}>
            {t(`${changed} 个参数已修改，尚未保存`, `${changed} parameter(s) changed, not saved`)}
          </Caption1>
        ) : null}
      </div>

      {sheetIssues.length > 0 ? (
        <MessageBar
          intent={sheetIssues.some((i) => i.severity === "error") ? "error" : "warning"}
          className={styles.gap}
        >
          <MessageBarBody>
            <MessageBarTitle>
              {t(
                `工作表中的政策参数有 ${sheetIssues.length} 个问题（有误的值已按默认值计算）`,
                `${sheetIssues.length} issue(s) in the policy sheet (wrong values use the defaults)`
              )}
            </MessageBarTitle>
            <ul className={styles.issues}>
              {sheetIssues.map((i, n) => (
                <li key={n}>{issueLine(i, lang)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}

      <PolicyParams base={base} draft={draft} check={check} onChange={onChange} />
    </section>
  );
}

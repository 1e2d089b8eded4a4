/**
 * (issue 19 item 4) 核对汇总, on the 汇总 page: remakes every summary sheet of the workbook from its
 * input sheets and policy and lists each cell that differs (values, not formatting —
 * src/summary/verify.ts), each a button that takes the user to the cell; the same comparison as
 * `cm-addin verify`. `api` is the Excel side (src/excel/verify.ts); tests pass a fake.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import type { VerifyPaneApi } from "../../excel/verify";
import { excelVerifyPaneApi } from "../../excel/verify";
import type { VerifyReport } from "../../summary/verify";
import { useT } from "../i18n";
import { MAX_SHOWN } from "./ValidatePage";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXXS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
});

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function VerifyPanel(props: { api?: VerifyPaneApi; disabled?: boolean }): React.JSX.Element {
  const t = useT();
  const styles = useStyles();
  const api = props.api ?? excelVerifyPaneApi;
  const [busy, setBusy] = React.useState(false);
  const [report, setReport] = React.useState<VerifyReport | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  const verify = () => {
    setBusy(true);
    setError(null);
    setReport(null);
    Promise.resolve()
      .then(() => api.verify())
      .then(
        (r) => {
          setReport(r);
          setBusy(false);
        },
        (e: unknown) => {
          setError(message(e));
          setBusy(false);
        }
      );
  };
  const go = (sheet: string, cell: string) => {
    Promise.resolve()
      .then(() => api.selectCell(sheet, cell))
      .catch((e: unknown) => setError(message(e)));
  };
  const n = report?.differences.length ?? 0;

  return (
    <section className={styles.root} aria-label={t("核对汇总", "Verify the summaries")}>
      <Subtitle2 as="h3">{t("核对汇总", "Verify the summaries")}</Subtitle2>
      <Body1 as="p">
        {t(
          "按工作簿中的输入表与政策参数重算各汇总表，逐格比较单元格的值（不比较格式），列出手工改动或数据变动造成的不同之处。",
          "Remakes every summary sheet from the workbook's input sheets and policy and compares " +
            "the cell values (not formatting), listing what a hand edit or a change of the data made " +
            "different."
        )}
      </Body1>
      <div>
        <Button disabled={busy || props.disabled === true} onClick={verify}>
          {t("核对汇总", "Verify")}
        </Button>
      </div>
      {busy && <Spinner size="tiny" label={t("正在核对…", "Verifying…")} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t("核对未完成", "Could not verify")}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      {report && (
        <MessageBar intent={report.sheets.length === 0 ? "info" : n === 0 ? "success" : "warning"}>
          <MessageBarBody>
            {report.sheets.length === 0
              ? t("工作簿中没有汇总表，无可核对。", "The workbook has no summary sheet to verify.")
              : n === 0
                ? t(
                    `${report.sheets.length} 张汇总表全部一致。`,
                    `All ${report.sheets.length} summaries agree.`
                  )
                : t(
                    `共 ${n} 处不同（${report.sheets
                      .filter((s) => s.differences > 0)
                      .map((s) => s.sheet)
                      .join("、")}）`,
                    `${n} differences (${report.sheets
                      .filter((s) => s.differences > 0)
                      .map((s) => s.sheet)
                      .join(", ")})`
                  )}
          </MessageBarBody>
        </MessageBar>
      )}
      {report && n > MAX_SHOWN && (
        <Caption1>
          {t(
            `仅显示前 ${MAX_SHOWN} 处；全部请用 cm-addin verify。`,
            `The first ${MAX_SHOWN} are shown; cm-addin verify lists them all.`
          )}
        </Caption1>
      )}
      {report && n > 0 && (
        <ul className={styles.list} aria-label={t("不同之处", "Differences")}>
          {report.differences.slice(0, MAX_SHOWN).map((d, i) => (
            <li key={`${d.sheet}!${d.cell}#${i}`}>
              <Button appearance="transparent" size="small" onClick={() => go(d.sheet, d.cell)}>
                {`${d.cell ? `${d.sheet}!${d.cell}` : d.sheet}  ${d.message}`}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

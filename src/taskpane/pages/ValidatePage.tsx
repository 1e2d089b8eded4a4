/**
 * 校验 page (issue 5): one click reads and validates the whole workbook, then lists the issues
 * grouped by sheet and severity with the counts at the top; each issue selects its cell (click
 * or keyboard); a filter by severity and text; export of the list to a new 校验结果 sheet;
 * highlighting of the bad cells that a second click removes (every previous fill restored);
 * 插入模板 adds the template sheets the workbook lacks. Validation never changes a value.
 * (rev 2) Compliance findings (合规提示, RULES.md A13) are their own group after the data issues,
 * with their own count and filter check box, never counted as 错误 or 警告.
 *
 * The page only wires: the Office calls are in src/excel/* (through `api`, which tests replace),
 * the reading and checks in src/reader, the sheets in src/summary.
 */
import * as React from "react";
import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import type { Issue } from "../../core/issues";
import { readOpenWorkbookGrid } from "../../excel/read";
import { selectCell } from "../../excel/navigate";
import { clearHighlight, highlightIssues, isHighlighted } from "../../excel/highlight";
import type { HighlightTarget } from "../../excel/highlight";
import { writeSheets } from "../../excel/write";
import type { WorkbookGrid } from "../../core/grid";
import { computeCheck } from "../../excel/compute";
import type { CheckView } from "../../excel/compute";
import { readPolicyFromGrid } from "../../policy/sheet";
import { currentYear } from "../../policy/store";
import { countIssues, issuesSheetModel } from "../../summary/issuesSheet";
import type { SheetModel } from "../../summary/model";
import { missingTemplateSheets } from "../../summary/template";
import { useOfficeHost } from "../host";
import { useT } from "../i18n";
import { IssueList } from "./IssueList";

// (the list itself is src/taskpane/pages/IssueList.tsx, shared with the offline page)
export { filterIssues, groupIssues, MAX_SHOWN } from "./IssueList";

/** The Excel side of the page. */
export interface ValidatePaneApi {
  /** `onProgress` after each read: rows read of all */
  readGrid(onProgress?: (done: number, total: number) => void): Promise<WorkbookGrid>;
  selectCell(sheet: string, cell: string): Promise<void>;
  highlight(targets: readonly HighlightTarget[]): Promise<number>;
  clearHighlight(): Promise<number>;
  isHighlighted(): boolean;
  /** adds each model as a NEW sheet; returns the names used */
  writeSheets(models: SheetModel[]): Promise<string[]>;
}

export const excelValidatePaneApi: ValidatePaneApi = {
  readGrid: readOpenWorkbookGrid,
  selectCell,
  highlight: highlightIssues,
  clearHighlight,
  isHighlighted,
  writeSheets: (models) => Excel.run((context) => writeSheets(context, models, { activate: true })),
};

export interface ValidatePageProps {
  /** the Excel side; default: the real one (used only inside Excel) */
  api?: ValidatePaneApi;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

interface Notice {
  intent: "success" | "info" | "error";
  text: string;
}

export function ValidatePage(props: ValidatePageProps = {}): React.JSX.Element {
  const t = useT();
  const styles = useStyles();
  const { inExcel } = useOfficeHost();
  const api = props.api ?? excelValidatePaneApi;
  const active = inExcel || props.api !== undefined;

  const [busy, setBusy] = React.useState<null | "validate" | "export" | "highlight" | "template">(
    null
  );
  const [result, setResult] = React.useState<CheckView | null>(null);
  const [readRows, setReadRows] = React.useState<{ done: number; total: number } | null>(null);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [highlighted, setHighlighted] = React.useState<boolean>(
    () => active && api.isHighlighted()
  );

  const run = <T,>(
    kind: NonNullable<typeof busy>,
    work: () => Promise<T>,
    done: (v: T) => void
  ) => {
    setBusy(kind);
    setNotice(null);
    work().then(
      (v) => {
        done(v);
        setBusy(null);
      },
      (e: unknown) => {
        setNotice({ intent: "error", text: message(e) });
        setBusy(null);
      }
    );
  };

  const validate = () =>
    run(
      "validate",
      async () => {
        setReadRows(null);
        const grid = await api.readGrid((done, total) => setReadRows({ done, total }));
        setReadRows(null);
        // in the pane's worker when there is one (src/excel/compute.ts): the runtime's thread stays free
        return computeCheck(grid);
      },
      (v) => setResult(v)
    );

  const exportSheet = () => {
    if (!result) return;
    run(
      "export",
      () =>
        api.writeSheets([
          issuesSheetModel(result.issues, result.policy, new Date(), result.ready.zh),
        ]),
      (names) =>
        setNotice({
          intent: "success",
          text: t(`已导出到新工作表“${names[0]}”`, `Exported to the new sheet "${names[0]}"`),
        })
    );
  };

  const toggleHighlight = () => {
    if (highlighted) {
      run(
        "highlight",
        () => api.clearHighlight(),
        (n) => {
          setHighlighted(false);
          setNotice({
            intent: "info",
            text: t(
              `已取消标出，${n} 个单元格恢复原来的填充`,
              `Highlight removed: ${n} cells have their previous fill back`
            ),
          });
        }
      );
    } else if (result) {
      run(
        "highlight",
        () => api.highlight(result.issues),
        (n) => {
          setHighlighted(true);
          setNotice({
            intent: "info",
            text: t(
              `已标出 ${n} 个有错误或警告的单元格`,
              `${n} cells with errors or warnings highlighted`
            ),
          });
        }
      );
    }
  };

  const insertTemplate = () =>
    run(
      "template",
      async () => {
        const grid = await api.readGrid();
        const models = missingTemplateSheets(grid, readPolicyFromGrid(grid, currentYear()).policy);
        return models.length === 0 ? [] : api.writeSheets(models);
      },
      (names) =>
        setNotice(
          names.length === 0
            ? {
                intent: "info",
                text: t(
                  "工作簿已包含全部输入表和政策参数表，未插入新工作表",
                  "The workbook already has every input table and the policy table; no sheet added"
                ),
              }
            : {
                intent: "success",
                text: t(
                  `已插入模板工作表：${names.join("、")}`,
                  `Template sheets added: ${names.join(", ")}`
                ),
              }
        )
    );

  const go = (i: Issue) => {
    api
      .selectCell(i.sheet, i.cell)
      .catch((e: unknown) => setNotice({ intent: "error", text: message(e) }));
  };

  const counts = result ? countIssues(result.issues) : null;

  return (
    <section className={styles.root} aria-busy={busy !== null}>
      <Subtitle2 as="h2">{t("校验工作簿", "Validate the workbook")}</Subtitle2>
      <Body1 as="p">
        {t(
          "读取整个工作簿（客户经理、贷款台账、公司客户、差错记录、风险预警、政策参数），检查每个单元格的类型、必填、取值、编号唯一、引用关系和日期；A13 台账规则的结果作为“合规提示”单独列出，不算错误。校验从不修改任何数值。",
          "Reads the whole workbook (managers, loan ledger, corporate customers, error log, " +
            "warnings, policy) and checks every cell's type, required values, allowed values, unique " +
            "ids, references and dates; the A13 ledger rules give compliance findings, listed apart " +
            "and never counted as errors. Validation never changes a value."
        )}
      </Body1>
      {!active && (
        <MessageBar intent="info">
          <MessageBarBody>
            {t("需要在 Excel 中打开本任务窗格才能校验。", "Open this pane in Excel to validate.")}
          </MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.actions}>
        <Button appearance="primary" disabled={!active || busy !== null} onClick={validate}>
          {t("校验整个工作簿", "Validate the whole workbook")}
        </Button>
        <Button disabled={!active || busy !== null} onClick={insertTemplate}>
          {t("插入模板", "Insert template")}
        </Button>
      </div>

      {busy === "validate" && (
        <Spinner
          size="small"
          label={
            readRows
              ? t(
                  `正在读取工作簿…（${readRows.done}/${readRows.total} 行）`,
                  `Reading the workbook… (${readRows.done}/${readRows.total} rows)`
                )
              : t("正在读取并校验工作簿…", "Reading and validating the workbook…")
          }
        />
      )}
      {busy !== null && busy !== "validate" && (
        <Spinner size="tiny" label={t("请稍候…", "Working…")} />
      )}

      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>
            {notice.intent === "error" && (
              <MessageBarTitle>{t("出错了", "Something went wrong")}</MessageBarTitle>
            )}
            {notice.text}
          </MessageBarBody>
        </MessageBar>
      )}

      {result && counts && (
        <IssueList
          result={result}
          onSelect={go}
          actions={
            <div className={styles.actions}>
              <Button disabled={busy !== null || result.issues.length === 0} onClick={exportSheet}>
                {t("导出到“校验结果”工作表", "Export to a 校验结果 sheet")}
              </Button>
              <Button
                disabled={busy !== null || (!highlighted && counts.error + counts.warning === 0)}
                onClick={toggleHighlight}
                aria-pressed={highlighted}
              >
                {highlighted
                  ? t("取消标出", "Remove highlight")
                  : t("标出问题单元格", "Highlight the cells")}
              </Button>
            </div>
          }
        />
      )}
    </section>
  );
}

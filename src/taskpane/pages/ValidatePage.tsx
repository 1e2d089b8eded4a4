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
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  SearchBox,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { Issue, Severity } from "../../core/issues";
import { CATEGORY_EN, CATEGORY_ZH, issuesOfCategory, SEVERITY_ZH } from "../../core/issues";
import { readOpenWorkbookGrid } from "../../excel/read";
import { selectCell } from "../../excel/navigate";
import { clearHighlight, highlightIssues, isHighlighted } from "../../excel/highlight";
import type { HighlightTarget } from "../../excel/highlight";
import { writeSheets } from "../../excel/write";
import type { WorkbookGrid } from "../../core/grid";
import { SCHEMA, TABLE_IDS } from "../../reader/schema";
import { computeCheck } from "../../excel/compute";
import type { CheckView } from "../../excel/compute";
import { readPolicyFromGrid } from "../../policy/sheet";
import { currentYear } from "../../policy/store";
import { countIssues, issuesSheetModel } from "../../summary/issuesSheet";
import type { SheetModel } from "../../summary/model";
import { missingTemplateSheets } from "../../summary/template";
import { useOfficeHost } from "../host";
import { useLang, useT } from "../i18n";

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

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const SEVERITY_EN: Record<Severity, string> = {
  error: "Errors",
  warning: "Warnings",
  info: "Notices",
};
const BADGE_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};
/** Issues rendered at most (the filter narrows the list). */
export const MAX_SHOWN = 500;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  counts: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    alignItems: "center",
  },
  filter: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  severities: { display: "flex", flexWrap: "wrap" },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: "2px",
  },
  item: {
    justifyContent: "flex-start",
    textAlign: "left",
    height: "auto",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    width: "100%",
    minWidth: 0,
  },
  itemText: { display: "flex", flexDirection: "column", alignItems: "flex-start", minWidth: 0 },
  where: { fontWeight: tokens.fontWeightSemibold },
  rule: { color: tokens.colorNeutralForeground3 },
  tables: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Issues grouped by sheet (in list order, the workbook-wide ones under ""), then by severity. */
export function groupIssues(
  issues: readonly Issue[]
): { sheet: string; bySeverity: { severity: Severity; issues: Issue[] }[] }[] {
  const sheets: string[] = [];
  const map = new Map<string, Issue[]>();
  for (const i of issues) {
    if (!map.has(i.sheet)) {
      map.set(i.sheet, []);
      sheets.push(i.sheet);
    }
    map.get(i.sheet)!.push(i);
  }
  return sheets.map((sheet) => ({
    sheet,
    bySeverity: SEVERITIES.map((severity) => ({
      severity,
      issues: map.get(sheet)!.filter((i) => i.severity === severity),
    })).filter((g) => g.issues.length > 0),
  }));
}

/** The issues a filter keeps: severity on, and the text in the sheet, cell, rule or message (either language). */
export function filterIssues(
  issues: readonly Issue[],
  severities: ReadonlySet<Severity>,
  text: string
): Issue[] {
  const q = text.trim().toLowerCase();
  return issues.filter((i) => {
    if (!severities.has(i.severity)) return false;
    if (!q) return true;
    return [i.sheet, i.cell, i.rule, i.message, i.messageEn ?? ""].some((s) =>
      s.toLowerCase().includes(q)
    );
  });
}

interface Notice {
  intent: "success" | "info" | "error";
  text: string;
}

export function ValidatePage(props: ValidatePageProps = {}): React.JSX.Element {
  const t = useT();
  const { lang } = useLang();
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
  const [severities, setSeverities] = React.useState<Set<Severity>>(new Set(SEVERITIES));
  const [showCompliance, setShowCompliance] = React.useState(true);
  const [text, setText] = React.useState("");
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

  const toggleSeverity = (s: Severity, on: boolean) =>
    setSeverities((prev) => {
      const next = new Set(prev);
      if (on) next.add(s);
      else next.delete(s);
      return next;
    });

  const counts = result ? countIssues(result.issues) : null;
  const shown = result
    ? filterIssues(issuesOfCategory(result.issues, "data"), severities, text)
    : [];
  const visible = shown.slice(0, MAX_SHOWN);
  const findings =
    result && showCompliance
      ? filterIssues(issuesOfCategory(result.issues, "compliance"), new Set(SEVERITIES), text)
      : [];
  const visibleFindings = findings.slice(0, MAX_SHOWN);
  const msg = (i: Issue) => (lang === "en" && i.messageEn ? i.messageEn : i.message);
  const sevName = (s: Severity) => t(SEVERITY_ZH[s], SEVERITY_EN[s]);
  const item = (i: Issue, k: number) => (
    <li key={`${i.cell}-${i.rule}-${k}`}>
      <Button
        appearance="subtle"
        className={styles.item}
        disabled={!i.sheet}
        onClick={() => go(i)}
        title={
          i.sheet
            ? t(`选中 ${i.sheet}!${i.cell || "A1"}`, `Select ${i.sheet}!${i.cell || "A1"}`)
            : undefined
        }
      >
        <span className={styles.itemText}>
          <span>
            <span className={styles.where}>{i.cell || "—"}</span>{" "}
            <span className={styles.rule}>{i.rule}</span>
          </span>
          <span>{msg(i)}</span>
        </span>
      </Button>
    </li>
  );

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
        <>
          <div className={styles.counts} role="status" aria-label={t("问题数", "Issue counts")}>
            {SEVERITIES.map((s) => (
              <Badge
                key={s}
                appearance={counts[s] > 0 ? "filled" : "outline"}
                color={BADGE_COLOR[s]}
                size="large"
              >
                {`${sevName(s)} ${counts[s]}`}
              </Badge>
            ))}
            <Badge
              appearance={counts.compliance > 0 ? "tint" : "outline"}
              color="brand"
              size="large"
            >
              {`${t(CATEGORY_ZH.compliance, CATEGORY_EN.compliance)} ${counts.compliance}`}
            </Badge>
            <Caption1>
              {t(
                `政策年度 ${result.policy.year}，金额单位 ${result.policy.amountUnit}`,
                `Policy year ${result.policy.year}, amount unit ${result.policy.amountUnit}`
              )}
            </Caption1>
          </div>
          <MessageBar
            intent={
              !result.ready.ready ? "error" : result.ready.zh === "可以汇总" ? "success" : "warning"
            }
            aria-label={t("能否汇总", "Ready to summarize")}
          >
            <MessageBarBody>{t(result.ready.zh, result.ready.en)}</MessageBarBody>
          </MessageBar>
          <ul className={styles.tables} aria-label={t("读取的表", "Tables read")}>
            {TABLE_IDS.map((id) => {
              const info = result.tables[id];
              const def = SCHEMA[id];
              const rows = result.rows[id];
              // (WORKBOOK.md rev 2) a row with a bad cell is read and left out only of the summaries that need that column;
              // a row with a bad required cell or a repeated id is not read at all
              const partly = result.partly[id];
              const dropped = result.dropped[id];
              const zh = `${partly > 0 ? `，其中 ${partly} 行有无法读取的单元格（需要该列的汇总不计入）` : ""}${dropped > 0 ? `；${dropped} 行未读取（必填项有误或编号重复）` : ""}`;
              const en = `${partly > 0 ? `, ${partly} of them with unreadable cells (left out of the summaries that need them)` : ""}${dropped > 0 ? `; ${dropped} rows not read (a required cell bad, or a repeated id)` : ""}`;
              return (
                <li key={id}>
                  <Caption1>
                    {info
                      ? t(
                          `${def.zh}：工作表“${info.sheet}”，读取 ${rows} 行${zh}`,
                          `${def.en}: sheet "${info.sheet}", ${rows} rows read${en}`
                        )
                      : t(`${def.zh}：未找到`, `${def.en}: not found`)}
                  </Caption1>
                </li>
              );
            })}
          </ul>

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

          <div className={styles.filter} role="search">
            <fieldset
              className={styles.severities}
              style={{ border: "none", padding: 0, margin: 0 }}
              aria-label={t("按严重程度筛选", "Filter by severity")}
            >
              {SEVERITIES.map((s) => (
                <Checkbox
                  key={s}
                  label={`${sevName(s)}（${counts[s]}）`}
                  checked={severities.has(s)}
                  onChange={(_, d) => toggleSeverity(s, d.checked === true)}
                />
              ))}
              <Checkbox
                label={`${t(CATEGORY_ZH.compliance, CATEGORY_EN.compliance)}（${counts.compliance}）`}
                checked={showCompliance}
                onChange={(_, d) => setShowCompliance(d.checked === true)}
              />
            </fieldset>
            <SearchBox
              value={text}
              onChange={(_, d) => setText(d.value)}
              placeholder={t(
                "按工作表、单元格、规则或文字筛选",
                "Filter by sheet, cell, rule or text"
              )}
              aria-label={t("筛选问题", "Filter the issues")}
            />
          </div>

          {result.issues.length === 0 && (
            <MessageBar intent="success">
              <MessageBarBody>{t("未发现问题。", "No issues found.")}</MessageBarBody>
            </MessageBar>
          )}
          {result.issues.length > 0 && shown.length === 0 && findings.length === 0 && (
            <Caption1>{t("没有符合筛选条件的问题。", "No issue matches the filter.")}</Caption1>
          )}
          {shown.length > MAX_SHOWN && (
            <Caption1>
              {t(
                `共 ${shown.length} 条，仅显示前 ${MAX_SHOWN} 条；请用筛选缩小范围，或导出全部。`,
                `${shown.length} issues; the first ${MAX_SHOWN} are shown — narrow the filter or export them all.`
              )}
            </Caption1>
          )}

          {groupIssues(visible).map((g) => (
            <section
              key={g.sheet || "(workbook)"}
              className={styles.group}
              aria-label={g.sheet || t("工作簿", "Workbook")}
            >
              <Text as="h3" weight="semibold" size={300}>
                {g.sheet
                  ? t(`工作表“${g.sheet}”`, `Sheet "${g.sheet}"`)
                  : t("整个工作簿", "Whole workbook")}
              </Text>
              {g.bySeverity.map((s) => (
                <div key={s.severity}>
                  <Caption1
                    as="h4"
                    style={{ margin: 0 }}
                  >{`${sevName(s.severity)}（${s.issues.length}）`}</Caption1>
                  <ul className={styles.list}>{s.issues.map(item)}</ul>
                </div>
              ))}
            </section>
          ))}

          {visibleFindings.length > 0 && (
            <section
              className={styles.group}
              aria-label={t(CATEGORY_ZH.compliance, CATEGORY_EN.compliance)}
            >
              <Text as="h3" weight="semibold" size={300}>
                {t(
                  `${CATEGORY_ZH.compliance}（${findings.length}）`,
                  `${CATEGORY_EN.compliance} (${findings.length})`
                )}
              </Text>
              <Caption1>
                {t(
                  "RULES.md A13（第十九、二十四、二十六、二十七、三十一条）：关于贷款如何发放的提示，不是数据错误，不影响任何汇总。",
                  "RULES.md A13 (Art. 19, 24, 26, 27, 31): notes on how loans were made — not data errors; no summary leaves anything out for them."
                )}
              </Caption1>
              <ul className={styles.list}>{visibleFindings.map(item)}</ul>
            </section>
          )}
        </>
      )}
    </section>
  );
}

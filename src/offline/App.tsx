/**
 * The offline page (issue 17, dist/cm-addin-offline.html): the task pane's 校验 / 汇总 /
 * 政策参数 for a workbook picked or dropped from the disk, with no Excel, no server and no
 * network — for Office 2016/2019 and WPS users (DEPLOY.md).
 *
 * - The workbook is read and validated in the page's worker (src/offline/worker.ts: the CLI's
 *   code on bytes, src/offline/engine.ts); a refused file gets the CLI's line.
 * - 校验: the pane's list (src/taskpane/pages/IssueList.tsx).
 * - 政策参数: the workbook's 政策参数 sheet, shown with the pane's fields
 *   (src/taskpane/pages/PolicyParams.tsx); edited figures are used for this run only and
 *   written into the output's 政策参数 sheet, never into the input.
 * - 汇总: the summaries the data allows; 生成 makes `<name>-汇总.xlsx` (the input's parts
 *   unchanged plus the summaries), offered as a download; then the rows of 等级汇总 / 退休买断 can
 *   be selected to see their explanation (src/taskpane/pages/ExplainPanel.tsx ExplainSteps).
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  FluentProvider,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  SearchBox,
  Subtitle2,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TabList,
  Text,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import {
  ArrowDownload20Regular,
  ClipboardTaskListLtr20Regular,
  DocumentArrowUp20Regular,
  Settings20Regular,
  ShieldLock20Regular,
  TableSimple20Regular,
} from "@fluentui/react-icons";
import type { ExplainStep } from "../core/explain";
import { countIssues } from "../summary/issuesSheet";
import type { SummaryId } from "../summary/common";
import { SUMMARIES } from "../summary/common";
import type { Policy } from "../policy/types";
import { POLICY_SCHEMA, getParam } from "../policy/schema";
import { checkDraft, draftOf, paramText, type PolicyDraft } from "../policy/validate";
import { Lang, LangProvider, useLang, useT } from "../taskpane/i18n";
import { LanguageSwitch } from "../taskpane/LanguageSwitch";
import { IssueList } from "../taskpane/pages/IssueList";
import { PolicyParams } from "../taskpane/pages/PolicyParams";
import { SummaryChoices } from "../taskpane/pages/SummaryChoices";
import { ExplainSteps } from "../taskpane/pages/ExplainPanel";
import type { OfflineEngine } from "./client";
import type { ExplainView, InspectView, ResultTable, Stage, SummarizeView } from "./protocol";
import { rowKey } from "./explained";

/** The workbook types the page takes (the CLI reads .xlsx; the others get its messages). */
const ACCEPT =
  ".xlsx,.xlsm,.xls,.et,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** The icon, inlined by the build as a data: URL (webpack.config.js). */
declare const __CM_LOGO__: string;
const LOGO = __CM_LOGO__;
/** Rows of a result table rendered at most (the search narrows them). */
export const MAX_ROWS = 200;
/** Characters of a cell shown in a result table (the whole text in its tooltip). */
const CELL_CHARS = 24;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  logo: { width: "24px", height: "24px", flexShrink: 0 },
  titles: { display: "flex", flexDirection: "column", minWidth: 0 },
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    maxWidth: "1100px",
    width: "100%",
    boxSizing: "border-box",
  },
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalXL,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    textAlign: "center",
  },
  dropActive: {
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    alignItems: "center",
  },
  reason: { marginLeft: "32px", color: tokens.colorPaletteRedForeground1 },
  tableWrap: { overflowX: "auto", maxHeight: "480px", overflowY: "auto" },
  // columns as wide as their text (Fluent's table lays out equal fixed columns)
  table: { tableLayout: "auto", width: "max-content", minWidth: "100%" },
  row: { cursor: "pointer", whiteSpace: "nowrap" },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  total: { fontWeight: tokens.fontWeightSemibold },
  hidden: { display: "none" },
});

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

type TabId = "validate" | "summary" | "policy";

interface Chosen {
  view: Extract<InspectView, { ok: true }>;
}

/** The summaries offered checked: those the data allows, but not the opt-in ones (as the pane). */
function defaultSelection(view: Chosen["view"]): Set<SummaryId> {
  return new Set(
    SUMMARIES.filter((s) => !s.optIn)
      .map((s) => s.id)
      .filter((id) => view.availability[id].available)
  );
}

/** How many fields of the draft differ from the policy. */
function changedCount(draft: PolicyDraft, base: Policy): number {
  return POLICY_SCHEMA.filter((d) => draft[d.key] !== paramText(d, getParam(base, d))).length;
}

function ProgressLine(props: { stage: Stage; since: number }): React.JSX.Element {
  const t = useT();
  const [now, setNow] = React.useState(() => Date.now());
  React.useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - props.since) / 1000));
  return (
    <Field
      label={t("进度", "Progress")}
      validationState="none"
      validationMessage={`${t(props.stage.zh, props.stage.en)}${t(`（已用 ${seconds} 秒）`, ` (${seconds} s)`)}`}
    >
      <ProgressBar value={props.stage.fraction} max={1} aria-label={t("进度", "Progress")} />
    </Field>
  );
}

function DropZone(props: { busy: boolean; onFile: (f: File) => void }): React.JSX.Element {
  const t = useT();
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [over, setOver] = React.useState(false);
  return (
    <div
      className={`${styles.drop} ${over ? styles.dropActive : ""}`}
      aria-label={t("选择或拖入工作簿", "Choose or drop a workbook")}
      role="region"
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = "copy";
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const f = e.dataTransfer.files?.[0];
        if (f && !props.busy) props.onFile(f);
      }}
    >
      <Body1>
        {t(
          "把工作簿（.xlsx）拖到这里，或点击下面的按钮选择文件。",
          "Drop a workbook (.xlsx) here, or choose a file with the button below."
        )}
      </Body1>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        className={styles.hidden}
        aria-label={t("工作簿文件", "Workbook file")}
        data-testid="workbook-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = "";
          if (f) props.onFile(f);
        }}
      />
      <Button
        appearance="primary"
        icon={<DocumentArrowUp20Regular />}
        disabled={props.busy}
        onClick={() => input.current?.click()}
      >
        {t("选择工作簿…", "Choose a workbook…")}
      </Button>
    </div>
  );
}

function ResultTableView(props: {
  table: ResultTable;
  steps: Record<string, ExplainStep[]> | undefined;
}): React.JSX.Element {
  const t = useT();
  const styles = useStyles();
  const { table } = props;
  const [query, setQuery] = React.useState("");
  const [selected, setSelected] = React.useState<number | null>(null);
  const q = query.trim().toLowerCase();
  const indexes = table.rows
    .map((_, i) => i)
    .filter(
      (i) => !q || table.rows[i].some((v) => v !== null && String(v).toLowerCase().includes(q))
    );
  const shown = indexes.slice(0, MAX_ROWS);
  const key = selected === null ? null : rowKey(table.id, table.headers, table.rows[selected]);
  const steps = key ? props.steps?.[key] : undefined;
  const totals = new Set(table.totalRows);
  return (
    <section className={styles.section} aria-label={table.sheetName}>
      <Text as="h3" weight="semibold" size={400}>
        {table.sheetName}
      </Text>
      {table.title && <Caption1>{table.title}</Caption1>}
      <SearchBox
        value={query}
        onChange={(_, d) => setQuery(d.value)}
        placeholder={t("按员工号、姓名等筛选", "Filter by employee id, name …")}
        aria-label={t(`筛选“${table.sheetName}”`, `Filter ${table.sheetName}`)}
      />
      {indexes.length > MAX_ROWS && (
        <Caption1>
          {t(
            `共 ${indexes.length} 行，仅显示前 ${MAX_ROWS} 行；请用筛选缩小范围。`,
            `${indexes.length} rows; the first ${MAX_ROWS} are shown — narrow the filter.`
          )}
        </Caption1>
      )}
      <div className={styles.tableWrap}>
        <Table size="small" aria-label={table.sheetName} className={styles.table}>
          <TableHeader>
            <TableRow>
              {table.headers.map((h, c) => (
                <TableHeaderCell key={c}>{h}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((i) => {
              const row = table.rows[i];
              const explainable = rowKey(table.id, table.headers, row) !== null;
              const choose = () => explainable && setSelected(i);
              return (
                <TableRow
                  key={i}
                  className={`${explainable ? styles.row : ""} ${selected === i ? styles.selected : ""} ${totals.has(i) ? styles.total : ""}`}
                  aria-selected={selected === i}
                  tabIndex={explainable ? 0 : undefined}
                  onClick={choose}
                  onKeyDown={(e) => {
                    if (e.key === "Enter" || e.key === " ") {
                      e.preventDefault();
                      choose();
                    }
                  }}
                >
                  {row.map((v, c) => {
                    const text = v === null ? "" : String(v);
                    // long text (notes, reasons) cut short in the table, whole in its tooltip
                    return text.length > CELL_CHARS ? (
                      <TableCell key={c} title={text}>{`${text.slice(0, CELL_CHARS)}…`}</TableCell>
                    ) : (
                      <TableCell key={c}>{text}</TableCell>
                    );
                  })}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      <section
        aria-live="polite"
        aria-label={t("行说明", "Row explanation")}
        className={styles.section}
      >
        <Subtitle2 as="h4">{t("行说明", "Row explanation")}</Subtitle2>
        {selected === null && (
          <Caption1>
            {t(
              "选中表中的一行，这里将显示该行的计算依据：所用数据、适用条款、封顶和解释。",
              "Select a row of the table to see how it was computed: the figures used, the articles applied, caps and interpretations."
            )}
          </Caption1>
        )}
        {selected !== null && (
          <Body1 as="p">
            {t(
              `${table.sheetName} 第 ${selected + 1} 行：${key ?? ""}`,
              `${table.sheetName} row ${selected + 1}: ${key ?? ""}`
            )}
          </Body1>
        )}
        {selected !== null && !steps && (
          <MessageBar intent="warning">
            <MessageBarBody>{t("该行没有说明。", "This row has no explanation.")}</MessageBarBody>
          </MessageBar>
        )}
        {steps && <ExplainSteps steps={steps} />}
      </section>
    </section>
  );
}

function Page(props: { engine: OfflineEngine }): React.JSX.Element {
  const t = useT();
  const { lang } = useLang();
  const styles = useStyles();
  const { engine } = props;
  const [tab, setTab] = React.useState<TabId>("validate");
  const [busy, setBusy] = React.useState<{ stage: Stage; since: number } | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [chosen, setChosen] = React.useState<Chosen | null>(null);
  const [selected, setSelected] = React.useState<Set<SummaryId>>(new Set());
  const [draft, setDraft] = React.useState<PolicyDraft>({});
  const [output, setOutput] = React.useState<
    (Extract<SummarizeView, { ok: true }> & { url: string; edited: boolean }) | null
  >(null);
  const [explained, setExplained] = React.useState<ExplainView | null>(null);

  const base = chosen?.view.check.policy ?? null;
  const check = React.useMemo(() => (base ? checkDraft(draft, base) : null), [draft, base]);
  const changed = React.useMemo(() => (base ? changedCount(draft, base) : 0), [draft, base]);
  const errorCount = check ? Object.keys(check.errors).length : 0;

  const dropOutput = React.useCallback(() => {
    setOutput((o) => {
      if (o?.url) URL.revokeObjectURL(o.url);
      return null;
    });
    setExplained(null);
  }, []);

  const work = async <T,>(first: Stage, f: (onStage: (s: Stage) => void) => Promise<T>) => {
    const since = Date.now();
    setBusy({ stage: first, since });
    setError(null);
    try {
      return await f((s) => setBusy({ stage: s, since }));
    } finally {
      setBusy(null);
    }
  };

  const onFile = (file: File) => {
    dropOutput();
    setChosen(null);
    void work({ zh: "正在读取文件…", en: "Reading the file…" }, async (onStage) => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const view = await engine.inspect({ name: file.name, bytes }, onStage);
      if (!view.ok) {
        setError(view.line);
        return;
      }
      setChosen({ view });
      setSelected(defaultSelection(view));
      setDraft(draftOf(view.check.policy));
      setTab("validate");
    }).catch((e: unknown) => setError(message(e)));
  };

  const onChange = React.useCallback(
    (key: string, text: string) => {
      dropOutput();
      setDraft((d) => ({ ...d, [key]: text }));
    },
    [dropOutput]
  );

  const toggle = (id: SummaryId, on: boolean) => {
    dropOutput();
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  };

  const generate = () => {
    if (!check?.policy) return;
    const ids = SUMMARIES.map((s) => s.id).filter((id) => selected.has(id));
    // unchanged figures: the workbook's own sheet is used, as `cm-addin summarize` does
    const policy = changed > 0 ? check.policy : null;
    dropOutput();
    void work({ zh: "正在生成汇总表…", en: "Generating the summaries…" }, async (onStage) => {
      const r = await engine.summarize(ids, policy, onStage);
      if (!r.ok) {
        setError(r.line);
        return;
      }
      const url = r.bytes
        ? URL.createObjectURL(new Blob([r.bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }))
        : "";
      setOutput({ ...r, url, edited: policy !== null });
      setExplained(await engine.explain(onStage));
    }).catch((e: unknown) => setError(message(e)));
  };

  const view = chosen?.view;
  const counts = output ? countIssues(output.issues) : null;

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <div className={styles.brand}>
          <img className={styles.logo} src={LOGO} alt="" />
          <div className={styles.titles}>
            <Text weight="semibold" size={400} truncate wrap={false}>
              {t("客户经理考核 · 离线网页版", "CM Rules · offline page")}
            </Text>
            <Caption1>
              {t(
                "校验工作簿、生成汇总表，无需 Excel 加载项、服务器或网络",
                "Validate a workbook and make its summaries — no add-in, server or network"
              )}
            </Caption1>
          </div>
        </div>
        <LanguageSwitch />
      </header>
      <main className={styles.main}>
        <MessageBar intent="info" icon={<ShieldLock20Regular />}>
          <MessageBarBody>
            {t(
              "您的文件不会离开本机：本页面不联网、不上传，所有读取和计算都在本浏览器中完成；结果以下载方式保存，原文件不会被修改。",
              "Your file never leaves this computer: this page makes no network request and uploads " +
                "nothing; everything is read and computed in this browser, the result is saved as a " +
                "download and the original file is never changed."
            )}
          </MessageBarBody>
        </MessageBar>

        <DropZone busy={busy !== null} onFile={onFile} />

        {busy && <ProgressLine stage={busy.stage} since={busy.since} />}

        {error && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t("出错了", "Something went wrong")}</MessageBarTitle>
              {error}
            </MessageBarBody>
          </MessageBar>
        )}

        {view && (
          <>
            <Body1 as="p" aria-label={t("当前工作簿", "Current workbook")}>
              {t(`工作簿：${view.name}`, `Workbook: ${view.name}`)}
            </Body1>
            {view.notices.length > 0 && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  {view.notices.map((n, i) => (
                    <div key={i}>{n}</div>
                  ))}
                </MessageBarBody>
              </MessageBar>
            )}
            <nav aria-label={t("功能导航", "Sections")}>
              <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)}>
                <Tab value="validate" icon={<ClipboardTaskListLtr20Regular />}>
                  {t("校验", "Validate")}
                </Tab>
                <Tab value="summary" icon={<TableSimple20Regular />}>
                  {t("汇总", "Summaries")}
                </Tab>
                <Tab value="policy" icon={<Settings20Regular />}>
                  {t("政策参数", "Policy")}
                  {changed > 0 ? ` (${changed})` : ""}
                </Tab>
              </TabList>
            </nav>

            {tab === "validate" && (
              <section className={styles.section} aria-label={t("校验", "Validate")}>
                <Subtitle2 as="h2">{t("校验结果", "Validation")}</Subtitle2>
                <IssueList result={view.check} />
              </section>
            )}

            {tab === "policy" && base && check && (
              <section className={styles.section} aria-label={t("政策参数", "Policy parameters")}>
                <Subtitle2 as="h2">{t("政策参数", "Policy parameters")}</Subtitle2>
                <Body1 as="p">
                  {t(
                    "显示工作簿“政策参数”表的参数。修改只用于本次生成：改后的参数写入下载文件的“政策参数”工作表，原文件不变。金额一律以元填写；比例填小数（0.05）或百分数（5%）。",
                    "The parameters of the workbook's 政策参数 sheet. Edits apply to this run only: they are " +
                      "written into the downloaded file's 政策参数 sheet; the original file is unchanged. Amounts in " +
                      "yuan; shares as 0.05 or 5%."
                  )}
                </Body1>
                <div className={styles.actions} role="status" aria-live="polite">
                  <Button
                    disabled={changed === 0}
                    onClick={() => (dropOutput(), setDraft(draftOf(base)))}
                  >
                    {t("恢复为工作簿中的值", "Back to the workbook's values")}
                  </Button>
                  {errorCount > 0 ? (
                    <Caption1>
                      {t(
                        `有 ${errorCount} 个参数需要更正，更正后才能生成`,
                        `${errorCount} parameter(s) must be corrected before generating`
                      )}
                    </Caption1>
                  ) : changed > 0 ? (
                    <Caption1>
                      {t(
                        `${changed} 个参数已修改，将用于本次生成`,
                        `${changed} parameter(s) changed, used for this run`
                      )}
                    </Caption1>
                  ) : null}
                </div>
                <PolicyParams base={base} draft={draft} check={check} onChange={onChange} />
              </section>
            )}

            {tab === "summary" && (
              <section className={styles.section} aria-label={t("汇总", "Summaries")}>
                <Subtitle2 as="h2">{t("生成汇总表", "Generate summaries")}</Subtitle2>
                <Body1 as="p">
                  {t(
                    `生成的文件（“<文件名>-汇总.xlsx”）包含原工作簿的全部内容（不作改动）和所选汇总表，与命令行 cm-addin summarize 的结果相同；有错误的数据行不计入，并在标题行注明。`,
                    `The file (“<name>-汇总.xlsx”) holds everything of the workbook, unchanged, plus the chosen ` +
                      `summaries — the same as the command line's cm-addin summarize; rows with data errors are ` +
                      `left out and counted in the title line.`
                  )}
                </Body1>
                <SummaryChoices
                  availability={view.availability}
                  selected={selected}
                  disabled={busy !== null}
                  onToggle={toggle}
                />
                {changed > 0 && errorCount === 0 && (
                  <Caption1>
                    {t(
                      `使用修改后的政策参数（${changed} 项），写入下载文件的“政策参数”工作表。`,
                      `Uses the edited policy (${changed} change(s)), written into the downloaded file's 政策参数 sheet.`
                    )}
                  </Caption1>
                )}
                <div className={styles.actions}>
                  <Button
                    appearance="primary"
                    disabled={busy !== null || selected.size === 0 || !check?.policy}
                    onClick={generate}
                  >
                    {t("生成", "Generate")}
                  </Button>
                  {errorCount > 0 && (
                    <Caption1 className={styles.reason}>
                      {t(
                        `政策参数有 ${errorCount} 处需要更正`,
                        `${errorCount} policy parameter(s) must be corrected`
                      )}
                    </Caption1>
                  )}
                </div>

                {output && counts && (
                  <MessageBar
                    intent={output.rowsLeftOut > 0 ? "warning" : "success"}
                    layout="multiline"
                  >
                    <MessageBarBody>
                      <MessageBarTitle>
                        {t(
                          `已生成 ${output.sheetNames.length} 张汇总表`,
                          `${output.sheetNames.length} summar${output.sheetNames.length === 1 ? "y" : "ies"} made`
                        )}
                      </MessageBarTitle>
                      {output.sheetNames.join(lang === "zh" ? "、" : ", ")}
                      {counts.error + counts.warning > 0 &&
                        t(
                          `。数据问题：错误 ${counts.error}，警告 ${counts.warning}（有错误的行未计入，详见“校验结果”工作表）`,
                          `. Data issues: ${counts.error} errors, ${counts.warning} warnings (rows with errors are left out; see the 校验结果 sheet)`
                        )}
                      {output.skipped.map((s) => (
                        <div key={s.id}>
                          {t(`跳过“${s.name}”：${s.reasonZh}`, `Skipped ${s.name}: ${s.reasonEn}`)}
                        </div>
                      ))}
                    </MessageBarBody>
                  </MessageBar>
                )}
                {output && !output.url && (
                  <MessageBar intent="warning">
                    <MessageBarBody>
                      {t(
                        "数据不允许生成所选的任何汇总表，没有可下载的文件。",
                        "The data allows none of the chosen summaries: there is no file to download."
                      )}
                    </MessageBarBody>
                  </MessageBar>
                )}
                {output && output.url && (
                  <div className={styles.actions}>
                    <Link href={output.url} download={output.fileName} appearance="default">
                      <ArrowDownload20Regular style={{ verticalAlign: "middle" }} />{" "}
                      {t(`下载 ${output.fileName}`, `Download ${output.fileName}`)}
                    </Link>
                    {output.edited && (
                      <Caption1>{t("（含修改后的政策参数）", "(with the edited policy)")}</Caption1>
                    )}
                  </div>
                )}
                {explained?.tables.map((tb) => (
                  <ResultTableView key={tb.id} table={tb} steps={explained.explanations[tb.id]} />
                ))}
              </section>
            )}
          </>
        )}
      </main>
    </div>
  );
}

export interface OfflineAppProps {
  engine: OfflineEngine;
  initialLang?: Lang;
}

export function OfflineApp(props: OfflineAppProps): React.JSX.Element {
  return (
    <FluentProvider theme={webLightTheme}>
      <LangProvider initial={props.initialLang}>
        <Page engine={props.engine} />
      </LangProvider>
    </FluentProvider>
  );
}

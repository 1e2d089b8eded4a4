/**
 * The validation list (issue 5, rev 2): the counts, whether the workbook can be summarized, the
 * tables read, a filter by severity and text, the data issues grouped by sheet and severity,
 * and the compliance findings (合规提示, RULES.md A13) apart. Shown by the task pane's 校验 page
 * (each issue selects its cell in Excel: `onSelect`) and by the offline page (src/offline/,
 * no Excel: the issues are plain text). No Office call here.
 */
import * as React from "react";
import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarBody,
  SearchBox,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { Issue, Severity } from "../../core/issues";
import { CATEGORY_EN, CATEGORY_ZH, issuesOfCategory, SEVERITY_ZH } from "../../core/issues";
import type { CheckView } from "../../excel/compute";
import { SCHEMA, TABLE_IDS } from "../../reader/schema";
import { countIssues } from "../../summary/issuesSheet";
import { useLang, useT } from "../i18n";

export const SEVERITIES: Severity[] = ["error", "warning", "info"];
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
  plainItem: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}` },
  where: { fontWeight: tokens.fontWeightSemibold },
  rule: { color: tokens.colorNeutralForeground3 },
  tables: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

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

export interface IssueListProps {
  result: CheckView;
  /** what a click on an issue does (the pane: select its cell); none: the issues are plain text */
  onSelect?: (i: Issue) => void;
  /** shown between the tables read and the filter (the pane: export, highlight) */
  actions?: React.ReactNode;
}

export function IssueList(props: IssueListProps): React.JSX.Element {
  const t = useT();
  const { lang } = useLang();
  const styles = useStyles();
  const { result, onSelect } = props;
  const [severities, setSeverities] = React.useState<Set<Severity>>(new Set(SEVERITIES));
  const [showCompliance, setShowCompliance] = React.useState(true);
  const [text, setText] = React.useState("");

  const toggleSeverity = (s: Severity, on: boolean) =>
    setSeverities((prev) => {
      const next = new Set(prev);
      if (on) next.add(s);
      else next.delete(s);
      return next;
    });

  const counts = countIssues(result.issues);
  const shown = filterIssues(issuesOfCategory(result.issues, "data"), severities, text);
  const visible = shown.slice(0, MAX_SHOWN);
  const findings = showCompliance
    ? filterIssues(issuesOfCategory(result.issues, "compliance"), new Set(SEVERITIES), text)
    : [];
  const visibleFindings = findings.slice(0, MAX_SHOWN);
  const msg = (i: Issue) => (lang === "en" && i.messageEn ? i.messageEn : i.message);
  const sevName = (s: Severity) => t(SEVERITY_ZH[s], SEVERITY_EN[s]);
  const content = (i: Issue) => (
    <span className={styles.itemText}>
      <span>
        <span className={styles.where}>{i.cell || "—"}</span>{" "}
        <span className={styles.rule}>{i.rule}</span>
      </span>
      <span>{msg(i)}</span>
    </span>
  );
  const item = (i: Issue, k: number) => (
    <li key={`${i.cell}-${i.rule}-${k}`}>
      {onSelect ? (
        <Button
          appearance="subtle"
          className={styles.item}
          disabled={!i.sheet}
          onClick={() => onSelect(i)}
          title={
            i.sheet
              ? t(`选中 ${i.sheet}!${i.cell || "A1"}`, `Select ${i.sheet}!${i.cell || "A1"}`)
              : undefined
          }
        >
          {content(i)}
        </Button>
      ) : (
        <div className={styles.plainItem}>{content(i)}</div>
      )}
    </li>
  );

  return (
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
        <Badge appearance={counts.compliance > 0 ? "tint" : "outline"} color="brand" size="large">
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
          const en =
            (partly > 0
              ? `, ${partly} of them with unreadable cells (left out of the summaries that need them)`
              : "") +
            (dropped > 0
              ? `; ${dropped} rows not read (a required cell bad, or a repeated id)`
              : "");
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

      {props.actions}

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
          placeholder={t("按工作表、单元格、规则或文字筛选", "Filter by sheet, cell, rule or text")}
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
  );
}

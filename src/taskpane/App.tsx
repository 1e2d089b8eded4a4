/**
 * The task pane: header (title, language switch), a notice when not running in Excel, the
 * navigation 校验 / 汇总 / 政策参数 / 帮助 and the current page.
 *
 * Page contract: each page is a named export with no props from src/taskpane/pages/<Name>.tsx
 * (ValidatePage, SummaryPage, PolicyPage, HelpPage). Pages read the language with useT()/useLang()
 * (./i18n) and the host with useOfficeHost() (./host). A page that throws while rendering shows
 * an error message in its place; the other pages keep working.
 */
import * as React from "react";
import {
  Body1,
  Caption1,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Text,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import {
  ClipboardTaskListLtr20Regular,
  QuestionCircle20Regular,
  Settings20Regular,
  TableSimple20Regular,
} from "@fluentui/react-icons";
import { Lang, LangProvider, useLang, useT } from "./i18n";
import { LanguageSwitch } from "./LanguageSwitch";
import { OfficeHostProvider, useOfficeHost } from "./host";
import { ValidatePage } from "./pages/ValidatePage";
import { SummaryPage } from "./pages/SummaryPage";
import { PolicyPage } from "./pages/PolicyPage";
import { HelpPage } from "./pages/HelpPage";

export type PageId = "validate" | "summary" | "policy" | "help";

interface PageDef {
  id: PageId;
  zh: string;
  en: string;
  icon: React.JSX.Element;
  Component: () => React.ReactNode;
}

const PAGES: PageDef[] = [
  {
    id: "validate",
    zh: "校验",
    en: "Validate",
    icon: <ClipboardTaskListLtr20Regular />,
    Component: ValidatePage,
  },
  {
    id: "summary",
    zh: "汇总",
    en: "Summaries",
    icon: <TableSimple20Regular />,
    Component: SummaryPage,
  },
  {
    id: "policy",
    zh: "政策参数",
    en: "Policy",
    icon: <Settings20Regular />,
    Component: PolicyPage,
  },
  { id: "help", zh: "帮助", en: "Help", icon: <QuestionCircle20Regular />, Component: HelpPage },
];

/** The page named by the URL fragment (#help, #policy …), e.g. from the manifest's SupportUrl. */
export function pageFromHash(hash: string | undefined): PageId | null {
  const id = (hash ?? "").replace(/^#/, "");
  return PAGES.some((p) => p.id === id) ? (id as PageId) : null;
}

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
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  logo: { width: "24px", height: "24px", flexShrink: 0 },
  titles: { display: "flex", flexDirection: "column", minWidth: 0 },
  notice: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0` },
  nav: {
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  page: { flexGrow: 1, padding: tokens.spacingHorizontalM, overflowX: "hidden" },
});

interface BoundaryProps {
  lang: Lang;
  children?: React.ReactNode;
}

/** Keeps one failing page from blanking the whole pane. */
class PageBoundary extends React.Component<BoundaryProps, { error: Error | null }> {
  state: { error: Error | null } = { error: null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    if (!this.state.error) return this.props.children;
    const zh = this.props.lang === "zh";
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          {zh ? "此页面出错，无法显示：" : "This page failed to display: "}
          {this.state.error.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
}

function Shell(props: { initialPage: PageId }): React.JSX.Element {
  const styles = useStyles();
  const t = useT();
  const { lang } = useLang();
  const { inExcel } = useOfficeHost();
  const [page, setPage] = React.useState<PageId>(props.initialPage);
  const current = PAGES.find((p) => p.id === page) ?? PAGES[0];
  const Current = current.Component;
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <div className={styles.brand}>
          <img className={styles.logo} src="assets/icon-32.png" alt="" />
          <div className={styles.titles}>
            <Text weight="semibold" size={400} truncate wrap={false}>
              {t("客户经理考核", "CM Rules")}
            </Text>
            <Caption1>
              {t("信贷与公司客户经理考核规则", "Customer-manager rules for Excel")}
            </Caption1>
          </div>
        </div>
        <LanguageSwitch />
      </header>
      {!inExcel && (
        <MessageBar intent="info" className={styles.notice}>
          <MessageBarBody>
            <Body1>
              {t(
                "未在 Excel 中运行：校验、汇总和政策参数需要在 Excel 中打开本任务窗格；帮助可随时查看。",
                "Not running in Excel: validation, summaries and policy need this pane opened in Excel; help is always available."
              )}
            </Body1>
          </MessageBarBody>
        </MessageBar>
      )}
      <nav className={styles.nav} aria-label={t("功能导航", "Sections")}>
        <TabList
          selectedValue={page}
          onTabSelect={(_, d) => setPage(d.value as PageId)}
          size="small"
        >
          {PAGES.map((p) => (
            <Tab key={p.id} value={p.id} icon={p.icon}>
              {t(p.zh, p.en)}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main className={styles.page} aria-label={t(current.zh, current.en)}>
        <PageBoundary key={page} lang={lang}>
          <Current />
        </PageBoundary>
      </main>
    </div>
  );
}

export interface AppProps {
  /** Office.context host ("Excel") or null outside Office */
  host: string | null;
  initialPage?: PageId;
  initialLang?: Lang;
}

export function App(props: AppProps): React.JSX.Element {
  return (
    <FluentProvider theme={webLightTheme}>
      <LangProvider initial={props.initialLang}>
        <OfficeHostProvider host={props.host}>
          <Shell initialPage={props.initialPage ?? "validate"} />
        </OfficeHostProvider>
      </LangProvider>
    </FluentProvider>
  );
}

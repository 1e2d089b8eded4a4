/**
 * The header's 中文 / English switch (the task pane and the offline page, src/offline/): sets the
 * language of useT() / useLang() (./i18n), remembered across sessions.
 */
import * as React from "react";
import { makeStyles, tokens, ToggleButton } from "@fluentui/react-components";
import { Lang, useLang } from "./i18n";

const useStyles = makeStyles({
  langGroup: { display: "flex", gap: tokens.spacingHorizontalXXS, flexShrink: 0 },
});

export function LanguageSwitch(): React.JSX.Element {
  const { lang, setLang } = useLang();
  const styles = useStyles();
  const option = (value: Lang, label: string, title: string) => (
    <ToggleButton
      size="small"
      appearance={lang === value ? "primary" : "subtle"}
      checked={lang === value}
      onClick={() => setLang(value)}
      lang={value === "zh" ? "zh-CN" : "en"}
      title={title}
    >
      {label}
    </ToggleButton>
  );
  return (
    <div className={styles.langGroup} role="group" aria-label="语言 Language">
      {option("zh", "中文", "使用中文")}
      {option("en", "English", "Use English")}
    </div>
  );
}

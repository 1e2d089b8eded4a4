/**
 * Language of the task pane: Chinese first, English on request.
 *
 *   <LangProvider>…</LangProvider>            (App wraps every page in it)
 *   const { lang, setLang } = useLang();       lang: "zh" | "en"
 *   const t = useT();  t("校验", "Validate")    → the text in the current language
 *
 * The choice is remembered in localStorage and also sets the language of the custom functions'
 * error messages (args.ts setMessageLanguage), since both live in the same shared runtime.
 */
import * as React from "react";
import { setMessageLanguage } from "../functions/args";

export type Lang = "zh" | "en";

const STORAGE_KEY = "cm-addin.lang";

interface LangState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

const LangContext = React.createContext<LangState>({
  lang: "zh",
  setLang: () => undefined,
});

function storedLang(): Lang | null {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return v === "zh" || v === "en" ? v : null;
  } catch {
    return null; // storage blocked (private mode, sandboxed frame)
  }
}

function storeLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // not remembered across sessions; the switch still works
  }
}

export function LangProvider(props: {
  initial?: Lang;
  children?: React.ReactNode;
}): React.JSX.Element {
  const [lang, setLangState] = React.useState<Lang>(() => props.initial ?? storedLang() ?? "zh");
  React.useEffect(() => {
    setMessageLanguage(lang);
    if (typeof document !== "undefined")
      document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  }, [lang]);
  const setLang = React.useCallback((l: Lang) => {
    storeLang(l);
    setLangState(l);
  }, []);
  const value = React.useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{props.children}</LangContext.Provider>;
}

export function useLang(): LangState {
  return React.useContext(LangContext);
}

/** `t(zh, en)` returns the text for the current language. */
export function useT(): (zh: string, en: string) => string {
  const { lang } = useLang();
  return React.useCallback((zh: string, en: string) => (lang === "zh" ? zh : en), [lang]);
}

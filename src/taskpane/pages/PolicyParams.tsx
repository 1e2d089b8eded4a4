/**
 * The policy's parameters as editable fields (the 政策参数 page's body): grouped by rule set,
 * each with its label, key, article, unit, default, inline check and reset, and a search by
 * key, label or article. No Office call: shown by the task pane's 政策参数 page
 * (src/taskpane/pages/PolicyPage.tsx, which saves to the sheet) and by the offline page
 * (src/offline/, which edits the figures for one run).
 */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  SearchBox,
  Select,
  tokens,
} from "@fluentui/react-components";
import { ArrowReset20Regular } from "@fluentui/react-icons";
import { normKey } from "../../core/text";
import { defaultPolicy } from "../../policy/defaults";
import {
  citation,
  getParam,
  RULE_SET_ORDER,
  RULE_SET_TITLES,
  shownParams,
  type ParamDef,
  type RuleSetId,
} from "../../policy/schema";
import type { Policy } from "../../policy/types";
import { checkDraft, paramText, type PolicyDraft } from "../../policy/validate";
import { useLang, useT } from "../i18n";

const useStyles = makeStyles({
  gap: { marginBottom: tokens.spacingVerticalM },
  row: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalXS,
    marginBottom: tokens.spacingVerticalS,
  },
  field: { flexGrow: 1, minWidth: 0 },
  reset: { marginTop: "22px" },
  header: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

interface FieldProps {
  d: ParamDef;
  text: string;
  defaultText: string;
  /** messages in the current language (plain strings, so unchanged fields skip re-rendering) */
  error?: string;
  warning?: string;
  onChange: (key: string, text: string) => void;
}

/** One parameter: label, key · article · unit · default, the input, and its reset button. */
const ParamField = React.memo(function ParamField({
  d,
  text,
  defaultText,
  error,
  warning,
  onChange,
}: FieldProps): React.JSX.Element {
  const t = useT();
  const { lang } = useLang();
  const styles = useStyles();
  const unset = t("未设置", "unset");
  const unit = d.unit ? ` · ${t("单位", "unit")} ${d.unit}` : "";
  const shownDefault = defaultText === "" ? unset : defaultText;
  const hint = `${d.key} · ${citation(d, lang)}${unit} · ${t("默认", "default")} ${shownDefault}${text === "" ? ` · ${unset}` : ""}`;
  const message = error ?? warning;
  const label = d.label[lang];
  const control =
    d.type === "enum" && !d.multi ? (
      <Select value={text} onChange={(_, data) => onChange(d.key, data.value)}>
        {d.nullable || text === "" ? <option value="">{unset}</option> : null}
        {(d.enumValues ?? []).map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </Select>
    ) : (
      <Input
        value={text}
        placeholder={unset}
        onChange={(_, data) => onChange(d.key, data.value)}
        contentAfter={d.unit && d.type !== "date" ? <Caption1>{d.unit}</Caption1> : undefined}
      />
    );
  return (
    <div className={styles.row}>
      <Field
        className={styles.field}
        label={label}
        hint={
          <span>
            {hint}
            <br />
            {d.description[lang]}
          </span>
        }
        validationState={error ? "error" : warning ? "warning" : "none"}
        validationMessage={message}
      >
        {control}
      </Field>
      <Button
        className={styles.reset}
        appearance="subtle"
        icon={<ArrowReset20Regular />}
        disabled={text === defaultText}
        onClick={() => onChange(d.key, defaultText)}
        aria-label={t(`恢复默认：${d.label.zh}`, `Reset to default: ${d.label.en}`)}
        title={t(`恢复默认值 ${shownDefault}`, `Reset to the default ${shownDefault}`)}
      />
    </div>
  );
});

export interface PolicyParamsProps {
  /** the policy shown (its year gives the defaults) */
  base: Policy;
  /** the text of every field */
  draft: PolicyDraft;
  /** checkDraft(draft, base) */
  check: ReturnType<typeof checkDraft>;
  onChange: (key: string, text: string) => void;
}

/**
 * The parameters grouped by rule set, with a search by key, label or article: each field with
 * its article, unit, default, inline check and reset. Shared by this page and the offline page
 * (src/offline/), which edits the figures for one run.
 */
export function PolicyParams(props: PolicyParamsProps): React.JSX.Element {
  const t = useT();
  const { lang } = useLang();
  const styles = useStyles();
  const { base, draft, check, onChange } = props;
  const [filter, setFilter] = React.useState("");
  const [open, setOpen] = React.useState<RuleSetId[]>(["通用"]);
  const defaults = React.useMemo(() => defaultPolicy(base.year), [base.year]);
  const needle = normKey(filter);
  const matches = (d: ParamDef) =>
    !needle || [d.key, d.label.zh, d.label.en, d.article].some((s) => normKey(s).includes(needle));
  const visible = shownParams(base).filter((d) => d.path[0] !== "year" && matches(d));
  const openItems = needle
    ? RULE_SET_ORDER.filter((s) => visible.some((d) => d.ruleSet === s))
    : open;
  return (
    <>
      <SearchBox
        className={styles.gap}
        value={filter}
        onChange={(_, data) => setFilter(data.value)}
        placeholder={t("搜索参数、条款", "Search parameters, articles")}
        aria-label={t("搜索参数", "Search parameters")}
      />

      <Accordion
        multiple
        collapsible
        openItems={openItems}
        onToggle={(_, data) => setOpen(data.openItems as RuleSetId[])}
      >
        {RULE_SET_ORDER.map((set) => {
          const params = visible.filter((d) => d.ruleSet === set);
          if (params.length === 0) return null;
          const errs = params.filter((d) => check.errors[d.key]).length;
          return (
            <AccordionItem key={set} value={set}>
              <AccordionHeader>
                <span className={styles.header}>
                  {RULE_SET_TITLES[set][lang]}
                  <Caption1>({params.length})</Caption1>
                  {errs > 0 ? (
                    <Badge color="danger" aria-label={t(`${errs} 个错误`, `${errs} errors`)}>
                      {errs}
                    </Badge>
                  ) : null}
                </span>
              </AccordionHeader>
              <AccordionPanel>
                {openItems.includes(set)
                  ? params.map((d) => (
                      <ParamField
                        key={d.key}
                        d={d}
                        text={draft[d.key] ?? ""}
                        defaultText={paramText(d, getParam(defaults, d))}
                        error={check.errors[d.key]?.[lang]}
                        warning={check.warnings[d.key]?.[lang]}
                        onChange={onChange}
                      />
                    ))
                  : null}
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </>
  );
}

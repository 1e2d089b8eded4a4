/**
 * The summaries to generate, one check box each with why it is not available or which optional
 * columns it lacks (the availability from the header rows, src/summary/availability.ts). Shown by
 * the pane's 汇总 page and by the offline page (src/offline/App.tsx); no Office call.
 */
import * as React from "react";
import { Caption1, Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import type { Availability } from "../../summary/availability";
import type { SummaryId } from "../../summary/common";
import { SUMMARIES } from "../../summary/common";
import { useLang, useT } from "../i18n";

const useStyles = makeStyles({
  options: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  option: { display: "flex", flexDirection: "column" },
  reason: { marginLeft: "32px", color: tokens.colorPaletteRedForeground1 },
  detail: { marginLeft: "32px", color: tokens.colorNeutralForeground3 },
});

export interface SummaryChoicesProps {
  /** per summary, whether the data allows it; null while not known */
  availability: Partial<Record<SummaryId, Availability>> | null;
  selected: ReadonlySet<SummaryId>;
  /** every box disabled (no workbook, or work running) */
  disabled: boolean;
  onToggle: (id: SummaryId, on: boolean) => void;
}

export function SummaryChoices(props: SummaryChoicesProps): React.ReactElement {
  const styles = useStyles();
  const t = useT();
  const { lang } = useLang();
  return (
    <fieldset
      className={styles.options}
      aria-label={t("选择汇总表", "Choose the summaries")}
      style={{ border: "none", padding: 0, margin: 0 }}
    >
      {SUMMARIES.map((s) => {
        const a = props.availability?.[s.id];
        return (
          <div key={s.id} className={styles.option}>
            <Checkbox
              label={`${s.name}\u3000${lang === "zh" ? s.titleZh : s.titleEn}`}
              checked={props.selected.has(s.id)}
              disabled={props.disabled || !a?.available}
              onChange={(_, d) => props.onToggle(s.id, d.checked === true)}
            />
            {a && !a.available && (
              <Caption1 className={styles.reason}>
                {t(`不可用：${a.reasonZh}`, `Not available: ${a.reasonEn}`)}
              </Caption1>
            )}
            {a && a.available && a.absentOptional.length > 0 && (
              <Caption1 className={styles.detail}>
                {t(
                  `缺少可选列 ${a.absentOptional.map((o) => o.column).join("、")}：相关规则不适用`,
                  `Optional columns absent (${a.absentOptional.map((o) => o.column).join(", ")}): the rules that need them are not applied`
                )}
              </Caption1>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

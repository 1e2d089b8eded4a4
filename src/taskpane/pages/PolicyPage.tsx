/** 政策参数 page: what the policy editor will do (the policy helper replaces this page). */
import * as React from "react";
import { Body1, Subtitle2 } from "@fluentui/react-components";
import { useT } from "../i18n";

export function PolicyPage(): React.JSX.Element {
  const t = useT();
  return (
    <section>
      <Subtitle2 block as="h2">{t("政策参数", "Policy parameters")}</Subtitle2>
      <Body1 block as="p">
        {t(
          "本页将按规则集分组显示当年的全部政策参数（分数线、系数、容忍度、买断比例、金额单位等）及其条款出处，可校验后修改并写回“政策参数”工作表、恢复默认值或切换年度；修改后所有 CM.* 公式按新参数重新计算。",
          "This page will show every policy parameter of the year grouped by rule set with its article (score lines, coefficients, tolerance, buyout rates, amount unit…), let you edit them with validation and write them to the 政策参数 sheet, reset to the defaults or switch year; every CM.* formula then recalculates with the new figures."
        )}
      </Body1>
    </section>
  );
}

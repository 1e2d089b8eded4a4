/** 汇总 page: what the summaries will do (the summary helper replaces this page). */
import * as React from "react";
import { Body1, Subtitle2 } from "@fluentui/react-components";
import { useT } from "../i18n";

export function SummaryPage(): React.JSX.Element {
  const t = useT();
  return (
    <section>
      <Subtitle2 block as="h2">{t("生成汇总表", "Generate summaries")}</Subtitle2>
      <Body1 block as="p">
        {t(
          "本页将根据工作簿数据和当年政策参数生成汇总表：等级汇总、末位名单、退休买断、公司客户经理等级、差错积分汇总、预警时效。每张汇总表写入新的工作表（名称已存在时加 (2)、(3) 后缀），从不覆盖已有工作表；被校验拒绝的行不计入并在标题行注明。",
          "This page will build the summaries from the workbook's data and the year's policy: grade roster, bottom list, retirement buyout, corporate CM levels, error points and warning deadlines. Each goes to a new sheet (suffixed (2), (3) when the name is taken), never overwriting one; rows rejected by validation are left out and counted in the title line."
        )}
      </Body1>
    </section>
  );
}

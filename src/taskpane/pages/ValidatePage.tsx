/** 校验 page: what validation will do (the validation helper replaces this page). */
import * as React from "react";
import { Body1, Subtitle2 } from "@fluentui/react-components";
import { useT } from "../i18n";

export function ValidatePage(): React.JSX.Element {
  const t = useT();
  return (
    <section>
      <Subtitle2 block as="h2">{t("校验工作簿", "Validate the workbook")}</Subtitle2>
      <Body1 block as="p">
        {t(
          "本页将一键读取整个工作簿（客户经理、贷款台账、公司客户、差错记录、风险预警、政策参数），按 WORKBOOK.md 检查每个单元格的类型、必填、取值范围、编号唯一和引用关系，按工作表与严重程度列出问题；点击问题可选中出错的单元格，也可把问题清单导出到新的“校验结果”工作表。校验从不修改任何数值。",
          "This page will read the whole workbook (managers, loan ledger, corporate customers, error log, warnings, policy), check every cell's type, required values, ranges, unique ids and references, and list the issues by sheet and severity; clicking an issue selects its cell, and the list can be exported to a new 校验结果 sheet. Validation never changes a value."
        )}
      </Body1>
    </section>
  );
}

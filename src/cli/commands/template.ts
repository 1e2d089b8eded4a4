/**
 * `cm-addin template -o FILE.xlsx` (WORKBOOK.md "The command line"): a new workbook with every
 * input sheet and its headers, drop-down lists and number formats, and the 政策参数 sheet filled
 * with the current year's defaults. An existing file is never overwritten (exit 2).
 */
import * as fs from "fs";
import { defaultPolicy } from "../../policy/defaults";
import { currentYear } from "../../policy/store";
import { templateSheetModels } from "../../summary/template";
import { CliCommand, CliError, CliIO, describedBy, parseOptions, usageOf } from "../command";
import { checkOutput, writeNewWorkbook } from "../xlsx";
import { TEMPLATE_META } from "./meta";

export const USAGE = usageOf(TEMPLATE_META);

export const command: CliCommand = {
  ...describedBy(TEMPLATE_META),
  async run(args: string[], io: CliIO): Promise<number> {
    const { positional, options } = parseOptions(args, TEMPLATE_META.options);
    if (positional.length > 0)
      throw new CliError(`多余的参数 ${positional[0]}（unexpected argument; usage: ${USAGE}）`);
    const out = options.output;
    if (typeof out !== "string" || out === "")
      throw new CliError(`缺少 -o 输出文件（missing -o FILE.xlsx; usage: ${USAGE}）`);
    if (!/\.xlsx$/i.test(out))
      throw new CliError(`输出文件应以 .xlsx 结尾：${out}（the output must be an .xlsx file）`);
    const force = options.force === true;
    if (!force && fs.existsSync(out))
      throw new CliError(
        `文件已存在，不覆盖：${out}（${out} exists; it is not overwritten — add --force to replace it）`
      );
    checkOutput(null, out, { force });
    const models = templateSheetModels(defaultPolicy(currentYear()));
    await writeNewWorkbook(out, models, { force });
    io.out(`已生成模板 ${out}：${models.map((m) => m.name).join("、")}（template written）`);
    return 0;
  },
};

/**
 * The metadata of every `cm-addin` command (../command.ts `CommandMeta`): name, synopsis
 * (arguments and options), summaries — the one source of `cm-addin --help` (./index.ts), each
 * command's usage text and the options it parses. Kept apart from the command modules so the
 * help needs none of them loaded (they are required only when run).
 */
import type { CommandMeta } from "../command";

const FORCE = { name: "--force" } as const;
const JSON_OUT = { name: "--json" } as const;
const YEAR = { name: "--year", value: true, placeholder: "YYYY" } as const;
const POLICY_FILE = { name: "--policy", value: true, placeholder: "FILE.json" } as const;

/** (issue 18) `--previous LAST.xlsx` of summarize, verify and validate: last year's 汇总 file. */
export const PREVIOUS_OPTION = {
  name: "--previous",
  value: true,
  placeholder: "LAST.xlsx",
} as const;

export const TEMPLATE_META: CommandMeta = {
  name: "template",
  args: [],
  options: [
    { name: "--output", alias: "-o", value: true, placeholder: "FILE.xlsx", required: true },
    FORCE,
  ],
  summaryZh: "生成空白模板工作簿：全部输入表的表头与当年政策参数",
  summaryEn: "an empty workbook with every input sheet and the year's policy",
};

export const VALIDATE_META: CommandMeta = {
  name: "validate",
  args: ["FILE.xlsx"],
  options: [JSON_OUT, PREVIOUS_OPTION],
  summaryZh: "校验工作簿，列出问题（有错误时退出状态为 1）",
  summaryEn: "validate a workbook and list the issues (exit 1 on errors)",
};

export const SUMMARIZE_META: CommandMeta = {
  name: "summarize",
  args: ["FILE.xlsx"],
  options: [
    { name: "--out", alias: "-o", value: true, placeholder: "OUT.xlsx", required: true },
    YEAR,
    POLICY_FILE,
    { name: "--only", value: true, placeholder: "名称,…" },
    { name: "--statements" },
    PREVIOUS_OPTION,
    FORCE,
  ],
  summaryZh: "生成全部汇总表，写入 OUT.xlsx（原有工作表不变；数据有错误时仍写入，退出状态为 1）",
  summaryEn:
    "write every summary the data allows to OUT.xlsx (input sheets unchanged; exit 1 when the data has errors)",
};

export const DEMO_META: CommandMeta = {
  name: "demo",
  args: [],
  options: [{ name: "--out", alias: "-o", value: true, placeholder: "OUT.xlsx" }, FORCE],
  summaryZh: "用自带的示例工作簿运行 summarize 并打印等级汇总",
  summaryEn: "run summarize on the bundled sample workbook and print the grade roster",
};

export const POLICY_META: CommandMeta = {
  name: "policy",
  args: [],
  options: [YEAR, JSON_OUT],
  summaryZh: "打印某年度政策参数的默认值（--json 输出可供 --policy 使用的 JSON）",
  summaryEn: "print the policy defaults of a year (--json: the JSON that --policy reads)",
};

export const VERIFY_META: CommandMeta = {
  name: "verify",
  args: ["OUT.xlsx"],
  options: [POLICY_FILE, PREVIOUS_OPTION, JSON_OUT],
  summaryZh:
    "按工作簿内的输入表与政策重算各汇总表，逐格列出不同之处（只比较值，不比较格式；有不同时退出状态为 1）",
  summaryEn:
    "remake every summary from the workbook's input sheets and policy and list each cell that differs (values, not formatting; exit 1 when any differs)",
};

/** In the order `cm-addin --help` lists them. */
export const COMMAND_METAS: readonly CommandMeta[] = [
  TEMPLATE_META,
  VALIDATE_META,
  SUMMARIZE_META,
  DEMO_META,
  POLICY_META,
  VERIFY_META,
];

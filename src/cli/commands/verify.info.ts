/** `cm-addin verify`'s usage and summary: the one place (the command list and the command read them). */
export const VERIFY_INFO = {
  name: "verify",
  usage: "cm-addin verify OUT.xlsx [--policy FILE.json] [--json]",
  summaryZh:
    "按工作簿内的输入表与政策重算各汇总表，逐格列出不同之处（只比较值，不比较格式；有不同时退出状态为 1）",
  summaryEn:
    "remake every summary from the workbook's input sheets and policy and list each cell that differs (values, not formatting; exit 1 when any differs)",
} as const;

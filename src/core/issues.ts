/**
 * A validation issue: where (sheet, cell), how bad, which rule, what is wrong.
 * The CLI prints these (`--json` as an array of {sheet, cell, severity, rule, message});
 * the task pane lists them and selects the cell; the 校验结果 sheet records them.
 */
export type Severity = "error" | "warning" | "info";

/**
 * (rev 2) What an issue is about: the data (types, references, columns …) or a compliance
 * finding about how a loan was made (RULES.md A13, 合规提示) — listed in its own group, never
 * an error, never leaving a row out.
 */
export type IssueCategory = "data" | "compliance";

export interface Issue {
  sheet: string;
  /** A1 address of the cell ("C7"), or of the header row / sheet ("" when none) */
  cell: string;
  severity: Severity;
  /** rule id: a type/reference check ("TYPE.amount", "REF.employee") or an article ("A13.第二十四条") */
  rule: string;
  /** Chinese message */
  message: string;
  /** English message */
  messageEn?: string;
  /** absent = "data"; see {@link issueCategory} */
  category?: IssueCategory;
}

export const CATEGORY_ZH: Record<IssueCategory, string> = {
  data: "数据问题",
  compliance: "合规提示",
};
export const CATEGORY_EN: Record<IssueCategory, string> = {
  data: "Data issues",
  compliance: "Compliance findings",
};

export function issueCategory(i: Pick<Issue, "category">): IssueCategory {
  return i.category ?? "data";
}

/** The issues of one category, in their order. */
export function issuesOfCategory<T extends Pick<Issue, "category">>(
  issues: readonly T[],
  c: IssueCategory
): T[] {
  return issues.filter((i) => issueCategory(i) === c);
}

export const SEVERITY_ZH: Record<Severity, string> = {
  error: "错误",
  warning: "警告",
  info: "提示",
};

/** 0-based column index → letters (0 → A, 27 → AB). */
export function colLetters(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based row and column → "B3". */
export function a1(row: number, col: number): string {
  return `${colLetters(col)}${row + 1}`;
}

/** "AB12" → { row: 11, col: 27 } (0-based). */
export function parseA1(addr: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(addr.toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: +m[2] - 1, col: col - 1 };
}

/** Any data error (a compliance finding never is one). */
export function hasErrors(issues: Issue[]): boolean {
  return issues.some((i) => i.severity === "error" && issueCategory(i) === "data");
}

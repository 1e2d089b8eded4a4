/**
 * English help for the custom functions. The JSDoc in each functions file is the zh-CN
 * source (functions.json); each file has a sibling `<name>.en.ts` exporting a HelpTable with
 * the English description of every function and parameter. The build writes the en-US
 * metadata from it, and a test checks that every function has both languages.
 */
export interface FunctionHelpEn {
  description: string;
  /** parameter name (as in the JSDoc signature) → English help */
  params: Record<string, string>;
  /** English text for the result */
  result?: string;
  /** an example formula shown in the task pane's help and the README, e.g. "=CM.GRADE(B2)" */
  example?: string;
}

/** function id (as in functions.json, e.g. "GRADE") → English help */
export type HelpTable = Record<string, FunctionHelpEn>;

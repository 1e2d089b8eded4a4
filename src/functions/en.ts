/**
 * The English help of every CM.* function: the union of the per-rule-set tables. The build
 * (webpack.config.js) writes functions.en-US.json from it, the task pane's help page shows it,
 * and test/functions/metadata.test.ts checks that every function and parameter has an entry.
 */
import { HELP_EN_A } from "./a.en";
import { HELP_EN_B } from "./b.en";
import { HELP_EN_C } from "./c.en";
import { HELP_EN_D } from "./d.en";
import { HELP_EN_NEXT } from "./next.en";
import { HELP_EN_ROSTER } from "./roster.en";
import type { HelpTable } from "./help";

const TABLES: Record<string, HelpTable> = {
  A: HELP_EN_A,
  B: HELP_EN_B,
  C: HELP_EN_C,
  D: HELP_EN_D,
  next: HELP_EN_NEXT,
  roster: HELP_EN_ROSTER,
};

function merge(tables: Record<string, HelpTable>): HelpTable {
  const out: HelpTable = {};
  for (const [set, table] of Object.entries(tables)) {
    for (const [id, help] of Object.entries(table)) {
      if (id in out)
        throw new Error(`English help for function ${id} is defined twice (rule set ${set})`);
      out[id] = help;
    }
  }
  return out;
}

/** function id (as in functions.json, e.g. "GRADE") → English help */
export const HELP_EN: HelpTable = merge(TABLES);

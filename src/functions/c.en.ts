/** English help of the custom functions in ./c.ts (function id → description, parameters). */
import type { HelpTable } from "./help";

export const HELP_EN_C: HelpTable = {};

/** English help of the custom functions in ./a.ts (function id → description, parameters). */
import type { HelpTable } from "./help";

export const HELP_EN_A: HelpTable = {};

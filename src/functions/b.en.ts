/** English help of the custom functions in ./b.ts (function id → description, parameters). */
import type { HelpTable } from "./help";

export const HELP_EN_B: HelpTable = {};

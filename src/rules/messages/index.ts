/**
 * All explanation templates, one catalogue per rule set. Codes are prefixed by their rule
 * set (A_…, B_…, C_…, D_…, P_…) so catalogues never collide.
 */
import type { MessageCatalog } from "../../core/explain";
import { MESSAGES_A } from "./a";
import { MESSAGES_B } from "./b";
import { MESSAGES_C } from "./c";
import { MESSAGES_D } from "./d";

export const CATALOG: MessageCatalog = {
  ...MESSAGES_A,
  ...MESSAGES_B,
  ...MESSAGES_C,
  ...MESSAGES_D,
};

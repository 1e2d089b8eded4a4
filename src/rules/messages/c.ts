/** Explanation templates of rule set C (codes C_…). */
import type { MessageCatalog } from "../../core/explain";

export const MESSAGES_C: MessageCatalog = {};

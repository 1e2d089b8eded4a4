/** Explanation templates of rule set A (codes A_…). */
import type { MessageCatalog } from "../../core/explain";

export const MESSAGES_A: MessageCatalog = {};

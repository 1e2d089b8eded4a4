/** Explanation templates of rule set B (codes B_…). */
import type { MessageCatalog } from "../../core/explain";

export const MESSAGES_B: MessageCatalog = {};

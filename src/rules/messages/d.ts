/** Explanation templates of rule set D (codes D_…). */
import type { MessageCatalog } from "../../core/explain";

export const MESSAGES_D: MessageCatalog = {};

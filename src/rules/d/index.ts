/** Rule set D (004 篇8 贷款风险预警制度): public API. */
export * from "./deadlines";
export * from "./roster";

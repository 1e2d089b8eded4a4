/** Rule set C (003 差错积分考核标准): public API. */
export * from "./catalogue";
export * from "./items";
export * from "./points";
export * from "./disqualify";

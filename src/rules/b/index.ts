/** Rule set B (002 银行客户经理等级管理办法): public API. */
export * from "./levels";
export * from "./indicators";
export * from "./passline";
export * from "./decision";
export * from "./allowance";
export * from "./triggers";
export * from "./roster";
export * from "./next";
export * from "./yellow";

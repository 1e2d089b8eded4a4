/** Rule set A (RULES.md A1–A13): 银行客户经理及不良贷款管理办法 (000 篇9). Pure functions over plain data. */
export * from "./common";
export * from "./score";
export * from "./grade";
export * from "./assess";
export * from "./npl";
export * from "./bottom";
export * from "./exit";
export * from "./tolerance";
export * from "./exitPay";
export * from "./buyout";
export * from "./annual";
export * from "./ledgerCompliance";

/**
 * Custom functions of rule set A（信贷客户经理等级与不良贷款买断，RULES.md A）.
 * Each function: Chinese JSDoc (`@customfunction ID`, zh-CN help in functions.json), a one-line
 * body calling a `defineFunction(spec, impl)` of ./args.ts; English help in ./a.en.ts.
 * The build (CustomFunctionsMetadataPlugin) reads this file and registers every function.
 */
export {};

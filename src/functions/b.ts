/**
 * Custom functions of rule set B（公司客户经理六级等级，RULES.md B）.
 * Each function: Chinese JSDoc (`@customfunction ID`, zh-CN help in functions.json), a one-line
 * body calling a `defineFunction(spec, impl)` of ./args.ts; English help in ./b.en.ts.
 * The build (CustomFunctionsMetadataPlugin) reads this file and registers every function.
 */
export {};

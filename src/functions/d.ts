/**
 * Custom functions of rule set D（贷款风险预警时限，RULES.md D）.
 * Each function: Chinese JSDoc (`@customfunction ID`, zh-CN help in functions.json), a one-line
 * body calling a `defineFunction(spec, impl)` of ./args.ts; English help in ./d.en.ts.
 * The build (CustomFunctionsMetadataPlugin) reads this file and registers every function.
 */
export {};

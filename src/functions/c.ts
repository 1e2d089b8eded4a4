/**
 * Custom functions of rule set C（差错积分，RULES.md C）.
 * Each function: Chinese JSDoc (`@customfunction ID`, zh-CN help in functions.json), a one-line
 * body calling a `defineFunction(spec, impl)` of ./args.ts; English help in ./c.en.ts.
 * The build (CustomFunctionsMetadataPlugin) reads this file and registers every function.
 */
export {};

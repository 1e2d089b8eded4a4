/**
 * The `CustomFunctions` global that Excel's runtime provides, for functions run under jest
 * (and in HyperFormula tests): the Error class and the ErrorCode values of
 * @types/custom-functions-runtime.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

class CfError {
  code: string;
  message?: string;
  constructor(code: string, message?: string) {
    this.code = code;
    this.message = message;
  }
}

const g = globalThis as any;
if (!g.CustomFunctions) {
  g.CustomFunctions = {
    Error: CfError,
    ErrorCode,
    associate: () => undefined,
  };
}

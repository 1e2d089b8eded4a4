/**
 * Typed errors shared by every layer.
 *
 * Rules throw {@link RuleError} when a result cannot be computed (a peer average of 0,
 * a policy figure that is unset, an input outside its domain). The custom-function
 * wrapper turns it into a `CustomFunctions.Error` (#VALUE! or #N/A, the only codes that
 * carry a message in Excel); the reader and the validator turn it into an issue.
 * Nothing turns it into 0, NaN or Infinity.
 */
export type ErrorKind =
  /** the input is of the wrong kind or out of its domain → #VALUE! */
  | "value"
  /** the result is not available: a policy figure unset, nothing to compute from → #N/A */
  | "na";

export class RuleError extends Error {
  readonly kind: ErrorKind;
  /** Chinese message: what is wrong and, where it helps, which article or parameter. */
  readonly zh: string;
  /** English message. */
  readonly en: string;
  constructor(kind: ErrorKind, zh: string, en: string) {
    super(zh);
    this.name = "RuleError";
    this.kind = kind;
    this.zh = zh;
    this.en = en;
  }
}

/** Bad input (#VALUE!). */
export function valueError(zh: string, en: string): RuleError {
  return new RuleError("value", zh, en);
}

/** Not available (#N/A): an unset policy figure, nothing to compute from. */
export function naError(zh: string, en: string): RuleError {
  return new RuleError("na", zh, en);
}

export function isRuleError(e: unknown): e is RuleError {
  return e instanceof RuleError;
}

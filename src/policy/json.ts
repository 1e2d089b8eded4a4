/**
 * The policy as JSON, for `cm-addin policy --json` and `--policy FILE.json` batch runs.
 *
 * Written ({@link policyToJson}): one object with the keys of the 政策参数 sheet, in the sheet's
 * order — {"年度": 2025, "金额单位": "元", "不良容忍度": null, "A.一级.最低分": 90, …};
 * amounts in 元, shares as fractions (0.05), dates yyyy-mm-dd, lists as arrays, unset = null.
 *
 * Read ({@link policyFromJson}): a PARTIAL object over a base policy, in either form (they may
 * be mixed):
 *   - the sheet keys above: {"不良容忍度": 1.2, "A.一级.最低分": 88};
 *   - the Policy object shape: {"nplToleranceRatePct": 1.2, "a": {"grades": [{"minScore": 88}]}}
 *     (array elements by position; a grade or level name, if given, must match).
 * Each value is parsed like a sheet cell ("5%", "100万" accepted); then the whole policy is
 * validated. Any error → {@link PolicyJsonError} whose message is one line, ready for the CLI.
 */
import type { Issue } from "../core/issues";
import {
  clonePolicy,
  getParam,
  isIdentityPath,
  paramByKey,
  paramByPath,
  pathText,
  shownParams,
  setParam,
  type ParamDef,
  type PathSeg,
} from "./schema";
import type { Policy } from "./types";
import { parseParamValue, validatePolicy, type PolicyIssue } from "./validate";

/** The Policy's own top-level property names (the object form). */
const OBJECT_KEYS = new Set([
  "year",
  "amountUnit",
  "assessmentDate",
  "nplToleranceRatePct",
  "usdCnyRate",
  "unitName",
  "postingPeriod",
  "appealPlace",
  "a",
  "b",
  "c",
  "d",
]);

const JSON_SHEET = "--policy";

/** Errors of a policy JSON; `message` is one line (Chinese, then English in brackets). */
export class PolicyJsonError extends Error {
  readonly issues: Issue[];
  constructor(issues: Issue[]) {
    const shown = issues
      .slice(0, 5)
      .map((i) => i.message)
      .join("；");
    const more = issues.length > 5 ? `；另有 ${issues.length - 5} 处` : "";
    super(`政策参数 JSON 有误：${shown}${more}（policy JSON has ${issues.length} error(s)）`);
    this.name = "PolicyJsonError";
    this.issues = issues;
  }
}

function jsonIssue(severity: Issue["severity"], rule: string, zh: string, en: string): Issue {
  return { sheet: JSON_SHEET, cell: "", severity, rule, message: zh, messageEn: en };
}

/** The JSON value of a parameter: lists as arrays, everything else as held in the policy. */
function jsonValue(v: unknown): unknown {
  return v === undefined ? null : v;
}

/** The policy as a JSON text with the sheet's keys (2-space indented). */
export function policyToJson(policy: Policy): string {
  const out: Record<string, unknown> = {};
  for (const d of shownParams(policy)) out[d.key] = jsonValue(getParam(policy, d));
  return JSON.stringify(out, null, 2);
}

interface Entry {
  /** how the user wrote the key ("A.一级.最低分" or "a.grades.0.minScore") */
  name: string;
  def?: ParamDef;
  value: unknown;
  /** set for an identity field (grade/level name) of the object form */
  identity?: PathSeg[];
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}

/** Leaves of the object form: objects and arrays of objects are walked; a list of texts is a leaf. */
function objectLeaves(v: unknown, path: PathSeg[], out: Entry[]): void {
  const isList = Array.isArray(v) && v.every((x) => !isPlainObject(x));
  if (isPlainObject(v) || (Array.isArray(v) && !isList)) {
    const entries: [PathSeg, unknown][] = Array.isArray(v)
      ? v.map((x, i) => [i, x])
      : Object.entries(v);
    // a record entry (C points, annual ratios) is a leaf even when its path is one level deeper
    for (const [k, x] of entries) objectLeaves(x, [...path, k], out);
    return;
  }
  const name = pathText(path);
  if (isIdentityPath(path)) out.push({ name, value: v, identity: path });
  else out.push({ name, def: paramByPath(name), value: v });
}

function entriesOf(obj: Record<string, unknown>): Entry[] {
  const out: Entry[] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (OBJECT_KEYS.has(k)) objectLeaves(v, [k], out);
    else out.push({ name: k, def: paramByKey(k), value: v });
  }
  return out;
}

function parseJson(text: string): Record<string, unknown> {
  let obj: unknown;
  try {
    obj = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new PolicyJsonError([
      jsonIssue("error", "POLICY.json", `不是有效的 JSON：${msg}`, `not valid JSON: ${msg}`),
    ]);
  }
  if (!isPlainObject(obj)) {
    throw new PolicyJsonError([
      jsonIssue("error", "POLICY.json", "JSON 顶层须为对象 {…}", "the JSON must be an object {…}"),
    ]);
  }
  return obj;
}

/** The 年度 a policy JSON names (either form), or null; a JSON that cannot be read → PolicyJsonError. */
export function policyJsonYear(text: string): number | null {
  const obj = parseJson(text);
  const e = entriesOf(obj).find((x) => x.def?.path[0] === "year");
  if (!e) return null;
  const p = parseParamValue(e.def!, e.value);
  if (!p.ok) throw new PolicyJsonError([jsonIssue("error", "POLICY.value", p.zh, p.en)]);
  return p.value as number;
}

/**
 * Applies a partial policy JSON to `base` and validates the result. Returns the policy and the
 * warnings; every error (unknown key, wrong type, out of range, disordered thresholds, a 年度
 * other than base's) is collected and thrown as one {@link PolicyJsonError}.
 */
export function policyFromJsonWithIssues(
  text: string,
  base: Policy
): { policy: Policy; issues: Issue[] } {
  const obj = parseJson(text);
  const policy = clonePolicy(base);
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const seen = new Map<ParamDef, string>();
  for (const e of entriesOf(obj)) {
    if (e.identity) {
      const expected = e.identity.reduce<unknown>(
        (o, k) => (o as Record<string, unknown> | undefined)?.[String(k)],
        base
      );
      if (e.value !== expected) {
        errors.push(
          jsonIssue(
            "error",
            "POLICY.key",
            `“${e.name}”应为 ${String(expected)}，实为 ${String(e.value)}（数组元素按位置对应）`,
            `"${e.name}" must be ${String(expected)}, got ${String(e.value)} (array elements go by position)`
          )
        );
      }
      continue;
    }
    const d = e.def;
    if (!d) {
      errors.push(
        jsonIssue("error", "POLICY.unknown", `未知参数“${e.name}”`, `unknown key "${e.name}"`)
      );
      continue;
    }
    const prior = seen.get(d);
    if (prior !== undefined) {
      errors.push(
        jsonIssue(
          "error",
          "POLICY.duplicate",
          `参数“${d.key}”出现两次（${prior} 与 ${e.name}）`,
          `"${d.key}" is given twice (${prior} and ${e.name})`
        )
      );
      continue;
    }
    seen.set(d, e.name);
    const p = parseParamValue(d, e.value);
    if (!p.ok) {
      errors.push(
        jsonIssue("error", p.severity === "warning" ? "POLICY.scale" : "POLICY.value", p.zh, p.en)
      );
      continue;
    }
    if (d.path[0] === "year" && p.value !== base.year) {
      errors.push(
        jsonIssue(
          "error",
          "POLICY.year",
          `JSON 的年度 ${String(p.value)} 与所用年度 ${base.year} 不一致`,
          `the JSON's year ${String(p.value)} differs from the year used, ${base.year}`
        )
      );
      continue;
    }
    setParam(policy, d, p.value);
    if (p.warning) warnings.push(jsonIssue("warning", "POLICY.scale", p.warning.zh, p.warning.en));
  }
  if (errors.length === 0) {
    for (const i of validatePolicy(policy)) {
      if (i.rule === "POLICY.scale") continue; // already reported value by value
      (i.severity === "error" ? errors : warnings).push(toJsonIssue(i));
    }
  }
  if (errors.length > 0) throw new PolicyJsonError(errors);
  return { policy, issues: warnings };
}

function toJsonIssue(i: PolicyIssue): Issue {
  return {
    sheet: JSON_SHEET,
    cell: "",
    severity: i.severity,
    rule: i.rule,
    message: i.message,
    messageEn: i.messageEn,
  };
}

/** {@link policyFromJsonWithIssues} without the warnings. */
export function policyFromJson(text: string, base: Policy): Policy {
  return policyFromJsonWithIssues(text, base).policy;
}

/**
 * (issue 20 item 2) The help texts never state a policy figure: the zh-CN JSDoc of every CM.*
 * function (functions.json, written at build time, cannot read the workbook's policy), the
 * English tables (*.en.ts) and the pane's help page describe the rule and point to the help
 * page's 本年度政策数字, which shows the workbook's own figures. This test derives the figures
 * from the default policy (so it follows the defaults) and fails on any of them written out.
 */
import * as fs from "fs";
import * as path from "path";
import { D } from "../../src/core/money";
import { defaultPolicy } from "../../src/policy/defaults";
import { getParam, ParamDef, POLICY_SCHEMA } from "../../src/policy/schema";

const ROOT = path.resolve(__dirname, "../..");
const FUNCTION_FILES = ["a", "b", "c", "d", "roster"];

/** The JSDoc blocks of the functions Excel registers (the zh-CN help). */
function jsdocHelp(file: string): { where: string; text: string }[] {
  const src = fs.readFileSync(path.join(ROOT, "src/functions", `${file}.ts`), "utf8");
  return [...src.matchAll(/\/\*\*([\s\S]*?)\*\//g)]
    .filter((m) => m[1].includes("@customfunction"))
    .map((m) => ({
      where: `src/functions/${file}.ts @customfunction ${/@customfunction (\w+)/.exec(m[1])![1]}`,
      text: m[1],
    }));
}

/** The English tables and the help page: their string literals. */
function literals(rel: string): { where: string; text: string }[] {
  const src = fs.readFileSync(path.join(ROOT, rel), "utf8");
  return [...src.matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)]
    .map((m) => ({ where: rel, text: m[1] ?? m[2] ?? m[3] }))
    .filter((l) => !/^[\d.%]+$/.test(l.text)); // style values (width: "100%")
}

const HELP = [
  ...FUNCTION_FILES.flatMap(jsdocHelp),
  ...FUNCTION_FILES.flatMap((f) => literals(`src/functions/${f}.en.ts`)),
  ...literals("src/taskpane/pages/HelpPage.tsx"),
  ...literals("src/taskpane/pages/PolicyFigures.tsx"),
];

/** The C item points are small counts shared with ordinary numbers; rule sets A, B, D and 通用. */
const CHECKED = POLICY_SCHEMA.filter((d) => d.ruleSet !== "C" && !d.recordEntry);

/**
 * The text without what only looks like a figure: article numbers of the English help ("Art. 11,
 * 12"), dates of examples, cell references. Date parameters are looked for in the text as it is.
 */
function plain(text: string): string {
  return text
    .replace(/\bArts?\.\s*\d+(?:\.\d+)?(?:\s*(?:,|–|-|and)\s*\d+)*(?:\s*\(\d+\))?/g, "Art. §")
    .replace(/\d{4}-\d{2}-\d{2}/g, "DATE")
    .replace(/\b[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?\b/g, "REF");
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const token = (s: string) => new RegExp(`(?<![\\d.,])${esc(s)}(?![\\d.,]*\\d)(?!\\.\\d)`);

/** How a figure would be written in help text. Single digits are left out (too common as plain numbers). */
function forms(d: ParamDef, v: unknown): RegExp[] {
  if (typeof v === "string" && d.type === "date") return [token(v)];
  if (typeof v !== "number" || d.type === "year" || v === 0) return [];
  const out: string[] = [];
  if (d.type === "fraction") out.push(`${D(v).times(100).toString()}%`);
  else if (d.type === "percent") out.push(`${v}%`);
  else if (d.type === "amount") {
    if (v >= 10_000) out.push(`${D(v).div(10_000).toString()}万`, `${D(v).div(10_000)} 万`);
    out.push(v.toLocaleString("en-US"));
    if (String(v).length >= 2) out.push(String(v));
  } else {
    if (String(v).replace(".", "").length >= 2) out.push(String(v));
    if (Number.isInteger(v) && d.unit === "") out.push(`${v}.0`);
  }
  return out.map(token);
}

test("no help text writes out a figure of the default policy", () => {
  const p = defaultPolicy(2025);
  const hits: string[] = [];
  for (const d of CHECKED) {
    for (const re of forms(d, getParam(p, d))) {
      for (const h of HELP) {
        const text = d.type === "date" ? h.text : plain(h.text);
        const m = re.exec(text);
        if (m) {
          const at = Math.max(0, m.index - 20);
          const around = text.slice(at, m.index + m[0].length + 20).replace(/\s+/g, " ");
          hits.push(`${h.where}: ${d.key} = ${m[0]} in “…${around}…”`);
        }
      }
    }
  }
  expect(hits).toEqual([]);
});

test("the check finds a figure written out (the grade score line of the default policy)", () => {
  const p = defaultPolicy(2025);
  const d = POLICY_SCHEMA.find((x) => x.path.join(".") === "a.grades.0.minScore")!;
  const [re] = forms(d, getParam(p, d));
  expect(re.test(`第十条：≥${p.a.grades[0].minScore} 一级`)).toBe(true);
  expect(re.test("第十条：按政策参数的分数线定等级")).toBe(false);
  const rate = POLICY_SCHEMA.find((x) => x.path.join(".") === "a.toleranceNaturalRate")!;
  expect(forms(rate, 0.1).some((r) => r.test("利息收入 × 10%"))).toBe(true);
  const amount = POLICY_SCHEMA.find((x) => x.path.join(".") === "d.midAmount")!;
  expect(forms(amount, 1_000_000).some((r) => r.test("100万元以下"))).toBe(true);
  expect(CHECKED.length).toBeGreaterThan(100);
});

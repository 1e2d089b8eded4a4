import * as fs from "fs";
import * as path from "path";
import { MESSAGES_A } from "../../../src/rules/messages/a";

const DIR = path.resolve(__dirname, "../../../src/rules/a");

describe("rule set A message catalogue", () => {
  const src = fs.readdirSync(DIR).map((f) => fs.readFileSync(path.join(DIR, f), "utf8")).join("\n");
  const used = new Set(src.match(/"A_[A-Z0-9_]+"/g)!.map((s) => s.slice(1, -1)));

  it("every code used has a Chinese and an English template, and every template is used", () => {
    for (const c of used) {
      expect([c, typeof MESSAGES_A[c]?.zh, typeof MESSAGES_A[c]?.en]).toEqual([c, "string", "string"]);
    }
    for (const c of Object.keys(MESSAGES_A)) expect([c, used.has(c)]).toEqual([c, true]);
  });

  it("Chinese and English templates use the same parameters", () => {
    const names = (t: string) => [...new Set(t.match(/\{\w+\}/g) ?? [])].sort();
    for (const [c, m] of Object.entries(MESSAGES_A)) {
      const zh = names(m.zh).filter((n) => n !== "{reasonEn}");
      const en = names(m.en).map((n) => (n === "{reasonEn}" ? "{reason}" : n)).sort();
      expect([c, zh]).toEqual([c, en]);
    }
  });
});

/**
 * (issue 19) `cm-addin summarize --statements`: 考核通知单 and 公示名单 besides the summaries asked
 * for (every default one without --only); not without the flag.
 */
import { parseSummarizeArgs, USAGE } from "../../src/cli/commands/summarize";
import { selectSummaries } from "../../src/summary/build";

test("--statements adds the two sheets to the default summaries or to --only", () => {
  expect(USAGE).toContain("--statements");
  expect(parseSummarizeArgs(["in.xlsx", "-o", "out.xlsx"]).opts.only).toBeUndefined();
  const all = parseSummarizeArgs(["in.xlsx", "-o", "out.xlsx", "--statements"]).opts.only!;
  expect(selectSummaries(all)).toEqual([
    ...selectSummaries().filter((id) => id !== "issues"),
    "statements",
    "posting",
    "issues",
  ]);
  const some = parseSummarizeArgs([
    "in.xlsx",
    "-o",
    "out.xlsx",
    "--only",
    "等级汇总",
    "--statements",
  ]).opts.only!;
  expect(selectSummaries(some)).toEqual(["grades", "statements", "posting"]);
});

/** (issue 18) The 汇总 page's report says when the workbook's 上年… sheets were used. */
import type { GeneratedSummaries } from "../../src/excel/summaries";
import { reportOf } from "../../src/taskpane/pages/SummaryPage";

function generated(lastYear: GeneratedSummaries["lastYear"]): GeneratedSummaries {
  return {
    policy: {} as GeneratedSummaries["policy"],
    models: [],
    ids: [],
    sheetNames: [],
    skipped: [],
    issues: [],
    explanations: {},
    availability: {} as GeneratedSummaries["availability"],
    lastYear,
  };
}

test("the report carries the 上年 sheets used, or null", () => {
  expect(
    reportOf(generated({ source: "本工作簿的上年表", sheets: ["上年等级汇总"] })).lastYear
  ).toEqual(["上年等级汇总"]);
  expect(reportOf(generated(null)).lastYear).toBeNull();
  expect(reportOf(generated(undefined)).lastYear).toBeNull();
});

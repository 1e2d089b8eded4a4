/**
 * Where 汇总 is computed (src/excel/compute.ts) and the worker's protocol
 * (src/taskpane/summaryWorker.ts run here over a fake worker scope): the same result as the
 * inline buildSummaries, after a structured clone both ways; a worker that cannot start falls
 * back to the calling thread; a rule error in the worker is the caller's error.
 */
import { structuredClone as clone } from "./cloneShim";
import { computeSummaries, setSummaryCompute, SummaryCompute } from "../../src/excel/compute";
import { buildSummaries } from "../../src/summary/build";
import { activePolicy } from "../../src/policy/store";
import type { WorkbookGrid } from "../../src/reader/grid";

const NOW = new Date(Date.UTC(2026, 0, 5, 1, 0, 0));
const grid: WorkbookGrid = {
  sheets: [
    {
      name: "客户经理",
      rowOffset: 0,
      colOffset: 0,
      values: [
        ["员工号", "姓名", "行别类型", "当年发放贷款笔数", "当年贷款利息收入", "新增不良贷款余额", "年末管理贷款总额", "考试不合格次数", "经济处罚次数", "通报批评次数", "严重违规次数"],
        ["E1", "甲", "一类行", 120, 1200000, 0, 10000000, 0, 0, 0, 0],
        ["E2", "乙", "一类行", 80, 800000, 0, 10000000, 0, 0, 0, 0],
      ],
    },
  ],
};

/** The worker module, loaded over a fake `self`: messages in, messages out. */
function loadWorker(): (data: unknown) => Promise<any> {
  const scope: { onmessage: ((e: { data: unknown }) => void) | null; postMessage: (d: unknown) => void } = { onmessage: null, postMessage: () => undefined };
  const g = globalThis as Record<string, unknown>;
  const before = g.self;
  g.self = scope;
  jest.isolateModules(() => {
    require("../../src/taskpane/summaryWorker");
  });
  g.self = before;
  return (data) =>
    new Promise((resolve) => {
      scope.postMessage = (d) => resolve(clone(d));
      scope.onmessage!({ data: clone(data) });
    });
}

afterEach(() => setSummaryCompute(null));

describe("computeSummaries", () => {
  test("inline by default: buildSummaries itself", async () => {
    const r = await computeSummaries(grid, activePolicy(), { now: NOW });
    expect(r.models).toEqual(buildSummaries(grid, activePolicy(), { now: NOW }).models);
  });

  test("through the worker's protocol: the same models, issues and explanations as inline", async () => {
    const post = loadWorker();
    let n = 0;
    const viaWorker: SummaryCompute = async (g, policy, opts) => {
      const answer = await post({ id: ++n, grid: g, policy, opts });
      if (!answer.ok) throw new Error(answer.message);
      return answer.result;
    };
    setSummaryCompute(viaWorker);
    const r = await computeSummaries(grid, activePolicy(), { now: NOW });
    const want = buildSummaries(grid, activePolicy(), { now: NOW });
    expect(r.models).toEqual(want.models);
    expect(r.issues).toEqual(want.issues);
    expect(r.explanations).toEqual(want.explanations);
    // a bad request: the worker answers with the error's message
    await expect(viaWorker(grid, activePolicy(), { now: NOW, only: ["不存在的汇总"] })).rejects.toThrow(/不存在的汇总/);
  });

  test("a worker that cannot start: computed in the calling thread", async () => {
    setSummaryCompute(async () => {
      throw Object.assign(new Error("worker-src blocked"), { workerUnavailable: true });
    });
    const r = await computeSummaries(grid, activePolicy(), { now: NOW });
    expect(r.models.length).toBeGreaterThan(0);
  });
});

/**
 * Where 汇总 and 校验 are computed (src/excel/compute.ts) and the worker's protocol: the pane's
 * client (src/taskpane/workerClient.ts) over src/taskpane/summaryWorker.ts run in-process behind a
 * fake Worker that structured-clones every message. The same results as inline, large values in
 * pieces both ways; a worker that cannot start falls back to the calling thread; a rule error in
 * the worker is the caller's error; a crash rejects the waiting call (then the calling thread).
 */
import { structuredClone as clone } from "./cloneShim";
import {
  checkView,
  computeCheck,
  computeSummaries,
  runTask,
  setTaskRunner,
} from "../../src/excel/compute";
import { buildSummaries } from "../../src/summary/build";
import { checkWorkbook } from "../../src/summary/readiness";
import { activePolicy } from "../../src/policy/store";
import type { WorkbookGrid } from "../../src/core/grid";
import { workerRunner, WorkerLike } from "../../src/taskpane/workerClient";
import { toSerial } from "../../src/core/dates";
import { GeneratedSheet, scaledSheets } from "../bench/generate";

const NOW = new Date(Date.UTC(2026, 0, 5, 1, 0, 0));
const grid: WorkbookGrid = {
  sheets: [
    {
      name: "客户经理",
      rowOffset: 0,
      colOffset: 0,
      values: [
        [
          "员工号",
          "姓名",
          "行别类型",
          "当年发放贷款笔数",
          "当年贷款利息收入",
          "新增不良贷款余额",
          "年末管理贷款总额",
          "考试不合格次数",
          "经济处罚次数",
          "通报批评次数",
          "严重违规次数",
        ],
        ["E1", "甲", "一类行", 120, 1200000, 0, 10000000, 0, 0, 0, 0],
        ["E2", "乙", "一类行", 80, 800000, 0, 10000000, 0, 0, 0, 0],
      ],
    },
  ],
};

/** Generated sheets as Office.js gives them: dates as serial numbers, "" for an empty cell. */
function gridOfSheets(sheets: GeneratedSheet[]): WorkbookGrid {
  const cell = (v: GeneratedSheet["rows"][number][number]) =>
    v === null || v === undefined
      ? ""
      : typeof v === "object"
        ? "date" in v
          ? toSerial(v.date)
          : v.text
        : v;
  return {
    sheets: sheets.map((s) => ({
      name: s.name,
      rowOffset: 0,
      colOffset: 0,
      values: [s.headers, ...s.rows.map((r) => r.map(cell))],
    })),
  };
}

/** summaryWorker.ts loaded over a fake `self`, behind a Worker-like object; messages cloned and delivered later. */
function fakeWorker(log: { toWorker: number; fromWorker: number }): WorkerLike {
  const scope: {
    onmessage: ((e: { data: unknown }) => void) | null;
    postMessage: (d: unknown) => void;
  } = { onmessage: null, postMessage: () => undefined };
  const g = globalThis as Record<string, unknown>;
  const before = g.self;
  g.self = scope;
  jest.isolateModules(() => {
    require("../../src/taskpane/summaryWorker");
  });
  g.self = before;
  const w: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(d) {
      log.toWorker++;
      const c = clone(d);
      setTimeout(() => scope.onmessage!({ data: c }), 0);
    },
    terminate() {},
  };
  scope.postMessage = (d) => {
    log.fromWorker++;
    const c = clone(d);
    setTimeout(() => w.onmessage?.({ data: c } as MessageEvent), 0);
  };
  return w;
}

afterEach(() => setTaskRunner(null));

describe("computeSummaries and computeCheck", () => {
  test("inline by default: buildSummaries and checkWorkbook themselves", async () => {
    const r = await computeSummaries(grid, activePolicy(), { now: NOW });
    expect(r.models).toEqual(buildSummaries(grid, activePolicy(), { now: NOW }).models);
    const c = await computeCheck(grid, { today: NOW });
    expect(c).toEqual(checkView(checkWorkbook(grid, undefined, { today: NOW })));
    expect(c.rows.managers).toBe(2);
  });

  test("through the worker's protocol: the same models, issues and explanations as inline", async () => {
    const log = { toWorker: 0, fromWorker: 0 };
    setTaskRunner(workerRunner(() => fakeWorker(log)));
    const r = await computeSummaries(grid, activePolicy(), { now: NOW });
    const want = buildSummaries(grid, activePolicy(), { now: NOW });
    expect(r.models).toEqual(want.models);
    expect(r.issues).toEqual(want.issues);
    expect(r.explanations).toEqual(want.explanations);
    // small: one message each way
    expect(log).toEqual({ toWorker: 1, fromWorker: 1 });
    // a bad request: the worker answers with the error's message
    await expect(
      computeSummaries(grid, activePolicy(), { now: NOW, only: ["不存在的汇总"] })
    ).rejects.toThrow(/不存在的汇总/);
  });

  test("校验 of a county-sized workbook through the worker: pieces both ways, the same view as inline", async () => {
    const big = gridOfSheets(scaledSheets(1_500, 10_000));
    const log = { toWorker: 0, fromWorker: 0 };
    setTaskRunner(workerRunner(() => fakeWorker(log)));
    const c = await computeCheck(big, { today: NOW });
    expect(c).toEqual(checkView(checkWorkbook(big, undefined, { today: NOW })));
    expect(c.rows.loans).toBeGreaterThanOrEqual(10_000);
    // 10,000 loan rows of ~14 cells: several pieces of ≤ 20,000 cells go to the worker
    expect(log.toWorker).toBeGreaterThan(5);
    const s = await computeSummaries(big, c.policy, { now: NOW });
    const want = buildSummaries(big, c.policy, { now: NOW });
    expect(s.models).toEqual(want.models);
    expect(s.explanations).toEqual(want.explanations);
    expect(log.fromWorker).toBeGreaterThan(3); // 1,500 rows of 等级汇总, the explanations: in pieces too
  }, 60_000);

  test("a worker that cannot start: computed in the calling thread", async () => {
    setTaskRunner(
      workerRunner(() => {
        throw new Error("worker-src blocked");
      })
    );
    const r = await computeSummaries(grid, activePolicy(), { now: NOW });
    expect(r.models.length).toBeGreaterThan(0);
    expect((await computeCheck(grid)).rows.managers).toBe(2);
  });

  test("a worker that crashes: the waiting call is computed in the calling thread, the next starts a new worker", async () => {
    let made = 0;
    const log = { toWorker: 0, fromWorker: 0 };
    setTaskRunner(
      workerRunner(() => {
        made++;
        if (made > 1) return fakeWorker(log);
        const w: WorkerLike = {
          onmessage: null,
          onerror: null,
          postMessage: () =>
            setTimeout(() => w.onerror?.({ message: "out of memory" } as ErrorEvent), 0),
          terminate() {},
        };
        return w;
      })
    );
    expect((await computeCheck(grid, { today: NOW })).rows.managers).toBe(2);
    expect(made).toBe(1);
    await runTask("check", [grid, { today: NOW }]);
    expect(made).toBe(2);
    expect(log.fromWorker).toBe(1);
  });
});

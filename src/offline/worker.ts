/**
 * The offline page's Web Worker (issue 17): reads, validates and summarizes the chosen workbook
 * with src/offline/engine.ts — the CLI's code on bytes — off the page's thread, so the page
 * stays responsive on a county workbook. No DOM, no network: bytes in, bytes out. The page
 * starts it from a Blob URL of its inlined source (src/offline/client.ts; webpack.config.js
 * builds it as a bundle of its own), so it works from a file:// page.
 *
 * Protocol: src/offline/protocol.ts. The worker keeps the last workbook (its bytes and grid) for
 * the summaries and explanations asked for after it was read.
 */
import { inspectBytes, summarizeBytes } from "./engine";
import type {
  ExplainView,
  InspectView,
  Reply,
  Request,
  ResultTable,
  Stage,
  SummarizeView,
} from "./protocol";
import { EXPLAINED } from "./explained";
import type { WorkbookGrid } from "../core/grid";
import type { Policy } from "../policy/types";
import { buildSummaries } from "../summary/build";
import type { SummaryId } from "../summary/common";

interface WorkerScope {
  onmessage: ((e: MessageEvent) => void) | null;
  postMessage(data: unknown, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

/** The workbook read last, and what the last output was made with. */
let current: { name: string; bytes: Uint8Array; grid: WorkbookGrid } | null = null;
let made: { ids: SummaryId[]; policy: Policy; now: Date; sheetNames: string[] } | null = null;

function stage(id: number, s: Stage): void {
  scope.postMessage({ id, stage: s } satisfies Reply);
}

async function inspect(id: number, name: string, bytes: Uint8Array): Promise<InspectView> {
  current = null;
  made = null;
  stage(id, { zh: "正在读取并校验工作簿…", en: "Reading and validating the workbook…" });
  const r = await inspectBytes(bytes, name);
  if (!r.ok) return { ok: false, message: r.message, line: r.line };
  current = { name, bytes, grid: r.grid };
  return {
    ok: true,
    name,
    check: r.check,
    availability: r.availability,
    notices: r.notices,
  };
}

async function summarize(
  id: number,
  ids: SummaryId[],
  policy: Policy | null,
  now: Date
): Promise<{ view: SummarizeView; transfer: Transferable[] }> {
  if (!current) throw new Error("请先选择工作簿（no workbook chosen）");
  stage(id, { zh: "正在计算并写入汇总表…", en: "Computing and writing the summaries…" });
  const r = await summarizeBytes(current.bytes, current.name, ids, {
    policyOverride: policy ?? undefined,
    now,
  });
  if (!r.ok) return { view: { ok: false, message: r.message, line: r.line }, transfer: [] };
  made = { ids: r.result.ids, policy: r.result.policy, now, sheetNames: r.sheetNames };
  const view: SummarizeView = {
    ok: true,
    bytes: r.bytes,
    fileName: r.fileName,
    sheetNames: r.sheetNames,
    ids: r.result.ids,
    skipped: r.result.skipped,
    issues: r.result.issues,
    rowsLeftOut: r.result.rowsLeftOut,
    policy: r.result.policy,
    notices: r.notices,
  };
  return { view, transfer: r.bytes ? [r.bytes.buffer] : [] };
}

/** The explained summaries of the last output, with their steps (computed again, with steps kept). */
function explain(id: number): ExplainView {
  if (!current || !made) return { tables: [], explanations: {} };
  const only = made.ids.filter((x) => EXPLAINED.includes(x));
  if (only.length === 0) return { tables: [], explanations: {} };
  stage(id, { zh: "正在准备行说明…", en: "Preparing the row explanations…" });
  const r = buildSummaries(current.grid, made.policy, {
    now: made.now,
    only,
    explanations: true,
  });
  const tables: ResultTable[] = [];
  r.models.forEach((m, i) => {
    const sid = r.ids[i];
    if (!only.includes(sid)) return;
    tables.push({
      id: sid,
      sheetName: made!.sheetNames[made!.ids.indexOf(sid)] ?? m.name,
      title: m.title,
      headers: m.columns.map((c) => c.header),
      rows: m.rows,
      totalRows: m.totalRows ?? [],
    });
  });
  const explanations: ExplainView["explanations"] = {};
  for (const sid of only) explanations[sid] = r.explanations[sid];
  return { tables, explanations };
}

async function handle(req: Request): Promise<void> {
  const { id } = req;
  try {
    if (req.op === "inspect") {
      const view = await inspect(id, req.name, req.bytes);
      scope.postMessage({ id, ok: true, result: view } satisfies Reply);
    } else if (req.op === "summarize") {
      const now = req.now ? new Date(req.now) : new Date();
      const { view, transfer } = await summarize(id, req.ids, req.policy, now);
      scope.postMessage({ id, ok: true, result: view } satisfies Reply, transfer);
    } else if (req.op === "explain") {
      scope.postMessage({ id, ok: true, result: explain(id) } satisfies Reply);
    } else {
      throw new Error(`unknown request ${String((req as { op?: unknown }).op)}`);
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    scope.postMessage({ id, ok: false, message } satisfies Reply);
  }
}

// one request at a time, in order: the page's actions are sequential, and the grid is shared
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (e: MessageEvent) => {
  const req = e.data as Request;
  queue = queue.then(() => handle(req));
};

/**
 * The offline page's worker protocol (src/offline/worker.ts ↔ src/offline/client.ts): plain
 * data only (structured clone), the workbook's bytes and the output's moved, not copied.
 *
 * Page → worker: `{ id, op: "inspect", name, bytes }` (the worker keeps the bytes and the grid
 * for the next calls), `{ id, op: "summarize", ids, policy }`, `{ id, op: "explain" }`.
 * Worker → page: `{ id, stage }` (any number: what it is doing now), then `{ id, ok: true,
 * result }` or `{ id, ok: false, message }`.
 */
import type { ExplainStep } from "../core/explain";
import type { Issue } from "../core/issues";
import type { CheckView } from "../excel/compute";
import type { Policy } from "../policy/types";
import type { Availability } from "../summary/availability";
import type { SkippedSummary } from "../summary/build";
import type { SummaryId } from "../summary/common";
import type { CellValue } from "../summary/model";

/** What the worker is doing (the page's progress line). */
export interface Stage {
  zh: string;
  en: string;
  /** 0 … 1 when known */
  fraction?: number;
}

/** A workbook read: refused (the CLI's line), or its validation and what it allows. */
export type InspectView =
  | { ok: false; message: string; line: string }
  | {
      ok: true;
      name: string;
      check: CheckView;
      availability: Record<SummaryId, Availability>;
      notices: string[];
    };

/** A summary sheet whose rows have explanations, as the page's result table shows it. */
export interface ResultTable {
  id: SummaryId;
  sheetName: string;
  title: string | null;
  headers: string[];
  rows: CellValue[][];
  /** indexes (into rows) of totals rows */
  totalRows: number[];
}

/** The output workbook made. */
export type SummarizeView =
  | { ok: false; message: string; line: string }
  | {
      ok: true;
      /** null: the data allows none of the summaries asked for (nothing to download, as the CLI writes nothing) */
      bytes: Uint8Array | null;
      fileName: string;
      sheetNames: string[];
      ids: SummaryId[];
      skipped: SkippedSummary[];
      issues: Issue[];
      rowsLeftOut: number;
      policy: Policy;
      notices: string[];
    };

/** The explained rows of the last output: the tables and their steps by row key. */
export interface ExplainView {
  tables: ResultTable[];
  explanations: Partial<Record<SummaryId, Record<string, ExplainStep[]>>>;
}

export type Request =
  | { id: number; op: "inspect"; name: string; bytes: Uint8Array }
  | { id: number; op: "summarize"; ids: SummaryId[]; policy: Policy | null; now?: string }
  | { id: number; op: "explain" };

export type Reply =
  | { id: number; stage: Stage }
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; message: string };

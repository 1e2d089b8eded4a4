/**
 * Task pane entry. Renders once Office is ready (Office.onReady); outside Office (a plain
 * browser, a test host) onReady resolves with host null and the pane renders all the same.
 * If office.js is missing or never becomes ready, the pane renders after a short wait and is
 * re-rendered with the host if Office reports ready later.
 */
import * as React from "react";
import { createRoot, Root } from "react-dom/client";
import { App, pageFromHash } from "./App";
import { startWorkbookPolicy } from "../excel/policy";

const READY_WAIT_MS = 4000;

let root: Root | null = null;

function render(host: string | null): void {
  const container = document.getElementById("container");
  if (!container) return;
  root ??= createRoot(container);
  const initialPage = pageFromHash(globalThis.location?.hash) ?? undefined;
  root.render(<App host={host} initialPage={initialPage} />);
}

/** 汇总 off the runtime's thread where Web Workers exist (not in jsdom: the module is never loaded there). */
function bootWorker(): void {
  if (typeof Worker === "undefined") return;
  import("./workerBoot").then((m) => m.bootSummaryWorker()).catch(() => undefined);
}

function boot(): void {
  bootWorker();
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    render(null);
    return;
  }
  let ready = false;
  const timer = setTimeout(() => {
    if (!ready) render(null);
  }, READY_WAIT_MS);
  Office.onReady((info) => {
    ready = true;
    clearTimeout(timer);
    // the shared runtime: the CM.* functions use the workbook's 政策参数 sheet from now on
    if (info && String(info.host) === "Excel") startWorkbookPolicy();
    render(info && info.host ? String(info.host) : null);
  });
}

boot();

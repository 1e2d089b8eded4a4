/**
 * The offline page's entry (dist/cm-addin-offline.html, webpack.config.js): starts the worker
 * from its inlined source and renders the page. No Office, no network.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { OfflineApp } from "./App";
import { startInlinedWorker, workerEngine } from "./client";

const container = document.getElementById("container");
if (container) {
  createRoot(container).render(<OfflineApp engine={workerEngine(startInlinedWorker())} />);
}

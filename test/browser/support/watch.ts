/**
 * What the page's main thread did while the pane worked (issue 12, items 5 and 7), measured in
 * the page itself: every long task (`PerformanceObserver` for 'longtask': tasks over 50 ms, with
 * their duration), a custom function called every {@link PROBE_MS} ms meanwhile (when each call
 * answered, and whether the answer was right), and the progress texts the page showed. Used by
 * the county browser test and by the bench's pane module (test/bench/pane.ts).
 */
import type { Page } from "playwright-core";

/** How often the probe calls a custom function while the pane works. */
export const PROBE_MS = 50;

/** The probe: `CM.GRADE(95)` (A1: 一级), through the function the shared runtime associated. */
const PROBE_ID = "GRADE";
const PROBE_ARG = 95;
const PROBE_WANT = "一级";

export interface Watched {
  /** durations (ms) of the main thread's long tasks, longest first */
  longTasks: number[];
  /** the long tasks in order: start (ms from the start), duration, and how much of it the host spent running requests (Excel's share) */
  spans: { at: number; ms: number; hostMs: number }[];
  /**
   * The longest long task less the host's running of requests inside it: the add-in's own share
   * (in Excel the requests run outside the page; this fake host runs them on the page's thread).
   */
  longestOwnMs: number;
  /** answers of the probe, and how many were wrong */
  answers: number;
  wrong: number;
  /** the longest time (ms) between two answers of the probe (from the start to the first, between answers, from the last to the end) */
  maxGap: number;
  /** the distinct progress texts seen (the page's spinner labels and progress messages), in order */
  progress: string[];
  /** when each progress text appeared (ms from the start) */
  progressAt: number[];
  /** wall time (ms) from start to stop */
  ms: number;
}

/**
 * The page side, as source text: page.evaluate of a function would carry the helpers a
 * transpiler adds (tsx's `__name`), which the page does not have.
 */
const START = `(function (id, arg, want, every, pattern) {
  var state = { t0: performance.now(), longTasks: [], spans: [], answers: [], wrong: 0, progress: [], progressAt: [] };
  var obs = new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) { state.longTasks.push(e.duration); state.spans.push([e.startTime, e.duration]); });
  });
  obs.observe({ type: "longtask", buffered: false });
  var re = new RegExp(pattern);
  function note(text) {
    var m = re.exec(text);
    if (m && state.progress[state.progress.length - 1] !== m[0]) {
      state.progress.push(m[0]);
      state.progressAt.push(performance.now() - state.t0);
    }
  }
  // every text the page commits, however briefly shown (a fast read's progress may last less than
  // one probe interval): the changed nodes' own text, no layout forced
  var mo = new MutationObserver(function (records) {
    records.forEach(function (r) {
      if (r.type === "characterData") note(r.target.textContent || "");
      else r.addedNodes.forEach(function (n) { note(n.textContent || ""); });
    });
  });
  mo.observe(document.body, { subtree: true, childList: true, characterData: true });
  var timer = setInterval(function () {
    Promise.resolve(window.__fakeHost.associated[id](arg)).then(function (v) {
      state.answers.push(performance.now());
      if (v !== want) state.wrong++;
    });
    note(document.body.innerText);
  }, every);
  state.stop = function () { clearInterval(timer); obs.disconnect(); mo.disconnect(); };
  window.__cmWatch = state;
})`;

const STOP = `(function () {
  var s = window.__cmWatch;
  s.stop();
  var end = performance.now();
  var times = [s.t0].concat(s.answers, [end]);
  var maxGap = 0;
  for (var i = 1; i < times.length; i++) maxGap = Math.max(maxGap, times[i] - times[i - 1]);
  var hosts = window.__fakeHost.syncs.filter(function (r) { return r.hostAt >= s.t0; });
  var spans = s.spans.map(function (sp) {
    var host = 0;
    hosts.forEach(function (r) { host += Math.max(0, Math.min(sp[0] + sp[1], r.hostAt + r.hostMs) - Math.max(sp[0], r.hostAt)); });
    return { at: sp[0] - s.t0, ms: sp[1], hostMs: host };
  });
  var own = 0;
  spans.forEach(function (sp) { own = Math.max(own, sp.ms - sp.hostMs); });
  return { spans: spans, longestOwnMs: own, longTasks: s.longTasks.slice().sort(function (a, b) { return b - a; }), answers: s.answers.length, wrong: s.wrong, maxGap: maxGap, progress: s.progress, progressAt: s.progressAt, ms: end - s.t0 };
})()`;

/** Starts watching the page's main thread (one watch at a time per page). */
export async function startWatch(page: Page, progressPattern: RegExp): Promise<void> {
  const args = [PROBE_ID, PROBE_ARG, PROBE_WANT, PROBE_MS, progressPattern.source]
    .map((a) => JSON.stringify(a))
    .join(",");
  await page.evaluate(`${START}(${args})`);
}

/** Stops the watch and returns what was seen. */
export async function stopWatch(page: Page): Promise<Watched> {
  return (await page.evaluate(STOP)) as Watched;
}

/** The fake host's record of the syncs since `from` (an index into its list): count, largest request and response. */
export interface SyncFigures {
  syncs: number;
  maxRequest: number;
  maxResponse: number;
  /** the time the host spent running the requests (Excel's share) */
  hostMs: number;
  /** syncs recorded so far (the `from` of the next call) */
  total: number;
}

export async function syncFigures(page: Page, from = 0): Promise<SyncFigures> {
  return (await page.evaluate(`(function (start) {
    var list = window.__fakeHost.syncs.slice(start);
    var out = { syncs: list.length, maxRequest: 0, maxResponse: 0, hostMs: 0, total: window.__fakeHost.syncs.length };
    list.forEach(function (s) { out.maxRequest = Math.max(out.maxRequest, s.bytes); out.maxResponse = Math.max(out.maxResponse, s.responseBytes); out.hostMs += s.hostMs || 0; });
    return out;
  })(${Number(from)})`)) as SyncFigures;
}

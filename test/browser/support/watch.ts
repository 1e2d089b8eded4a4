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
  /** answers of the probe, and how many were wrong */
  answers: number;
  wrong: number;
  /** the longest time (ms) between two answers of the probe (from the start to the first, between answers, from the last to the end) */
  maxGap: number;
  /** the distinct progress texts seen (the page's spinner labels and progress messages), in order */
  progress: string[];
  /** wall time (ms) from start to stop */
  ms: number;
}

/** Starts watching the page's main thread (one watch at a time per page). */
export async function startWatch(page: Page, progressPattern: RegExp): Promise<void> {
  await page.evaluate(
    ([id, arg, want, every, pattern]) => {
      const w = window as unknown as { __cmWatch?: unknown; __fakeHost: { associated: Record<string, (...a: unknown[]) => unknown> } };
      const state = { t0: performance.now(), longTasks: [] as number[], answers: [] as number[], wrong: 0, progress: [] as string[], stop: () => undefined as void };
      const obs = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) state.longTasks.push(e.duration);
      });
      obs.observe({ type: "longtask", buffered: false });
      const re = new RegExp(pattern as string);
      const timer = setInterval(() => {
        void Promise.resolve(w.__fakeHost.associated[id as string](arg)).then((v) => {
          state.answers.push(performance.now());
          if (v !== want) state.wrong++;
        });
        const m = re.exec(document.body.innerText);
        if (m && state.progress[state.progress.length - 1] !== m[0]) state.progress.push(m[0]);
      }, every as number);
      state.stop = () => {
        clearInterval(timer);
        obs.disconnect();
      };
      w.__cmWatch = state;
    },
    [PROBE_ID, PROBE_ARG, PROBE_WANT, PROBE_MS, progressPattern.source] as const,
  );
}

/** Stops the watch and returns what was seen. */
export async function stopWatch(page: Page): Promise<Watched> {
  return page.evaluate(() => {
    const s = (window as unknown as { __cmWatch: { t0: number; longTasks: number[]; answers: number[]; wrong: number; progress: string[]; stop: () => void } }).__cmWatch;
    s.stop();
    const end = performance.now();
    const times = [s.t0, ...s.answers, end];
    let maxGap = 0;
    for (let i = 1; i < times.length; i++) maxGap = Math.max(maxGap, times[i] - times[i - 1]);
    return { longTasks: [...s.longTasks].sort((a, b) => b - a), answers: s.answers.length, wrong: s.wrong, maxGap, progress: s.progress, ms: end - s.t0 };
  });
}

/** The fake host's record of the syncs since `from` (an index into its list): count, largest request and response. */
export async function syncFigures(page: Page, from = 0): Promise<{ syncs: number; maxRequest: number; maxResponse: number; total: number }> {
  return page.evaluate((start) => {
    const h = (window as unknown as { __fakeHost: { syncs: { bytes: number; responseBytes: number }[] } }).__fakeHost;
    const list = h.syncs.slice(start);
    return {
      syncs: list.length,
      maxRequest: list.reduce((n, s) => Math.max(n, s.bytes), 0),
      maxResponse: list.reduce((n, s) => Math.max(n, s.responseBytes), 0),
      total: h.syncs.length,
    };
  }, from);
}

/**
 * Letting the pane's event loop run (input, timers, the CM.* functions of the shared runtime)
 * in the middle of long work on its thread: a macrotask turn through a MessageChannel (not
 * setTimeout, which browsers clamp to 4 ms after a few nestings and throttle in hidden frames).
 */
export function yieldToLoop(): Promise<void> {
  if (typeof MessageChannel === "undefined") return new Promise((r) => setTimeout(r, 0));
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      ch.port2.close();
      resolve();
    };
    ch.port2.postMessage(0);
  });
}

/**
 * Request bytes queued between two turns of the event loop while one request is queued: queuing
 * (and office.js's serializing) a whole request in one go is one long task on the pane's thread;
 * in steps of this many bytes, short ones (the figures: README, 基准 Benchmark, "What made it
 * fast"). The request is still one sync.
 */
export const QUEUE_STEP_BYTES = 256_000;

/**
 * At most about this long (ms) of queuing on the pane's thread between two turns of its event
 * loop, whatever the bytes: on a slow or busy machine {@link QUEUE_STEP_BYTES} can take longer
 * than the 50 ms of a long task. Only where the turns fall changes, never a request.
 */
export const SLICE_MS = 30;

/** A clock of the current slice: `due()` once {@link SLICE_MS} have passed since it started (or since the last `due()` that was true). */
export function sliceClock(now: () => number = () => performance.now()): { due(): boolean } {
  let start = now();
  return {
    due() {
      const t = now();
      if (t - start < SLICE_MS) return false;
      start = t;
      return true;
    },
  };
}

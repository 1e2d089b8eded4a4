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

/** The pane's slices of work (src/excel/loop.ts): a turn of the event loop at least every SLICE_MS. */
import { SLICE_MS, sliceClock } from "../../src/excel/loop";

test("sliceClock: due once SLICE_MS have passed, then a new slice starts", () => {
  let t = 1000;
  const clock = sliceClock(() => t);
  expect(clock.due()).toBe(false);
  t += SLICE_MS - 1;
  expect(clock.due()).toBe(false);
  t += 1;
  expect(clock.due()).toBe(true);
  // the next slice starts at the due() that was true
  t += SLICE_MS - 1;
  expect(clock.due()).toBe(false);
  t += 1;
  expect(clock.due()).toBe(true);
  expect(SLICE_MS).toBeLessThan(50); // under a long task's 50 ms
});

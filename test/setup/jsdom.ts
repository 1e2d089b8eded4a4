/**
 * For the suites that run in jsdom (`@jest-environment jsdom`): what a browser has and jsdom
 * lacks, and a clean slate per test. Node suites are left alone.
 * - ResizeObserver: Fluent UI's MessageBar observes its own size; jsdom has none.
 * - localStorage is cleared before every test (the pane keeps the language and the last
 *   summary choices there).
 */
if (typeof window !== "undefined") {
  const g = globalThis as { ResizeObserver?: unknown };
  g.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
  beforeEach(() => localStorage.clear());
}

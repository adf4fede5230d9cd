import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// jsdom has no canvas, and ECharts loads asynchronously: left real, it could finish loading after a
// test's DOM is gone and fail the run. Unit tests get an inert chart; what it would draw is tested
// in the *ChartOption tests, and the real chart in the browser.
vi.mock('../lib/echarts', () => ({
  init: () => ({ setOption() {}, dispose() {}, resize() {} }),
}));
// Loaded (as the mock) before any test: a chart whose effect runs as a file's last test ends then
// finds the module in the cache, instead of evaluating the real ECharts after jsdom is torn down
// (seen on a loaded CI machine as "document is not defined" from ECharts' tooltip helper).
await import('../lib/echarts');

// findBy… and waitFor give up after 1 s by default: on a loaded 2-core CI machine a render that is
// slow but right took longer (seen with the auditor's PDF preview). A real miss still fails, later.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  window.sessionStorage.clear();
  document.documentElement.lang = '';
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    coverage: {
      // `vitest run --coverage` (as `npm test` runs it): V8 coverage of the product's source, summarised on the
      // terminal. No thresholds: a figure that moves with the suites is reported, not enforced.
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', ['json-summary', { file: 'coverage-summary.json' }]],
      reportsDirectory: 'coverage',
    },
  },
});

import { defineConfig } from 'vitest/config';

// The suites `npm run mutation` runs against each mutant: the unit tests of the mutated modules only (no HTTP
// servers, child processes or external stores), so a mutant costs the few tests that cover it, not the whole suite.
// The levy and co-investment calculators are scored on their *.mutation.test.ts files (hand-worked cases that read
// only the facts table); the older levy and co-investment suites, which load every article once per mutant, are left
// out to keep each mutant's run short.
export default defineConfig({
  test: {
    include: [
      'test/knowledge/figure-as-of.test.ts',
      'test/calculators/check-eligibility.test.ts',
      'test/calculators/answer-with-tools.test.ts',
      'test/calculators/run-tool.test.ts',
      'test/calculators/form-fields.test.ts',
      'test/enquiries/enquiry-queue.test.ts',
      'test/enquiries/orphan-erasure.test.ts',
      'test/understand/understand.test.ts',
      'test/answer/grounding-guard*.test.ts',
      'test/answer/guard-table.test.ts',
      'test/understand/follow-up-rules.test.ts',
      'test/**/*.mutation.test.ts',
    ],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});

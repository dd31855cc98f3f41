import { defineConfig } from 'vitest/config';

/**
 * Two cores: at most two test files at a time. Pure tests (the domain, the demo plan, the web client's
 * logic) run as their own project without the database; everything else shares one DynamoDB Local
 * started once per run (test/setup/global-dynamo.ts) and stays apart by using its own centre ids.
 */
const exclude = ['**/node_modules/**', '**/dist/**', 'cdk.out/**', '.local/**'];
const pure = [
  'packages/domain/src/**/*.test.ts',
  'packages/local/src/demo/**/*.test.ts',
  'packages/web/src/**/*.test.ts',
];

export default defineConfig({
  test: {
    pool: 'forks',
    // The functions' Powertools Logger and Metrics: errors only, no metric blobs, so the output shows
    // the tests; test/observability turns them on to check what they write.
    env: { POWERTOOLS_LOG_LEVEL: 'ERROR', POWERTOOLS_METRICS_DISABLED: 'true' },
    maxWorkers: 2,
    exclude,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: pure,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts', 'packages/**/src/**/*.test.ts', 'functions/**/*.test.ts'],
          exclude: [...exclude, ...pure],
          globalSetup: ['test/setup/global-dynamo.ts'],
          testTimeout: 30_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests beside the code, and integration tests that run against the real native
// stack (Kafka, schema registry, Flink, PostgreSQL), started once per run by the global setup.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{apps,packages,infra}/**/src/**/*.test.ts'],
          exclude: ['**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['{apps,packages,infra}/**/integration/**/*.test.ts'],
          exclude: ['**/node_modules/**'],
          globalSetup: ['infra/native/src/testing/global-setup.ts'],
          // One real stack is shared: suites run one file at a time so they do not compete for it.
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});

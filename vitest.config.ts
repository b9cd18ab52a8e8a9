import { defineConfig } from 'vitest/config';

// Three projects, one runner. `unit`: pure rules, no database. `db`: repository and API tests against a real
// migrated database (PGlite by default, PostgreSQL when TEST_DATABASE_URL is set), one cloned database per
// file. `e2e`: chromium through playwright-core against a running server. scripts/test.ts runs them all.
const db = ['server/**/*.db.test.ts', 'server/**/*.api.test.ts'];
export default defineConfig({
  test: {
    allowOnly: false,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['contracts/**/*.test.ts', 'server/**/*.test.ts', 'web/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: [...db, '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'db',
          include: db,
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // 2 cores: two files at a time, each with its own database
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});

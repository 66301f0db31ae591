import { defineConfig } from 'vitest/config';

// Tests in tiers, told apart by file name:
// - `domain`: no database and no child process — domain rules, the catalog, the
//   web's logic, file formats. Seconds.
// - `api`: *.api.test.ts, through app.inject on PGlite or, with DATABASE_URL
//   (npm run test:pg), on PostgreSQL.
// - `process`: *.process.test.ts and *.cli.test.ts start Samla or its CLI as a
//   child process (start-up, shutdown, crash safety, two nodes).
// - `e2e`: real Chromium against the built app.
// `npm run test:fast` runs domain and api; `npm test` runs them all.
const processTests = ['src/**/*.process.test.ts', 'src/**/*.cli.test.ts'];
const apiTests = ['src/**/*.api.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    projects: [
      {
        extends: true,
        test: { name: 'domain', include: ['src/**/*.test.ts'], exclude: [...apiTests, ...processTests], testTimeout: 60_000, hookTimeout: 120_000 },
      },
      {
        extends: true,
        test: { name: 'api', include: apiTests, testTimeout: 60_000, hookTimeout: 120_000 },
      },
      {
        extends: true,
        test: { name: 'process', include: processTests, testTimeout: 120_000, hookTimeout: 180_000 },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['e2e/**/*.spec.ts'], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false },
      },
    ],
  },
});

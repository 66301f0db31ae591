import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

// The fast tiers run their files one after another in a few long-lived
// workers that keep the modules they loaded (`isolate: false`): loading the
// app and warming it up anew for each file cost more than the tests did, and
// the API tier keeps one PGlite per worker, emptied after every test and every
// file (src/server/test/api-setup.ts). A file that swaps modules or globals
// (vi.mock, vi.stubGlobal, fake timers …) would leak that into the next file,
// or find the real module already loaded; such files are found here and run in
// a fresh worker each, as the `domain-isolated` and `api-isolated` projects.
// Select a tier with a wildcard: `vitest run --project 'api*'`.
const swapsModulesOrGlobals = /\bvi\s*\.\s*(mock|doMock|unmock|doUnmock|resetModules|stubGlobal|stubEnv|useFakeTimers|spyOn)\b/;
const root = fileURLToPath(new URL('.', import.meta.url));
const needsIsolation = readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' })
  .map((file) => `src/${file.split(path.sep).join('/')}`)
  .filter((file) => /\.test\.ts$/.test(file) && swapsModulesOrGlobals.test(readFileSync(path.join(root, file), 'utf8')));
const isApiTest = (file: string) => file.endsWith('.api.test.ts');
const isProcessTest = (file: string) => file.endsWith('.process.test.ts') || file.endsWith('.cli.test.ts');
const isolatedApiTests = needsIsolation.filter(isApiTest);
const isolatedDomainTests = needsIsolation.filter((file) => !isApiTest(file) && !isProcessTest(file));

// Vitest's default leaves a core free for its main process (one worker on a
// two-core machine). The fast tiers spend their time in the workers, on
// PGlite and the app, while the main process mostly waits: a worker per core
// runs them in about half the time there. VITEST_MAX_WORKERS still overrides.
const fastTierWorkers = availableParallelism();

const domain = {
  include: ['src/**/*.test.ts'],
  exclude: [...apiTests, ...processTests],
  maxWorkers: fastTierWorkers,
  testTimeout: 60_000,
  hookTimeout: 120_000,
};
const api = {
  include: apiTests,
  maxWorkers: fastTierWorkers,
  // Migrates one database for the whole run; each worker's PGlite starts from a copy of it.
  globalSetup: ['src/server/test/global-setup.ts'],
  setupFiles: ['src/server/test/api-setup.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  test: {
    environment: 'node',
    projects: [
      { extends: true, test: { ...domain, name: 'domain', isolate: false, exclude: [...domain.exclude, ...isolatedDomainTests] } },
      { extends: true, test: { ...domain, name: 'domain-isolated', include: isolatedDomainTests.length > 0 ? isolatedDomainTests : ['nothing'] } },
      { extends: true, test: { ...api, name: 'api', isolate: false, exclude: isolatedApiTests } },
      { extends: true, test: { ...api, name: 'api-isolated', include: isolatedApiTests.length > 0 ? isolatedApiTests : ['nothing'] } },
      {
        extends: true,
        // Its own group, after the fast tiers: it keeps vitest's default workers (servers and
        // CLIs started in parallel with a core each would time each other out), and projects
        // with different worker counts cannot share a group.
        test: { name: 'process', include: processTests, testTimeout: 120_000, hookTimeout: 180_000, sequence: { groupOrder: 1 } },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['e2e/**/*.spec.ts'], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false, sequence: { groupOrder: 2 } },
      },
    ],
  },
});

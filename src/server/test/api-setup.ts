import { afterAll } from 'vitest';
import { emptySharedPglite } from './test-database.ts';

// Runs for every file of the API tier. The files of a worker share one PGlite
// (see test-database.ts); registered before the file's own hooks, this runs
// after them, and leaves the database empty for the next file whatever this
// one left behind.
afterAll(async () => {
  await emptySharedPglite();
});

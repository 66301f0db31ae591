import type { Database } from '#server/db/client.ts';

/** What every service needs: the database and the clock (tests set the clock). */
export interface ServiceContext {
  db: Database;
  now: () => Date;
}

import { readConfig } from '#server/config.ts';
import { openDatabase } from '#server/db/client.ts';
import { createBackup } from '#server/features/backup/backup.service.ts';

/**
 * `npm run samla -- backup <file>`: the whole database, embedded or
 * PostgreSQL, to one file in Samla's own format (decision 015). On the
 * embedded database openDatabase takes the data folder's lock, so this
 * refuses while a Samla server runs on it.
 */
export async function run(args: string[]): Promise<void> {
  const [file, ...extra] = args;
  if (!file || extra.length > 0 || file.startsWith('-')) {
    throw new Error('Bruk: npm run samla -- backup <fil>   (for eksempel samla-2026-11-27.samla.gz)');
  }
  const database = await openDatabase(readConfig().database);
  try {
    console.log((await createBackup(database, file)).message);
  } finally {
    await database.close();
  }
}

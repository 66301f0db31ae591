import { readConfig } from '#server/config.ts';
import { openDatabase } from '#server/platform/db/client.ts';
import { restoreBackup } from '#server/platform/backup/backup.service.ts';

/**
 * `npm run samla -- restore <file> [--overwrite]`: replaces the database's
 * content with a backup's, all or nothing. No question asked (it runs in
 * scripts), but a database with content is only replaced with --overwrite,
 * and the command says what it replaced.
 */
export async function run(args: string[]): Promise<void> {
  const overwrite = args.includes('--overwrite');
  const rest = args.filter((arg) => arg !== '--overwrite');
  const [file, ...extra] = rest;
  if (!file || extra.length > 0 || file.startsWith('-')) {
    throw new Error('Bruk: npm run samla -- restore <fil> [--overwrite]');
  }
  const database = await openDatabase(readConfig().database);
  try {
    console.log((await restoreBackup(database, file, { overwrite })).message);
  } finally {
    await database.close();
  }
}

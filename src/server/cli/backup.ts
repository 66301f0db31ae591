import fs from 'node:fs';
import path from 'node:path';
import { readConfig } from '#server/config.ts';
import { openDatabase } from '#server/platform/db/client.ts';
import { createBackup } from '#server/platform/backup/backup.service.ts';

/**
 * `npm run samla -- backup <file>`: the whole database, embedded or
 * PostgreSQL, to one file in Samla's own format (decision 015). On the
 * embedded database openDatabase takes the data folder's lock, so this
 * refuses while a Samla server runs on it. It refuses a target that is a
 * symbolic link, and a file that is there already unless --force.
 */
export async function run(args: string[]): Promise<void> {
  const force = args.includes('--force');
  const [file, ...extra] = args.filter((arg) => arg !== '--force');
  if (!file || extra.length > 0 || file.startsWith('-')) {
    throw new Error('Bruk: npm run samla -- backup <fil> [--force]   (for eksempel samla-2026-11-27.samla.gz; --force erstatter en fil som finnes)');
  }
  const config = readConfig().database;
  // Opening a data folder that does not exist creates an empty database: a
  // mistyped SAMLA_DATA_DIR would give a backup of nothing, and look fine.
  if (config.kind === 'pglite' && !fs.existsSync(path.join(config.dataDir, 'pgdata'))) {
    throw new Error(`Fant ingen database i ${config.dataDir}. Er SAMLA_DATA_DIR riktig?`);
  }
  const database = await openDatabase(config);
  try {
    console.log((await createBackup(database, file, undefined, { force })).message);
  } finally {
    await database.close();
  }
}

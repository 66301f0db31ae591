import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseHandle } from '#server/platform/db/client.ts';
import { migrationsFolder } from '#server/platform/db/migrate.ts';
import { databaseUnavailable, readinessFromMigrations, type JournalEntry, type Readiness } from './readiness.domain.ts';
import { appliedMigrationTimestamps } from './operations.repository.ts';

/** The migrations this version of Samla ships, read once: they cannot change while it runs. */
export function readJournal(): JournalEntry[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries.map(({ tag, when }) => ({ tag, when }));
}

/**
 * A database that hangs must make the node unready quickly (so the load
 * balancer routes around it) rather than hang the probe until it times out.
 */
export const readinessTimeoutMs = 2000;

export async function checkReadiness(
  database: DatabaseHandle,
  journal: JournalEntry[],
  timeoutMs = readinessTimeoutMs,
): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const applied = await Promise.race([appliedMigrationTimestamps(database), timedOut]);
    if (applied === 'timeout') return databaseUnavailable(`ingen svar innen ${timeoutMs / 1000} s`);
    return readinessFromMigrations(journal, applied);
  } catch (error) {
    return databaseUnavailable(error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}

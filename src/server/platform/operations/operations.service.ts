import type { DatabaseHandle } from '#server/platform/db/client.ts';
import type { JournalEntry } from '#server/platform/db/migration-journal.ts';
import { databaseUnavailable, readinessFromMigrations, type Readiness } from './readiness.domain.ts';
import { appliedMigrationTimestamps } from './operations.repository.ts';

/**
 * A database that hangs must make the node unready quickly (so the load
 * balancer routes around it) rather than hang the probe until it times out.
 */
export const readinessTimeoutMs = 2000;

export async function checkReadiness(database: DatabaseHandle, journal: JournalEntry[], timeoutMs = readinessTimeoutMs): Promise<Readiness> {
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

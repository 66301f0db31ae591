/**
 * Readiness: may this process take traffic? Pure rules; the service asks the
 * database and the journal, this decides.
 */

import type { JournalEntry } from '#server/platform/db/migration-journal.ts';

export type Readiness =
  | { ready: true; migrations: number }
  | { ready: false; code: 'DATABASE_UNAVAILABLE'; message: string }
  | { ready: false; code: 'MIGRATIONS_PENDING'; message: string; missing: string[] };

/**
 * Ready when every migration this code knows is applied. Migrations the
 * database has but this code does not know are fine: during a rolling upgrade
 * the new version migrates first, and the old nodes still running must not all
 * drop out of the load balancer because of it (migrations are additive).
 */
export function readinessFromMigrations(journal: JournalEntry[], appliedCreatedAt: number[]): Readiness {
  const applied = new Set(appliedCreatedAt);
  const missing = journal.filter((entry) => !applied.has(entry.when)).map((entry) => entry.tag);
  if (missing.length === 0) return { ready: true, migrations: journal.length };
  return {
    ready: false,
    code: 'MIGRATIONS_PENDING',
    message:
      `Databasen mangler ${missing.length} av ${journal.length} migreringer (${missing.join(', ')}). ` +
      'Samla kjører migreringene ved oppstart: start Samla på nytt, og se etter feil i loggen.',
    missing,
  };
}

export function databaseUnavailable(reason: string): Readiness {
  return {
    ready: false,
    code: 'DATABASE_UNAVAILABLE',
    message: `Databasen svarer ikke (${reason}). Samla tar ikke imot forespørsler før den gjør det.`,
  };
}

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The committed SQL migrations and drizzle-kit's journal of them (meta/_journal.json). */
export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** One migration as the journal lists it. */
export interface JournalEntry {
  tag: string;
  /** drizzle stores this as `created_at` in drizzle.__drizzle_migrations when it applies the migration. */
  when: number;
}

/**
 * The migrations this version of Samla ships, oldest first: what migrating,
 * readiness and backups compare the database with. Callers that ask often
 * keep the answer: it cannot change while Samla runs.
 */
export function readJournal(): JournalEntry[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  return journal.entries.map(({ tag, when }) => ({ tag, when }));
}

import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { DatabaseHandle } from '#server/db/client.ts';
import { migrationsFolder } from '#server/db/migrate.ts';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  BodyReader,
  checkMigration,
  checkTablesMatch,
  classifyLine,
  describeBackup,
  describeRestore,
  endLine,
  foreignKeyOrder,
  parseHeader,
  readLines,
  refuseNonEmpty,
  tableLine,
  type BackupHeader,
  type RowCounts,
} from './backup.domain.ts';
import * as repo from './backup.repo.ts';

type Target = Pick<DatabaseHandle, 'db' | 'kind'>;

interface JournalEntry {
  tag: string;
  when: number;
}

function readJournal(): JournalEntry[] {
  return (JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] }).entries;
}

export function samlaVersion(): string {
  return (JSON.parse(fs.readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** The tag of the newest migration the database has, told from drizzle's record by the journal's timestamps. */
async function appliedMigrationTag(db: Target['db'], journal: readonly JournalEntry[]): Promise<string> {
  const applied = await repo.lastAppliedMigration(db);
  const entry = journal.find((candidate) => candidate.when === applied);
  if (!entry) {
    throw new BackupError(
      'Databasen har et skjema denne Samla ikke kjenner (migrert av en nyere versjon?). Bruk den Samla-versjonen som sist kjørte mot databasen.',
    );
  }
  return entry.tag;
}

// Rows per INSERT while restoring: big enough that statement overhead
// vanishes, small enough that one batch's JSON stays a few megabytes.
const RESTORE_BATCH_ROWS = 5000;
const RESTORE_BATCH_CHARS = 8_000_000;

export interface BackupResult {
  header: BackupHeader;
  message: string;
}

/**
 * Writes the whole database to `file`: one REPEATABLE READ, read-only
 * transaction, so the header's counts and every table's rows are one
 * consistent snapshot even while a server on PostgreSQL keeps writing. The
 * file appears only when complete (temporary file, fsync, rename).
 */
export async function createBackup(target: Target, file: string, now: () => Date = () => new Date()): Promise<BackupResult> {
  const journal = readJournal();
  const temporary = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  let header: BackupHeader | undefined;
  try {
    await target.db.transaction(
      async (tx) => {
        await repo.useUtc(tx);
        const migration = await appliedMigrationTag(tx, journal);
        const catalog = await repo.listTables(tx);
        const order = foreignKeyOrder(
          catalog.map((table) => table.name),
          await repo.listForeignKeys(tx),
        );
        const tables = order.map((name) => catalog.find((table) => table.name === name)!);
        const counts = await repo.countRows(tx, order);
        const written: BackupHeader = {
          format: BACKUP_FORMAT,
          formatVersion: BACKUP_FORMAT_VERSION,
          samlaVersion: samlaVersion(),
          migration,
          createdAt: now().toISOString(),
          source: target.kind,
          tables: tables.map((table) => ({
            name: table.name,
            columns: table.columns.map(({ name, type }) => ({ name, type })),
            rows: counts[table.name] ?? 0,
          })),
          sequences: await repo.listSequences(tx),
        };
        header = written;
        async function* lines(): AsyncGenerator<string> {
          yield `${JSON.stringify(written)}\n`;
          let total = 0;
          for (const table of tables) {
            yield `${tableLine(table.name)}\n`;
            for await (const batch of repo.tableRowsAsJson(tx, table)) {
              total += batch.length;
              yield `${batch.join('\n')}\n`;
            }
          }
          yield `${endLine(total)}\n`;
        }
        const out = fs.createWriteStream(temporary);
        await pipeline(Readable.from(lines()), createGzip({ level: 6 }), out);
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    const handle = await fs.promises.open(temporary, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temporary, file);
  } catch (error) {
    await fs.promises.rm(temporary, { force: true });
    if (error instanceof BackupError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EROFS' || code === 'ENOSPC') {
      throw new BackupError(`Kunne ikke skrive sikkerhetskopien ${file} (${code}). Finnes mappen, og har du skrivetilgang og plass nok?`);
    }
    throw error;
  }
  return { header: header!, message: describeBackup(file, header!) };
}

function unreadable(file: string, error: unknown): BackupError | undefined {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new BackupError(`Finner ikke filen ${file}. Databasen er ikke endret.`);
  if (code === 'EACCES') return new BackupError(`Har ikke lesetilgang til ${file}. Databasen er ikke endret.`);
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' || code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
    return new BackupError(
      `Filen er ikke en lesbar sikkerhetskopi fra Samla (skadet eller avkortet: ${(error as Error).message}). Databasen er ikke endret.`,
    );
  }
  return undefined;
}

export interface RestoreResult {
  header: BackupHeader;
  replaced: RowCounts;
  message: string;
}

/**
 * Replaces the database's content with the backup's, in ONE transaction: a
 * damaged file, a row the database refuses or a count that does not add up
 * rolls everything back and the database is as it was. Refuses a database
 * that has content unless `overwrite`, so a typo cannot wipe a merger.
 */
export async function restoreBackup(target: Target, file: string, options: { overwrite: boolean }): Promise<RestoreResult> {
  const journal = readJournal();
  // createGunzip alone checks the CRC and length at the end, so a damaged or
  // cut file fails while reading, inside the transaction.
  const raw = fs.createReadStream(file);
  const input = createGunzip();
  raw.on('error', (error) => input.destroy(error));
  raw.pipe(input);
  const lines = readLines(input);
  try {
    const first = await lines.next();
    const header = parseHeader(first.done ? undefined : first.value);
    checkMigration(
      header,
      journal.map((entry) => entry.tag),
      samlaVersion(),
    );
    const replaced = await target.db.transaction(async (tx) => {
      const migration = await appliedMigrationTag(tx, journal);
      checkMigration(header, [migration], samlaVersion());
      const catalog = await repo.listTables(tx);
      checkTablesMatch(
        header.tables,
        catalog.map((table) => ({ name: table.name, columns: table.columns.map(({ name, type }) => ({ name, type })) })),
      );
      const references = await repo.listForeignKeys(tx);
      const position = new Map(header.tables.map((table, index) => [table.name, index]));
      for (const { from, to } of references) {
        if (from !== to && position.get(to)! > position.get(from)!) {
          throw new BackupError(`Sikkerhetskopien har tabellene i feil rekkefølge (${to} etter ${from}). Databasen er ikke endret.`);
        }
      }
      // A table that points at itself is inserted in one statement: the
      // foreign key is checked when the statement ends, whatever the row order.
      const selfReferencing = new Set(references.filter(({ from, to }) => from === to).map(({ from }) => from));
      const byName = new Map(catalog.map((table) => [table.name, table]));
      const names = header.tables.map((table) => table.name);
      const before = await repo.countRows(tx, names);
      if (!options.overwrite) refuseNonEmpty(before);
      await repo.emptyTables(tx, names);

      const reader = new BodyReader(header);
      let batch: string[] = [];
      let batchChars = 0;
      let batchTable: string | null = null;
      const flush = async () => {
        if (batchTable === null || batch.length === 0) return;
        await repo.insertJsonRows(tx, byName.get(batchTable)!, `[${batch.join(',')}]`);
        batch = [];
        batchChars = 0;
      };
      for await (const line of lines) {
        const table = reader.accept(classifyLine(line));
        if (table === null) {
          await flush();
          continue;
        }
        batchTable = table;
        batch.push(line);
        batchChars += line.length;
        if (!selfReferencing.has(table) && (batch.length >= RESTORE_BATCH_ROWS || batchChars >= RESTORE_BATCH_CHARS)) await flush();
      }
      reader.finish();
      for (const sequence of header.sequences) await repo.setSequence(tx, sequence.name, sequence.value, sequence.isCalled);
      return before;
    });
    return { header, replaced, message: describeRestore(file, header, replaced) };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const reason = unreadable(file, error);
    if (reason) throw reason;
    const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
    throw new BackupError(`Sikkerhetskopien kunne ikke gjenopprettes: databasen avviste innholdet (${cause}). Databasen er ikke endret.`);
  } finally {
    raw.destroy();
    input.destroy();
  }
}

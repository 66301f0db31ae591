import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { DatabaseHandle } from '#server/platform/db/client.ts';
import { readJournal, type JournalEntry } from '#server/platform/db/migration-journal.ts';
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

export interface BackupOptions {
  /** Replace a file that is already there (never a symbolic link): --force. */
  force?: boolean;
}

const nothingWritten = 'Ingenting er skrevet.';

const symlinkRefused = (file: string) =>
  new BackupError(
    `${file} er en symbolsk lenke. Samla skriver ikke en sikkerhetskopi gjennom en lenke, heller ikke med --force: velg et vanlig filnavn. ${nothingWritten}`,
  );
const existsRefused = (file: string) =>
  new BackupError(`Filen ${file} finnes allerede. Velg et annet filnavn, eller kjør kommandoen på nytt med --force for å erstatte den. ${nothingWritten}`);
const notAFile = (file: string) => new BackupError(`${file} er ikke en vanlig fil (en mappe?). Velg et filnavn. ${nothingWritten}`);

/**
 * What is at the target now: the backup holds password hashes and session
 * hashes, so it is never written through a symbolic link someone planted,
 * and never over a file without --force.
 */
async function checkTarget(file: string, force: boolean): Promise<void> {
  let found: fs.Stats;
  try {
    found = await fs.promises.lstat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (found.isSymbolicLink()) throw symlinkRefused(file);
  if (!found.isFile()) throw notAFile(file);
  if (!force) throw existsRefused(file);
}

/**
 * Puts the finished temporary file at the target. Without force, link()
 * is the atomic «only if nothing is there» (it fails on any existing name,
 * a symbolic link included); rename() never follows a link at the target,
 * and with force replaces a file in one step, keeping the temporary file's
 * mode (0600).
 */
async function placeFile(temporary: string, file: string, force: boolean): Promise<void> {
  await checkTarget(file, force);
  if (force) {
    await fs.promises.rename(temporary, file);
    return;
  }
  try {
    await fs.promises.link(temporary, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      await checkTarget(file, false);
      throw existsRefused(file);
    }
    // A file system without hard links: the check above is the best there is.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    await fs.promises.rename(temporary, file);
    return;
  }
  await fs.promises.unlink(temporary);
}

/** So the rename survives a power cut; some file systems cannot sync a folder, which is no reason to fail. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await fs.promises.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
}

/**
 * Writes the whole database to `file`: one REPEATABLE READ, read-only
 * transaction, so the header's counts and every table's rows are one
 * consistent snapshot even while a server on PostgreSQL keeps writing. The
 * file appears only when complete: a temporary file in the target's folder,
 * created exclusively with mode 0600 (it holds password hashes), synced, then
 * put in place without following a symbolic link or overwriting a file
 * unless `force`.
 */
export async function createBackup(target: Target, file: string, now: () => Date = () => new Date(), options: BackupOptions = {}): Promise<BackupResult> {
  const force = options.force ?? false;
  const journal = readJournal();
  const resolved = path.resolve(file);
  const folder = path.dirname(resolved);
  // Before any work: say at once that the name is taken or is a link.
  await checkTarget(resolved, force);
  const temporary = path.join(folder, `.${path.basename(resolved)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  let header: BackupHeader | undefined;
  try {
    // O_EXCL: fails if anything, a planted link included, has the name.
    const handle = await fs.promises.open(temporary, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
    created = true;
    try {
      // The umask can only take bits away, but say it outright.
      await handle.chmod(0o600);
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
          // flush: synced to disk before the stream closes the handle.
          await pipeline(Readable.from(lines()), createGzip({ level: 6 }), handle.createWriteStream({ flush: true }));
        },
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      );
    } finally {
      // Closed already by the stream, unless something failed before it ran.
      await handle.close();
    }
    await placeFile(temporary, resolved, force);
    created = false;
    await syncFolder(folder);
  } catch (error) {
    // Only a file this run made: never something else that had the name.
    if (created) await fs.promises.rm(temporary, { force: true });
    if (error instanceof BackupError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EROFS' || code === 'ENOSPC' || code === 'EPERM') {
      throw new BackupError(`Kunne ikke skrive sikkerhetskopien ${file} (${code}). Finnes mappen, og har du skrivetilgang og plass nok?`);
    }
    if (code === 'EISDIR') throw notAFile(file);
    throw error;
  }
  return { header: header!, message: describeBackup(file, header!) };
}

function unreadable(file: string, error: unknown): BackupError | undefined {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new BackupError(`Finner ikke filen ${file}. Databasen er ikke endret.`);
  if (code === 'EACCES') return new BackupError(`Har ikke lesetilgang til ${file}. Databasen er ikke endret.`);
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' || code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
    return new BackupError(`Filen er ikke en lesbar sikkerhetskopi fra Samla (skadet eller avkortet: ${(error as Error).message}). Databasen er ikke endret.`);
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

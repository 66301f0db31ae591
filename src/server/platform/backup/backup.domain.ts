import { z } from 'zod';
import { plural } from '#shared/plural.ts';

/**
 * Samla's own backup format (decision 015): one gzip'd text file, the same
 * whichever database wrote it, so a backup of the embedded database restores
 * into PostgreSQL and back.
 *
 *   line 1           the header (JSON): what made the file and what it holds
 *   «@table <name>»  starts a table's rows; one line per row follows, each the
 *                    row as PostgreSQL's row_to_json wrote it
 *   «@end <rows>»    the last line; the total number of rows, so a file cut
 *                    at a line boundary is still recognised as incomplete
 *
 * Rows travel as the database's own JSON text, never parsed in JavaScript:
 * numeric, double precision and microsecond timestamps round-trip exactly.
 */
export const BACKUP_FORMAT = 'samla-backup';
export const BACKUP_FORMAT_VERSION = 1;

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

const identifier = z.string().regex(/^[a-z_][a-z0-9_]*$/);

const tableSchema = z.object({
  name: identifier,
  columns: z.array(z.object({ name: identifier, type: z.string().min(1) })).min(1),
  rows: z.number().int().min(0),
});

const sequenceSchema = z.object({
  name: identifier,
  value: z.string().regex(/^-?\d+$/),
  isCalled: z.boolean(),
});

export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int(),
  samlaVersion: z.string().min(1),
  migration: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  source: z.enum(['pglite', 'postgres']),
  tables: z.array(tableSchema),
  sequences: z.array(sequenceSchema),
});

export type BackupHeader = z.infer<typeof backupHeaderSchema>;
export type BackupTable = z.infer<typeof tableSchema>;
export type BackupSequence = z.infer<typeof sequenceSchema>;
export interface TableColumns {
  name: string;
  columns: Array<{ name: string; type: string }>;
}

export const tableLine = (name: string) => `@table ${name}`;
export const endLine = (rows: number) => `@end ${rows}`;

const notABackup = (why: string) => new BackupError(`Filen er ikke en lesbar sikkerhetskopi fra Samla (${why}). Databasen er ikke endret.`);

/** Reads and checks line 1. The format version is checked before the rest, so an old Samla names the real problem. */
export function parseHeader(line: string | undefined): BackupHeader {
  if (line === undefined || line.trim() === '') throw notABackup('filen er tom');
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw notABackup('første linje er ikke en Samla-topptekst');
  }
  const format = value as { format?: unknown; formatVersion?: unknown };
  if (format?.format !== BACKUP_FORMAT) throw notABackup('første linje er ikke en Samla-topptekst');
  if (format.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `Sikkerhetskopien har filformat ${String(format.formatVersion)}, men denne Samla leser bare format ${BACKUP_FORMAT_VERSION}. ` +
        'Gjenopprett med den Samla-versjonen som laget kopien. Databasen er ikke endret.',
    );
  }
  const parsed = backupHeaderSchema.safeParse(value);
  if (!parsed.success) throw notABackup(`toppteksten er ugyldig: ${parsed.error.issues[0]?.path.join('.') ?? ''}`);
  const names = parsed.data.tables.map((table) => table.name);
  if (new Set(names).size !== names.length) throw notABackup('en tabell står to ganger');
  return parsed.data;
}

/**
 * The honest rule: a backup restores only into a database whose schema is at
 * exactly the backup's migration. Restoring an older backup would need the
 * migrations replayed on its rows in between, which Samla does at start, so
 * the way is: restore with the version that made it, then start the newer one.
 */
export function checkMigration(header: Pick<BackupHeader, 'migration' | 'samlaVersion'>, journalTags: readonly string[], samlaVersion: string): void {
  const target = journalTags.at(-1);
  if (header.migration === target) return;
  const position = journalTags.indexOf(header.migration);
  if (position === -1) {
    throw new BackupError(
      `Sikkerhetskopien er laget med en nyere Samla (${header.samlaVersion}, databaseskjema ${header.migration}) enn denne (${samlaVersion}, skjema ${target}). ` +
        `Oppgrader Samla til versjon ${header.samlaVersion} eller nyere og gjenopprett med den. Databasen er ikke endret.`,
    );
  }
  throw new BackupError(
    `Sikkerhetskopien er laget med en eldre Samla (${header.samlaVersion}, databaseskjema ${header.migration}); denne (${samlaVersion}) har skjema ${target}. ` +
      `Gjenopprett med Samla ${header.samlaVersion}, start deretter denne versjonen på den databasen (den oppgraderer ved oppstart) ` +
      'og ta en ny sikkerhetskopi. Databasen er ikke endret.',
  );
}

/** The backup must hold exactly the target's tables with exactly its columns: same migration, same shape. */
export function checkTablesMatch(backup: readonly TableColumns[], target: readonly TableColumns[]): void {
  const describe = (table: TableColumns) => table.columns.map((column) => `${column.name}:${column.type}`).join(',');
  const wanted = new Map(target.map((table) => [table.name, describe(table)]));
  const problems: string[] = [];
  for (const table of backup) {
    const shape = wanted.get(table.name);
    if (shape === undefined) problems.push(`tabellen ${table.name} finnes ikke i databasen`);
    else if (shape !== describe(table)) problems.push(`tabellen ${table.name} har andre kolonner`);
    wanted.delete(table.name);
  }
  for (const name of wanted.keys()) problems.push(`tabellen ${name} mangler i kopien`);
  if (problems.length > 0) {
    throw new BackupError(`Sikkerhetskopien passer ikke til databasen: ${problems.join('; ')}. Databasen er ikke endret.`);
  }
}

/**
 * Orders tables so that every table comes after the tables its foreign keys
 * point to (a self-reference is no constraint on the order). Ties keep
 * alphabetical order, so the file is the same for the same data.
 */
export function foreignKeyOrder(tables: readonly string[], references: ReadonlyArray<{ from: string; to: string }>): string[] {
  const dependsOn = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const { from, to } of references) if (from !== to && dependsOn.has(from) && dependsOn.has(to)) dependsOn.get(from)!.add(to);
  const ordered: string[] = [];
  const placed = new Set<string>();
  const remaining = [...tables].sort();
  while (remaining.length > 0) {
    const next = remaining.findIndex((table) => [...dependsOn.get(table)!].every((parent) => placed.has(parent)));
    if (next === -1) throw new BackupError(`Tabellenes fremmednøkler peker i ring (${remaining.join(', ')}), så de kan ikke gjenopprettes i rekkefølge.`);
    const [table] = remaining.splice(next, 1);
    ordered.push(table!);
    placed.add(table!);
  }
  return ordered;
}

/**
 * Splits a byte stream into lines. The decoder keeps a character whose bytes
 * are split between two chunks (æ, ø, å are two bytes) whole; bytes that are
 * not UTF-8 at all throw, as a damaged file should.
 */
export async function* readLines(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let rest = '';
  for await (const chunk of chunks) {
    const lines = (rest + (typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }))).split('\n');
    rest = lines.pop()!;
    yield* lines;
  }
  rest += decoder.decode();
  if (rest !== '') yield rest;
}

/** How a file line is to be read while restoring. */
export type BodyLine = { kind: 'table'; name: string } | { kind: 'row'; json: string } | { kind: 'end'; rows: number };

export function classifyLine(line: string): BodyLine {
  if (line.startsWith('{') && line.endsWith('}')) return { kind: 'row', json: line };
  const table = /^@table ([a-z_][a-z0-9_]*)$/.exec(line);
  if (table) return { kind: 'table', name: table[1]! };
  const end = /^@end (\d+)$/.exec(line);
  if (end) return { kind: 'end', rows: Number(end[1]) };
  throw notABackup('en linje i filen er skadet');
}

/**
 * Follows the body line by line and insists on the order the header
 * promised: every table in turn, exactly its number of rows, then the end.
 */
export class BodyReader {
  private tableIndex = -1;
  private rowsInTable = 0;
  private total = 0;
  private ended = false;

  constructor(private readonly header: BackupHeader) {}

  /** Returns the table a row line belongs to, or null for the structural lines. */
  accept(line: BodyLine): string | null {
    if (this.ended) throw notABackup('det står noe etter slutten');
    if (line.kind === 'table') {
      this.finishTable();
      this.tableIndex += 1;
      const expected = this.header.tables[this.tableIndex];
      if (!expected || expected.name !== line.name) throw notABackup(`tabellen ${line.name} står ikke der toppteksten sier`);
      this.rowsInTable = 0;
      return null;
    }
    if (line.kind === 'row') {
      const table = this.header.tables[this.tableIndex];
      if (!table) throw notABackup('en rad står foran første tabell');
      this.rowsInTable += 1;
      this.total += 1;
      if (this.rowsInTable > table.rows) throw notABackup(`tabellen ${table.name} har flere rader enn toppteksten sier`);
      return table.name;
    }
    this.finishTable();
    if (this.tableIndex !== this.header.tables.length - 1) throw notABackup('filen slutter før alle tabellene');
    if (line.rows !== this.total) throw notABackup('antallet rader stemmer ikke');
    this.ended = true;
    return null;
  }

  /** Called when the file has no more lines. */
  finish(): void {
    if (!this.ended) throw notABackup('filen er ufullstendig');
  }

  private finishTable(): void {
    const table = this.header.tables[this.tableIndex];
    if (table && this.rowsInTable !== table.rows) throw notABackup(`tabellen ${table.name} mangler rader`);
  }
}

export type RowCounts = Record<string, number>;

const formatCounts = (counts: RowCounts) =>
  Object.entries(counts)
    .filter(([, rows]) => rows > 0)
    .map(([table, rows]) => `  ${table}: ${rows.toLocaleString('nb-NO')}`)
    .join('\n');

const rowCount = (rows: number) => plural(rows, 'rad', 'rader');
const rowsPhrase = (rows: number) => (rows === 0 ? 'ingen rader.' : `${rowCount(rows)}:`);

const sum = (counts: RowCounts) => Object.values(counts).reduce((total, rows) => total + rows, 0);

export function describeBackup(file: string, header: BackupHeader): string {
  const counts = Object.fromEntries(header.tables.map((table) => [table.name, table.rows]));
  return [
    `Sikkerhetskopi skrevet til ${file}.`,
    `Samla ${header.samlaVersion}, databaseskjema ${header.migration}, ${header.source === 'pglite' ? 'innebygd database' : 'PostgreSQL'}, ${rowsPhrase(sum(counts))}`,
    formatCounts(counts),
  ]
    .filter(Boolean)
    .join('\n');
}

/** What a restore says it did: what was there before (replaced) and what is there now. */
export function describeRestore(file: string, header: BackupHeader, replaced: RowCounts): string {
  const restored = Object.fromEntries(header.tables.map((table) => [table.name, table.rows]));
  const before = sum(replaced);
  return [
    `Gjenopprettet fra ${file} (laget ${header.createdAt} av Samla ${header.samlaVersion}, ${header.source === 'pglite' ? 'innebygd database' : 'PostgreSQL'}).`,
    before === 0 ? 'Databasen var tom.' : `Erstattet ${rowCount(before)} som lå i databasen:\n${formatCounts(replaced)}`,
    `Gjenopprettet ${rowsPhrase(sum(restored))}`,
    formatCounts(restored),
  ]
    .filter(Boolean)
    .join('\n');
}

export function refuseNonEmpty(replaced: RowCounts): void {
  const rows = sum(replaced);
  if (rows === 0) return;
  throw new BackupError(
    `Databasen er ikke tom (${rowCount(rows)}, blant annet ${Object.entries(replaced)
      .filter(([, count]) => count > 0)
      .slice(0, 3)
      .map(([table, count]) => `${count} i ${table}`)
      .join(', ')}). ` + 'Gjenoppretting erstatter alt innhold. Er det det du vil, kjør kommandoen på nytt med --overwrite. Databasen er ikke endret.',
  );
}

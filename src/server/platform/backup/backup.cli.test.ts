import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#server/platform/db/client.ts';
import { createUser } from '#server/features/auth/auth.service.ts';

/**
 * `npm run samla -- backup|restore` end to end, as an operator runs them on
 * the embedded database: separate processes, real data folders, the lock.
 */
const root = fileURLToPath(new URL('../../../../', import.meta.url));
let directory: string;
let holder: ChildProcess | undefined;

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function samla(dataDir: string, ...args: string[]): Promise<Outcome> {
  // The embedded database is what this proves, also when the run is on PostgreSQL.
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/server/cli.ts', ...args],
      { cwd: root, env: { ...env, SAMLA_DATA_DIR: dataDir }, timeout: 150_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function usersIn(dataDir: string): Promise<string[]> {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    return ((await database.rawQuery('select name from users order by name')) as Array<{ name: string }>).map((row) => row.name);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-backup-cli-'));
  const database = await openDatabase({ kind: 'pglite', dataDir: path.join(directory, 'kilde') });
  try {
    const ctx = { db: database.db, now: () => new Date(), actor: null };
    await createUser(ctx, { email: 'kari@kommune.no', name: 'Kari Nordmann' });
    await createUser(ctx, { email: 'per@kommune.no', name: 'Per Ås' });
  } finally {
    await database.close();
  }
}, 120_000);

afterAll(() => {
  if (holder?.pid) process.kill(holder.pid);
  fs.rmSync(directory, { recursive: true, force: true });
});

describe('npm run samla -- backup / restore on the embedded database', () => {
  it('backs up one data folder and restores into another; a second restore needs --overwrite', async () => {
    const file = path.join(directory, 'kopi.samla.gz');
    const backup = await samla(path.join(directory, 'kilde'), 'backup', file);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`Sikkerhetskopi skrevet til ${file}.`);
    expect(backup.stdout).toContain('users: 2');
    // Password hashes: for the operator's eyes only.
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const target = path.join(directory, 'mål');
    const restore = await samla(target, 'restore', file);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain('Databasen var tom.');
    expect(await usersIn(target)).toEqual(['Kari Nordmann', 'Per Ås']);

    const again = await samla(target, 'restore', file);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Databasen er ikke tom (2 rader, blant annet 2 i users)');
    expect(again.stderr).toContain('kjør kommandoen på nytt med --overwrite');
  }, 300_000);

  it('never writes through a planted symbolic link, overwrites only with --force, and writes 0600', async () => {
    const source = path.join(directory, 'kilde');
    const victim = path.join(directory, 'andres-fil.txt');
    fs.writeFileSync(victim, 'skal ikke røres', { mode: 0o644 });
    const link = path.join(directory, 'plantet.samla.gz');
    fs.symlinkSync(victim, link);
    for (const args of [[link], [link, '--force']]) {
      const refused = await samla(source, 'backup', ...args);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`${link} er en symbolsk lenke.`);
    }
    expect(fs.readFileSync(victim, 'utf8')).toBe('skal ikke røres');
    expect(fs.statSync(victim).mode & 0o777).toBe(0o644);

    const file = path.join(directory, 'natt.samla.gz');
    fs.writeFileSync(file, 'gårsdagens kopi');
    const kept = await samla(source, 'backup', file);
    expect(kept.code).toBe(1);
    expect(kept.stderr).toContain(`Filen ${file} finnes allerede.`);
    expect(kept.stderr).toContain('--force');
    expect(fs.readFileSync(file, 'utf8')).toBe('gårsdagens kopi');

    const replaced = await samla(source, 'backup', '--force', file);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stdout).toContain(`Sikkerhetskopi skrevet til ${file}.`);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 300_000);

  it('refuses to back up while a Samla process holds the data folder, and writes no file', async () => {
    // A running process that holds the lock file, as a Samla server does.
    holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const dataDir = path.join(directory, 'kilde');
    fs.writeFileSync(path.join(dataDir, 'samla.lock'), String(holder.pid));
    const file = path.join(directory, 'låst.samla.gz');
    const refused = await samla(dataDir, 'backup', file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`brukes allerede av en annen Samla-prosess (pid ${holder.pid})`);
    expect(refused.stderr).toContain('Stopp den prosessen');
    expect(fs.readdirSync(directory).filter((name) => name.includes('låst'))).toEqual([]);
  }, 120_000);

  it('says how to use it when the file is missing from the command', async () => {
    const usage = await samla(path.join(directory, 'ubrukt'), 'restore');
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain('Bruk: npm run samla -- restore <fil> [--overwrite]');
  }, 120_000);

  it('refuses to back up a data folder with no database in it (a mistyped SAMLA_DATA_DIR), and writes no file', async () => {
    const file = path.join(directory, 'tom.samla.gz');
    const refused = await samla(path.join(directory, 'feilstavet'), 'backup', file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Fant ingen database i ${path.join(directory, 'feilstavet')}. Er SAMLA_DATA_DIR riktig?`);
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(path.join(directory, 'feilstavet'))).toBe(false);
  }, 120_000);
});

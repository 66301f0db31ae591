import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '#server/platform/db/client.ts';

/**
 * `npm run samla -- demo`, run for real: a separate process on a temporary
 * data folder, as an operator runs it. Starting Node, PGlite and the
 * migrations in a child takes a while on a busy machine, hence the timeouts.
 */
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const slow = 240_000;
const folders: string[] = [];

function tempDataDir(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-demo-cli-'));
  folders.push(folder);
  return folder;
}

function samla(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const { DATABASE_URL: _ignored, ...inherited } = process.env;
    execFile(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args], { cwd: root, env: { ...inherited, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

describe('npm run samla -- demo', () => {
  it('makes a demo merger owned by the first administrator and prints its name and path', { timeout: slow }, async () => {
    const dataDir = tempDataDir();
    const result = await samla(['demo'], {
      SAMLA_DATA_DIR: dataDir,
      SAMLA_ADMIN_EMAIL: 'admin@kommune.no',
      SAMLA_ADMIN_PASSWORD: 'et-langt-nok-passord',
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('«Demo: Digital sammenslåing Gjøvik og Toten»');
    const id = /\/sammenslainger\/([0-9a-f-]{36})/.exec(result.stdout)?.[1];
    expect(id).toBeDefined();

    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const rows = (await database.rawQuery(
        `select m.is_demo, u.email, mm.role from mergers m
         join merger_members mm on mm.merger_id = m.id join users u on u.id = mm.user_id where m.id = $1`,
        [id],
      )) as Array<{ is_demo: boolean; email: string; role: string }>;
      expect(rows).toEqual([{ is_demo: true, email: 'admin@kommune.no', role: 'owner' }]);
    } finally {
      await database.close();
    }
  });

  it('refuses, and explains, when Samla has no administrator to own the demo', { timeout: slow }, async () => {
    const result = await samla(['demo'], { SAMLA_DATA_DIR: tempDataDir() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Samla har ingen administrator ennå');
  });

  it('refuses while another Samla process holds the embedded database', { timeout: slow }, async () => {
    const dataDir = tempDataDir();
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const result = await samla(['demo'], { SAMLA_DATA_DIR: dataDir, SAMLA_ADMIN_EMAIL: 'admin@kommune.no', SAMLA_ADMIN_PASSWORD: 'et-langt-nok-passord' });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('brukes allerede av en annen Samla-prosess');
    } finally {
      await database.close();
    }
    const rows = (await (async () => {
      const reopened = await openDatabase({ kind: 'pglite', dataDir });
      try {
        return await reopened.rawQuery('select count(*)::int as mergers from mergers');
      } finally {
        await reopened.close();
      }
    })()) as Array<{ mergers: number }>;
    expect(rows[0]!.mergers).toBe(0);
  });
});

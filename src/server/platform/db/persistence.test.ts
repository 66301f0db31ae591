import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '#server/app.ts';
import type { AuthConfig } from '#server/config.ts';
import { openDatabase } from './client.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const auth: AuthConfig = {
  sessionIdleMinutes: 60,
  secureCookies: false,
  initialAdministrator: { email: 'admin@samla.test', password: 'et-langt-passord-for-test' },
};

describe('the embedded database on disk', () => {
  it('is created on first start, keeps a merger and the session across a restart, and refuses a second opener', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-data-'));
    dirs.push(dataDir);

    const first = await openDatabase({ kind: 'pglite', dataDir });
    const app = await buildApp({ database: first, webRoot: '/nonexistent', auth });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'admin@samla.test', password: 'et-langt-passord-for-test' },
    });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'samla_session')!;
    const headers = { cookie: `samla_session=${cookie.value}`, 'x-csrf-token': login.json().csrfToken };
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/mergers',
      headers,
      payload: { name: 'Varig', newMunicipalityName: 'Nye Varig', mergerDate: '2028-01-01', municipalities: ['1508', '1580'] },
    });
    expect(created.statusCode).toBe(201);
    const task = (await app.inject({ url: `/api/v1/mergers/${created.json().id}/tasks`, headers })).json().tasks[0];
    await app.inject({
      method: 'PATCH',
      url: `/api/v1/mergers/${created.json().id}/tasks/${task.id}`,
      headers,
      payload: { version: 1, status: 'done' },
    });

    await expect(openDatabase({ kind: 'pglite', dataDir })).rejects.toThrow(/brukes allerede/);
    await app.close();
    await first.close();

    const second = await openDatabase({ kind: 'pglite', dataDir });
    const reopened = await buildApp({ database: second, webRoot: '/nonexistent', auth });
    const mergers = (await reopened.inject({ url: '/api/v1/mergers', headers })).json().mergers;
    expect(mergers).toHaveLength(1);
    expect(mergers[0]).toMatchObject({ name: 'Varig', progress: { done: 1 } });
    await reopened.close();
    await second.close();
  });
});

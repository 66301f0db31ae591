import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '#server/app.ts';
import { administratorPassword, createTestApp, openTestDatabase, type TestApp } from '#server/test/test-app.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const password = 'Bjørkeskog ved fjorden';
let address = 0;

/** Signs in through the API as a browser would; each sign-in from its own address, so throttling stays out of the way. */
async function signIn(app: TestApp['app'], email: string, withPassword = password, userAgent = 'Testleser/1.0') {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: withPassword },
    remoteAddress: `10.1.0.${++address % 250}`,
    headers: { 'user-agent': userAgent },
  });
  const cookie = response.cookies.find((c) => c.name === 'samla_session');
  const headers = { cookie: `samla_session=${cookie?.value}`, 'x-csrf-token': String(response.json().csrfToken) };
  return { response, headers };
}

async function stillSignedIn(app: TestApp['app'], headers: Record<string, string>) {
  return (await app.inject({ url: '/api/v1/mergers', headers })).statusCode === 200;
}

describe('an administrator edits a user', () => {
  it('changes name and e-mail against the version, and answers 409 to a stale version or a taken address', async () => {
    t = await createTestApp();
    const nina = await t.createUser('Nina Navn');
    const listed = (await t.administrator.inject('/api/v1/users')).json().users;
    const before = listed.find((u: { id: string }) => u.id === nina.id);
    expect(before).toMatchObject({ version: 1, deactivatedAt: null, hasPassword: false });

    const edited = await t.administrator.inject({
      method: 'PATCH',
      url: `/api/v1/users/${nina.id}`,
      payload: { version: 1, name: 'Nina Nytt-Navn', email: 'Nina.Ny@Kommune.no' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ name: 'Nina Nytt-Navn', email: 'nina.ny@kommune.no', version: 2 });

    const stale = await t.administrator.inject({ method: 'PATCH', url: `/api/v1/users/${nina.id}`, payload: { version: 1, name: 'Gammel' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });

    const taken = await t.administrator.inject({
      method: 'PATCH',
      url: `/api/v1/users/${nina.id}`,
      payload: { version: 2, email: t.owner.email },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('USER_EXISTS');
    expect(taken.json().error.details[0].path).toBe('email');

    expect((await t.owner.inject({ method: 'PATCH', url: `/api/v1/users/${nina.id}`, payload: { version: 2, name: 'X' } })).statusCode).toBe(403);
  });
});

describe('deactivation', () => {
  it('ends the sessions and tokens at once, keeps the name in history, and can be undone', async () => {
    t = await createTestApp();
    const dag = await t.createUser('Dag Deaktivert', { password });
    const mergerId = await t.createMerger({}, dag);
    const session = await signIn(t.app, dag.email);
    expect(session.response.statusCode).toBe(200);
    expect(await stillSignedIn(t.app, session.headers)).toBe(true);

    const deactivated = await t.administrator.inject({ method: 'POST', url: `/api/v1/users/${dag.id}/deactivate` });
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    expect(deactivated.json().deactivatedAt).toEqual(expect.any(String));
    expect(await stillSignedIn(t.app, session.headers)).toBe(false);
    const byToken = await dag.inject('/api/v1/mergers');
    expect(byToken.statusCode).toBe(401);
    expect((await signIn(t.app, dag.email)).response.statusCode).not.toBe(200);
    // The deactivation is not history's business: the merger's history still names Dag.
    const actors = (await t.database.rawQuery(`select actor_name from audit_events where merger_id = '${mergerId}'`)) as Array<{ actor_name: string }>;
    expect(actors.map((row) => row.actor_name)).toContain('Dag Deaktivert');

    const reactivated = await t.administrator.inject({ method: 'POST', url: `/api/v1/users/${dag.id}/reactivate` });
    expect(reactivated.statusCode).toBe(200);
    expect(reactivated.json().deactivatedAt).toBeNull();
    const again = await signIn(t.app, dag.email);
    expect(again.response.statusCode).toBe(200);
    expect(await stillSignedIn(t.app, again.headers)).toBe(true);
    // Tokens were revoked, not paused: reactivating does not bring them back.
    expect((await dag.inject('/api/v1/mergers')).statusCode).toBe(401);
  });

  it('refuses to deactivate or delete oneself, and two administrators removing each other leave one active', async () => {
    t = await createTestApp();
    const self = await t.administrator.inject({ method: 'POST', url: `/api/v1/users/${t.administrator.id}/deactivate` });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe('CANNOT_REMOVE_SELF');
    expect((await t.administrator.inject({ method: 'DELETE', url: `/api/v1/users/${t.administrator.id}` })).json().error.code).toBe('CANNOT_REMOVE_SELF');

    const other = await t.createUser('Ada Administrator');
    await t.database.rawQuery(`update users set is_administrator = true where id = '${other.id}'`);
    const [first, second] = await Promise.all([
      t.administrator.inject({ method: 'POST', url: `/api/v1/users/${other.id}/deactivate` }),
      other.inject({ method: 'POST', url: `/api/v1/users/${t.administrator.id}/deactivate` }),
    ]);
    expect([first.statusCode, second.statusCode].filter((status) => status === 200)).toHaveLength(1);
    const active = (await t.database.rawQuery(`select count(*)::int as n from users where is_administrator and deactivated_at is null`)) as Array<{
      n: number;
    }>;
    expect(active[0]!.n).toBe(1);
  });

  it('is for administrators only', async () => {
    t = await createTestApp();
    const other = await t.createUser('Otto Annen');
    expect((await t.owner.inject({ method: 'POST', url: `/api/v1/users/${other.id}/deactivate` })).statusCode).toBe(403);
    expect((await t.owner.inject({ method: 'POST', url: `/api/v1/users/${other.id}/reactivate` })).statusCode).toBe(403);
    expect((await t.owner.inject({ method: 'DELETE', url: `/api/v1/users/${other.id}` })).statusCode).toBe(403);
  });
});

describe('deleting a user', () => {
  it('deletes one who made no changes, and suggests deactivation for one history names', async () => {
    t = await createTestApp();
    const typo = await t.createUser('Feil Skrevet');
    const deleted = await t.administrator.inject({ method: 'DELETE', url: `/api/v1/users/${typo.id}` });
    expect(deleted.statusCode, deleted.body).toBe(204);
    const ids = (await t.administrator.inject('/api/v1/users')).json().users.map((u: { id: string }) => u.id);
    expect(ids).not.toContain(typo.id);

    await t.createMerger(); // by the owner: history names them
    const refused = await t.administrator.inject({ method: 'DELETE', url: `/api/v1/users/${t.owner.id}` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('USER_HAS_HISTORY');
    expect(refused.json().error.message).toMatch(/Deaktiver/);
    expect((await t.administrator.inject({ method: 'DELETE', url: '/api/v1/users/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
  });
});

describe('creating a user', () => {
  it('refuses a user without a password when no identity provider is set up, and a common password', async () => {
    t = await createTestApp();
    const without = await t.administrator.inject({ method: 'POST', url: '/api/v1/users', payload: { email: 'uten@kommune.no', name: 'Uten Passord' } });
    expect(without.statusCode).toBe(400);
    expect(without.json().error).toMatchObject({ code: 'PASSWORD_REQUIRED', details: [{ path: 'password' }] });
    expect(without.json().error.message).toMatch(/identitetstilbyder/);

    for (const common of ['passord123456', 'PASSORD123456', 'Sommer2024!!', 'qwerty123456']) {
      const weak = await t.administrator.inject({
        method: 'POST',
        url: '/api/v1/users',
        payload: { email: 'svak@kommune.no', name: 'Svak', password: common },
      });
      expect(weak.statusCode, common).toBe(400);
      expect(weak.json().error).toMatchObject({ code: 'WEAK_PASSWORD', details: [{ path: 'password' }] });
    }
    const ok = await t.administrator.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'sterk@kommune.no', name: 'Sterk', password },
    });
    expect(ok.statusCode).toBe(201);
  });

  it('creates a user without a password when sign-in through an identity provider is set up', async () => {
    t = await createTestApp({
      auth: {
        publicUrl: 'http://localhost:3000',
        oidc: { issuer: 'http://localhost:9/', clientId: 'samla', clientSecret: 'hemmelig', displayName: 'Kommunen' },
      },
    });
    const created = await t.administrator.inject({ method: 'POST', url: '/api/v1/users', payload: { email: 'sso@kommune.no', name: 'Sso Bruker' } });
    expect(created.statusCode, created.body).toBe(201);
  });
});

describe('one-time password reset', () => {
  it('is shown once, replaces the one before, works once, ends all sessions, and refuses a common password without spending the code', async () => {
    t = await createTestApp({ auth: { publicUrl: 'https://samla.kommune.no' } });
    const glemt = await t.createUser('Glemt Passord', { password });
    const session = await signIn(t.app, glemt.email);
    const first = (await t.administrator.inject({ method: 'POST', url: `/api/v1/users/${glemt.id}/password-reset` })).json();
    const created = await t.administrator.inject({ method: 'POST', url: `/api/v1/users/${glemt.id}/password-reset` });
    expect(created.statusCode, created.body).toBe(201);
    const reset = created.json();
    expect(reset.link).toBe(`https://samla.kommune.no/nytt-passord#kode=${reset.code}`);
    const stored = (await t.database.rawQuery(`select token_hash from password_resets`)) as Array<{ token_hash: string }>;
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(reset.code);

    const use = (code: string, newPassword: string) => t!.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { code, newPassword } });
    expect((await use(first.code, 'Et helt nytt passord')).json().error.code).toBe('INVALID_RESET_CODE');
    const weak = await use(reset.code, 'passord2024!!');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0]).toMatchObject({ path: 'newPassword', code: 'weak_password' });
    expect((await use(reset.code, 'Et helt nytt passord')).statusCode).toBe(204);
    expect(await stillSignedIn(t.app, session.headers)).toBe(false);
    expect((await signIn(t.app, glemt.email, 'Et helt nytt passord')).response.statusCode).toBe(200);
    const again = await use(reset.code, 'Enda et nytt passord');
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('INVALID_RESET_CODE');
  });

  it('expires after 24 hours', async () => {
    let now = new Date('2027-05-01T08:00:00Z');
    t = await createTestApp({ now: () => now });
    const glemt = await t.createUser('Sen Bruker', { password });
    const reset = (await t.administrator.inject({ method: 'POST', url: `/api/v1/users/${glemt.id}/password-reset` })).json();
    expect(reset.expiresAt).toBe('2027-05-02T08:00:00.000Z');
    expect(reset.link).toBeNull();
    now = new Date('2027-05-02T08:00:01Z');
    const late = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { code: reset.code, newPassword: 'Et helt nytt passord' } });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.code).toBe('INVALID_RESET_CODE');
  });
});

describe('changing my own password', () => {
  it('needs the current password, ends my other sessions and keeps this one', async () => {
    t = await createTestApp();
    const me = await t.createUser('Meg Selv', { password });
    const here = await signIn(t.app, me.email);
    const elsewhere = await signIn(t.app, me.email);
    const change = (body: object, headers: Record<string, string> = here.headers) =>
      t!.app.inject({ method: 'POST', url: '/api/v1/me/password', headers, payload: body });

    const wrong = await change({ currentPassword: 'ikke riktig passord', newPassword: 'Et helt nytt passord' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'WRONG_PASSWORD', details: [{ path: 'currentPassword' }] });
    const weak = await change({ currentPassword: password, newPassword: 'velkommen123456' });
    expect(weak.json().error).toMatchObject({ code: 'WEAK_PASSWORD', details: [{ path: 'newPassword' }] });
    const short = await change({ currentPassword: password, newPassword: 'kort' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].path).toBe('newPassword');

    expect((await change({ currentPassword: password, newPassword: 'Et helt nytt passord' })).statusCode).toBe(204);
    expect(await stillSignedIn(t.app, here.headers)).toBe(true);
    expect(await stillSignedIn(t.app, elsewhere.headers)).toBe(false);
    expect((await signIn(t.app, me.email, 'Et helt nytt passord')).response.statusCode).toBe(200);

    const byToken = await me.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      payload: { currentPassword: 'Et helt nytt passord', newPassword: 'Enda et nytt passord' },
    });
    expect(byToken.statusCode).toBe(403);
    expect(byToken.json().error.code).toBe('SESSION_REQUIRED');
  });
});

describe('«Mine økter»', () => {
  it('lists my sessions with the current one marked and no token hashes, and ends one or all others', async () => {
    t = await createTestApp();
    const me = await t.createUser('Økt Eier', { password });
    const a = await signIn(t.app, me.email);
    const b = await signIn(t.app, me.email);
    const c = await signIn(t.app, me.email);
    const listed = await t.app.inject({ url: '/api/v1/me/sessions', headers: a.headers });
    expect(listed.statusCode).toBe(200);
    const sessions = listed.json().sessions as Array<{ id: string; current: boolean; createdAt: string; lastSeenAt: string }>;
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const hashes = ((await t.database.rawQuery(`select token_hash from sessions`)) as Array<{ token_hash: string }>).map((r) => r.token_hash);
    for (const hash of hashes) {
      expect(listed.body).not.toContain(hash);
      expect(listed.body).not.toContain(hash.slice(0, 16));
    }
    // Someone else's session is not mine to end.
    const other = (await t.app.inject({ url: '/api/v1/me/sessions', headers: (await signIn(t.app, 'admin@samla.test', administratorPassword)).headers })).json()
      .sessions[0].id;
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/me/sessions/${other}`, headers: a.headers })).statusCode).toBe(404);

    const bId = (await t.app.inject({ url: '/api/v1/me/sessions', headers: b.headers })).json().sessions.find((s: { current: boolean }) => s.current).id;
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/me/sessions/${bId}`, headers: a.headers })).statusCode).toBe(204);
    expect(await stillSignedIn(t.app, b.headers)).toBe(false);
    expect(await stillSignedIn(t.app, c.headers)).toBe(true);

    const ended = await t.app.inject({ method: 'POST', url: '/api/v1/me/sessions/end-others', headers: a.headers });
    expect(ended.json()).toEqual({ ended: 1 });
    expect(await stillSignedIn(t.app, c.headers)).toBe(false);
    expect(await stillSignedIn(t.app, a.headers)).toBe(true);
    expect((await t.app.inject({ url: '/api/v1/me/sessions', headers: a.headers })).json().sessions).toHaveLength(1);
  });

  it('shows the browser a session was started from (the setup page)', async () => {
    const database = await openTestDatabase();
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await buildApp({ database, webRoot: '/nonexistent', logger: { level: 'warn', stream } });
    try {
      const code = /Oppsettkode[^:]*: (\S+?)"/.exec(lines.join(''))?.[1];
      const common = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/setup',
        payload: { code, email: 'radmann@kommune.no', name: 'Rådmann', password: 'Passord12345!' },
      });
      expect(common.statusCode).toBe(400);
      expect(common.json().error.code).toBe('WEAK_PASSWORD');
      const done = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/setup',
        headers: { 'user-agent': 'Mozilla/5.0 (Rådhuset)' },
        payload: { code, email: 'radmann@kommune.no', name: 'Rådmann', password },
      });
      expect(done.statusCode).toBe(201);
      const cookie = done.cookies.find((c) => c.name === 'samla_session')!.value;
      const sessions = (await app.inject({ url: '/api/v1/me/sessions', headers: { cookie: `samla_session=${cookie}` } })).json().sessions;
      expect(sessions).toEqual([expect.objectContaining({ userAgent: 'Mozilla/5.0 (Rådhuset)', current: true })]);
    } finally {
      await app.close();
      await database.close();
    }
  });
});

describe('API tokens', () => {
  it('may have a last day, stop working after it and show as expired', async () => {
    let now = new Date('2027-03-10T10:00:00Z');
    t = await createTestApp({ now: () => now });
    const me = await t.createUser('Nøkkel Eier', { password });
    const { headers } = await signIn(t.app, me.email);
    const create = (body: object) => t!.app.inject({ method: 'POST', url: '/api/v1/tokens', headers, payload: body });

    const tooLong = await create({ name: 'For lenge', expiresOn: '2028-03-20' });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error).toMatchObject({ code: 'INVALID_TOKEN_EXPIRY', details: [{ path: 'expiresOn' }] });
    expect((await create({ name: 'I går', expiresOn: '2027-03-09' })).statusCode).toBe(400);

    const created = await create({ name: 'Kortvarig', expiresOn: '2027-03-31' });
    expect(created.statusCode, created.body).toBe(201);
    // The last day ends at midnight in Norway (summer time from 28 March 2027).
    expect(created.json()).toMatchObject({ expiresAt: '2027-03-31T22:00:00.000Z', status: 'active' });
    const bearer = { authorization: `Bearer ${created.json().token}` };
    expect((await t.app.inject({ url: '/api/v1/mergers', headers: bearer })).statusCode).toBe(200);

    now = new Date('2027-03-31T22:00:01Z');
    const expired = await t.app.inject({ url: '/api/v1/mergers', headers: bearer });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('INVALID_TOKEN');
    const later = await signIn(t.app, me.email); // the first session has long been idle
    const listed = (await t.app.inject({ url: '/api/v1/tokens', headers: later.headers })).json().tokens;
    expect(listed.find((token: { id: string }) => token.id === created.json().id)).toMatchObject({ status: 'expired' });
  });

  it('cannot be made with an API token', async () => {
    t = await createTestApp();
    const refused = await t.owner.inject({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'Avlegger' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('SESSION_REQUIRED');
    expect(refused.json().error.message).toMatch(/nettleseren/);
  });
});

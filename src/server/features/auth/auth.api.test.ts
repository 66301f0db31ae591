import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '#server/app.ts';
import { administratorPassword, createTestApp, openTestDatabase, type TestApp } from '#server/test/test-app.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function login(app: TestApp['app'], email: string, password: string) {
  return app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: '10.0.0.1' });
}

function sessionHeaders(response: Awaited<ReturnType<typeof login>>) {
  const cookie = response.cookies.find((c) => c.name === 'samla_session');
  return { cookie: `samla_session=${cookie?.value}`, 'x-csrf-token': response.json().csrfToken as string };
}

const newMerger = { name: 'X', newMunicipalityName: 'Nye X', mergerDate: '2028-01-01', municipalities: ['4601', '4626'] };

describe('sign-in with e-mail and password', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and answers who is signed in', async () => {
    t = await createTestApp();
    const response = await login(t.app, 'ADMIN@samla.test ', administratorPassword);
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ email: 'admin@samla.test', isAdministrator: true });
    const cookie = response.cookies.find((c) => c.name === 'samla_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();

    const status = (await t.app.inject({ url: '/api/v1/auth/session', headers: sessionHeaders(response) })).json();
    expect(status).toMatchObject({ signedIn: true, setupRequired: false, session: { user: { email: 'admin@samla.test' } } });
    expect(status.session.csrfToken).toBe(response.json().csrfToken);
  });

  it('marks the cookie Secure behind https', async () => {
    t = await createTestApp({ auth: { secureCookies: true, publicUrl: 'https://samla.kommune.no' } });
    const response = await login(t.app, 'admin@samla.test', administratorPassword);
    expect(response.cookies.find((c) => c.name === 'samla_session')!.secure).toBe(true);
    expect(response.headers['strict-transport-security']).toMatch(/max-age=/);
  });

  it('answers a wrong password and an unknown e-mail alike', async () => {
    t = await createTestApp();
    const wrongPassword = await login(t.app, 'admin@samla.test', 'feil-passord');
    const unknownEmail = await login(t.app, 'ingen@samla.test', 'feil-passord');
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(wrongPassword.json()).toEqual(unknownEmail.json());
  });

  it('logs out: the session stops working', async () => {
    t = await createTestApp();
    const headers = sessionHeaders(await login(t.app, 'admin@samla.test', administratorPassword));
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/mergers', headers })).statusCode).toBe(401);
  });

  it('ends a session that has been idle too long, and keeps one in use', async () => {
    let now = new Date('2027-03-01T08:00:00Z');
    t = await createTestApp({ now: () => now, auth: { sessionIdleMinutes: 30 } });
    const headers = sessionHeaders(await login(t.app, 'admin@samla.test', administratorPassword));
    now = new Date('2027-03-01T08:25:00Z');
    expect((await t.app.inject({ url: '/api/v1/mergers', headers })).statusCode).toBe(200);
    now = new Date('2027-03-01T08:50:00Z'); // 25 minutes after the last use
    expect((await t.app.inject({ url: '/api/v1/mergers', headers })).statusCode).toBe(200);
    now = new Date('2027-03-01T09:21:00Z'); // 31 minutes idle
    const expired = await t.app.inject({ url: '/api/v1/mergers', headers });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('UNAUTHENTICATED');
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated change without the token, and accepts it with', async () => {
    t = await createTestApp();
    const headers = sessionHeaders(await login(t.app, 'admin@samla.test', administratorPassword));
    const without = await t.app.inject({
      method: 'POST',
      url: '/api/v1/mergers',
      headers: { cookie: headers.cookie },
      payload: newMerger,
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/mergers',
      headers: { ...headers, 'x-csrf-token': 'feil' },
      payload: newMerger,
    });
    expect(wrong.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/mergers', headers, payload: newMerger })).statusCode).toBe(201);
  });

  it('needs no CSRF token with a bearer token', async () => {
    t = await createTestApp();
    expect((await t.owner.inject({ method: 'POST', url: '/api/v1/mergers', payload: newMerger })).statusCode).toBe(201);
  });
});

describe('login throttling', () => {
  it('slows and then refuses repeated failures for one account with 429, without revealing the account', async () => {
    t = await createTestApp();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt++) {
      statuses.push((await login(t.app, 'admin@samla.test', `feil-${attempt}`)).statusCode);
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    // Slowed before refused: the failures past the free ones waited (the test app does not wait for real).
    expect(t.waits.length).toBeGreaterThan(0);
    // Refused even with the right password while throttled …
    const refused = await login(t.app, 'admin@samla.test', administratorPassword);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // … and an unknown account is throttled the same way, so 429 reveals nothing.
    for (let attempt = 0; attempt < 10; attempt++) await login(t.app, 'ukjent@samla.test', 'x');
    expect((await login(t.app, 'ukjent@samla.test', 'x')).json().error.message).toBe(refused.json().error.message);
  }, 120_000);
});

describe('API tokens', () => {
  it('creates a token shown once, works as Bearer, and stops working when revoked', async () => {
    t = await createTestApp();
    // New tokens are made in the browser (with a session), never with another token.
    const headers = sessionHeaders(await login(t.app, 'admin@samla.test', administratorPassword));
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers, payload: { name: 'Integrasjon' } });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^samla_/);
    const listed = (await t.app.inject({ url: '/api/v1/tokens', headers })).json().tokens;
    expect(listed.find((entry: { id: string }) => entry.id === id)).not.toHaveProperty('token');

    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ url: '/api/v1/mergers', headers: bearer })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers })).statusCode).toBe(204);
    const revoked = await t.app.inject({ url: '/api/v1/mergers', headers: bearer });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().error.code).toBe('INVALID_TOKEN');
  });
});

describe('users', () => {
  it('lets only an administrator create users, and refuses a taken e-mail', async () => {
    t = await createTestApp();
    const payload = { email: 'Ny.Bruker@kommune.no', name: 'Ny Bruker', password: 'et-langt-passord' };
    expect((await t.owner.inject({ method: 'POST', url: '/api/v1/users', payload })).statusCode).toBe(403);
    const created = await t.administrator.inject({ method: 'POST', url: '/api/v1/users', payload });
    expect(created.statusCode).toBe(201);
    expect(created.json().email).toBe('ny.bruker@kommune.no');
    const again = await t.administrator.inject({ method: 'POST', url: '/api/v1/users', payload });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('USER_EXISTS');
    expect((await login(t.app, 'ny.bruker@kommune.no', 'et-langt-passord')).statusCode).toBe(200);
  });
});

describe('first start without a configured administrator', () => {
  it('asks for the setup code printed in the log, once', async () => {
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
      expect(code).toBeTruthy();
      expect((await app.inject('/api/v1/auth/session')).json()).toMatchObject({ signedIn: false, setupRequired: true });
      expect((await app.inject('/api/v1/mergers')).statusCode).toBe(401);

      const body = { email: 'radmann@kommune.no', name: 'Rådmann', password: 'et-langt-passord-1' };
      const wrong = await app.inject({ method: 'POST', url: '/api/v1/auth/setup', payload: { ...body, code: 'feil' } });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.code).toBe('INVALID_SETUP_CODE');

      const done = await app.inject({ method: 'POST', url: '/api/v1/auth/setup', payload: { ...body, code } });
      expect(done.statusCode).toBe(201);
      expect(done.json().user).toMatchObject({ isAdministrator: true });
      const again = await app.inject({ method: 'POST', url: '/api/v1/auth/setup', payload: { ...body, code } });
      expect(again.statusCode).toBe(409);
      expect((await app.inject('/api/v1/auth/session')).json().setupRequired).toBe(false);
    } finally {
      await app.close();
      await database.close();
    }
  });
});

describe('security headers', () => {
  it('sends a CSP without inline scripts, frame-ancestors none and nosniff, and no stack traces', async () => {
    t = await createTestApp();
    const response = await t.app.inject('/api/v1/health');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const tooLarge = await t.owner.inject({
      method: 'POST',
      url: '/api/v1/mergers',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.body).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('behind a reverse proxy', () => {
  async function failedLoginAddress(trustedProxyHops: number): Promise<string[]> {
    const database = await openTestDatabase();
    const app = await buildApp({ database, webRoot: '/nonexistent', trustedProxyHops, auth: { sessionIdleMinutes: 60, secureCookies: false } });
    try {
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.0.0.1',
        headers: { 'x-forwarded-for': '192.0.2.10' },
        payload: { email: 'noen@samla.test', password: 'feil' },
      });
      const rows = (await database.rawQuery(`select key from login_attempts where key like 'ip:%'`)) as Array<{ key: string }>;
      return rows.map((row) => row.key);
    } finally {
      await app.close();
      await database.close();
    }
  }

  it('counts login failures per client address from X-Forwarded-For only when told to trust the proxy', async () => {
    expect(await failedLoginAddress(1)).toEqual(['ip:192.0.2.10']);
    expect(await failedLoginAddress(0)).toEqual(['ip:10.0.0.1']);
  });
});

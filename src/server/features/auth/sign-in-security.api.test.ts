import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findUnstorableText } from '#server/platform/storable-text.ts';
import { administratorPassword, createTestApp, type TestApp } from '#server/test/test-app.ts';
import { safeReturnTo } from './oidc.ts';

/**
 * Issue 17, «Sign-in security»: throttling that cannot be raced and that a
 * stranger cannot use to lock the owner out, deactivated users, return paths
 * after single sign-on that stay in Samla, and text the database cannot store.
 * Single sign-on's identity linking is tested in oidc.api.test.ts.
 */

// Counts the password checks (argon2): what a racing attacker wants more of.
const argon = vi.hoisted(() => ({ verifications: 0 }));
vi.mock('./auth.crypto.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./auth.crypto.ts')>();
  return {
    ...actual,
    verifyPassword: async (hash: string | null, password: string) => {
      argon.verifications++;
      return actual.verifyPassword(hash, password);
    },
  };
});

let t: TestApp | undefined;
beforeEach(() => {
  argon.verifications = 0;
});
afterEach(async () => {
  await t?.close();
  t = undefined;
});

function login(app: TestApp['app'], email: string, password: string, remoteAddress: string) {
  return app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress });
}

const countBy = (statuses: number[]) => statuses.reduce<Record<number, number>>((counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {});

describe('login throttling that cannot be raced', () => {
  it('evaluates at most the limit of 50 wrong passwords sent at once, and answers the rest 429', async () => {
    // At the real cost, so the checks take as long as an attacker's race would have to beat.
    t = await createTestApp({ passwordHashCost: 'production' });
    const app = t.app;
    const responses = await Promise.all(Array.from({ length: 50 }, (_, attempt) => login(app, 'admin@samla.test', `feil-${attempt}`, '203.0.113.7')));
    expect(argon.verifications).toBe(10);
    expect(countBy(responses.map((response) => response.statusCode))).toEqual({ 401: 10, 429: 40 });
    const refused = responses.find((response) => response.statusCode === 429)!;
    expect(refused.json().error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  }, 120_000);
});

describe('a stranger cannot lock the owner out', () => {
  it('throttles the stranger’s address, while the owner on another address still gets in', async () => {
    t = await createTestApp();
    for (let attempt = 0; attempt < 10; attempt++) {
      expect((await login(t.app, 'admin@samla.test', `gjett-${attempt}`, '203.0.113.66')).statusCode).toBe(401);
    }
    // The same address is throttled, even with the right password …
    const stranger = await login(t.app, 'admin@samla.test', administratorPassword, '203.0.113.66');
    expect(stranger.statusCode).toBe(429);
    // … but the owner, elsewhere, signs in.
    const owner = await login(t.app, 'admin@samla.test', administratorPassword, '198.51.100.20');
    expect(owner.statusCode).toBe(200);
    expect(owner.json().user.email).toBe('admin@samla.test');
  }, 120_000);

  it('throttles one address guessing across many accounts', async () => {
    t = await createTestApp();
    const app = t.app;
    const spray = await Promise.all(Array.from({ length: 30 }, (_, n) => login(app, `person${n}@samla.test`, 'Sommer2027!', '203.0.113.99')));
    expect(spray.every((response) => response.statusCode === 401)).toBe(true);
    expect((await login(app, 'admin@samla.test', 'Sommer2027!', '203.0.113.99')).statusCode).toBe(429);
    // An IPv6 subscriber's /64 is one source: the next address in it is throttled too.
    const v6 = await Promise.all(Array.from({ length: 30 }, (_, n) => login(app, `person${n}@samla.test`, 'Vinter2027!', `2001:db8:1:2::${n + 1}`)));
    expect(v6.every((response) => response.statusCode === 401)).toBe(true);
    expect((await login(app, 'admin@samla.test', 'Vinter2027!', '2001:db8:1:2:ffff::1')).statusCode).toBe(429);
    expect((await login(app, 'admin@samla.test', administratorPassword, '198.51.100.20')).statusCode).toBe(200);
  }, 120_000);
});

describe('deactivated users', () => {
  it('refuses a deactivated user at password sign-in, and tells only whoever knows the password', async () => {
    t = await createTestApp();
    await t.database.rawQuery(`update users set deactivated_at = now() where email = 'admin@samla.test'`);
    const wrong = await login(t.app, 'admin@samla.test', 'feil-passord', '198.51.100.30');
    expect(wrong.statusCode).toBe(401);
    const right = await login(t.app, 'admin@samla.test', administratorPassword, '198.51.100.30');
    expect(right.statusCode).toBe(403);
    expect(right.json().error).toMatchObject({ code: 'USER_DEACTIVATED', message: expect.stringMatching(/deaktivert/) });
    expect(right.cookies.find((cookie) => cookie.name === 'samla_session')).toBeUndefined();
  });
});

describe('where single sign-on may return to', () => {
  it.each([
    ['/sammenslainger/ny?x=1', '/sammenslainger/ny?x=1'],
    ['/sammenslainger/1#oppgaver', '/sammenslainger/1#oppgaver'],
    ['/møter/😀', '/m%C3%B8ter/%F0%9F%98%80'],
    ['/a\u2028b', '/a%E2%80%A8b'],
    ['/%5C%5Cevil.example', '/%5C%5Cevil.example'],
  ])('keeps the path %j inside Samla as %j', (value, expected) => {
    expect(safeReturnTo(value)).toBe(expected);
  });

  it.each([
    undefined,
    '',
    'sammenslainger',
    'https:evil.example',
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example/',
    '/\t/evil.example/',
    '/\n/evil.example/',
    '/\r\nSet-Cookie: x=1',
    '/\u0000',
    '/\u007f/evil.example',
    '\t//evil.example',
    '/.//evil.example',
    '/%2e%2e//evil.example',
    '/a/..//evil.example',
    '/x\\..\\..\\evil',
    '/api/v1/auth/logout',
    '/API/v1/users',
    '/x/../api/v1/users',
  ])('sends %j to the start page', (value) => {
    expect(safeReturnTo(value)).toBe('/');
  });

  it('answers only ASCII, so it is always a valid Location header', () => {
    for (const value of ['/æøå', '/\u{1F600}', '/\ud800', '/\u00ff?q=\u2603#\u00e9']) {
      expect(safeReturnTo(value)).toMatch(/^\/[\x21-\x7e]*$/);
    }
  });
});

describe('text the database cannot store', () => {
  it('finds a NUL or a lone surrogate anywhere in a parsed value, with its path', () => {
    expect(findUnstorableText({ a: [{ b: 'ok' }, { c: 'x\u0000' }] })).toMatchObject({ path: 'a.1.c', code: 'nul_character' });
    expect(findUnstorableText({ ['n\u0000kkel']: 1 })).toMatchObject({ path: 'n\u0000kkel', code: 'nul_character' });
    expect(findUnstorableText(['\ud83d'])).toMatchObject({ path: '0', code: 'invalid_unicode' });
    expect(findUnstorableText({ ok: '😀 æøå \u0001 \t', n: 1, b: null })).toBeUndefined();
    expect(findUnstorableText(Buffer.from('a\u0000b'))).toBeUndefined();
    // Deep nesting is walked without recursion.
    let deep: unknown = 'x\u0000';
    for (let level = 0; level < 100_000; level++) deep = [deep];
    expect(findUnstorableText(deep)?.code).toBe('nul_character');
  });

  it('refuses a NUL in the login e-mail, a search query and a JSON field with 400 at the field', async () => {
    t = await createTestApp();
    const signIn = await login(t.app, 'admin\u0000@samla.test', administratorPassword, '198.51.100.40');
    expect(signIn.statusCode).toBe(400);
    expect(signIn.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'email', code: 'nul_character', message: 'Teksten inneholder et kontrolltegn (NUL) som ikke kan lagres.' }],
    });

    const mergerId = await t.createMerger();
    const search = await t.owner.inject(`/api/v1/mergers/${mergerId}/inventory/systems?q=sak%00arkiv`);
    expect(search.statusCode).toBe(400);
    expect(search.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'q', code: 'nul_character' }] });

    const [task] = (await t.owner.inject(`/api/v1/mergers/${mergerId}/tasks`)).json().tasks as Array<{ id: string; version: number }>;
    const update = await t.owner.inject({
      method: 'PATCH',
      url: `/api/v1/mergers/${mergerId}/tasks/${task!.id}`,
      payload: { version: task!.version, notes: 'Møte\u0000referat' },
    });
    expect(update.statusCode).toBe(400);
    expect(update.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'notes', code: 'nul_character' }] });

    const created = await t.owner.inject({
      method: 'POST',
      url: '/api/v1/mergers',
      payload: { name: 'X', newMunicipalityName: 'Nye X', mergerDate: '2028-01-01', municipalities: ['4601', '46\u000026'] },
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().error.details).toEqual([expect.objectContaining({ path: 'municipalities.1', code: 'nul_character' })]);

    // A lone surrogate would be stored as U+FFFD in text and breaks jsonb (history): refused the same way.
    const surrogate = await t.owner.inject({
      method: 'PATCH',
      url: `/api/v1/mergers/${mergerId}/tasks/${task!.id}`,
      payload: { version: task!.version, notes: 'halv \ud83d' },
    });
    expect(surrogate.statusCode).toBe(400);
    expect(surrogate.json().error.details).toEqual([expect.objectContaining({ path: 'notes', code: 'invalid_unicode' })]);

    // Nothing was changed, and ordinary text (with tabs, emoji and æøå) still passes.
    const fine = await t.owner.inject({
      method: 'PATCH',
      url: `/api/v1/mergers/${mergerId}/tasks/${task!.id}`,
      payload: { version: task!.version, notes: 'Møte\treferat 😀' },
    });
    expect(fine.statusCode).toBe(200);
  });
});

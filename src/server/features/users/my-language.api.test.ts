import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#server/test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const password = 'Bjørkeskog ved fjorden';

/** Signs in as a browser does: the session cookie and the CSRF token. */
async function signIn(email: string) {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: '10.2.0.1' });
  expect(response.statusCode).toBe(200);
  const cookie = response.cookies.find((c) => c.name === 'samla_session');
  return { login: response.json(), headers: { cookie: `samla_session=${cookie?.value}`, 'x-csrf-token': String(response.json().csrfToken) } };
}

const phaseOneName = (catalog: { phases: Array<{ name: string }> }) => catalog.phases[0]?.name;

describe('my language', () => {
  it('is stored on me, comes back with the session and survives signing in again', async () => {
    const me = await t.createUser('Nils Nynorsk', { password });
    const first = await signIn(me.email);
    expect(first.login.user.language).toBeNull();

    const set = await t.app.inject({ method: 'PUT', url: '/api/v1/me/language', headers: first.headers, payload: { language: 'nn' } });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ id: me.id, language: 'nn' });
    const session = (await t.app.inject({ url: '/api/v1/auth/session', headers: first.headers })).json();
    expect(session.session.user.language).toBe('nn');

    await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: first.headers });
    const again = await signIn(me.email);
    expect(again.login.user.language).toBe('nn');

    // null: back to whatever the browser asks for.
    const cleared = await t.app.inject({ method: 'PUT', url: '/api/v1/me/language', headers: again.headers, payload: { language: null } });
    expect(cleared.json().language).toBeNull();
  });

  it('refuses a language Samla does not speak', async () => {
    const response = await t.owner.inject({ method: 'PUT', url: '/api/v1/me/language', payload: { language: 'sv' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('is shown to administrators in the user list', async () => {
    const someone = await t.createUser('Erin English');
    await someone.inject({ method: 'PUT', url: '/api/v1/me/language', payload: { language: 'en' } });
    const users = (await t.administrator.inject('/api/v1/users')).json().users;
    expect(users.find((u: { id: string }) => u.id === someone.id)).toMatchObject({ language: 'en' });
  });
});

describe('the library in the caller’s language', () => {
  it('answers in the language Accept-Language asks for, saying the translation is Samla’s', async () => {
    const nynorsk = await t.owner.inject({ url: '/api/v1/catalog', headers: { 'accept-language': 'nn' } });
    expect(nynorsk.statusCode).toBe(200);
    expect(phaseOneName(nynorsk.json())).toBe('Før du startar');
    expect(nynorsk.json()).toMatchObject({ language: 'nn', attribution: "Omsett av Samla frå KS' «Sjekkliste for digital sammenslåing»" });
    expect(nynorsk.headers['content-language']).toBe('nn');
    expect(nynorsk.headers.vary).toContain('Accept-Language');

    const english = await t.owner.inject({ url: '/api/v1/catalog', headers: { 'accept-language': 'en-GB,en;q=0.9,nb;q=0.5' } });
    expect(phaseOneName(english.json())).toBe('Before you start');
    expect(english.json()).toMatchObject({ language: 'en', attribution: expect.stringContaining('Translated by Samla') });
    // The ids are the library's own, whatever the language.
    expect(english.json().phases[0].id).toBe('fase-1');

    const bokmal = await t.owner.inject({ url: '/api/v1/catalog' });
    expect(phaseOneName(bokmal.json())).toBe('Før du starter');
    expect(bokmal.json()).toMatchObject({ language: 'nb', attribution: null });
    expect(phaseOneName((await t.owner.inject({ url: '/api/v1/catalog', headers: { 'accept-language': 'sv-SE, de' } })).json())).toBe('Før du starter');
  });

  it('answers in the language the person chose, over what the client asks for', async () => {
    const reader = await t.createUser('Kari Kvensk', { password });
    // Through a personal API token …
    await reader.inject({ method: 'PUT', url: '/api/v1/me/language', payload: { language: 'en' } });
    const byToken = await reader.inject({ url: '/api/v1/catalog', headers: { 'accept-language': 'nb' } });
    expect(phaseOneName(byToken.json())).toBe('Before you start');
    // … and in the browser's session.
    const { headers } = await signIn(reader.email);
    await t.app.inject({ method: 'PUT', url: '/api/v1/me/language', headers, payload: { language: 'nn' } });
    const bySession = await t.app.inject({ url: '/api/v1/catalog', headers: { ...headers, 'accept-language': 'en' } });
    expect(phaseOneName(bySession.json())).toBe('Før du startar');
  });
});

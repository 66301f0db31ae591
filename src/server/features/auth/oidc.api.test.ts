import http from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error oidc-provider ships no types, and the test uses a small part of it.
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#server/test/test-app.ts';

/**
 * Single sign-on against a real OpenID provider (oidc-provider) started here,
 * through the whole authorization code flow with PKCE, as a browser follows it.
 */
const samlaUrl = 'http://samla.test';
let provider: any;
let server: http.Server;
let issuer: string;
let t: TestApp;

const accounts: Record<string, { email: string; name: string; email_verified?: boolean }> = {
  'kari-id': { email: 'Kari.Nordmann@Kommune.no', name: 'Kari Nordmann' },
};
/** Who signs in at the provider's login page next. */
let signInAs = 'kari-id';

beforeAll(async () => {
  server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'samla',
        client_secret: 'samla-hemmelighet',
        redirect_uris: [`${samlaUrl}/api/v1/auth/oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: (_ctx: unknown, sub: string) => (accounts[sub] ? { accountId: sub, claims: async () => ({ sub, ...accounts[sub] }) } : undefined),
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    cookies: { keys: ['test-nokkel'] },
  });
  // The provider's login page: «Kari signs in and consents», without a form.
  const callback = provider.callback();
  server.on('request', async (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return callback(req, res);
    const details = await provider.interactionDetails(req, res);
    const grant = new provider.Grant({ accountId: signInAs, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    await provider.interactionFinished(req, res, { login: { accountId: signInAs }, consent: { grantId: await grant.save() } });
  });

  t = await createTestApp({
    auth: {
      publicUrl: samlaUrl,
      oidc: { issuer, clientId: 'samla', clientSecret: 'samla-hemmelighet', displayName: 'Testkommunens innlogging' },
    },
  });
});

afterAll(async () => {
  await t.close();
  await new Promise((resolve) => server.close(resolve));
});

/** A tiny browser: follows redirects across Samla (app.inject) and the provider (real HTTP), keeping cookies per host. */
async function browse(startUrl: string) {
  const jars = new Map<string, Map<string, string>>();
  const jar = (host: string) => jars.get(host) ?? jars.set(host, new Map()).get(host)!;
  let url = new URL(startUrl);
  for (let hop = 0; hop < 15; hop++) {
    const cookies = jar(url.host);
    const cookieHeader = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    let status: number;
    let location: string | undefined;
    let setCookies: string[];
    if (url.origin === samlaUrl) {
      const response = await t.app.inject({ url: url.pathname + url.search, headers: { cookie: cookieHeader } });
      status = response.statusCode;
      location = response.headers.location as string | undefined;
      const raw = response.headers['set-cookie'];
      setCookies = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    } else {
      const response = await fetch(url, { redirect: 'manual', headers: { cookie: cookieHeader } });
      status = response.status;
      location = response.headers.get('location') ?? undefined;
      setCookies = response.headers.getSetCookie();
    }
    for (const setCookie of setCookies) {
      const [pair] = setCookie.split(';');
      const [name, ...value] = pair!.split('=');
      if (/max-age=0|expires=Thu, 01 Jan 1970/i.test(setCookie)) cookies.delete(name!.trim());
      else cookies.set(name!.trim(), value.join('='));
    }
    if (status < 300 || status >= 400 || !location) {
      return { url, status, samlaCookies: jar(new URL(samlaUrl).host) };
    }
    url = new URL(location, url);
  }
  throw new Error('too many redirects');
}

describe('single sign-on with OpenID Connect', () => {
  it('offers the provider on the sign-in page', async () => {
    expect((await t.app.inject('/api/v1/auth/session')).json().singleSignOn).toEqual({ name: 'Testkommunens innlogging' });
  });

  it('signs a new user in through the authorization code flow with PKCE, known by issuer and subject next time', async () => {
    const start = await t.app.inject('/api/v1/auth/oidc/start');
    const authorize = new URL(start.headers.location as string);
    expect(authorize.origin).toBe(issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toBeTruthy();
    expect(authorize.searchParams.get('state')).toBeTruthy();

    const end = await browse(`${samlaUrl}/api/v1/auth/oidc/start`);
    expect(end.url.origin + end.url.pathname).toBe(`${samlaUrl}/`);
    const session = end.samlaCookies.get('samla_session');
    expect(session).toBeTruthy();
    const status = (await t.app.inject({ url: '/api/v1/auth/session', headers: { cookie: `samla_session=${session}` } })).json();
    // Made by single sign-on: no password in Samla, so «Meg selv» offers no password change.
    expect(status.session.user).toMatchObject({ email: 'kari.nordmann@kommune.no', name: 'Kari Nordmann', isAdministrator: false, hasPassword: false });

    // Second sign-in: the same user, not a new one.
    const again = await browse(`${samlaUrl}/api/v1/auth/oidc/start`);
    const secondStatus = (
      await t.app.inject({ url: '/api/v1/auth/session', headers: { cookie: `samla_session=${again.samlaCookies.get('samla_session')}` } })
    ).json();
    expect(secondStatus.session.user.id).toBe(status.session.user.id);
    const users = (await t.administrator.inject('/api/v1/users')).json().users;
    expect(users.filter((u: { email: string }) => u.email === 'kari.nordmann@kommune.no')).toHaveLength(1);
  });

  it('returns to the page the user wanted, and never to another site', async () => {
    const back = await browse(`${samlaUrl}/api/v1/auth/oidc/start?neste=${encodeURIComponent('/sammenslainger/ny?x=1')}`);
    expect(back.url.pathname + back.url.search).toBe('/sammenslainger/ny?x=1');
    const elsewhere = await browse(`${samlaUrl}/api/v1/auth/oidc/start?neste=${encodeURIComponent('//evil.example/')}`);
    expect(elsewhere.url.href).toBe(`${samlaUrl}/`);
  });

  it('answers a return path with line breaks or characters outside Latin-1 with a valid redirect, not a 500', async () => {
    const emoji = await browse(`${samlaUrl}/api/v1/auth/oidc/start?neste=${encodeURIComponent('/møter/😀?q=æ')}`);
    // The browser followed the callback's redirect to the page (no web build here, so the page itself is a 404).
    expect(emoji.status).not.toBe(500);
    expect(emoji.url.pathname + emoji.url.search).toBe('/m%C3%B8ter/%F0%9F%98%80?q=%C3%A6');
    const lines = await browse(`${samlaUrl}/api/v1/auth/oidc/start?neste=${encodeURIComponent('/\r\nSet-Cookie: x=1')}`);
    expect(lines.status).not.toBe(500);
    expect(lines.url.href).toBe(`${samlaUrl}/`);
    const tab = await browse(`${samlaUrl}/api/v1/auth/oidc/start?neste=${encodeURIComponent('/\t/evil.example/')}`);
    expect(tab.url.href).toBe(`${samlaUrl}/`);
  });

  it('refuses a callback whose state does not match', async () => {
    const start = await t.app.inject('/api/v1/auth/oidc/start');
    const pending = start.cookies.find((c) => c.name === 'samla_oidc')!;
    const forged = await t.app.inject({
      url: '/api/v1/auth/oidc/callback?code=stjalet&state=feil',
      headers: { cookie: `samla_oidc=${pending.value}` },
    });
    // The browser lands on the sign-in page with the reason, not on a JSON error.
    expect(forged.statusCode).toBe(302);
    expect(forged.headers.location).toBe('/logg-inn?feil=SSO_FAILED');
  });
});

describe('linking a single sign-on identity to an account (decision 022)', () => {
  const sessionUser = async (cookies: Map<string, string>) => {
    const session = cookies.get('samla_session');
    if (!session) return null;
    const status = (await t.app.inject({ url: '/api/v1/auth/session', headers: { cookie: `samla_session=${session}` } })).json();
    return status.session?.user ?? null;
  };
  const signIn = async (sub: string) => {
    signInAs = sub;
    try {
      const end = await browse(`${samlaUrl}/api/v1/auth/oidc/start`);
      return { ...end, user: await sessionUser(end.samlaCookies) };
    } finally {
      signInAs = 'kari-id';
    }
  };

  it('never signs an unverified e-mail into the existing account with that address (nOAuth)', async () => {
    accounts['angriper-id'] = { email: 'ADMIN@samla.test', name: 'Ikke administratoren', email_verified: false };
    const attempt = await signIn('angriper-id');
    expect(attempt.url.pathname + attempt.url.search).toBe('/logg-inn?feil=SSO_EMAIL_NOT_VERIFIED');
    expect(attempt.user).toBeNull();
    expect(attempt.samlaCookies.get('samla_session')).toBeUndefined();
    // Without email_verified at all, the same.
    delete accounts['angriper-id']!.email_verified;
    const again = await signIn('angriper-id');
    expect(again.url.search).toBe('?feil=SSO_EMAIL_NOT_VERIFIED');
    expect(again.user).toBeNull();
    const rows = await t.database.rawQuery(`select 1 from user_identities where subject = 'angriper-id'`);
    expect(rows).toHaveLength(0);
  });

  it('links a verified e-mail to the existing account once, and the link holds when the provider’s e-mail changes', async () => {
    const created = await t.administrator.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'ola.hansen@kommune.no', name: 'Ola Hansen' },
    });
    expect(created.statusCode).toBe(201);
    accounts['ola-id'] = { email: 'Ola.Hansen@Kommune.no', name: 'Ola H.', email_verified: true };
    const first = await signIn('ola-id');
    expect(first.user).toMatchObject({ id: created.json().id, email: 'ola.hansen@kommune.no' });
    const [link] = (await t.database.rawQuery(`select issuer, user_id, email_at_link from user_identities where subject = 'ola-id'`)) as Array<{
      issuer: string;
      user_id: string;
      email_at_link: string;
    }>;
    expect(link).toEqual({ issuer, user_id: created.json().id, email_at_link: 'ola.hansen@kommune.no' });

    // The provider now says the administrator's address, verified: the identity still signs in as Ola.
    accounts['ola-id'] = { email: 'admin@samla.test', name: 'Ola H.', email_verified: true };
    const moved = await signIn('ola-id');
    expect(moved.user).toMatchObject({ id: created.json().id, email: 'ola.hansen@kommune.no', isAdministrator: false });
  });

  it('refuses a deactivated user', async () => {
    accounts['per-id'] = { email: 'per@kommune.no', name: 'Per', email_verified: true };
    const first = await signIn('per-id');
    expect(first.user).toMatchObject({ email: 'per@kommune.no' });
    await t.database.rawQuery(`update users set deactivated_at = now() where email = 'per@kommune.no'`);
    const refused = await signIn('per-id');
    expect(refused.url.pathname + refused.url.search).toBe('/logg-inn?feil=USER_DEACTIVATED');
    expect(refused.user).toBeNull();
  });
});

describe('a provider that sends no email_verified, trusted by the operator (OIDC_TRUST_EMAIL)', () => {
  // Last in the file: the app is remade with the setting on (one database per file), and the file's afterAll closes it.
  beforeAll(async () => {
    await t.close();
    t = await createTestApp({
      auth: {
        publicUrl: samlaUrl,
        oidc: { issuer, clientId: 'samla', clientSecret: 'samla-hemmelighet', displayName: 'Entra ID', trustEmail: true },
      },
    });
  });

  it('links a user an administrator made in advance, on an e-mail the provider does not say is verified', async () => {
    const created = await t.administrator.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'forhand@kommune.no', name: 'Laget på forhånd', password: 'et langt passord som ingen gjetter' },
    });
    expect(created.statusCode, created.body).toBe(201);
    accounts['forhand-id'] = { email: 'forhand@kommune.no', name: 'Forhånd' };
    signInAs = 'forhand-id';
    try {
      const end = await browse(`${samlaUrl}/api/v1/auth/oidc/start`);
      const session = end.samlaCookies.get('samla_session');
      expect(session).toBeDefined();
      const status = (await t.app.inject({ url: '/api/v1/auth/session', headers: { cookie: `samla_session=${session}` } })).json();
      expect(status.session.user).toMatchObject({ email: 'forhand@kommune.no', name: 'Laget på forhånd', hasPassword: true });
    } finally {
      signInAs = 'kari-id';
    }
  });
});

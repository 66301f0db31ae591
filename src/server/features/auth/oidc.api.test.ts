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
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let provider: any;
let server: http.Server;
let issuer: string;
let t: TestApp;

const accounts: Record<string, { email: string; name: string }> = {
  'kari-id': { email: 'Kari.Nordmann@Kommune.no', name: 'Kari Nordmann' },
};

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
    claims: { openid: ['sub'], email: ['email'], profile: ['name'] },
    findAccount: (_ctx: unknown, sub: string) =>
      accounts[sub] ? { accountId: sub, claims: async () => ({ sub, ...accounts[sub] }) } : undefined,
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
    const grant = new provider.Grant({ accountId: 'kari-id', clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    await provider.interactionFinished(req, res, { login: { accountId: 'kari-id' }, consent: { grantId: await grant.save() } });
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

  it('signs a new user in through the authorization code flow with PKCE, matched by e-mail next time', async () => {
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
    expect(status.session.user).toMatchObject({ email: 'kari.nordmann@kommune.no', name: 'Kari Nordmann', isAdministrator: false });

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

  it('refuses a callback whose state does not match', async () => {
    const start = await t.app.inject('/api/v1/auth/oidc/start');
    const pending = start.cookies.find((c) => c.name === 'samla_oidc')!;
    const forged = await t.app.inject({
      url: '/api/v1/auth/oidc/callback?code=stjalet&state=feil',
      headers: { cookie: `samla_oidc=${pending.value}` },
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().error.code).toBe('SSO_FAILED');
  });
});

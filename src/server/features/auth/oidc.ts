import type * as OpenId from 'openid-client';
import type { OidcConfig } from '#server/config.ts';
import { DomainError } from '#server/platform/errors.ts';
import { errorMessages } from '#shared/error-messages.ts';

/**
 * Sign-in through the municipality's identity provider (Entra ID, ID-porten,
 * Keycloak …): authorization code flow with PKCE, state and nonce.
 */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Where in Samla to go after signing in: a path, never another site. */
  returnTo: string;
}

/** Who the identity provider says signed in: the identity is issuer + subject, the e-mail only a claim. */
export interface IdentityClaims {
  issuer: string;
  subject: string;
  email: string;
  /** The provider's `email_verified`: only a verified address may be linked to an existing account. */
  emailVerified: boolean;
  name: string;
}

const returnToBase = 'https://samla.invalid';
// C0 controls and DEL: browsers strip tabs and newlines from URLs, so «/\t/evil» becomes «//evil».
const controlCharacter = /[\u0000-\u001F\u007F]/;

/**
 * Only a path inside Samla, so the sign-in cannot be used to send people
 * elsewhere. The answer is the path as the WHATWG URL parser normalises it
 * (percent-encoded, ASCII only), so it is also a valid Location header; anything
 * that could leave the origin, here or after a browser's own clean-up, is the start page.
 */
export function safeReturnTo(value: string | undefined): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return '/';
  if (value.includes('\\') || controlCharacter.test(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, returnToBase);
  } catch {
    return '/';
  }
  if (url.origin !== returnToBase) return '/';
  const path = url.pathname + url.search + url.hash;
  // «/.//evil» normalises to «//evil»: protocol-relative, another site.
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return '/';
  const lower = url.pathname.toLowerCase();
  if (lower === '/api' || lower.startsWith('/api/')) return '/';
  return path;
}

// openid-client (with jose) is loaded on the first sign-in, not at every start:
// most installations never configure single sign-on.
const loadOpenId = () => import('openid-client');

export function createOidcClient(config: OidcConfig, redirectUri: string) {
  let discovered: Promise<OpenId.Configuration> | undefined;
  const issuer = new URL(config.issuer);
  // Plain http only for a provider on this machine (development and tests).
  const local = issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);

  function configuration(): Promise<OpenId.Configuration> {
    discovered ??= loadOpenId()
      .then((client) =>
        client.discovery(issuer, config.clientId, config.clientSecret, undefined, local ? { execute: [client.allowInsecureRequests] } : undefined),
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  }

  return {
    displayName: config.displayName,

    async start(returnTo?: string): Promise<{ url: string; pending: PendingSignIn }> {
      const client = await loadOpenId();
      const pending = {
        returnTo: safeReturnTo(returnTo),
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
      };
      const url = client.buildAuthorizationUrl(await configuration(), {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url: url.href, pending };
    },

    async finish(callbackUrl: URL, pending: PendingSignIn): Promise<IdentityClaims> {
      const client = await loadOpenId();
      const failed = () => new DomainError('SSO_FAILED', 401, errorMessages.SSO_FAILED);
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(await configuration(), callbackUrl, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
      } catch {
        throw failed();
      }
      const idToken = tokens.claims();
      // Who the person is: the provider (as the validated ID token names it) and its subject.
      if (!idToken || typeof idToken.iss !== 'string' || typeof idToken.sub !== 'string' || idToken.sub === '') throw failed();
      const tokenHasEmail = typeof idToken.email === 'string';
      // Many providers put e-mail, its verification and the name only in the userinfo answer
      // (fetchUserInfo checks that it is about the same subject).
      let userInfo: Record<string, unknown> | undefined;
      if (!tokenHasEmail || idToken.email_verified === undefined) {
        try {
          userInfo = await client.fetchUserInfo(await configuration(), tokens.access_token, idToken.sub);
        } catch {
          // Without userinfo the ID token's e-mail still names the person, only not as verified.
          if (!tokenHasEmail) throw failed();
        }
      }
      // The address and whether it is verified come from the same answer, never one from each.
      const emailSource: Record<string, unknown> =
        (tokenHasEmail && idToken.email_verified !== undefined) || typeof userInfo?.email !== 'string' ? idToken : userInfo;
      const email = typeof emailSource.email === 'string' ? emailSource.email : undefined;
      if (!email) {
        throw new DomainError('SSO_NO_EMAIL', 401, errorMessages.SSO_NO_EMAIL);
      }
      // Some providers send the boolean as a string; anything else is «not verified».
      // OIDC_TRUST_EMAIL: a single-tenant provider (Entra ID) that sends no email_verified, where users cannot set their own address.
      const emailVerified = config.trustEmail === true || emailSource.email_verified === true || emailSource.email_verified === 'true';
      const name = typeof idToken.name === 'string' ? idToken.name : typeof userInfo?.name === 'string' ? userInfo.name : email;
      return { issuer: idToken.iss, subject: idToken.sub, email, emailVerified, name };
    },
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;

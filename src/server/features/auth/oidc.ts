import type * as OpenId from 'openid-client';
import type { OidcConfig } from '#server/config.ts';
import { DomainError } from '#server/errors.ts';

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

/** Only a path inside Samla, so the sign-in cannot be used to send people elsewhere. */
export function safeReturnTo(value: string | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/api/')) return '/';
  return value;
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

    async finish(callbackUrl: URL, pending: PendingSignIn): Promise<{ email: string; name: string }> {
      const client = await loadOpenId();
      let claims: Record<string, unknown> | undefined;
      try {
        const tokens = await client.authorizationCodeGrant(await configuration(), callbackUrl, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        const idToken = tokens.claims();
        claims = idToken;
        // Many providers put e-mail and name only in the userinfo answer.
        if (idToken && typeof idToken.email !== 'string') {
          claims = { ...(await client.fetchUserInfo(await configuration(), tokens.access_token, idToken.sub)), ...idToken };
        }
      } catch {
        throw new DomainError('SSO_FAILED', 401, 'Innloggingen hos identitetstilbyderen feilet. Prøv igjen.');
      }
      const email = typeof claims?.email === 'string' ? claims.email : undefined;
      if (!email) {
        throw new DomainError('SSO_NO_EMAIL', 401, 'Identitetstilbyderen oppga ingen e-postadresse, som Samla trenger.');
      }
      const name = typeof claims?.name === 'string' ? claims.name : email;
      return { email, name };
    },
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;

import { describe, expect, it } from 'vitest';
import { nb } from '#web/i18n/nb.ts';
import { ssoFailureText } from './sso-failure.ts';

describe('the sign-in page after a refused single sign-on', () => {
  const t = nb.auth.login;
  it('says why in Norwegian, for each reason the callback gives, and nothing without one', () => {
    expect(ssoFailureText('SSO_EMAIL_NOT_VERIFIED', t)).toContain('har ikke bekreftet e-postadressen');
    expect(ssoFailureText('USER_DEACTIVATED', t)).toContain('deaktivert');
    expect(ssoFailureText('SSO_FAILED', t)).toContain('Prøv igjen');
    expect(ssoFailureText('NOE_ANNET', t)).toBe(t.ssoFailed);
    expect(ssoFailureText(null, t)).toBeUndefined();
  });
});

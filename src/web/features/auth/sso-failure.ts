import type { Messages } from '#web/i18n/messages.ts';

/** The reason a sign-in through the identity provider was refused, as the callback names it (`/logg-inn?feil=`). */
export function ssoFailureText(code: string | null, t: Messages['auth']['login']): string | undefined {
  if (!code) return undefined;
  if (code === 'SSO_EMAIL_NOT_VERIFIED') return t.ssoEmailNotVerified;
  if (code === 'USER_DEACTIVATED') return t.ssoUserDeactivated;
  return t.ssoFailed;
}

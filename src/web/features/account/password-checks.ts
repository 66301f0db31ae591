import type { Messages } from '#web/i18n/messages.ts';

/**
 * What the page can check of a new password before sending it: there, long enough, typed
 * the same twice. The server checks the rest (a common password) and says so at the field.
 */
export function checkNewPassword(newPassword: string, repeatPassword: string, m: Messages): { newPassword?: string; repeatPassword?: string } {
  const t = m.account.password;
  const found: { newPassword?: string; repeatPassword?: string } = {};
  if (newPassword === '') found.newPassword = t.newRequired;
  else if ([...newPassword].length < 12) found.newPassword = t.newTooShort;
  if (repeatPassword === '') found.repeatPassword = t.repeatRequired;
  else if (newPassword !== '' && repeatPassword !== newPassword) found.repeatPassword = t.repeatDifferent;
  return found;
}

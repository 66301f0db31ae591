import type { Messages } from '#web/i18n/messages.ts';
import type { FieldMessages } from '#web/lib/form-validation.ts';

/** The new password's words for what the contract (`newPassword`) refuses: empty, too short. */
export function newPasswordMessages(m: Messages): FieldMessages<'newPassword'> {
  const t = m.account.password;
  return { newPassword: { required: t.newRequired, tooShort: t.newTooShort } };
}

/**
 * «Gjenta det nye passordet» is the page's own field: no contract sees it, so the form checks
 * it (there, the same as the new one). The server checks the rest (a common password) and
 * says so at the field.
 */
export function repeatPasswordRule(newPassword: string, repeatPassword: string, m: Messages): { repeatPassword?: string } {
  const t = m.account.password;
  if (repeatPassword === '') return { repeatPassword: t.repeatRequired };
  if (newPassword !== '' && repeatPassword !== newPassword) return { repeatPassword: t.repeatDifferent };
  return {};
}

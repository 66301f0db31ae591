import { describe, expect, it } from 'vitest';
import { changePasswordBody } from '#shared/contracts/users.ts';
import { nb } from '#web/i18n/nb.ts';
import { checkForm } from '#web/lib/form-validation.ts';
import { newPasswordMessages, repeatPasswordRule } from './password-checks.ts';

const fields = ['currentPassword', 'newPassword', 'repeatPassword'] as const;
const t = nb.account.password;

function check(currentPassword: string, newPassword: string, repeatPassword: string) {
  const messages = { currentPassword: { required: t.currentRequired }, ...newPasswordMessages(nb) };
  return checkForm(changePasswordBody, { currentPassword, newPassword }, fields, messages, nb, repeatPasswordRule(newPassword, repeatPassword, nb)).errors;
}

describe('«Bytt passord», checked by the contract and the repeat rule', () => {
  it('asks for each field left empty in the form’s own words', () => {
    expect(check('', '', '')).toEqual({ currentPassword: t.currentRequired, newPassword: t.newRequired, repeatPassword: t.repeatRequired });
  });

  it('says a short new password is short, and a different repeat differs', () => {
    expect(check('gammelt', 'kort', 'annet')).toEqual({ newPassword: t.newTooShort, repeatPassword: t.repeatDifferent });
  });

  it('finds nothing wrong with a long password typed the same twice', () => {
    expect(check('gammelt', 'tolv tegn er nok', 'tolv tegn er nok')).toEqual({});
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { createMergerBody } from '#shared/contracts/mergers.ts';
import { setValidationLanguage } from '#shared/validation/messages.ts';
import { en } from '#web/i18n/en.ts';
import type { Messages } from '#web/i18n/messages.ts';
import { nb } from '#web/i18n/nb.ts';
import { nn } from '#web/i18n/nn.ts';
import { checkForm } from './form-validation.ts';

// Test files share a worker (isolate: false): the validation language back to bokmål for the next.
afterEach(() => setValidationLanguage('nb'));

/** The new-merger form (decision 031): its own words for some fields, the catalog's general ones for the rest. */
const fields = ['name', 'newMunicipalityName', 'mergerDate', 'municipalities'] as const;
const formMessages = (m: Messages) => ({
  name: { required: m.mergers.form.nameRequired },
  newMunicipalityName: { required: m.mergers.form.newMunicipalityNameRequired },
  mergerDate: { required: m.mergers.form.mergerDateRequired, date: m.mergers.form.mergerDateInvalid },
});
const wrong = { name: '   ', newMunicipalityName: 'N'.repeat(201), mergerDate: '2027-02-31', municipalities: ['4601', '4626'] };

describe('a form’s errors in the language shown', () => {
  it.each([
    ['nb', nb],
    ['nn', nn],
    ['en', en],
  ] as const)('in %s: the field’s own words and the general ones from that catalog, with the contract’s bound', (language, m) => {
    setValidationLanguage(language);
    const { errors } = checkForm(createMergerBody, wrong, fields, formMessages(m), m);
    expect(errors).toEqual({ name: m.mergers.form.nameRequired, newMunicipalityName: m.validation.tooLong(200), mergerDate: m.mergers.form.mergerDateInvalid });
  });

  it('is nynorsk throughout when the page is nynorsk, no bokmål', () => {
    setValidationLanguage('nn');
    const { errors } = checkForm(createMergerBody, wrong, fields, formMessages(nn), nn);
    expect(errors.newMunicipalityName).toBe('Teksten kan ikkje vere lengre enn 200 teikn.');
    const bokmål = checkForm(createMergerBody, wrong, fields, formMessages(nb), nb).errors;
    for (const field of fields) expect(errors[field]).not.toBe(bokmål[field] ?? 'no error in bokmål either');
  });

  it('the contract’s own messages follow the language the provider set, for anything that shows them', () => {
    setValidationLanguage('nn');
    expect(createMergerBody.safeParse(wrong).error?.issues.map((issue) => issue.message)).toEqual([
      'Feltet må fyllast ut.',
      'Teksten kan ikkje vere lengre enn 200 teikn.',
      'Datoen finst ikkje i kalenderen.',
    ]);
    setValidationLanguage('en');
    expect(createMergerBody.safeParse(wrong).error?.issues.map((issue) => issue.message)).toEqual([
      'This field is required.',
      'The text cannot be longer than 200 characters.',
      'The date does not exist in the calendar.',
    ]);
  });
});

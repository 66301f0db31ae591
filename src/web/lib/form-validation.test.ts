import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRiskBody } from '#shared/contracts/risks.ts';
import { nb } from '#web/i18n/nb.ts';
import { checkForm, fieldErrorsFromIssues, issueKind, validateBody } from './form-validation.ts';

const riskFields = ['title', 'likelihood', 'status', 'nextReviewDate', 'owner'] as const;
const validRisk = { title: 'Nedetid i sak/arkiv', likelihood: 3, status: 'open' as const, nextReviewDate: '2028-02-01' };

describe('validateBody: the contract checks, the catalog speaks', () => {
  it('passes a body the server would take', () => {
    expect(validateBody(createRiskBody, validRisk, riskFields, {}, nb)).toEqual({ ok: true });
  });

  it('puts the field’s own Norwegian message on an empty required field', () => {
    const result = validateBody(createRiskBody, { ...validRisk, title: '   ' }, riskFields, { title: { required: 'Skriv en tittel.' } }, nb);
    expect(result).toEqual({ ok: false, byField: { title: 'Skriv en tittel.' }, unmatched: [] });
  });

  it('falls back to the catalog’s general message when the field has no words of its own', () => {
    const result = validateBody(createRiskBody, { ...validRisk, title: '' }, riskFields, {}, nb);
    expect(result.ok === false && result.byField.title).toBe(nb.validation.required);
  });

  it('says how long a text may be, with the contract’s bound', () => {
    const result = validateBody(createRiskBody, { ...validRisk, owner: 'x'.repeat(201) }, riskFields, {}, nb);
    expect(result.ok === false && result.byField.owner).toBe('Teksten kan ikke være lengre enn 200 tegn.');
  });

  it('tells a number that is not a number, too big, or not whole apart', () => {
    const messages = (likelihood: number) => {
      const result = validateBody(createRiskBody, { ...validRisk, likelihood }, riskFields, {}, nb);
      return result.ok ? undefined : result.byField.likelihood;
    };
    expect(messages(Number('tre'))).toBe(nb.validation.number);
    expect(messages(2.5)).toBe(nb.validation.wholeNumber);
    expect(messages(9)).toBe('Tallet kan ikke være høyere enn 7.');
  });

  it('names an option outside the list and a date that is not in the calendar', () => {
    const result = validateBody(createRiskBody, { ...validRisk, status: 'gone' as 'open', nextReviewDate: '2027-02-30' }, riskFields, {}, nb);
    expect(result).toEqual({ ok: false, byField: { status: nb.validation.option, nextReviewDate: nb.validation.date }, unmatched: [] });
  });

  it('uses one message for every kind when the field gives a string', () => {
    const result = validateBody(createRiskBody, { ...validRisk, likelihood: 0 }, riskFields, { likelihood: 'Velg sannsynlighet.' }, nb);
    expect(result.ok === false && result.byField.likelihood).toBe('Velg sannsynlighet.');
  });
});

describe('the catalog’s general messages', () => {
  it('says a count below zero is negative, as the server does', () => {
    const schema = z.object({ userCount: z.number().int().min(0).nullable() });
    const result = validateBody(schema, { userCount: -5 }, ['userCount'] as const, {}, nb);
    expect(result.ok === false && result.byField.userCount).toBe('Tallet kan ikke være negativt.');
  });
});

describe('fieldErrorsFromIssues', () => {
  const schema = z.object({ name: z.string().min(1), email: z.email(), extra: z.string().min(1) });

  it('keeps the first issue per field and lists issues of fields the form does not show', () => {
    const issues = schema.safeParse({ name: '', email: 'ikke-epost', extra: '' }, { reportInput: true }).error!.issues;
    const result = fieldErrorsFromIssues(issues, ['name', 'email'] as const, {}, nb);
    expect(result.byField).toEqual({ name: nb.validation.required, email: nb.validation.email });
    expect(result.unmatched).toEqual([nb.validation.required]);
  });
});

describe('issueKind', () => {
  it('reads a missing value as «required», whatever type was expected', () => {
    const issues = z.object({ n: z.number(), list: z.array(z.string()).min(1) }).safeParse({ list: [] }, { reportInput: true }).error!.issues;
    expect(issues.map(issueKind)).toEqual(['required', 'required']);
  });

  it('reads an empty text as «required», whatever length or format it should have', () => {
    const schema = z.object({ password: z.string().min(12), email: z.email(), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
    const empty = schema.safeParse({ password: '', email: '', date: '' }, { reportInput: true }).error!.issues;
    expect(empty.map(issueKind)).toEqual(['required', 'required', 'required']);
    const wrong = schema.safeParse({ password: 'kort', email: 'ikke-epost', date: '1.2.2028' }, { reportInput: true }).error!.issues;
    expect(wrong.map(issueKind)).toEqual(['tooShort', 'email', 'date']);
  });
});

describe('checkForm', () => {
  it('adds what the form knows beyond the contract, after the contract’s own issue for a field', () => {
    const found = checkForm(createRiskBody, { ...validRisk, title: '' }, riskFields, { title: 'Skriv en tittel.' }, nb, {
      title: 'ikke denne',
      owner: 'Eieren må være med.',
    });
    expect(found).toEqual({ errors: { title: 'Skriv en tittel.', owner: 'Eieren må være med.' }, other: [] });
  });
});

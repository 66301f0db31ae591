import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, exampleMerger, type TestApp, type TestUser } from '#server/test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** A new merger wrong in four ways: an empty name, a too long name, a date not in the calendar, a malformed kommunenummer. */
const wrongMerger = {
  ...exampleMerger,
  name: '   ',
  newMunicipalityName: 'N'.repeat(201),
  mergerDate: '2027-02-31',
  municipalities: ['4601', '46a1'],
};

async function problems(user: TestUser, acceptLanguage?: string, payload: unknown = wrongMerger) {
  const response = await user.inject({
    method: 'POST',
    url: '/api/v1/mergers',
    headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {},
    payload: payload as Record<string, unknown>,
  });
  expect(response.statusCode).toBe(400);
  expect(response.json().error.code).toBe('VALIDATION_FAILED');
  return response.json().error.details as { path: string; code: string; message: string }[];
}

const bokmål = [
  { path: 'name', code: 'too_small', message: 'Feltet må fylles ut.' },
  { path: 'newMunicipalityName', code: 'too_big', message: 'Teksten kan ikke være lengre enn 200 tegn.' },
  { path: 'mergerDate', code: 'custom', message: 'Datoen finnes ikke i kalenderen.' },
  { path: 'municipalities.1', code: 'invalid_format', message: 'Kommunenummer har fire sifre.' },
];
const nynorsk = [
  { path: 'name', code: 'too_small', message: 'Feltet må fyllast ut.' },
  { path: 'newMunicipalityName', code: 'too_big', message: 'Teksten kan ikkje vere lengre enn 200 teikn.' },
  { path: 'mergerDate', code: 'custom', message: 'Datoen finst ikkje i kalenderen.' },
  { path: 'municipalities.1', code: 'invalid_format', message: 'Kommunenummer har fire siffer.' },
];
const english = [
  { path: 'name', code: 'too_small', message: 'This field is required.' },
  { path: 'newMunicipalityName', code: 'too_big', message: 'The text cannot be longer than 200 characters.' },
  { path: 'mergerDate', code: 'custom', message: 'The date does not exist in the calendar.' },
  { path: 'municipalities.1', code: 'invalid_format', message: 'A municipality number has four digits.' },
];

describe('validation messages in the caller’s language', () => {
  it('are bokmål, exactly as before, when the caller asks for no language', async () => {
    expect(await problems(t.owner)).toEqual(bokmål);
    expect(await problems(t.owner, 'nb-NO')).toEqual(bokmål);
  });

  it('are nynorsk with Accept-Language: nn and English with en, field by field and code by code as in bokmål', async () => {
    expect(await problems(t.owner, 'nn')).toEqual(nynorsk);
    expect(await problems(t.owner, 'en-GB,en;q=0.9')).toEqual(english);
  });

  it('writes zod’s own messages (a value of the wrong type) in the language too', async () => {
    const payload = { ...exampleMerger, mergerDate: 20280101 };
    expect((await problems(t.owner, undefined, payload)).map((problem) => problem.message)).toEqual(['Ugyldig input: forventet string, fikk tall']);
    expect((await problems(t.owner, 'nn', payload)).map((problem) => problem.message)).toEqual(['Ugyldig verdi: venta tekst, fekk tal']);
    expect((await problems(t.owner, 'en', payload)).map((problem) => problem.message)).toEqual(['Invalid input: expected string, received number']);
  });

  it('covers the path parameters and the query as well as the body', async () => {
    const badId = await t.owner.inject({ url: '/api/v1/mergers/not-a-uuid', headers: { 'accept-language': 'en' } });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.details).toEqual([{ path: 'mergerId', code: 'invalid_format', message: 'Invalid id.' }]);
    const mergerId = await t.createMerger();
    const badQuery = await t.owner.inject({ url: `/api/v1/mergers/${mergerId}/tasks?municipality=12`, headers: { 'accept-language': 'nn' } });
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().error.details).toEqual([{ path: 'municipality', code: 'invalid_format', message: 'Oppgi eit kommunenummer med fire siffer.' }]);
  });

  it('follow the language the user chose over the one the client asks for', async () => {
    const nina = await t.createUser('Nina Nynorsk');
    expect((await nina.inject({ method: 'PUT', url: '/api/v1/me/language', payload: { language: 'nn' } })).statusCode).toBe(200);
    expect(await problems(nina, 'en')).toEqual(nynorsk);
  });

  it('never lend one request’s language to another, also when they arrive together', async () => {
    const answers = await Promise.all(['nn', 'en', undefined, 'nn', 'en', undefined].map((language) => problems(t.owner, language)));
    expect(answers).toEqual([nynorsk, english, bokmål, nynorsk, english, bokmål]);
    expect(await problems(t.owner)).toEqual(bokmål);
  });
});

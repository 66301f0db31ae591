import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#server/test/test-app.ts';

/**
 * Issue 22: an error is told in the reader's language (Accept-Language for an API client), its
 * code unchanged: the message by the error handler, the field problems in `details` by the
 * service. Bokmål stays as it was for a client that asks for nothing.
 */
let t: TestApp;
let base: string;

beforeEach(async () => {
  t = await createTestApp({ now: () => new Date('2027-03-01T10:00:00Z') });
  base = `/api/v1/mergers/${await t.createMerger({ mergerDate: '2028-01-01', municipalities: ['4601', '4626'] })}`;
});
afterEach(async () => {
  await t.close();
});

type Language = 'nb' | 'nn' | 'en';
const asking = (language: Language | null) => (language ? { 'accept-language': language } : {});

describe('plan: a dependency cycle', () => {
  /** A cycle between two tasks from `first` in the plan (each language its own pair, so none is refused as existing). */
  async function cycleIn(language: Language | null, first = 0) {
    const tasks = (await t.owner.inject(`${base}/schedule`)).json().tasks as Array<{ id: string; title: string }>;
    const [a, b] = tasks.slice(first, first + 2);
    const depend = (taskId: string, dependsOnTaskId: string) =>
      t.owner.inject({ method: 'POST', url: `${base}/tasks/${taskId}/dependencies`, payload: { dependsOnTaskId }, headers: asking(language) });
    expect((await depend(b!.id, a!.id)).statusCode).toBe(201);
    const cycle = await depend(a!.id, b!.id);
    expect(cycle.statusCode).toBe(400);
    return { a: a!, b: b!, error: cycle.json().error };
  }

  it('lists the problem at the field in the reader’s language', async () => {
    const nn = await cycleIn('nn');
    expect(nn.error.code).toBe('DEPENDENCY_CYCLE');
    expect(nn.error.details).toEqual([
      {
        path: 'dependsOnTaskId',
        code: 'cycle',
        message: `Avhengnaden ville gi ein sirkel: «${nn.a.title}» → «${nn.b.title}» → «${nn.a.title}». Fjern ein av avhengnadene først.`,
      },
    ]);
  });

  it('says it in nynorsk, in English, and in bokmål as before', async () => {
    const nn = await cycleIn('nn');
    expect(nn.error.message).toBe(`Avhengnaden ville gi ein sirkel: «${nn.a.title}» → «${nn.b.title}» → «${nn.a.title}». Fjern ein av avhengnadene først.`);
    const en = await cycleIn('en', 2);
    expect(en.error).toMatchObject({
      code: 'DEPENDENCY_CYCLE',
      message: `The dependency would make a cycle: “${en.a.title}” → “${en.b.title}” → “${en.a.title}”. Remove one of the dependencies first.`,
    });
    expect(en.error.details[0].message).toBe(en.error.message);
    const nb = await cycleIn(null, 4);
    expect(nb.error.message).toBe(`Avhengigheten ville gi en sirkel: «${nb.a.title}» → «${nb.b.title}» → «${nb.a.title}». Fjern en av avhengighetene først.`);
  });
});

describe('risks and comments: what is not there', () => {
  const missing = '00000000-0000-4000-8000-000000000000';

  it('is told in the reader’s language', async () => {
    const risk = (language: Language | null) => t.owner.inject({ url: `${base}/risks/${missing}`, headers: asking(language) });
    expect((await risk('nn')).json().error).toMatchObject({ code: 'RISK_NOT_FOUND', message: 'Fann ikkje risikoen.' });
    expect((await risk('en')).json().error).toMatchObject({ code: 'RISK_NOT_FOUND', message: 'The risk was not found.' });
    expect((await risk(null)).json().error).toMatchObject({ code: 'RISK_NOT_FOUND', message: 'Fant ikke risikoen.' });
  });
});

describe('decisions and benefits: a choice that does not hold', () => {
  it('refuses continuing a system in an area without any, in the reader’s language', async () => {
    const decide = (language: Language | null) =>
      t.owner.inject({
        method: 'PUT',
        url: `${base}/decisions/omrade-okonomi-og-regnskapssystem`,
        payload: { outcome: 'continue', timing: 'before_merger', state: 'proposed' },
        headers: asking(language),
      });
    const nn = (await decide('nn')).json().error;
    expect(nn.code).toBe('DECISION_INVALID');
    const nnText = 'Området har ingen system i kartlegginga som kan førast vidare. Vel skaffe nytt eller avvikle, eller registrer systemet først.';
    expect(nn.details).toEqual([{ path: 'outcome', code: 'invalid', message: nnText }]);
    expect(nn.message).toBe(nnText);
    const en = (await decide('en')).json().error;
    expect(en.message).toBe('The area has no systems in the inventory that can be continued. Choose procure new or retire, or register the system first.');
    expect((await decide(null)).json().error.message).toBe(
      'Området har ingen systemer i kartleggingen som kan videreføres. Velg anskaffe nytt eller avvikle, eller registrer systemet først.',
    );
  });
});

describe('inventory and reports: values that do not fit together', () => {
  it('refuses a contract that ends before it starts, in the reader’s language', async () => {
    const post = (language: Language | null) =>
      t.owner.inject({
        method: 'POST',
        url: `${base}/inventory/contracts`,
        payload: { municipalityNumber: '4601', vendor: 'Visma', startDate: '2024-01-01', endDate: '2023-01-01' },
        headers: asking(language),
      });
    const nn = (await post('nn')).json().error;
    expect(nn.details).toEqual([{ path: 'endDate', code: 'range', message: 'Sluttdatoen kan ikkje vere før startdatoen.' }]);
    expect(nn).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Sluttdatoen kan ikkje vere før startdatoen.' });
    expect((await post('en')).json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'The end date cannot be before the start date.' });
    expect((await post(null)).json().error.message).toBe('Sluttdatoen kan ikke være før startdatoen.');
  });

  it('refuses a report period that runs backwards, in the reader’s language', async () => {
    const report = (language: Language | null) =>
      t.owner.inject({ url: `${base}/reports/status.pdf?from=2027-05-02&to=2027-05-01`, headers: asking(language) });
    const nn = (await report('nn')).json().error;
    expect(nn.details).toEqual([{ path: 'from', code: 'after_to', message: 'Frå-datoen kan ikkje vere etter til-datoen.' }]);
    expect(nn).toMatchObject({ code: 'REPORT_PERIOD_INVALID', message: 'Frå-datoen kan ikkje vere etter til-datoen.' });
    expect((await report('en')).json().error).toMatchObject({ code: 'REPORT_PERIOD_INVALID', message: 'The from date cannot be after the to date.' });
    expect((await report(null)).json().error.message).toBe('Fra-datoen kan ikke være etter til-datoen.');
  });
});

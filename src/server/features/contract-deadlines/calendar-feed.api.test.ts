import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#server/test/test-app.ts';

let t: TestApp;
let mergerId: string;
let base: string;
let now: Date;

beforeEach(async () => {
  now = new Date('2027-03-01T10:00:00Z');
  t = await createTestApp({ now: () => now });
  mergerId = await t.createMerger({ mergerDate: '2028-01-01' });
  base = `/api/v1/mergers/${mergerId}`;
  const add = async (kind: string, payload: object) => {
    const response = await t.owner.inject({ method: 'POST', url: `${base}/inventory/${kind}`, payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  const old = await add('systems', { municipalityNumber: '4626', name: 'Gammelt økonomisystem', solutionAreaId: 'omrade-okonomi-og-regnskapssystem' });
  const kept = await add('systems', { municipalityNumber: '4601', name: 'Nytt økonomisystem', solutionAreaId: 'omrade-okonomi-og-regnskapssystem' });
  await add('contracts', { municipalityNumber: '4626', vendor: 'Leverandør AS', subject: 'Drift', noticePeriodMonths: 6, systemIds: [old] });
  const decided = await t.owner.inject({
    method: 'PUT',
    url: `${base}/decisions/omrade-okonomi-og-regnskapssystem`,
    payload: {
      outcome: 'continue',
      targetSystemId: kept,
      timing: 'before_merger',
      state: 'adopted',
      decisionMaker: 'steering_group',
      meetingDate: '2026-11-02',
    },
  });
  expect(decided.statusCode, decided.body).toBe(200);
});
afterEach(async () => {
  await t.close();
});

const password = 'et langt og godt passord';

/** A person the owner invites, who then signs in (which makes the membership). */
async function member(name: string, role: string): Promise<TestUser> {
  const user = await t.createUser(name, { password });
  const invited = await t.owner.inject({ method: 'POST', url: `${base}/members`, payload: { email: user.email, role } });
  expect(invited.statusCode, invited.body).toBe(202);
  const signedIn = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password } });
  expect(signedIn.statusCode, signedIn.body).toBe(200);
  return user;
}

describe('the calendar address Outlook subscribes to', () => {
  it('serves the deadlines without a session, to whoever has the secret address, until it is replaced or deleted', async () => {
    expect((await t.owner.inject(`${base}/calendar-feed`)).json()).toEqual({
      exists: false,
      createdAt: null,
      createdBy: null,
      createdByIsMember: null,
      lastUsedAt: null,
    });
    const created = await t.owner.inject({ method: 'POST', url: `${base}/calendar-feed` });
    expect(created.statusCode, created.body).toBe(201);
    const { path } = created.json();
    expect(path).toMatch(/^\/api\/v1\/calendar-feeds\/[A-Za-z0-9_-]{40,}\/frister\.ics$/);

    // A calendar program: no cookie, no token.
    const feed = await t.app.inject(path);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const unfolded = feed.body.replaceAll('\r\n ', '');
    expect(unfolded).toContain('X-WR-CALNAME:Frister og milepæler – Digital sammenslåing Nye Bergen');
    // The milestones come along: the merger date and the end of the transition.
    expect(unfolded).toContain('SUMMARY:Milepæl: Sammenslåingsdato');
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20280101');
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20270630');
    expect(unfolded).toContain('SUMMARY:Siste dag for oppsigelse: Leverandør AS – Drift');

    // What the merger sees afterwards: that an address exists and who made it, never the address.
    const status = (await t.owner.inject(`${base}/calendar-feed`)).json();
    expect(status).toMatchObject({ exists: true, createdBy: t.owner.name });
    expect(JSON.stringify(status)).not.toContain(path.split('/')[4]);

    const replaced = (await t.owner.inject({ method: 'POST', url: `${base}/calendar-feed` })).json().path;
    expect(replaced).not.toBe(path);
    expect((await t.app.inject(path)).statusCode).toBe(404);
    expect((await t.app.inject(replaced)).statusCode).toBe(200);

    expect((await t.owner.inject({ method: 'DELETE', url: `${base}/calendar-feed` })).statusCode).toBe(204);
    expect((await t.app.inject(replaced)).statusCode).toBe(404);
    expect((await t.owner.inject({ method: 'DELETE', url: `${base}/calendar-feed` })).statusCode).toBe(404);

    const history = (await t.owner.inject(`${base}/audit?entity=calendarFeed`)).json().entries;
    expect(history.map((entry: { action: string }) => entry.action)).toEqual(['delete', 'update', 'create']);
  });

  it('only someone who may edit the merger can make an address', async () => {
    const reader = await member('Rita Leser', 'reader');
    expect((await reader.inject({ method: 'POST', url: `${base}/calendar-feed` })).statusCode).toBe(403);
    expect((await reader.inject(`${base}/calendar-feed`)).statusCode).toBe(200);
    expect((await t.app.inject('/api/v1/calendar-feeds/gjettet-adresse-som-ikke-finnes-noe-sted/frister.ics')).statusCode).toBe(404);
  });

  it("is bound to the merger: it outlives its maker's membership, and owners see who made it, that they left, when it was last used, and revoke it", async () => {
    const maker = await member('Mari Medarbeider', 'member');
    const reader = await member('Rolf Leser', 'reader');
    const { path } = (await maker.inject({ method: 'POST', url: `${base}/calendar-feed` })).json();
    expect((await t.owner.inject(`${base}/calendar-feed`)).json()).toMatchObject({
      createdBy: maker.name,
      createdByIsMember: true,
      lastUsedAt: null,
    });

    // Fetched by a calendar program: noted, at most once a minute.
    const used = async () => t.database.rawQuery('select created_by_user_id, last_used_at from calendar_feeds');
    expect((await t.app.inject(path)).statusCode).toBe(200);
    expect(await used()).toEqual([{ created_by_user_id: maker.id, last_used_at: new Date('2027-03-01T10:00:00Z') }]);
    now = new Date('2027-03-01T10:00:30Z');
    await t.app.inject(path);
    expect(await used()).toEqual([{ created_by_user_id: maker.id, last_used_at: new Date('2027-03-01T10:00:00Z') }]);
    now = new Date('2027-03-01T10:01:01Z');
    await t.app.inject(path);
    expect(await used()).toEqual([{ created_by_user_id: maker.id, last_used_at: new Date('2027-03-01T10:01:01Z') }]);

    // The maker leaves; the address keeps working, and the owner is told whose it was.
    expect((await t.owner.inject({ method: 'DELETE', url: `${base}/members/${maker.id}` })).statusCode).toBe(204);
    expect((await t.app.inject(path)).statusCode).toBe(200);
    const seen = (await t.owner.inject(`${base}/calendar-feed`)).json();
    expect(seen).toEqual({
      exists: true,
      createdAt: '2027-03-01T10:00:00.000Z',
      createdBy: maker.name,
      createdByIsMember: false,
      lastUsedAt: '2027-03-01T10:01:01.000Z',
    });
    // Someone who does not manage people sees that it exists and who made it, not more.
    expect((await reader.inject(`${base}/calendar-feed`)).json()).toMatchObject({ exists: true, createdByIsMember: null, lastUsedAt: null });

    expect((await t.owner.inject({ method: 'DELETE', url: `${base}/calendar-feed` })).statusCode).toBe(204);
    expect((await t.app.inject(path)).statusCode).toBe(404);
    expect((await t.owner.inject(`${base}/calendar-feed`)).json()).toMatchObject({ exists: false });
  });
});

describe('the calendars in the merger’s målform (decision 040)', () => {
  it('writes a nynorsk merger’s contract deadlines and milestones in nynorsk, and an English one’s in English', async () => {
    const toNynorsk = await t.owner.inject({ method: 'PATCH', url: base, payload: { version: 1, documentLanguage: 'nn' } });
    expect(toNynorsk.statusCode, toNynorsk.body).toBe(200);
    const deadlines = (await t.owner.inject(`${base}/contract-deadlines.ics`)).body.replaceAll('\r\n ', '');
    expect(deadlines).toContain('X-WR-CALNAME:Avtalefristar – Digital sammenslåing Nye Bergen');
    expect(deadlines).toContain('SUMMARY:Siste dag for oppseiing: Leverandør AS – Drift');
    expect(deadlines).toContain('Blir sagd opp seinast 30.06.2027');
    expect(deadlines).toContain('CATEGORIES:Samla,Avtalefrist');
    expect(deadlines).not.toContain('Sies opp');

    const { path } = (await t.owner.inject({ method: 'POST', url: `${base}/calendar-feed` })).json();
    const feed = (await t.app.inject(path)).body.replaceAll('\r\n ', '');
    expect(feed).toContain('X-WR-CALNAME:Fristar og milepælar – Digital sammenslåing Nye Bergen');
    expect(feed).toContain('SUMMARY:Milepæl: Samanslåingsdato');
    expect(feed).toContain('SUMMARY:Milepæl: Overgangsfasen sluttar');
    expect(feed).toContain('SUMMARY:Siste dag for oppseiing: Leverandør AS – Drift');

    const toEnglish = await t.owner.inject({ method: 'PATCH', url: base, payload: { version: 2, documentLanguage: 'en' } });
    expect(toEnglish.statusCode, toEnglish.body).toBe(200);
    const english = (await t.app.inject(path)).body.replaceAll('\r\n ', '');
    expect(english).toContain('X-WR-CALNAME:Deadlines and milestones – Digital sammenslåing Nye Bergen');
    expect(english).toContain('SUMMARY:Milestone: Merger date');
    expect(english).toContain('SUMMARY:Last day for termination: Leverandør AS – Drift');
    expect(english).toContain('To be terminated no later than 30 Jun 2027');
    expect(english).toContain('Municipality: Øygarden');
  });
});

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translatedCatalog } from '#catalog/catalog-translations.ts';
import type { Language } from '#shared/language.ts';
import { createTestApp, exampleIndicator, type TestApp } from '#server/test/test-app.ts';
import { reportTexts } from './reports.texts.ts';

/**
 * The steering group's report is what the merger produces, so it is written in the merger's
 * målform (issue 22), whoever downloads it; the team's own names and texts stay as written.
 * Read back with poppler's pdftotext, like reports.api.test.ts.
 */

let t: TestApp;
let mergerId: string;
let base: string;
let dir: string;
const economy = 'omrade-okonomi-og-regnskapssystem';
let libraryTaskId: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2027-05-15T10:00:00Z') });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-report-language-'));
  mergerId = await t.createMerger({ name: 'Samanslåing Ørsta–Volda', newMunicipalityName: 'Nye Volda', mergerDate: '2028-01-01' });
  base = `/api/v1/mergers/${mergerId}`;
  const ok = async (request: Parameters<TestApp['owner']['inject']>[0], status = 201) => {
    const response = await t.owner.inject(request);
    expect(response.statusCode, response.body).toBe(status);
    return response.json();
  };
  const old = await ok({
    method: 'POST',
    url: `${base}/inventory/systems`,
    payload: { municipalityNumber: '4626', name: 'Gammalt økonomisystem', solutionAreaId: economy },
  });
  const kept = await ok({
    method: 'POST',
    url: `${base}/inventory/systems`,
    payload: { municipalityNumber: '4601', name: 'Nytt økonomisystem', solutionAreaId: economy },
  });
  await ok({
    method: 'POST',
    url: `${base}/inventory/contracts`,
    payload: { municipalityNumber: '4626', vendor: 'Leverandør AS', subject: 'Drift', noticePeriodMonths: 6, systemIds: [old.id] },
  });
  await ok(
    {
      method: 'PUT',
      url: `${base}/decisions/${economy}`,
      payload: {
        outcome: 'continue',
        targetSystemId: kept.id,
        timing: 'before_merger',
        state: 'adopted',
        decisionMaker: 'steering_group',
        meetingDate: '2026-11-02',
      },
    },
    200,
  );
  const risk = await ok({
    method: 'POST',
    url: `${base}/risks`,
    payload: { title: 'Lønn blir ikkje utbetalt i januar', likelihood: 5, consequences: { economy: 5 }, owner: 'Økonomisjef' },
  });
  await ok({ method: 'POST', url: `${base}/risks/${risk.id}/mitigations`, payload: { title: 'Prøvekøyring av løn', owner: 'Åse', deadline: '2027-10-01' } });
  const benefit = await ok({
    method: 'POST',
    url: `${base}/benefits`,
    payload: { title: 'Færre manuelle søknader', type: 'time', owner: 'Kommunedirektøren' },
  });
  const withIndicator = await ok({ method: 'POST', url: `${base}/benefits/${benefit.benefit.id}/indicators`, payload: exampleIndicator });
  await ok({
    method: 'POST',
    url: `${base}/benefits/${benefit.benefit.id}/indicators/${withIndicator.indicators[0].id}/measurements`,
    payload: { measuredOn: '2027-05-01', value: 21 },
  });
  // One of the library's tasks overdue, and one the team wrote.
  const tasks = (await ok({ url: `${base}/tasks` }, 200)).tasks;
  const libraryTask = tasks.find((task: { catalogItemId: string | null }) => task.catalogItemId !== null);
  libraryTaskId = libraryTask.catalogItemId;
  await ok({ method: 'PATCH', url: `${base}/tasks/${libraryTask.id}`, payload: { version: libraryTask.version, dueDate: '2027-05-02' } }, 200);
  await ok({
    method: 'POST',
    url: `${base}/tasks`,
    payload: { activityId: libraryTask.activityId, title: 'Avklare særavtaler på økonomi', status: 'in_progress', responsible: 'Bjørn', dueDate: '2027-05-01' },
  });
});

afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Set the merger's målform as the merger's settings would. */
async function useDocumentLanguage(language: Language) {
  await t.database.rawQuery(`update mergers set document_language = '${language}' where id = '${mergerId}'`);
}

async function report(url = `${base}/reports/status.pdf`) {
  const response = await t.owner.inject(url);
  expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
  const file = path.join(dir, `report-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, response.rawPayload);
  // Without -layout: a table cell's lines read in order rather than beside the next cell's.
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { response, text, flat: text.replaceAll(/\s+/g, ' '), info, raw: response.rawPayload.toString('latin1') };
}

function libraryWords(language: Language) {
  const catalog = translatedCatalog(language);
  const area = catalog.sectors.flatMap((sector) => sector.solutionAreas).find((candidate) => candidate.id === economy)!;
  const task = catalog.phases.flatMap((phase) => phase.activities.flatMap((activity) => activity.tasks)).find((candidate) => candidate.id === libraryTaskId)!;
  return { phaseOne: catalog.phases[0]!.name, area: area.name, task: task.title };
}

describe('the status report in the merger’s målform', () => {
  it('is written in nynorsk for a nynorsk merger: every heading, label, sentence and the library’s names', async () => {
    await useDocumentLanguage('nn');
    const { response, flat, raw, info } = await report();
    const nn = reportTexts.nn;
    for (const heading of Object.values(nn.sections)) expect(flat).toContain(heading);
    expect(flat).toContain('Framdrift per fase');
    expect(flat).toContain('Risikoar på raudt nivå med tiltak');
    expect(flat).toContain('Gevinstar');
    expect(flat).toContain('Avtalefristar: passerte og dei neste 90 dagane');
    expect(flat).toContain('Klar til dag éin');
    // No bokmål heading or label is left.
    for (const heading of Object.values(reportTexts.nb.sections)) expect(flat).not.toContain(heading);
    for (const word of ['Statusrapport til styringsgruppen', 'Sammenslåingsdato', 'Kommunene', 'Generert', 'oppgaver', 'Ansvarlig', 'Hva skal skje', 'Dager'])
      expect(flat).not.toContain(word);
    // Front page and dates as nynorsk writes them.
    expect(flat).toContain('Statusrapport til styringsgruppa');
    expect(flat).toContain('Samanslåingsdato: 01.01.2028');
    expect(flat).toContain('Rapportperiode: 16.04.2027–15.05.2027');
    expect(flat).toMatch(/kritiske løysingsområde er klare til dag éin\.|kritisk løysingsområde er klart til dag éin\./);
    expect(flat).toContain('1 gevinst: 1 planlagd. 1 bak planen.');
    expect(flat).toContain('BAK PLANEN: 1 av 1 indikator');
    expect(flat).toContain('Føre vidare');
    expect(flat).toContain('Styringsgruppa, møte 02.11.2026');
    expect(flat).toContain('Siste dag for oppseiing');
    expect(flat).toContain('Prøvekøyring av løn – Planlagt, frist 01.10.2027, Åse');
    expect(flat).toContain('Høg (S5 × K5)');
    expect(flat).toContain('Eigar: Økonomisjef');
    expect(flat).toContain('2 oppgåver har passert fristen og er ikkje ferdige (per 15.05.2027).');
    // The library's names from the nynorsk library; the team's own words as they wrote them.
    const library = libraryWords('nn');
    expect(flat).toContain(library.phaseOne);
    expect(flat).toContain('Før du startar');
    expect(flat).toContain(library.area);
    expect(flat).toContain(library.task);
    for (const own of [
      'Samanslåing Ørsta–Volda',
      'Nye Volda',
      'Nytt økonomisystem',
      'Lønn blir ikkje utbetalt i januar',
      'Avklare særavtaler på økonomi',
      'Færre manuelle søknader',
    ])
      expect(flat).toContain(own);
    expect(flat).toMatch(/Side 1 av \d+/);
    // The document says what language it is in, for screen readers and search.
    expect(raw).toContain('/Lang (nn-NO)');
    expect(info).toContain('Statusrapport til styringsgruppa – Samanslåing Ørsta–Volda');
    expect(response.headers['content-disposition']).toBe('attachment; filename="statusrapport-samanslaing-orsta-volda-2027-05-15.pdf"');
  });

  it('is written in English for an English-speaking merger, with dates an English reader cannot misread', async () => {
    await useDocumentLanguage('en');
    const { response, flat, raw } = await report();
    for (const heading of Object.values(reportTexts.en.sections)) expect(flat).toContain(heading);
    for (const heading of [...Object.values(reportTexts.nb.sections), ...Object.values(reportTexts.nn.sections)]) expect(flat).not.toContain(heading);
    expect(flat).toContain('Status report to the steering group');
    expect(flat).toContain('Merger date: 1 Jan 2028');
    expect(flat).toContain('Report period: 16 Apr 2027–15 May 2027');
    expect(flat).toContain('ready for day one.');
    expect(flat).toContain('1 benefit: 1 planned. 1 behind plan.');
    expect(flat).toContain('BEHIND PLAN: 1 of 1 indicator');
    expect(flat).toContain('The steering group, meeting of 2 Nov 2026');
    expect(flat).toContain('Last day for termination');
    expect(flat).toContain('High (L5 × C5)');
    expect(flat).toContain('Prøvekøyring av løn – Planned, due 1 Oct 2027, Åse');
    expect(flat).toContain('2 tasks are past the due date and not done (as of 15 May 2027).');
    expect(flat).toMatch(/Page 1 of \d+/);
    const library = libraryWords('en');
    expect(flat).toContain(library.phaseOne);
    expect(flat).toContain(library.area);
    expect(flat).toContain(library.task);
    expect(flat).toContain('Avklare særavtaler på økonomi');
    expect(flat).not.toMatch(/\b(Fremdrift|Framdrift|Risikoer|Risikoar|Gevinster|Gevinstar|Oppgaver|Oppgåver|Side \d+ av)\b/);
    expect(raw).toContain('/Lang (en-GB)');
    expect(response.headers['content-disposition']).toBe('attachment; filename="status-report-samanslaing-orsta-volda-2027-05-15.pdf"');
  });

  it('issues and stores the report in the målform, with the project leader’s words as written', async () => {
    await useDocumentLanguage('nn');
    const issued = await t.owner.inject({
      method: 'POST',
      url: `${base}/reports`,
      payload: { overallStatus: 'yellow', statusReason: 'Lønn er forseinka.', mainPoints: ['Vi treng ein ny lønnsplan.'], decisionsRequested: [] },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const { flat } = await report(`${base}/reports/${issued.json().id}/pdf`);
    expect(flat).toContain('Vurderinga til prosjektleiaren');
    expect(flat).toContain('Status totalt: GUL');
    expect(flat).toContain('Hovudpunkt');
    expect(flat).toContain('Saker vi ber styringsgruppa avgjere');
    expect(flat).toContain('Ingen saker til avgjerd denne gongen.');
    expect(flat).toContain('Utferda av: Eva Eier');
    expect(flat).toContain('Vi treng ein ny lønnsplan.');
    expect(flat).not.toContain('Prosjektleders vurdering');
  });
});

describe('the report API’s own messages', () => {
  it('refuses a backwards period in the reader’s language, not the merger’s', async () => {
    await useDocumentLanguage('en');
    const url = `${base}/reports/status.pdf?from=2027-05-02&to=2027-05-01`;
    const nynorsk = await t.owner.inject({ url, headers: { 'accept-language': 'nn' } });
    expect(nynorsk.statusCode).toBe(400);
    expect(nynorsk.json().error.code).toBe('REPORT_PERIOD_INVALID');
    expect(nynorsk.json().error.details[0]).toMatchObject({ path: 'from', code: 'after_to', message: 'Frå-datoen kan ikkje vere etter til-datoen.' });
    const bokmål = await t.owner.inject(url);
    expect(bokmål.json().error).toMatchObject({ message: 'Fra-datoen kan ikke være etter til-datoen.' });
    expect(bokmål.json().error.details[0].message).toBe('Fra-datoen kan ikke være etter til-datoen.');
  });
});

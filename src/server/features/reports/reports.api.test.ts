import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, exampleIndicator, type TestApp } from '#server/test/test-app.ts';
import { sectionHeadings } from './reports.pdf.ts';

/**
 * The PDF is read back with poppler's pdftotext and pdffonts (poppler-utils,
 * which .ci/run installs). Without them this test fails, and says why.
 */
function poppler(tool: 'pdftotext' | 'pdffonts', args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} mangler: installer poppler-utils (apt-get install poppler-utils) for å lese statusrapporten i testene.`, { cause: error });
    }
    throw error;
  }
}

let t: TestApp;
let base: string;
let dir: string;
const economy = 'omrade-okonomi-og-regnskapssystem';

// 15 May 2027, noon in Oslo: the default period is 16.04.2027–15.05.2027.
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2027-05-15T10:00:00Z') });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-report-'));
  const mergerId = await t.createMerger({ name: 'Sammenslåing Ærøy–Østby–Åsen', newMunicipalityName: 'Nye Ørnes', mergerDate: '2028-01-01' });
  base = `/api/v1/mergers/${mergerId}`;
  const ok = async (request: Parameters<TestApp['owner']['inject']>[0], status = 201) => {
    const response = await t.owner.inject(request);
    expect(response.statusCode, response.body).toBe(status);
    return response.json();
  };
  // A decision adopted today, which moves a contract's notice deadline to 30.06.2027 (46 days ahead).
  const old = await ok({
    method: 'POST',
    url: `${base}/inventory/systems`,
    payload: { municipalityNumber: '4626', name: 'Gammelt økonomisystem', solutionAreaId: economy },
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
  // A red risk with a mitigation, and one at a lower level that stays out.
  const risk = await ok({
    method: 'POST',
    url: `${base}/risks`,
    payload: { title: 'Lønn utbetales ikke i januar', likelihood: 5, consequences: { economy: 5 }, owner: 'Økonomisjef' },
  });
  await ok({ method: 'POST', url: `${base}/risks/${risk.id}/mitigations`, payload: { title: 'Prøvekjøring av lønn', owner: 'Åse', deadline: '2027-10-01' } });
  await ok({ method: 'POST', url: `${base}/risks`, payload: { title: 'Liten risiko', likelihood: 1, consequences: { economy: 1 } } });
  // A benefit whose indicator is behind the line from baseline to target.
  const benefit = await ok({
    method: 'POST',
    url: `${base}/benefits`,
    payload: { title: 'Færre manuelle søknader', type: 'time', owner: 'Kommunedirektøren' },
  });
  const withIndicator = await ok({
    method: 'POST',
    url: `${base}/benefits/${benefit.benefit.id}/indicators`,
    payload: exampleIndicator,
  });
  await ok({
    method: 'POST',
    url: `${base}/benefits/${benefit.benefit.id}/indicators/${withIndicator.indicators[0].id}/measurements`,
    payload: { measuredOn: '2027-05-01', value: 21 },
  });
  // An overdue task.
  const activityId = (await ok({ url: `${base}/tasks` }, 200)).tasks[0].activityId;
  await ok({
    method: 'POST',
    url: `${base}/tasks`,
    payload: { activityId, title: 'Avklare særavtaler på økonomi', status: 'in_progress', responsible: 'Bjørn', dueDate: '2027-05-01' },
  });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function fetchReport(query = '') {
  const response = await t.owner.inject(`${base}/reports/status.pdf${query}`);
  expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
  const file = path.join(dir, `report-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, response.rawPayload);
  return { response, file, text: poppler('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']) };
}

describe('the status report as PDF', () => {
  it('is a PDF to download, named after the merger and the day', async () => {
    const { response } = await fetchReport();
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="statusrapport-sammenslaing-aeroy-ostby-asen-2027-05-15.pdf"');
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(response.rawPayload.subarray(-6).toString('latin1')).toContain('%%EOF');
  });

  it('holds the front page, every section and the right figures, æøå intact', async () => {
    const readiness = (await t.owner.inject(`${base}/decisions/readiness`)).json();
    const { text, file } = await fetchReport();
    // SAMLA_REPORT_OUT=/tmp/x.pdf keeps a copy to look at.
    if (process.env.SAMLA_REPORT_OUT) fs.copyFileSync(file, process.env.SAMLA_REPORT_OUT);
    const flat = text.replaceAll(/[ \t]+/g, ' ');
    // Front page
    expect(flat).toContain('Statusrapport til styringsgruppen');
    expect(flat).toContain('Sammenslåing Ærøy–Østby–Åsen');
    expect(flat).toContain('Nye Ørnes');
    expect(flat).toContain('Sammenslåingsdato: 01.01.2028');
    expect(flat).toContain('Rapportperiode: 16.04.2027–15.05.2027');
    expect(flat).toContain('Generert: 15.05.2027');
    for (const title of Object.values(sectionHeadings)) expect(flat).toContain(title);
    // Figures: 231 days to 1 January 2028, readiness, one of each listed item.
    expect(flat).toContain('231');
    expect(flat).toContain(`${readiness.ready} av ${readiness.criticalTotal} kritiske løsningsområder er klare til dag én.`);
    expect(flat).toMatch(/Gevinster bak plan/);
    expect(flat).toContain('1 gevinst: 1 planlagt. 1 bak plan.');
    expect(flat).toContain('BAK PLAN: 1 av 1');
    // Decisions adopted in the period
    expect(flat).toContain('Økonomi- og regnskapssystem');
    expect(flat).toContain('Videreføre');
    expect(flat).toContain('Nytt økonomisystem');
    expect(flat).toContain('15.05.2027, Eva Eier');
    // Red risks with the mitigation; the low risk stays out
    expect(flat).toContain('Lønn utbetales ikke i januar');
    expect(flat).toContain('Prøvekjøring av lønn – Planlagt');
    expect(flat).toContain('01.10.2027');
    expect(flat).not.toContain('Liten risiko');
    // Contract deadline in 46 days
    expect(flat).toMatch(/30\.06\.2027 +46 +Leverandør AS – Drift/);
    expect(flat).toContain('Siste dag for oppsigelse');
    // Appendix: the overdue task, 14 days over
    expect(flat).toMatch(/Avklare særavtaler på økonomi +Bjørn +01\.05\.2027 +14/);
    expect(flat).toContain('1 oppgave har passert fristen');
    // Page numbers on every page
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, index) => expect(page).toContain(`Side ${index + 1} av ${pages.length}`));
    // Fonts embedded
    const fonts = poppler('pdffonts', [file]);
    expect(fonts).toMatch(/DejaVuSans\s.*\byes\b/);
    expect(fonts).toMatch(/DejaVuSans-Bold\s.*\byes\b/);
    expect(
      fonts
        .split('\n')
        .slice(2)
        .filter((line) => line.trim() !== '')
        .every((line) => /\byes\b/.test(line)),
    ).toBe(true);
  });

  it('reports a chosen period, leaving out decisions adopted outside it', async () => {
    const { text } = await fetchReport('?from=2027-01-01&to=2027-03-31');
    const flat = text.replaceAll(/[ \t]+/g, ' ');
    expect(flat).toContain('Rapportperiode: 01.01.2027–31.03.2027');
    expect(flat).toContain('Ingen veivalg ble vedtatt i perioden.');
  });

  it('refuses a period that runs backwards, is too long or is not a date, in Norwegian', async () => {
    const backwards = await t.owner.inject(`${base}/reports/status.pdf?from=2027-05-02&to=2027-05-01`);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error).toMatchObject({ code: 'REPORT_PERIOD_INVALID', message: 'Fra-datoen kan ikke være etter til-datoen.' });
    const long = await t.owner.inject(`${base}/reports/status.pdf?from=2026-01-01&to=2027-05-01`);
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toBe('Rapportperioden kan være høyst 366 dager.');
    const notADate = await t.owner.inject(`${base}/reports/status.pdf?from=2027-02-30`);
    expect(notADate.statusCode).toBe(400);
    expect(notADate.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('is not there for someone outside the merger', async () => {
    const outsider = await t.createUser('Ute Utenfor');
    expect((await outsider.inject(`${base}/reports/status.pdf`)).statusCode).toBe(404);
  });
});

describe('day-one readiness in the status report', () => {
  it('shows a critical area deferred to the transition as not ready, with its rationale, until the deferral is accepted', async () => {
    const mergerId = await t.createMerger({ name: 'Utsettelsesprøve', mergerDate: '2028-01-01' });
    const url = `/api/v1/mergers/${mergerId}`;
    const put = async (areaId: string, payload: object, path = '') => {
      const response = await t.owner.inject({ method: 'PUT', url: `${url}/decisions/${areaId}${path}`, payload });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const deferred = await put(economy, {
      outcome: 'procure',
      timing: 'transition',
      state: 'adopted',
      decisionMaker: 'steering_group',
      meetingDate: '2026-11-02',
      rationale: 'Ny anskaffelse tar tid.',
    });
    const report = async () => {
      const response = await t.owner.inject(`${url}/reports/status.pdf`);
      expect(response.statusCode).toBe(200);
      const file = path.join(dir, `deferral-${Math.random().toString(36).slice(2)}.pdf`);
      fs.writeFileSync(file, response.rawPayload);
      return poppler('pdftotext', ['-enc', 'UTF-8', file, '-']).replaceAll(/\s+/g, ' ');
    };
    const before = await report();
    expect(before).toMatch(/ 0 av \d+ kritiske løsningsområder er klare til dag én\./);
    expect(before).toContain('Utsatt til overgangsfasen («Ny anskaffelse tar tid.»), utsettelsen er ikke godtatt');

    await put(economy, { accepted: true, reason: 'Dagens avtaler løper ut 2028.', version: deferred.decision.version }, '/deferral-acceptance');
    const after = await report();
    expect(after).toMatch(/ 1 av \d+ kritiske løsningsområder er klare til dag én\./);
    expect(after).toContain('Utsettelse godtatt av Eva Eier 15.05.2027: Dagens avtaler løper ut 2028.');
    expect(after).not.toContain('utsettelsen er ikke godtatt');
  });
});

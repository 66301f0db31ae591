import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#server/test/test-app.ts';
import { narrativeHeadings } from './reports.pdf.ts';

// Issued status reports (decision 038): the project leader's own words, stored with the PDF
// exactly as issued, and «since the previous report» meaning since the last one issued.

let t: TestApp;
let base: string;
let dir: string;
let lead: TestUser;
let member: TestUser;
let reader: TestUser;
// The clock moves between reports: 15 May 2027, then 12 June 2027 (noon in Oslo).
let now = new Date('2027-05-15T10:00:00Z');

const narrative = {
  overallStatus: 'yellow',
  statusReason: 'Lønn er forsinket med to uker; resten går etter planen.',
  mainPoints: ['Økonomisystemet er vedtatt videreført.', 'Anskaffelse av lønn er på anbud.'],
  decisionsRequested: ['Godkjenne at lønn utsettes til overgangsfasen.'],
} as const;

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  const mergerId = await t.createMerger({ name: 'Rapportprøve', mergerDate: '2028-01-01' });
  base = `/api/v1/mergers/${mergerId}`;
  [lead, member, reader] = await Promise.all([t.createUser('Lise Leder'), t.createUser('Mona Medarbeider'), t.createUser('Rolf Leser')]);
  await t.addMember(mergerId, lead, 'lead');
  await t.addMember(mergerId, member, 'member');
  await t.addMember(mergerId, reader, 'reader');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-issued-'));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function pdfText(bytes: Buffer): string {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replaceAll(/\s+/g, ' ');
}

describe('issuing a status report', () => {
  it('without issued reports, offers the last 30 days as the next period', async () => {
    const list = (await reader.inject(`${base}/reports`)).json();
    expect(list).toEqual({ reports: [], nextPeriod: { from: '2027-04-16', to: '2027-05-15' } });
  });

  it('is for the project leader and the owner: a member or a reader may not issue', async () => {
    for (const who of [member, reader]) {
      const refused = await who.inject({ method: 'POST', url: `${base}/reports`, payload: narrative });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('FORBIDDEN');
    }
    expect((await reader.inject(`${base}/reports`)).json().reports).toEqual([]);
  });

  it('needs a status with a reason and at least one main point', async () => {
    const empty = await lead.inject({ method: 'POST', url: `${base}/reports`, payload: { overallStatus: 'blue', statusReason: ' ', mainPoints: [] } });
    expect(empty.statusCode).toBe(400);
    const paths = empty.json().error.details.map((problem: { path: string }) => problem.path);
    expect(paths).toEqual(expect.arrayContaining(['overallStatus', 'statusReason', 'mainPoints']));
  });

  let first: { id: string; fileName: string; size: number };
  let firstBytes: Buffer;

  it('stores the report; the list shows who issued it and when; it downloads byte for byte as issued', async () => {
    const issued = await lead.inject({ method: 'POST', url: `${base}/reports`, payload: narrative });
    expect(issued.statusCode, issued.body).toBe(201);
    first = issued.json();
    expect(issued.json()).toMatchObject({
      period: { from: '2027-04-16', to: '2027-05-15' },
      ...narrative,
      issuedBy: 'Lise Leder',
      issuedAt: '2027-05-15T10:00:00.000Z',
      fileName: 'statusrapport-rapportprove-2027-05-15.pdf',
    });

    // Everyone who can read the merger sees it in the list and can download it.
    const list = (await reader.inject(`${base}/reports`)).json();
    expect(list.reports).toEqual([issued.json()]);
    const download = await reader.inject(`${base}/reports/${first.id}/pdf`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe('attachment; filename="statusrapport-rapportprove-2027-05-15.pdf"');
    firstBytes = download.rawPayload;
    expect(firstBytes.length).toBe(first.size);

    const text = pdfText(firstBytes);
    expect(text).toContain(narrativeHeadings.section);
    expect(text).toContain('Samlet status: GUL');
    expect(text).toContain('Lønn er forsinket med to uker; resten går etter planen.');
    expect(text).toContain('• Økonomisystemet er vedtatt videreført.');
    expect(text).toContain(narrativeHeadings.decisionsRequested);
    expect(text).toContain('1. Godkjenne at lønn utsettes til overgangsfasen.');
    expect(text).toContain('Utstedt av: Lise Leder');
    expect(text).toContain('Rapportperiode: 16.04.2027–15.05.2027');
  });

  it('stays exactly as issued while the merger changes, and is in history', async () => {
    const changed = await t.owner.inject({
      method: 'PUT',
      url: `${base}/decisions/omrade-okonomi-og-regnskapssystem`,
      payload: { outcome: 'retire', timing: 'before_merger', state: 'adopted', decisionMaker: 'steering_group', meetingDate: '2027-05-15' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const again = await member.inject(`${base}/reports/${first.id}/pdf`);
    expect(Buffer.compare(again.rawPayload, firstBytes)).toBe(0);
    const history = JSON.stringify((await t.owner.inject(`${base}/audit?entity=statusReport`)).json());
    expect(history).toContain('Statusrapport 16.04.2027–15.05.2027');
    expect(history).toContain('Lise Leder');
  });

  it('starts the next period where the previous report was issued, and lists the newest first', async () => {
    now = new Date('2027-06-12T10:00:00Z');
    expect((await reader.inject(`${base}/reports`)).json().nextPeriod).toEqual({ from: '2027-05-15', to: '2027-06-12' });
    // The unsaved draft follows the same default.
    const draft = await reader.inject(`${base}/reports/status.pdf`);
    expect(pdfText(draft.rawPayload)).toContain('Rapportperiode: 15.05.2027–12.06.2027');

    const second = await t.owner.inject({
      method: 'POST',
      url: `${base}/reports`,
      payload: { overallStatus: 'green', statusReason: 'Lønn er tatt igjen.', mainPoints: ['Alt i rute.'] },
    });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({ period: { from: '2027-05-15', to: '2027-06-12' }, decisionsRequested: [], issuedBy: t.owner.name });
    const text = pdfText((await reader.inject(`${base}/reports/${second.json().id}/pdf`)).rawPayload);
    expect(text).toContain('Samlet status: GRØNN');
    expect(text).toContain('Ingen saker til beslutning denne gangen.');
    // The decision adopted on the first report's day is in the period since it.
    expect(text).toContain('Styringsgruppen, møte 15.05.2027');

    const list = (await reader.inject(`${base}/reports`)).json();
    expect(list.reports.map((report: { id: string }) => report.id)).toEqual([second.json().id, first.id]);
    expect(list.nextPeriod).toEqual({ from: '2027-06-12', to: '2027-06-12' });
  });

  it('lists the tasks set to «ferdig» since the previous report, and not one reopened', async () => {
    now = new Date('2027-07-01T10:00:00Z');
    const own = async (title: string) => (await lead.inject({ method: 'POST', url: `${base}/tasks`, payload: { activityId: 'fase-1-akt-1', title } })).json();
    const setStatus = async (task: { id: string; version: number }, status: string) => {
      const response = await member.inject({ method: 'PATCH', url: `${base}/tasks/${task.id}`, payload: { version: task.version, status } });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    await setStatus(await own('Kartlegge lisensene'), 'done');
    await setStatus(await own('Avklare avtalene med leverandørene'), 'done');
    await setStatus(await setStatus(await own('Gjenåpnet oppgave'), 'done'), 'in_progress');

    const text = pdfText((await reader.inject(`${base}/reports/status.pdf`)).rawPayload);
    const section = text.slice(text.indexOf('Oppgaver fullført i perioden'));
    expect(section).toContain('2 oppgaver ble satt som ferdige i perioden.');
    expect(section).toContain('Kartlegge lisensene');
    expect(section).toContain('Avklare avtalene med leverandørene');
    expect(text).not.toContain('Gjenåpnet oppgave');
  });

  it('is not found for another merger or an unknown id', async () => {
    const otherMerger = await t.createMerger({ name: 'Annen' });
    expect((await t.owner.inject(`/api/v1/mergers/${otherMerger}/reports/${first.id}/pdf`)).statusCode).toBe(404);
    const unknown = await t.owner.inject(`${base}/reports/00000000-0000-4000-8000-000000000000/pdf`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('REPORT_NOT_FOUND');
  });
});

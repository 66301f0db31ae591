import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#server/test/test-app.ts';

// Issue 18, finding 1, in the steering group's PDF: a contract that runs out while its
// system is still needed says so, with the day to extend it, also once that day has passed.

let t: TestApp;
let base: string;
let dir: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2027-05-15T10:00:00Z') });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-report-contracts-'));
  const mergerId = await t.createMerger({ mergerDate: '2028-01-01', municipalities: ['4601', '4626'] });
  base = `/api/v1/mergers/${mergerId}`;
  const ok = async (request: Parameters<TestApp['owner']['inject']>[0], status = 201) => {
    const response = await t.owner.inject(request);
    expect(response.statusCode, response.body).toBe(status);
    return response.json();
  };
  const profil = await ok({
    method: 'POST',
    url: `${base}/inventory/systems`,
    payload: { municipalityNumber: '4626', name: 'Visma Profil', solutionAreaId: 'omrade-pasientjournalsystemer' },
  });
  // Six months' notice before 31.08.2027: the day to extend was 28.02.2027.
  await ok({
    method: 'POST',
    url: `${base}/inventory/contracts`,
    payload: { municipalityNumber: '4626', vendor: 'Visma', subject: 'Profil (EPJ)', endDate: '2027-08-31', noticePeriodMonths: 6, systemIds: [profil.id] },
  });
  await ok(
    {
      method: 'PUT',
      url: `${base}/decisions/omrade-pasientjournalsystemer`,
      payload: { outcome: 'procure', timing: 'transition', state: 'adopted', decisionMaker: 'steering_group', meetingDate: '2026-11-02' },
    },
    200,
  );
  const economy = await ok({
    method: 'POST',
    url: `${base}/inventory/systems`,
    payload: { municipalityNumber: '4601', name: 'Visma Økonomi', solutionAreaId: 'omrade-okonomi-og-regnskapssystem' },
  });
  // Continues, but ends 30.09.2027: three months' notice, so extend by 30.06.2027 (46 days ahead).
  await ok({
    method: 'POST',
    url: `${base}/inventory/contracts`,
    payload: {
      municipalityNumber: '4601',
      vendor: 'Visma',
      subject: 'Økonomi',
      endDate: '2027-09-30',
      noticePeriodMonths: 3,
      changeClause: 'transfers',
      systemIds: [economy.id],
    },
  });
  await ok(
    {
      method: 'PUT',
      url: `${base}/decisions/omrade-okonomi-og-regnskapssystem`,
      payload: {
        outcome: 'continue',
        targetSystemId: economy.id,
        timing: 'before_merger',
        state: 'adopted',
        decisionMaker: 'steering_group',
        meetingDate: '2026-11-02',
      },
    },
    200,
  );
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('contract deadlines in the status report', () => {
  it('says a contract runs out before its system can go, with the day to extend, and keeps a passed one in the list', async () => {
    const response = await t.owner.inject(`${base}/reports/status.pdf`);
    expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
    const file = path.join(dir, 'report.pdf');
    fs.writeFileSync(file, response.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    // One line of words: pdftotext wraps the table's cells.
    const flat = text.replaceAll(/\s+/g, ' ');
    expect(flat).toContain('Avtalefrister: passerte og de neste 90 dagene');
    // The passed one first, in words; then the one 46 days ahead.
    expect(flat).toContain('28.02.2027 Passert Visma – Profil (EPJ) Øygarden Løper ut før systemet kan avvikles — må forlenges innen 28.02.2027');
    expect(flat).toContain('30.06.2027 46 Visma – Økonomi Bergen Løper ut før sammenslåingen — må forlenges innen 30.06.2027');
    expect(flat.indexOf('28.02.2027 Passert')).toBeLessThan(flat.indexOf('30.06.2027 46'));
  });
});

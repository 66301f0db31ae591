import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#server/test/test-app.ts';

// Decisions on record (decision 038): an adopted veivalg says who decided, at which meeting,
// under which case number, and links to the document in the municipality's archive.

let t: TestApp;
let base: string;
let dir: string;
const retire = { outcome: 'retire', timing: 'before_merger' } as const;
const onRecord = {
  decisionMaker: 'joint_committee',
  meetingDate: '2027-02-24',
  caseNumber: 'PS 12/2027',
  archiveUrl: 'https://innsyn.nye-kommune.no/sak/2027/123',
} as const;
const areas = [
  'omrade-okonomi-og-regnskapssystem',
  'omrade-losning-for-reiseregninger',
  'omrade-digitale-arkiv-og-arkivlosninger',
  'omrade-pasientjournalsystemer',
];

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2027-03-01T10:00:00Z') });
  base = `/api/v1/mergers/${await t.createMerger({ name: 'Vedtaksprøve', mergerDate: '2028-01-01' })}`;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-record-'));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const put = (area: string, payload: object) => t.owner.inject({ method: 'PUT', url: `${base}/decisions/${area}`, payload });

describe('an adopted veivalg on record', () => {
  it('cannot be adopted without who decided and the meeting date; each missing field is named', async () => {
    const bare = await put(areas[0]!, { ...retire, state: 'adopted' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.code).toBe('DECISION_RECORD_INVALID');
    expect(bare.json().error.details.map((problem: { path: string }) => problem.path)).toEqual(['decisionMaker', 'meetingDate']);
    expect(bare.json().error.message).toBe('Velg hvem som vedtok veivalget.');

    const otherUnnamed = await put(areas[0]!, { ...retire, state: 'adopted', decisionMaker: 'other', meetingDate: '2027-02-24' });
    expect(otherUnnamed.statusCode).toBe(400);
    expect(otherUnnamed.json().error.details).toEqual([expect.objectContaining({ path: 'decisionMakerOther', message: 'Skriv hvem som vedtok veivalget.' })]);

    const future = await put(areas[0]!, { ...retire, state: 'adopted', decisionMaker: 'steering_group', meetingDate: '2027-03-02' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details).toEqual([expect.objectContaining({ path: 'meetingDate', message: 'Møtedatoen kan ikke være etter i dag.' })]);

    // Nothing was saved by the refused tries.
    expect((await t.owner.inject(`${base}/decisions/${areas[0]}`)).json().decision).toBeNull();
  });

  it('refuses an archive link that is not https', async () => {
    for (const archiveUrl of ['http://innsyn.kommune.no/sak/1', 'javascript:alert(1)', 'innsyn.kommune.no/sak/1', 'https://ola:hemmelig@innsyn.kommune.no/']) {
      const response = await put(areas[0]!, { ...retire, state: 'adopted', ...onRecord, archiveUrl });
      expect(response.statusCode, archiveUrl).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
      expect(response.json().error.details[0]).toMatchObject({ path: 'archiveUrl' });
    }
  });

  it('is saved with the veivalg, shown in the area, kept in history, and version-checked', async () => {
    const adopted = await put(areas[0]!, { ...retire, state: 'adopted', ...onRecord });
    expect(adopted.statusCode, adopted.body).toBe(200);
    const area = (await t.owner.inject(`${base}/decisions/${areas[0]}`)).json();
    expect(area.decision.record).toEqual({ ...onRecord, decisionMakerOther: null });
    expect(area.decision).toMatchObject({ state: 'adopted', decidedBy: t.owner.name, version: 1 });

    // Adding the case number later is a change to the adopted veivalg: it needs the version.
    const stale = await put(areas[0]!, { ...retire, state: 'adopted', ...onRecord, caseNumber: 'PS 13/2027' });
    expect(stale.statusCode).toBe(409);
    const changed = await put(areas[0]!, { ...retire, state: 'adopted', ...onRecord, caseNumber: 'PS 13/2027', version: 1 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().decision.record.caseNumber).toBe('PS 13/2027');

    const history = (await t.owner.inject(`${base}/audit?entity=decision`)).json();
    const text = JSON.stringify(history);
    expect(text).toContain('PS 12/2027');
    expect(text).toContain('PS 13/2027');
    expect(text).toContain('https://innsyn.nye-kommune.no/sak/2027/123');
  });

  it('names someone else for «annet», and is cleared when the veivalg goes back to a proposal', async () => {
    const other = await put(areas[1]!, {
      ...retire,
      state: 'adopted',
      decisionMaker: 'other',
      decisionMakerOther: 'Rådmannens ledergruppe',
      meetingDate: '2027-01-10',
    });
    expect(other.statusCode, other.body).toBe(200);
    expect(other.json().decision.record).toEqual({
      decisionMaker: 'other',
      decisionMakerOther: 'Rådmannens ledergruppe',
      meetingDate: '2027-01-10',
      caseNumber: null,
      archiveUrl: null,
    });
    const proposal = await put(areas[1]!, { ...retire, state: 'proposed', decisionMaker: 'council', meetingDate: '2027-01-10', version: 1 });
    expect(proposal.statusCode, proposal.body).toBe(200);
    expect(proposal.json().decision.record).toBeNull();
  });

  it('appears in the veivalg export with who, meeting date, case number and link', async () => {
    const response = await t.owner.inject(`${base}/decisions/export.xlsx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const rows = (workbook.getWorksheet('Veivalg')!.getSheetValues() as unknown[][]).filter(Boolean).map((row) => row.slice(1));
    const header = rows.findIndex((row) => row.includes('Løsningsområde'));
    const columns = rows[header]!;
    const economyRow = rows.slice(header + 1).find((row) => row.includes('Økonomi- og regnskapssystem'))!;
    const cell = (name: string) => economyRow[columns.indexOf(name)];
    expect(cell('Vedtatt av')).toBe('Fellesnemnda');
    expect(cell('Møtedato')).toEqual(new Date('2027-02-24T00:00:00Z'));
    expect(cell('Saksnummer')).toBe('PS 13/2027');
    expect(cell('Lenke til arkivet')).toBe('https://innsyn.nye-kommune.no/sak/2027/123');
    expect(cell('Tilstand')).toBe('Vedtatt');
  });

  it('is in the status report PDF: who decided, the meeting, the case number', async () => {
    const response = await t.owner.inject(`${base}/reports/status.pdf`);
    expect(response.statusCode).toBe(200);
    const file = path.join(dir, 'rapport.pdf');
    fs.writeFileSync(file, response.rawPayload);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replaceAll(/\s+/g, ' ');
    expect(text).toContain('Fellesnemnda, møte 24.02.2027');
    expect(text).toContain('Saksnr. PS 13/2027');
  });
});

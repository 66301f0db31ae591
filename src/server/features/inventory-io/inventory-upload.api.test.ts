import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#server/test/test-app.ts';
import { xlsxContentType } from '#shared/contracts/inventory-import.ts';
import { readUpload } from './inventory-upload.ts';
import { buildCompoundFile, buildWorkbook, textCell } from './zip-test-helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  // Closes the worker pool too (app.ts's onClose).
  await t.close();
});

const header = `<row r="1">${textCell('A1', 'Kommunenummer')}${textCell('B1', 'Navn')}${textCell('C1', 'Leverandør')}</row>`;

/**
 * A workbook that is slow to read without being refused: a few million
 * elements Samla does not know in the sheet data (about 40 MB unpacked, a
 * few seconds of parsing, under every limit).
 */
function slowWorkbook(): Buffer {
  return buildWorkbook({ sheets: [{ name: 'IKT-systemer', sheetData: header + '<x/>'.repeat(10_000_000) }] });
}

/** How long /health takes, asked again and again until `work` settles. */
async function healthWhile(work: Promise<unknown>): Promise<number[]> {
  let settled = false;
  void work.then(
    () => (settled = true),
    () => (settled = true),
  );
  const took: number[] = [];
  while (!settled) {
    const start = performance.now();
    const response = await t.app.inject('/api/v1/health');
    took.push(performance.now() - start);
    expect(response.statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return took;
}

describe('reading an upload off the request thread', () => {
  it('keeps /health answering within a second while a crafted file is read', async () => {
    const body = slowWorkbook();
    expect(body.length).toBeLessThan(10 * 1024 * 1024);
    const read = readUpload(body, undefined);
    const took = await healthWhile(read);
    await expect(read).resolves.toMatchObject({ sheets: [{ sheet: 'IKT-systemer', rows: [] }] });
    // The file kept a thread busy for a while (several health checks), and the event loop answered all along.
    expect(took.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...took)).toBeLessThan(1000);
  }, 60_000);

  it('the import route refuses crafted and foreign files with a 4xx, and /health answers meanwhile', async () => {
    const mergerId = await t.createMerger();
    const upload = (body: Buffer) =>
      t.owner.inject({
        method: 'POST',
        url: `/api/v1/mergers/${mergerId}/inventory/import?mode=preview`,
        payload: body,
        headers: { 'content-type': xlsxContentType },
      });
    const crafted = [
      buildWorkbook({ sheets: [{ name: 'IKT-systemer', sheetData: header + '<row r="2"><c r="ZZZZZZ2"><v>1</v></c></row>' }] }),
      buildWorkbook({
        sheets: [{ name: 'IKT-systemer', sheetData: header }],
        sharedStrings: `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${'<si '.repeat(5000)}`,
      }),
      buildCompoundFile(['EncryptionInfo', 'EncryptedPackage']),
    ];
    for (const body of crafted) {
      const start = performance.now();
      const response = upload(body);
      const took = await healthWhile(response);
      expect(took.every((ms) => ms < 1000)).toBe(true);
      const answer = await response;
      expect(answer.statusCode).toBeGreaterThanOrEqual(400);
      expect(answer.statusCode).toBeLessThan(500);
      expect(answer.json().error.code).toEqual(expect.any(String));
      expect(performance.now() - start).toBeLessThan(3000);
    }
  });
});

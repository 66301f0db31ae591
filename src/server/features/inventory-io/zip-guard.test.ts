import { describe, expect, it } from 'vitest';
import { inspectZip } from './zip-guard.ts';
import { buildZip } from './zip-test-helpers.ts';

describe('inspectZip', () => {
  it('accepts a small zip and counts its real size', () => {
    const zip = buildZip([{ name: 'a.txt', data: Buffer.from('hei hei hei') }]);
    expect(inspectZip(zip, 1000)).toEqual({ ok: true, uncompressedBytes: 11 });
  });

  it('refuses a part that inflates past the cap, even when the directory claims it is small', () => {
    const zip = buildZip([{ name: 'bomb.xml', data: Buffer.alloc(5_000_000) }], { claimedSize: 10 });
    expect(inspectZip(zip, 1_000_000)).toEqual({ ok: false, reason: 'too-large' });
  });

  it('refuses what is not a zip', () => {
    expect(inspectZip(Buffer.from('Navn;Leverandør\n'), 1000)).toEqual({ ok: false, reason: 'not-zip' });
    expect(inspectZip(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), 1000)).toEqual({ ok: false, reason: 'not-zip' });
  });

});

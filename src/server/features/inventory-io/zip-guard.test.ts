import { describe, expect, it } from 'vitest';
import { hasEncryptionInfo, inflateEntries, inspectZip, isCompoundFile, openDocumentType, ZipError, zipEntries } from './zip-guard.ts';
import { buildCompoundFile, buildZip } from './zip-test-helpers.ts';

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

describe('inflateEntries', () => {
  it('inflates every part once, keeps those asked for, and caps the running total', () => {
    const zip = buildZip([
      { name: 'xl/a.xml', data: Buffer.alloc(600, 'a') },
      { name: 'docProps/thumbnail.jpeg', data: Buffer.alloc(300, 'b') },
    ]);
    const { parts, totalBytes } = inflateEntries(zip, zipEntries(zip)!, 1000, (name) => name.endsWith('.xml'));
    expect([...parts.keys()]).toEqual(['xl/a.xml']);
    expect(totalBytes).toBe(900);
    // Each part alone is under the cap; together they are not.
    expect(() => inflateEntries(zip, zipEntries(zip)!, 800, () => true)).toThrow(ZipError);
    const error = (() => {
      try {
        inflateEntries(zip, zipEntries(zip)!, 800, () => true);
      } catch (e) {
        return e as ZipError;
      }
    })();
    expect(error?.reason).toBe('too-large');
  });
});

describe('what else an upload may be', () => {
  it("tells an encrypted xlsx from an old .xls by the compound file's directory", () => {
    const encrypted = buildCompoundFile(['EncryptionInfo', 'EncryptedPackage']);
    const xls = buildCompoundFile(['Workbook']);
    expect(isCompoundFile(encrypted) && isCompoundFile(xls)).toBe(true);
    expect(hasEncryptionInfo(encrypted)).toBe(true);
    expect(hasEncryptionInfo(xls)).toBe(false);
    expect(isCompoundFile(Buffer.from('Navn;Leverandør\n'))).toBe(false);
  });

  it('reads the mimetype of an OpenDocument file, stored or deflated', () => {
    const ods = buildZip([{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet') }]);
    expect(openDocumentType(ods, zipEntries(ods)!)).toBe('application/vnd.oasis.opendocument.spreadsheet');
    const xlsx = buildZip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }]);
    expect(openDocumentType(xlsx, zipEntries(xlsx)!)).toBeUndefined();
  });
});

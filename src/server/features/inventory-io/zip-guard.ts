import { inflateRawSync } from 'node:zlib';

/**
 * An xlsx is a zip. exceljs unpacks every part into memory before it reads a
 * cell, so a small upload that inflates to gigabytes (a zip bomb) would take
 * the server down. Before exceljs sees the file we walk the central directory
 * and inflate each part ourselves with a hard cap on the output, counting the
 * real sizes rather than trusting the sizes the directory claims.
 */
export type ZipVerdict = { ok: true; uncompressedBytes: number } | { ok: false; reason: 'not-zip' | 'too-large' };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function isZip(buffer: Buffer): boolean {
  return buffer.length >= 4 && buffer.readUInt32LE(0) === LOCAL;
}

function findEndOfCentralDirectory(buffer: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes at the very end.
  const stop = Math.max(0, buffer.length - 22 - 0xffff);
  for (let at = buffer.length - 22; at >= stop; at--) if (buffer.readUInt32LE(at) === EOCD) return at;
  return -1;
}

/** One part as the central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  claimedSize: number;
  localOffset: number;
}

/**
 * The central directory's entries, in order, or null when the buffer is not a
 * zip (no end record, a broken directory record). Nothing is inflated here.
 */
export function zipEntries(buffer: Buffer): ZipEntry[] | null {
  if (!isZip(buffer)) return null;
  const end = findEndOfCentralDirectory(buffer);
  if (end < 0) return null;
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  try {
    for (let index = 0; index < count; index++) {
      if (buffer.readUInt32LE(at) !== CENTRAL) return null;
      const nameLength = buffer.readUInt16LE(at + 28);
      entries.push({
        method: buffer.readUInt16LE(at + 10),
        compressedSize: buffer.readUInt32LE(at + 20),
        claimedSize: buffer.readUInt32LE(at + 24),
        localOffset: buffer.readUInt32LE(at + 42),
        name: buffer.toString('utf8', at + 46, at + 46 + nameLength),
      });
      at += 46 + nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
    }
  } catch {
    return null;
  }
  return entries;
}

/** Where an entry's bytes begin, after its local header; throws a RangeError on a broken local header. */
export function entryData(buffer: Buffer, entry: ZipEntry): Buffer {
  if (buffer.readUInt32LE(entry.localOffset) !== LOCAL) throw new RangeError('broken local header');
  const dataStart = entry.localOffset + 30 + buffer.readUInt16LE(entry.localOffset + 26) + buffer.readUInt16LE(entry.localOffset + 28);
  return buffer.subarray(dataStart, dataStart + entry.compressedSize);
}

export function inspectZip(buffer: Buffer, maxUncompressedBytes: number): ZipVerdict {
  const entries = zipEntries(buffer);
  if (!entries) return { ok: false, reason: 'not-zip' };
  let total = 0;
  try {
    for (const entry of entries) {
      const { method, compressedSize, claimedSize } = entry;
      // ZIP64 sizes (0xffffffff) mean a part over 4 GB: absurd for a spreadsheet.
      if (claimedSize === 0xffffffff || compressedSize === 0xffffffff) return { ok: false, reason: 'too-large' };
      if (total + claimedSize > maxUncompressedBytes) return { ok: false, reason: 'too-large' };
      if (buffer.readUInt32LE(entry.localOffset) !== LOCAL) return { ok: false, reason: 'not-zip' };
      const data = entryData(buffer, entry);
      let size: number;
      if (method === 0) size = data.length;
      else if (method === 8) {
        // The directory may lie about the size; the cap on the output may not be lied to.
        size = inflateRawSync(data, { maxOutputLength: maxUncompressedBytes - total + 1 }).length;
      } else return { ok: false, reason: 'not-zip' };
      total += size;
      if (total > maxUncompressedBytes) return { ok: false, reason: 'too-large' };
    }
  } catch (error) {
    if (error instanceof RangeError && /maxOutputLength|buffer/i.test(String(error.message))) {
      return { ok: false, reason: 'too-large' };
    }
    return { ok: false, reason: 'not-zip' };
  }
  return { ok: true, uncompressedBytes: total };
}

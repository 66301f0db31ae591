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

// ---------------------------------------------------------------- what else an upload may be

/** An OLE compound file (Microsoft's container before OOXML): an old .xls, or an xlsx encrypted with a password. */
const compoundSignature = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export function isCompoundFile(buffer: Buffer): boolean {
  return buffer.length >= 512 && buffer.subarray(0, 8).equals(compoundSignature);
}

const encryptionInfoName = Buffer.from('EncryptionInfo\u0000', 'utf16le');

/**
 * Whether a compound file has a stream named EncryptionInfo: that is how
 * Office stores an xlsx encrypted with a password (beside EncryptedPackage).
 * Directory entries are 128 bytes, begin with their UTF-16 name and lie in
 * sectors of 512 or 4,096 bytes after the 512-byte header, so every entry
 * starts at a multiple of 128: checking those offsets (name, its length field
 * and the stream type) finds the entry without following the sector chains.
 */
export function hasEncryptionInfo(buffer: Buffer): boolean {
  if (!isCompoundFile(buffer)) return false;
  for (let at = 512; at + 128 <= buffer.length; at += 128) {
    if (
      buffer.readUInt16LE(at + 64) === encryptionInfoName.length &&
      buffer[at + 66] === 2 &&
      buffer.compare(encryptionInfoName, 0, encryptionInfoName.length, at, at + encryptionInfoName.length) === 0
    ) {
      return true;
    }
  }
  return false;
}

/** An OpenDocument file names its type in a `mimetype` entry (stored, first by convention, but any place is accepted). */
export function openDocumentType(buffer: Buffer, entries: readonly ZipEntry[]): string | undefined {
  const entry = entries.find((candidate) => candidate.name === 'mimetype');
  if (!entry || entry.compressedSize > 1024) return undefined;
  try {
    const data = entryData(buffer, entry);
    const bytes = entry.method === 8 ? inflateRawSync(data, { maxOutputLength: 1024 }) : entry.method === 0 ? data : undefined;
    return bytes?.toString('latin1').trim();
  } catch {
    return undefined;
  }
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

/** Why a zip was not read: not a zip (or a broken one), or it unpacks past the cap. */
export class ZipError extends Error {
  constructor(
    readonly reason: 'not-zip' | 'too-large' | 'unsupported',
    message: string,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

/**
 * Every entry inflated once, in directory order, with a running cap on the
 * bytes they unpack to (the sizes the directory claims are checked first but
 * not trusted: the cap is on zlib's output). Entries `keep` accepts are
 * returned by name, lower case; the rest are only counted. A compression
 * method other than stored or deflate is refused for kept entries and
 * skipped for the rest.
 */
export function inflateEntries(
  buffer: Buffer,
  entries: readonly ZipEntry[],
  maxUncompressedBytes: number,
  keep: (name: string) => boolean,
): { parts: Map<string, Buffer>; totalBytes: number } {
  const kept = new Map<string, Buffer>();
  const tooLarge = () => new ZipError('too-large', `the parts unpack to more than ${maxUncompressedBytes} bytes`);
  let total = 0;
  for (const entry of entries) {
    const { method, compressedSize, claimedSize } = entry;
    // ZIP64 sizes (0xffffffff) mean a part over 4 GB: absurd for a spreadsheet.
    if (claimedSize === 0xffffffff || compressedSize === 0xffffffff) throw tooLarge();
    if (total + claimedSize > maxUncompressedBytes) throw tooLarge();
    const wanted = keep(entry.name);
    if (method !== 0 && method !== 8) {
      if (wanted) throw new ZipError('unsupported', `unsupported compression method ${method} in ${entry.name}`);
      continue;
    }
    let data: Buffer;
    try {
      data = entryData(buffer, entry);
    } catch {
      throw new ZipError('not-zip', `broken local header of ${entry.name}`);
    }
    let bytes: Buffer;
    if (method === 0 || data.length === 0) bytes = data;
    else {
      try {
        // The directory may lie about the size; the cap on the output may not be lied to.
        bytes = inflateRawSync(data, { maxOutputLength: Math.max(1, maxUncompressedBytes - total + 1) });
      } catch (error) {
        if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
        throw new ZipError('not-zip', `${entry.name} does not inflate: ${(error as Error).message}`);
      }
    }
    total += bytes.length;
    if (total > maxUncompressedBytes) throw tooLarge();
    if (wanted) kept.set(entry.name.toLowerCase(), bytes);
  }
  return { parts: kept, totalBytes: total };
}

export function inspectZip(buffer: Buffer, maxUncompressedBytes: number): ZipVerdict {
  const entries = zipEntries(buffer);
  if (!entries) return { ok: false, reason: 'not-zip' };
  if (entries.some((entry) => entry.method !== 0 && entry.method !== 8)) return { ok: false, reason: 'not-zip' };
  try {
    return { ok: true, uncompressedBytes: inflateEntries(buffer, entries, maxUncompressedBytes, () => false).totalBytes };
  } catch (error) {
    return { ok: false, reason: error instanceof ZipError && error.reason === 'too-large' ? 'too-large' : 'not-zip' };
  }
}

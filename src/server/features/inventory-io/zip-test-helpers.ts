import { deflateRawSync } from 'node:zlib';

/**
 * A minimal zip written by hand (deflate, no CRC check by our reader), for
 * tests of the zip-bomb guard: `claimedSize` lets the directory lie.
 */
export function buildZip(files: Array<{ name: string; data: Buffer }>, options: { claimedSize?: number } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name);
    const compressed = deflateRawSync(file.data, { level: 9 });
    const size = options.claimedSize ?? file.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const mainNamespace = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relNamespace = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * An xlsx typed by hand, for crafted files: each sheet's XML inside
 * `<sheetData>` (or the whole worksheet with `worksheetXml`), sheets that may
 * share one part (`target`), and raw shared strings or styles.
 */
export function buildWorkbook(options: {
  sheets: Array<{ name: string; sheetData?: string; worksheetXml?: string; target?: string; state?: string }>;
  sharedStrings?: string;
  styles?: string;
  /** Parts added as they are. */
  extra?: Array<{ name: string; data: Buffer }>;
}): Buffer {
  const parts = new Map<string, Buffer>();
  const relations: string[] = [];
  options.sheets.forEach((sheet, index) => {
    const target = sheet.target ?? `worksheets/sheet${index + 1}.xml`;
    relations.push(`<Relationship Id="rId${index + 1}" Type="${relNamespace}/worksheet" Target="${target}"/>`);
    if (parts.has(`xl/${target}`)) return;
    parts.set(
      `xl/${target}`,
      Buffer.from(
        sheet.worksheetXml ??
          `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${mainNamespace}" xmlns:r="${relNamespace}"><sheetData>${sheet.sheetData ?? ''}</sheetData></worksheet>`,
      ),
    );
  });
  const sheetElements = options.sheets
    .map((sheet, index) => `<sheet name="${sheet.name}" sheetId="${index + 1}"${sheet.state ? ` state="${sheet.state}"` : ''} r:id="rId${index + 1}"/>`)
    .join('');
  const files = [
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relNamespace}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${mainNamespace}" xmlns:r="${relNamespace}"><sheets>${sheetElements}</sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relations.join('')}</Relationships>`,
      ),
    },
    ...(options.sharedStrings !== undefined ? [{ name: 'xl/sharedStrings.xml', data: Buffer.from(options.sharedStrings) }] : []),
    ...(options.styles !== undefined ? [{ name: 'xl/styles.xml', data: Buffer.from(options.styles) }] : []),
    ...[...parts].map(([name, data]) => ({ name, data })),
    ...(options.extra ?? []),
  ];
  return buildZip(files);
}

/** An inline-string cell. */
export const textCell = (reference: string, text: string) => `<c r="${reference}" t="inlineStr"><is><t>${text}</t></is></c>`;

/**
 * A minimal OLE compound file: the signature, a header and one directory
 * sector with the named streams (no data; enough for a reader that looks at
 * the directory, as a sniffer of .xls and encrypted xlsx does).
 */
export function buildCompoundFile(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(0, 48); // first directory sector
  const directory = Buffer.alloc(512);
  ['Root Entry', ...streams].slice(0, 4).forEach((name, index) => {
    const at = index * 128;
    const encoded = Buffer.from(`${name}\u0000`, 'utf16le');
    encoded.copy(directory, at);
    directory.writeUInt16LE(encoded.length, at + 64);
    directory[at + 66] = index === 0 ? 5 : 2;
  });
  return Buffer.concat([header, directory]);
}

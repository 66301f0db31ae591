import { describe, expect, it } from 'vitest';
import { csvDocument, decodeText, NotTextError, parseCsv, parseCsvRecords, splitCsv } from './csv.ts';

const cp1252 = (text: string) =>
  Buffer.from(
    [...text].map((char) => {
      const code = { æ: 0xe6, ø: 0xf8, å: 0xe5, Æ: 0xc6, Ø: 0xd8, Å: 0xc5, '€': 0x80, '–': 0x96, '«': 0xab, '»': 0xbb }[char];
      if (code !== undefined) return code;
      if (char.charCodeAt(0) > 0x7f) throw new Error(`no test mapping for ${char}`);
      return char.charCodeAt(0);
    }),
  );

const utf16 = (text: string, endian: 'le' | 'be') => {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  if (endian === 'le') return le;
  const be = Buffer.alloc(le.length);
  for (let at = 0; at < le.length; at += 2) {
    be[at] = le[at + 1]!;
    be[at + 1] = le[at]!;
  }
  return be;
};

const norwegian = 'Kommunenummer;Navn;Leverandør\r\n3405;Økonomi – «Visma»;Blåbær AS 5 €\r\n';

describe('decodeText', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    expect(decodeText(Buffer.from(`\uFEFF${norwegian}`, 'utf8'))).toEqual({ text: norwegian, encoding: 'utf-8' });
    expect(decodeText(Buffer.from(norwegian, 'utf8'))).toEqual({ text: norwegian, encoding: 'utf-8' });
  });

  it('reads Windows-1252 as Norwegian Excel saves «CSV (semikolonseparert)», æøå and € exactly', () => {
    expect(decodeText(cp1252(norwegian))).toEqual({ text: norwegian, encoding: 'windows-1252' });
    expect(decodeText(cp1252('ÆØÅ;æøå')).text).toBe('ÆØÅ;æøå');
    // Word's curly quotes, dash and ellipsis, which Latin-1 would turn into control characters.
    expect(decodeText(Buffer.from([0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x85, 0x80, 0x8a, 0x9f])).text).toBe('‘’“”–—…€ŠŸ');
  });

  it('reads UTF-16 little and big endian with a byte-order mark', () => {
    expect(decodeText(utf16(norwegian, 'le'))).toEqual({ text: norwegian, encoding: 'utf-16le' });
    expect(decodeText(utf16(norwegian, 'be'))).toEqual({ text: norwegian, encoding: 'utf-16be' });
  });

  it('accepts a trailing Ctrl-Z and plain ASCII', () => {
    expect(decodeText(Buffer.from('a;b\r\n\x1a', 'latin1'))).toEqual({ text: 'a;b\r\n', encoding: 'utf-8' });
  });

  it('refuses binary files and says what they look like', () => {
    const kind = (bytes: Buffer) => {
      try {
        decodeText(bytes);
        return 'text';
      } catch (error) {
        return error instanceof NotTextError ? error.kind : 'other';
      }
    };
    expect(kind(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBe('pdf');
    expect(kind(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('xls');
    expect(kind(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0]))).toBe('zip');
    expect(kind(Buffer.from('Navn;Leverandør\u0000x', 'utf8'))).toBe('binary');
    expect(kind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]))).toBe('binary');
    // A file that says UTF-8 with its mark and then is not.
    expect(kind(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), cp1252('Blåbær')]))).toBe('bad-utf8');
  });
});

describe('splitCsv', () => {
  const known = new Set(['kommunenummer', 'navn', 'leverandør']);
  const score = (records: string[][]) => Math.max(0, ...records.map((r) => r.filter((c) => known.has(c.trim().toLowerCase())).length));

  it('honours Excel\u2019s sep= line and leaves it out of the rows', () => {
    expect(splitCsv('sep=;\r\nKommunenummer;Navn\r\n3405;A,B\r\n', score)).toEqual({
      delimiter: ';',
      sepLine: true,
      rows: [
        ['Kommunenummer', 'Navn'],
        ['3405', 'A,B'],
      ],
    });
    expect(splitCsv('"sep=,"\nKommunenummer,Navn\n', score).delimiter).toBe(',');
    expect(splitCsv('\uFEFFsep=\t\nKommunenummer\tNavn\n', score)).toMatchObject({ delimiter: '\t', sepLine: true });
  });

  it('picks the delimiter that gives the most known headers', () => {
    expect(splitCsv('Kommunenummer;Navn;Leverandør\r\n3405;A, B;C\r\n', score).delimiter).toBe(';');
    expect(splitCsv('Kommunenummer\tNavn\tLeverandør\n3405\tA; B\tC\n', score).delimiter).toBe('\t');
    expect(splitCsv('Kommunenummer,Navn,Leverandør\n3405,"A; B",C\n', score)).toEqual({
      delimiter: ',',
      sepLine: false,
      rows: [
        ['Kommunenummer', 'Navn', 'Leverandør'],
        ['3405', 'A; B', 'C'],
      ],
    });
    // A title line first: the header is found within the first records.
    expect(splitCsv('Kartlegging, Gjøvik kommune\nKommunenummer;Navn\n3407;X\n', score).delimiter).toBe(';');
  });

  it('without known headers, takes the delimiter that splits the first line most, semicolon on a tie', () => {
    expect(splitCsv('a,b,c\n1,2,3\n').delimiter).toBe(',');
    expect(splitCsv('a\n1\n').delimiter).toBe(';');
  });
});

describe('parseCsvRecords and parseCsv', () => {
  it('keeps quoted delimiters, quotes and line breaks, and handles CR, LF and CRLF', () => {
    expect(parseCsvRecords('a;"b;""c""\r\nd"\re;f\ng;h', ';')).toEqual([
      ['a', 'b;"c"\r\nd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
    expect(parseCsvRecords('a;b\n;\n', ';')).toEqual([
      ['a', 'b'],
      ['', ''],
    ]);
    expect(parseCsvRecords('a\nb\nc\n', ';', 2)).toEqual([['a'], ['b']]);
  });

  it('reads back what csvDocument writes', () => {
    const rows = [
      ['Navn', 'Merknader'],
      ['=SUM(A1)', 'linje1\nlinje2; "sitat"'],
    ];
    expect(parseCsv(csvDocument(rows))).toEqual([
      ['Navn', 'Merknader'],
      ["'=SUM(A1)", 'linje1\nlinje2; "sitat"'],
    ]);
  });
});

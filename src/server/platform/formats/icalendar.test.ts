import { describe, expect, it } from 'vitest';
import { type CalendarEvent, escapeText, foldLine, icalendar } from './icalendar.ts';

const now = new Date('2026-11-27T08:15:30.123Z');

interface Property {
  name: string;
  params: string[];
  value: string;
}

/** Reads the feed back as a calendar would: unfold, split at CRLF, name;params:value. */
function parse(feed: string): Property[] {
  const unfolded = feed.replace(/\r\n[ \t]/g, '');
  expect(unfolded.endsWith('\r\n')).toBe(true);
  return unfolded
    .slice(0, -2)
    .split('\r\n')
    .map((line) => {
      const colon = line.indexOf(':');
      const [name, ...params] = line.slice(0, colon).split(';');
      return { name: name!, params, value: line.slice(colon + 1) };
    });
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

/** The values of a multi-valued TEXT property, split at commas that are not escaped. */
function splitList(value: string): string[] {
  return value.split(/(?<!\\),/).map(unescapeText);
}

function events(feed: string): Array<Map<string, Property>> {
  const result: Array<Map<string, Property>> = [];
  let current: Map<string, Property> | null = null;
  for (const property of parse(feed)) {
    if (property.name === 'BEGIN' && property.value === 'VEVENT') current = new Map();
    else if (property.name === 'END' && property.value === 'VEVENT') {
      result.push(current!);
      current = null;
    } else current?.set(property.name, property);
  }
  return result;
}

function feedOf(...list: CalendarEvent[]): string {
  return icalendar({ name: 'Frister – Nye Kommune', events: list, now });
}

const octets = (line: string) => Buffer.byteLength(line, 'utf8');

describe('icalendar', () => {
  it('writes a calendar Outlook can subscribe to', () => {
    const feed = icalendar({ name: 'Frister', events: [], now, productId: '-//Samla//Frister//NO' });
    expect(feed).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Samla//Frister//NO',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'X-WR-CALNAME:Frister',
        'X-WR-TIMEZONE:Europe/Oslo',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
  });

  it('writes each deadline as a transparent all-day event', () => {
    const feed = feedOf({
      uid: 'contract-1-notice@samla',
      date: '2026-09-30',
      summary: 'Si opp avtalen',
      description: 'Siste frist',
      url: 'https://samla.example/mergers/1/contracts/1',
      categories: ['Avtale'],
    });
    const lines = feed.split('\r\n');
    const start = lines.indexOf('BEGIN:VEVENT');
    expect(lines.slice(start, lines.indexOf('END:VEVENT') + 1)).toEqual([
      'BEGIN:VEVENT',
      'UID:contract-1-notice@samla',
      'DTSTAMP:20261127T081530Z',
      'DTSTART;VALUE=DATE:20260930',
      'DTEND;VALUE=DATE:20261001',
      'SUMMARY:Si opp avtalen',
      'DESCRIPTION:Siste frist',
      'URL:https://samla.example/mergers/1/contracts/1',
      'CATEGORIES:Avtale',
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    ]);
  });

  it('stamps events in UTC whatever the time is in Norway', () => {
    const feed = icalendar({
      name: 'Frister',
      events: [{ uid: 'a', date: '2027-01-01', summary: 'Sammenslåing' }],
      now: new Date('2026-12-31T23:30:00Z'),
    });
    expect(events(feed)[0]!.get('DTSTAMP')!.value).toBe('20261231T233000Z');
  });

  it('ends each event on the next day, across month ends, year ends and leap days', () => {
    const [leap, newYear, leapDay, plain] = events(
      feedOf(
        { uid: 'a', date: '2028-02-28', summary: 'a' },
        { uid: 'b', date: '2026-12-31', summary: 'b' },
        { uid: 'c', date: '2028-02-29', summary: 'c' },
        { uid: 'd', date: '2027-02-28', summary: 'd' },
      ),
    );
    expect(leap!.get('DTSTART')!.value).toBe('20280228');
    expect(leap!.get('DTEND')!.value).toBe('20280229');
    expect(newYear!.get('DTEND')!.value).toBe('20270101');
    expect(leapDay!.get('DTEND')!.value).toBe('20280301');
    expect(plain!.get('DTEND')!.value).toBe('20270301');
    expect(leap!.get('DTEND')!.params).toEqual(['VALUE=DATE']);
  });

  it('keeps Norwegian text, commas, semicolons, backslashes and line breaks intact', () => {
    const summary = 'Si opp avtalen med Økonomi; lønn, fakturering & «æøå ÆØÅ»';
    const description = 'Linje én\nLinje to; med komma, og \\ skråstrek\r\nog Windows-linjeskift';
    const [event] = events(feedOf({ uid: 'kontrakt,1;x', date: '2026-09-30', summary, description, categories: ['Avtale, IKT', 'Frist;1'] }));
    expect(unescapeText(event!.get('SUMMARY')!.value)).toBe(summary);
    expect(unescapeText(event!.get('DESCRIPTION')!.value)).toBe(description.replace('\r\n', '\n'));
    expect(unescapeText(event!.get('UID')!.value)).toBe('kontrakt,1;x');
    expect(splitList(event!.get('CATEGORIES')!.value)).toEqual(['Avtale, IKT', 'Frist;1']);
    const calendarName = parse(feedOf()).find((p) => p.name === 'X-WR-CALNAME')!;
    expect(unescapeText(calendarName.value)).toBe('Frister – Nye Kommune');
  });

  it('keeps long descriptions whole across folded lines', () => {
    const description = `${'Oppsigelse må sendes skriftlig til leverandøren, med kopi til arkivet; '.repeat(12)}😀 ferdig`;
    const feed = feedOf({ uid: 'a', date: '2026-09-30', summary: 'æ'.repeat(200), description });
    const [event] = events(feed);
    expect(unescapeText(event!.get('DESCRIPTION')!.value)).toBe(description);
    expect(unescapeText(event!.get('SUMMARY')!.value)).toBe('æ'.repeat(200));
    expect(feed.split('\r\n').filter((line) => line.startsWith(' ')).length).toBeGreaterThan(10);
  });

  it('uses CRLF for every line and no line is longer than 75 octets', () => {
    const feed = feedOf(
      { uid: 'a', date: '2026-09-30', summary: 'ø'.repeat(100), description: 'x'.repeat(300) },
      { uid: 'b', date: '2026-10-01', summary: '😀'.repeat(50), description: 'a\nb\rc', url: `https://x.no/${'y'.repeat(120)}` },
    );
    expect(feed.endsWith('\r\n')).toBe(true);
    expect(feed.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const lines = feed.split('\r\n').slice(0, -1);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    // Folding cut between characters: no half surrogate pair and no replacement character on any line.
    for (const line of lines) {
      expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
    }
  });

  it('leaves out optional properties that are not given', () => {
    const [event] = events(feedOf({ uid: 'a', date: '2026-09-30', summary: 'Frist', categories: [] }));
    expect([...event!.keys()]).toEqual(['UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY', 'TRANSP']);
  });

  it('refuses dates that do not exist and URLs that would break a line', () => {
    expect(() => feedOf({ uid: 'a', date: '2027-02-29', summary: 'x' })).toThrow(RangeError);
    expect(() => feedOf({ uid: 'a', date: '30.09.2026', summary: 'x' })).toThrow(RangeError);
    expect(() => feedOf({ uid: 'a', date: '2026-09-30', summary: 'x', url: 'https://x.no/\r\nEND:VCALENDAR' })).toThrow(RangeError);
    expect(() => icalendar({ name: 'x', events: [], now: new Date('nonsense') })).toThrow(RangeError);
  });
});

describe('foldLine', () => {
  it('leaves a line of exactly 75 octets alone and folds one of 76', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });
  it('counts the leading space of a continuation towards its 75 octets', () => {
    const folded = foldLine('x'.repeat(75 + 74 + 1)).split('\r\n');
    expect(folded.map(octets)).toEqual([75, 75, 2]);
  });
  it('never splits a multi-byte character', () => {
    // 12 octets of name, then two-octet characters: 31 fit (74 octets), the 32nd would straddle the limit.
    const folded = foldLine(`DESCRIPTION:${'æ'.repeat(40)}`).split('\r\n');
    expect(folded[0]).toBe(`DESCRIPTION:${'æ'.repeat(31)}`);
    expect(octets(folded[0]!)).toBe(74);
    expect(folded[1]).toBe(` ${'æ'.repeat(9)}`);
    const emoji = foldLine(`SUMMARY:${'😀'.repeat(30)}`).split('\r\n');
    expect(emoji.join('').replaceAll(' ', '')).toBe(`SUMMARY:${'😀'.repeat(30)}`);
    for (const line of emoji) expect(octets(line)).toBeLessThanOrEqual(75);
  });
});

describe('escapeText', () => {
  it('escapes what TEXT reserves and drops control characters it does not allow', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
    expect(escapeText('a\r\nb\rc')).toBe('a\\nb\\nc');
    expect(escapeText('a\u0000b\u0007c\td')).toBe('abc\td');
    expect(escapeText('æøå: «ok»')).toBe('æøå: «ok»');
  });
});

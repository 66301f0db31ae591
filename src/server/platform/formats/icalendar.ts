/**
 * A small iCalendar (RFC 5545) writer for all-day events, so a user can
 * subscribe to deadlines in Outlook, Google Calendar or Apple Calendar. Only
 * what a feed of deadlines needs: no times, no time zones, no recurrence.
 * Events are transparent (they do not block time in the user's calendar).
 */

export interface CalendarEvent {
  /** Stable across feeds, so a calendar updates an event instead of adding a copy. */
  uid: string;
  /** The day, YYYY-MM-DD. */
  date: string;
  summary: string;
  description?: string;
  url?: string;
  categories?: readonly string[];
}

export interface CalendarInput {
  /** Shown as the calendar's name when subscribed (X-WR-CALNAME). */
  name: string;
  events: readonly CalendarEvent[];
  /** When the feed is written; every event's DTSTAMP. */
  now: Date;
  productId?: string;
}

const DEFAULT_PRODUCT_ID = '-//Samla//Samla//NO';

export function icalendar({ name, events, now, productId = DEFAULT_PRODUCT_ID }: CalendarInput): string {
  const stamp = utcStamp(now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(productId)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    // Outlook and Google read this as the calendar's zone; all-day events do not move with it.
    'X-WR-TIMEZONE:Europe/Oslo',
  ];
  for (const event of events) {
    const day = parseDay(event.date);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(event.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${dateValue(day)}`,
      // DTEND is exclusive: a one-day event ends at the start of the next day.
      `DTEND;VALUE=DATE:${dateValue(new Date(day.getTime() + 86_400_000))}`,
      `SUMMARY:${escapeText(event.summary)}`,
    );
    if (event.description !== undefined) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.url !== undefined) lines.push(`URL:${uriValue(event.url)}`);
    if (event.categories !== undefined && event.categories.length > 0) {
      lines.push(`CATEGORIES:${event.categories.map(escapeText).join(',')}`);
    }
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}

/**
 * A TEXT value as RFC 5545 (3.3.11) wants it: backslash, semicolon, comma and
 * line breaks escaped. Other control characters are not allowed in TEXT and
 * are left out; a tab may stay.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
    .replace(/[\\;,\n]/g, (char) => (char === '\n' ? '\\n' : `\\${char}`));
}

/**
 * Folds a content line so no line is longer than 75 octets of UTF-8, as RFC
 * 5545 (3.1) requires; each continuation starts with one space, which counts
 * towards its 75. It cuts between characters (code points), never inside one,
 * so æ, ø, å and emoji reach the reader whole.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const char of line) {
    const octets = utf8Length(char);
    if (size + octets > limit) {
      parts.push(current);
      current = '';
      size = 0;
      limit = 74;
    }
    current += char;
    size += octets;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function utf8Length(char: string): number {
  const code = char.codePointAt(0)!;
  // A lone surrogate is written as U+FFFD, three octets, like TextEncoder does.
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

function parseDay(value: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    // Date.UTC rolls 30 February over into March; a real date comes back unchanged.
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return date;
  }
  throw new RangeError(`Not a calendar date YYYY-MM-DD: ${value}`);
}

function dateValue(date: Date): string {
  return date.toISOString().slice(0, 10).replaceAll('-', '');
}

function utcStamp(now: Date): string {
  if (Number.isNaN(now.getTime())) throw new RangeError('The time of the feed is not a valid date');
  // 2026-11-27T08:15:30.123Z → 20261127T081530Z
  return `${now.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** A URI is not TEXT and has no escapes, so anything that could break the line is refused. */
function uriValue(url: string): string {
  if (/[\u0000-\u0020\u007F]/.test(url)) throw new RangeError(`Not a URI for a calendar: ${JSON.stringify(url)}`);
  return url;
}

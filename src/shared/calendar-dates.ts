/**
 * Arithmetic on calendar dates written YYYY-MM-DD, done in UTC so neither the
 * server's time zone nor a clock change can move a date by a day. One copy for
 * every feature that counts days or months (deadlines, phases, reports,
 * readiness); a malformed date is a programming error and throws.
 */
export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;

function calendarDateOf(value: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= daysInMonth(date.year, date.month) ? date : null;
}

export function parseCalendarDate(value: string): CalendarDate {
  const date = calendarDateOf(value);
  if (!date) throw new RangeError(`Not a calendar date YYYY-MM-DD: ${value}`);
  return date;
}

/** Whether `value` is a real calendar date YYYY-MM-DD (31.02. is not): for input, where a bad date is the user's, not a bug. */
export function isCalendarDate(value: string): boolean {
  return calendarDateOf(value) !== null;
}

export function formatCalendarDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; Date.UTC knows the leap years.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function epochDay(value: string): number {
  const { year, month, day } = parseCalendarDate(value);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function fromUtc(date: Date): string {
  return formatCalendarDate({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}

/** Whole days from `from` to `to`: positive when `to` is later, negative when earlier. */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** The calendar date `days` days after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  return fromUtc(new Date((epochDay(date) + days) * DAY_MS));
}

/** Calendar months; the day is kept, or the month's last day when it has fewer (31.08 + 1 month = 30.09). */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parseCalendarDate(date);
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return fromUtc(new Date(Date.UTC(year, month - 1 + months, Math.min(day, lastDay))));
}

// Norway's calendar. sv-SE formats as YYYY-MM-DD. Made once, on first use:
// building an Intl formatter costs far more than formatting, and every request
// that knows «overdue» asks for today.
let osloDate: Intl.DateTimeFormat | undefined;

// Norway's days begin on a whole minute (UTC+1 or +2), so within one minute of
// UTC the date is the same: every request asks, and formatting costs a little.
let lastMinute = Number.NaN;
let lastDate = '';

/** Today's calendar date in Norway, whatever the server's own time zone is; `now` comes from the caller's clock. */
export function todayInOslo(now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastMinute) {
    osloDate ??= new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' });
    lastDate = osloDate.format(now);
    lastMinute = minute;
  }
  return lastDate;
}

/** The calendar date a moment fell on in Norway (an acceptance at 00:30 Norwegian time is that day, not the UTC day before). */
export function dateInOslo(moment: Date | string): string {
  return todayInOslo(typeof moment === 'string' ? new Date(moment) : moment);
}

/** The instant a calendar day starts in Norway (CET or CEST, whichever applies that day). */
export function startOfDayInOslo(isoDate: string): Date {
  const utcMidnight = Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)));
  const offsetName = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Oslo', timeZoneName: 'longOffset' })
    .formatToParts(new Date(utcMidnight))
    .find((part) => part.type === 'timeZoneName')?.value; // «GMT+01:00»
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(offsetName ?? '');
  const offsetMinutes = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  return new Date(utcMidnight - offsetMinutes * 60_000);
}

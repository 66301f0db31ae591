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

export function parseCalendarDate(value: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) {
    const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
    if (date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= daysInMonth(date.year, date.month)) {
      return date;
    }
  }
  throw new RangeError(`Not a calendar date YYYY-MM-DD: ${value}`);
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

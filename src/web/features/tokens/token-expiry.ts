import { todayInOslo } from '#shared/calendar-dates.ts';

/**
 * The last day a key works, in Norwegian time. The server stores the moment it stops
 * (the start of the next day in Oslo), so the day is the one just before that moment.
 */
export function lastDayOf(expiresAt: string): string {
  const stops = Date.parse(expiresAt);
  if (Number.isNaN(stops)) return expiresAt;
  return todayInOslo(new Date(stops - 1));
}

/**
 * The latest last day the server accepts, 365 days from today (Oslo): it allows at most
 * 366 days from now to the moment the key stops, which is the end of the last day.
 */
export function latestLastDay(now: Date = new Date()): string {
  const date = new Date(`${todayInOslo(now)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 365);
  return date.toISOString().slice(0, 10);
}

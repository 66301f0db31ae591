/**
 * Number and date formatting for one locale. Dates are calendar dates (`YYYY-MM-DD`)
 * shown as dd.mm.yyyy in Norwegian and as «7 Dec 2026» in English (an English reader
 * takes 07.12.2026 for the 12th of July); timestamps are shown in Europe/Oslo.
 */
export interface Formatters {
  number: (value: number) => string;
  percent: (value: number) => string;
  /** `2028-01-01` → `01.01.2028` (nb, nn), `1 Jan 2028` (en). */
  date: (isoDate: string) => string;
  /** An ISO timestamp → `01.01.2028 kl. 13:05` (Europe/Oslo; the words around come from the catalog). */
  dateTime: (isoTimestamp: string) => string;
  /** An ISO timestamp → `01.01.2028 13:05` (Europe/Oslo), for tables with a «Tidspunkt» column. */
  timestamp: (isoTimestamp: string) => string;
  /** ['A', 'B', 'C'] → «A, B og C». */
  list: (items: string[]) => string;
}

/** Made on first use: each Intl formatter costs milliseconds to create, several together tens of them at page load. */
function lazily<T>(create: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= create());
}

export function createFormatters(locale: string, timeAt: (date: string, time: string) => string): Formatters {
  // English: the month by name, so neither a British nor an American reader misreads the day.
  const day: Intl.DateTimeFormatOptions = locale.toLowerCase().startsWith('en')
    ? { day: 'numeric', month: 'short', year: 'numeric' }
    : { day: '2-digit', month: '2-digit', year: 'numeric' };
  const numberFormat = lazily(() => new Intl.NumberFormat(locale));
  const percentFormat = lazily(() => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }));
  const dayFormat = lazily(() => new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Oslo', ...day }));
  // A calendar date is no moment in time: formatted as that day in UTC, whatever the time zone.
  const calendarDateFormat = lazily(() => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...day }));
  const timeFormat = lazily(() => new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' }));
  const listFormat = lazily(() => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }));
  return {
    list: (items) => listFormat().format(items),
    number: (value) => numberFormat().format(value),
    percent: (value) => percentFormat().format(value / 100),
    date: (isoDate) => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
      if (!match) return isoDate;
      if (day.month === '2-digit') return `${match[3]}.${match[2]}.${match[1]}`;
      const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
      return Number.isNaN(date.getTime()) ? isoDate : calendarDateFormat().format(date);
    },
    dateTime: (isoTimestamp) => {
      const date = new Date(isoTimestamp);
      return Number.isNaN(date.getTime()) ? isoTimestamp : timeAt(dayFormat().format(date), timeFormat().format(date));
    },
    timestamp: (isoTimestamp) => {
      const date = new Date(isoTimestamp);
      return Number.isNaN(date.getTime()) ? isoTimestamp : `${dayFormat().format(date)} ${timeFormat().format(date)}`;
    },
  };
}

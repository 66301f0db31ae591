import type { Language } from '#shared/language.ts';

const englishMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A date (YYYY-MM-DD) as a reader of `language` writes it in what Samla produces (calendar,
 * e-mail, report): 31.08.2027 in Norwegian, «31 Aug 2027» in English, since 07.12.2026 reads
 * as 12 July to many English readers (decision 039). Read by people, not parsed.
 */
export function documentDate(isoDate: string, language: Language): string {
  if (language !== 'en') return `${isoDate.slice(8, 10)}.${isoDate.slice(5, 7)}.${isoDate.slice(0, 4)}`;
  return `${Number(isoDate.slice(8, 10))} ${englishMonths[Number(isoDate.slice(5, 7)) - 1]} ${isoDate.slice(0, 4)}`;
}

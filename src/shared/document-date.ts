import type { Language } from '#shared/language.ts';

// The web's format for English (src/web/i18n/format.ts, en-GB): «7 Dec 2026», «7 Sept 2026».
const englishDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });

/**
 * A calendar date (YYYY-MM-DD) as a reader of `language` writes it — in a message, the history,
 * a calendar, an e-mail, a workbook's title or the report: 31.08.2027 in Norwegian, «31 Aug 2027»
 * in English, since 07.12.2026 reads as 12 July to many English readers (decision 039). The one
 * place server and shared code write a date for people; read by people, not parsed.
 */
export function documentDate(isoDate: string, language: Language): string {
  if (language !== 'en') return `${isoDate.slice(8, 10)}.${isoDate.slice(5, 7)}.${isoDate.slice(0, 4)}`;
  return englishDay.format(new Date(Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)))));
}

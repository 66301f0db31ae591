import type { TableWorkbook } from '#server/platform/formats/table-workbook.ts';
import { csvLines } from '#server/platform/formats/csv.ts';
import type { AuditEntry } from '#shared/contracts/audit.ts';
import type { Language } from '#shared/language.ts';

interface HistoryFile {
  sheet: string;
  title: string;
  /** Tidspunkt, Hvem, E-post, Hva, Navn, Handling, Felt, Før, Etter. */
  headers: readonly [string, string, string, string, string, string, string, string, string];
}

/** The history file's own words, in the merger's document language. */
const historyFiles: Readonly<Record<Language, HistoryFile>> = {
  nb: {
    sheet: 'Historikk',
    title: 'Historikk for sammenslåingen',
    headers: ['Tidspunkt', 'Hvem', 'E-post', 'Hva', 'Navn', 'Handling', 'Felt', 'Før', 'Etter'],
  },
  nn: {
    sheet: 'Historikk',
    title: 'Historikk for samanslåinga',
    headers: ['Tidspunkt', 'Kven', 'E-post', 'Kva', 'Namn', 'Handling', 'Felt', 'Før', 'Etter'],
  },
  en: {
    sheet: 'History',
    title: 'History of the merger',
    headers: ['Time', 'Who', 'Email', 'What', 'Name', 'Action', 'Field', 'Before', 'After'],
  },
};

/** The column headers of the history file in `language`. */
export const historyHeaders = (language: Language): readonly string[] => historyFiles[language].headers;

const timeFormats = new Map<Language, Intl.DateTimeFormat>();

/** When, in Norway's time: 07.12.2026, 19:10:47 in Norwegian, 7 Dec 2026, 19:10:47 in English. */
function osloTime(iso: string, language: Language): string {
  let format = timeFormats.get(language);
  if (!format) {
    format =
      language === 'en'
        ? new Intl.DateTimeFormat('en-GB', {
            timeZone: 'Europe/Oslo',
            day: 'numeric',
            month: 'short',
            year: 'numeric',
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
          })
        : new Intl.DateTimeFormat(language === 'nn' ? 'nn-NO' : 'nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'short', timeStyle: 'medium' });
    timeFormats.set(language, format);
  }
  return format.format(new Date(iso));
}

/**
 * One row per changed field, so a spreadsheet can filter on field, old and new
 * value; every word as the history page says it (audit.presentation.ts), in the
 * language the entries were presented in.
 */
export function auditRows(entries: readonly AuditEntry[], language: Language): string[][] {
  return entries.flatMap((entry) => {
    const { display } = entry;
    const base = [osloTime(entry.at, language), entry.actor.name, entry.actor.email ?? '', display.entity, display.label ?? '', display.action];
    if (display.changes.length === 0) return [[...base, '', '', '']];
    return display.changes.map((change) => [...base, change.field, change.old ?? '', change.new ?? '']);
  });
}

/**
 * Semicolons and a byte-order mark: what Excel with Norwegian settings opens as
 * columns. A line at a time, to be sent as a stream (decision 024).
 */
export function auditCsvLines(entries: readonly AuditEntry[], language: Language): Generator<string> {
  return csvLines([historyHeaders(language), ...auditRows(entries, language)]);
}

/** The history as one sheet from rows already in words, written in a worker thread (decision 024). */
export function historyWorkbook(rows: string[][], language: Language): TableWorkbook {
  const { sheet, title, headers } = historyFiles[language];
  const [, , , , name, , field, before, after] = headers;
  return {
    sheet,
    title,
    headers,
    rows,
    widths: [20, 24, 28, 18, 40, 12, 24, 36, 36],
    defaultWidth: 20,
    // Long names and texts wrap inside their cell instead of running over the next ones.
    wrapHeaders: [name, field, before, after],
  };
}

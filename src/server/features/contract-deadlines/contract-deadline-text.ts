import { documentDate } from '#shared/document-date.ts';
import type { Language } from '#shared/language.ts';
import type { Localized } from '#shared/localized.ts';
import { enVocabulary } from '#shared/vocabulary/en.ts';
import { nbVocabulary } from '#shared/vocabulary/nb.ts';
import { nnVocabulary } from '#shared/vocabulary/nn.ts';
import type { ContractAction } from './contract-deadlines.domain.ts';

export { documentDate };

/**
 * How the server writes a contract deadline where the web app's messages cannot reach: the
 * calendar feed and the PDF status report, in the merger's målform (decision 040). One copy,
 * so the two say what the Avtalefrister page says.
 */

/** The names of Samla's fixed values in each language. */
export const vocabularyIn = { nb: nbVocabulary, nn: nnVocabulary, en: enVocabulary } as const satisfies Record<Language, unknown>;

/** 31.08.2027, as Norwegians write a date (the calendar and the PDF are read by people, not parsed). */
export function norwegianDate(isoDate: string): string {
  return `${isoDate.slice(8, 10)}.${isoDate.slice(5, 7)}.${isoDate.slice(0, 4)}`;
}

const mustExtend: Localized = { nb: 'må forlenges', nn: 'må forlengjast', en: 'must be extended' };
const mustExtendBy: Localized = { nb: 'må forlenges innen', nn: 'må forlengjast innan', en: 'must be extended by' };
const by: Localized = { nb: 'innen', nn: 'innan', en: 'by' };
const terminateUnknown: Localized = {
  nb: 'Sies opp (oppsigelsestiden er ukjent)',
  nn: 'Blir sagd opp (oppseiingstida er ukjend)',
  en: 'To be terminated (the notice period is unknown)',
};
const terminateBy: Localized = { nb: 'Sies opp senest', nn: 'Blir sagd opp seinast', en: 'To be terminated no later than' };

/**
 * What must happen, with its deadline where the action is about one:
 * «Løper ut før systemet kan avvikles — må forlenges innen 28.02.2027». Bokmål unless told.
 */
export function contractActionText(contract: { action: ContractAction; deadline: string | null }, language: Language = 'nb'): string {
  const words = vocabularyIn[language].contractActionHeading[contract.action];
  const date = contract.deadline === null ? null : documentDate(contract.deadline, language);
  switch (contract.action) {
    case 'extend_before_merger':
    case 'extend_until_retired':
      return date === null ? `${words} — ${mustExtend[language]}` : `${words} — ${mustExtendBy[language]} ${date}`;
    case 'transfer':
      return date === null ? words : `${words} ${by[language]} ${date}`;
    case 'terminate':
      return date === null ? terminateUnknown[language] : `${terminateBy[language]} ${date}`;
    case 'let_expire':
      return date === null ? words : `${words} ${date}`;
    default:
      return words;
  }
}

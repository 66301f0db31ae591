import { nbVocabulary as vocabulary } from '#shared/vocabulary/nb.ts';
import type { ContractAction } from './contract-deadlines.domain.ts';

/**
 * How the server writes a contract deadline in Norwegian where the web app's
 * messages cannot reach: the calendar feed and the PDF status report. One copy,
 * so the two say what the Avtalefrister page says.
 */

/** 31.08.2027, as Norwegians write a date (the calendar and the PDF are read by people, not parsed). */
export function norwegianDate(isoDate: string): string {
  return `${isoDate.slice(8, 10)}.${isoDate.slice(5, 7)}.${isoDate.slice(0, 4)}`;
}

/**
 * What must happen, with its deadline where the action is about one:
 * «Løper ut før systemet kan avvikles — må forlenges innen 28.02.2027».
 */
export function contractActionText(contract: { action: ContractAction; deadline: string | null }): string {
  const words = vocabulary.contractActionHeading[contract.action];
  const by = contract.deadline === null ? null : norwegianDate(contract.deadline);
  switch (contract.action) {
    case 'extend_before_merger':
    case 'extend_until_retired':
      return by === null ? `${words} — må forlenges` : `${words} — må forlenges innen ${by}`;
    case 'transfer':
      return by === null ? words : `${words} innen ${by}`;
    case 'terminate':
      return by === null ? 'Sies opp (oppsigelsestiden er ukjent)' : `Sies opp senest ${by}`;
    case 'let_expire':
      return by === null ? words : `${words} ${by}`;
    default:
      return words;
  }
}

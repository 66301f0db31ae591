import type { Language } from '#shared/language.ts';

/** A municipality's målform in the register (kommuneregisteret): nøytral ones have not chosen. */
export type LanguageForm = 'bokmål' | 'nynorsk' | 'nøytral';

/**
 * The document language Samla proposes for a new merger from its municipalities' målform:
 * all nynorsk → nynorsk, all bokmål → bokmål. Anything else (mixed, or a neutral one among
 * them) is null: the merged municipality must choose its målform itself (språklova), so the
 * form asks instead of guessing. Shared, so the form preselects what the server would choose.
 */
export function proposedDocumentLanguage(languageForms: readonly LanguageForm[]): Extract<Language, 'nb' | 'nn'> | null {
  if (languageForms.length === 0) return null;
  if (languageForms.every((form) => form === 'nynorsk')) return 'nn';
  if (languageForms.every((form) => form === 'bokmål')) return 'nb';
  return null;
}

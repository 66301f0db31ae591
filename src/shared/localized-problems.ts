import type { FieldProblem } from '#shared/contracts/common.ts';
import { languages, type Language } from '#shared/language.ts';
import { textIn, type Localized } from '#shared/localized.ts';

/**
 * A problem with a field, told in every language (issue 22). Domain rules return these; the
 * service throws the first one's message as the error's Localized message and puts the list in
 * the error's details told in the reader's language (`ctx.language`), since FieldProblem's
 * message is one string.
 */
export interface LocalizedFieldProblem {
  path: string;
  code: string;
  message: Localized;
}

/** The problems told in `language`, as the API's FieldProblem[] carries them. */
export function problemsIn(problems: readonly LocalizedFieldProblem[], language: Language | undefined): FieldProblem[] {
  return problems.map((problem) => ({ ...problem, message: textIn(problem.message, language ?? 'nb') }));
}

/** A text built for one language at a time (a rule shared with the web, which takes a language), in all of them. */
export function localize(text: (language: Language) => string): Localized {
  return Object.fromEntries(languages.map((language) => [language, text(language)])) as Record<Language, string>;
}

import type { Language } from '#shared/language.ts';

/**
 * One text in every language Samla speaks (issue 22): a server message, a validation message,
 * a document heading. The type makes a missing language a build error, so no text is
 * left in bokmål by oversight.
 */
export type Localized = Readonly<Record<Language, string>>;

/** The text in `language`; a plain string is bokmål only and is given as it is. */
export function textIn(text: string | Localized, language: Language): string {
  return typeof text === 'string' ? text : text[language];
}

export function isLocalized(value: unknown): value is Localized {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Localized).nb === 'string' &&
    typeof (value as Localized).nn === 'string' &&
    typeof (value as Localized).en === 'string'
  );
}
